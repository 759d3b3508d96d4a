/* test-ui-task-table-view.c — the task table editor on the Hà Tĩnh plan
 * (seed 002: 9 groups, 39 tasks): the flattened rows and their numbers,
 * add/insert/remove/move through the actions, moving across a group
 * boundary, multi-select removal, drag and drop, editing cells, keyboard
 * navigation, the time-frame reading, and incremental updates of a
 * 1,000-task table; screenshots in en and vi. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kh-core.h"
#include "kh-task-cell.h"
#include "kh-task-row.h"
#include "kh-task-row-model.h"
#include "kh-task-table-view.h"
#include "kh-vntext.h"
#include "ui-test-util.h"

typedef struct {
  KhDocument      *doc;
  KhTaskTable     *table;
  GtkWindow       *window;
  KhTaskTableView *view;
  guint            n_changes;
} Fixture;

static const guint example_group_sizes[] = { 3, 3, 4, 7, 3, 2, 2, 12, 3 };

static void
count_change (Fixture *f)
{
  f->n_changes++;
}

static KhTaskCell *
find_cell_in (GtkWidget     *widget,
              guint          position,
              KhColumnField  field)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      KhTaskCell *found;

      if (KH_IS_TASK_CELL (c))
        {
          KhTaskCell *cell = KH_TASK_CELL (c);

          if (kh_task_cell_get_row (cell) != NULL &&
              kh_task_cell_get_position (cell) == position &&
              kh_column_get_field (kh_task_cell_get_column (cell)) == field)
            return cell;
          continue;
        }
      found = find_cell_in (c, position, field);
      if (found)
        return found;
    }
  return NULL;
}

typedef struct {
  Fixture       *f;
  guint          position;
  KhColumnField  field;
} CellQuery;

static gboolean
cell_is_bound (gpointer data)
{
  CellQuery *q = data;
  KhTaskCell *cell = find_cell_in (GTK_WIDGET (q->f->view), q->position, q->field);

  return cell != NULL && gtk_widget_get_mapped (GTK_WIDGET (cell)) &&
         gtk_widget_get_width (GTK_WIDGET (cell)) > 0;
}

static gboolean
cell_is_editing (gpointer data)
{
  CellQuery *q = data;
  KhTaskCell *cell = find_cell_in (GTK_WIDGET (q->f->view), q->position, q->field);

  return cell != NULL && kh_task_cell_is_editing (cell);
}

/* The cell at (position, field), waiting for the row to be bound on screen. */
static KhTaskCell *
wait_for_cell (Fixture       *f,
               guint          position,
               KhColumnField  field)
{
  CellQuery q = { f, position, field };
  GtkWidget *list = kh_ui_test_find (GTK_WIDGET (f->view), GTK_TYPE_LIST_VIEW);

  /* Rows off screen are not placed: bring the row into view first. */
  if (!cell_is_bound (&q))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  g_assert_true (kh_ui_test_wait_for (cell_is_bound, &q, 10000));
  return find_cell_in (GTK_WIDGET (f->view), position, field);
}

static guint
column_index (Fixture *f, KhColumnField field)
{
  GListModel *columns = kh_task_table_get_columns (f->table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);

      if (kh_column_get_field (column) == field)
        return i;
    }
  g_assert_not_reached ();
}

static void
fixture_show (Fixture *f, KhTaskTable *table, int year)
{
  g_autoptr(GListStore) units = g_list_store_new (KH_TYPE_UNIT);
  g_autoptr(KhUnit) office = kh_unit_new ("Văn phòng Sở", "VP");
  g_autoptr(KhUnit) inspectorate = kh_unit_new ("Thanh tra Sở", "TTr");

  g_list_store_append (units, office);
  g_list_store_append (units, inspectorate);

  f->table = g_object_ref (table);
  g_signal_connect_swapped (f->table, "changed", G_CALLBACK (count_change), f);
  f->view = KH_TASK_TABLE_VIEW (kh_task_table_view_new ());
  kh_task_table_view_set_year (f->view, year);
  kh_task_table_view_set_units (f->view, G_LIST_MODEL (units));
  kh_task_table_view_set_table (f->view, table);
  f->window = kh_ui_test_present (GTK_WIDGET (f->view), 1300, 820);
  if (kh_task_table_get_n_tasks (table) > 0)
    wait_for_cell (f, 0, KH_COLUMN_NUMBER);
  kh_ui_test_spin (200);
}

static void
fixture_setup_example (Fixture *f)
{
  g_autoptr(KhTaskTable) table = NULL;

  f->doc = kh_ui_test_load_example ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (f->doc)), 0);
  fixture_show (f, table, kh_document_get_year (f->doc));
}

static void
fixture_teardown (Fixture *f)
{
  g_signal_handlers_disconnect_by_data (f->table, f);
  gtk_window_destroy (f->window);
  kh_ui_test_spin (50);
  g_clear_object (&f->table);
  g_clear_object (&f->doc);
}

static KhTaskGroup *
group_at (Fixture *f, guint index)
{
  g_autoptr(KhTaskGroup) group = g_list_model_get_item (kh_task_table_get_groups (f->table), index);

  return group;  /* the table keeps it */
}

static KhTask *
task_at (Fixture *f, guint group, guint index)
{
  g_autoptr(KhTask) task = g_list_model_get_item (kh_task_group_get_tasks (group_at (f, group)), index);

  return task;  /* the group keeps it */
}

static guint
n_tasks_in (Fixture *f, guint group)
{
  return g_list_model_get_n_items (kh_task_group_get_tasks (group_at (f, group)));
}

