/* test-ui-window.c — the application starts on a new database and lists
 * the three example documents; searching narrows the list. */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "kh-application.h"
#include "kh-core.h"
#include "kh-general-view.h"
#include "kh-preview.h"
#include "kh-task-table-view.h"
#include "kh-document-info.h"
#include "kh-window.h"
#include "ui-test-util.h"

typedef struct {
  KhApplication *app;
  char          *tmpdir;
  const char    *lang;
} Fixture;

static GListModel *
visible_documents (KhApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return kh_window_get_documents (KH_WINDOW (window));
}

static gboolean
lists_titles (GListModel *model, const char *needle)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (model, i);

      if (strstr (kh_document_info_get_title (info), needle))
        return TRUE;
    }
  return FALSE;
}

static gboolean
lists_n (gpointer data)
{
  KhApplication *app = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return g_list_model_get_n_items (visible_documents (app)) == n;
}

/* Waits (GtkSearchEntry debounces, rendering may keep the loop busy) until
 * the sidebar lists n documents. */
static void
wait_for_n_documents (KhApplication *app, guint n)
{
  gpointer data[2] = { app, GUINT_TO_POINTER (n) };

  kh_ui_test_wait_for (lists_n, data, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (visible_documents (app)), ==, n);
}

static void
run_checks (KhApplication *app, const char *lang)
{
  GtkWindow *window;
  GListModel *docs;
  GtkWidget *search;
  g_autofree char *shot = NULL;
  g_autofree char *name = NULL;

  g_assert_true (kh_ui_test_wait_for (kh_ui_test_has_window, app, 5000));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  kh_ui_test_spin (300);

  /* The first run holds the three examples, listed by title. */
  docs = visible_documents (app);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 3);
  g_assert_true (lists_titles (docs, "Tuyên truyền cải cách hành chính năm 2024"));
  g_assert_true (lists_titles (docs, "kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa"));
  g_assert_true (lists_titles (docs, "Ban hành Kế hoạch truyền thông"));

  name = g_strdup_printf ("window-%s", lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", shot);

  /* Search as you type, in any case and without diacritics: words only
   * the 2024 communication plan's narrative holds find it alone. */
  search = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "search_entry"));
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "chi so cai thien PAR INDEX");
  wait_for_n_documents (app, 1);
  docs = visible_documents (app);
  g_assert_true (lists_titles (docs, "Tuyên truyền cải cách hành chính năm 2024"));

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_for_n_documents (app, 3);
}

static char *
stored_summary (KhApplication *app, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_store_load_document (kh_application_get_store (app), id, &error);

  g_assert_no_error (error);
  return g_strdup (kh_document_get_summary (doc));
}

