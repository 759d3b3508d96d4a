/* test-schedule.c — KhSchedule built by hand (as the UI does when the user picks
 * dates): wording, range, occurrences, equality, JSON and its errors. */
#include <stdio.h>
#include <string.h>

#include "kh-schedule.h"
#include "kh-timeframe.h"

static KhSchedulePart
make_part (KhScheduleKind kind, const char *start, const char *end)
{
  KhSchedulePart part;
  unsigned y, m, d;

  kh_schedule_part_init (&part, kind);
  if (start && sscanf (start, "%u-%u-%u", &y, &m, &d) == 3)
    g_date_set_dmy (&part.start, d, m, y);
  if (end && sscanf (end, "%u-%u-%u", &y, &m, &d) == 3)
    g_date_set_dmy (&part.end, d, m, y);
  return part;
}

static KhSchedule *
one_part (int year, KhSchedulePart part)
{
  KhSchedule *s = kh_schedule_new (year);

  kh_schedule_add_part (s, &part);
  return s;
}

/* The canonical wording of each shape, and that the reader reads it back. */
static void
test_wording (void)
{
  KhSchedulePart rec = make_part (KH_SCHEDULE_KIND_RECURRING, "2024-01-01", "2024-12-31");
  KhSchedulePart rec_window = make_part (KH_SCHEDULE_KIND_RECURRING, "2024-07-01", "2024-12-31");
  KhSchedulePart half = make_part (KH_SCHEDULE_KIND_RECURRING, "2024-01-01", "2024-12-31");
  KhSchedulePart months = make_part (KH_SCHEDULE_KIND_RECURRING, "2024-01-01", "2024-12-31");
  KhSchedulePart yearly = make_part (KH_SCHEDULE_KIND_RECURRING, "2024-01-01", "2024-12-31");
  struct { KhSchedulePart part; const char *wording; } cases[] = {
    { make_part (KH_SCHEDULE_KIND_SPAN, "2023-07-01", "2023-12-31"), "Quý III, IV năm 2023" },
    { make_part (KH_SCHEDULE_KIND_SPAN, "2024-01-01", "2024-12-31"), "Năm 2024" },
    { make_part (KH_SCHEDULE_KIND_SPAN, "2024-03-01", "2024-03-31"), "Tháng 3 năm 2024" },
    { make_part (KH_SCHEDULE_KIND_SPAN, "2023-03-01", "2023-07-31"), "Tháng 3 đến tháng 7 năm 2023" },
    { make_part (KH_SCHEDULE_KIND_SPAN, "2024-11-01", "2025-02-28"), "Tháng 11 năm 2024 đến tháng 2 năm 2025" },
    { make_part (KH_SCHEDULE_KIND_SPAN, "2024-03-01", "2024-06-15"), "Từ ngày 01/3 đến ngày 15/6/2024" },
    { make_part (KH_SCHEDULE_KIND_SPAN, "2024-12-20", "2025-01-10"), "Từ ngày 20/12/2024 đến ngày 10/01/2025" },
    { make_part (KH_SCHEDULE_KIND_SPAN, "2024-05-09", "2024-05-09"), "Ngày 09/5/2024" },
    { make_part (KH_SCHEDULE_KIND_SPAN, "2023-01-01", "2024-12-31"), "Năm 2023 đến năm 2024" },
    { make_part (KH_SCHEDULE_KIND_DEADLINE, NULL, "2023-03-30"), "Trước ngày 30/3/2023" },
    { make_part (KH_SCHEDULE_KIND_DEADLINE, NULL, "2024-02-05"), "Trước ngày 05/02/2024" },
    { make_part (KH_SCHEDULE_KIND_CONTINUOUS, "2023-01-01", "2023-12-31"), "Thường xuyên trong năm 2023" },
    { make_part (KH_SCHEDULE_KIND_CONTINUOUS, "2024-07-01", "2024-12-31"), "Thường xuyên trong quý III, IV năm 2024" },
    { make_part (KH_SCHEDULE_KIND_CONTINUOUS, "2024-03-10", "2024-06-30"),
      "Thường xuyên từ ngày 10/3 đến ngày 30/6/2024" },
    { rec, "Hàng quý, trước ngày 15 tháng cuối quý" },
    { rec_window, "Hàng tháng trong quý III, IV năm 2024, trước ngày 5" },
    { half, "6 tháng một lần, trước ngày 20 tháng đầu kỳ" },
    { months, "Hàng tháng (tháng 1, 4, 7, 10)" },
    { yearly, "Hàng năm, trước ngày 15 tháng 12" },
  };

  cases[14].part.recurrence = KH_RECURRENCE_QUARTERLY;
  cases[14].part.due_day = 15;
  cases[14].part.due_month = KH_DUE_MONTH_LAST;
  cases[15].part.recurrence = KH_RECURRENCE_MONTHLY;
  cases[15].part.due_day = 5;
  cases[15].part.due_month = 1;
  cases[16].part.recurrence = KH_RECURRENCE_HALF_YEARLY;
  cases[16].part.due_day = 20;
  cases[16].part.due_month = 1;
  cases[17].part.recurrence = KH_RECURRENCE_MONTHLY;
  cases[17].part.periods = 1u << 0 | 1u << 3 | 1u << 6 | 1u << 9;
  cases[18].part.recurrence = KH_RECURRENCE_YEARLY;
  cases[18].part.due_day = 15;
  cases[18].part.due_month = 12;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhSchedule) s = one_part (2024, cases[i].part);
      g_autofree char *wording = kh_schedule_to_wording (s);
      g_autoptr(KhSchedule) read = kh_timeframe_read (wording, 2024);

      g_assert_cmpstr (wording, ==, cases[i].wording);
      if (!kh_schedule_equal (s, read))
        g_error ("«%s» does not read back as the schedule it words", wording);
    }
}

