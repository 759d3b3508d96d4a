/* kh-decision.h — the decision (Quyết định) part of a document */
#pragma once

#include "kh-model-object.h"
#include "kh-article.h"
#include "kh-legal-basis.h"

G_BEGIN_DECLS

#define KH_TYPE_DECISION (kh_decision_get_type ())
G_DECLARE_FINAL_TYPE (KhDecision, kh_decision, KH, DECISION, KhModelObject)

KhDecision  *kh_decision_new           (void);
KhDecision  *kh_decision_copy          (KhDecision *self);
const char  *kh_decision_get_authority (KhDecision *self);
void         kh_decision_set_authority (KhDecision *self,
                                        const char *authority);
const char  *kh_decision_get_proposal  (KhDecision *self);
void         kh_decision_set_proposal  (KhDecision *self,
                                        const char *proposal);
GListModel  *kh_decision_get_bases     (KhDecision *self);
GListModel  *kh_decision_get_articles  (KhDecision *self);

G_END_DECLS
