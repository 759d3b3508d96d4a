/* test-ui-timeline.c — the Timeline page on the 2023 example plan: bars on
 * the right pixels at each zoom, hit testing, keyboard navigation and
 * activation, collapsing, filters, the summary, a drag's schedule applied
 * with the text rewritten, screenshots in light, dark and presentation. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "kh-core.h"
#include "kh-timeline-view.h"
#include "ui-test-util.h"

/* poppler-glib 22 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  GtkWidget      *window;
  KhTimelineView *view;
  KhTimeline     *timeline;
  KhTimelineModel *model;
  KhDocument     *document;
  const char     *lang;
} Fixture;

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_mapped (data);
}

static void
fixture_set_up (Fixture *f, const char *lang)
{
  GDate today;

  f->lang = lang;
  f->document = kh_ui_test_load_example ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  f->view = KH_TIMELINE_VIEW (kh_timeline_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  kh_timeline_view_set_document (f->view, f->document);
  f->timeline = kh_timeline_view_get_timeline (f->view);
  f->model = kh_timeline_get_model (f->timeline);
  /* A fixed today inside the plan year keeps the screenshots comparable. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 5, 2023);
  kh_timeline_set_today (f->timeline, &today);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (kh_ui_test_wait_for (is_laid_out, f->timeline, 5000));
  kh_ui_test_spin (200);
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->document);
  kh_ui_test_spin (50);
}

/* The first task row whose first mark is a bar. */
static const KhTimelineRow *
first_span_row (KhTimelineModel *model)
{
  for (guint i = 0; i < kh_timeline_model_get_n_rows (model); i++)
    {
      const KhTimelineRow *row = kh_timeline_model_get_row (model, i);

      if (row->kind == KH_TIMELINE_ROW_TASK && row->marks->len > 0 &&
          g_array_index (row->marks, KhTimelineMark, 0).kind == KH_SCHEDULE_KIND_SPAN)
        return row;
    }
  return NULL;
}

static void
check_geometry (Fixture *f)
{
  const KhTimelineRow *row = first_span_row (f->model);
  const KhTimelineMark *mark;
  GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline));
  GDate range_start, range_end;
  double chart = gtk_widget_get_width (GTK_WIDGET (f->timeline)) - kh_timeline_get_names_width (f->timeline);

  g_assert_nonnull (row);
  mark = &g_array_index (row->marks, KhTimelineMark, 0);
  kh_timeline_model_get_range (f->model, &range_start, &range_end);
  /* "Tháng 3 năm 2023" in the example: 1 March to 31 March. */
  g_assert_cmpint (g_date_get_month (&mark->start), ==, 3);
  g_assert_cmpint (g_date_get_day (&mark->end), ==, 31);

  for (KhTimelineZoom zoom = KH_TIMELINE_ZOOM_YEAR; zoom <= KH_TIMELINE_ZOOM_MONTH; zoom++)
    {
      graphene_rect_t rect;
      double ppd, x1, width;

      gtk_adjustment_set_value (hadj, 0);
      kh_timeline_zoom_to (f->timeline, zoom);
      ppd = kh_timeline_get_px_per_day (f->timeline);
      g_assert_cmpfloat_with_epsilon (ppd, kh_timeline_zoom_px_per_day (zoom, chart), 1e-6);
      /* Bring March into view. */
      gtk_adjustment_set_value (hadj, 50 * ppd);
      kh_ui_test_spin (30);
      g_assert_true (kh_timeline_get_task_rect (f->timeline, row->task, &rect));
      x1 = kh_timeline_get_names_width (f->timeline) +
           g_date_days_between (&range_start, &mark->start) * ppd - gtk_adjustment_get_value (hadj);
      width = 31 * ppd;
      g_assert_cmpfloat_with_epsilon (rect.origin.x, x1, 0.01);
      g_assert_cmpfloat_with_epsilon (rect.size.width, width, 0.01);

      /* Hit testing: the bar's middle and the row's name are the task;
       * the empty chart beside the bar is nothing. */
      g_assert_true (kh_timeline_task_at (f->timeline, rect.origin.x + rect.size.width / 2,
                                          rect.origin.y + rect.size.height / 2) == row->task);
      g_assert_true (kh_timeline_task_at (f->timeline, 20, rect.origin.y + rect.size.height / 2) == row->task);
      if (rect.origin.x + rect.size.width + 40 < gtk_widget_get_width (GTK_WIDGET (f->timeline)))
        g_assert_null (kh_timeline_task_at (f->timeline, rect.origin.x + rect.size.width + 30,
                                            rect.origin.y + rect.size.height / 2));
      /* Above the rows is the axis. */
      g_assert_null (kh_timeline_task_at (f->timeline, rect.origin.x + 2, 5));
    }
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline-view.zoom", "s", "fit");
  g_assert_cmpfloat_with_epsilon (kh_timeline_get_px_per_day (f->timeline), chart / 365.0, 1e-6);
}

