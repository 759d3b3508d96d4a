/* kh-plan-view.c — a plan's own title and its narrative
 *
 * A plan issued alone takes its title from the document header (General
 * view); a plan attached to a decision has its own, edited here.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-core.h"
#include "kh-narrative-view.h"
#include "kh-plan-view.h"

struct _KhPlanView
{
  AdwBin           parent_instance;

  KhDocument      *document;
  GBinding        *summary_binding;
  GBinding        *issued_by_binding;

  AdwClamp        *attached_clamp;
  AdwEntryRow     *summary_row;
  AdwEntryRow     *issued_by_row;
  KhNarrativeView *narrative_view;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KhPlanView, kh_plan_view, ADW_TYPE_BIN)

static void
unbind (KhPlanView *self)
{
  if (self->summary_binding)
    g_binding_unbind (self->summary_binding);
  if (self->issued_by_binding)
    g_binding_unbind (self->issued_by_binding);
  g_clear_object (&self->summary_binding);
  g_clear_object (&self->issued_by_binding);
}

void
kh_plan_view_set_document (KhPlanView *self,
                           KhDocument *document)
{
  KhPlan *plan;
  gboolean attached;

  g_return_if_fail (KH_IS_PLAN_VIEW (self));
  g_return_if_fail (document == NULL || KH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  unbind (self);
  g_set_object (&self->document, document);

  plan = document ? kh_document_get_plan (document) : NULL;
  attached = plan != NULL && kh_document_get_decision (document) != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->attached_clamp), attached);
  if (attached)
    {
      self->summary_binding =
        g_object_ref (g_object_bind_property (plan, "summary", self->summary_row, "text",
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
      self->issued_by_binding =
        g_object_ref (g_object_bind_property (plan, "issued-by", self->issued_by_row, "text",
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
    }
  kh_narrative_view_set_nodes (self->narrative_view, plan ? kh_plan_get_narrative (plan) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

KhDocument *
kh_plan_view_get_document (KhPlanView *self)
{
  g_return_val_if_fail (KH_IS_PLAN_VIEW (self), NULL);

  return self->document;
}

GtkWidget *
kh_plan_view_new (void)
{
  return g_object_new (KH_TYPE_PLAN_VIEW, NULL);
}

static void
kh_plan_view_dispose (GObject *object)
{
  KhPlanView *self = KH_PLAN_VIEW (object);

  unbind (self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PLAN_VIEW);

  G_OBJECT_CLASS (kh_plan_view_parent_class)->dispose (object);
}

static void
kh_plan_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KhPlanView *self = KH_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_plan_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KhPlanView *self = KH_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kh_plan_view_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_plan_view_class_init (KhPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_plan_view_dispose;
  object_class->get_property = kh_plan_view_get_property;
  object_class->set_property = kh_plan_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KH_TYPE_NARRATIVE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPlanView, attached_clamp);
  gtk_widget_class_bind_template_child (widget_class, KhPlanView, summary_row);
  gtk_widget_class_bind_template_child (widget_class, KhPlanView, issued_by_row);
  gtk_widget_class_bind_template_child (widget_class, KhPlanView, narrative_view);
}

static void
kh_plan_view_init (KhPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
kh_plan_view_select_node (KhPlanView *self,
                          KhNode     *node)
{
  g_return_val_if_fail (KH_IS_PLAN_VIEW (self), FALSE);
  g_return_val_if_fail (KH_IS_NODE (node), FALSE);

  return kh_narrative_view_select_node (self->narrative_view, node);
}
