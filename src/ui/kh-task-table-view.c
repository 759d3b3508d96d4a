/* kh-task-table-view.c — the editor of a plan's task table */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kh-task-cell.h"
#include "kh-task-row-model.h"
#include "kh-task-table-view.h"

struct _KhTaskTableView
{
  GtkWidget           parent_instance;

  KhTaskTable        *table;
  GListModel         *units;
  int                 year;
  KhTaskRowModel     *rows;
  GtkMultiSelection  *selection;
  /* The cells' pick lists read this: it follows "units" without the cells
   * having to be told. */
  GtkFilterListModel *units_proxy;
  KhTask             *selected_task;
  gulong              columns_changed_id;

  /* A cell to focus once it has been bound (after a scroll). */
  guint               focus_tick_id;
  guint               focus_tries;
  guint               focus_position;
  guint               focus_column;
  gboolean            focus_edit;
  GString            *typed_ahead;  /* typed while the cell to edit is not on screen yet */

  /* template widgets */
  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
};

G_DEFINE_FINAL_TYPE (KhTaskTableView, kh_task_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_UNITS,
  PROP_YEAR,
  PROP_SELECTED_TASK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TASKS_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  KhTaskTableView *self;
  KhColumn        *column;
  gboolean         title_column;
} ColumnInfo;

static void
column_info_free (gpointer data)
{
  ColumnInfo *info = data;

  g_clear_object (&info->column);
  g_free (info);
}

static int
effective_year (KhTaskTableView *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->year > 0)
    return self->year;
  now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

static GListModel *
table_columns (KhTaskTableView *self)
{
  return self->table != NULL ? kh_task_table_get_columns (self->table) : NULL;
}

static guint
n_columns (KhTaskTableView *self)
{
  return self->table != NULL ? g_list_model_get_n_items (table_columns (self)) : 0;
}

static KhColumnField
column_field (KhTaskTableView *self,
              guint            index)
{
  g_autoptr(KhColumn) column = g_list_model_get_item (table_columns (self), index);

  return kh_column_get_field (column);
}

/* The column where group rows show their title: the task content, else the
 * first text column. G_MAXUINT when the table has none. */
static guint
title_column_index (KhTaskTableView *self)
{
  guint fallback = G_MAXUINT;

  for (guint i = 0; i < n_columns (self); i++)
    {
      KhColumnField field = column_field (self, i);

      if (field == KH_COLUMN_CONTENT)
        return i;
      if (fallback == G_MAXUINT && field != KH_COLUMN_NUMBER && field != KH_COLUMN_STATUS &&
          field != KH_COLUMN_PROGRESS)
        fallback = i;
    }
  return fallback;
}

static gboolean
cell_is_editable (KhTaskTableView *self,
                  KhTaskRow       *row,
                  guint            column)
{
  if (column_field (self, column) == KH_COLUMN_NUMBER)
    return FALSE;
  if (kh_task_row_is_group (row))
    return column == title_column_index (self);
  return TRUE;
}

static const char *
default_header (KhColumnField field)
{
  switch (field)
    {
    case KH_COLUMN_NUMBER:
      return _("No.");
    case KH_COLUMN_CONTENT:
      return _("Task");
    case KH_COLUMN_PRODUCT:
      return _("Product");
    case KH_COLUMN_LEAD:
      return _("Lead Unit");
    case KH_COLUMN_COOPERATING:
      return _("Cooperating Units");
    case KH_COLUMN_TIMEFRAME:
      return _("Time Frame");
    case KH_COLUMN_STATUS:
      return _("Status");
    case KH_COLUMN_PROGRESS:
      return _("Progress");
    case KH_COLUMN_NOTES:
      return _("Notes");
    default:
      return "";
    }
}

/* Widths that suit Vietnamese office text; the content column takes the rest. */
static int
default_width (KhColumnField field)
{
  switch (field)
    {
    case KH_COLUMN_NUMBER:
      return 56;
    case KH_COLUMN_CONTENT:
      return 340;
    case KH_COLUMN_PRODUCT:
      return 200;
    case KH_COLUMN_LEAD:
    case KH_COLUMN_COOPERATING:
      return 180;
    case KH_COLUMN_TIMEFRAME:
      return 170;
    case KH_COLUMN_STATUS:
      return 180;
    case KH_COLUMN_PROGRESS:
      return 110;
    case KH_COLUMN_NOTES:
      return 180;
    default:
      return 120;
    }
}

/* Selection */

static KhTaskRow *
row_at (KhTaskTableView *self,
        guint            position)
{
  return kh_task_row_model_get_row (self->rows, position);
}

