/* kh-citation.h — a cited legal document (Luật, Nghị định, ...) of a legal basis */
#pragma once

#include "kh-model-object.h"

G_BEGIN_DECLS

#define KH_TYPE_CITATION (kh_citation_get_type ())
G_DECLARE_FINAL_TYPE (KhCitation, kh_citation, KH, CITATION, KhModelObject)

KhCitation  *kh_citation_new         (void);
KhCitation  *kh_citation_copy        (KhCitation *self);
const char  *kh_citation_get_kind    (KhCitation *self);
void         kh_citation_set_kind    (KhCitation *self,
                                      const char *kind);
const char  *kh_citation_get_number  (KhCitation *self);
void         kh_citation_set_number  (KhCitation *self,
                                      const char *number);
const char  *kh_citation_get_date    (KhCitation *self);
void         kh_citation_set_date    (KhCitation *self,
                                      const char *date);
const char  *kh_citation_get_issuer  (KhCitation *self);
void         kh_citation_set_issuer  (KhCitation *self,
                                      const char *issuer);
const char  *kh_citation_get_subject (KhCitation *self);
void         kh_citation_set_subject (KhCitation *self,
                                      const char *subject);

G_END_DECLS
