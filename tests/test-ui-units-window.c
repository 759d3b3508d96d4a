/* test-ui-units-window.c — a user edits the units directory through the
 * window: adds, is refused a duplicate, renames in place, searches,
 * removes and undoes; the store holds the result each time. */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "kh-core.h"
#include "kh-units-window.h"
#include "ui-test-util.h"

typedef struct {
  char          *tmpdir;
  char          *db;
  KhStore       *store;
  KhUnitsWindow *window;
  const char    *lang;
} Fixture;

static GtkWidget *
child (Fixture *f, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->window), KH_TYPE_UNITS_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
nth_of_type (GtkWidget *root, GType type, guint n)
{
  g_autoptr(GPtrArray) found = kh_ui_test_find_all (root, type);

  g_assert_cmpuint (found->len, >, n);
  return g_ptr_array_index (found, n);
}

/* The unit at position i of the store's directory. */
static KhUnit *
stored_unit (Fixture *f, guint i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = kh_store_list_units (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (units), >, i);
  return g_list_model_get_item (units, i);
}

static guint
stored_count (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = kh_store_list_units (f->store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (units);
}

static void
assert_stored (Fixture *f, guint i, const char *name, const char *short_name)
{
  g_autoptr(KhUnit) unit = stored_unit (f, i);

  g_assert_cmpstr (kh_unit_get_name (unit), ==, name);
  g_assert_cmpstr (kh_unit_get_short_name (unit), ==, short_name);
}

static void
screenshot (Fixture *f, const char *what)
{
  g_autofree char *name = g_strdup_printf ("units-%s-%s", what, f->lang);
  g_autofree char *path = NULL;

  kh_ui_test_spin (300);
  path = kh_ui_test_screenshot (GTK_WIDGET (f->window), name);
  g_test_message ("screenshot: %s", path);
}

static void
setup (Fixture *f, gconstpointer lang)
{
  g_autoptr(GError) error = NULL;

  f->lang = lang;
  f->tmpdir = g_dir_make_tmp ("kh-ui-units-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->tmpdir, "test.db", NULL);
  f->store = kh_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_unit (f->store, "Văn phòng Sở", "VP", &error), >, 0);
  g_assert_cmpint (kh_store_add_unit (f->store, "Thanh tra Sở", "TTr", &error), >, 0);
  g_assert_no_error (error);

  f->window = KH_UNITS_WINDOW (kh_units_window_new (NULL, f->store));
  g_object_ref_sink (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  kh_ui_test_spin (300);
}

static void
teardown (Fixture *f, gconstpointer lang)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  for (const char *const *s = (const char *const[]) { "", "-wal", "-shm", NULL }; *s; s++)
    {
      g_autofree char *p = g_strconcat (f->db, *s, NULL);
      g_remove (p);
    }
  g_rmdir (f->tmpdir);
  g_free (f->db);
  g_free (f->tmpdir);
}

/* Typing a name and pressing Enter adds the unit; a name already there
 * is refused with the store's message, and nothing changes. */
static void
test_add (Fixture *f, gconstpointer lang)
{
  GtkWidget *name_row = child (f, "name_row");
  GtkWidget *short_row = child (f, "short_name_row");
  GtkWidget *add_button = child (f, "add_button");
  GtkWidget *error_label = child (f, "add_error_label");
  g_autoptr(GError) expected = NULL;
  GtkWidget *focus;

  g_assert_cmpuint (g_list_model_get_n_items (kh_units_window_get_units (f->window)), ==, 2);

  /* Ctrl+N puts the cursor in the name field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "units.new", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == name_row || gtk_widget_is_ancestor (focus, name_row));

  /* Nothing to add while the name is blank. */
  g_assert_false (gtk_widget_get_sensitive (add_button));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_false (gtk_widget_get_sensitive (add_button));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Trung tâm Công nghệ thông tin");
  gtk_editable_set_text (GTK_EDITABLE (short_row), "TTCNTT");
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_signal_emit_by_name (short_row, "entry-activated");  /* Enter */
  kh_ui_test_spin (100);

  g_assert_cmpuint (stored_count (f), ==, 3);
  assert_stored (f, 2, "Trung tâm Công nghệ thông tin", "TTCNTT");
  g_assert_cmpuint (g_list_model_get_n_items (kh_units_window_get_units (f->window)), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (short_row)), ==, "");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* A duplicate (spaces around it do not make it new). */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  Văn phòng Sở ");
  gtk_editable_set_text (GTK_EDITABLE (short_row), "VPS");
  g_signal_emit_by_name (add_button, "clicked");
  kh_ui_test_spin (100);

  g_assert_cmpuint (stored_count (f), ==, 3);
  assert_stored (f, 0, "Văn phòng Sở", "VP");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpint (kh_store_add_unit (f->store, "Văn phòng Sở", NULL, &expected), ==, 0);
  g_assert_error (expected, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  /* What the user typed stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "  Văn phòng Sở ");
  screenshot (f, "duplicate");

  /* Correcting the text clears the message. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Văn phòng Sở 2");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* A unit added elsewhere (another window) shows at once. */
  g_assert_cmpint (kh_store_add_unit (f->store, "Chi cục Tiêu chuẩn Đo lường Chất lượng", "CCTCĐLCL", NULL), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kh_units_window_get_units (f->window)), ==, 4);
}

/* Expanding a unit and applying a new name renames it in the store; the
 * row stays (and stays open). A name taken by another unit is refused. */