/* The selected rows in table order (transfer container). */
static GPtrArray *
selected_rows (KhTaskTableView *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *rows = g_ptr_array_new ();
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        KhTaskRow *row = row_at (self, position);

        if (row != NULL)
          g_ptr_array_add (rows, row);
      }
    while (gtk_bitset_iter_next (&iter, &position));
  return rows;
}

/* A table without rows says how to start one. */
static void
update_empty (KhTaskTableView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "table");
}

static void
update_actions (KhTaskTableView *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean has_table = self->table != NULL;
  gboolean has_selection = !gtk_bitset_is_empty (set);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.add", has_table);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.insert-above", has_table);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.add-group", has_table);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.remove", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.move-up", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.move-down", has_selection);
}

static void
selection_changed (KhTaskTableView *self)
{
  g_autoptr(GPtrArray) rows = selected_rows (self);
  KhTask *task = NULL;

  for (guint i = 0; i < rows->len && task == NULL; i++)
    task = kh_task_row_get_task (g_ptr_array_index (rows, i));

  if (g_set_object (&self->selected_task, task))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TASK]);
  update_actions (self);
}

static GtkWidget *
inner_list_view (KhTaskTableView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static void
scroll_to (KhTaskTableView *self,
           guint            position)
{
  GtkWidget *list = inner_list_view (self);

  /* GTK 4.8 has no gtk_column_view_scroll_to(): its list view's action does it. */
  if (list != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

static void
select_positions (KhTaskTableView *self,
                  GtkBitset       *positions)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n);

  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), positions, mask);
  if (!gtk_bitset_is_empty (positions))
    scroll_to (self, gtk_bitset_get_minimum (positions));
}

static void
select_tasks (KhTaskTableView *self,
              GPtrArray       *tasks)
{
  g_autoptr(GtkBitset) positions = gtk_bitset_new_empty ();

  for (guint i = 0; i < tasks->len; i++)
    {
      guint position;

      if (kh_task_row_model_find_task (self->rows, g_ptr_array_index (tasks, i), &position))
        gtk_bitset_add (positions, position);
    }
  select_positions (self, positions);
}

static void
select_groups (KhTaskTableView *self,
               GPtrArray       *groups)
{
  g_autoptr(GtkBitset) positions = gtk_bitset_new_empty ();

  for (guint i = 0; i < groups->len; i++)
    {
      guint position;

      if (kh_task_row_model_find_group (self->rows, g_ptr_array_index (groups, i), &position))
        gtk_bitset_add (positions, position);
    }
  select_positions (self, positions);
}

/* Focus */

