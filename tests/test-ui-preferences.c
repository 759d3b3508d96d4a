/* test-ui-preferences.c — the preferences window edits the settings (and
 * follows them), keeps the page layout within Nghị định 30's ranges, and
 * the settings become render options. Runs with the memory settings
 * backend: each test starts from the schema's defaults. */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-preferences-window.h"
#include "kh-settings-util.h"
#include "ui-test-util.h"

typedef struct {
  GSettings           *settings;
  KhPreferencesWindow *window;
  const char          *lang;
} Fixture;

static GtkWidget *
child (Fixture *f, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->window), KH_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
screenshot (Fixture *f, const char *what)
{
  g_autofree char *name = g_strdup_printf ("preferences-%s-%s", what, f->lang);
  g_autofree char *path = NULL;

  kh_ui_test_spin (300);
  path = kh_ui_test_screenshot (GTK_WIDGET (f->window), name);
  g_test_message ("screenshot: %s", path);
}

static void
reset_all (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    g_settings_reset (settings, keys[i]);
}

static void
setup (Fixture *f, gconstpointer lang)
{
  f->lang = lang;
  f->settings = g_settings_new ("io.github.kehoach.KeHoach");
  reset_all (f->settings);
  f->window = KH_PREFERENCES_WINDOW (kh_preferences_window_new (NULL, f->settings));
  g_object_ref_sink (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  kh_ui_test_spin (200);
}

static void
teardown (Fixture *f, gconstpointer lang)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->settings);
}

static void
assert_setting_string (Fixture *f, const char *key, const char *expected)
{
  g_autofree char *value = g_settings_get_string (f->settings, key);

  g_assert_cmpstr (value, ==, expected);
}

/* Agency, place and signer: typed text is the setting; a setting changed
 * elsewhere shows in the field. */
static void
test_document_defaults (Fixture *f, gconstpointer lang)
{
  AdwComboRow *prefix = ADW_COMBO_ROW (child (f, "signer_prefix_row"));
  static const struct { const char *row, *key, *text; } fields[] = {
    { "agency_row", "default-agency", "SỞ KHOA HỌC VÀ CÔNG NGHỆ" },
    { "parent_agency_row", "default-parent-agency", "UBND TỈNH HƯNG YÊN" },
    { "agency_abbrev_row", "default-agency-abbrev", "SKHCN" },
    { "place_row", "default-place", "Hưng Yên" },
    { "signer_authority_row", "default-signer-authority", "GIÁM ĐỐC" },
    { "signer_title_row", "default-signer-title", "PHÓ GIÁM ĐỐC" },
    { "signer_name_row", "default-signer-name", "Nguyễn Văn An" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = child (f, fields[i].row);

      gtk_editable_set_text (GTK_EDITABLE (row), fields[i].text);
      assert_setting_string (f, fields[i].key, fields[i].text);
    }

  g_settings_set_string (f->settings, "default-place", "Bà Rịa - Vũng Tàu");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "place_row"))), ==, "Bà Rịa - Vũng Tàu");

  /* Signing in one's own right is the default; "KT." is the third choice. */
  g_assert_cmpuint (adw_combo_row_get_selected (prefix), ==, 0);
  adw_combo_row_set_selected (prefix, 2);
  assert_setting_string (f, "default-signer-prefix", "KT.");
  g_settings_set_string (f->settings, "default-signer-prefix", "TUQ.");
  g_assert_cmpuint (adw_combo_row_get_selected (prefix), ==, 4);
  adw_combo_row_set_selected (prefix, 0);
  assert_setting_string (f, "default-signer-prefix", "");

  adw_combo_row_set_selected (prefix, 2);
  screenshot (f, "defaults");
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n))
    n++;
  return n;
}

static void
assert_recipients (Fixture *f, const char *const *expected)
{
  g_auto(GStrv) stored = g_settings_get_strv (f->settings, "default-recipients");
  g_autofree char *joined = g_strjoinv ("|", stored);

  g_test_message ("recipients: %s", joined);
  g_assert_true (g_strv_equal ((const char *const *) stored, expected));
}

/* The recipients list: add rows, type, remove one; blank rows are not
 * stored; a list set elsewhere replaces the rows. */
static void
test_recipients (Fixture *f, gconstpointer lang)
{
  GtkListBox *list = GTK_LIST_BOX (child (f, "recipients_list"));
  GtkWidget *first, *second, *remove = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *focus;

  g_assert_cmpuint (n_rows (list), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.add-recipient", NULL));
  g_assert_cmpuint (n_rows (list), ==, 1);
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == first || gtk_widget_is_ancestor (focus, first));
  assert_recipients (f, (const char *[]) { NULL });

  gtk_editable_set_text (GTK_EDITABLE (first), "Như Điều 3;");
  assert_recipients (f, (const char *[]) { "Như Điều 3;", NULL });

  gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.add-recipient", NULL);
  second = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
  gtk_editable_set_text (GTK_EDITABLE (second), "Giám đốc Sở;");
  assert_recipients (f, (const char *[]) { "Như Điều 3;", "Giám đốc Sở;", NULL });
  g_assert_cmpuint (n_rows (list), ==, 2);
  /* The rows were not rebuilt under the user's typing. */
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)) == first);

  /* Show the list: scroll the page to its end. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    kh_ui_test_spin (100);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  }
  screenshot (f, "recipients");

  buttons = kh_ui_test_find_all (first, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), "user-trash-symbolic") == 0)
      remove = buttons->pdata[i];
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  assert_recipients (f, (const char *[]) { "Giám đốc Sở;", NULL });
  g_assert_cmpuint (n_rows (list), ==, 1);

  g_settings_set_strv (f->settings, "default-recipients",
                       (const char *[]) { "UBND tỉnh;", "Lãnh đạo Sở;", "Các phòng, đơn vị thuộc Sở;", NULL });
  kh_ui_test_spin (50);
  g_assert_cmpuint (n_rows (list), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (list, 2))), ==,
                   "Các phòng, đơn vị thuộc Sở;");
}

typedef struct {
  const char *spin;
  const char *key;
  double      lower, upper, fallback;
} Margin;

/* Nghị định 30/2020/NĐ-CP, Phụ lục I: the margins and their defaults. */
static const Margin margins[] = {
  { "margin_top_spin", "margin-top", 20, 25, 20 },
  { "margin_bottom_spin", "margin-bottom", 20, 25, 20 },
  { "margin_left_spin", "margin-left", 30, 35, 30 },
  { "margin_right_spin", "margin-right", 15, 20, 15 },
};