static void
test_note_wording (void)
{
  g_autoptr(KhSchedule) s = one_part (2024, make_part (KH_SCHEDULE_KIND_CONTINUOUS, "2024-01-01", "2024-12-31"));
  g_autoptr(KhSchedule) event = kh_schedule_new (2024);
  g_autoptr(KhSchedule) sentence = one_part (2024, make_part (KH_SCHEDULE_KIND_DEADLINE, NULL, "2024-06-30"));
  KhSchedulePart e = make_part (KH_SCHEDULE_KIND_EVENT, NULL, NULL);
  g_autofree char *w1 = NULL, *w2 = NULL, *w3 = NULL;

  kh_schedule_set_note (s, "  hoặc khi có chỉ đạo ");
  g_assert_cmpstr (kh_schedule_get_note (s), ==, "hoặc khi có chỉ đạo");
  w1 = kh_schedule_to_wording (s);
  g_assert_cmpstr (w1, ==, "Thường xuyên trong năm 2024 hoặc khi có chỉ đạo");

  kh_schedule_add_part (event, &e);
  kh_schedule_set_note (event, "khi có hướng dẫn");
  w2 = kh_schedule_to_wording (event);
  g_assert_cmpstr (w2, ==, "khi có hướng dẫn");

  kh_schedule_set_note (sentence, "Báo cáo UBND tỉnh");
  w3 = kh_schedule_to_wording (sentence);
  g_assert_cmpstr (w3, ==, "Trước ngày 30/6/2024. Báo cáo UBND tỉnh");
}

static void
test_range_and_kinds (void)
{
  g_autoptr(KhSchedule) s = kh_schedule_new (2024);
  g_autoptr(KhSchedule) events = kh_schedule_new (2024);
  g_autoptr(KhSchedule) copy = NULL;
  KhSchedulePart e = make_part (KH_SCHEDULE_KIND_EVENT, NULL, NULL);
  KhSchedulePart d = make_part (KH_SCHEDULE_KIND_DEADLINE, NULL, "2024-02-15");
  KhSchedulePart q = make_part (KH_SCHEDULE_KIND_SPAN, "2024-07-01", "2024-09-30");
  GDate start, end;

  g_assert_cmpint (kh_schedule_get_primary_kind (s), ==, KH_SCHEDULE_KIND_UNKNOWN);
  g_assert_false (kh_schedule_get_range (s, &start, &end));
  g_assert_false (g_date_valid (&start));

  kh_schedule_add_part (s, &e);
  kh_schedule_add_part (s, &q);
  kh_schedule_add_part (s, &d);
  g_assert_cmpint (kh_schedule_get_primary_kind (s), ==, KH_SCHEDULE_KIND_SPAN);
  g_assert_true (kh_schedule_has_kind (s, KH_SCHEDULE_KIND_DEADLINE));
  g_assert_false (kh_schedule_has_kind (s, KH_SCHEDULE_KIND_RECURRING));
  g_assert_true (kh_schedule_get_range (s, &start, &end));
  g_assert_cmpint (g_date_get_month (&start), ==, 2);
  g_assert_cmpint (g_date_get_day (&start), ==, 15);
  g_assert_cmpint (g_date_get_month (&end), ==, 9);

  kh_schedule_add_part (events, &e);
  g_assert_cmpint (kh_schedule_get_primary_kind (events), ==, KH_SCHEDULE_KIND_EVENT);

  copy = kh_schedule_copy (s);
  g_assert_true (kh_schedule_equal (s, copy));
  kh_schedule_add_part (copy, &q);
  g_assert_false (kh_schedule_equal (s, copy));
  g_assert_cmpuint (kh_schedule_get_n_parts (s), ==, 3);

  /* boxed: the GType copies by reference */
  {
    KhSchedule *ref = g_boxed_copy (KH_TYPE_SCHEDULE, s);
    g_assert_true (ref == s);
    g_boxed_free (KH_TYPE_SCHEDULE, ref);
  }
}

