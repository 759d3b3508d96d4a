/* kh-citation-row.h — the structured form of one citation of a legal basis
 *
 * Kind (an editable list of the common kinds), number, date, issuer and
 * subject of a cited document, written to the KhCitation as typed. The
 * date is typed the way the document prints it, d/m/yyyy, and stored as
 * an ISO date; text that is not a real date is marked as an error and is
 * not stored.
 *
 * Action: citation.remove — removes the citation from its list.
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-citation.h"

G_BEGIN_DECLS

#define KH_TYPE_CITATION_ROW (kh_citation_row_get_type ())
G_DECLARE_FINAL_TYPE (KhCitationRow, kh_citation_row, KH, CITATION_ROW, GtkListBoxRow)

/* citations is the list (a GListStore) that holds citation. */
GtkWidget  *kh_citation_row_new          (KhCitation    *citation,
                                          GListModel    *citations);
KhCitation *kh_citation_row_get_citation (KhCitationRow *self);

G_END_DECLS
