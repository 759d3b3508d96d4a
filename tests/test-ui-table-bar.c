/* test-ui-table-bar.c — a plan's several task tables: the table bar picks,
 * adds and removes them and edits a table's title, appendix and landscape
 * flags; in the window, the Tasks page edits the picked table, removal is
 * undone, and the printed document has the new appendix. */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "kh-application.h"
#include "kh-core.h"
#include "kh-document-info.h"
#include "kh-render.h"
#include "kh-table-bar.h"
#include "kh-task-cell.h"
#include "kh-task-table-view.h"
#include "kh-window.h"
#include "ui-test-util.h"

#define EXAMPLE_TITLE "CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024"

static gpointer
bar_child (GtkWidget  *bar,
           const char *name)
{
  gpointer child = gtk_widget_get_template_child (bar, KH_TYPE_TABLE_BAR, name);

  g_assert_nonnull (child);
  return child;
}

static KhTaskTable *
nth_table (KhPlan *plan,
           guint   position)
{
  g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (plan), position);

  g_assert_nonnull (table);
  return table;  /* the plan holds it */
}

static guint
n_tables (KhPlan *plan)
{
  return g_list_model_get_n_items (kh_plan_get_tables (plan));
}

static const char *
label_at (GtkWidget *bar,
          guint      position)
{
  GtkDropDown *dropdown = bar_child (bar, "dropdown");

  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), position);
}

