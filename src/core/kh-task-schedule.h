/* kh-task-schedule.h — the schedule a task is drawn with
 *
 * A task keeps the time frame text as the user wrote it and, when the user
 * set dates explicitly, a schedule as opaque JSON (kh-task.h). Everything that
 * draws or counts tasks (timeline, task table, summaries) asks here, so that
 * they all agree: the explicit schedule when there is a valid one, else the
 * reading of the text with the document's plan year. The text is never
 * rewritten.
 */
#pragma once

#include "kh-schedule.h"
#include "kh-task.h"

G_BEGIN_DECLS

/* Never NULL. @is_explicit (may be NULL) tells whether the user set it; an
 * explicit schedule that does not parse falls back to the reading. */
KhSchedule *kh_task_read_schedule (KhTask   *task,
                                   int       plan_year,
                                   gboolean *is_explicit);

G_END_DECLS
