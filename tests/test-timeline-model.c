/* test-timeline-model.c — the timeline's rows, filters, legend, per-unit
 * summary and geometry, without a display. */
#include <string.h>

#include "kh-core.h"
#include "kh-test-timeline.h"
#include "kh-timeframe.h"
#include "kh-timeline-model.h"

/* Quý III 2024 at each zoom lands on the pixels its days cover. */
static void
test_scale_geometry (void)
{
  GDate origin = kh_test_dmy (1, 1, 2024), start = kh_test_dmy (1, 7, 2024), end = kh_test_dmy (30, 9, 2024), back;
  const double width = 1000;
  KhTimelineScale scale;
  double x1, x2;

  for (KhTimelineZoom zoom = KH_TIMELINE_ZOOM_YEAR; zoom <= KH_TIMELINE_ZOOM_MONTH; zoom++)
    {
      double ppd = kh_timeline_zoom_px_per_day (zoom, width);

      kh_timeline_scale_init (&scale, &origin, ppd);
      kh_timeline_scale_span (&scale, &start, &end, &x1, &x2);
      /* 2024 is a leap year: 182 days before 1 July; Quý III has 92 days. */
      g_assert_cmpfloat_with_epsilon (x1, 182 * ppd, 1e-9);
      g_assert_cmpfloat_with_epsilon (x2, (182 + 92) * ppd, 1e-9);
      kh_timeline_scale_date_at (&scale, x1 + 0.4 * ppd, &back);
      g_assert_cmpint (g_date_compare (&back, &start), ==, 0);
      kh_timeline_scale_date_at (&scale, x2 - 0.01, &back);
      g_assert_cmpint (g_date_compare (&back, &end), ==, 0);
    }
  /* The presets show a year, a quarter, a month in the width. */
  g_assert_cmpfloat_with_epsilon (kh_timeline_zoom_px_per_day (KH_TIMELINE_ZOOM_YEAR, 730), 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kh_timeline_zoom_px_per_day (KH_TIMELINE_ZOOM_QUARTER, 910), 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kh_timeline_zoom_px_per_day (KH_TIMELINE_ZOOM_MONTH, 310), 10.0, 1e-9);
  /* Out-of-range zooms are clamped, not trusted. */
  kh_timeline_scale_init (&scale, &origin, 1e9);
  g_assert_cmpfloat (scale.px_per_day, ==, KH_TIMELINE_MAX_PX_PER_DAY);
  kh_timeline_scale_init (&scale, &origin, 0);
  g_assert_cmpfloat (scale.px_per_day, ==, KH_TIMELINE_MIN_PX_PER_DAY);
  /* Far off to the left stays a valid date. */
  kh_timeline_scale_date_at (&scale, -1e12, &back);
  g_assert_true (g_date_valid (&back));
}

static GArray *
axis (double ppd, guint tier)
{
  GDate origin = kh_test_dmy (1, 1, 2024), to = kh_test_dmy (31, 12, 2024);
  KhTimelineScale scale;

  kh_timeline_scale_init (&scale, &origin, ppd);
  return kh_timeline_scale_axis (&scale, &origin, &to, tier);
}