/* A user creates a plan, types its summary in the form, undoes. */
static void
run_edit_checks (KhApplication *app, const char *lang)
{
  KhWindow *window = KH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *general, *summary_row;
  KhDocument *doc;
  gint64 id;
  g_autofree char *stored = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *name = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  kh_ui_test_spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (visible_documents (app)), ==, 4);
  doc = kh_edit_session_get_document (kh_window_get_session (window));
  id = kh_document_get_id (doc);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (kh_document_get_kind (doc), ==, KH_DOCUMENT_KIND_PLAN);

  general = kh_ui_test_find (GTK_WIDGET (window), KH_TYPE_GENERAL_VIEW);
  summary_row = GTK_WIDGET (gtk_widget_get_template_child (general, KH_TYPE_GENERAL_VIEW, "summary_row"));
  g_assert_nonnull (summary_row);
  gtk_editable_set_text (GTK_EDITABLE (summary_row), "Kế hoạch chuyển đổi số năm 2025");
  kh_ui_test_spin (KH_EDIT_SESSION_GROUP_MS + 300);  /* written when the user pauses */

  /* Typed text is in the model and in the database at once. */
  g_assert_cmpstr (kh_document_get_summary (doc), ==, "Kế hoạch chuyển đổi số năm 2025");
  stored = stored_summary (app, id);
  g_assert_cmpstr (stored, ==, "Kế hoạch chuyển đổi số năm 2025");

  name = g_strdup_printf ("general-%s", lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (window), name);

  /* Ctrl+Z puts back the template's summary, in the form and the database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  kh_ui_test_spin (100);
  doc = kh_edit_session_get_document (kh_window_get_session (window));
  g_assert_cmpstr (kh_document_get_summary (doc), !=, "Kế hoạch chuyển đổi số năm 2025");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (summary_row)), ==, kh_document_get_summary (doc));
  g_free (stored);
  stored = stored_summary (app, id);
  g_assert_cmpstr (stored, ==, kh_document_get_summary (doc));

  /* Redo brings the typed text back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  kh_ui_test_spin (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (summary_row)), ==, "Kế hoạch chuyển đổi số năm 2025");

  /* Tasks: add two, name them, move the first down, undo the move. */
  {
    GtkWidget *tasks = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "task_table_view"));
    KhTaskTable *table;
    KhTaskGroup *group;
    g_autoptr(KhTask) first = NULL;
    g_autoptr(KhTask) second = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "tasks"));
    kh_ui_test_spin (200);
    table = kh_task_table_view_get_table (KH_TASK_TABLE_VIEW (tasks));
    g_assert_nonnull (table);
    g_assert_cmpuint (kh_task_table_get_n_tasks (table), ==, 0);

    g_assert_true (gtk_widget_activate_action (tasks, "tasks.add", NULL));
    kh_ui_test_spin (100);
    g_assert_true (gtk_widget_activate_action (tasks, "tasks.add", NULL));
    kh_ui_test_spin (100);
    g_assert_cmpuint (kh_task_table_get_n_tasks (table), ==, 2);
    group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
    g_object_unref (group);
    first = g_list_model_get_item (kh_task_group_get_tasks (group), 0);
    second = g_list_model_get_item (kh_task_group_get_tasks (group), 1);
    kh_task_set_content (first, "Xây dựng kế hoạch");
    kh_task_set_content (second, "Tổ chức tập huấn");
    kh_task_set_timeframe (second, "Quý III, IV");
    kh_edit_session_close_step (kh_window_get_session (window));

    kh_task_table_view_select_task (KH_TASK_TABLE_VIEW (tasks), first);
    g_assert_true (gtk_widget_activate_action (tasks, "tasks.move-down", NULL));
    kh_ui_test_spin (KH_EDIT_SESSION_GROUP_MS + 300);
    g_assert_true (g_list_model_get_item (kh_task_group_get_tasks (group), 1) == first);
    g_object_unref (first);
    {
      g_autoptr(KhDocument) stored = kh_store_load_document (kh_application_get_store (app), id, NULL);
      g_autoptr(KhTaskTable) t = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (stored)), 0);
      g_autoptr(KhTaskGroup) g = g_list_model_get_item (kh_task_table_get_groups (t), 0);
      g_autoptr(KhTask) top = g_list_model_get_item (kh_task_group_get_tasks (g), 0);

      g_assert_cmpstr (kh_task_get_content (top), ==, "Tổ chức tập huấn");
      g_assert_cmpstr (kh_task_get_timeframe (top), ==, "Quý III, IV");
    }

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    kh_ui_test_spin (200);
    /* Undo replaces the document: the table shows the restored one. */
    table = kh_task_table_view_get_table (KH_TASK_TABLE_VIEW (tasks));
    {
      g_autoptr(KhTaskGroup) g = g_list_model_get_item (kh_task_table_get_groups (table), 0);
      g_autoptr(KhTask) top = g_list_model_get_item (kh_task_group_get_tasks (g), 0);

      g_assert_cmpstr (kh_task_get_content (top), ==, "Xây dựng kế hoạch");
    }
    g_free (shot);
    g_free (name);
    name = g_strdup_printf ("new-plan-tasks-%s", lang);
    shot = kh_ui_test_screenshot (GTK_WIDGET (window), name);
  }

  /* Delete hides it at once; the undo toast's button brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL));
  kh_ui_test_spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (visible_documents (app)), ==, 3);
  g_assert_null (kh_window_get_session (window));

  /* Roll the 2023 Hà Tĩnh plan over: a 2024 draft opens beside it. */
  {
    GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "document_list"));
    GListModel *docs = visible_documents (app);
    KhDocument *next;

    for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
      {
        g_autoptr(KhDocumentInfo) info = g_list_model_get_item (docs, i);

        if (kh_document_info_get_year (info) == 2023)
          gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), i, TRUE);
      }
    kh_ui_test_spin (200);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.roll-over", NULL));
    kh_ui_test_spin (200);
    g_assert_cmpuint (g_list_model_get_n_items (visible_documents (app)), ==, 4);
    next = kh_edit_session_get_document (kh_window_get_session (window));
    g_assert_cmpint (kh_document_get_year (next), ==, 2024);
    g_assert_nonnull (strstr (kh_document_get_summary (next), "năm 2024"));
  }
}