static KhTaskCell *
find_cell_in (GtkWidget *widget,
              KhColumn  *column,
              guint      position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KhTaskCell *found;

      if (KH_IS_TASK_CELL (child))
        {
          KhTaskCell *cell = KH_TASK_CELL (child);

          if (kh_task_cell_get_column (cell) == column &&
              kh_task_cell_get_row (cell) != NULL &&
              kh_task_cell_get_position (cell) == position)
            return cell;
          continue;
        }
      found = find_cell_in (child, column, position);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The cell widget bound to (position, column), if that row is on screen. */
static KhTaskCell *
find_cell (KhTaskTableView *self,
           guint            position,
           guint            column)
{
  g_autoptr(KhColumn) kh_column = NULL;

  if (column >= n_columns (self))
    return NULL;
  kh_column = g_list_model_get_item (table_columns (self), column);
  return find_cell_in (GTK_WIDGET (self->column_view), kh_column, position);
}

static gboolean
try_pending_focus (KhTaskTableView *self)
{
  KhTaskCell *cell = find_cell (self, self->focus_position, self->focus_column);

  /* A row just bound is placed on screen by the next layout. */
  if (cell == NULL || !gtk_widget_get_mapped (GTK_WIDGET (cell)) ||
      gtk_widget_get_width (GTK_WIDGET (cell)) == 0)
    return FALSE;
  /* The cell takes the keyboard first: what is typed before its editor has
   * appeared reaches it (kh-task-cell.c forwards it to the editor). */
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  if (self->focus_edit && kh_task_cell_start_editing (cell) &&
      self->typed_ahead != NULL && self->typed_ahead->len > 0)
    kh_task_cell_insert_text (cell, self->typed_ahead->str);
  if (self->typed_ahead != NULL)
    g_string_truncate (self->typed_ahead, 0);
  return TRUE;
}

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  KhTaskTableView *self = KH_TASK_TABLE_VIEW (widget);

  /* A row scrolled to is bound within a frame or two. */
  if (try_pending_focus (self) || ++self->focus_tries > 10)
    {
      self->focus_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Ctrl+Enter then typing at once: the new row is bound a frame later, and
 * the characters typed meanwhile are kept for its editor. */
static gboolean
typed_ahead_cb (KhTaskTableView       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gunichar ch = gdk_keyval_to_unicode (keyval);
  char utf8[7] = { 0 };

  if (self->focus_tick_id == 0 || !self->focus_edit || ch == 0 || !g_unichar_isprint (ch) ||
      (state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK) != 0)
    return FALSE;
  g_unichar_to_utf8 (ch, utf8);
  g_string_append (self->typed_ahead, utf8);
  return TRUE;
}

void
kh_task_table_view_focus_cell (KhTaskTableView *self,
                               guint            position,
                               guint            column,
                               gboolean         edit)
{
  g_return_if_fail (KH_IS_TASK_TABLE_VIEW (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)) ||
      column >= n_columns (self))
    return;

  self->focus_position = position;
  self->focus_column = column;
  self->focus_edit = edit;
  if (self->typed_ahead != NULL)
    g_string_truncate (self->typed_ahead, 0);
  self->focus_tries = 0;
  scroll_to (self, position);
  if (try_pending_focus (self))
    {
      if (self->focus_tick_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  else if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb,
                                                        NULL, NULL);
}

/* Selects the row alone and puts the keyboard on one of its cells. */
static void
go_to_cell (KhTaskTableView *self,
            guint            position,
            guint            column,
            gboolean         edit)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  kh_task_table_view_focus_cell (self, position, column, edit);
}

static void
edit_new_task (KhTaskTableView *self,
               KhTask          *task)
{
  guint position;
  guint column = title_column_index (self);

  if (!kh_task_row_model_find_task (self->rows, task, &position))
    return;
  if (column == G_MAXUINT)
    column = 0;
  go_to_cell (self, position, column, TRUE);
}

static void
cell_navigate_cb (KhTaskCell      *cell,
                  int              direction,
                  KhTaskTableView *self)
{
  guint position = kh_task_cell_get_position (cell);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_cols = n_columns (self);
  guint column = G_MAXUINT;

  for (guint i = 0; i < n_cols; i++)
    {
      g_autoptr(KhColumn) c = g_list_model_get_item (table_columns (self), i);

      if (c == kh_task_cell_get_column (cell))
        column = i;
    }
  if (position == GTK_INVALID_LIST_POSITION || column == G_MAXUINT)
    return;

  switch (direction)
    {
    case KH_TASK_CELL_NEXT:
      for (guint p = position; p < n_rows; p++)
        for (guint c = (p == position ? column + 1 : 0); c < n_cols; c++)
          if (cell_is_editable (self, row_at (self, p), c))
            {
              go_to_cell (self, p, c, FALSE);
              return;
            }
      break;

    case KH_TASK_CELL_PREVIOUS:
      for (guint p = position + 1; p-- > 0;)
        for (guint c = (p == position ? column : n_cols); c-- > 0;)
          if (cell_is_editable (self, row_at (self, p), c))
            {
              go_to_cell (self, p, c, FALSE);
              return;
            }
      break;

    case KH_TASK_CELL_DOWN:
    case KH_TASK_CELL_UP:
      {
        guint target;

        if (direction == KH_TASK_CELL_DOWN ? position + 1 >= n_rows : position == 0)
          {
            gtk_widget_grab_focus (GTK_WIDGET (cell));
            return;
          }
        target = direction == KH_TASK_CELL_DOWN ? position + 1 : position - 1;
        if (!cell_is_editable (self, row_at (self, target), column) &&
            title_column_index (self) != G_MAXUINT)
          column = title_column_index (self);
        go_to_cell (self, target, column, FALSE);
      }
      break;

    default:
      break;
    }
}

/* A double click or Enter on a row: edit the cell with the focus, else
 * the row's task (or group title) cell. */
static void
row_activate_cb (KhTaskTableView *self,
                 guint            position)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = NULL;

  if (focus != NULL)
    cell = KH_IS_TASK_CELL (focus) ? focus : gtk_widget_get_ancestor (focus, KH_TYPE_TASK_CELL);
  if (cell != NULL && kh_task_cell_get_position (KH_TASK_CELL (cell)) == position &&
      kh_task_cell_start_editing (KH_TASK_CELL (cell)))
    return;
  if (title_column_index (self) != G_MAXUINT)
    kh_task_table_view_focus_cell (self, position, title_column_index (self), TRUE);
}

/* Changes to the table */