static char *
untitled_label (guint number)
{
  return g_strdup_printf (_("Table %u"), number);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

typedef struct {
  KhTaskTable *table;
  guint        position;
  guint        count;
} Removed;

static void
on_table_removed (KhTableBar  *bar,
                  KhTaskTable *table,
                  guint        position,
                  Removed     *removed)
{
  removed->table = table;
  removed->position = position;
  removed->count++;
}

/* The bar alone, on the 2024 communication plan (one appendix table). */
static void
test_bar_on_example (void)
{
  g_autoptr(KhDocument) doc = NULL;
  KhPlan *plan;
  KhTaskTable *first, *second, *third;
  GtkWidget *bar;
  GtkWindow *window;
  GtkEditable *title_row;
  GtkSwitch *appendix_switch, *landscape_switch;
  GtkDropDown *dropdown;
  guint n_notify = 0;
  Removed removed = { 0 };
  g_autofree char *table_2 = untitled_label (2);

  if (!kh_ui_test_have_display ())
    return;

  doc = kh_ui_test_load_example ("2024-tuyen-truyen-cchc.kehoach");
  plan = kh_document_get_plan (doc);
  g_assert_cmpuint (n_tables (plan), ==, 1);
  first = nth_table (plan, 0);

  bar = kh_table_bar_new ();
  title_row = bar_child (bar, "title_row");
  appendix_switch = bar_child (bar, "appendix_switch");
  landscape_switch = bar_child (bar, "landscape_switch");
  dropdown = bar_child (bar, "dropdown");
  g_signal_connect_swapped (bar, "notify::table", G_CALLBACK (count_notify), &n_notify);
  g_signal_connect (bar, "table-removed", G_CALLBACK (on_table_removed), &removed);
  g_assert_null (kh_table_bar_get_table (KH_TABLE_BAR (bar)));

  kh_table_bar_set_plan (KH_TABLE_BAR (bar), plan);
  window = kh_ui_test_present (bar, 600, -1);
  kh_ui_test_spin (100);
  g_assert_cmpuint (n_notify, ==, 1);

  /* One table: selected, no drop-down to pick from, and it cannot go. */
  g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == first);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpstr (label_at (bar, 0), ==, EXAMPLE_TITLE);
  gtk_widget_activate_action (bar, "table-bar.remove", NULL);
  g_assert_cmpuint (n_tables (plan), ==, 1);
  g_assert_cmpuint (removed.count, ==, 0);

  /* The settings show the example's appendix. */
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, EXAMPLE_TITLE);
  g_assert_true (gtk_switch_get_active (appendix_switch));
  g_assert_false (gtk_switch_get_active (landscape_switch));

  /* Add: a second table with the usual columns, after the first, selected. */
  g_assert_true (gtk_widget_activate_action (bar, "table-bar.add", NULL));
  g_assert_cmpuint (n_tables (plan), ==, 2);
  second = nth_table (plan, 1);
  g_assert_true (second != first);
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_columns (second)), ==, 6);
  g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == second);
  g_assert_cmpuint (kh_table_bar_get_position (KH_TABLE_BAR (bar)), ==, 1);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  g_assert_cmpstr (label_at (bar, 1), ==, table_2);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, "");
  g_assert_false (gtk_switch_get_active (appendix_switch));

  /* The popover's widgets write the selected table, and only it. */
  gtk_editable_set_text (title_row, "Lịch tập huấn");
  gtk_switch_set_active (appendix_switch, TRUE);
  gtk_switch_set_active (landscape_switch, TRUE);
  g_assert_cmpstr (kh_task_table_get_title (second), ==, "Lịch tập huấn");
  g_assert_true (kh_task_table_get_appendix (second));
  g_assert_true (kh_task_table_get_landscape (second));
  g_assert_cmpstr (kh_task_table_get_title (first), ==, EXAMPLE_TITLE);
  g_assert_false (kh_task_table_get_landscape (first));
  g_assert_cmpstr (label_at (bar, 1), ==, "Lịch tập huấn");
  g_assert_cmpuint (n_notify, ==, 2);

  /* Picking the first table in the drop-down shows its settings. */
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == first);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, EXAMPLE_TITLE);
  g_assert_false (gtk_switch_get_active (landscape_switch));

  /* A table added now goes between the two. */
  g_assert_true (gtk_widget_activate_action (bar, "table-bar.add", NULL));
  g_assert_cmpuint (n_tables (plan), ==, 3);
  third = nth_table (plan, 1);
  g_assert_true (nth_table (plan, 2) == second);
  g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == third);
  g_assert_cmpstr (label_at (bar, 1), ==, table_2);
  g_assert_cmpstr (label_at (bar, 2), ==, "Lịch tập huấn");

  /* Remove takes the selected one; its place goes to the next. */
  g_object_ref (third);
  g_assert_true (gtk_widget_activate_action (bar, "table-bar.remove", NULL));
  g_assert_cmpuint (n_tables (plan), ==, 2);
  g_assert_cmpuint (removed.count, ==, 1);
  g_assert_true (removed.table == third);
  g_assert_cmpuint (removed.position, ==, 1);
  g_assert_true (nth_table (plan, 1) == second);
  g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == second);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, "Lịch tập huấn");

  /* Undo replaces the plan by a copy: the bar keeps the position. */
  {
    g_autoptr(KhPlan) copy = kh_plan_copy (plan);

    kh_table_bar_set_plan (KH_TABLE_BAR (bar), copy);
    g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == nth_table (copy, 1));
    g_assert_cmpstr (gtk_editable_get_text (title_row), ==, "Lịch tập huấn");
    /* Edits now go to the copy, not to the plan left behind. */
    gtk_editable_set_text (title_row, "Lịch tập huấn năm 2024");
    g_assert_cmpstr (kh_task_table_get_title (nth_table (copy, 1)), ==, "Lịch tập huấn năm 2024");
    g_assert_cmpstr (kh_task_table_get_title (second), ==, "Lịch tập huấn");
  }
  /* A plan holding the removed table back at its place (undo of the
   * removal) selects it again. */
  {
    g_autoptr(KhPlan) restored = kh_plan_copy (plan);
    g_autoptr(KhTaskTable) back = kh_task_table_copy (removed.table);

    g_list_store_insert (G_LIST_STORE (kh_plan_get_tables (restored)), 1, back);
    kh_table_bar_select_position (KH_TABLE_BAR (bar), 0);
    kh_table_bar_set_plan (KH_TABLE_BAR (bar), restored);
    g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == back);
    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
    kh_table_bar_set_plan (KH_TABLE_BAR (bar), NULL);
  }
  g_assert_null (kh_table_bar_get_table (KH_TABLE_BAR (bar)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (bar_child (bar, "settings_button"))));

  g_object_unref (third);
  gtk_window_destroy (window);
}