static KhTaskRow *
row_at (Fixture *f, guint position)
{
  g_autoptr(KhTaskRow) row = g_list_model_get_item (kh_task_table_view_get_rows (f->view), position);

  return row;  /* the view keeps it */
}

/* The rows follow the table: each group's header (Roman numeral) then its
 * tasks numbered from 1, in the table's order. */
static void
assert_rows_match_table (Fixture *f)
{
  GListModel *rows = kh_task_table_view_get_rows (f->view);
  GListModel *groups = kh_task_table_get_groups (f->table);
  guint position = 0;

  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      KhTaskRow *header = row_at (f, position++);
      g_autofree char *roman = kh_vn_roman (g + 1);

      g_assert_true (kh_task_row_is_group (header));
      g_assert_true (kh_task_row_get_group (header) == group_at (f, g));
      g_assert_cmpstr (kh_task_row_get_number (header), ==, roman);
      for (guint t = 0; t < n_tasks_in (f, g); t++)
        {
          KhTaskRow *row = row_at (f, position++);
          g_autofree char *number = g_strdup_printf ("%u", t + 1);

          g_assert_false (kh_task_row_is_group (row));
          g_assert_true (kh_task_row_get_task (row) == task_at (f, g, t));
          g_assert_cmpstr (kh_task_row_get_number (row), ==, number);
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, position);
}

static GtkSelectionModel *
table_selection (Fixture *f)
{
  GtkWidget *column_view = kh_ui_test_find (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (column_view);
  g_assert_true (GTK_IS_MULTI_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view))));
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
}

static void
select_only (Fixture *f, KhTask *task)
{
  kh_task_table_view_select_task (f->view, task);
  g_assert_true (kh_task_table_view_get_selected_task (f->view) == task);
}

static void
activate (Fixture *f, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
  kh_ui_test_spin (30);
}

static void
test_rows (void)
{
  Fixture f = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *shot = NULL;
  KhTaskCell *cell;

  if (!kh_ui_test_have_display ())
    return;
  fixture_setup_example (&f);

  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_groups (f.table)), ==, 9);
  g_assert_cmpuint (kh_task_table_get_n_tasks (f.table), ==, 39);
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_view_get_rows (f.view)), ==, 48);
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 0)), ==, "I");
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 1)), ==, "1");
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 3)), ==, "3");
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 4)), ==, "II");
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 5)), ==, "1");
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 48 - 4)), ==, "IX");
  for (guint g = 0; g < G_N_ELEMENTS (example_group_sizes); g++)
    g_assert_cmpuint (n_tasks_in (&f, g), ==, example_group_sizes[g]);
  assert_rows_match_table (&f);

  /* The cells show what the model holds: the group title in the task
   * column, the task's text, the time frame with its reading. */
  cell = wait_for_cell (&f, 0, KH_COLUMN_CONTENT);
  g_assert_true (kh_task_cell_is_editable (cell));
  cell = wait_for_cell (&f, 0, KH_COLUMN_LEAD);
  g_assert_false (kh_task_cell_is_editable (cell));
  cell = wait_for_cell (&f, 0, KH_COLUMN_NUMBER);
  g_assert_false (kh_task_cell_is_editable (cell));

  name = g_strdup_printf ("task-table-view-%s", kh_ui_test_lang ());
  shot = kh_ui_test_screenshot (GTK_WIDGET (f.window), name);
  g_test_message ("screenshot: %s", shot);

  fixture_teardown (&f);
}

static void
test_add_insert (void)
{
  Fixture f = { 0 };
  KhTask *anchor;
  KhTask *added;
  guint position;

  if (!kh_ui_test_have_display ())
    return;
  fixture_setup_example (&f);

  /* Add: after the selected task, in its group (II, after task 1). */
  anchor = task_at (&f, 1, 0);
  select_only (&f, anchor);
  f.n_changes = 0;
  activate (&f, "tasks.add");
  g_assert_cmpuint (f.n_changes, ==, 1);
  g_assert_cmpuint (n_tasks_in (&f, 1), ==, 4);
  g_assert_true (task_at (&f, 1, 0) == anchor);
  added = task_at (&f, 1, 1);
  g_assert_cmpstr (kh_task_get_content (added), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_view_get_rows (f.view)), ==, 49);
  assert_rows_match_table (&f);
  /* The new task is selected and its text is being edited. */
  g_assert_true (kh_task_table_view_get_selected_task (f.view) == added);
  position = 1 + 3 + 1 + 1;  /* I, its 3 tasks, II, its task 1 */
  g_assert_true (kh_task_row_get_task (row_at (&f, position)) == added);
  g_assert_true (kh_ui_test_wait_for (cell_is_editing, &(CellQuery) { &f, position, KH_COLUMN_CONTENT }, 5000));
  kh_task_cell_cancel (wait_for_cell (&f, position, KH_COLUMN_CONTENT));

  /* Insert above: before the selected task (I, task 1). */
  anchor = task_at (&f, 0, 0);
  select_only (&f, anchor);
  activate (&f, "tasks.insert-above");
  g_assert_cmpuint (n_tasks_in (&f, 0), ==, 4);
  g_assert_true (task_at (&f, 0, 1) == anchor);
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 2)), ==, "2");
  assert_rows_match_table (&f);
  g_assert_cmpuint (kh_task_table_get_n_tasks (f.table), ==, 41);

  /* A new group after the selection's group, with its header row. */
  select_only (&f, task_at (&f, 8, 0));
  activate (&f, "tasks.add-group");
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_groups (f.table)), ==, 10);
  g_assert_cmpstr (kh_task_group_get_title (group_at (&f, 9)), ==, "");
  assert_rows_match_table (&f);

  fixture_teardown (&f);
}