/* The font size is 13 or 14; each margin follows its spin button and can
 * only be set within the decree's range, typed or stepped. */
static void
test_printing (Fixture *f, gconstpointer lang)
{
  AdwComboRow *font = ADW_COMBO_ROW (child (f, "font_size_row"));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "printing");

  g_assert_cmpuint (adw_combo_row_get_selected (font), ==, 0);
  adw_combo_row_set_selected (font, 1);
  g_assert_cmpint (g_settings_get_int (f->settings, "font-size"), ==, 14);
  g_settings_set_int (f->settings, "font-size", 13);
  g_assert_cmpuint (adw_combo_row_get_selected (font), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (margins); i++)
    {
      const Margin *m = &margins[i];
      GtkSpinButton *spin = GTK_SPIN_BUTTON (child (f, m->spin));
      GtkAdjustment *adj = gtk_spin_button_get_adjustment (spin);

      g_test_message ("%s", m->key);
      g_assert_cmpfloat (gtk_adjustment_get_lower (adj), ==, m->lower);
      g_assert_cmpfloat (gtk_adjustment_get_upper (adj), ==, m->upper);
      g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, m->fallback);

      gtk_spin_button_set_value (spin, m->lower + 2.5);
      g_assert_cmpfloat (g_settings_get_double (f->settings, m->key), ==, m->lower + 2.5);

      /* Beyond either end: held at the limit. */
      gtk_spin_button_set_value (spin, m->upper + 10);
      g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, m->upper);
      g_assert_cmpfloat (g_settings_get_double (f->settings, m->key), ==, m->upper);
      gtk_spin_button_set_value (spin, 0);
      g_assert_cmpfloat (g_settings_get_double (f->settings, m->key), ==, m->lower);

      /* Typed (what Enter or leaving the field commits). */
      gtk_editable_set_text (GTK_EDITABLE (spin), "99");
      gtk_spin_button_update (spin);
      g_assert_cmpfloat (g_settings_get_double (f->settings, m->key), ==, m->upper);

      /* Up arrow at the top does nothing more. */
      gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 1);
      g_assert_cmpfloat (g_settings_get_double (f->settings, m->key), ==, m->upper);

      /* Changed elsewhere: the spin button follows. */
      g_settings_set_double (f->settings, m->key, m->lower + 1);
      g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, m->lower + 1);
    }
  screenshot (f, "printing");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.reset-margins", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (margins); i++)
    {
      g_assert_cmpfloat (g_settings_get_double (f->settings, margins[i].key), ==, margins[i].fallback);
      g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (f, margins[i].spin))), ==,
                         margins[i].fallback);
    }
}

/* What the user set is what the renderer gets. */
static void
test_render_options (Fixture *f, gconstpointer lang)
{
  KhRenderOptions options, defaults;
  g_autoptr(GError) error = NULL;

  kh_render_options_init (&defaults);
  kh_render_options_from_settings (&options, f->settings);
  g_assert_cmpfloat (options.font_size, ==, 13);
  g_assert_cmpfloat (options.margin_top, ==, 20);
  g_assert_cmpfloat (options.margin_bottom, ==, 20);
  g_assert_cmpfloat (options.margin_left, ==, 30);
  g_assert_cmpfloat (options.margin_right, ==, 15);

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "font_size_row")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (f, "margin_top_spin")), 24);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (f, "margin_bottom_spin")), 21.5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (f, "margin_left_spin")), 33);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (f, "margin_right_spin")), 18);

  kh_render_options_from_settings (&options, f->settings);
  g_assert_cmpfloat (options.font_size, ==, 14);
  g_assert_cmpfloat (options.margin_top, ==, 24);
  g_assert_cmpfloat (options.margin_bottom, ==, 21.5);
  g_assert_cmpfloat (options.margin_left, ==, 33);
  g_assert_cmpfloat (options.margin_right, ==, 18);
  g_assert_cmpint (options.landscape_wide_tables, ==, defaults.landscape_wide_tables);
  g_assert_true (kh_render_options_validate (&options, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  const char *lang = kh_ui_test_lang ();
  gboolean have_display;

  have_display = kh_ui_test_init (&argc, &argv);
  if (have_display)
    adw_init ();

  KH_UI_TEST_ADD (have_display, "/ui/preferences/document-defaults", Fixture, lang, setup, test_document_defaults, teardown);
  KH_UI_TEST_ADD (have_display, "/ui/preferences/recipients", Fixture, lang, setup, test_recipients, teardown);
  KH_UI_TEST_ADD (have_display, "/ui/preferences/printing", Fixture, lang, setup, test_printing, teardown);
  KH_UI_TEST_ADD (have_display, "/ui/preferences/render-options", Fixture, lang, setup, test_render_options, teardown);
  return g_test_run ();
}