/* Vietnamese axis: quarters over months, years over quarters, months over days. */
static void
test_axis_labels (void)
{
  g_autoptr(GArray) quarters = axis (1.9, 0);
  g_autoptr(GArray) months = axis (1.9, 1);
  g_autoptr(GArray) wide_months = axis (3, 1);
  g_autoptr(GArray) years = axis (0.6, 0);
  g_autoptr(GArray) year_quarters = axis (0.6, 1);
  g_autoptr(GArray) days = axis (20, 1);
  g_autoptr(GArray) month_heads = axis (20, 0);
  KhTimelineAxisCell *cell;

  g_assert_cmpuint (quarters->len, ==, 4);
  g_assert_cmpstr (g_array_index (quarters, KhTimelineAxisCell, 0).label, ==, "Quý I năm 2024");
  g_assert_cmpstr (g_array_index (quarters, KhTimelineAxisCell, 2).label, ==, "Quý III năm 2024");
  cell = &g_array_index (quarters, KhTimelineAxisCell, 1);
  g_assert_cmpint (g_date_get_day (&cell->start), ==, 1);
  g_assert_cmpint (g_date_get_month (&cell->start), ==, 4);
  g_assert_cmpint (g_date_get_day (&cell->end), ==, 30);
  g_assert_cmpint (g_date_get_month (&cell->end), ==, 6);

  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpstr (g_array_index (months, KhTimelineAxisCell, 0).label, ==, "Th1");
  g_assert_cmpstr (g_array_index (months, KhTimelineAxisCell, 11).label, ==, "Th12");
  g_assert_cmpstr (g_array_index (wide_months, KhTimelineAxisCell, 8).label, ==, "Tháng 9");
  g_assert_cmpstr (g_array_index (wide_months, KhTimelineAxisCell, 8).short_label, ==, "Th9");
  g_assert_cmpstr (g_array_index (quarters, KhTimelineAxisCell, 2).short_label, ==, "III");

  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpstr (g_array_index (years, KhTimelineAxisCell, 0).label, ==, "Năm 2024");
  g_assert_cmpuint (year_quarters->len, ==, 4);
  g_assert_cmpstr (g_array_index (year_quarters, KhTimelineAxisCell, 3).label, ==, "Quý IV");

  g_assert_cmpuint (days->len, ==, 366);
  g_assert_cmpstr (g_array_index (days, KhTimelineAxisCell, 59).label, ==, "29");
  g_assert_cmpuint (month_heads->len, ==, 12);
  g_assert_cmpstr (g_array_index (month_heads, KhTimelineAxisCell, 1).label, ==, "Tháng 2/2024");
}

static void
test_split_units (void)
{
  g_auto(GStrv) a = kh_timeline_split_units ("Văn phòng, Phòng Thông tin thống kê KHCN&ĐMST.");
  g_auto(GStrv) b = kh_timeline_split_units ("Trung tâm Thông tin, thống kê và ứng dụng KH&CN; Thanh tra Sở");
  g_auto(GStrv) c = kh_timeline_split_units ("  ,; ");
  g_auto(GStrv) d = kh_timeline_split_units (NULL);

  g_assert_cmpuint (g_strv_length (a), ==, 2);
  g_assert_cmpstr (a[0], ==, "Văn phòng");
  g_assert_cmpstr (a[1], ==, "Phòng Thông tin thống kê KHCN&ĐMST");
  g_assert_cmpuint (g_strv_length (b), ==, 2);
  g_assert_cmpstr (b[0], ==, "Trung tâm Thông tin, thống kê và ứng dụng KH&CN");
  g_assert_cmpstr (b[1], ==, "Thanh tra Sở");
  g_assert_cmpuint (g_strv_length (c), ==, 0);
  g_assert_cmpuint (g_strv_length (d), ==, 0);
}

static const KhTimelineRow *
row_with_content_prefix (KhTimelineModel *model, const char *prefix)
{
  for (guint i = 0; i < kh_timeline_model_get_n_rows (model); i++)
    {
      const KhTimelineRow *row = kh_timeline_model_get_row (model, i);

      if (g_str_has_prefix (row->content, prefix))
        return row;
    }
  return NULL;
}

/* Two groups of ten tasks: the groups head their rows with Roman numbers,
 * the event tasks go to the lane at the end with their group's number. */