static gboolean
focus_in_cell (gpointer data)
{
  CellQuery *q = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (q->f->window));
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, KH_TYPE_TASK_CELL) : NULL;

  return cell != NULL &&
         kh_task_cell_get_position (KH_TASK_CELL (cell)) == q->position &&
         kh_column_get_field (kh_task_cell_get_column (KH_TASK_CELL (cell))) == q->field;
}

static guint removed_tasks;
static guint removed_groups;

static void
tasks_removed_cb (KhTaskTableView *view,
                  guint            n_tasks,
                  guint            n_groups)
{
  removed_tasks = n_tasks;
  removed_groups = n_groups;
}

static void
test_remove (void)
{
  Fixture f = { 0 };
  GtkSelectionModel *selection;
  KhTask *kept_first;
  KhTask *kept_last;
  guint position;

  if (!kh_ui_test_have_display ())
    return;
  fixture_setup_example (&f);
  g_signal_connect (f.view, "tasks-removed", G_CALLBACK (tasks_removed_cb), NULL);
  selection = table_selection (&f);

  /* Three tasks in two groups: I.2, I.3 and II.1 (rows 2, 3 and 5). */
  kept_first = task_at (&f, 0, 0);
  kept_last = task_at (&f, 1, 1);
  gtk_selection_model_unselect_all (selection);
  gtk_selection_model_select_item (selection, 2, FALSE);
  gtk_selection_model_select_item (selection, 3, FALSE);
  gtk_selection_model_select_item (selection, 5, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (wait_for_cell (&f, 2, KH_COLUMN_LEAD)));
  removed_tasks = removed_groups = 0;
  activate (&f, "tasks.remove");
  /* The keyboard stays in the table, on the row that took their place. */
  g_assert_true (kh_ui_test_wait_for (focus_in_cell, &(CellQuery) { &f, 2, KH_COLUMN_CONTENT }, 5000));
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  g_assert_cmpuint (removed_tasks, ==, 3);
  g_assert_cmpuint (removed_groups, ==, 0);
  g_assert_cmpuint (kh_task_table_get_n_tasks (f.table), ==, 36);
  g_assert_cmpuint (n_tasks_in (&f, 0), ==, 1);
  g_assert_cmpuint (n_tasks_in (&f, 1), ==, 2);
  g_assert_true (task_at (&f, 0, 0) == kept_first);
  g_assert_true (task_at (&f, 1, 0) == kept_last);
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_view_get_rows (f.view)), ==, 45);
  assert_rows_match_table (&f);

  /* A selected group header takes its group and its tasks with it. */
  g_assert_true (kh_task_row_model_find_group (KH_TASK_ROW_MODEL (kh_task_table_view_get_rows (f.view)),
                                               group_at (&f, 2), &position));
  gtk_selection_model_select_item (selection, position, TRUE);
  activate (&f, "tasks.remove");
  g_assert_cmpuint (removed_tasks, ==, 4);
  g_assert_cmpuint (removed_groups, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_groups (f.table)), ==, 8);
  g_assert_cmpuint (kh_task_table_get_n_tasks (f.table), ==, 32);
  assert_rows_match_table (&f);

  /* Nothing selected: nothing to remove. */
  gtk_selection_model_unselect_all (selection);
  removed_tasks = removed_groups = 0;
  f.n_changes = 0;
  gtk_widget_activate_action (GTK_WIDGET (f.view), "tasks.remove", NULL);
  g_assert_cmpuint (f.n_changes, ==, 0);
  g_assert_cmpuint (removed_tasks + removed_groups, ==, 0);
  g_assert_cmpuint (kh_task_table_get_n_tasks (f.table), ==, 32);

  /* Everything selected: the table keeps its first group, emptied. */
  {
    KhTaskGroup *first = group_at (&f, 0);

    gtk_selection_model_select_all (selection);
    activate (&f, "tasks.remove");
    g_assert_cmpuint (removed_tasks, ==, 32);
    g_assert_cmpuint (removed_groups, ==, 7);
    g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_groups (f.table)), ==, 1);
    g_assert_true (group_at (&f, 0) == first);
    g_assert_cmpuint (kh_task_table_get_n_tasks (f.table), ==, 0);
    /* A titled group keeps its header row. */
    g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_view_get_rows (f.view)), ==, 1);
  }

  fixture_teardown (&f);
}

static void
test_move (void)
{
  Fixture f = { 0 };
  KhTask *task;
  KhTask *other;

  if (!kh_ui_test_have_display ())
    return;
  fixture_setup_example (&f);

  /* Down inside a group is one change: I.1 becomes I.2. */
  task = task_at (&f, 0, 0);
  other = task_at (&f, 0, 1);
  select_only (&f, task);
  f.n_changes = 0;
  activate (&f, "tasks.move-down");
  g_assert_cmpuint (f.n_changes, ==, 1);
  g_assert_true (task_at (&f, 0, 1) == task);
  g_assert_true (task_at (&f, 0, 0) == other);
  g_assert_true (kh_task_table_view_get_selected_task (f.view) == task);
  assert_rows_match_table (&f);

  /* Up from the top of group II goes to the end of group I. */
  task = task_at (&f, 1, 0);
  select_only (&f, task);
  activate (&f, "tasks.move-up");
  g_assert_cmpuint (n_tasks_in (&f, 0), ==, 4);
  g_assert_cmpuint (n_tasks_in (&f, 1), ==, 2);
  g_assert_true (task_at (&f, 0, 3) == task);
  assert_rows_match_table (&f);

  /* ... and down again to the top of group II. */
  activate (&f, "tasks.move-down");
  g_assert_true (task_at (&f, 1, 0) == task);
  g_assert_cmpuint (n_tasks_in (&f, 0), ==, 3);
  assert_rows_match_table (&f);

  /* The very first task cannot go up: the table is unchanged. */
  task = task_at (&f, 0, 0);
  select_only (&f, task);
  f.n_changes = 0;
  activate (&f, "tasks.move-up");
  g_assert_cmpuint (f.n_changes, ==, 0);
  g_assert_true (task_at (&f, 0, 0) == task);

  fixture_teardown (&f);
}

