/* kh-task.c — one task (row) of a plan's task table */
#include "kh-task.h"

struct _KhTask
{
  KhModelObject parent_instance;

  char *content;
  char *product;
  char *lead;
  char *cooperating;
  char *timeframe;
  KhTaskStatus status;
  int progress;
  char *notes;
  JsonNode *schedule;
};

G_DEFINE_FINAL_TYPE (KhTask, kh_task, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_PRODUCT,
  PROP_LEAD,
  PROP_COOPERATING,
  PROP_TIMEFRAME,
  PROP_STATUS,
  PROP_PROGRESS,
  PROP_NOTES,
  PROP_SCHEDULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_task_finalize (GObject *object)
{
  KhTask *self = KH_TASK (object);

  g_free (self->content);
  g_free (self->product);
  g_free (self->lead);
  g_free (self->cooperating);
  g_free (self->timeframe);
  g_free (self->notes);
  g_clear_pointer (&self->schedule, json_node_unref);

  G_OBJECT_CLASS (kh_task_parent_class)->finalize (object);
}

static void
kh_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KhTask *self = KH_TASK (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;

    case PROP_PRODUCT:
      g_value_set_string (value, self->product);
      break;

    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;

    case PROP_COOPERATING:
      g_value_set_string (value, self->cooperating);
      break;

    case PROP_TIMEFRAME:
      g_value_set_string (value, self->timeframe);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PROGRESS:
      g_value_set_int (value, self->progress);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_SCHEDULE:
      g_value_set_boxed (value, self->schedule);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KhTask *self = KH_TASK (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      kh_task_set_content (self, g_value_get_string (value));
      break;

    case PROP_PRODUCT:
      kh_task_set_product (self, g_value_get_string (value));
      break;

    case PROP_LEAD:
      kh_task_set_lead (self, g_value_get_string (value));
      break;

    case PROP_COOPERATING:
      kh_task_set_cooperating (self, g_value_get_string (value));
      break;

    case PROP_TIMEFRAME:
      kh_task_set_timeframe (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      kh_task_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PROGRESS:
      kh_task_set_progress (self, g_value_get_int (value));
      break;

    case PROP_NOTES:
      kh_task_set_notes (self, g_value_get_string (value));
      break;

    case PROP_SCHEDULE:
      kh_task_set_schedule (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_class_init (KhTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_task_finalize;
  object_class->get_property = kh_task_get_property;
  object_class->set_property = kh_task_set_property;

  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, "What is to be done",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRODUCT] =
    g_param_spec_string ("product", NULL, "The expected product",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LEAD] =
    g_param_spec_string ("lead", NULL, "Lead units (Đơn vị chủ trì)",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COOPERATING] =
    g_param_spec_string ("cooperating", NULL, "Cooperating units (Đơn vị phối hợp)",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TIMEFRAME] =
    g_param_spec_string ("timeframe", NULL, "The time frame as the user wrote it",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, "Follow-up status",
                       KH_TYPE_TASK_STATUS, KH_TASK_STATUS_PLANNED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROGRESS] =
    g_param_spec_int ("progress", NULL, "Progress in percent",
                      0, 100, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, "Free notes",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SCHEDULE] =
    g_param_spec_boxed ("schedule", NULL, "The schedule set by the user, or NULL to read it from the time frame",
                        JSON_TYPE_NODE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_task_init (KhTask *self)
{
  self->content = g_strdup ("");
  self->product = g_strdup ("");
  self->lead = g_strdup ("");
  self->cooperating = g_strdup ("");
  self->timeframe = g_strdup ("");
  self->status = KH_TASK_STATUS_PLANNED;
  self->notes = g_strdup ("");
}

KhTask *
kh_task_new (void)
{
  return g_object_new (KH_TYPE_TASK, NULL);
}

/* A deep copy: every list and child object is copied too. */
KhTask *
kh_task_copy (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_task_get_content (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), NULL);

  return self->content;
}

void
kh_task_set_content (KhTask     *self,
                     const char *content)
{
  g_return_if_fail (KH_IS_TASK (self));

  if (kh_model_object_set_string (&self->content, content))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

const char *
kh_task_get_product (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), NULL);

  return self->product;
}

void
kh_task_set_product (KhTask     *self,
                     const char *product)
{
  g_return_if_fail (KH_IS_TASK (self));

  if (kh_model_object_set_string (&self->product, product))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}

const char *
kh_task_get_lead (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), NULL);

  return self->lead;
}

void
kh_task_set_lead (KhTask     *self,
                  const char *lead)
{
  g_return_if_fail (KH_IS_TASK (self));

  if (kh_model_object_set_string (&self->lead, lead))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD]);
}

const char *
kh_task_get_cooperating (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), NULL);

  return self->cooperating;
}

void
kh_task_set_cooperating (KhTask     *self,
                         const char *cooperating)
{
  g_return_if_fail (KH_IS_TASK (self));

  if (kh_model_object_set_string (&self->cooperating, cooperating))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COOPERATING]);
}

const char *
kh_task_get_timeframe (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), NULL);

  return self->timeframe;
}

void
kh_task_set_timeframe (KhTask     *self,
                       const char *timeframe)
{
  g_return_if_fail (KH_IS_TASK (self));

  if (kh_model_object_set_string (&self->timeframe, timeframe))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEFRAME]);
}

KhTaskStatus
kh_task_get_status (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), 0);

  return self->status;
}

void
kh_task_set_status (KhTask       *self,
                    KhTaskStatus  status)
{
  g_return_if_fail (KH_IS_TASK (self));
  g_return_if_fail (kh_enum_to_nick (KH_TYPE_TASK_STATUS, status) != NULL);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
kh_task_get_progress (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), 0);

  return self->progress;
}

void
kh_task_set_progress (KhTask *self,
                      int     progress)
{
  g_return_if_fail (KH_IS_TASK (self));
  g_return_if_fail (progress >= 0 && progress <= 100);

  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

const char *
kh_task_get_notes (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), NULL);

  return self->notes;
}

void
kh_task_set_notes (KhTask     *self,
                   const char *notes)
{
  g_return_if_fail (KH_IS_TASK (self));

  if (kh_model_object_set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

JsonNode *
kh_task_get_schedule (KhTask *self)
{
  g_return_val_if_fail (KH_IS_TASK (self), NULL);

  return self->schedule;
}

void
kh_task_set_schedule (KhTask   *self,
                      JsonNode *schedule)
{
  g_return_if_fail (KH_IS_TASK (self));

  if (self->schedule == schedule ||
      (self->schedule != NULL && schedule != NULL && json_node_equal (self->schedule, schedule)))
    return;

  g_clear_pointer (&self->schedule, json_node_unref);
  /* A private sealed copy: the value is opaque and never changes in place. */
  if (schedule != NULL)
    {
      self->schedule = json_node_copy (schedule);
      json_node_seal (self->schedule);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}
