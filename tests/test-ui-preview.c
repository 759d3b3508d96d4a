/* test-ui-preview.c — the PDF preview: renders the 002 example in pages,
 * follows edits (one render for a burst of edits, stale renders dropped),
 * zooms, turns pages, exports and prints the same pages, shows the error
 * page for options the renderer refuses. */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "kh-document-io.h"
#include "kh-preview.h"
#include "kh-preview-page.h"
#include "ui-test-util.h"

typedef struct {
  GtkWidget  *window;
  KhPreview  *preview;
  KhDocument *document;
  char       *tmpdir;
} Fixture;

static gboolean
is_idle (gpointer data)
{
  KhPreview *preview = data;

  return !kh_preview_get_busy (preview) && kh_preview_get_n_pages (preview) > 0;
}

static void
wait_idle (KhPreview *preview)
{
  g_assert_true (kh_ui_test_wait_for (is_idle, preview, 30000));
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, css_class);

      if (found)
        return found;
    }
  return NULL;
}

/* TRUE once every page widget on screen shows a texture of its own size. */
static gboolean
visible_pages_drawn (gpointer data)
{
  KhPreview *preview = data;
  GtkWidget *scroller = find_widget (GTK_WIDGET (preview), GTK_TYPE_SCROLLED_WINDOW, "kh-preview-view");
  GtkWidget *box = find_widget (scroller, GTK_TYPE_BOX, "kh-preview-pages");
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (preview));
  guint n_visible = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    {
      KhPreviewPage *page = KH_PREVIEW_PAGE (gtk_picture_get_paintable (GTK_PICTURE (c)));
      graphene_rect_t bounds;
      GdkTexture *texture;
      int width;

      if (!gtk_widget_compute_bounds (c, scroller, &bounds) ||
          bounds.origin.y + bounds.size.height < 0 ||
          bounds.origin.y > gtk_widget_get_height (scroller))
        continue;
      n_visible++;
      texture = kh_preview_page_get_texture (page);
      kh_preview_page_get_pixel_size (page, scale, &width, NULL);
      if (texture == NULL || gdk_texture_get_width (texture) != width)
        return FALSE;
    }
  return n_visible > 0;
}

typedef struct {
  GtkWidget *window;
  char      *name;
  char      *path;
} Shot;

/* Right after a frame is painted, before a texture arriving for a page
 * further down invalidates the window's render node again. */
static void
on_after_paint (GdkFrameClock *clock,
                Shot          *shot)
{
  if (shot->path == NULL)
    shot->path = kh_ui_test_screenshot (shot->window, shot->name);
}

static gboolean
shot_taken (gpointer data)
{
  return ((Shot *) data)->path != NULL;
}

static char *
screenshot (Fixture    *f,
            const char *what,
            gboolean    with_pages)
{
  Shot shot = { f->window, g_strdup_printf ("preview-%s-%s", what, kh_ui_test_lang ()), NULL };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (f->window);
  gulong id;

  if (with_pages)
    g_assert_true (kh_ui_test_wait_for (visible_pages_drawn, f->preview, 10000));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &shot);
  gtk_widget_queue_draw (f->window);
  g_assert_true (kh_ui_test_wait_for (shot_taken, &shot, 5000));
  g_signal_handler_disconnect (clock, id);
  g_free (shot.name);
  return shot.path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->document = kh_ui_test_load_example ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  f->tmpdir = g_dir_make_tmp ("kh-preview-XXXXXX", &error);
  g_assert_no_error (error);

  f->preview = KH_PREVIEW (kh_preview_new ());
  f->window = GTK_WIDGET (kh_ui_test_present (GTK_WIDGET (f->preview), 900, 760));
  kh_ui_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->document);
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
}

static gboolean
title_has (KhPreview  *preview,
           const char *needle)
{
  KhRenderedDocument *rendered = kh_preview_get_rendered_document (preview);

  return rendered != NULL && strstr (kh_rendered_document_get_title (rendered), needle) != NULL;
}