static void
test_move_several_and_drop (void)
{
  Fixture f = { 0 };
  GtkSelectionModel *selection;
  KhTask *a, *b, *c;
  KhTaskCell *target;

  if (!kh_ui_test_have_display ())
    return;
  fixture_setup_example (&f);
  selection = table_selection (&f);

  /* II.1 and II.2 selected (rows 5, 6) move up together as a block, each
   * one row: both pass the header of group II into group I. */
  a = task_at (&f, 1, 0);
  b = task_at (&f, 1, 1);
  c = task_at (&f, 1, 2);
  gtk_selection_model_select_item (selection, 5, TRUE);
  gtk_selection_model_select_item (selection, 6, FALSE);
  activate (&f, "tasks.move-up");
  g_assert_true (task_at (&f, 0, 3) == a);
  g_assert_true (task_at (&f, 0, 4) == b);
  g_assert_true (task_at (&f, 1, 0) == c);
  g_assert_true (gtk_selection_model_is_selected (selection, 4));  /* a: I.4 */
  g_assert_true (gtk_selection_model_is_selected (selection, 5));  /* b: I.5 */
  g_assert_false (gtk_selection_model_is_selected (selection, 6));  /* the header of II */
  assert_rows_match_table (&f);

  /* Drag and drop: c (II.1, row 7) dropped on the lower half of I.1 (row 1)
   * becomes I.2, leaving group II empty. */
  target = wait_for_cell (&f, 1, KH_COLUMN_CONTENT);
  g_signal_emit_by_name (target, "row-dropped", row_at (&f, 7), TRUE);
  kh_ui_test_spin (30);
  g_assert_true (task_at (&f, 0, 1) == c);
  g_assert_cmpuint (n_tasks_in (&f, 0), ==, 6);
  g_assert_cmpuint (n_tasks_in (&f, 1), ==, 0);
  g_assert_true (kh_task_table_view_get_selected_task (f.view) == c);
  assert_rows_match_table (&f);

  /* Dropped on the upper half of the row below, inside its own group, it
   * stays where it is. */
  target = wait_for_cell (&f, 3, KH_COLUMN_CONTENT);
  f.n_changes = 0;
  g_signal_emit_by_name (target, "row-dropped", row_at (&f, 2), FALSE);
  g_assert_cmpuint (f.n_changes, ==, 0);
  g_assert_true (task_at (&f, 0, 1) == c);

  /* Dropped on the upper half of a group header (III, row 9), a task goes
   * to the end of the group above; on the lower half, to the top of its own. */
  {
    KhTask *t = task_at (&f, 0, 0);
    guint header;

    g_assert_true (kh_task_row_model_find_group (KH_TASK_ROW_MODEL (kh_task_table_view_get_rows (f.view)),
                                                 group_at (&f, 2), &header));
    g_signal_emit_by_name (wait_for_cell (&f, header, KH_COLUMN_CONTENT), "row-dropped", row_at (&f, 1), FALSE);
    g_assert_true (task_at (&f, 1, 0) == t);
    g_assert_cmpuint (n_tasks_in (&f, 1), ==, 1);
    g_assert_true (kh_task_row_model_find_group (KH_TASK_ROW_MODEL (kh_task_table_view_get_rows (f.view)),
                                                 group_at (&f, 2), &header));
    g_signal_emit_by_name (wait_for_cell (&f, header, KH_COLUMN_CONTENT), "row-dropped",
                           row_at (&f, header - 1), TRUE);
    g_assert_true (task_at (&f, 2, 0) == t);
    g_assert_cmpuint (n_tasks_in (&f, 1), ==, 0);
    assert_rows_match_table (&f);
  }

  /* Group headers alone move their groups: IX up before VIII. */
  {
    KhTaskGroup *last = group_at (&f, 8);
    guint position;

    g_assert_true (kh_task_row_model_find_group (KH_TASK_ROW_MODEL (kh_task_table_view_get_rows (f.view)),
                                                 last, &position));
    gtk_selection_model_select_item (selection, position, TRUE);
    activate (&f, "tasks.move-up");
    g_assert_true (group_at (&f, 7) == last);
    /* It now starts where VIII (twelve tasks) started. */
    g_assert_true (kh_task_row_get_group (row_at (&f, position - 13)) == last);
    g_assert_cmpstr (kh_task_row_get_number (row_at (&f, position - 13)), ==, "VIII");
    assert_rows_match_table (&f);

    /* A group header dragged onto the lower half of group I's header goes
     * after group I, in one change. */
    g_assert_true (kh_task_row_model_find_group (KH_TASK_ROW_MODEL (kh_task_table_view_get_rows (f.view)),
                                                 last, &position));
    f.n_changes = 0;
    g_signal_emit_by_name (wait_for_cell (&f, 0, KH_COLUMN_CONTENT), "row-dropped",
                           row_at (&f, position), TRUE);
    g_assert_cmpuint (f.n_changes, ==, 1);
    g_assert_true (group_at (&f, 1) == last);
    g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_groups (f.table)), ==, 9);
    assert_rows_match_table (&f);
  }

  fixture_teardown (&f);
}