static void
test_rows (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (2, 10);
  g_autoptr(KhTimelineModel) model = kh_timeline_model_new (doc);
  const KhTimelineRow *row;
  GDate start, end;
  guint n = kh_timeline_model_get_n_rows (model);

  /* 2 headers + 18 dated tasks + the lane header + 2 event tasks. */
  g_assert_cmpuint (n, ==, 23);
  g_assert_cmpuint (kh_timeline_model_get_n_tasks (model), ==, 20);
  row = kh_timeline_model_get_row (model, 0);
  g_assert_cmpint (row->kind, ==, KH_TIMELINE_ROW_GROUP);
  g_assert_cmpstr (row->number, ==, "I");
  g_assert_cmpuint (row->n_children, ==, 9);
  row = kh_timeline_model_get_row (model, 1);
  g_assert_cmpint (row->kind, ==, KH_TIMELINE_ROW_TASK);
  g_assert_cmpstr (row->number, ==, "1");
  g_assert_cmpint (row->drawn_kind, ==, KH_SCHEDULE_KIND_SPAN);
  g_assert_cmpstr (row->lead_unit, ==, "Văn phòng Sở");
  row = kh_timeline_model_get_row (model, 10);
  g_assert_cmpstr (row->number, ==, "II");

  row = kh_timeline_model_get_row (model, n - 3);
  g_assert_cmpint (row->kind, ==, KH_TIMELINE_ROW_GROUP);
  g_assert_true (row->event_lane);
  g_assert_cmpstr (row->content, ==, "Theo sự kiện");
  row = kh_timeline_model_get_row (model, n - 2);
  g_assert_cmpstr (row->number, ==, "I.5");
  g_assert_cmpint (row->drawn_kind, ==, KH_SCHEDULE_KIND_EVENT);
  row = kh_timeline_model_get_row (model, n - 1);
  g_assert_cmpstr (row->number, ==, "II.5");

  /* Each kind as read from its text with the plan year. */
  row = row_with_content_prefix (model, "Nhiệm vụ số 2:");
  g_assert_cmpint (row->drawn_kind, ==, KH_SCHEDULE_KIND_DEADLINE);
  g_assert_cmpuint (row->marks->len, ==, 1);
  g_assert_cmpint (g_date_get_day (&g_array_index (row->marks, KhTimelineMark, 0).start), ==, 30);
  row = row_with_content_prefix (model, "Nhiệm vụ số 3:");
  g_assert_cmpint (row->drawn_kind, ==, KH_SCHEDULE_KIND_CONTINUOUS);
  row = row_with_content_prefix (model, "Nhiệm vụ số 4:");
  g_assert_cmpint (row->drawn_kind, ==, KH_SCHEDULE_KIND_RECURRING);
  g_assert_cmpuint (row->occurrences->len, ==, 4);
  /* One tick per quarter, on the 15th of its last month. */
  g_assert_cmpuint (row->marks->len, ==, 4);
  g_assert_cmpint (g_date_get_day (&g_array_index (row->marks, KhTimelineMark, 1).start), ==, 15);
  g_assert_cmpint (g_date_get_month (&g_array_index (row->marks, KhTimelineMark, 1).start), ==, 6);
  g_assert_cmpint (g_date_compare (&g_array_index (row->marks, KhTimelineMark, 1).start,
                                   &g_array_index (row->marks, KhTimelineMark, 1).end), ==, 0);
  row = row_with_content_prefix (model, "Nhiệm vụ số 10:");
  g_assert_cmpint (row->drawn_kind, ==, KH_SCHEDULE_KIND_UNKNOWN);

  kh_timeline_model_get_range (model, &start, &end);
  g_assert_cmpint (g_date_get_year (&start), ==, 2024);
  g_assert_cmpint (g_date_get_day_of_year (&start), ==, 1);
  g_assert_cmpint (g_date_get_month (&end), ==, 12);
  g_assert_cmpint (g_date_get_day (&end), ==, 31);

  /* Collapsing a group hides its tasks and keeps its header. */
  kh_timeline_model_set_collapsed (model, 0, TRUE);
  g_assert_cmpuint (kh_timeline_model_get_n_rows (model), ==, 23 - 9);
  g_assert_true (kh_timeline_model_get_row (model, 0)->collapsed);
  g_assert_cmpstr (kh_timeline_model_get_row (model, 1)->number, ==, "II");
  kh_timeline_model_set_collapsed (model, 0, FALSE);
  g_assert_cmpuint (kh_timeline_model_get_n_rows (model), ==, 23);
}

