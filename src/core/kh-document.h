/* kh-document.h — a document: a decision (possibly with its plan) or a plan
 *
 * The root of the model. Its "changed" signal (from KhModelObject) fires
 * once for every edit anywhere below it: a property of any object, or an
 * insertion, removal or move in any list (recipients, bases, articles,
 * narrative, tables, columns, groups, tasks, node children). Lists are
 * edited through the GListStore API on the GListModel the getters return.
 *
 * Strings are never NULL ("" when empty). number, day and month are 0 while
 * blank in a draft. Every document has a signer; decision and plan are NULL
 * when absent. The id is the store's (0 = not stored): copies and
 * comparisons ignore it.
 */
#pragma once

#include "kh-model-object.h"
#include "kh-types.h"
#include "kh-decision.h"
#include "kh-plan.h"
#include "kh-recipient.h"
#include "kh-signer.h"

G_BEGIN_DECLS

#define KH_TYPE_DOCUMENT (kh_document_get_type ())
G_DECLARE_FINAL_TYPE (KhDocument, kh_document, KH, DOCUMENT, KhModelObject)

KhDocument       *kh_document_new                  (KhDocumentKind kind);
KhDocument       *kh_document_copy                 (KhDocument *self);
gint64            kh_document_get_id               (KhDocument *self);
void              kh_document_set_id               (KhDocument *self,
                                                    gint64      id);
KhDocumentKind    kh_document_get_kind             (KhDocument *self);
void              kh_document_set_kind             (KhDocument     *self,
                                                    KhDocumentKind  kind);
KhDocumentStatus  kh_document_get_status           (KhDocument *self);
void              kh_document_set_status           (KhDocument       *self,
                                                    KhDocumentStatus  status);
const char       *kh_document_get_parent_agency    (KhDocument *self);
void              kh_document_set_parent_agency    (KhDocument *self,
                                                    const char *parent_agency);
const char       *kh_document_get_agency           (KhDocument *self);
void              kh_document_set_agency           (KhDocument *self,
                                                    const char *agency);
const char       *kh_document_get_agency_abbrev    (KhDocument *self);
void              kh_document_set_agency_abbrev    (KhDocument *self,
                                                    const char *agency_abbrev);
int               kh_document_get_number           (KhDocument *self);
void              kh_document_set_number           (KhDocument *self,
                                                    int         number);
const char       *kh_document_get_place            (KhDocument *self);
void              kh_document_set_place            (KhDocument *self,
                                                    const char *place);
int               kh_document_get_day              (KhDocument *self);
void              kh_document_set_day              (KhDocument *self,
                                                    int         day);
int               kh_document_get_month            (KhDocument *self);
void              kh_document_set_month            (KhDocument *self,
                                                    int         month);
int               kh_document_get_date_year        (KhDocument *self);
void              kh_document_set_date_year        (KhDocument *self,
                                                    int         date_year);
int               kh_document_get_year             (KhDocument *self);
void              kh_document_set_year             (KhDocument *self,
                                                    int         year);
const char       *kh_document_get_summary          (KhDocument *self);
void              kh_document_set_summary          (KhDocument *self,
                                                    const char *summary);
KhSigner         *kh_document_get_signer           (KhDocument *self);
GListModel       *kh_document_get_recipients       (KhDocument *self);
const char       *kh_document_get_archive          (KhDocument *self);
void              kh_document_set_archive          (KhDocument *self,
                                                    const char *archive);
const char       *kh_document_get_archive_initials (KhDocument *self);
void              kh_document_set_archive_initials (KhDocument *self,
                                                    const char *archive_initials);
KhDecision       *kh_document_get_decision         (KhDocument *self);
void              kh_document_set_decision         (KhDocument *self,
                                                    KhDecision *decision);
KhPlan           *kh_document_get_plan             (KhDocument *self);
void              kh_document_set_plan             (KhDocument *self,
                                                    KhPlan     *plan);

/* Deep comparison of the content (the id is ignored). */
gboolean          kh_document_equal                (KhDocument *a,
                                                    KhDocument *b);
/* "QĐ" or "KH", as in the symbol QĐ-SKHCN. */
const char       *kh_document_get_type_abbrev      (KhDocument *self);
/* The title for lists: the summary, trimmed. */
char             *kh_document_dup_title            (KhDocument *self);
/* Every non-empty text of the document, one per line, for full-text search. */
char             *kh_document_dup_search_text      (KhDocument *self);
void              kh_document_add_recipient        (KhDocument *self,
                                                    const char *text);

G_END_DECLS