static gboolean
widget_is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* The editor is a popover over the cell: a surface of its own. */
static char *
screenshot_editor (KhTaskCell *cell,
                   const char *name)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (kh_task_cell_get_editor (cell)),
                                                GTK_TYPE_POPOVER);

  g_assert_true (kh_ui_test_wait_for (widget_is_shown, popover, 5000));
  kh_ui_test_spin (50);
  return kh_ui_test_screenshot (popover, name);
}

static void
test_edit (void)
{
  Fixture f = { 0 };
  KhTaskCell *cell;
  GtkTextBuffer *buffer;
  KhTask *task;
  CellQuery q;
  g_autofree char *name = NULL;
  g_autofree char *shot = NULL;

  if (!kh_ui_test_have_display ())
    return;
  fixture_setup_example (&f);
  task = task_at (&f, 0, 0);  /* row 1 */

  /* Editing the task column: the typed text is the task's content, in one
   * change of the model. */
  kh_task_table_view_focus_cell (f.view, 1, column_index (&f, KH_COLUMN_CONTENT), TRUE);
  g_assert_true (kh_ui_test_wait_for (cell_is_editing, &(CellQuery) { &f, 1, KH_COLUMN_CONTENT }, 5000));
  cell = wait_for_cell (&f, 1, KH_COLUMN_CONTENT);
  buffer = gtk_text_view_get_buffer (kh_task_cell_get_editor (cell));
  gtk_text_buffer_set_text (buffer, "Xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2023 "
                                    "và triển khai đến các phòng, đơn vị thuộc Sở", -1);
  kh_ui_test_spin (100);
  name = g_strdup_printf ("task-table-view-editing-%s", kh_ui_test_lang ());
  shot = kh_ui_test_screenshot (GTK_WIDGET (f.window), name);
  g_test_message ("screenshot: %s", shot);
  g_free (name);
  g_free (shot);
  name = g_strdup_printf ("task-table-view-editor-%s", kh_ui_test_lang ());
  shot = screenshot_editor (cell, name);
  g_test_message ("screenshot: %s", shot);
  f.n_changes = 0;
  kh_task_cell_commit (cell);
  g_assert_false (kh_task_cell_is_editing (cell));
  g_assert_cmpuint (f.n_changes, ==, 1);
  g_assert_cmpstr (kh_task_get_content (task), ==,
                   "Xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2023 "
                   "và triển khai đến các phòng, đơn vị thuộc Sở");

  /* Cancel leaves the model alone. */
  g_assert_true (kh_task_cell_start_editing (cell));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kh_task_cell_get_editor (cell)), "bỏ", -1);
  f.n_changes = 0;
  kh_task_cell_cancel (cell);
  g_assert_cmpuint (f.n_changes, ==, 0);
  g_assert_cmpstr (kh_task_get_content (task), !=, "bỏ");

  /* Tab goes to the next cell of the row, Shift+Tab back; at the end of a
   * row, Tab goes on to the next row; Enter after an edit goes down. */
  q = (CellQuery) { &f, 1, KH_COLUMN_LEAD };
  g_signal_emit_by_name (cell, "navigate", KH_TASK_CELL_NEXT);
  g_assert_true (kh_ui_test_wait_for (focus_in_cell, &q, 5000));
  g_signal_emit_by_name (wait_for_cell (&f, 1, KH_COLUMN_LEAD), "navigate", KH_TASK_CELL_PREVIOUS);
  q.field = KH_COLUMN_CONTENT;
  g_assert_true (kh_ui_test_wait_for (focus_in_cell, &q, 5000));
  g_signal_emit_by_name (wait_for_cell (&f, 1, KH_COLUMN_TIMEFRAME), "navigate", KH_TASK_CELL_NEXT);
  q = (CellQuery) { &f, 2, KH_COLUMN_CONTENT };
  g_assert_true (kh_ui_test_wait_for (focus_in_cell, &q, 5000));
  g_assert_true (kh_task_table_view_get_selected_task (f.view) == task_at (&f, 0, 1));
  g_signal_emit_by_name (wait_for_cell (&f, 2, KH_COLUMN_CONTENT), "navigate", KH_TASK_CELL_DOWN);
  q.position = 3;
  g_assert_true (kh_ui_test_wait_for (focus_in_cell, &q, 5000));
  /* Up from the first task of group II lands on the group's title. */
  g_signal_emit_by_name (wait_for_cell (&f, 5, KH_COLUMN_LEAD), "navigate", KH_TASK_CELL_UP);
  q = (CellQuery) { &f, 4, KH_COLUMN_CONTENT };
  g_assert_true (kh_ui_test_wait_for (focus_in_cell, &q, 5000));

  /* Activating a row (double click, Enter) edits the cell with the focus;
   * on a group row, its title. */
  g_signal_emit_by_name (kh_ui_test_find (GTK_WIDGET (f.view), GTK_TYPE_COLUMN_VIEW), "activate", 4);
  g_assert_true (kh_ui_test_wait_for (cell_is_editing, &(CellQuery) { &f, 4, KH_COLUMN_CONTENT }, 5000));
  cell = wait_for_cell (&f, 4, KH_COLUMN_CONTENT);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kh_task_cell_get_editor (cell)),
                            "  Đánh giá tác động thủ tục hành chính ", -1);
  kh_task_cell_commit (cell);
  g_assert_cmpstr (kh_task_group_get_title (group_at (&f, 1)), ==,
                   "Đánh giá tác động thủ tục hành chính");

  /* Lead: a unit picked from the directory is appended after "; ". */
  task = task_at (&f, 0, 0);
  cell = wait_for_cell (&f, 1, KH_COLUMN_LEAD);
  g_assert_true (kh_task_cell_start_editing (cell));
  kh_task_cell_insert_unit (cell, "Thanh tra Sở");
  kh_ui_test_spin (100);
  g_free (name);
  g_free (shot);
  name = g_strdup_printf ("task-table-view-unit-editor-%s", kh_ui_test_lang ());
  shot = screenshot_editor (cell, name);
  g_test_message ("screenshot: %s", shot);
  kh_task_cell_commit (cell);
  g_assert_cmpstr (kh_task_get_lead (task), ==,
                   "Văn phòng, Phòng Thông tin thống kê KHCN&ĐMST; Thanh tra Sở");

  /* Time frame: the cell says how the new text reads. */
  cell = wait_for_cell (&f, 1, KH_COLUMN_TIMEFRAME);
  g_assert_true (kh_task_cell_start_editing (cell));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kh_task_cell_get_editor (cell)), "Quý III, IV", -1);
  kh_task_cell_commit (cell);
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, "Quý III, IV");

  /* Progress takes 0..100 only. */
  {
    g_autoptr(KhColumn) progress = kh_column_new (KH_COLUMN_PROGRESS, "Tiến độ");

    g_list_store_append (G_LIST_STORE (kh_task_table_get_columns (f.table)), progress);
    cell = wait_for_cell (&f, 1, KH_COLUMN_PROGRESS);
    g_assert_true (kh_task_cell_start_editing (cell));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (kh_task_cell_get_editor (cell)), "40 %", -1);
    kh_task_cell_commit (cell);
    g_assert_cmpint (kh_task_get_progress (task), ==, 40);
    g_assert_true (kh_task_cell_start_editing (cell));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (kh_task_cell_get_editor (cell)), "140", -1);
    kh_task_cell_commit (cell);
    g_assert_cmpint (kh_task_get_progress (task), ==, 40);
  }

  fixture_teardown (&f);
}

