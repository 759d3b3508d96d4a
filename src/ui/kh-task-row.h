/* kh-task-row.h — one row of the task table editor: a group header or a task
 *
 * Private to the task table view. A row keeps its group (and its task, for a
 * task row) and the number shown in the number column: the group's Roman
 * numeral ("II") or the task's position in its group ("3"). The number is
 * updated in place when rows before it are inserted or removed.
 */
#pragma once

#include "kh-core.h"

G_BEGIN_DECLS

#define KH_TYPE_TASK_ROW (kh_task_row_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskRow, kh_task_row, KH, TASK_ROW, GObject)

KhTaskRow   *kh_task_row_new_group  (KhTaskGroup *group,
                                     const char  *number);
KhTaskRow   *kh_task_row_new_task   (KhTaskGroup *group,
                                     KhTask      *task,
                                     const char  *number);
gboolean     kh_task_row_is_group   (KhTaskRow *self);
KhTaskGroup *kh_task_row_get_group  (KhTaskRow *self);
/* NULL for a group row. */
KhTask      *kh_task_row_get_task   (KhTaskRow *self);
const char  *kh_task_row_get_number (KhTaskRow *self);
void         kh_task_row_set_number (KhTaskRow  *self,
                                     const char *number);

G_END_DECLS
