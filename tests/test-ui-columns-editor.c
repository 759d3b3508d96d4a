/* test-ui-columns-editor.c — the Columns window of the table settings: on
 * the 2023 Hà Tĩnh plan a user hides, shows, moves and renames columns and
 * resets the layout; the model, the Tasks page and the printed document
 * follow, and one undo takes back one change. */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "kh-application.h"
#include "kh-columns-editor.h"
#include "kh-core.h"
#include "kh-document-info.h"
#include "kh-render.h"
#include "kh-table-bar.h"
#include "kh-task-table-view.h"
#include "kh-window.h"
#include "ui-test-util.h"

typedef struct {
  const char    *lang;
} Fixture;

static KhDocument *
open_document (KhWindow *window)
{
  return kh_edit_session_get_document (kh_window_get_session (window));
}

static KhTaskTable *
open_table (KhWindow *window)
{
  g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (open_document (window))), 0);

  return table;  /* the plan holds it */
}

/* The table's column fields in order, as "number,content,…". */
static char *
fields_of (KhTaskTable *table)
{
  GListModel *columns = kh_task_table_get_columns (table);
  g_autoptr(GString) out = g_string_new (NULL);
  GEnumClass *klass = g_type_class_ref (KH_TYPE_COLUMN_FIELD);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);
      GEnumValue *value = g_enum_get_value (klass, kh_column_get_field (column));

      g_string_append_printf (out, "%s%s", i ? "," : "", value->value_nick);
    }
  g_type_class_unref (klass);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
header_of (KhTaskTable  *table,
           KhColumnField field)
{
  GListModel *columns = kh_task_table_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);

      if (kh_column_get_field (column) == field)
        return kh_column_get_header (column);
    }
  return NULL;
}

/* The editor's row for field. */
static GtkWidget *
editor_row (KhColumnsEditor *editor,
            KhColumnField    field)
{
  GtkWidget *list = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_COLUMNS_EDITOR, "list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field")) == (int) field)
      return row;
  g_assert_not_reached ();
}

static gpointer
row_part (KhColumnsEditor *editor,
          KhColumnField    field,
          const char      *part)
{
  gpointer widget = g_object_get_data (G_OBJECT (editor_row (editor, field)), part);

  g_assert_nonnull (widget);
  return widget;
}

/* The editor's rows show the table's columns: in order, switched on, then
 * the other fields switched off (the rows are rebuilt from the main loop). */
static gboolean
rows_match (gpointer data)
{
  KhColumnsEditor *editor = data;
  GListModel *columns = kh_task_table_get_columns (kh_columns_editor_get_table (editor));
  GtkWidget *list = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_COLUMNS_EDITOR, "list");
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row), i++)
    {
      gboolean shown = gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "switch"));

      if (i < g_list_model_get_n_items (columns))
        {
          g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);

          if (!shown || GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field")) != (int) kh_column_get_field (column))
            return FALSE;
        }
      else if (shown)
        return FALSE;
    }
  return i == KH_COLUMN_NOTES + 1;
}

static void
wait_rows (KhColumnsEditor *editor)
{
  g_assert_true (kh_ui_test_wait_for (rows_match, editor, 5000));
}

static GtkColumnView *
column_view (KhTaskTableView *view)
{
  GtkColumnView *column_view = kh_ui_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (column_view);
  return column_view;
}

static guint
n_view_columns (KhTaskTableView *view)
{
  return g_list_model_get_n_items (gtk_column_view_get_columns (column_view (view)));
}

/* TRUE when a view column is titled title. */
static gboolean
view_has_title (KhTaskTableView *view,
                const char      *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static KhColumnsEditor *
find_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (KH_IS_COLUMNS_EDITOR (l->data))
      return l->data;
  return NULL;
}

/* The printed document's text, with NFC and white space folded. */
static char *
render_text (KhDocument *doc)
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

  fd = g_file_open_tmp ("kh-columns-XXXXXX.pdf", &path, &error);
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

      g_string_append_printf (text, "%s\n", page_text);
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

