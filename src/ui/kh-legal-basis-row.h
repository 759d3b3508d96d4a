/* kh-legal-basis-row.h — one legal basis ("Căn cứ ...") in KhDecisionView
 *
 * An expander row titled with the basis as it prints (worded from its
 * citations, or its custom wording), updated as it is edited. Expanded,
 * it edits the shared lead, the custom wording and each citation
 * (KhCitationRow).
 *
 * Actions: basis.add-citation, basis.move-up, basis.move-down,
 * basis.remove (in the list that holds the basis).
 */
#pragma once

#include <adwaita.h>

#include "kh-legal-basis.h"

G_BEGIN_DECLS

#define KH_TYPE_LEGAL_BASIS_ROW (kh_legal_basis_row_get_type ())
G_DECLARE_FINAL_TYPE (KhLegalBasisRow, kh_legal_basis_row, KH, LEGAL_BASIS_ROW, AdwExpanderRow)

/* bases is the list (a GListStore) that holds basis. */
GtkWidget    *kh_legal_basis_row_new       (KhLegalBasis    *basis,
                                            GListModel      *bases);
KhLegalBasis *kh_legal_basis_row_get_basis (KhLegalBasisRow *self);
/* The basis as the document prints it, "Căn cứ ...;" (or "." when it is
 * the last one); "" when there is nothing to word yet. */
char         *kh_legal_basis_row_dup_wording (KhLegalBasisRow *self);

G_END_DECLS
