/* kh-task-row-model.c — a task table flattened into one list of rows */
#include "config.h"

#include "kh-task-row-model.h"
#include "kh-vntext.h"

/* One per group of the table, in the table's order. */
typedef struct {
  KhTaskRowModel *self;
  KhTaskGroup    *group;
  GListModel     *tasks;
  gulong          items_changed_id;
  gulong          title_id;
} GroupWatch;

struct _KhTaskRowModel
{
  GObject      parent_instance;

  KhTaskTable *table;
  gulong       groups_changed_id;
  GPtrArray   *rows;      /* KhTaskRow, owned */
  GPtrArray   *watches;   /* GroupWatch, parallel to the table's groups */
  gboolean     headers;   /* whether group header rows are shown */
};

static void kh_task_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhTaskRowModel, kh_task_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kh_task_row_model_list_model_init))

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void groups_changed (GListModel     *groups,
                            guint           position,
                            guint           removed,
                            guint           added,
                            KhTaskRowModel *self);

static GType
kh_task_row_model_get_item_type (GListModel *model)
{
  return KH_TYPE_TASK_ROW;
}

static guint
kh_task_row_model_get_n_items (GListModel *model)
{
  return KH_TASK_ROW_MODEL (model)->rows->len;
}

static gpointer
kh_task_row_model_get_item (GListModel *model,
                            guint       position)
{
  KhTaskRowModel *self = KH_TASK_ROW_MODEL (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
kh_task_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kh_task_row_model_get_item_type;
  iface->get_n_items = kh_task_row_model_get_n_items;
  iface->get_item = kh_task_row_model_get_item;
}

static char *
group_number (guint index)
{
  return kh_vn_roman ((int) index + 1);
}

static char *
task_number (guint index)
{
  return g_strdup_printf ("%u", index + 1);
}

/* Headers are hidden only for a table "without groups": one untitled group. */
static gboolean
compute_headers (KhTaskRowModel *self)
{
  GListModel *groups = kh_task_table_get_groups (self->table);
  g_autoptr(KhTaskGroup) first = NULL;

  if (g_list_model_get_n_items (groups) != 1)
    return TRUE;
  first = g_list_model_get_item (groups, 0);
  return *kh_task_group_get_title (first) != '\0';
}

/* The flat position of group @index's first row. Only the groups before
 * @index are counted, so it holds in the middle of a change to @index. */
static guint
group_start (KhTaskRowModel *self,
             guint           index)
{
  guint start = 0;

  for (guint i = 0; i < index; i++)
    {
      GroupWatch *watch = g_ptr_array_index (self->watches, i);

      start += (self->headers ? 1 : 0) + g_list_model_get_n_items (watch->tasks);
    }
  return start;
}

static void
append_task_rows (GPtrArray   *out,
                  KhTaskGroup *group,
                  guint        first,
                  guint        n)
{
  GListModel *tasks = kh_task_group_get_tasks (group);

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(KhTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *number = task_number (i);

      g_ptr_array_add (out, kh_task_row_new_task (group, task, number));
    }
}

static void
append_group_rows (KhTaskRowModel *self,
                   GPtrArray      *out,
                   KhTaskGroup    *group,
                   guint           index)
{
  if (self->headers)
    {
      g_autofree char *number = group_number (index);

      g_ptr_array_add (out, kh_task_row_new_group (group, number));
    }
  append_task_rows (out, group, 0, g_list_model_get_n_items (kh_task_group_get_tasks (group)));
}

/* Replaces rows [position, position + n_removed) by @added (whose rows are
 * taken over); does not emit. */
static void
splice_rows (KhTaskRowModel *self,
             guint           position,
             guint           n_removed,
             GPtrArray      *added)
{
  if (n_removed > 0)
    g_ptr_array_remove_range (self->rows, position, n_removed);
  for (guint i = 0; i < added->len; i++)
    g_ptr_array_insert (self->rows, position + i, g_object_ref (g_ptr_array_index (added, i)));
}

static void
tasks_changed (GListModel *tasks,
               guint       position,
               guint       removed,
               guint       added,
               GroupWatch *watch)
{
  KhTaskRowModel *self = watch->self;
  g_autoptr(GPtrArray) new_rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint index;
  guint base;

  if (!g_ptr_array_find (self->watches, watch, &index))
    g_return_if_reached ();

  base = group_start (self, index) + (self->headers ? 1 : 0);
  append_task_rows (new_rows, watch->group, position, added);
  splice_rows (self, base + position, removed, new_rows);

  /* The following tasks of the group moved: renumber them in place. */
  if (removed != added)
    {
      guint n = g_list_model_get_n_items (tasks);

      for (guint i = position + added; i < n; i++)
        {
          g_autofree char *number = task_number (i);

          kh_task_row_set_number (g_ptr_array_index (self->rows, base + i), number);
        }
    }

  g_list_model_items_changed (G_LIST_MODEL (self), base + position, removed, added);
}

static void rebuild (KhTaskRowModel *self);

static void
group_title_changed (KhTaskGroup *group,
                     GParamSpec  *pspec,
                     GroupWatch  *watch)
{
  KhTaskRowModel *self = watch->self;

  /* Titling the only group (or clearing its title) shows (or hides) its header. */
  if (compute_headers (self) != self->headers)
    rebuild (self);
}

static GroupWatch *
group_watch_new (KhTaskRowModel *self,
                 KhTaskGroup    *group)
{
  GroupWatch *watch = g_new0 (GroupWatch, 1);

  watch->self = self;
  watch->group = g_object_ref (group);
  watch->tasks = kh_task_group_get_tasks (group);
  watch->items_changed_id = g_signal_connect (watch->tasks, "items-changed",
                                              G_CALLBACK (tasks_changed), watch);
  watch->title_id = g_signal_connect (group, "notify::title",
                                      G_CALLBACK (group_title_changed), watch);
  return watch;
}

static void
group_watch_free (gpointer data)
{
  GroupWatch *watch = data;

  g_clear_signal_handler (&watch->items_changed_id, watch->tasks);
  g_clear_signal_handler (&watch->title_id, watch->group);
  g_clear_object (&watch->group);
  g_free (watch);
}

static void
rebuild (KhTaskRowModel *self)
{
  guint old_n = self->rows->len;

  g_ptr_array_set_size (self->watches, 0);
  g_ptr_array_set_size (self->rows, 0);

  if (self->table != NULL)
    {
      GListModel *groups = kh_task_table_get_groups (self->table);

      self->headers = compute_headers (self);
      for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, i);

          g_ptr_array_add (self->watches, group_watch_new (self, group));
          append_group_rows (self, self->rows, group, i);
        }
    }

  if (old_n > 0 || self->rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->rows->len);
}