/* A schedule the user set wins over the text, and the model follows edits. */
static void
test_explicit_schedule_and_edits (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (1, 3);
  g_autoptr(KhTimelineModel) model = kh_timeline_model_new (doc);
  g_autoptr(KhSchedule) schedule = kh_schedule_new (2024);
  g_autoptr(JsonNode) json = NULL;
  KhSchedulePart part;
  const KhTimelineRow *row = kh_timeline_model_get_row (model, 1);
  KhTask *task = row->task;
  GDate range_start, range_end;

  kh_schedule_part_init (&part, KH_SCHEDULE_KIND_SPAN);
  part.start = kh_test_dmy (1, 11, 2024);
  part.end = kh_test_dmy (15, 2, 2025);
  kh_schedule_add_part (schedule, &part);
  json = kh_schedule_to_json (schedule);
  kh_task_set_schedule (task, json);

  row = kh_timeline_model_get_row (model, kh_timeline_model_find_task (model, task));
  g_assert_true (row->explicit_schedule);
  g_assert_true (kh_schedule_equal (row->schedule, schedule));
  /* The range widens to the end of February 2025. */
  kh_timeline_model_get_range (model, &range_start, &range_end);
  g_assert_cmpint (g_date_get_year (&range_end), ==, 2025);
  g_assert_cmpint (g_date_get_month (&range_end), ==, 2);
  g_assert_cmpint (g_date_get_day (&range_end), ==, 28);

  kh_task_set_content (task, "Nội dung\nđã sửa");
  row = kh_timeline_model_get_row (model, kh_timeline_model_find_task (model, task));
  g_assert_cmpstr (row->content, ==, "Nội dung đã sửa");
}

static void
test_filters (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (2, 10);
  g_autoptr(KhTimelineModel) model = kh_timeline_model_new (doc);
  guint n;

  /* Status: tasks k with k mod 4 == done. */
  kh_timeline_model_set_filter_status (model, KH_TASK_STATUS_DONE);
  g_assert_cmpuint (kh_timeline_model_get_n_tasks (model), ==, 5);
  for (guint i = 0; i < kh_timeline_model_get_n_rows (model); i++)
    {
      const KhTimelineRow *row = kh_timeline_model_get_row (model, i);

      if (row->kind == KH_TIMELINE_ROW_TASK)
        g_assert_cmpint (row->status, ==, KH_TASK_STATUS_DONE);
    }
  kh_timeline_model_set_filter_status (model, -1);

  /* Unit, without diacritics or case: leads and cooperating units alike. */
  kh_timeline_model_set_filter_unit (model, "thanh tra so");
  g_assert_cmpuint (kh_timeline_model_get_n_tasks (model), ==, 3);  /* k = 1, 10, 19 */
  kh_timeline_model_set_filter_unit (model, "cac phong, don vi thuoc so");
  g_assert_cmpuint (kh_timeline_model_get_n_tasks (model), ==, 20);
  kh_timeline_model_set_filter_unit (model, NULL);

  /* Quarter I: tasks with a date in Jan-Mar; no event tasks. */
  kh_timeline_model_set_filter_quarter (model, 1);
  n = kh_timeline_model_get_n_tasks (model);
  /* Per ten: Quý I, the deadline 30/3, continuous, quarterly, months 3-7. */
  g_assert_cmpuint (n, ==, 10);
  g_assert_null (row_with_content_prefix (model, "Theo sự kiện"));
  g_assert_null (row_with_content_prefix (model, "Nhiệm vụ số 7:"));
  kh_timeline_model_set_filter_quarter (model, 0);
  g_assert_cmpuint (kh_timeline_model_get_n_tasks (model), ==, 20);
}