static void
on_activated (KhTimelineView *view, KhTask *task, KhTask **out)
{
  *out = task;
}

static void
check_keyboard (Fixture *f)
{
  GtkWidget *timeline = GTK_WIDGET (f->timeline);
  /* Rows are rebuilt by every change: keep the tasks, not the rows. */
  KhTask *task1 = kh_timeline_model_get_row (f->model, 1)->task;
  KhTask *task2 = kh_timeline_model_get_row (f->model, 2)->task;
  KhTask *activated = NULL;
  guint n_rows = kh_timeline_model_get_n_rows (f->model);
  gulong id = g_signal_connect (f->view, "task-activated", G_CALLBACK (on_activated), &activated);

  gtk_widget_grab_focus (timeline);
  /* Home: the first group's row, no task. Down twice: the second task. */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.move", "i", G_MININT32));
  g_assert_null (kh_timeline_get_selected_task (f->timeline));
  gtk_widget_activate_action (timeline, "timeline.move", "i", 1);
  g_assert_true (kh_timeline_get_selected_task (f->timeline) == task1);
  gtk_widget_activate_action (timeline, "timeline.move", "i", 1);
  g_assert_true (kh_timeline_get_selected_task (f->timeline) == task2);
  /* Enter activates it: the page asks the table to select it. */
  gtk_widget_activate_action (timeline, "timeline.activate", NULL);
  g_assert_true (activated == task2);
  /* End: the last row. */
  gtk_widget_activate_action (timeline, "timeline.move", "i", G_MAXINT32);
  g_assert_true (kh_timeline_get_selected_task (f->timeline) ==
                 kh_timeline_model_get_row (f->model, n_rows - 1)->task);

  /* Left on a group collapses it, Right expands it again. */
  gtk_widget_activate_action (timeline, "timeline.move", "i", G_MININT32);
  gtk_widget_activate_action (timeline, "timeline.expand", "b", FALSE);
  g_assert_cmpuint (kh_timeline_model_get_n_rows (f->model), <, n_rows);
  g_assert_true (kh_timeline_model_get_row (f->model, 0)->collapsed);
  gtk_widget_activate_action (timeline, "timeline.expand", "b", TRUE);
  g_assert_cmpuint (kh_timeline_model_get_n_rows (f->model), ==, n_rows);

  /* Selecting from outside (the task table) scrolls to it. */
  g_assert_true (kh_timeline_view_select_task (f->view, task1));
  g_assert_true (kh_timeline_get_selected_task (f->timeline) == task1);
  g_signal_handler_disconnect (f->view, id);
}