static void
test_occurrences_window (void)
{
  KhSchedulePart p = make_part (KH_SCHEDULE_KIND_RECURRING, "2024-05-01", "2025-02-28");
  g_autoptr(KhSchedule) s = NULL;
  g_autoptr(GArray) occ = NULL;
  g_autofree char *last = NULL;

  p.recurrence = KH_RECURRENCE_QUARTERLY;
  p.due_day = 10;
  p.due_month = 1;
  s = one_part (2024, p);
  occ = kh_schedule_get_occurrences (s);
  /* Q2 2024 is due on 10/4, before the window starts: Q3, Q4 2024 and Q1 2025 remain */
  g_assert_cmpuint (occ->len, ==, 3);
  last = g_strdup_printf ("%d-%d", g_date_get_year (&g_array_index (occ, KhOccurrence, 2).end),
                           g_date_get_month (&g_array_index (occ, KhOccurrence, 2).end));
  g_assert_cmpstr (last, ==, "2025-1");
}

static void
test_json_errors (void)
{
  static const struct { const char *json; const char *path; } cases[] = {
    { "[]", "schedule" },
    { "{\"plan_year\":\"2024\",\"note\":\"\",\"parts\":[]}", "schedule.plan_year" },
    { "{\"plan_year\":2024,\"parts\":[]}", "schedule.note" },
    { "{\"plan_year\":2024,\"note\":\"\"}", "schedule.parts" },
    { "{\"plan_year\":2024,\"note\":\"\",\"parts\":[{\"kind\":\"bar\"}]}", "schedule.parts[0].kind" },
    { "{\"plan_year\":2024,\"note\":\"\",\"parts\":[{\"kind\":\"span\",\"start\":\"2024-02-30\",\"end\":\"\","
      "\"recurrence\":\"none\",\"periods\":[],\"due_day\":0,\"due_month\":0,\"offset\":0,\"length\":0}]}",
      "schedule.parts[0].start" },
    { "{\"plan_year\":2024,\"note\":\"\",\"parts\":[{\"kind\":\"span\",\"start\":\"2024-06-01\",\"end\":\"2024-01-01\","
      "\"recurrence\":\"none\",\"periods\":[],\"due_day\":0,\"due_month\":0,\"offset\":0,\"length\":0}]}",
      "schedule.parts[0].start" },
    { "{\"plan_year\":2024,\"note\":\"\",\"parts\":[{\"kind\":\"recurring\",\"start\":\"\",\"end\":\"\","
      "\"recurrence\":\"quarterly\",\"periods\":[5],\"due_day\":0,\"due_month\":0,\"offset\":0,\"length\":0}]}",
      "schedule.parts[0].periods[0]" },
    { "{\"plan_year\":2024,\"note\":\"\",\"parts\":[{\"kind\":\"deadline\",\"start\":\"\",\"end\":\"\","
      "\"recurrence\":\"none\",\"periods\":[],\"due_day\":0,\"due_month\":0,\"offset\":0,\"length\":0}]}",
      "schedule.parts[0].end" },
    { "{\"plan_year\":2024,\"note\":\"\",\"parts\":[{\"kind\":\"recurring\",\"start\":\"\",\"end\":\"\","
      "\"recurrence\":\"monthly\",\"periods\":[],\"due_day\":40,\"due_month\":0,\"offset\":0,\"length\":0}]}",
      "schedule.parts[0].due_day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(KhSchedule) s = kh_schedule_from_json (node, &error);

      g_assert_null (s);
      g_assert_error (error, KH_SCHEDULE_ERROR, KH_SCHEDULE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].path));
      g_assert_cmpint (error->message[strlen (cases[i].path)], ==, ':');
    }
}

/* A user-set schedule (no text): built by hand, worded, stored and read back. */
static void
test_user_schedule (void)
{
  g_autoptr(KhSchedule) s = kh_schedule_new (2024);
  g_autoptr(KhSchedule) read = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(KhSchedule) back = NULL;
  g_autofree char *wording = NULL;
  KhSchedulePart part;

  kh_schedule_part_init (&part, KH_SCHEDULE_KIND_SPAN);
  g_date_set_dmy (&part.start, 1, 7, 2024);
  g_date_set_dmy (&part.end, 31, 12, 2024);
  kh_schedule_add_part (s, &part);
  kh_schedule_part_init (&part, KH_SCHEDULE_KIND_DEADLINE);
  g_date_set_dmy (&part.end, 15, 11, 2024);
  kh_schedule_add_part (s, &part);

  wording = kh_schedule_to_wording (s);
  g_assert_cmpstr (wording, ==, "Quý III, IV năm 2024; trước ngày 15/11/2024");
  read = kh_timeframe_read (wording, 2024);
  g_assert_true (kh_schedule_equal (s, read));
  g_assert_cmpint (kh_schedule_get_primary_kind (s), ==, KH_SCHEDULE_KIND_SPAN);

  node = kh_schedule_to_json (s);
  back = kh_schedule_from_json (node, NULL);
  g_assert_nonnull (back);
  g_assert_true (kh_schedule_equal (s, back));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schedule/wording", test_wording);
  g_test_add_func ("/schedule/note-wording", test_note_wording);
  g_test_add_func ("/schedule/range-and-kinds", test_range_and_kinds);
  g_test_add_func ("/schedule/occurrences-window", test_occurrences_window);
  g_test_add_func ("/schedule/json-errors", test_json_errors);
  g_test_add_func ("/schedule/user-schedule", test_user_schedule);
  return g_test_run ();
}
