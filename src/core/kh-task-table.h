/* kh-task-table.h — a plan's task table: columns and groups of tasks */
#pragma once

#include "kh-model-object.h"
#include "kh-column.h"
#include "kh-task-group.h"

G_BEGIN_DECLS

#define KH_TYPE_TASK_TABLE (kh_task_table_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskTable, kh_task_table, KH, TASK_TABLE, KhModelObject)

KhTaskTable  *kh_task_table_new           (void);
KhTaskTable  *kh_task_table_copy          (KhTaskTable *self);
const char   *kh_task_table_get_title     (KhTaskTable *self);
void          kh_task_table_set_title     (KhTaskTable *self,
                                           const char  *title);
gboolean      kh_task_table_get_appendix  (KhTaskTable *self);
void          kh_task_table_set_appendix  (KhTaskTable *self,
                                           gboolean     appendix);
gboolean      kh_task_table_get_landscape (KhTaskTable *self);
void          kh_task_table_set_landscape (KhTaskTable *self,
                                           gboolean     landscape);
GListModel   *kh_task_table_get_columns   (KhTaskTable *self);
GListModel   *kh_task_table_get_groups    (KhTaskTable *self);

/* The usual layout: Stt | Nhiệm vụ | Sản phẩm | Đơn vị chủ trì |
 * Đơn vị phối hợp | Thời gian thực hiện, and one untitled group. */
KhTaskTable  *kh_task_table_new_default (void);
/* The number of tasks in all groups. */
guint         kh_task_table_get_n_tasks (KhTaskTable *self);

G_END_DECLS