static void
check_filters_and_summary (Fixture *f)
{
  GtkDropDown *quarter = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->view), KH_TYPE_TIMELINE_VIEW,
                                                                       "quarter_dropdown"));
  GtkDropDown *color = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->view), KH_TYPE_TIMELINE_VIEW,
                                                                     "color_dropdown"));
  GtkMenuButton *summary = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->view), KH_TYPE_TIMELINE_VIEW,
                                                                           "summary_button"));
  GtkWidget *grid = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->view), KH_TYPE_TIMELINE_VIEW,
                                                               "summary_grid"));
  guint all = kh_timeline_model_get_n_tasks (f->model);
  KhTask *march = first_span_row (f->model)->task;
  guint cells = 0;

  /* Quý III: fewer tasks; the ones read as March alone are gone. */
  gtk_drop_down_set_selected (quarter, 3);
  g_assert_cmpint (kh_timeline_model_get_filter_quarter (f->model), ==, 3);
  g_assert_cmpuint (kh_timeline_model_get_n_tasks (f->model), <, all);
  g_assert_cmpint (kh_timeline_model_find_task (f->model, march), ==, -1);
  gtk_drop_down_set_selected (quarter, 0);
  g_assert_cmpuint (kh_timeline_model_get_n_tasks (f->model), ==, all);

  /* The unit list is the plan's, read when the filter opens. */
  {
    GtkMenuButton *filter = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                            KH_TYPE_TIMELINE_VIEW, "filter_button"));
    GtkDropDown *unit = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->view), KH_TYPE_TIMELINE_VIEW,
                                                                      "unit_dropdown"));
    g_auto(GStrv) units = kh_timeline_model_dup_units (f->model);

    gtk_menu_button_popup (filter);
    kh_ui_test_spin (50);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (unit)), ==, g_strv_length (units) + 1);
    gtk_drop_down_set_selected (unit, 3);  /* the plan's third unit */
    g_assert_cmpstr (kh_timeline_model_get_filter_unit (f->model), ==, units[2]);
    g_assert_cmpuint (kh_timeline_model_get_n_tasks (f->model), <, all);
    g_assert_cmpuint (kh_timeline_model_get_n_tasks (f->model), >, 0);
    gtk_drop_down_set_selected (unit, 0);
    g_assert_null (kh_timeline_model_get_filter_unit (f->model));
    g_assert_cmpuint (kh_timeline_model_get_n_tasks (f->model), ==, all);
    gtk_menu_button_popdown (filter);
  }

  /* Nothing is done yet in the example: an empty timeline, not an error. */
  {
    GtkDropDown *status = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->view), KH_TYPE_TIMELINE_VIEW,
                                                                        "status_dropdown"));

    gtk_drop_down_set_selected (status, 1 + KH_TASK_STATUS_DONE);
    g_assert_cmpint (kh_timeline_model_get_filter_status (f->model), ==, KH_TASK_STATUS_DONE);
    g_assert_cmpuint (kh_timeline_model_get_n_rows (f->model), ==, 0);
    g_assert_null (kh_timeline_task_at (f->timeline, 20, kh_timeline_get_axis_height (f->timeline) + 5));
    kh_ui_test_spin (50);
    gtk_drop_down_set_selected (status, 0);
    g_assert_cmpuint (kh_timeline_model_get_n_tasks (f->model), ==, all);
  }

  gtk_drop_down_set_selected (color, 1);
  g_assert_cmpint (kh_timeline_model_get_color_by (f->model), ==, KH_TIMELINE_COLOR_BY_STATUS);
  gtk_drop_down_set_selected (color, 0);

  gtk_menu_button_popup (summary);
  kh_ui_test_spin (100);
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c; c = gtk_widget_get_next_sibling (c))
    cells++;
  /* A heading row and one row per lead unit, seven columns each. */
  g_assert_cmpuint (cells % 7, ==, 0);
  g_assert_cmpuint (cells / 7, >=, 3);
  {
    g_autofree char *name = g_strdup_printf ("timeline-summary-%s", f->lang);
    g_autofree char *path = kh_ui_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (summary)), name);

    g_test_message ("screenshot: %s", path);
  }
  gtk_menu_button_popdown (summary);
}

/* What the confirmation's "Rewrite" does after a drag of a bar. */
static void
check_apply_schedule (Fixture *f)
{
  const KhTimelineRow *row = first_span_row (f->model);
  KhTask *task;
  g_autoptr(KhSchedule) schedule = kh_schedule_new (2023);
  KhSchedulePart part;
  graphene_rect_t before, after;
  double ppd = 2.5;

  /* The next bar (the first one was dragged). */
  for (guint i = kh_timeline_model_find_task (f->model, row->task) + 1; i < kh_timeline_model_get_n_rows (f->model); i++)
    {
      row = kh_timeline_model_get_row (f->model, i);
      if (row->marks != NULL && row->marks->len > 0 &&
          g_array_index (row->marks, KhTimelineMark, 0).kind == KH_SCHEDULE_KIND_SPAN)
        break;
    }
  task = row->task;
  kh_timeline_set_px_per_day (f->timeline, ppd);
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline)), 0);

  g_assert_true (kh_timeline_get_task_rect (f->timeline, task, &before));
  kh_schedule_part_init (&part, KH_SCHEDULE_KIND_SPAN);
  g_date_set_dmy (&part.start, 1, 7, 2023);
  g_date_set_dmy (&part.end, 30, 9, 2023);
  kh_schedule_add_part (schedule, &part);

  kh_timeline_view_apply_schedule (f->view, task, schedule, FALSE);
  g_assert_nonnull (kh_task_get_schedule (task));
  g_assert_cmpstr (kh_task_get_timeframe (task), !=, "Quý III năm 2023");
  kh_timeline_view_apply_schedule (f->view, task, schedule, TRUE);
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, "Quý III năm 2023");

  row = kh_timeline_model_get_row (f->model, kh_timeline_model_find_task (f->model, task));
  g_assert_true (row->explicit_schedule);
  g_assert_true (kh_timeline_get_task_rect (f->timeline, task, &after));
  /* 1 March → 1 July: 122 days further right; 92 days long. */
  g_assert_cmpfloat_with_epsilon (after.origin.x - before.origin.x, 122 * ppd, 0.01);
  g_assert_cmpfloat_with_epsilon (after.size.width, 92 * ppd, 0.01);
}

static GtkGesture *
drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        return GTK_GESTURE (c);
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