static void
renumber_groups (KhTaskRowModel *self,
                 guint           from)
{
  guint position;

  if (!self->headers)
    return;

  position = group_start (self, from);
  for (guint i = from; i < self->watches->len; i++)
    {
      GroupWatch *watch = g_ptr_array_index (self->watches, i);
      g_autofree char *number = group_number (i);

      kh_task_row_set_number (g_ptr_array_index (self->rows, position), number);
      position += 1 + g_list_model_get_n_items (watch->tasks);
    }
}

static void
groups_changed (GListModel     *groups,
                guint           position,
                guint           removed,
                guint           added,
                KhTaskRowModel *self)
{
  g_autoptr(GPtrArray) new_rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint start;
  guint end;

  if (compute_headers (self) != self->headers)
    {
      rebuild (self);
      return;
    }

  /* The removed groups' rows run from their start up to the first row of
   * another group: count the rows rather than trust their task lists,
   * which the caller may already have changed. */
  start = group_start (self, position);
  end = start;
  for (guint i = position; i < position + removed; i++)
    {
      GroupWatch *watch = g_ptr_array_index (self->watches, i);

      while (end < self->rows->len &&
             kh_task_row_get_group (g_ptr_array_index (self->rows, end)) == watch->group)
        end++;
    }
  g_ptr_array_remove_range (self->watches, position, removed);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, i);

      g_ptr_array_insert (self->watches, i, group_watch_new (self, group));
      append_group_rows (self, new_rows, group, i);
    }
  splice_rows (self, start, end - start, new_rows);
  if (removed != added)
    renumber_groups (self, position + added);

  g_list_model_items_changed (G_LIST_MODEL (self), start, end - start, new_rows->len);
}