/* A pause: the next change is an undo step of its own. */
static void
pause_step (void)
{
  kh_ui_test_spin (KH_EDIT_SESSION_GROUP_MS + 300);
}

static void
run_checks (KhWindow   *window,
            const char *lang)
{
  GtkWidget *bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "table_bar"));
  KhTaskTableView *view = KH_TASK_TABLE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW,
                                                                              "task_table_view"));
  KhColumnsEditor *editor;
  KhTaskTable *table = open_table (window);
  guint n_tasks = kh_task_table_get_n_tasks (table);
  guint n_view;
  g_autofree char *fields = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "tasks"));
  kh_ui_test_spin (200);
  fields = fields_of (table);
  g_assert_cmpstr (fields, ==, "number,content,lead,cooperating,product,timeframe");
  n_view = n_view_columns (view);

  /* The Columns… button of the table settings opens the editor on the table,
   * over the main window. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_template_child (bar, KH_TYPE_TABLE_BAR, "settings_button")));
  kh_ui_test_spin (100);
  g_signal_emit_by_name (gtk_widget_get_template_child (bar, KH_TYPE_TABLE_BAR, "columns_button"), "clicked");
  kh_ui_test_spin (300);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (kh_columns_editor_get_table (editor) == table);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  /* The rows: the table's columns in order with their headers, then the rest. */
  g_assert_cmpstr (gtk_editable_get_text (row_part (editor, KH_COLUMN_LEAD, "entry")), ==, "Cơ quan chủ trì");
  g_assert_true (gtk_switch_get_active (row_part (editor, KH_COLUMN_PRODUCT, "switch")));
  g_assert_false (gtk_switch_get_active (row_part (editor, KH_COLUMN_NOTES, "switch")));
  /* The task content cannot be hidden. */
  g_assert_false (gtk_widget_get_sensitive (row_part (editor, KH_COLUMN_CONTENT, "switch")));
  g_assert_true (gtk_widget_get_sensitive (row_part (editor, KH_COLUMN_LEAD, "switch")));
  name = g_strdup_printf ("columns-editor-%s", lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (editor), name);
  g_test_message ("screenshot: %s", shot);

  /* Hide the product: gone from the model and from the Tasks page. */
  gtk_switch_set_active (row_part (editor, KH_COLUMN_PRODUCT, "switch"), FALSE);
  wait_rows (editor);
  g_free (fields);
  fields = fields_of (table);
  g_assert_cmpstr (fields, ==, "number,content,lead,cooperating,timeframe");
  g_assert_cmpuint (n_view_columns (view), ==, n_view - 1);
  g_assert_false (view_has_title (view, "Dự kiến sản phẩm"));
  pause_step ();

  /* Show the notes: added at the end. */
  gtk_switch_set_active (row_part (editor, KH_COLUMN_NOTES, "switch"), TRUE);
  wait_rows (editor);
  g_free (fields);
  fields = fields_of (table);
  g_assert_cmpstr (fields, ==, "number,content,lead,cooperating,timeframe,notes");
  g_assert_cmpstr (header_of (table, KH_COLUMN_NOTES), ==, "Ghi chú");
  g_assert_cmpuint (n_view_columns (view), ==, n_view);
  g_assert_true (view_has_title (view, "Ghi chú"));
  pause_step ();

  /* Alt+Up's action on the focused cooperating row: before the lead; the
   * row keeps the focus, so a second press moves it again. */
  gtk_widget_grab_focus (row_part (editor, KH_COLUMN_COOPERATING, "entry"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "columns.move-up", NULL));
  wait_rows (editor);
  g_free (fields);
  fields = fields_of (table);
  g_assert_cmpstr (fields, ==, "number,content,cooperating,lead,timeframe,notes");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)),
                                         row_part (editor, KH_COLUMN_COOPERATING, "entry")));
  pause_step ();
  /* The Move Down button of the timeframe row. */
  g_signal_emit_by_name (row_part (editor, KH_COLUMN_TIMEFRAME, "down"), "clicked");
  wait_rows (editor);
  g_free (fields);
  fields = fields_of (table);
  g_assert_cmpstr (fields, ==, "number,content,cooperating,lead,notes,timeframe");
  /* The last column cannot move further down. */
  g_assert_false (gtk_widget_get_sensitive (row_part (editor, KH_COLUMN_TIMEFRAME, "down")));
  pause_step ();

  /* Rename a header: model, view column title, printed document. */
  gtk_editable_set_text (row_part (editor, KH_COLUMN_LEAD, "entry"), "Đơn vị chủ trì thực hiện");
  kh_ui_test_spin (100);
  g_assert_cmpstr (header_of (table, KH_COLUMN_LEAD), ==, "Đơn vị chủ trì thực hiện");
  g_assert_true (view_has_title (view, "Đơn vị chủ trì thực hiện"));
  g_assert_false (view_has_title (view, "Cơ quan chủ trì"));
  text = render_text (open_document (window));
  g_assert_nonnull (strstr (text, "Đơn vị chủ trì thực hiện"));
  g_assert_null (strstr (text, "Dự kiến sản phẩm"));
  g_free (name);
  g_free (shot);
  name = g_strdup_printf ("columns-editor-changed-%s", lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (editor), name);
  g_test_message ("screenshot: %s", shot);
  g_free (name);
  g_free (shot);
  name = g_strdup_printf ("columns-table-changed-%s", lang);
  shot = kh_ui_test_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", shot);
  pause_step ();

  /* One undo takes back the rename only; the editor follows the table that
   * undo puts in place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  kh_ui_test_spin (300);
  table = open_table (window);
  wait_rows (editor);
  g_assert_cmpstr (header_of (table, KH_COLUMN_LEAD), ==, "Cơ quan chủ trì");
  g_free (fields);
  fields = fields_of (table);
  g_assert_cmpstr (fields, ==, "number,content,cooperating,lead,notes,timeframe");
  g_assert_true (kh_columns_editor_get_table (editor) == table);
  g_assert_cmpstr (gtk_editable_get_text (row_part (editor, KH_COLUMN_LEAD, "entry")), ==, "Cơ quan chủ trì");
  g_assert_true (view_has_title (view, "Cơ quan chủ trì"));
  /* A second undo: the move down of the timeframe. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  kh_ui_test_spin (300);
  table = open_table (window);
  g_free (fields);
  fields = fields_of (table);
  g_assert_cmpstr (fields, ==, "number,content,cooperating,lead,timeframe,notes");
  pause_step ();

  /* Reset: the usual layout, the tasks untouched. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "columns.reset", NULL));
  wait_rows (editor);
  g_free (fields);
  fields = fields_of (table);
  g_assert_cmpstr (fields, ==, "number,content,product,lead,cooperating,timeframe");
  g_assert_cmpstr (header_of (table, KH_COLUMN_CONTENT), ==, "Nhiệm vụ");
  g_assert_cmpuint (kh_task_table_get_n_tasks (table), ==, n_tasks);
  g_assert_true (view_has_title (view, "Nhiệm vụ"));
  g_assert_cmpuint (n_view_columns (view), ==, n_view);

  gtk_window_close (GTK_WINDOW (editor));
  kh_ui_test_spin (100);
  g_assert_null (find_editor ());
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

  /* The 2023 Hà Tĩnh plan: TT | Nội dung công việc | Cơ quan chủ trì | … */
  docs = kh_window_get_documents (window);
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KH_TYPE_WINDOW, "document_list"));
  for (guint i = 0; i < g_list_model_get_n_items (docs) && !found; i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (docs, i);

      if (kh_document_info_get_year (info) == 2023)
        {
          gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), i, TRUE);
          found = TRUE;
        }
    }
  g_assert_true (found);
  kh_ui_test_spin (300);
  g_assert_cmpint (kh_document_get_year (open_document (window)), ==, 2023);
  run_checks (window, f->lang);

  g_application_quit (app);
}

static void
test_columns_editor (gconstpointer lang)
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
  g_test_add_data_func ("/ui/columns-editor/window", lang, test_columns_editor);
  return g_test_run ();
}
