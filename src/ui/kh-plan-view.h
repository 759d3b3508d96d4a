/* kh-plan-view.h — a plan's own title and its narrative */
#pragma once

#include <adwaita.h>

#include "kh-document.h"
#include "kh-node.h"

G_BEGIN_DECLS

#define KH_TYPE_PLAN_VIEW (kh_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanView, kh_plan_view, KH, PLAN_VIEW, AdwBin)

GtkWidget  *kh_plan_view_new          (void);
KhDocument *kh_plan_view_get_document (KhPlanView *self);
/* Shows the document's plan; a plan attached to a decision also shows its
 * own title and issuer. */
void        kh_plan_view_set_document (KhPlanView *self,
                                       KhDocument *document);
/* Selects a narrative item and scrolls to it; FALSE when it is not shown. */
gboolean    kh_plan_view_select_node  (KhPlanView *self,
                                       KhNode     *node);

G_END_DECLS