static GListStore *
groups_store (KhTaskTableView *self)
{
  return G_LIST_STORE (kh_task_table_get_groups (self->table));
}

static GListStore *
tasks_store (KhTaskGroup *group)
{
  return G_LIST_STORE (kh_task_group_get_tasks (group));
}

/* Moves @item to @index of @store in one change of the model (a splice of
 * the items between the two places). */
static void
store_move (GListStore *store,
            gpointer    item,
            guint       index)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint current;
  guint lo, hi;

  if (!g_list_store_find (store, item, &current) || current == index ||
      index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return;

  lo = MIN (current, index);
  hi = MAX (current, index);
  for (guint i = lo; i <= hi; i++)
    if (i != current)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));
  g_ptr_array_insert (items, index - lo, g_object_ref (item));
  g_list_store_splice (store, lo, items->len, items->pdata, items->len);
}

/* Moves @task (of @from) to @index of @to. Inside one group it is one
 * change of the model; between groups a removal and an insertion. */
static void
move_task (KhTask      *task,
           KhTaskGroup *from,
           KhTaskGroup *to,
           guint        index)
{
  g_autoptr(KhTask) keep = g_object_ref (task);
  GListStore *source = tasks_store (from);
  guint current;

  if (from == to)
    {
      store_move (source, task, index);
      return;
    }
  if (!g_list_store_find (source, task, &current))
    return;
  g_list_store_remove (source, current);
  g_list_store_insert (tasks_store (to), MIN (index, g_list_model_get_n_items (kh_task_group_get_tasks (to))),
                       task);
}

/* The group before/after @group in the table, or NULL. */
static KhTaskGroup *
neighbour_group (KhTaskTableView *self,
                 KhTaskGroup     *group,
                 int              delta)
{
  GListModel *groups = kh_task_table_get_groups (self->table);
  KhTaskGroup *neighbour;
  guint index;

  if (!g_list_store_find (groups_store (self), group, &index))
    return NULL;
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= g_list_model_get_n_items (groups)))
    return NULL;
  neighbour = g_list_model_get_item (groups, index + delta);
  g_object_unref (neighbour);  /* the table keeps it alive */
  return neighbour;
}

static void
add_task (KhTaskTableView *self,
          gboolean         above)
{
  g_autoptr(GPtrArray) rows = selected_rows (self);
  g_autoptr(KhTask) task = kh_task_new ();
  KhTaskRow *anchor = NULL;
  KhTaskGroup *group;
  guint index = 0;

  if (self->table == NULL)
    return;

  if (rows->len > 0)
    anchor = g_ptr_array_index (rows, above ? 0 : rows->len - 1);

  if (anchor != NULL)
    {
      group = kh_task_row_get_group (anchor);
      if (!kh_task_row_is_group (anchor) &&
          g_list_store_find (tasks_store (group), kh_task_row_get_task (anchor), &index) && !above)
        index++;
    }
  else
    {
      GListModel *groups = kh_task_table_get_groups (self->table);
      guint n_groups = g_list_model_get_n_items (groups);
      g_autoptr(KhTaskGroup) last = NULL;

      /* A table always has a group: a table "without groups" has an untitled one. */
      if (n_groups == 0)
        {
          g_autoptr(KhTaskGroup) untitled = kh_task_group_new ("");

          g_list_store_append (groups_store (self), untitled);
          n_groups = 1;
        }
      last = g_list_model_get_item (groups, above ? 0 : n_groups - 1);
      group = last;  /* the table keeps it alive */
      index = above ? 0 : g_list_model_get_n_items (kh_task_group_get_tasks (group));
    }

  g_list_store_insert (tasks_store (group), index, task);
  edit_new_task (self, task);
}

static void
add_group (KhTaskTableView *self)
{
  g_autoptr(GPtrArray) rows = selected_rows (self);
  g_autoptr(KhTaskGroup) group = kh_task_group_new ("");
  GListModel *groups;
  guint index;
  guint position;

  if (self->table == NULL)
    return;

  groups = kh_task_table_get_groups (self->table);
  index = g_list_model_get_n_items (groups);
  if (rows->len > 0 &&
      g_list_store_find (groups_store (self),
                         kh_task_row_get_group (g_ptr_array_index (rows, rows->len - 1)), &index))
    index++;

  g_list_store_insert (groups_store (self), index, group);
  if (kh_task_row_model_find_group (self->rows, group, &position) &&
      title_column_index (self) != G_MAXUINT)
    go_to_cell (self, position, title_column_index (self), TRUE);
}

typedef struct {
  GListStore *store;
  guint       start;
  guint       count;
} Run;