static void
kh_task_row_model_dispose (GObject *object)
{
  KhTaskRowModel *self = KH_TASK_ROW_MODEL (object);

  if (self->table != NULL)
    g_clear_signal_handler (&self->groups_changed_id, kh_task_table_get_groups (self->table));
  g_ptr_array_set_size (self->watches, 0);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->table);

  G_OBJECT_CLASS (kh_task_row_model_parent_class)->dispose (object);
}

static void
kh_task_row_model_finalize (GObject *object)
{
  KhTaskRowModel *self = KH_TASK_ROW_MODEL (object);

  g_ptr_array_unref (self->watches);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (kh_task_row_model_parent_class)->finalize (object);
}

static void
kh_task_row_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KhTaskRowModel *self = KH_TASK_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_row_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KhTaskRowModel *self = KH_TASK_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      kh_task_row_model_set_table (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_row_model_class_init (KhTaskRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kh_task_row_model_dispose;
  object_class->finalize = kh_task_row_model_finalize;
  object_class->get_property = kh_task_row_model_get_property;
  object_class->set_property = kh_task_row_model_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, "The task table whose rows are listed",
                         KH_TYPE_TASK_TABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_task_row_model_init (KhTaskRowModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->watches = g_ptr_array_new_with_free_func (group_watch_free);
}

KhTaskRowModel *
kh_task_row_model_new (KhTaskTable *table)
{
  return g_object_new (KH_TYPE_TASK_ROW_MODEL,
                       "table", table,
                       NULL);
}

KhTaskTable *
kh_task_row_model_get_table (KhTaskRowModel *self)
{
  g_return_val_if_fail (KH_IS_TASK_ROW_MODEL (self), NULL);

  return self->table;
}

void
kh_task_row_model_set_table (KhTaskRowModel *self,
                             KhTaskTable    *table)
{
  g_return_if_fail (KH_IS_TASK_ROW_MODEL (self));
  g_return_if_fail (table == NULL || KH_IS_TASK_TABLE (table));

  if (self->table == table)
    return;

  if (self->table != NULL)
    g_clear_signal_handler (&self->groups_changed_id, kh_task_table_get_groups (self->table));
  g_set_object (&self->table, table);
  if (table != NULL)
    self->groups_changed_id = g_signal_connect (kh_task_table_get_groups (table), "items-changed",
                                                G_CALLBACK (groups_changed), self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

KhTaskRow *
kh_task_row_model_get_row (KhTaskRowModel *self,
                           guint           position)
{
  g_return_val_if_fail (KH_IS_TASK_ROW_MODEL (self), NULL);

  if (position >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->rows, position);
}

gboolean
kh_task_row_model_get_shows_headers (KhTaskRowModel *self)
{
  g_return_val_if_fail (KH_IS_TASK_ROW_MODEL (self), FALSE);

  return self->headers;
}

gboolean
kh_task_row_model_find_task (KhTaskRowModel *self,
                             KhTask         *task,
                             guint          *position)
{
  g_return_val_if_fail (KH_IS_TASK_ROW_MODEL (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (kh_task_row_get_task (g_ptr_array_index (self->rows, i)) == task)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
kh_task_row_model_find_group (KhTaskRowModel *self,
                              KhTaskGroup    *group,
                              guint          *position)
{
  g_return_val_if_fail (KH_IS_TASK_ROW_MODEL (self), FALSE);

  for (guint i = 0; i < self->watches->len; i++)
    {
      GroupWatch *watch = g_ptr_array_index (self->watches, i);

      if (watch->group == group)
        {
          if (position != NULL)
            *position = group_start (self, i);
          return TRUE;
        }
    }
  return FALSE;
}
