/* kh-task-table-view.h — the editor of a plan's task table
 *
 * A GtkColumnView over the table flattened into rows: each group's header
 * (its Roman numeral and bold title, edited in place) followed by its tasks,
 * numbered from 1 in each group. One column per KhColumn of the table, titled
 * with its header. Every cell edits in place (see kh-task-cell.h); each edit,
 * add, insert, remove or move is written straight into the model objects, so
 * the document's "changed" signal sees it; undo is the document's business.
 *
 * Actions (group "tasks"), with their accelerators:
 *   tasks.add           Ctrl+Enter        a new task after the selection, in its group
 *   tasks.insert-above  Ctrl+Shift+Enter  a new task above the selection
 *   tasks.remove        Delete            the selected tasks (and selected group headers
 *                                         with their tasks); emits "tasks-removed"
 *   tasks.move-up       Alt+Up            the selected tasks (or groups) one place up,
 *   tasks.move-down     Alt+Down          into the neighbouring group at a group edge
 *   tasks.add-group     Ctrl+Shift+N      a new group after the selection's group
 * Tasks (into any group) and groups (by their header) are reordered by drag
 * and drop as well. In the table, Tab and Shift+Tab move between the cells
 * of a row, Enter (or a double click) edits a cell and, while editing,
 * commits and moves down; Escape cancels an edit.
 *
 * Signals:
 *   "tasks-removed" (guint n_tasks, guint n_groups): after tasks.remove, so
 *   that the window can offer to undo.
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-core.h"

G_BEGIN_DECLS

#define KH_TYPE_TASK_TABLE_VIEW (kh_task_table_view_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskTableView, kh_task_table_view, KH, TASK_TABLE_VIEW, GtkWidget)

GtkWidget   *kh_task_table_view_new               (void);

/* "table": the KhTaskTable edited; NULL shows an empty view. */
KhTaskTable *kh_task_table_view_get_table         (KhTaskTableView *self);
void         kh_task_table_view_set_table         (KhTaskTableView *self,
                                                   KhTaskTable     *table);
/* "units": a GListModel of KhUnit, the pick list of lead and cooperating cells. */
GListModel  *kh_task_table_view_get_units         (KhTaskTableView *self);
void         kh_task_table_view_set_units         (KhTaskTableView *self,
                                                   GListModel      *units);
/* "year": the plan year that completes time frames without a year ("Quý III");
 * 0 (the default) reads them in the current year. */
int          kh_task_table_view_get_year          (KhTaskTableView *self);
void         kh_task_table_view_set_year          (KhTaskTableView *self,
                                                   int              year);

/* "selected-task": the first selected task, NULL when no task row is selected. */
KhTask      *kh_task_table_view_get_selected_task (KhTaskTableView *self);
/* Selects the task's row alone and scrolls to it; NULL clears the selection. */
void         kh_task_table_view_select_task       (KhTaskTableView *self,
                                                   KhTask          *task);

/* The rows shown: a GListModel of the private KhTaskRow (kh-task-row.h). */
GListModel  *kh_task_table_view_get_rows          (KhTaskTableView *self);
/* Moves the keyboard focus to a cell (row position, column index in the
 * table's columns) and, with @edit, starts editing it. */
void         kh_task_table_view_focus_cell        (KhTaskTableView *self,
                                                   guint            position,
                                                   guint            column,
                                                   gboolean         edit);

G_END_DECLS