static void
run_flush (Run *run)
{
  if (run->count > 0)
    g_list_store_splice (run->store, run->start, run->count, NULL, 0);
  run->count = 0;
}

/* Adds @index of @store to the run of removals, which goes backwards so that
 * the indices ahead stay valid: consecutive items go in one change. */
static void
run_add (Run        *run,
         GListStore *store,
         guint       index)
{
  if (run->count > 0 && run->store == store && run->start == index + 1)
    {
      run->start = index;
      run->count++;
      return;
    }
  run_flush (run);
  run->store = store;
  run->start = index;
  run->count = 1;
}

static void
remove_selected (KhTaskTableView *self)
{
  g_autoptr(GPtrArray) rows = selected_rows (self);
  g_autoptr(GHashTable) doomed_groups = g_hash_table_new (NULL, NULL);
  GListModel *groups;
  KhTaskGroup *kept = NULL;
  Run run = { 0 };
  guint n_tasks = 0;
  guint n_groups = 0;
  guint first_position = GTK_INVALID_LIST_POSITION;
  guint n_rows;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  if (self->table == NULL || rows->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  {
    g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

    first_position = gtk_bitset_get_minimum (set);
  }

  groups = kh_task_table_get_groups (self->table);
  for (guint i = 0; i < rows->len; i++)
    if (kh_task_row_is_group (g_ptr_array_index (rows, i)))
      g_hash_table_add (doomed_groups, kh_task_row_get_group (g_ptr_array_index (rows, i)));
  /* The table keeps one group: the first selected one loses its tasks only. */
  if (g_hash_table_size (doomed_groups) == g_list_model_get_n_items (groups))
    {
      kept = kh_task_row_get_group (g_ptr_array_index (rows, 0));
      g_hash_table_remove (doomed_groups, kept);
    }

  /* Tasks first, bottom up. */
  for (guint i = rows->len; i-- > 0;)
    {
      KhTaskRow *row = g_ptr_array_index (rows, i);
      KhTaskGroup *group = kh_task_row_get_group (row);
      guint index;

      if (kh_task_row_is_group (row) || group == kept ||
          g_hash_table_contains (doomed_groups, group))
        continue;
      if (g_list_store_find (tasks_store (group), kh_task_row_get_task (row), &index))
        {
          run_add (&run, tasks_store (group), index);
          n_tasks++;
        }
    }
  run_flush (&run);

  if (kept != NULL)
    {
      n_tasks += g_list_model_get_n_items (kh_task_group_get_tasks (kept));
      g_list_store_remove_all (tasks_store (kept));
    }

  for (guint i = g_list_model_get_n_items (groups); i-- > 0;)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, i);

      if (g_hash_table_contains (doomed_groups, group))
        {
          n_tasks += g_list_model_get_n_items (kh_task_group_get_tasks (group));
          n_groups++;
          run_add (&run, groups_store (self), i);
        }
    }
  run_flush (&run);

  /* Keep the keyboard where the rows were. */
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (n_rows > 0 && first_position != GTK_INVALID_LIST_POSITION)
    {
      guint position = MIN (first_position, n_rows - 1);

      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      if (had_focus && title_column_index (self) != G_MAXUINT)
        kh_task_table_view_focus_cell (self, position, title_column_index (self), FALSE);
    }

  if (n_tasks > 0 || n_groups > 0)
    g_signal_emit (self, signals[SIGNAL_TASKS_REMOVED], 0, n_tasks, n_groups);
}