static void
count_rendered (KhPreview *preview,
                guint     *count)
{
  (*count)++;
}

static void
test_renders_pages (Fixture       *f,
                    gconstpointer  data)
{
  guint requested, completed, signalled = 0;
  g_autofree char *shot = NULL;

  g_signal_connect (f->preview, "rendered", G_CALLBACK (count_rendered), &signalled);
  kh_preview_set_document (f->preview, f->document);
  g_assert_true (kh_preview_get_busy (f->preview));
  wait_idle (f->preview);

  /* A decision with its plan and the 39-task table: several A4 pages. */
  g_assert_cmpuint (kh_preview_get_n_pages (f->preview), >, 1);
  g_assert_cmpuint (kh_preview_get_n_pages (f->preview), ==,
                    kh_rendered_document_get_n_pages (kh_preview_get_rendered_document (f->preview)));
  g_assert_cmpuint (kh_preview_get_page (f->preview), ==, 0);
  kh_preview_get_render_counts (f->preview, &requested, &completed);
  g_assert_cmpuint (requested, ==, 1);
  g_assert_cmpuint (completed, ==, 1);
  g_assert_cmpuint (signalled, ==, 1);

  /* Fit width by default: the A4 page fills the view, less the margins. */
  g_assert_cmpint (kh_preview_get_zoom_mode (f->preview), ==, KH_PREVIEW_ZOOM_FIT_WIDTH);
  shot = screenshot (f, "fit-width", TRUE);
  g_test_message ("screenshot: %s", shot);
  g_assert_cmpfloat (kh_preview_get_zoom (f->preview), >, 1.0);
  g_assert_cmpfloat (fabs (kh_preview_get_zoom (f->preview) * 595.3 * 96 / 72 -
                           (gtk_widget_get_width (GTK_WIDGET (f->preview)) - 32)), <, 4);
}

static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  guint requested, completed, requested0, completed0;
  gint64 start;

  kh_preview_set_document (f->preview, f->document);
  wait_idle (f->preview);

  /* One edit: the preview is busy at once, then shows the new summary. */
  kh_preview_get_render_counts (f->preview, &requested0, &completed0);
  start = g_get_monotonic_time ();
  kh_document_set_summary (f->document, "Kế hoạch thử nghiệm bản xem trước");
  g_assert_true (kh_preview_get_busy (f->preview));
  g_assert_false (title_has (f->preview, "thử nghiệm bản xem trước"));
  wait_idle (f->preview);
  g_test_message ("edit shown after %.0f ms (300 ms of them waiting for more typing)",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (title_has (f->preview, "thử nghiệm bản xem trước"));
  kh_preview_get_render_counts (f->preview, &requested, &completed);
  g_assert_cmpuint (requested, ==, requested0 + 1);
  g_assert_cmpuint (completed, ==, completed0 + 1);

  /* Typing: ten edits within the debounce delay make a single render of
   * the last text. (Back to back: with the main loop running between them,
   * a loaded machine could pause longer than the delay, and rightly render.) */
  requested0 = requested;
  completed0 = completed;
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Kế hoạch gõ phím lần %d", i);

      kh_document_set_summary (f->document, summary);
    }
  wait_idle (f->preview);
  g_assert_true (title_has (f->preview, "gõ phím lần 9"));
  kh_preview_get_render_counts (f->preview, &requested, &completed);
  g_assert_cmpuint (requested, ==, requested0 + 1);
  g_assert_cmpuint (completed, ==, completed0 + 1);

  /* Ten renders started one after the other: the nine superseded ones are
   * dropped and only the last state reaches the screen. */
  requested0 = requested;
  completed0 = completed;
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Kế hoạch làm mới lần %d", i);

      kh_document_set_summary (f->document, summary);
      kh_preview_refresh (f->preview);
    }
  wait_idle (f->preview);
  kh_ui_test_spin (300);
  g_assert_true (title_has (f->preview, "làm mới lần 9"));
  kh_preview_get_render_counts (f->preview, &requested, &completed);
  g_assert_cmpuint (requested, ==, requested0 + 10);
  g_assert_cmpuint (completed, ==, completed0 + 1);
  g_assert_false (kh_preview_get_busy (f->preview));
}