static void
test_timeframe_reading (void)
{
  gboolean span_understood = FALSE;
  gboolean unknown_understood = TRUE;
  g_autofree char *span = kh_task_cell_describe_timeframe ("Quý III, IV", NULL, 2023, &span_understood);
  g_autofree char *deadline = kh_task_cell_describe_timeframe ("Trước ngày 30/3 năm 2023", NULL, 2023, NULL);
  g_autofree char *unknown = kh_task_cell_describe_timeframe ("sớm nhất có thể", NULL, 2023,
                                                              &unknown_understood);
  g_autofree char *empty = kh_task_cell_describe_timeframe ("", NULL, 2023, NULL);
  g_autofree char *yearless = kh_task_cell_describe_timeframe ("Quý I", NULL, 2024, NULL);

  g_assert_true (span_understood);
  g_assert_false (unknown_understood);

  g_assert_nonnull (strstr (span, "01/7/2023"));
  g_assert_nonnull (strstr (span, "31/12/2023"));
  g_assert_nonnull (strstr (deadline, "30/3/2023"));
  g_assert_null (strstr (deadline, "01/"));
  g_assert_true (g_str_has_prefix (unknown, "⚠"));
  g_assert_null (empty);
  /* The plan year completes a time frame without one. */
  g_assert_nonnull (strstr (yearless, "31/3/2024"));
}

typedef struct {
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} ChangeLog;

static void
log_items_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   ChangeLog  *log)
{
  log->n_signals++;
  log->position = position;
  log->removed = removed;
  log->added = added;
}

static void
test_large_table (void)
{
  Fixture f = { 0 };
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  GListStore *groups = G_LIST_STORE (kh_task_table_get_groups (table));
  GListModel *rows;
  ChangeLog log = { 0 };
  gint64 start;

  if (!kh_ui_test_have_display ())
    return;

  /* 20 groups of 50 tasks. */
  g_list_store_remove_all (groups);
  for (guint g = 0; g < 20; g++)
    {
      g_autofree char *title = g_strdup_printf ("Nhóm nhiệm vụ %u", g + 1);
      g_autoptr(KhTaskGroup) group = kh_task_group_new (title);

      for (guint t = 0; t < 50; t++)
        {
          g_autoptr(KhTask) task = kh_task_new ();
          g_autofree char *content = g_strdup_printf ("Nhiệm vụ %u.%u", g + 1, t + 1);

          kh_task_set_content (task, content);
          kh_task_set_timeframe (task, "Quý II");
          g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (group)), task);
        }
      g_list_store_append (groups, group);
    }
  fixture_show (&f, table, 2024);
  rows = kh_task_table_view_get_rows (f.view);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1020);
  g_signal_connect (rows, "items-changed", G_CALLBACK (log_items_changed), &log);

  /* Adding after task 10.25 changes one row of the flat list, in place. */
  select_only (&f, task_at (&f, 9, 24));
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "tasks.add", NULL));
  g_test_message ("add in a 1,000-task table: %" G_GINT64_FORMAT " µs",
                  g_get_monotonic_time () - start);
  kh_ui_test_spin (30);
  g_assert_cmpuint (log.n_signals, ==, 1);
  g_assert_cmpuint (log.removed, ==, 0);
  g_assert_cmpuint (log.added, ==, 1);
  g_assert_cmpuint (log.position, ==, 9 * 51 + 1 + 25);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1021);
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 9 * 51 + 1 + 50)), ==, "51");
  assert_rows_match_table (&f);

  /* Removing it is one small change too. */
  log.n_signals = 0;
  activate (&f, "tasks.remove");
  g_assert_cmpuint (log.n_signals, ==, 1);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, 0);
  assert_rows_match_table (&f);

  fixture_teardown (&f);
}

