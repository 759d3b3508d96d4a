/* kh-recipient.h — one line of a document's "Nơi nhận" list */
#pragma once

#include "kh-model-object.h"

G_BEGIN_DECLS

#define KH_TYPE_RECIPIENT (kh_recipient_get_type ())
G_DECLARE_FINAL_TYPE (KhRecipient, kh_recipient, KH, RECIPIENT, KhModelObject)

KhRecipient  *kh_recipient_new      (const char * text);
KhRecipient  *kh_recipient_copy     (KhRecipient *self);
const char   *kh_recipient_get_text (KhRecipient *self);
void          kh_recipient_set_text (KhRecipient *self,
                                     const char  *text);

G_END_DECLS
