/* kh-plan.c — the plan (Kế hoạch) part of a document */
#include "kh-plan.h"

struct _KhPlan
{
  KhModelObject parent_instance;

  char *summary;
  char *issued_by;
  GListStore *narrative;
  GListStore *tables;
};

G_DEFINE_FINAL_TYPE (KhPlan, kh_plan, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_ISSUED_BY,
  PROP_NARRATIVE,
  PROP_TABLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_plan_finalize (GObject *object)
{
  KhPlan *self = KH_PLAN (object);

  g_free (self->summary);
  g_free (self->issued_by);
  g_clear_object (&self->narrative);
  g_clear_object (&self->tables);

  G_OBJECT_CLASS (kh_plan_parent_class)->finalize (object);
}

static void
kh_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KhPlan *self = KH_PLAN (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_ISSUED_BY:
      g_value_set_string (value, self->issued_by);
      break;

    case PROP_NARRATIVE:
      g_value_set_object (value, self->narrative);
      break;

    case PROP_TABLES:
      g_value_set_object (value, self->tables);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KhPlan *self = KH_PLAN (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      kh_plan_set_summary (self, g_value_get_string (value));
      break;

    case PROP_ISSUED_BY:
      kh_plan_set_issued_by (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_plan_class_init (KhPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_plan_finalize;
  object_class->get_property = kh_plan_get_property;
  object_class->set_property = kh_plan_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, "The plan's own summary (trích yếu)",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ISSUED_BY] =
    g_param_spec_string ("issued-by", NULL, "Who issues the attached plan, for the Ban hành kèm theo line",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NARRATIVE] =
    g_param_spec_object ("narrative", NULL, "The numbered narrative",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_TABLES] =
    g_param_spec_object ("tables", NULL, "The task tables",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_plan_init (KhPlan *self)
{
  self->summary = g_strdup ("");
  self->issued_by = g_strdup ("");
  self->narrative = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_NODE);
  self->tables = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_TASK_TABLE);
}

KhPlan *
kh_plan_new (void)
{
  return g_object_new (KH_TYPE_PLAN, NULL);
}

/* A deep copy: every list and child object is copied too. */
KhPlan *
kh_plan_copy (KhPlan *self)
{
  g_return_val_if_fail (KH_IS_PLAN (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_plan_get_summary (KhPlan *self)
{
  g_return_val_if_fail (KH_IS_PLAN (self), NULL);

  return self->summary;
}

void
kh_plan_set_summary (KhPlan     *self,
                     const char *summary)
{
  g_return_if_fail (KH_IS_PLAN (self));

  if (kh_model_object_set_string (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
kh_plan_get_issued_by (KhPlan *self)
{
  g_return_val_if_fail (KH_IS_PLAN (self), NULL);

  return self->issued_by;
}

void
kh_plan_set_issued_by (KhPlan     *self,
                       const char *issued_by)
{
  g_return_if_fail (KH_IS_PLAN (self));

  if (kh_model_object_set_string (&self->issued_by, issued_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUED_BY]);
}

GListModel *
kh_plan_get_narrative (KhPlan *self)
{
  g_return_val_if_fail (KH_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->narrative);
}

GListModel *
kh_plan_get_tables (KhPlan *self)
{
  g_return_val_if_fail (KH_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->tables);
}
