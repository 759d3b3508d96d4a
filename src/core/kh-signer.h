/* kh-signer.h — who signs a document (NĐ 30 signature block) */
#pragma once

#include "kh-model-object.h"

G_BEGIN_DECLS

#define KH_TYPE_SIGNER (kh_signer_get_type ())
G_DECLARE_FINAL_TYPE (KhSigner, kh_signer, KH, SIGNER, KhModelObject)

KhSigner    *kh_signer_new           (void);
KhSigner    *kh_signer_copy          (KhSigner *self);
const char  *kh_signer_get_prefix    (KhSigner *self);
void         kh_signer_set_prefix    (KhSigner   *self,
                                      const char *prefix);
/* The authority prefixes of NĐ 30 in the order the editors offer them,
 * index 0 being none (""): the prefix at index (NULL past the end), and the
 * index of prefix (NULL counts as ""; -1 when it is none of them). */
const char  *kh_signer_prefix_at     (guint       index);
int          kh_signer_prefix_index  (const char *prefix);
const char  *kh_signer_get_authority (KhSigner *self);
void         kh_signer_set_authority (KhSigner   *self,
                                      const char *authority);
const char  *kh_signer_get_title     (KhSigner *self);
void         kh_signer_set_title     (KhSigner   *self,
                                      const char *title);
const char  *kh_signer_get_name      (KhSigner *self);
void         kh_signer_set_name      (KhSigner   *self,
                                      const char *name);

G_END_DECLS