static gboolean
move_groups (KhTaskTableView *self,
             GPtrArray       *groups,
             int              delta)
{
  GListStore *store = groups_store (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint index;

  if (!g_list_store_find (store, g_ptr_array_index (groups, delta < 0 ? 0 : groups->len - 1), &index) ||
      (delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
    return FALSE;

  for (guint k = 0; k < groups->len; k++)
    {
      KhTaskGroup *group = g_ptr_array_index (groups, delta < 0 ? k : groups->len - 1 - k);

      if (g_list_store_find (store, group, &index))
        store_move (store, group, index + delta);
    }
  select_groups (self, groups);
  return TRUE;
}

static gboolean
move_tasks (KhTaskTableView *self,
            GPtrArray       *tasks,
            GPtrArray       *task_groups,
            int              delta)
{
  for (guint k = 0; k < tasks->len; k++)
    {
      guint i = delta < 0 ? k : tasks->len - 1 - k;
      KhTask *task = g_ptr_array_index (tasks, i);
      KhTaskGroup *group = g_ptr_array_index (task_groups, i);
      guint n = g_list_model_get_n_items (kh_task_group_get_tasks (group));
      guint index;

      if (!g_list_store_find (tasks_store (group), task, &index))
        continue;

      if (delta < 0 && index > 0)
        move_task (task, group, group, index - 1);
      else if (delta > 0 && index + 1 < n)
        move_task (task, group, group, index + 1);
      else
        {
          /* At the edge of its group: into the neighbouring group. */
          KhTaskGroup *neighbour = neighbour_group (self, group, delta);

          if (neighbour == NULL)
            {
              if (k == 0)
                return FALSE;
              continue;
            }
          move_task (task, group, neighbour,
                     delta < 0 ? g_list_model_get_n_items (kh_task_group_get_tasks (neighbour)) : 0);
          g_ptr_array_index (task_groups, i) = neighbour;
        }
    }
  select_tasks (self, tasks);
  return TRUE;
}

static void
move_selected (KhTaskTableView *self,
               int              delta)
{
  g_autoptr(GPtrArray) rows = selected_rows (self);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) task_groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean moved;

  if (self->table == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    {
      KhTaskRow *row = g_ptr_array_index (rows, i);

      if (kh_task_row_is_group (row))
        g_ptr_array_add (groups, g_object_ref (kh_task_row_get_group (row)));
      else
        {
          g_ptr_array_add (tasks, g_object_ref (kh_task_row_get_task (row)));
          g_ptr_array_add (task_groups, kh_task_row_get_group (row));
        }
    }

  /* Tasks when any is selected; group headers alone move their groups. */
  if (tasks->len > 0)
    moved = move_tasks (self, tasks, task_groups, delta);
  else if (groups->len > 0)
    moved = move_groups (self, groups, delta);
  else
    moved = FALSE;

  if (!moved)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
cell_row_dropped_cb (KhTaskCell      *cell,
                     KhTaskRow       *source,
                     gboolean         after,
                     KhTaskTableView *self)
{
  KhTaskRow *target = kh_task_cell_get_row (cell);
  KhTask *task = kh_task_row_get_task (source);
  KhTaskGroup *from = kh_task_row_get_group (source);
  KhTaskGroup *to;
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  guint index = 0;
  guint current;

  if (target == NULL || self->table == NULL)
    return;

  /* A group dropped on another group's row goes before it (upper half) or
   * after it (lower half). */
  if (task == NULL)
    {
      g_autoptr(GPtrArray) groups = g_ptr_array_new ();
      guint current;

      to = kh_task_row_get_group (target);
      if (to == from || !g_list_store_find (groups_store (self), to, &index) ||
          !g_list_store_find (groups_store (self), from, &current))
        return;
      if (after)
        index++;
      if (current < index)
        index--;
      store_move (groups_store (self), from, index);
      g_ptr_array_add (groups, from);
      select_groups (self, groups);
      return;
    }

  to = kh_task_row_get_group (target);
  if (kh_task_row_is_group (target))
    {
      KhTaskGroup *previous = after ? NULL : neighbour_group (self, to, -1);

      /* Below a group's header: its first task; above it: the previous
       * group's last. */
      if (previous != NULL)
        {
          to = previous;
          index = g_list_model_get_n_items (kh_task_group_get_tasks (to));
          if (from == to)
            index--;
        }
    }
  else
    {
      if (!g_list_store_find (tasks_store (to), kh_task_row_get_task (target), &index))
        return;
      if (after)
        index++;
      if (from == to && g_list_store_find (tasks_store (from), task, &current) && current < index)
        index--;
    }

  move_task (task, from, to, index);
  g_ptr_array_add (moved, task);
  select_tasks (self, moved);
}

/* Actions */

static void
action_add (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  add_task (KH_TASK_TABLE_VIEW (widget), FALSE);
}

static void
action_insert_above (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  add_task (KH_TASK_TABLE_VIEW (widget), TRUE);
}

static void
action_remove (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  remove_selected (KH_TASK_TABLE_VIEW (widget));
}

static void
action_move_up (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  move_selected (KH_TASK_TABLE_VIEW (widget), -1);
}

static void
action_move_down (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  move_selected (KH_TASK_TABLE_VIEW (widget), 1);
}

static void
action_add_group (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  add_group (KH_TASK_TABLE_VIEW (widget));
}

/* Delete removes rows only when no text is being edited. */
static gboolean
delete_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (GTK_IS_TEXT_VIEW (focus) || GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus)))
    return FALSE;
  return gtk_widget_activate_action (widget, "tasks.remove", NULL);
}

/* Columns */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnInfo               *info)
{
  /* Less the cell's padding (see kh-task-table-view.css). */
  KhTaskCell *cell = kh_task_cell_new (info->column, info->title_column,
                                       default_width (kh_column_get_field (info->column)) - 20,
                                       G_LIST_MODEL (info->self->units_proxy));

  g_signal_connect (cell, "navigate", G_CALLBACK (cell_navigate_cb), info->self);
  g_signal_connect (cell, "row-dropped", G_CALLBACK (cell_row_dropped_cb), info->self);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnInfo               *info)
{
  kh_task_cell_bind (KH_TASK_CELL (gtk_list_item_get_child (item)), item,
                     effective_year (info->self));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ColumnInfo               *info)
{
  kh_task_cell_unbind (KH_TASK_CELL (gtk_list_item_get_child (item)));
}

