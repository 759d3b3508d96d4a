/* test-ui-check-window.c — the Check Document window: clean on a real
 * document, findings of last year's copy listed as printed, a finding gone
 * once fixed, and in the app F7 opens it and a chosen finding opens its task
 * or narrative item. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "kh-application.h"
#include "kh-check-window.h"
#include "kh-core.h"
#include "kh-document-info.h"
#include "kh-preview.h"
#include "kh-table-bar.h"
#include "kh-task-table-view.h"
#include "kh-window.h"
#include "ui-test-util.h"

static gpointer
check_child (gpointer    window,
             const char *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_CHECK_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
page_name (KhCheckWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (check_child (window, "stack")));
}

/* The rows of the list, in order. */
static GPtrArray *
list_rows (KhCheckWindow *window)
{
  GtkListBox *list = check_child (window, "list");
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_ptr_array_add (rows, row);
  return rows;
}

static KhLintIssue *
find_issue (KhCheckWindow *window,
            const char    *code,
            guint         *position)
{
  GListModel *issues = kh_check_window_get_issues (window);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(KhLintIssue) issue = g_list_model_get_item (issues, i);

      if (g_str_equal (kh_lint_issue_get_code (issue), code))
        {
          if (position)
            *position = i;
          return issue;  /* the list holds it */
        }
    }
  return NULL;
}

typedef struct {
  KhCheckWindow *window;
  guint          n;
} CountWait;

static gboolean
n_issues_is (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (kh_check_window_get_issues (wait->window)) == wait->n;
}

static gboolean
has_issues (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (kh_check_window_get_issues (wait->window)) > 0;
}

static void
screenshot (GtkWidget  *window,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("check-%s-%s", what, kh_ui_test_lang ());

  g_free (kh_ui_test_screenshot (window, name));
}

static KhTask *
task_at (KhDocument *doc,
         guint       group_index,
         guint       index)
{
  g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
  g_autoptr(KhTaskGroup) group = g_list_model_get_item (kh_task_table_get_groups (table), group_index);
  g_autoptr(KhTask) task = g_list_model_get_item (kh_task_group_get_tasks (group), index);

  g_assert_nonnull (task);
  return task;  /* the document holds it */
}

static void
test_window_alone (void)
{
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *expected_location = NULL;
  KhCheckWindow *window;
  KhLintIssue *stale;
  KhTask *task;
  CountWait wait = { 0 };
  guint n, position = 0;

  if (!kh_ui_test_have_display ())
    return;

  window = KH_CHECK_WINDOW (kh_check_window_new ());
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (page_name (window), ==, "empty");

  /* A real document that was issued: nothing to report. */
  doc = kh_ui_test_load_example ("2024-tuyen-truyen-cchc.kehoach");
  kh_check_window_set_document (window, doc);
  kh_ui_test_spin (200);
  g_assert_cmpstr (page_name (window), ==, "clean");
  screenshot (GTK_WIDGET (window), "clean");

  /* The same plan copied for next year without touching its text: the
   * list follows the edit by itself, one row per finding. */
  kh_document_set_year (doc, 2025);
  wait.window = window;
  g_assert_true (kh_ui_test_wait_for (has_issues, &wait, 3000));
  kh_ui_test_spin (100);
  g_assert_cmpstr (page_name (window), ==, "issues");
  n = g_list_model_get_n_items (kh_check_window_get_issues (window));
  rows = list_rows (window);
  g_assert_cmpuint (rows->len, ==, n);

  /* The only dated time frame of the plan: "Năm 2024", task 6 of its one
   * untitled group. */
  task = task_at (doc, 0, 5);
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, "Năm 2024");
  stale = find_issue (window, "timeframe-other-year", &position);
  g_assert_nonnull (stale);
  g_assert_true (kh_lint_issue_get_target (stale) == G_OBJECT (task));
  /* The row says where as printed, in the UI's language. */
  expected_location = g_strdup_printf (_("Task %s"), "6");
  g_assert_cmpstr (kh_lint_issue_get_location (stale), ==, expected_location);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, position))), ==,
                   expected_location);
  if (g_str_equal (kh_ui_test_lang (), "vi"))
    g_assert_true (g_str_has_prefix (kh_lint_issue_get_location (stale), "Nhiệm vụ"));

  screenshot (GTK_WIDGET (window), "issues");

  /* Fixing the time frame takes its row away. */
  kh_task_set_timeframe (task, "Năm 2025");
  wait.n = n - 1;
  g_assert_true (kh_ui_test_wait_for (n_issues_is, &wait, 3000));
  stale = find_issue (window, "timeframe-other-year", NULL);
  g_assert_true (stale == NULL || kh_lint_issue_get_target (stale) != G_OBJECT (task));

  kh_check_window_set_document (window, NULL);
  g_assert_cmpstr (page_name (window), ==, "empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* In the app ------------------------------------------------------------ */

static KhCheckWindow *
find_check_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's own list */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_CHECK_WINDOW (window))
        return KH_CHECK_WINDOW (window);
    }
  return NULL;
}