static gboolean
preview_ready (gpointer data)
{
  KhPreview *preview = data;

  return !kh_preview_get_busy (preview) && kh_preview_get_n_pages (preview) > 0;
}

/* Every view of the Hà Tĩnh decision (which has them all), photographed. */
static void
run_view_screenshots (KhApplication *app, const char *lang)
{
  KhWindow *window = KH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "view_stack"));
  GtkSelectionModel *pages = adw_view_stack_get_pages (stack);
  GListModel *docs = visible_documents (app);
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "document_list"));
  guint n_shown = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (docs, i);

      if (kh_document_info_get_year (info) == 2023)
        gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), i, TRUE);
    }
  kh_ui_test_spin (300);
  g_assert_cmpint (kh_document_get_year (kh_edit_session_get_document (kh_window_get_session (window))), ==, 2023);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      g_autofree char *name = NULL;
      g_autofree char *shot = NULL;

      if (!adw_view_stack_page_get_visible (page))
        continue;
      adw_view_stack_set_visible_child (stack, adw_view_stack_page_get_child (page));
      kh_ui_test_spin (400);
      if (KH_IS_PREVIEW (adw_view_stack_page_get_child (page)))
        g_assert_true (kh_ui_test_wait_for (preview_ready, adw_view_stack_page_get_child (page), 20000));
      name = g_strdup_printf ("view-%s-%s", adw_view_stack_page_get_name (page), lang);
      shot = kh_ui_test_screenshot (GTK_WIDGET (window), name);
      g_test_message ("screenshot: %s", shot);
      n_shown++;
    }
  /* A decision with its plan shows every view. */
  g_assert_cmpuint (n_shown, >=, 4);
}

static void
on_activate_after (GApplication *app, gpointer data)
{
  Fixture *f = data;

  run_checks (KH_APPLICATION (app), f->lang);
  run_view_screenshots (KH_APPLICATION (app), f->lang);
  run_edit_checks (KH_APPLICATION (app), f->lang);
  g_application_quit (app);
}

static void
test_window_lists_examples (gconstpointer lang)
{
  Fixture f = { 0 };
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  char *argv[4];
  int status;

  if (!kh_ui_test_have_display ())
    return;

  f.tmpdir = g_dir_make_tmp ("kh-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f.tmpdir, "test.db", NULL);
  f.lang = lang;

  argv[0] = (char *) "kehoach";
  argv[1] = (char *) "--db";
  argv[2] = db;
  argv[3] = NULL;

  f.app = kh_application_new ();
  g_signal_connect_after (f.app, "activate", G_CALLBACK (on_activate_after), &f);
  status = g_application_run (G_APPLICATION (f.app), 3, argv);
  g_assert_cmpint (status, ==, 0);
  g_clear_object (&f.app);

  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  for (const char *suffix = ""; suffix; suffix = *suffix ? (strcmp (suffix, "-wal") ? NULL : "-shm") : "-wal")
    {
      g_autofree char *p = g_strconcat (db, suffix, NULL);
      g_remove (p);
    }
  g_rmdir (f.tmpdir);
  g_free (f.tmpdir);
}

int
main (int argc, char *argv[])
{
  const char *lang = kh_ui_test_lang ();

  kh_ui_test_init (&argc, &argv);
  g_test_add_data_func ("/ui/window/lists-examples", lang, test_window_lists_examples);
  return g_test_run ();
}