static void
column_header_changed_cb (KhColumn            *column,
                          GParamSpec          *pspec,
                          GtkColumnViewColumn *view_column)
{
  const char *header = kh_column_get_header (column);

  gtk_column_view_column_set_title (view_column,
                                    *header ? header : default_header (kh_column_get_field (column)));
}

static void
rebuild_columns (KhTaskTableView *self)
{
  GListModel *view_columns = gtk_column_view_get_columns (self->column_view);
  guint title_index = title_column_index (self);

  while (g_list_model_get_n_items (view_columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) old = g_list_model_get_item (view_columns, 0);

      gtk_column_view_remove_column (self->column_view, old);
    }

  for (guint i = 0; i < n_columns (self); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (table_columns (self), i);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      KhColumnField field = kh_column_get_field (column);
      ColumnInfo *info = g_new0 (ColumnInfo, 1);

      info->self = self;
      info->column = g_object_ref (column);
      info->title_column = i == title_index;
      g_object_set_data_full (G_OBJECT (factory), "kh-column-info", info, column_info_free);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), info);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), info);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), info);

      view_column = gtk_column_view_column_new (NULL, factory);
      column_header_changed_cb (column, NULL, view_column);
      gtk_column_view_column_set_fixed_width (view_column, default_width (field));
      gtk_column_view_column_set_resizable (view_column, field != KH_COLUMN_NUMBER);
      gtk_column_view_column_set_expand (view_column, field == KH_COLUMN_CONTENT);
      g_signal_connect_object (column, "notify::header",
                               G_CALLBACK (column_header_changed_cb), view_column, 0);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

static void
columns_changed_cb (KhTaskTableView *self)
{
  rebuild_columns (self);
}

static void
ensure_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "kh-task-table-view-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/io/github/kehoach/KeHoach/ui/kh-task-table-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "kh-task-table-view-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* GObject */

static void
kh_task_table_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kh_task_table_view_parent_class)->root (widget);
  ensure_css (widget);
}