static const char *
visible_view (KhWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "view_stack"));

  return adw_view_stack_get_visible_child_name (stack);
}

typedef struct {
  KhCheckWindow *window;
  const char    *code;
} IssueWait;

static gboolean
issue_found (gpointer data)
{
  IssueWait *wait = data;

  return find_issue (wait->window, wait->code, NULL) != NULL;
}

/* Activates the list row of the finding with code, as a click or Enter does. */
static void
activate_finding (KhCheckWindow *check,
                  const char    *code)
{
  GtkListBox *list = check_child (check, "list");
  guint position = 0;

  g_assert_nonnull (find_issue (check, code, &position));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, (int) position));
  kh_ui_test_spin (200);
}

/* A template child of the window's preview: "check_button", "check_label". */
static GtkWidget *
preview_child (KhWindow   *window,
               const char *name)
{
  GtkWidget *preview = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "preview"));

  return GTK_WIDGET (gtk_widget_get_template_child (preview, KH_TYPE_PREVIEW, name));
}

static gboolean
widget_visible (gpointer widget)
{
  return gtk_widget_get_visible (GTK_WIDGET (widget));
}

static void
on_activate_after (GApplication *app,
                   gpointer      data)
{
  KhWindow *window;
  GListModel *docs;
  GtkWidget *list;
  KhDocument *doc;
  KhCheckWindow *check;
  KhTask *task;
  KhTaskTableView *table_view;
  g_autoptr(KhNode) part = kh_node_new (KH_NODE_KIND_PART, "", "");
  IssueWait wait = { 0 };
  gboolean found = FALSE;

  g_assert_true (kh_ui_test_wait_for (kh_ui_test_has_window, app, 5000));
  window = KH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  kh_ui_test_spin (300);
  kh_ui_test_assert_accelerator (GTK_WIDGET (window), "win.check", "F7");

  docs = kh_window_get_documents (window);
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "document_list"));
  for (guint i = 0; i < g_list_model_get_n_items (docs) && !found; i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (docs, i);

      if (strstr (kh_document_info_get_title (info), "kiểm soát thủ tục hành chính và thực hiện cơ chế"))
        {
          gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), i, TRUE);
          found = TRUE;
        }
    }
  g_assert_true (found);
  kh_ui_test_spin (300);
  doc = kh_edit_session_get_document (kh_window_get_session (window));
  g_assert_cmpint (kh_document_get_year (doc), ==, 2023);
  /* A clean document: the preview shows no count. */
  g_assert_false (gtk_widget_get_visible (preview_child (window, "check_button")));

  g_assert_null (find_check_window ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL));
  kh_ui_test_spin (300);
  check = find_check_window ();
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (check)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (check)) == GTK_WINDOW (window));
  g_assert_cmpstr (page_name (check), ==, "clean");

  /* A time frame nobody can read, far down the table (group III). */
  task = task_at (doc, 2, 1);
  kh_task_set_timeframe (task, "Sau Tết Nguyên đán");
  wait.window = check;
  wait.code = "timeframe-unread";
  g_assert_true (kh_ui_test_wait_for (issue_found, &wait, 3000));
  screenshot (GTK_WIDGET (check), "app");

  /* Choosing it opens the Tasks page with that task selected. */
  activate_finding (check, "timeframe-unread");
  g_assert_cmpstr (visible_view (window), ==, "tasks");
  table_view = KH_TASK_TABLE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "task_table_view"));
  g_assert_true (kh_task_table_view_get_selected_task (table_view) == task);

  /* An empty part of the narrative opens the Plan page. */
  g_list_store_append (G_LIST_STORE (kh_plan_get_narrative (kh_document_get_plan (doc))), part);
  wait.code = "narrative-empty-item";
  g_assert_true (kh_ui_test_wait_for (issue_found, &wait, 3000));
  activate_finding (check, "narrative-empty-item");
  g_assert_cmpstr (visible_view (window), ==, "plan");

  /* A bar of the timeline opens its task in whichever table holds it: a
   * task of a second table, while the first is shown. */
  {
    g_autoptr(KhTaskTable) second = kh_task_table_new_default ();
    g_autoptr(KhTaskGroup) group = g_list_model_get_item (kh_task_table_get_groups (second), 0);
    g_autoptr(KhTask) other = kh_task_new ();
    GtkWidget *bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "table_bar"));
    GtkWidget *timeline = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "timeline_view"));

    kh_task_set_content (other, "Tổng kết công tác năm");
    kh_task_set_lead (other, "Văn phòng Sở");
    kh_task_set_timeframe (other, "Tháng 12 năm 2023");
    g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (group)), other);
    g_list_store_append (G_LIST_STORE (kh_plan_get_tables (kh_document_get_plan (doc))), second);
    kh_ui_test_spin (200);
    kh_table_bar_select_position (KH_TABLE_BAR (bar), 0);
    kh_ui_test_spin (100);
    g_signal_emit_by_name (timeline, "task-activated", other);
    kh_ui_test_spin (200);
    g_assert_cmpstr (visible_view (window), ==, "tasks");
    g_assert_cmpuint (kh_table_bar_get_position (KH_TABLE_BAR (bar)), ==, 1);
    g_assert_true (kh_task_table_view_get_selected_task (table_view) == other);
  }

  /* The preview counts what is left (the unread time frame and the empty
   * part) and its button opens the same window again. */
  g_assert_true (kh_ui_test_wait_for (widget_visible, preview_child (window, "check_button"), 3000));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (preview_child (window, "check_label"))), ==, "2");
  gtk_window_close (GTK_WINDOW (check));
  kh_ui_test_spin (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (check)));
  /* On the Preview page, about to print, the user clicks the count (a
   * button shows itself pressed for a moment before it clicks). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "preview"));
  kh_ui_test_spin (300);
  g_assert_cmpstr (visible_view (window), ==, "preview");
  screenshot (GTK_WIDGET (window), "preview");
  g_assert_true (gtk_widget_activate (preview_child (window, "check_button")));
  g_assert_true (kh_ui_test_wait_for (widget_visible, check, 2000));

  /* Escape closes it (hides it); F7 brings the same window back. */
  kh_ui_test_assert_accelerator (GTK_WIDGET (check), "window.close", "Escape");
  kh_ui_test_assert_accelerator (GTK_WIDGET (check), "check.refresh", "F5");
  gtk_window_close (GTK_WINDOW (check));
  kh_ui_test_spin (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (check)));
  /* Fixed while it is hidden: shown again, it no longer lists it. */
  kh_task_set_timeframe (task, "Quý II năm 2023");
  kh_ui_test_spin (600);
  g_assert_nonnull (find_issue (check, "timeframe-unread", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL));
  kh_ui_test_spin (100);
  g_assert_true (find_check_window () == check);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (check)));
  g_assert_null (find_issue (check, "timeframe-unread", NULL));

  g_application_quit (app);
}

static void
test_in_app (void)
{
  if (kh_ui_test_have_display ())
    kh_ui_test_run_app (G_CALLBACK (on_activate_after), NULL);
}

int
main (int argc, char *argv[])
{
  if (kh_ui_test_init (&argc, &argv))
    adw_init ();
  g_test_add_func ("/ui/check-window/alone", test_window_alone);
  g_test_add_func ("/ui/check-window/in-app", test_in_app);
  return g_test_run ();
}
