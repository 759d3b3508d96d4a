/* kh-legal-basis.h — one "Căn cứ ..." paragraph of a decision */
#pragma once

#include "kh-model-object.h"
#include "kh-citation.h"

G_BEGIN_DECLS

#define KH_TYPE_LEGAL_BASIS (kh_legal_basis_get_type ())
G_DECLARE_FINAL_TYPE (KhLegalBasis, kh_legal_basis, KH, LEGAL_BASIS, KhModelObject)

KhLegalBasis  *kh_legal_basis_new           (void);
KhLegalBasis  *kh_legal_basis_copy          (KhLegalBasis *self);
const char    *kh_legal_basis_get_group     (KhLegalBasis *self);
void           kh_legal_basis_set_group     (KhLegalBasis *self,
                                             const char   *group);
const char    *kh_legal_basis_get_text      (KhLegalBasis *self);
void           kh_legal_basis_set_text      (KhLegalBasis *self,
                                             const char   *text);
GListModel    *kh_legal_basis_get_citations (KhLegalBasis *self);

G_END_DECLS
