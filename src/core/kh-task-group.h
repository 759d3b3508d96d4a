/* kh-task-group.h — a titled group of tasks in a task table */
#pragma once

#include "kh-model-object.h"
#include "kh-task.h"

G_BEGIN_DECLS

#define KH_TYPE_TASK_GROUP (kh_task_group_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskGroup, kh_task_group, KH, TASK_GROUP, KhModelObject)

KhTaskGroup  *kh_task_group_new       (const char * title);
KhTaskGroup  *kh_task_group_copy      (KhTaskGroup *self);
const char   *kh_task_group_get_title (KhTaskGroup *self);
void          kh_task_group_set_title (KhTaskGroup *self,
                                       const char  *title);
GListModel   *kh_task_group_get_tasks (KhTaskGroup *self);

G_END_DECLS
