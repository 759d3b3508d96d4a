/* kh-templates.h — new documents as a Sở starts them
 *
 * A new plan or decision comes with the parts every such document has
 * (the usual narrative parts, the three articles, the task table of the
 * examples) and with the user's defaults (agency, place, signer,
 * recipients), so that the user fills in rather than builds.
 */
#pragma once

#include "kh-document.h"

G_BEGIN_DECLS

typedef struct {
  const char         *parent_agency;
  const char         *agency;
  const char         *agency_abbrev;
  const char         *place;
  const char         *signer_prefix;
  const char         *signer_authority;
  const char         *signer_title;
  const char         *signer_name;
  const char * const *recipients;   /* NULL-terminated, may be NULL */
} KhDocumentDefaults;

/* The plan year of a document drafted at @now: plans are drafted for the
 * coming year from October on. */
int         kh_templates_plan_year         (GDateTime                *now);
KhDocument *kh_templates_new_plan          (const KhDocumentDefaults *defaults,
                                            GDateTime                *now);
KhDocument *kh_templates_new_decision_with_plan (const KhDocumentDefaults *defaults,
                                                 GDateTime                *now);

G_END_DECLS

G_BEGIN_DECLS

/* Next year's document from this year's, as offices start it: a copy with
 * the plan year and the date's year one later, the number and day blank
 * again, status draft, "năm <year>" moved on in the summaries, narrative
 * and tasks, the time frames' dates of the old plan year moved to the new
 * one, and user-set schedules dropped (they are dated). Legal bases are
 * left as they are: what they cite does not change with the year. */
KhDocument *kh_templates_roll_over          (KhDocument *document);
/* The same rewriting of one text (for tests and the UI preview of it). */
char       *kh_templates_roll_over_text     (const char *text,
                                             int         from_year,
                                             gboolean    dates_too);

G_END_DECLS