/* The window ---------------------------------------------------------- */

typedef struct {
  const char    *lang;
} Fixture;

static gboolean
widget_is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* The window with its open popover drawn where it shows on screen: a popover
 * is a surface of its own, which the window's snapshot leaves out. */
static char *
screenshot_with_popover (GtkWidget  *window,
                         GtkWidget  *popover,
                         const char *name)
{
  g_autoptr(GdkPaintable) window_paint = gtk_widget_paintable_new (window);
  g_autoptr(GdkPaintable) popover_paint = gtk_widget_paintable_new (popover);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  double wx, wy;
  g_autofree char *dir = NULL;
  char *path;

  g_assert_true (kh_ui_test_wait_for (widget_is_shown, popover, 5000));
  kh_ui_test_spin (300);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &wx, &wy);
  gdk_paintable_snapshot (window_paint, GDK_SNAPSHOT (snapshot), width, height);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (wx + gdk_popup_get_position_x (GDK_POPUP (surface)),
                                                          wy + gdk_popup_get_position_y (GDK_POPUP (surface))));
  gdk_paintable_snapshot (popover_paint, GDK_SNAPSHOT (snapshot),
                          gdk_surface_get_width (surface), gdk_surface_get_height (surface));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

/* The printed document's text, NFC, white space folded, and whether its last
 * page is landscape. */
static char *
render_text (KhDocument *doc,
             gboolean   *last_landscape)
{
  KhRenderOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *pdf;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *nfc = NULL;
  g_auto(GStrv) words = NULL;
  int fd;

  fd = g_file_open_tmp ("kh-table-bar-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  kh_render_options_init (&options);
  g_assert_true (kh_render_document_to_pdf (doc, &options, path, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, NULL);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      double w, h;

      g_string_append_printf (text, "%s\n", page_text);
      poppler_page_get_size (page, &w, &h);
      *last_landscape = w > h;
      g_object_unref (page);  /* poppler-glib 22 has no autoptr */
    }
  g_object_unref (pdf);
  g_remove (path);
  nfc = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
  words = g_strsplit_set (nfc, " \n\t\r", -1);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) kept = NULL;

    for (guint i = 0; words[i]; i++)
      if (*words[i])
        g_strv_builder_add (builder, words[i]);
    kept = g_strv_builder_end (builder);
    return g_strjoinv (" ", kept);
  }
}

static KhDocument *
open_document (KhWindow *window)
{
  return kh_edit_session_get_document (kh_window_get_session (window));
}

static KhPlan *
open_plan (KhWindow *window)
{
  return kh_document_get_plan (open_document (window));
}

/* A user adds a table, fills it, makes it a titled appendix, removes it and
 * takes the removal back; the Tasks page follows the bar throughout. */