/* Dragging a bar's right end a month on asks, then rewrites the text. */
static void
check_drag (Fixture *f)
{
  const KhTimelineRow *row = first_span_row (f->model);
  KhTask *task = row->task;
  GtkGesture *drag = drag_gesture (GTK_WIDGET (f->timeline));
  AdwMessageDialog *dialog;
  graphene_rect_t rect;
  double ppd = 2.5, x, y;
  g_autofree char *old_text = g_strdup (kh_task_get_timeframe (task));
  g_autofree char *body = NULL;

  kh_timeline_set_px_per_day (f->timeline, ppd);
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline)), 0);
  g_assert_nonnull (drag);
  g_assert_true (kh_timeline_get_task_rect (f->timeline, task, &rect));
  x = rect.origin.x + rect.size.width - 1;
  y = rect.origin.y + rect.size.height / 2;
  /* The gesture's handlers, as GTK calls them for a pointer drag. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 30 * ppd, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 30 * ppd, 0.0);
  g_assert_true (kh_ui_test_wait_for (has_dialog, NULL, 2000));
  dialog = find_dialog ();
  g_object_get (dialog, "body", &body, NULL);
  g_test_message ("confirmation: %s", body);
  /* 1/3 to 31/3, its end dragged 30 days on: to 30/4, in canonical words. */
  g_assert_nonnull (strstr (body, "“Tháng 3 đến tháng 4 năm 2023”"));
  /* The text is untouched until the user answers. */
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, old_text);
  g_assert_null (kh_task_get_schedule (task));
  adw_message_dialog_response (dialog, "rewrite");
  kh_ui_test_spin (50);
  g_assert_nonnull (kh_task_get_schedule (task));
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, "Tháng 3 đến tháng 4 năm 2023");
  g_assert_true (kh_timeline_get_task_rect (f->timeline, task, &rect));
  g_assert_cmpfloat_with_epsilon (rect.size.width, (31 + 30) * ppd, 0.01);
}

/* The export menu's PDF: the quarter chosen in the filter, its tasks. */
static void
check_export (Fixture *f)
{
  GtkDropDown *quarter = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->view), KH_TYPE_TIMELINE_VIEW,
                                                                       "quarter_dropdown"));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "kh-test-ui-timeline.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  gtk_drop_down_set_selected (quarter, 2);
  g_assert_true (kh_timeline_view_export (f->view, "pdf-a4", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autoptr(PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);
    g_autoptr(PopplerPage) page = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    page = poppler_document_get_page (pdf, 0);
    text = poppler_page_get_text (page);
    /* Quý II on paper: its months, not September's. */
    g_assert_nonnull (strstr (text, "Tháng 5/2023"));
    g_assert_null (strstr (text, "Tháng 9/2023"));
  }
  g_assert_true (kh_timeline_view_export (f->view, "png", path, &error));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  gtk_drop_down_set_selected (quarter, 0);
  g_assert_false (kh_timeline_view_export (f->view, "pdf-a4", "/nonexistent/dir/x.pdf", &error));
  g_assert_nonnull (error);
  g_remove (path);
}

static void
shoot (Fixture *f, const char *what)
{
  g_autofree char *name = g_strdup_printf ("timeline-%s-%s", what, f->lang);
  g_autofree char *path = NULL;

  kh_ui_test_spin (150);
  path = kh_ui_test_screenshot (f->window, name);
  g_test_message ("screenshot: %s", path);
}

static void
test_timeline (gconstpointer lang)
{
  Fixture f = { 0 };
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (!kh_ui_test_have_display ())
    return;

  fixture_set_up (&f, lang);
  shoot (&f, "light");
  check_geometry (&f);
  check_keyboard (&f);
  check_filters_and_summary (&f);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline-view.zoom", "s", "fit");
  kh_timeline_view_select_task (f.view, kh_timeline_model_get_row (f.model, 3)->task);
  shoot (&f, "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  kh_timeline_view_set_presentation (f.view, TRUE);
  g_assert_true (kh_timeline_get_presentation (f.timeline));
  shoot (&f, "presentation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline-view.leave-presentation", NULL));
  g_assert_false (kh_timeline_get_presentation (f.timeline));

  kh_ui_test_spin (200);   /* out of the presentation's layout */
  check_drag (&f);
  check_export (&f);
  check_apply_schedule (&f);

  /* The end of the plan: the event lane; coloured by status. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f.view), KH_TYPE_TIMELINE_VIEW,
                                                                            "color_dropdown")), 1);
  gtk_widget_activate_action (GTK_WIDGET (f.view), "timeline-view.zoom", "s", "fit");
  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.move", "i", G_MAXINT32);
  shoot (&f, "end-status");
  fixture_tear_down (&f);
}

int
main (int argc, char *argv[])
{
  const char *lang = kh_ui_test_lang ();

  if (kh_ui_test_init (&argc, &argv))
    adw_init ();
  g_test_add_data_func ("/ui/timeline/page", lang, test_timeline);
  return g_test_run ();
}
