/* kh-task-row.c — one row of the task table editor: a group header or a task */
#include "config.h"

#include "kh-task-row.h"

struct _KhTaskRow
{
  GObject      parent_instance;

  KhTaskGroup *group;
  KhTask      *task;
  char        *number;
};

G_DEFINE_FINAL_TYPE (KhTaskRow, kh_task_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GROUP,
  PROP_TASK,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_task_row_finalize (GObject *object)
{
  KhTaskRow *self = KH_TASK_ROW (object);

  g_clear_object (&self->group);
  g_clear_object (&self->task);
  g_free (self->number);

  G_OBJECT_CLASS (kh_task_row_parent_class)->finalize (object);
}

static void
kh_task_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KhTaskRow *self = KH_TASK_ROW (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;

    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KhTaskRow *self = KH_TASK_ROW (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      self->group = g_value_dup_object (value);
      break;

    case PROP_TASK:
      self->task = g_value_dup_object (value);
      break;

    case PROP_NUMBER:
      kh_task_row_set_number (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_row_class_init (KhTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_task_row_finalize;
  object_class->get_property = kh_task_row_get_property;
  object_class->set_property = kh_task_row_set_property;

  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, "The group of the row",
                         KH_TYPE_TASK_GROUP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, "The task of a task row, NULL for a group row",
                         KH_TYPE_TASK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, "The Roman numeral of a group, the number of a task",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_task_row_init (KhTaskRow *self)
{
  self->number = g_strdup ("");
}

KhTaskRow *
kh_task_row_new_group (KhTaskGroup *group,
                       const char  *number)
{
  g_return_val_if_fail (KH_IS_TASK_GROUP (group), NULL);

  return g_object_new (KH_TYPE_TASK_ROW,
                       "group", group,
                       "number", number,
                       NULL);
}

KhTaskRow *
kh_task_row_new_task (KhTaskGroup *group,
                      KhTask      *task,
                      const char  *number)
{
  g_return_val_if_fail (KH_IS_TASK_GROUP (group), NULL);
  g_return_val_if_fail (KH_IS_TASK (task), NULL);

  return g_object_new (KH_TYPE_TASK_ROW,
                       "group", group,
                       "task", task,
                       "number", number,
                       NULL);
}

gboolean
kh_task_row_is_group (KhTaskRow *self)
{
  g_return_val_if_fail (KH_IS_TASK_ROW (self), FALSE);

  return self->task == NULL;
}

KhTaskGroup *
kh_task_row_get_group (KhTaskRow *self)
{
  g_return_val_if_fail (KH_IS_TASK_ROW (self), NULL);

  return self->group;
}

KhTask *
kh_task_row_get_task (KhTaskRow *self)
{
  g_return_val_if_fail (KH_IS_TASK_ROW (self), NULL);

  return self->task;
}

const char *
kh_task_row_get_number (KhTaskRow *self)
{
  g_return_val_if_fail (KH_IS_TASK_ROW (self), NULL);

  return self->number;
}

void
kh_task_row_set_number (KhTaskRow  *self,
                        const char *number)
{
  g_return_if_fail (KH_IS_TASK_ROW (self));

  if (g_strcmp0 (self->number, number ? number : "") == 0)
    return;

  g_free (self->number);
  self->number = g_strdup (number ? number : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}