static void
test_legend (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (2, 10);
  g_autoptr(KhTimelineModel) model = kh_timeline_model_new (doc);
  KhTimelineColor a, b, other;
  const KhTimelineRow *row;

  /* Nine units: seven named colours, then the rest share "Đơn vị khác". */
  g_assert_cmpuint (kh_timeline_model_get_n_legend (model), ==, 8);
  g_assert_cmpstr (kh_timeline_model_get_legend_label (model, 0), ==, "Văn phòng Sở");
  g_assert_cmpstr (kh_timeline_model_get_legend_label (model, 7), ==, "Đơn vị khác");
  kh_timeline_model_get_legend_color (model, 0, FALSE, &a);
  kh_timeline_model_get_legend_color (model, 1, FALSE, &b);
  kh_timeline_model_get_legend_color (model, 7, FALSE, &other);
  g_assert_false (a.red == b.red && a.green == b.green && a.blue == b.blue);
  /* libadwaita blue 3 */
  g_assert_cmpfloat_with_epsilon (a.red, 0x35 / 255.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (a.blue, 0xe4 / 255.0, 1e-6);
  kh_timeline_model_get_legend_color (model, 0, TRUE, &b);
  g_assert_cmpfloat (b.red + b.green + b.blue, >, a.red + a.green + a.blue);  /* lighter on dark */
  row = row_with_content_prefix (model, "Nhiệm vụ số 9:");  /* unit 8: "Phòng Quản lý công nghệ" */
  g_assert_cmpuint (row->legend_index, ==, 7);

  kh_timeline_model_set_color_by (model, KH_TIMELINE_COLOR_BY_STATUS);
  g_assert_cmpuint (kh_timeline_model_get_n_legend (model), ==, 4);
  g_assert_cmpstr (kh_timeline_model_get_legend_label (model, 2), ==, "Hoàn thành");
  row = row_with_content_prefix (model, "Nhiệm vụ số 3:");  /* k = 2: done */
  g_assert_cmpuint (row->legend_index, ==, 2);
}

static void
test_summary (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (1, 10);
  g_autoptr(KhTimelineModel) model = kh_timeline_model_new (doc);
  g_autoptr(GPtrArray) summary = NULL;
  KhTimelineUnitSummary *s;
  g_auto(GStrv) units = kh_timeline_model_dup_units (model);

  /* Filters do not change the meeting's numbers. */
  kh_timeline_model_set_filter_status (model, KH_TASK_STATUS_DONE);
  summary = kh_timeline_model_dup_summary (model);
  g_assert_cmpuint (summary->len, ==, 9);
  s = g_ptr_array_index (summary, 0);   /* Văn phòng Sở: tasks 1 (Quý I) and 10 (unknown) */
  g_assert_cmpstr (s->unit, ==, "Văn phòng Sở");
  g_assert_cmpuint (s->total, ==, 2);
  g_assert_cmpuint (s->quarters[0], ==, 1);
  g_assert_cmpuint (s->quarters[1], ==, 0);
  g_assert_cmpuint (s->undated, ==, 1);
  s = g_ptr_array_index (summary, 2);   /* continuous: every quarter */
  g_assert_cmpuint (s->quarters[0] + s->quarters[1] + s->quarters[2] + s->quarters[3], ==, 4);
  s = g_ptr_array_index (summary, 4);   /* Khi có hướng dẫn */
  g_assert_cmpuint (s->undated, ==, 1);

  /* Nine leads and the cooperating cell's "Các phòng" and "đơn vị" joined. */
  g_assert_cmpuint (g_strv_length (units), ==, 10);
  g_assert_true (g_strv_contains ((const char * const *) units, "Các phòng, đơn vị thuộc Sở"));
  g_assert_true (g_strv_contains ((const char * const *) units, "Phòng Quản lý công nghệ"));
}

/* A drag moves a bar, one of its ends, or a diamond, by whole days. */
static void
test_schedule_move (void)
{
  g_autoptr(KhSchedule) quarter = kh_timeframe_read ("Quý III năm 2024, theo Kế hoạch của UBND tỉnh", 2024);
  g_autoptr(KhSchedule) deadline = kh_timeframe_read ("Trước ngày 30/3/2024", 2024);
  g_autoptr(KhSchedule) event = kh_timeframe_read ("Khi có hướng dẫn", 2024);
  g_autoptr(KhSchedule) body = kh_timeline_schedule_move (quarter, 0, KH_TIMELINE_EDGE_BODY, -31);
  g_autoptr(KhSchedule) start = kh_timeline_schedule_move (quarter, 0, KH_TIMELINE_EDGE_START, 31);
  g_autoptr(KhSchedule) end = kh_timeline_schedule_move (quarter, 0, KH_TIMELINE_EDGE_END, 31);
  g_autoptr(KhSchedule) crossed = kh_timeline_schedule_move (quarter, 0, KH_TIMELINE_EDGE_START, 400);
  g_autoptr(KhSchedule) moved_deadline = kh_timeline_schedule_move (deadline, 0, KH_TIMELINE_EDGE_START, 1);
  g_autofree char *wording = NULL;
  const KhSchedulePart *p;
  GDate d;

  p = kh_schedule_get_part (body, 0);
  d = kh_test_dmy (31, 5, 2024);
  g_assert_cmpint (g_date_compare (&p->start, &d), ==, 0);
  d = kh_test_dmy (30, 8, 2024);
  g_assert_cmpint (g_date_compare (&p->end, &d), ==, 0);
  g_assert_cmpuint (p->offset + p->length, ==, 0);
  g_assert_cmpstr (kh_schedule_get_note (body), ==, kh_schedule_get_note (quarter));

  p = kh_schedule_get_part (start, 0);
  d = kh_test_dmy (1, 8, 2024);
  g_assert_cmpint (g_date_compare (&p->start, &d), ==, 0);
  d = kh_test_dmy (30, 9, 2024);
  g_assert_cmpint (g_date_compare (&p->end, &d), ==, 0);

  /* Moving the end a month on: Quý III plus October, worded again. */
  p = kh_schedule_get_part (end, 0);
  d = kh_test_dmy (31, 10, 2024);
  g_assert_cmpint (g_date_compare (&p->end, &d), ==, 0);
  wording = kh_schedule_to_wording (end);
  g_assert_cmpstr (wording, !=, "");

  /* The start never passes the end. */
  p = kh_schedule_get_part (crossed, 0);
  g_assert_cmpint (g_date_compare (&p->start, &p->end), ==, 0);

  /* A deadline has only its date to move. */
  p = kh_schedule_get_part (moved_deadline, 0);
  d = kh_test_dmy (31, 3, 2024);
  g_assert_cmpint (g_date_compare (&p->end, &d), ==, 0);
  g_assert_false (g_date_valid (&p->start));

  g_assert_null (kh_timeline_schedule_move (event, 0, KH_TIMELINE_EDGE_BODY, 3));
  g_assert_null (kh_timeline_schedule_move (quarter, 9, KH_TIMELINE_EDGE_BODY, 3));
}

static void
test_empty_document (void)
{
  g_autoptr(KhDocument) doc = kh_document_new (KH_DOCUMENT_KIND_DECISION);
  g_autoptr(KhTimelineModel) model = kh_timeline_model_new (doc);
  g_autoptr(KhTimelineModel) none = kh_timeline_model_new (NULL);
  g_autoptr(GPtrArray) summary = kh_timeline_model_dup_summary (none);

  g_assert_cmpuint (kh_timeline_model_get_n_rows (model), ==, 0);
  g_assert_cmpuint (kh_timeline_model_get_n_rows (none), ==, 0);
  g_assert_cmpuint (summary->len, ==, 0);
  g_assert_cmpint (kh_timeline_model_find_task (none, NULL), ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-model/scale-geometry", test_scale_geometry);
  g_test_add_func ("/timeline-model/axis-labels", test_axis_labels);
  g_test_add_func ("/timeline-model/split-units", test_split_units);
  g_test_add_func ("/timeline-model/rows", test_rows);
  g_test_add_func ("/timeline-model/explicit-schedule", test_explicit_schedule_and_edits);
  g_test_add_func ("/timeline-model/filters", test_filters);
  g_test_add_func ("/timeline-model/legend", test_legend);
  g_test_add_func ("/timeline-model/summary", test_summary);
  g_test_add_func ("/timeline-model/schedule-move", test_schedule_move);
  g_test_add_func ("/timeline-model/empty", test_empty_document);
  return g_test_run ();
}
