/* kh-task.h — one task (row) of a plan's task table
 *
 * The schedule is the one the user set explicitly, kept as the opaque JSON
 * object of the file format (see kh-schedule.h for its meaning); NULL means
 * it is read from the time frame text. The task keeps its own sealed copy.
 */
#pragma once

#include "kh-model-object.h"
#include "kh-types.h"
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define KH_TYPE_TASK (kh_task_get_type ())
G_DECLARE_FINAL_TYPE (KhTask, kh_task, KH, TASK, KhModelObject)

KhTask       *kh_task_new             (void);
KhTask       *kh_task_copy            (KhTask *self);
const char   *kh_task_get_content     (KhTask *self);
void          kh_task_set_content     (KhTask     *self,
                                       const char *content);
const char   *kh_task_get_product     (KhTask *self);
void          kh_task_set_product     (KhTask     *self,
                                       const char *product);
const char   *kh_task_get_lead        (KhTask *self);
void          kh_task_set_lead        (KhTask     *self,
                                       const char *lead);
const char   *kh_task_get_cooperating (KhTask *self);
void          kh_task_set_cooperating (KhTask     *self,
                                       const char *cooperating);
const char   *kh_task_get_timeframe   (KhTask *self);
void          kh_task_set_timeframe   (KhTask     *self,
                                       const char *timeframe);
KhTaskStatus  kh_task_get_status      (KhTask *self);
void          kh_task_set_status      (KhTask       *self,
                                       KhTaskStatus  status);
int           kh_task_get_progress    (KhTask *self);
void          kh_task_set_progress    (KhTask *self,
                                       int     progress);
const char   *kh_task_get_notes       (KhTask *self);
void          kh_task_set_notes       (KhTask     *self,
                                       const char *notes);
JsonNode     *kh_task_get_schedule    (KhTask *self);
void          kh_task_set_schedule    (KhTask   *self,
                                       JsonNode *schedule);

G_END_DECLS