static void
test_rename (Fixture *f, gconstpointer lang)
{
  GtkListBox *list = GTK_LIST_BOX (child (f, "units_list"));
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
  GtkWidget *name_entry, *short_entry, *error_label;
  g_autofree char *title = NULL;

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  kh_ui_test_spin (100);

  name_entry = nth_of_type (row, ADW_TYPE_ENTRY_ROW, 0);
  short_entry = nth_of_type (row, ADW_TYPE_ENTRY_ROW, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "Thanh tra Sở");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (short_entry)), ==, "TTr");

  /* Markup characters are plain text. */
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Thanh tra Sở KH&CN");
  g_signal_emit_by_name (name_entry, "apply");
  kh_ui_test_spin (100);
  assert_stored (f, 1, "Thanh tra Sở KH&CN", "TTr");
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)) == row);
  g_object_get (row, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Thanh tra Sở KH&CN");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  gtk_editable_set_text (GTK_EDITABLE (short_entry), "TT");
  g_signal_emit_by_name (short_entry, "apply");
  kh_ui_test_spin (100);
  assert_stored (f, 1, "Thanh tra Sở KH&CN", "TT");

  /* The other unit's name: refused, shown in the row, store unchanged. */
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Văn phòng Sở");
  g_signal_emit_by_name (name_entry, "apply");
  kh_ui_test_spin (100);
  assert_stored (f, 0, "Văn phòng Sở", "VP");
  assert_stored (f, 1, "Thanh tra Sở KH&CN", "TT");
  g_assert_true (gtk_widget_has_css_class (name_entry, "error"));
  error_label = NULL;
  {
    g_autoptr(GPtrArray) labels = kh_ui_test_find_all (row, GTK_TYPE_LABEL);

    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_has_css_class (labels->pdata[i], "error"))
        error_label = labels->pdata[i];
  }
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Văn phòng Sở"));
  screenshot (f, "rename");

  /* A blank name is refused too. */
  gtk_editable_set_text (GTK_EDITABLE (name_entry), " ");
  g_signal_emit_by_name (name_entry, "apply");
  assert_stored (f, 1, "Thanh tra Sở KH&CN", "TT");
  g_assert_true (gtk_widget_get_visible (error_label));

  /* Closing the row drops what was not applied. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "Thanh tra Sở KH&CN");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (name_entry, "error"));
}

static gboolean
shows_n (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];
  guint n = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return g_list_model_get_n_items (kh_units_window_get_units (f->window)) == n;
}

/* Ctrl+F, then words without diacritics narrow the list. */
static void
test_search (Fixture *f, gconstpointer lang)
{
  GtkWidget *entry = child (f, "search_entry");
  gpointer one[] = { f, GUINT_TO_POINTER (1) };
  gpointer two[] = { f, GUINT_TO_POINTER (2) };
  g_autoptr(KhUnit) unit = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "units.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (child (f, "search_bar"))));

  gtk_editable_set_text (GTK_EDITABLE (entry), "van phong");
  g_assert_true (kh_ui_test_wait_for (shows_n, one, 2000));
  unit = g_list_model_get_item (kh_units_window_get_units (f->window), 0);
  g_assert_cmpstr (kh_unit_get_name (unit), ==, "Văn phòng Sở");

  /* Short names count too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ttr");
  g_assert_true (kh_ui_test_wait_for (shows_n, one, 2000));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (kh_ui_test_wait_for (shows_n, two, 2000));
}

/* The trash button removes at once; the toast's Undo puts the unit back
 * in its place. */
static void
test_remove_undo (Fixture *f, gconstpointer lang)
{
  GtkListBox *list = GTK_LIST_BOX (child (f, "units_list"));
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_autoptr(GPtrArray) buttons = kh_ui_test_find_all (row, GTK_TYPE_BUTTON);
  GtkWidget *remove = NULL, *undo = NULL;

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "units.remove") == 0)
      remove = buttons->pdata[i];
  g_assert_nonnull (remove);
  g_assert_nonnull (gtk_widget_get_tooltip_text (remove));

  g_signal_emit_by_name (remove, "clicked");
  kh_ui_test_spin (200);
  g_assert_cmpuint (stored_count (f), ==, 1);
  assert_stored (f, 0, "Thanh tra Sở", "TTr");
  g_assert_cmpuint (g_list_model_get_n_items (kh_units_window_get_units (f->window)), ==, 1);
  screenshot (f, "removed");

  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = kh_ui_test_find_all (child (f, "toast_overlay"), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "units.restore") == 0)
      undo = buttons->pdata[i];
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  kh_ui_test_spin (200);

  g_assert_cmpuint (stored_count (f), ==, 2);
  assert_stored (f, 0, "Văn phòng Sở", "VP");
  assert_stored (f, 1, "Thanh tra Sở", "TTr");
  g_assert_cmpuint (g_list_model_get_n_items (kh_units_window_get_units (f->window)), ==, 2);
}

int
main (int argc, char *argv[])
{
  const char *lang = kh_ui_test_lang ();
  gboolean have_display;

  have_display = kh_ui_test_init (&argc, &argv);
  if (have_display)
    adw_init ();

  KH_UI_TEST_ADD (have_display, "/ui/units-window/add", Fixture, lang, setup, test_add, teardown);
  KH_UI_TEST_ADD (have_display, "/ui/units-window/rename", Fixture, lang, setup, test_rename, teardown);
  KH_UI_TEST_ADD (have_display, "/ui/units-window/search", Fixture, lang, setup, test_search, teardown);
  KH_UI_TEST_ADD (have_display, "/ui/units-window/remove-undo", Fixture, lang, setup, test_remove_undo, teardown);
  return g_test_run ();
}
