/* kh-task-row-model.h — a task table flattened into one list of rows
 *
 * Private to the task table view. GtkColumnView in GTK 4.8 has no sections,
 * so the groups and their tasks become one GListModel of KhTaskRow: each
 * group's header row followed by its task rows. The list follows the table:
 * a change to one group's tasks replaces only the rows of that change (and
 * renumbers the following tasks of the group), so editing a table of a
 * thousand tasks stays cheap.
 *
 * A table with a single untitled group (a table without groups, in the file
 * format's terms) shows no header row.
 */
#pragma once

#include "kh-core.h"
#include "kh-task-row.h"

G_BEGIN_DECLS

#define KH_TYPE_TASK_ROW_MODEL (kh_task_row_model_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskRowModel, kh_task_row_model, KH, TASK_ROW_MODEL, GObject)

KhTaskRowModel *kh_task_row_model_new               (KhTaskTable    *table);
KhTaskTable    *kh_task_row_model_get_table         (KhTaskRowModel *self);
void            kh_task_row_model_set_table         (KhTaskRowModel *self,
                                                     KhTaskTable    *table);
/* Transfer none; NULL past the end. */
KhTaskRow      *kh_task_row_model_get_row           (KhTaskRowModel *self,
                                                     guint           position);
gboolean        kh_task_row_model_get_shows_headers (KhTaskRowModel *self);
gboolean        kh_task_row_model_find_task         (KhTaskRowModel *self,
                                                     KhTask         *task,
                                                     guint          *position);
/* The position of the group's header row, or of its first task row when
 * headers are not shown. */
gboolean        kh_task_row_model_find_group        (KhTaskRowModel *self,
                                                     KhTaskGroup    *group,
                                                     guint          *position);

G_END_DECLS
