/* kh-task-table.c — a plan's task table: columns and groups of tasks */
#include "kh-task-table.h"

struct _KhTaskTable
{
  KhModelObject parent_instance;

  char *title;
  gboolean appendix;
  gboolean landscape;
  GListStore *columns;
  GListStore *groups;
};

G_DEFINE_FINAL_TYPE (KhTaskTable, kh_task_table, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_APPENDIX,
  PROP_LANDSCAPE,
  PROP_COLUMNS,
  PROP_GROUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_task_table_finalize (GObject *object)
{
  KhTaskTable *self = KH_TASK_TABLE (object);

  g_free (self->title);
  g_clear_object (&self->columns);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (kh_task_table_parent_class)->finalize (object);
}

static void
kh_task_table_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KhTaskTable *self = KH_TASK_TABLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_APPENDIX:
      g_value_set_boolean (value, self->appendix);
      break;

    case PROP_LANDSCAPE:
      g_value_set_boolean (value, self->landscape);
      break;

    case PROP_COLUMNS:
      g_value_set_object (value, self->columns);
      break;

    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_table_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KhTaskTable *self = KH_TASK_TABLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kh_task_table_set_title (self, g_value_get_string (value));
      break;

    case PROP_APPENDIX:
      kh_task_table_set_appendix (self, g_value_get_boolean (value));
      break;

    case PROP_LANDSCAPE:
      kh_task_table_set_landscape (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_table_class_init (KhTaskTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_task_table_finalize;
  object_class->get_property = kh_task_table_get_property;
  object_class->set_property = kh_task_table_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Appendix title (upper case), or empty",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_APPENDIX] =
    g_param_spec_boolean ("appendix", NULL, "Whether the table starts a new page headed PHỤ LỤC",
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LANDSCAPE] =
    g_param_spec_boolean ("landscape", NULL, "Whether the table is printed on landscape pages",
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COLUMNS] =
    g_param_spec_object ("columns", NULL, "The columns, in order",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_GROUPS] =
    g_param_spec_object ("groups", NULL, "The groups of tasks",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_task_table_init (KhTaskTable *self)
{
  self->title = g_strdup ("");
  self->columns = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_COLUMN);
  self->groups = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_TASK_GROUP);
}

KhTaskTable *
kh_task_table_new (void)
{
  return g_object_new (KH_TYPE_TASK_TABLE, NULL);
}

/* A deep copy: every list and child object is copied too. */
KhTaskTable *
kh_task_table_copy (KhTaskTable *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_task_table_get_title (KhTaskTable *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE (self), NULL);

  return self->title;
}

void
kh_task_table_set_title (KhTaskTable *self,
                         const char  *title)
{
  g_return_if_fail (KH_IS_TASK_TABLE (self));

  if (kh_model_object_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
kh_task_table_get_appendix (KhTaskTable *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE (self), FALSE);

  return self->appendix;
}

void
kh_task_table_set_appendix (KhTaskTable *self,
                            gboolean     appendix)
{
  g_return_if_fail (KH_IS_TASK_TABLE (self));

  appendix = !!appendix;
  if (self->appendix == appendix)
    return;

  self->appendix = appendix;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPENDIX]);
}

gboolean
kh_task_table_get_landscape (KhTaskTable *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE (self), FALSE);

  return self->landscape;
}

void
kh_task_table_set_landscape (KhTaskTable *self,
                             gboolean     landscape)
{
  g_return_if_fail (KH_IS_TASK_TABLE (self));

  landscape = !!landscape;
  if (self->landscape == landscape)
    return;

  self->landscape = landscape;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANDSCAPE]);
}

GListModel *
kh_task_table_get_columns (KhTaskTable *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE (self), NULL);

  return G_LIST_MODEL (self->columns);
}

GListModel *
kh_task_table_get_groups (KhTaskTable *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE (self), NULL);

  return G_LIST_MODEL (self->groups);
}

/* The layout of most plans: Stt | Nhiệm vụ | Sản phẩm | Đơn vị chủ trì |
 * Đơn vị phối hợp | Thời gian thực hiện, with one untitled group. */
KhTaskTable *
kh_task_table_new_default (void)
{
  static const struct {
    KhColumnField field;
    const char *header;
  } columns[] = {
    { KH_COLUMN_NUMBER, "Stt" },
    { KH_COLUMN_CONTENT, "Nhiệm vụ" },
    { KH_COLUMN_PRODUCT, "Sản phẩm" },
    { KH_COLUMN_LEAD, "Đơn vị chủ trì" },
    { KH_COLUMN_COOPERATING, "Đơn vị phối hợp" },
    { KH_COLUMN_TIMEFRAME, "Thời gian thực hiện" },
  };
  KhTaskTable *self = kh_task_table_new ();
  g_autoptr(KhTaskGroup) group = kh_task_group_new ("");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(KhColumn) column = kh_column_new (columns[i].field, columns[i].header);

      g_list_store_append (self->columns, column);
    }
  g_list_store_append (self->groups, group);

  return self;
}

/* The number of tasks over all groups. */
guint
kh_task_table_get_n_tasks (KhTaskTable *self)
{
  guint n = 0;

  g_return_val_if_fail (KH_IS_TASK_TABLE (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->groups)); i++)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      n += g_list_model_get_n_items (kh_task_group_get_tasks (group));
    }
  return n;
}