typedef struct {
  GtkAdjustment *adjustment;
  double         value;
} Position;

static gboolean
scrolled_to (gpointer data)
{
  Position *position = data;

  return fabs (gtk_adjustment_get_value (position->adjustment) - position->value) < 4;
}

static void
test_zoom_and_pages (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->preview);
  g_autofree char *shot = NULL;
  double zoom;
  guint n_pages;

  kh_preview_set_document (f->preview, f->document);
  wait_idle (f->preview);
  kh_ui_test_spin (100);
  n_pages = kh_preview_get_n_pages (f->preview);

  zoom = kh_preview_get_zoom (f->preview);
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-in", NULL));
  g_assert_cmpfloat (kh_preview_get_zoom (f->preview), >, zoom);
  g_assert_cmpint (kh_preview_get_zoom_mode (f->preview), ==, KH_PREVIEW_ZOOM_FREE);
  zoom = kh_preview_get_zoom (f->preview);
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-out", NULL));
  g_assert_cmpfloat (kh_preview_get_zoom (f->preview), <, zoom);

  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-set", "d", 0.5));
  g_assert_cmpfloat (kh_preview_get_zoom (f->preview), ==, 0.5);
  shot = screenshot (f, "50", TRUE);
  g_test_message ("screenshot: %s", shot);

  /* Fit page: the whole A4 height fits in the view. */
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-fit-page", NULL));
  kh_ui_test_spin (200);
  g_assert_cmpint (kh_preview_get_zoom_mode (f->preview), ==, KH_PREVIEW_ZOOM_FIT_PAGE);
  g_assert_cmpfloat (kh_preview_get_zoom (f->preview) * 842 * 96 / 72, <=,
                     gtk_widget_get_height (widget));
  g_assert_cmpfloat (kh_preview_get_zoom (f->preview), >, 0.5);

  /* Zoom is clamped at both ends. */
  for (int i = 0; i < 30; i++)
    gtk_widget_activate_action (widget, "preview.zoom-in", NULL);
  g_assert_cmpfloat (kh_preview_get_zoom (f->preview), ==, KH_PREVIEW_ZOOM_MAX);
  for (int i = 0; i < 30; i++)
    gtk_widget_activate_action (widget, "preview.zoom-out", NULL);
  g_assert_cmpfloat (kh_preview_get_zoom (f->preview), ==, KH_PREVIEW_ZOOM_MIN);

  /* Page navigation, and the view follows. */
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-fit-width", NULL));
  kh_ui_test_spin (200);
  g_assert_cmpuint (kh_preview_get_page (f->preview), ==, 0);
  g_assert_true (gtk_widget_activate_action (widget, "preview.next-page", NULL));
  g_assert_cmpuint (kh_preview_get_page (f->preview), ==, 1);
  g_assert_true (gtk_widget_activate_action (widget, "preview.next-page", NULL));
  g_assert_cmpuint (kh_preview_get_page (f->preview), ==, 2);
  g_assert_true (gtk_widget_activate_action (widget, "preview.previous-page", NULL));
  g_assert_cmpuint (kh_preview_get_page (f->preview), ==, 1);
  {
    GtkWidget *scroller = find_widget (widget, GTK_TYPE_SCROLLED_WINDOW, "kh-preview-view");
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    double zoom_before = kh_preview_get_zoom (f->preview);
    Position position = { vadj, 16 + zoom_before * 842 * 96 / 72 + 16 - 8 };
    g_autofree char *shot200 = NULL;

    /* The second page's top is at the top of the view. */
    g_assert_true (kh_ui_test_wait_for (scrolled_to, &position, 5000));

    /* Zooming keeps the same place of the same page at the top. */
    g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-set", "d", 2.0));
    position.value = 16 + 2.0 * 842 * 96 / 72 + 16 - 8 * 2.0 / zoom_before;
    g_assert_true (kh_ui_test_wait_for (scrolled_to, &position, 5000));
    g_assert_cmpuint (kh_preview_get_page (f->preview), ==, 1);
    shot200 = screenshot (f, "200", TRUE);
    g_test_message ("screenshot: %s", shot200);
    g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-fit-width", NULL));
    kh_ui_test_spin (300);
  }
  kh_preview_set_page (f->preview, n_pages - 1);
  g_assert_cmpuint (kh_preview_get_page (f->preview), ==, n_pages - 1);
  g_assert_true (gtk_widget_activate_action (widget, "preview.next-page", NULL));
  g_assert_cmpuint (kh_preview_get_page (f->preview), ==, n_pages - 1);
  kh_ui_test_spin (200);
  g_assert_true (kh_ui_test_wait_for (visible_pages_drawn, f->preview, 10000));
}