static void
test_table_without_groups (void)
{
  Fixture f = { 0 };
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  g_autofree char *name = NULL;
  g_autofree char *shot = NULL;
  KhTaskGroup *group;
  GListModel *rows;

  if (!kh_ui_test_have_display ())
    return;
  fixture_show (&f, table, 2024);
  rows = kh_task_table_view_get_rows (f.view);
  group = group_at (&f, 0);

  /* One untitled group: no header row; tasks numbered 1, 2. An empty
   * table says how to add its tasks. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  name = g_strdup_printf ("task-table-view-empty-%s", kh_ui_test_lang ());
  shot = kh_ui_test_screenshot (GTK_WIDGET (f.window), name);
  g_test_message ("screenshot: %s", shot);
  g_assert_true (gtk_widget_get_mapped (kh_ui_test_find (GTK_WIDGET (f.view), ADW_TYPE_STATUS_PAGE)));
  activate (&f, "tasks.add");
  g_assert_false (gtk_widget_get_mapped (kh_ui_test_find (GTK_WIDGET (f.view), ADW_TYPE_STATUS_PAGE)));
  activate (&f, "tasks.add");
  g_assert_cmpuint (n_tasks_in (&f, 0), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 1)), ==, "2");

  /* Titling the only group shows its header; clearing the title hides it. */
  kh_task_group_set_title (group, "Nhiệm vụ chung");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpstr (kh_task_row_get_number (row_at (&f, 0)), ==, "I");
  kh_task_group_set_title (group, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);

  /* A second group brings the headers in: I, 1, 2, II. */
  activate (&f, "tasks.add-group");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_true (kh_task_row_get_group (row_at (&f, 0)) == group);
  assert_rows_match_table (&f);

  fixture_teardown (&f);
}

/* The flat rows follow random edits of the table, and every items-changed
 * they emit describes the edit exactly: a copy of the rows kept up to date
 * from the signals alone always equals them. Needs no display. */
static void
shadow_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GPtrArray  *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->len);
  g_ptr_array_remove_range (shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_rows_follow (KhTaskRowModel *rows,
                    KhTaskTable    *table,
                    GPtrArray      *shadow)
{
  GListModel *groups = kh_task_table_get_groups (table);
  gboolean headers = kh_task_row_model_get_shows_headers (rows);
  g_autoptr(KhTaskGroup) first = g_list_model_get_item (groups, 0);
  guint position = 0;

  g_assert_cmpuint (shadow->len, ==, g_list_model_get_n_items (G_LIST_MODEL (rows)));
  for (guint i = 0; i < shadow->len; i++)
    g_assert_true (g_ptr_array_index (shadow, i) == kh_task_row_model_get_row (rows, i));

  g_assert_true (headers == (g_list_model_get_n_items (groups) != 1 ||
                             *kh_task_group_get_title (first) != '\0'));
  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
      GListModel *tasks = kh_task_group_get_tasks (group);

      if (headers)
        {
          g_autofree char *roman = kh_vn_roman (g + 1);
          KhTaskRow *header = kh_task_row_model_get_row (rows, position++);

          g_assert_true (kh_task_row_get_group (header) == group);
          g_assert_cmpstr (kh_task_row_get_number (header), ==, roman);
        }
      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(KhTask) task = g_list_model_get_item (tasks, t);
          g_autofree char *number = g_strdup_printf ("%u", t + 1);
          KhTaskRow *row = kh_task_row_model_get_row (rows, position++);

          g_assert_true (kh_task_row_get_task (row) == task);
          g_assert_cmpstr (kh_task_row_get_number (row), ==, number);
        }
    }
  g_assert_cmpuint (position, ==, shadow->len);
}

static void
test_row_model_random (void)
{
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  g_autoptr(KhTaskRowModel) rows = kh_task_row_model_new (table);
  g_autoptr(GPtrArray) shadow = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *groups = G_LIST_STORE (kh_task_table_get_groups (table));

  g_signal_connect (rows, "items-changed", G_CALLBACK (shadow_items_changed), shadow);
  for (guint step = 0; step < 400; step++)
    {
      guint n_groups = g_list_model_get_n_items (G_LIST_MODEL (groups));
      g_autoptr(KhTaskGroup) group = n_groups ? g_list_model_get_item (G_LIST_MODEL (groups),
                                                                       g_test_rand_int_range (0, n_groups))
                                              : NULL;
      GListStore *tasks = group ? G_LIST_STORE (kh_task_group_get_tasks (group)) : NULL;
      guint n_tasks = tasks ? g_list_model_get_n_items (G_LIST_MODEL (tasks)) : 0;

      switch (g_test_rand_int_range (0, 7))
        {
        case 0: case 1:  /* insert tasks */
          if (tasks)
            {
              g_autoptr(KhTask) a = kh_task_new ();
              g_autoptr(KhTask) b = kh_task_new ();
              gpointer added[] = { a, b };

              g_list_store_splice (tasks, g_test_rand_int_range (0, n_tasks + 1), 0,
                                   added, g_test_rand_int_range (1, 3));
            }
          break;
        case 2:  /* remove tasks */
          if (n_tasks > 0)
            {
              guint at = g_test_rand_int_range (0, n_tasks);
              guint n = g_test_rand_int_range (1, 3);

              g_list_store_splice (tasks, at, MIN (n_tasks - at, n), NULL, 0);
            }
          break;
        case 3:  /* replace a task in place */
          if (n_tasks > 0)
            {
              g_autoptr(KhTask) task = kh_task_new ();
              gpointer added[] = { task };

              g_list_store_splice (tasks, g_test_rand_int_range (0, n_tasks), 1, added, 1);
            }
          break;
        case 4:  /* insert a group, sometimes with tasks */
          {
            g_autoptr(KhTaskGroup) fresh = kh_task_group_new (g_test_rand_bit () ? "" : "Nhóm");

            if (g_test_rand_bit ())
              {
                g_autoptr(KhTask) task = kh_task_new ();

                g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (fresh)), task);
              }
            g_list_store_insert (groups, g_test_rand_int_range (0, n_groups + 1), fresh);
          }
          break;
        case 5:  /* remove a group */
          if (n_groups > 0)
            g_list_store_remove (groups, g_test_rand_int_range (0, n_groups));
          break;
        case 6:  /* retitle a group */
          if (group)
            kh_task_group_set_title (group, *kh_task_group_get_title (group) ? "" : "Nhóm");
          break;
        default:
          g_assert_not_reached ();
        }
      assert_rows_follow (rows, table, shadow);
    }
}

