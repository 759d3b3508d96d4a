/* kh-task-group.c — a titled group of tasks in a task table */
#include "kh-task-group.h"

struct _KhTaskGroup
{
  KhModelObject parent_instance;

  char *title;
  GListStore *tasks;
};

G_DEFINE_FINAL_TYPE (KhTaskGroup, kh_task_group, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TASKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_task_group_finalize (GObject *object)
{
  KhTaskGroup *self = KH_TASK_GROUP (object);

  g_free (self->title);
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (kh_task_group_parent_class)->finalize (object);
}

static void
kh_task_group_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KhTaskGroup *self = KH_TASK_GROUP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TASKS:
      g_value_set_object (value, self->tasks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_group_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KhTaskGroup *self = KH_TASK_GROUP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kh_task_group_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_group_class_init (KhTaskGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_task_group_finalize;
  object_class->get_property = kh_task_group_get_property;
  object_class->set_property = kh_task_group_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Group title, or empty for an untitled group",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TASKS] =
    g_param_spec_object ("tasks", NULL, "The tasks of the group",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_task_group_init (KhTaskGroup *self)
{
  self->title = g_strdup ("");
  self->tasks = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_TASK);
}

KhTaskGroup *
kh_task_group_new (const char * title)
{
  return g_object_new (KH_TYPE_TASK_GROUP,
                       "title", title,
                       NULL);
}

/* A deep copy: every list and child object is copied too. */
KhTaskGroup *
kh_task_group_copy (KhTaskGroup *self)
{
  g_return_val_if_fail (KH_IS_TASK_GROUP (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_task_group_get_title (KhTaskGroup *self)
{
  g_return_val_if_fail (KH_IS_TASK_GROUP (self), NULL);

  return self->title;
}

void
kh_task_group_set_title (KhTaskGroup *self,
                         const char  *title)
{
  g_return_if_fail (KH_IS_TASK_GROUP (self));

  if (kh_model_object_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GListModel *
kh_task_group_get_tasks (KhTaskGroup *self)
{
  g_return_val_if_fail (KH_IS_TASK_GROUP (self), NULL);

  return G_LIST_MODEL (self->tasks);
}