static int
pdf_pages (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  int n;

  g_assert_no_error (error);
  n = poppler_document_get_n_pages (pdf);
  g_object_unref (pdf);
  return n;
}

static void
test_export_and_print (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->tmpdir, "export.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->tmpdir, "print.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (f->tmpdir, "missing", "export.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GFile) bad_file = g_file_new_for_path (nowhere);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* Nothing to export yet. */
  g_assert_false (kh_preview_export_pdf (f->preview, file, &error));
  g_assert_error (error, KH_PREVIEW_ERROR, KH_PREVIEW_ERROR_NO_DOCUMENT);
  g_clear_error (&error);
  g_assert_null (kh_preview_new_print_operation (f->preview));

  kh_preview_set_document (f->preview, f->document);
  wait_idle (f->preview);

  g_assert_true (kh_preview_export_pdf (f->preview, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, kh_preview_get_n_pages (f->preview));

  /* A folder that does not exist: an error, no file. */
  g_assert_false (kh_preview_export_pdf (f->preview, bad_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Print draws the same pages: exported through the print operation. */
  operation = kh_preview_new_print_operation (f->preview);
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpint (pdf_pages (printed), ==, kh_preview_get_n_pages (f->preview));

  g_remove (pdf);
  g_remove (printed);
}

static void
test_error_page (Fixture       *f,
                 gconstpointer  data)
{
  KhRenderOptions options;
  GtkStack *stack;
  guint completed0, completed;
  g_autofree char *shot = NULL;

  kh_preview_set_document (f->preview, f->document);
  wait_idle (f->preview);
  stack = GTK_STACK (find_widget (GTK_WIDGET (f->preview), GTK_TYPE_STACK, "kh-preview-stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "pages");
  kh_preview_get_render_counts (f->preview, NULL, &completed0);

  /* A body size nd30 does not allow: the renderer refuses, the preview says why. */
  kh_render_options_init (&options);
  options.font_size = 30;
  kh_preview_set_render_options (f->preview, &options);
  wait_idle (f->preview);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  kh_preview_get_render_counts (f->preview, NULL, &completed);
  g_assert_cmpuint (completed, ==, completed0);
  shot = screenshot (f, "error", FALSE);
  g_test_message ("screenshot: %s", shot);

  kh_preview_set_render_options (f->preview, NULL);
  wait_idle (f->preview);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "pages");
  kh_preview_get_render_counts (f->preview, NULL, &completed);
  g_assert_cmpuint (completed, ==, completed0 + 1);

  /* No document: the empty page, nothing busy. */
  kh_preview_set_document (f->preview, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpuint (kh_preview_get_n_pages (f->preview), ==, 0);
  g_assert_false (kh_preview_get_busy (f->preview));
}

static guint
count_textures (KhPreview *preview)
{
  GtkWidget *box = find_widget (GTK_WIDGET (preview), GTK_TYPE_BOX, "kh-preview-pages");
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    if (kh_preview_page_get_texture (KH_PREVIEW_PAGE (gtk_picture_get_paintable (GTK_PICTURE (c)))))
      n++;
  return n;
}

typedef struct {
  gint64 last;
  gint64 longest;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
last_page_drawn (gpointer data)
{
  KhPreview *preview = data;
  GtkWidget *box = find_widget (GTK_WIDGET (preview), GTK_TYPE_BOX, "kh-preview-pages");
  GtkWidget *last = gtk_widget_get_last_child (box);

  return kh_preview_page_get_texture (KH_PREVIEW_PAGE (gtk_picture_get_paintable (GTK_PICTURE (last)))) &&
         visible_pages_drawn (preview);
}

/* Hundreds of pages: the main loop keeps running while they are rendered,
 * and only the pages near the view hold textures. */
static void
test_long_document (Fixture       *f,
                    gconstpointer  data)
{
  KhTaskTable *table;
  KhTaskGroup *group;
  GListModel *tasks;
  Ticks ticks = { 0 };
  gint64 start, elapsed;
  guint n_tasks, id, n_pages;

  table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (f->document)), 0);
  group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  tasks = kh_task_group_get_tasks (group);
  n_tasks = g_list_model_get_n_items (tasks);
  g_assert_cmpuint (n_tasks, >, 0);
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(KhTask) task = g_list_model_get_item (tasks, i % n_tasks);
      g_autoptr(KhTask) copy = kh_model_object_copy (KH_MODEL_OBJECT (task));

      g_list_store_append (G_LIST_STORE (tasks), copy);
    }
  g_object_unref (group);
  g_object_unref (table);

  ticks.last = start = g_get_monotonic_time ();
  id = g_timeout_add (10, tick_cb, &ticks);
  kh_preview_set_document (f->preview, f->document);
  wait_idle (f->preview);
  g_assert_true (kh_ui_test_wait_for (visible_pages_drawn, f->preview, 10000));
  g_source_remove (id);

  elapsed = g_get_monotonic_time () - start;
  n_pages = kh_preview_get_n_pages (f->preview);
  g_test_message ("%u pages shown in %.0f ms; longest main loop stall %.0f ms", n_pages,
                  elapsed / 1000.0, ticks.longest / 1000.0);
  g_assert_cmpuint (n_pages, >=, 100);
  /* Rendering on the main thread would stall it for most of that time
   * (relative, so that a loaded machine does not fail the test). */
  g_assert_cmpint (ticks.longest, <, elapsed / 3);
  g_assert_cmpuint (count_textures (f->preview), <=, 8);

  /* At the end of the document: its pages are drawn, the first ones dropped. */
  kh_preview_set_page (f->preview, n_pages - 1);
  g_assert_true (kh_ui_test_wait_for (last_page_drawn, f->preview, 10000));
  g_assert_cmpuint (count_textures (f->preview), <=, 8);
  {
    GtkWidget *box = find_widget (GTK_WIDGET (f->preview), GTK_TYPE_BOX, "kh-preview-pages");
    GtkWidget *first = gtk_widget_get_first_child (box);

    g_assert_null (kh_preview_page_get_texture (KH_PREVIEW_PAGE (gtk_picture_get_paintable (GTK_PICTURE (first)))));
  }
}

static GtkWidget *
find_file_chooser_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
has_file_chooser_dialog (gpointer data)
{
  return find_file_chooser_dialog () != NULL;
}

/* Export PDF… proposes the summary as the file name; cancelling writes
 * nothing. (Accepting runs the same writer as kh_preview_export_pdf() in a
 * thread; the chooser's folder cannot be set reliably in a test.) */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  kh_document_set_summary (f->document, "Kế hoạch xuất thử / bản 2");
  kh_preview_set_document (f->preview, f->document);
  wait_idle (f->preview);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->preview), "preview.export-pdf", NULL));
  g_assert_true (kh_ui_test_wait_for (has_file_chooser_dialog, NULL, 5000));
  dialog = find_file_chooser_dialog ();

  /* The summary, with the path separator replaced. */
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, "Kế hoạch xuất thử   bản 2.pdf");

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_false (kh_ui_test_wait_for (has_file_chooser_dialog, NULL, 500));
  /* The action can run again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->preview), "preview.export-pdf", NULL));
  g_assert_true (kh_ui_test_wait_for (has_file_chooser_dialog, NULL, 5000));
  gtk_dialog_response (GTK_DIALOG (find_file_chooser_dialog ()), GTK_RESPONSE_CANCEL);
}

static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (window) && g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") &&
          gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
has_print_dialog (gpointer data)
{
  return find_print_dialog () != NULL;
}

/* Print… right after an edit prints the edited document: the dialog comes
 * once the render of the last state is shown. */