/* A table for a follow-up meeting: status, progress and notes columns. */
static void
test_follow_up_columns (void)
{
  Fixture f = { 0 };
  GListStore *columns;
  KhTaskCell *cell;
  GtkWidget *dropdown;
  KhTask *task;
  g_autofree char *name = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(KhColumn) status = kh_column_new (KH_COLUMN_STATUS, "Tình trạng");
  g_autoptr(KhColumn) progress = kh_column_new (KH_COLUMN_PROGRESS, "");
  g_autoptr(KhColumn) notes = kh_column_new (KH_COLUMN_NOTES, "Ghi chú");

  if (!kh_ui_test_have_display ())
    return;
  fixture_setup_example (&f);
  gtk_window_set_default_size (f.window, 1600, 820);

  /* The product column goes; the follow-up ones come. */
  columns = G_LIST_STORE (kh_task_table_get_columns (f.table));
  g_list_store_remove (columns, 4);
  g_list_store_append (columns, status);
  g_list_store_append (columns, progress);
  g_list_store_append (columns, notes);
  task = task_at (&f, 0, 0);
  kh_task_set_status (task, KH_TASK_STATUS_DONE);
  kh_task_set_progress (task, 100);
  kh_task_set_notes (task, "Đã ban hành Kế hoạch số 45/KH-SKHCN");
  kh_task_set_status (task_at (&f, 0, 1), KH_TASK_STATUS_IN_PROGRESS);
  kh_task_set_progress (task_at (&f, 0, 1), 60);

  /* The status is a drop-down in the cell: picking writes the task. */
  cell = wait_for_cell (&f, 2, KH_COLUMN_STATUS);
  dropdown = kh_ui_test_find (GTK_WIDGET (cell), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_cmpint (kh_task_get_status (task_at (&f, 0, 1)), ==, KH_TASK_STATUS_DONE);
  /* Columns are titled with their headers; an untitled one with its field. */
  {
    GListModel *view_columns = gtk_column_view_get_columns (
      GTK_COLUMN_VIEW (kh_ui_test_find (GTK_WIDGET (f.view), GTK_TYPE_COLUMN_VIEW)));
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (view_columns, 0);
    g_autoptr(GtkColumnViewColumn) untitled = g_list_model_get_item (view_columns, 6);

    g_assert_cmpuint (g_list_model_get_n_items (view_columns), ==, 8);
    g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "TT");
    g_assert_cmpstr (gtk_column_view_column_get_title (untitled), ==, _("Progress"));
  }
  kh_ui_test_spin (300);

  name = g_strdup_printf ("task-table-view-follow-up-%s", kh_ui_test_lang ());
  shot = kh_ui_test_screenshot (GTK_WIDGET (f.window), name);
  g_test_message ("screenshot: %s", shot);

  fixture_teardown (&f);
}

/* The accelerators the header documents reach the actions. */
static void
test_accelerators (void)
{
  Fixture f = { 0 };
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char *expected[][2] = {
    { "<Control>Return", "tasks.add" },
    { "<Shift><Control>Return", "tasks.insert-above" },
    { "<Alt>Up", "tasks.move-up" },
    { "<Alt>Down", "tasks.move-down" },
    { "<Shift><Control>g", "tasks.add-group" },
  };

  if (!kh_ui_test_have_display ())
    return;
  fixture_setup_example (&f);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f.view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_NAMED_ACTION (action))
            g_hash_table_insert (found, gtk_shortcut_trigger_to_string (trigger),
                                 g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))));
          else if (GTK_IS_CALLBACK_ACTION (action))
            g_hash_table_insert (found, gtk_shortcut_trigger_to_string (trigger), g_strdup ("callback"));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_hash_table_lookup (found, expected[i][0]), ==, expected[i][1]);
  /* Delete goes through a check that no text is being edited. */
  g_assert_cmpstr (g_hash_table_lookup (found, "Delete"), ==, "callback");

  fixture_teardown (&f);
}

int
main (int argc, char *argv[])
{
  if (kh_ui_test_init (&argc, &argv))
    adw_init ();

  g_test_add_func ("/ui/task-table-view/rows", test_rows);
  g_test_add_func ("/ui/task-table-view/add-insert", test_add_insert);
  g_test_add_func ("/ui/task-table-view/remove", test_remove);
  g_test_add_func ("/ui/task-table-view/move", test_move);
  g_test_add_func ("/ui/task-table-view/move-several-and-drop", test_move_several_and_drop);
  g_test_add_func ("/ui/task-table-view/edit", test_edit);
  g_test_add_func ("/ui/task-table-view/timeframe-reading", test_timeframe_reading);
  g_test_add_func ("/ui/task-table-view/large-table", test_large_table);
  g_test_add_func ("/ui/task-table-view/table-without-groups", test_table_without_groups);
  g_test_add_func ("/ui/task-table-view/follow-up-columns", test_follow_up_columns);
  g_test_add_func ("/ui/task-table-view/accelerators", test_accelerators);
  g_test_add_func ("/ui/task-table-view/row-model-random", test_row_model_random);
  return g_test_run ();
}
