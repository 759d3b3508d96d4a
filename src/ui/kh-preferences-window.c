/* kh-preferences-window.c — the user's defaults and the page layout
 *
 * Every widget is bound to its key with g_settings_bind, so the settings
 * are the only state. The recipients (a string array) are the exception:
 * their rows are written back as a whole on each keystroke, blank lines
 * left out, and rebuilt only when the key changes to something the rows
 * do not already show (a change made elsewhere), so typing keeps focus.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-preferences-window.h"
#include "kh-signer.h"

struct _KhPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings     *settings;

  AdwEntryRow   *parent_agency_row;
  AdwEntryRow   *agency_row;
  AdwEntryRow   *agency_abbrev_row;
  AdwEntryRow   *place_row;
  AdwComboRow   *signer_prefix_row;
  AdwEntryRow   *signer_authority_row;
  AdwEntryRow   *signer_title_row;
  AdwEntryRow   *signer_name_row;
  GtkListBox    *recipients_list;
  AdwComboRow   *font_size_row;
  AdwActionRow  *margin_top_row;
  AdwActionRow  *margin_bottom_row;
  AdwActionRow  *margin_left_row;
  AdwActionRow  *margin_right_row;
  GtkSpinButton *margin_top_spin;
  GtkSpinButton *margin_bottom_spin;
  GtkSpinButton *margin_left_spin;
  GtkSpinButton *margin_right_spin;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KhPreferencesWindow, kh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The choices of "default-signer-prefix": the combo row lists them in
 * kh_signer_prefix_at()'s order, index 0 signing in one's own right. */

/* The font sizes of the combo row, in its order. */
static const int font_sizes[] = { 13, 14 };

static const char *const margin_keys[] = {
  "margin-top", "margin-bottom", "margin-left", "margin-right",
};

/* Mappings ------------------------------------------------------------------- */

static gboolean
prefix_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  int i = kh_signer_prefix_index (g_variant_get_string (variant, NULL));

  if (i < 0)
    return FALSE;
  g_value_set_uint (value, i);
  return TRUE;
}

static GVariant *
index_to_prefix (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  const char *prefix = kh_signer_prefix_at (g_value_get_uint (value));

  /* None for GTK_INVALID_LIST_POSITION while the combo's model changes */
  if (prefix == NULL)
    return NULL;
  return g_variant_new_string (prefix);
}

static gboolean
size_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  int size = g_variant_get_int32 (variant);

  for (guint i = 0; i < G_N_ELEMENTS (font_sizes); i++)
    if (font_sizes[i] == size)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_size (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (font_sizes))
    return NULL;
  return g_variant_new_int32 (font_sizes[i]);
}

/* Margins -------------------------------------------------------------------- */

/* Limits the spin button to the key's range in the schema (the decree's),
 * shows that range under the row's title, and binds the value. */
static void
bind_margin (KhPreferencesWindow *self,
             const char          *key,
             AdwActionRow        *row,
             GtkSpinButton       *spin)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  g_autofree char *subtitle = NULL;
  const char *kind;
  double lower = 0, upper = 100;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &kind, &limits);
  if (g_str_equal (kind, "range"))
    g_variant_get (limits, "(dd)", &lower, &upper);

  gtk_spin_button_set_adjustment (spin, gtk_adjustment_new (lower, lower, upper, 0.5, 1, 0));
  /* TRANSLATORS: the allowed range of a page margin, e.g. "20–25 mm" */
  subtitle = g_strdup_printf (_("%g–%g mm"), lower, upper);
  adw_action_row_set_subtitle (row, subtitle);
  g_settings_bind (self->settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
reset_margins_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (margin_keys); i++)
    g_settings_reset (self->settings, margin_keys[i]);
}

/* Recipients ----------------------------------------------------------------- */

/* The recipients the rows show: trimmed, blank rows left out. */
static GStrv
shown_recipients (KhPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->recipients_list, i)) != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      if (*line != '\0')
        g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

static void
write_recipients (KhPreferencesWindow *self)
{
  g_auto(GStrv) lines = shown_recipients (self);

  g_settings_set_strv (self->settings, "default-recipients", (const char * const *) lines);
}

static void
remove_recipient_clicked (GtkButton   *button,
                          AdwEntryRow *row)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (row)));

  gtk_list_box_remove (self->recipients_list, GTK_WIDGET (row));
  write_recipients (self);
}