static void
test_print_dialog (Fixture       *f,
                   gconstpointer  data)
{
  guint completed0, completed;

  kh_preview_set_document (f->preview, f->document);
  wait_idle (f->preview);
  kh_preview_get_render_counts (f->preview, NULL, &completed0);

  kh_document_set_summary (f->document, "Kế hoạch in thử");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->preview), "preview.print", NULL));
  g_assert_true (kh_ui_test_wait_for (has_print_dialog, NULL, 20000));
  kh_preview_get_render_counts (f->preview, NULL, &completed);
  g_assert_cmpuint (completed, ==, completed0 + 1);
  g_assert_true (title_has (f->preview, "in thử"));
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_CANCEL);
  g_assert_false (kh_ui_test_wait_for (has_print_dialog, NULL, 500));

  /* Up to date now: the dialog comes at once, without another render. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->preview), "preview.print", NULL));
  g_assert_true (kh_ui_test_wait_for (has_print_dialog, NULL, 5000));
  kh_preview_get_render_counts (f->preview, NULL, &completed);
  g_assert_cmpuint (completed, ==, completed0 + 1);
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_CANCEL);
  g_assert_false (kh_ui_test_wait_for (has_print_dialog, NULL, 500));
}

/* "trigger action" lines of every shortcut of the widget's controllers. */
static GString *
list_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GString *list = g_string_new ("\n");

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          g_string_append_printf (list, "%s %s\n", trigger, action);
        }
    }
  return list;
}