static void
run_table_checks (KhWindow   *window,
                  const char *lang,
                  const char *what)
{
  GtkWidget *bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "table_bar"));
  KhTaskTableView *view = KH_TASK_TABLE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW,
                                                                              "task_table_view"));
  KhTaskTable *first, *added;
  guint first_tasks, n_before = n_tables (open_plan (window));
  g_autofree char *shot = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gboolean landscape = FALSE;

  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "tasks"));
  kh_ui_test_spin (200);
  g_assert_cmpuint (n_before, ==, 1);
  first = nth_table (open_plan (window), 0);
  first_tasks = kh_task_table_get_n_tasks (first);
  g_assert_true (kh_task_table_view_get_table (view) == first);
  g_assert_true (kh_table_bar_get_plan (KH_TABLE_BAR (bar)) == open_plan (window));

  /* Ctrl+Alt+T's action: a second table, shown in the Tasks page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-table", NULL));
  kh_ui_test_spin (100);
  g_assert_cmpuint (n_tables (open_plan (window)), ==, 2);
  added = nth_table (open_plan (window), 1);
  g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == added);
  g_assert_true (kh_task_table_view_get_table (view) == added);

  /* A task added through the table lands in table 2, not table 1. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tasks.add", NULL));
  kh_ui_test_spin (100);
  g_assert_cmpuint (kh_task_table_get_n_tasks (added), ==, 1);
  g_assert_cmpuint (kh_task_table_get_n_tasks (first), ==, first_tasks);
  {
    g_autoptr(GPtrArray) cells = kh_ui_test_find_all (GTK_WIDGET (view), KH_TYPE_TASK_CELL);
    g_autoptr(KhTaskGroup) group = g_list_model_get_item (kh_task_table_get_groups (added), 0);
    g_autoptr(KhTask) task = g_list_model_get_item (kh_task_group_get_tasks (group), 0);
    KhTaskCell *editing = NULL;

    /* The new task's cell is open for typing. */
    for (guint i = 0; i < cells->len; i++)
      if (kh_task_cell_is_editing (cells->pdata[i]))
        editing = cells->pdata[i];
    g_assert_nonnull (editing);
    kh_task_cell_insert_text (editing, "Tổ chức hội nghị tập huấn nghiệp vụ");
    kh_task_cell_commit (editing);
    g_assert_cmpstr (kh_task_get_content (task), ==, "Tổ chức hội nghị tập huấn nghiệp vụ");
    kh_task_set_timeframe (task, "Quý III");
  }

  /* The settings popover makes it a landscape appendix with a title. */
  gtk_menu_button_popup (bar_child (bar, "settings_button"));
  gtk_editable_set_text (bar_child (bar, "title_row"), "Lịch tập huấn nghiệp vụ");
  gtk_switch_set_active (bar_child (bar, "appendix_switch"), TRUE);
  gtk_switch_set_active (bar_child (bar, "landscape_switch"), TRUE);
  g_assert_cmpstr (kh_task_table_get_title (added), ==, "Lịch tập huấn nghiệp vụ");
  g_assert_true (kh_task_table_get_appendix (added));
  g_assert_true (kh_task_table_get_landscape (added));
  name = g_strdup_printf ("table-bar-%s-settings-%s", what, lang);
  shot = screenshot_with_popover (GTK_WIDGET (window), GTK_WIDGET (gtk_menu_button_get_popover (bar_child (bar, "settings_button"))), name);
  g_test_message ("screenshot: %s", shot);
  gtk_menu_button_popdown (bar_child (bar, "settings_button"));
  kh_ui_test_spin (200);
  g_free (name);
  g_free (shot);
  name = g_strdup_printf ("table-bar-%s-%s", what, lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", shot);

  /* Printed: the new table is an appendix of its own, on landscape pages,
   * headed with its title; with the example's, they are numbered I and II. */
  text = render_text (open_document (window), &landscape);
  g_assert_nonnull (strstr (text, "LỊCH TẬP HUẤN NGHIỆP VỤ"));
  g_assert_nonnull (strstr (text, "Tổ chức hội nghị tập huấn nghiệp vụ"));
  g_assert_true (landscape);
  if (kh_task_table_get_appendix (first))
    {
      g_assert_nonnull (strstr (text, "PHỤ LỤC I "));
      g_assert_nonnull (strstr (text, "PHỤ LỤC II "));
    }
  else
    {
      g_assert_nonnull (strstr (text, "PHỤ LỤC "));
      g_assert_null (strstr (text, "PHỤ LỤC II"));
    }

  /* The user pauses, then removes the table: back to one. */
  kh_ui_test_spin (KH_EDIT_SESSION_GROUP_MS + 300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-table", NULL));
  kh_ui_test_spin (100);
  g_assert_cmpuint (n_tables (open_plan (window)), ==, 1);
  g_assert_true (kh_task_table_view_get_table (view) == nth_table (open_plan (window), 0));
  g_assert_cmpuint (kh_task_table_get_n_tasks (kh_task_table_view_get_table (view)), ==, first_tasks);
  /* The last table stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-table", NULL);
  g_assert_cmpuint (n_tables (open_plan (window)), ==, 1);

  /* Undo brings it back whole, in the store as well. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  kh_ui_test_spin (200);
  g_assert_cmpuint (n_tables (open_plan (window)), ==, 2);
  added = nth_table (open_plan (window), 1);
  g_assert_cmpstr (kh_task_table_get_title (added), ==, "Lịch tập huấn nghiệp vụ");
  g_assert_true (kh_task_table_get_appendix (added));
  g_assert_cmpuint (kh_task_table_get_n_tasks (added), ==, 1);
  {
    KhWindow *w = window;
    g_autoptr(KhDocument) stored = kh_store_load_document (kh_edit_session_get_store (kh_window_get_session (w)),
                                                           kh_document_get_id (open_document (w)), NULL);
    g_assert_nonnull (stored);
    g_assert_cmpuint (n_tables (kh_document_get_plan (stored)), ==, 2);
  }
  /* The bar and the table follow the restored plan, on the table restored. */
  g_assert_true (kh_table_bar_get_plan (KH_TABLE_BAR (bar)) == open_plan (window));
  g_assert_true (kh_table_bar_get_table (KH_TABLE_BAR (bar)) == added);
  g_assert_true (kh_task_table_view_get_table (view) == added);
  g_assert_cmpuint (gtk_drop_down_get_selected (bar_child (bar, "dropdown")), ==, 1);

  /* Picking table 1 in the drop-down shows it; an edit keeps the pick. */
  gtk_drop_down_set_selected (bar_child (bar, "dropdown"), 0);
  first = nth_table (open_plan (window), 0);
  g_assert_true (kh_task_table_view_get_table (view) == first);
  g_free (name);
  g_free (shot);
  name = g_strdup_printf ("table-bar-%s-table-1-%s", what, lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", shot);
  kh_task_table_set_landscape (first, TRUE);
  kh_ui_test_spin (KH_EDIT_SESSION_GROUP_MS + 300);
  g_assert_true (kh_task_table_view_get_table (view) == first);
  /* Undoing that edit replaces the plan: table 1 stays picked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  kh_ui_test_spin (200);
  g_assert_false (kh_task_table_get_landscape (nth_table (open_plan (window), 0)));
  g_assert_true (kh_task_table_view_get_table (view) == nth_table (open_plan (window), 0));
  g_assert_cmpuint (n_tables (open_plan (window)), ==, 2);
}

static void
on_activate_after (GApplication *app,
                   gpointer      data)
{
  Fixture *f = data;
  KhWindow *window;
  GListModel *docs;
  GtkWidget *list;
  gboolean found = FALSE;

  g_assert_true (kh_ui_test_wait_for (kh_ui_test_has_window, app, 5000));
  window = KH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  kh_ui_test_spin (300);
  /* The accelerators the shortcuts window lists. */
  kh_ui_test_assert_accelerator (GTK_WIDGET (window), "win.add-table", "<Control><Shift>t");
  kh_ui_test_assert_accelerator (GTK_WIDGET (window), "win.remove-table", "<Control><Shift>Delete");

  /* The 2024 communication plan, whose one table is an appendix. */
  docs = kh_window_get_documents (window);
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "document_list"));
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (docs, i);

      if (strstr (kh_document_info_get_title (info), "Tuyên truyền cải cách hành chính năm 2024"))
        {
          gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), i, TRUE);
          found = TRUE;
        }
    }
  g_assert_true (found);
  kh_ui_test_spin (300);
  g_assert_cmpint (kh_document_get_year (open_document (window)), ==, 2024);
  g_assert_true (kh_task_table_get_appendix (nth_table (open_plan (window), 0)));
  run_table_checks (window, f->lang, "example");

  /* A plan made from scratch gets the appendix the seeds have. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  kh_ui_test_spin (300);
  run_table_checks (window, f->lang, "new-plan");

  g_application_quit (app);
}

static void
test_window_tables (gconstpointer lang)
{
  Fixture f = { .lang = lang };

  if (kh_ui_test_have_display ())
    kh_ui_test_run_app (G_CALLBACK (on_activate_after), &f);
}

int
main (int argc, char *argv[])
{
  const char *lang = kh_ui_test_lang ();

  if (kh_ui_test_init (&argc, &argv))
    adw_init ();
  g_test_add_func ("/ui/table-bar/example", test_bar_on_example);
  g_test_add_data_func ("/ui/table-bar/window", lang, test_window_tables);
  return g_test_run ();
}
