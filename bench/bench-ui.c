/* bench-ui.c — how fast the application feels
 *
 *  1. cold start: a fresh process, from its exec to the first frame of the
 *     main window painted (the examples' database already exists);
 *  2. edit to preview: on the 1,000-task plan, from a change of a task's
 *     text to the preview showing the new render (this includes the
 *     preview's 300 ms typing debounce, printed separately).
 *
 * Needs a display: ./dev bench starts Xvfb.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "kh-application.h"
#include "kh-core.h"
#include "kh-preview.h"
#include "kh-store.h"

#define N_STARTS 5
#define N_EDITS 5
#define N_TASKS 1000
#define PREVIEW_DEBOUNCE_MS 300

/* Milliseconds since this process was started (exec), from /proc. */
static double
ms_since_exec (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  char *p;
  unsigned long long start_ticks = 0;
  double up = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return -1;
  /* Field 22 (starttime) comes after the parenthesised command name. */
  p = strrchr (stat, ')');
  for (int field = 2; p != NULL && field < 22; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;
  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);
  up = g_ascii_strtod (uptime, NULL);
  return (up - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  g_print ("%.1f\n", ms_since_exec ());
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  g_application_quit (app);
}

static void
on_window_mapped (GtkWidget    *window,
                  GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), app);
}

static void
on_activate_after (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    on_window_mapped (GTK_WIDGET (window), app);
  else
    g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), app);
}

/* The child: start the application and report the first painted frame. */
static int
run_start_child (const char *db)
{
  g_autoptr(KhApplication) app = kh_application_new ();
  char *argv[] = { (char *) "kehoach", (char *) "--db", (char *) db, NULL };

  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_after), NULL);
  return g_application_run (G_APPLICATION (app), 3, argv);
}

static void
bench_cold_start (const char *self_path, const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  double sum = 0, worst = 0;
  guint n = 0;

  /* The first run creates the database with the examples: not timed. */
  for (guint i = 0; i <= N_STARTS; i++)
    {
      const char *argv[] = { self_path, "--start-child", db, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status;
      double ms;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL))
        {
          g_printerr ("cold start: the child failed: %s\n", error ? error->message : "exit status");
          return;
        }
      ms = g_ascii_strtod (out, NULL);
      if (i == 0 || ms <= 0)
        continue;
      sum += ms;
      worst = MAX (worst, ms);
      n++;
    }
  if (n > 0)
    g_print ("%-40s %8.1f ms mean %8.1f ms worst  (%u runs)\n",
             "cold start to first window frame", sum / n, worst, n);
}

static KhDocument *
build_large_plan (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (SOURCE_EXAMPLESDIR, "2023-kiem-soat-tthc-ha-tinh.kehoach", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_document_load_file (file, NULL, &error);
  g_autoptr(KhTaskTable) table = NULL;
  g_autoptr(KhTaskGroup) group = NULL;
  g_autoptr(KhTask) first = NULL;
  GListModel *tasks;

  if (doc == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
  group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  tasks = kh_task_group_get_tasks (group);
  first = g_list_model_get_item (tasks, 0);
  while (kh_task_table_get_n_tasks (table) < N_TASKS)
    {
      g_autoptr(KhTask) copy = kh_task_copy (first);
      g_list_store_append (G_LIST_STORE (tasks), copy);
    }
  return g_steal_pointer (&doc);
}

static gboolean
preview_settled (KhPreview *preview, guint completed_before)
{
  guint requested, completed;

  kh_preview_get_render_counts (preview, &requested, &completed);
  return completed > completed_before && !kh_preview_get_busy (preview);
}

static void
bench_edit_to_preview (void)
{
  g_autoptr(KhDocument) doc = build_large_plan ();
  GtkWidget *window;
  KhPreview *preview;
  g_autoptr(KhTaskTable) table = NULL;
  g_autoptr(KhTaskGroup) group = NULL;
  g_autoptr(KhTask) task = NULL;
  double sum = 0, worst = 0;
  guint requested, completed;

  if (doc == NULL)
    return;
  table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
  group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  task = g_list_model_get_item (kh_task_group_get_tasks (group), 0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  preview = KH_PREVIEW (kh_preview_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));
  kh_preview_set_document (preview, doc);

  kh_preview_get_render_counts (preview, &requested, &completed);
  while (!preview_settled (preview, completed))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Nhiệm vụ đã sửa lần %u", i + 1);
      gint64 start;
      double ms;

      kh_preview_get_render_counts (preview, &requested, &completed);
      start = g_get_monotonic_time ();
      kh_task_set_content (task, text);
      while (!preview_settled (preview, completed))
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      sum += ms;
      worst = MAX (worst, ms);
    }
  g_print ("%-40s %8.1f ms mean %8.1f ms worst  (%u edits, %u pages, incl. %d ms debounce)\n",
           "edit to preview, 1,000-task plan", sum / N_EDITS, worst, N_EDITS,
           kh_preview_get_n_pages (preview), PREVIEW_DEBOUNCE_MS);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *self_path = NULL;

  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "--start-child"))
    return run_start_child (argv[2]);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-ui: skipped, no display (./dev bench starts Xvfb)\n");
      return 0;
    }
  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("kh-bench-ui-XXXXXX", NULL);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  bench_cold_start (self_path, dir);
  bench_edit_to_preview ();

  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL }; *suffix; suffix++)
    {
      g_autofree char *path = g_strconcat (dir, "/bench.db", *suffix, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  return 0;
}
