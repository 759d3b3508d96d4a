/* kh-task-schedule.c — the schedule a task is drawn with */
#include "config.h"

#include "kh-task-schedule.h"
#include "kh-timeframe.h"

KhSchedule *
kh_task_read_schedule (KhTask   *task,
                       int       plan_year,
                       gboolean *is_explicit)
{
  JsonNode *json;

  g_return_val_if_fail (KH_IS_TASK (task), NULL);

  json = kh_task_get_schedule (task);
  if (json != NULL)
    {
      g_autoptr(GError) error = NULL;
      KhSchedule *schedule = kh_schedule_from_json (json, &error);

      if (schedule != NULL)
        {
          if (is_explicit)
            *is_explicit = TRUE;
          return schedule;
        }
      /* A hand-edited file with a broken schedule: the text still says when. */
      g_debug ("task schedule ignored: %s", error->message);
    }
  if (is_explicit)
    *is_explicit = FALSE;
  return kh_timeframe_read (kh_task_get_timeframe (task), plan_year);
}