static AdwEntryRow *
append_recipient_row (KhPreferencesWindow *self,
                      const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Recipient"));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (write_recipients), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Recipient"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_recipient_clicked), row, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  gtk_list_box_append (self->recipients_list, row);
  return ADW_ENTRY_ROW (row);
}

static void
recipients_changed_cb (KhPreferencesWindow *self)
{
  g_auto(GStrv) stored = g_settings_get_strv (self->settings, "default-recipients");
  g_auto(GStrv) shown = shown_recipients (self);
  GtkWidget *child;

  if (g_strv_equal ((const char * const *) stored, (const char * const *) shown))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recipients_list))) != NULL)
    gtk_list_box_remove (self->recipients_list, child);
  for (guint i = 0; stored[i] != NULL; i++)
    append_recipient_row (self, stored[i]);
}

static void
add_recipient_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (widget);

  /* Blank until typed in: written to the settings with its first letter. */
  gtk_widget_grab_focus (GTK_WIDGET (append_recipient_row (self, "")));
}

/* The object ----------------------------------------------------------------- */

static void
bind_text (KhPreferencesWindow *self,
           const char          *key,
           AdwEntryRow         *row)
{
  g_settings_bind (self->settings, key, row, "text", G_SETTINGS_BIND_DEFAULT);
}

static void
set_settings (KhPreferencesWindow *self,
              GSettings           *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  self->settings = g_object_ref (settings);

  bind_text (self, "default-parent-agency", self->parent_agency_row);
  bind_text (self, "default-agency", self->agency_row);
  bind_text (self, "default-agency-abbrev", self->agency_abbrev_row);
  bind_text (self, "default-place", self->place_row);
  bind_text (self, "default-signer-authority", self->signer_authority_row);
  bind_text (self, "default-signer-title", self->signer_title_row);
  bind_text (self, "default-signer-name", self->signer_name_row);
  g_settings_bind_with_mapping (settings, "default-signer-prefix",
                                self->signer_prefix_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                prefix_to_index, index_to_prefix, NULL, NULL);

  g_signal_connect_object (settings, "changed::default-recipients",
                           G_CALLBACK (recipients_changed_cb), self, G_CONNECT_SWAPPED);
  recipients_changed_cb (self);

  g_settings_bind_with_mapping (settings, "font-size",
                                self->font_size_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                size_to_index, index_to_size, NULL, NULL);
  bind_margin (self, "margin-top", self->margin_top_row, self->margin_top_spin);
  bind_margin (self, "margin-bottom", self->margin_bottom_row, self->margin_bottom_spin);
  bind_margin (self, "margin-left", self->margin_left_row, self->margin_left_spin);
  bind_margin (self, "margin-right", self->margin_right_row, self->margin_right_spin);
}

GSettings *
kh_preferences_window_get_settings (KhPreferencesWindow *self)
{
  g_return_val_if_fail (KH_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}

GtkWidget *
kh_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (KH_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

static void
kh_preferences_window_dispose (GObject *object)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kh_preferences_window_parent_class)->dispose (object);
}

static void
kh_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      set_settings (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_preferences_window_class_init (KhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_preferences_window_dispose;
  object_class->get_property = kh_preferences_window_get_property;
  object_class->set_property = kh_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "prefs.add-recipient", NULL, add_recipient_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-margins", NULL, reset_margins_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-preferences-window.ui");
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, name)
  BIND_CHILD (parent_agency_row);
  BIND_CHILD (agency_row);
  BIND_CHILD (agency_abbrev_row);
  BIND_CHILD (place_row);
  BIND_CHILD (signer_prefix_row);
  BIND_CHILD (signer_authority_row);
  BIND_CHILD (signer_title_row);
  BIND_CHILD (signer_name_row);
  BIND_CHILD (recipients_list);
  BIND_CHILD (font_size_row);
  BIND_CHILD (margin_top_row);
  BIND_CHILD (margin_bottom_row);
  BIND_CHILD (margin_left_row);
  BIND_CHILD (margin_right_row);
  BIND_CHILD (margin_top_spin);
  BIND_CHILD (margin_bottom_spin);
  BIND_CHILD (margin_left_spin);
  BIND_CHILD (margin_right_spin);
#undef BIND_CHILD
}

static void
kh_preferences_window_init (KhPreferencesWindow *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No recipients"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->recipients_list, placeholder);
}
