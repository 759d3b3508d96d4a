/* kh-plan.h — the plan (Kế hoạch) part of a document */
#pragma once

#include "kh-model-object.h"
#include "kh-node.h"
#include "kh-task-table.h"

G_BEGIN_DECLS

#define KH_TYPE_PLAN (kh_plan_get_type ())
G_DECLARE_FINAL_TYPE (KhPlan, kh_plan, KH, PLAN, KhModelObject)

KhPlan      *kh_plan_new           (void);
KhPlan      *kh_plan_copy          (KhPlan *self);
const char  *kh_plan_get_summary   (KhPlan *self);
void         kh_plan_set_summary   (KhPlan     *self,
                                    const char *summary);
const char  *kh_plan_get_issued_by (KhPlan *self);
void         kh_plan_set_issued_by (KhPlan     *self,
                                    const char *issued_by);
GListModel  *kh_plan_get_narrative (KhPlan *self);
GListModel  *kh_plan_get_tables    (KhPlan *self);

G_END_DECLS
