/* kh-document-info.h — one row of the document library
 *
 * What a list of documents shows without loading every document: the
 * stored id, kind, title, plan year, status and the time of the last
 * change. Immutable; a new list is read after "documents-changed".
 */
#pragma once

#include <glib-object.h>

#include "kh-types.h"

G_BEGIN_DECLS

#define KH_TYPE_DOCUMENT_INFO (kh_document_info_get_type ())
G_DECLARE_FINAL_TYPE (KhDocumentInfo, kh_document_info, KH, DOCUMENT_INFO, GObject)

/* modified is a UNIX time in microseconds (g_get_real_time ()). */
KhDocumentInfo   *kh_document_info_new          (gint64            id,
                                                 KhDocumentKind    kind,
                                                 const char       *title,
                                                 int               year,
                                                 KhDocumentStatus  status,
                                                 gint64            modified);

gint64            kh_document_info_get_id       (KhDocumentInfo   *self);
KhDocumentKind    kh_document_info_get_kind     (KhDocumentInfo   *self);
const char       *kh_document_info_get_title    (KhDocumentInfo   *self);
int               kh_document_info_get_year     (KhDocumentInfo   *self);
KhDocumentStatus  kh_document_info_get_status   (KhDocumentInfo   *self);
gint64            kh_document_info_get_modified (KhDocumentInfo   *self);
/* The modification time in the local time zone. */
GDateTime        *kh_document_info_dup_modified_date_time (KhDocumentInfo *self);

G_END_DECLS