static void
kh_task_table_view_dispose (GObject *object)
{
  KhTaskTableView *self = KH_TASK_TABLE_VIEW (object);

  if (self->focus_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
  self->focus_tick_id = 0;
  if (self->table != NULL)
    g_clear_signal_handler (&self->columns_changed_id, kh_task_table_get_columns (self->table));

  g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_TASK_TABLE_VIEW);
  /* The template's root box has no id: dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->units_proxy);
  g_clear_object (&self->units);
  g_clear_object (&self->table);
  g_clear_object (&self->selected_task);
  if (self->typed_ahead != NULL)
    g_string_free (g_steal_pointer (&self->typed_ahead), TRUE);

  G_OBJECT_CLASS (kh_task_table_view_parent_class)->dispose (object);
}

static void
kh_task_table_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KhTaskTableView *self = KH_TASK_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;

    case PROP_UNITS:
      g_value_set_object (value, self->units);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_SELECTED_TASK:
      g_value_set_object (value, self->selected_task);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_table_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KhTaskTableView *self = KH_TASK_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      kh_task_table_view_set_table (self, g_value_get_object (value));
      break;

    case PROP_UNITS:
      kh_task_table_view_set_units (self, g_value_get_object (value));
      break;

    case PROP_YEAR:
      kh_task_table_view_set_year (self, g_value_get_int (value));
      break;

    case PROP_SELECTED_TASK:
      kh_task_table_view_select_task (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_task_table_view_class_init (KhTaskTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_task_table_view_dispose;
  object_class->get_property = kh_task_table_view_get_property;
  object_class->set_property = kh_task_table_view_set_property;
  widget_class->root = kh_task_table_view_root;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, "The task table edited",
                         KH_TYPE_TASK_TABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNITS] =
    g_param_spec_object ("units", NULL, "The units directory (KhUnit) offered in unit cells",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, "The plan year for reading time frames, 0 for the current year",
                      0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_TASK] =
    g_param_spec_object ("selected-task", NULL, "The first selected task",
                         KH_TYPE_TASK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (guint n_tasks, guint n_groups) removed by tasks.remove. */
  signals[SIGNAL_TASKS_REMOVED] =
    g_signal_new ("tasks-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-task-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTaskTableView, stack);
  gtk_widget_class_bind_template_child (widget_class, KhTaskTableView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KhTaskTableView, column_view);

  gtk_widget_class_install_action (widget_class, "tasks.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "tasks.insert-above", NULL, action_insert_above);
  gtk_widget_class_install_action (widget_class, "tasks.remove", NULL, action_remove);
  gtk_widget_class_install_action (widget_class, "tasks.move-up", NULL, action_move_up);
  gtk_widget_class_install_action (widget_class, "tasks.move-down", NULL, action_move_down);
  gtk_widget_class_install_action (widget_class, "tasks.add-group", NULL, action_add_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "tasks.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "tasks.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tasks.insert-above", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tasks.insert-above", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_shortcut_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "tasks.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "tasks.move-down", NULL);
  /* Ctrl+Shift+N is the window's "new decision": G for group. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tasks.add-group", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "khtasktableview");
}

static void
kh_task_table_view_init (KhTaskTableView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->typed_ahead = g_string_new (NULL);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (typed_ahead_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->rows = kh_task_row_model_new (NULL);
  self->units_proxy = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (update_empty), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activate_cb), self);
  update_actions (self);
  update_empty (self);
}

GtkWidget *
kh_task_table_view_new (void)
{
  return g_object_new (KH_TYPE_TASK_TABLE_VIEW, NULL);
}

KhTaskTable *
kh_task_table_view_get_table (KhTaskTableView *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE_VIEW (self), NULL);

  return self->table;
}

void
kh_task_table_view_set_table (KhTaskTableView *self,
                              KhTaskTable     *table)
{
  g_return_if_fail (KH_IS_TASK_TABLE_VIEW (self));
  g_return_if_fail (table == NULL || KH_IS_TASK_TABLE (table));

  if (self->table == table)
    return;

  if (self->table != NULL)
    g_clear_signal_handler (&self->columns_changed_id, kh_task_table_get_columns (self->table));
  g_set_object (&self->table, table);
  if (table != NULL)
    self->columns_changed_id = g_signal_connect_swapped (kh_task_table_get_columns (table),
                                                         "items-changed",
                                                         G_CALLBACK (columns_changed_cb), self);

  /* Columns first: the rows are then bound once, by the new cells. */
  rebuild_columns (self);
  kh_task_row_model_set_table (self->rows, table);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

GListModel *
kh_task_table_view_get_units (KhTaskTableView *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE_VIEW (self), NULL);

  return self->units;
}

void
kh_task_table_view_set_units (KhTaskTableView *self,
                              GListModel      *units)
{
  g_return_if_fail (KH_IS_TASK_TABLE_VIEW (self));
  g_return_if_fail (units == NULL || G_IS_LIST_MODEL (units));

  if (!g_set_object (&self->units, units))
    return;
  gtk_filter_list_model_set_model (self->units_proxy, units);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

/* The time-frame captions of the cells on screen (and of the recycled
 * ones, rebound later with the year anyway) are read in the new year. */
static void
set_cells_year (GtkWidget *widget,
                int        year)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KH_IS_TASK_CELL (child))
        kh_task_cell_set_plan_year (KH_TASK_CELL (child), year);
      else
        set_cells_year (child, year);
    }
}

int
kh_task_table_view_get_year (KhTaskTableView *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE_VIEW (self), 0);

  return self->year;
}

void
kh_task_table_view_set_year (KhTaskTableView *self,
                             int              year)
{
  g_return_if_fail (KH_IS_TASK_TABLE_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  set_cells_year (GTK_WIDGET (self->column_view), effective_year (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

KhTask *
kh_task_table_view_get_selected_task (KhTaskTableView *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE_VIEW (self), NULL);

  return self->selected_task;
}

void
kh_task_table_view_select_task (KhTaskTableView *self,
                                KhTask          *task)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();

  g_return_if_fail (KH_IS_TASK_TABLE_VIEW (self));
  g_return_if_fail (task == NULL || KH_IS_TASK (task));

  if (task != NULL)
    g_ptr_array_add (tasks, task);
  select_tasks (self, tasks);
}

GListModel *
kh_task_table_view_get_rows (KhTaskTableView *self)
{
  g_return_val_if_fail (KH_IS_TASK_TABLE_VIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}
