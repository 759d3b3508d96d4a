/* test-example-schedules.c — the example plans' tasks, read as the timeline
 * reads them: every time frame gets a schedule from the reader, the text stays
 * as written, and an explicit schedule wins over the text. */
#include <string.h>

#include "kh-core.h"
#include "kh-task-schedule.h"

typedef struct {
  const char *file;
  int year;
  guint tasks;
} Example;

static void
check_example (const Example *example)
{
  const char *root = g_getenv ("KH_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root ? root : ".", "data", "examples", example->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) document = kh_document_load_file (file, NULL, &error);
  GListModel *tables;
  guint tasks = 0;

  g_assert_no_error (error);
  g_assert_cmpint (kh_document_get_year (document), ==, example->year);
  tables = kh_plan_get_tables (kh_document_get_plan (document));
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);
      GListModel *groups = kh_task_table_get_groups (table);

      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
          GListModel *list = kh_task_group_get_tasks (group);

          for (guint k = 0; k < g_list_model_get_n_items (list); k++)
            {
              g_autoptr(KhTask) task = g_list_model_get_item (list, k);
              g_autofree char *before = g_strdup (kh_task_get_timeframe (task));
              gboolean is_explicit = TRUE;
              g_autoptr(KhSchedule) schedule = kh_task_read_schedule (task, example->year, &is_explicit);
              KhScheduleKind kind = kh_schedule_get_primary_kind (schedule);
              GDate start, end;

              g_assert_false (is_explicit);
              g_assert_cmpstr (kh_task_get_timeframe (task), ==, before);
              if (kind == KH_SCHEDULE_KIND_UNKNOWN)
                g_error ("%s: «%s» was not read", example->file, before);
              /* Dated tasks fall in the plan year: these plans plan one year. */
              if (kh_schedule_get_range (schedule, &start, &end))
                {
                  g_assert_cmpint (g_date_get_year (&start), ==, example->year);
                  g_assert_cmpint (g_date_get_year (&end), ==, example->year);
                }
              tasks++;
            }
        }
    }
  g_assert_cmpuint (tasks, ==, example->tasks);
}

static void
test_examples (void)
{
  static const Example examples[] = {
    { "2024-truyen-thong-kiem-soat-tthc.kehoach", 2024, 7 },
    { "2023-kiem-soat-tthc-ha-tinh.kehoach", 2023, 39 },
    { "2024-tuyen-truyen-cchc.kehoach", 2024, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    check_example (&examples[i]);
}

static void
test_explicit_schedule_wins (void)
{
  g_autoptr(KhTask) task = kh_task_new ();
  g_autoptr(KhSchedule) set = kh_schedule_new (2024);
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(KhSchedule) read = NULL;
  g_autoptr(KhSchedule) fallback = NULL;
  g_autoptr(JsonNode) broken = json_from_string ("{\"plan_year\": 2024}", NULL);
  KhSchedulePart part;
  gboolean is_explicit = FALSE;

  kh_task_set_timeframe (task, "Quý III,IV");
  kh_schedule_part_init (&part, KH_SCHEDULE_KIND_DEADLINE);
  g_date_set_dmy (&part.end, 15, 11, 2024);
  kh_schedule_add_part (set, &part);
  json = kh_schedule_to_json (set);
  kh_task_set_schedule (task, json);

  read = kh_task_read_schedule (task, 2024, &is_explicit);
  g_assert_true (is_explicit);
  g_assert_true (kh_schedule_equal (read, set));
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, "Quý III,IV");

  /* a schedule that does not parse: the text is read instead */
  kh_task_set_schedule (task, broken);
  fallback = kh_task_read_schedule (task, 2024, &is_explicit);
  g_assert_false (is_explicit);
  g_assert_cmpint (kh_schedule_get_primary_kind (fallback), ==, KH_SCHEDULE_KIND_SPAN);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/example-schedules/examples", test_examples);
  g_test_add_func ("/example-schedules/explicit-schedule-wins", test_explicit_schedule_wins);
  return g_test_run ();
}