/* Every action has its documented key. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) list = list_shortcuts (GTK_WIDGET (f->preview));
  const char *expected[] = {
    "<Control>plus action(preview.zoom-in)",
    "<Control>minus action(preview.zoom-out)",
    "<Control>0 action(preview.zoom-fit-width)",
    "Page_Down action(preview.next-page)",
    "Page_Up action(preview.previous-page)",
    "<Shift><Control>e action(preview.export-pdf)",
    "<Control>p action(preview.print)",
  };

  g_test_message ("%s", list->str);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", expected[i]);

      g_assert_nonnull (strstr (list->str, line));
    }
}

int
main (int argc, char *argv[])
{
  if (!kh_ui_test_init (&argc, &argv))
    {
      kh_ui_test_skip_without_display ();
      return g_test_run ();
    }
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/preview/renders-pages", Fixture, NULL,
              fixture_set_up, test_renders_pages, fixture_tear_down);
  g_test_add ("/ui/preview/follows-edits", Fixture, NULL,
              fixture_set_up, test_follows_edits, fixture_tear_down);
  g_test_add ("/ui/preview/zoom-and-pages", Fixture, NULL,
              fixture_set_up, test_zoom_and_pages, fixture_tear_down);
  g_test_add ("/ui/preview/export-and-print", Fixture, NULL,
              fixture_set_up, test_export_and_print, fixture_tear_down);
  g_test_add ("/ui/preview/error-page", Fixture, NULL,
              fixture_set_up, test_error_page, fixture_tear_down);
  g_test_add ("/ui/preview/long-document", Fixture, NULL,
              fixture_set_up, test_long_document, fixture_tear_down);
  g_test_add ("/ui/preview/shortcuts", Fixture, NULL,
              fixture_set_up, test_shortcuts, fixture_tear_down);
  g_test_add ("/ui/preview/export-dialog", Fixture, NULL,
              fixture_set_up, test_export_dialog, fixture_tear_down);
  g_test_add ("/ui/preview/print-dialog", Fixture, NULL,
              fixture_set_up, test_print_dialog, fixture_tear_down);
  return g_test_run ();
}
