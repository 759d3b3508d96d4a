/* kh-units-window.c — the editor of the department's directory of units
 *
 * The store is the only truth: the window never changes its own list but
 * calls the store and re-reads the directory on "units-changed". The
 * re-read updates the shown KhUnit objects in place, so a rename does not
 * rebuild the rows (an expanded row stays open, the focus stays put).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-units-window.h"
#include "kh-unit.h"
#include "kh-vntext.h"

struct _KhUnitsWindow
{
  AdwWindow           parent_instance;

  KhStore            *store;
  gulong              units_changed_id;
  GListStore         *units;       /* KhUnit, mirrors the store */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkWidget          *placeholder;

  AdwToastOverlay    *toast_overlay;
  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  AdwEntryRow        *name_row;
  AdwEntryRow        *short_name_row;
  GtkLabel           *add_error_label;
  GtkListBox         *units_list;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KhUnitsWindow, kh_units_window, ADW_TYPE_WINDOW)

/* The widgets of one unit's row, kept on the row. */
typedef struct {
  KhUnitsWindow *window;   /* not a reference: the window owns the row */
  KhUnit        *unit;
  AdwEntryRow   *name_row;
  AdwEntryRow   *short_name_row;
  GtkLabel      *error_label;
} UnitRow;

static void
unit_row_free (gpointer data)
{
  UnitRow *row = data;

  g_clear_object (&row->unit);
  g_free (row);
}

static void
show_toast (KhUnitsWindow *self,
            const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Reading the directory ----------------------------------------------------- */

static guint
find_unit_from (GListModel *model,
                guint       start,
                gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = start; i < n; i++)
    {
      g_autoptr(KhUnit) unit = g_list_model_get_item (model, i);

      if (kh_unit_get_id (unit) == id)
        return i;
    }
  return G_MAXUINT;
}

/* Makes self->units equal to the store's directory, keeping the objects
 * (and so the rows) of units that are still there. */
static void
reload_units (KhUnitsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fresh = kh_store_list_units (self->store, &error);
  guint n;

  if (fresh == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (fresh);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhUnit) unit = g_list_model_get_item (fresh, i);
      guint found = find_unit_from (G_LIST_MODEL (self->units), i, kh_unit_get_id (unit));

      if (found == G_MAXUINT)
        {
          g_list_store_insert (self->units, i, unit);
        }
      else
        {
          g_autoptr(KhUnit) shown = NULL;

          /* Units before it are gone (or moved: they come back later). */
          if (found > i)
            g_list_store_splice (self->units, i, found - i, NULL, 0);
          shown = g_list_model_get_item (G_LIST_MODEL (self->units), i);
          kh_unit_set_name (shown, kh_unit_get_name (unit));
          kh_unit_set_short_name (shown, kh_unit_get_short_name (unit));
        }
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->units)) > n)
    g_list_store_splice (self->units, n,
                         g_list_model_get_n_items (G_LIST_MODEL (self->units)) - n, NULL, 0);
}

/* Search --------------------------------------------------------------------- */

static gboolean
unit_matches (gpointer item,
              gpointer user_data)
{
  KhUnitsWindow *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return kh_vn_fold_contains (kh_unit_get_name (item), query) ||
         kh_vn_fold_contains (kh_unit_get_short_name (item), query);
}

static void
search_changed_cb (KhUnitsWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_label_set_text (GTK_LABEL (self->placeholder),
                      *query ? _("No unit matches the search") : _("The directory is empty"));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KhUnitsWindow *self = KH_UNITS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Adding --------------------------------------------------------------------- */

static void
new_unit_changed_cb (KhUnitsWindow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  /* A stale error would describe text that is no longer there. */
  show_error (self->add_error_label, NULL);
  set_row_error (self->name_row, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.add", *trimmed != '\0');
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  KhUnitsWindow *self = KH_UNITS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (kh_store_add_unit (self->store,
                         gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                         gtk_editable_get_text (GTK_EDITABLE (self->short_name_row)),
                         &error) == 0)
    {
      show_error (self->add_error_label, error->message);
      set_row_error (self->name_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->short_name_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
new_unit_activated_cb (KhUnitsWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "units.add", NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (KH_UNITS_WINDOW (widget)->name_row));
}

/* Renaming ------------------------------------------------------------------- */

/* Commits the field the user applied; the other one keeps its stored
 * value (it has its own apply button). */
static void
apply_unit (UnitRow     *row,
            AdwEntryRow *applied)
{
  const char *name = kh_unit_get_name (row->unit);
  const char *short_name = kh_unit_get_short_name (row->unit);
  g_autoptr(GError) error = NULL;

  if (applied == row->name_row)
    name = gtk_editable_get_text (GTK_EDITABLE (applied));
  else
    short_name = gtk_editable_get_text (GTK_EDITABLE (applied));

  if (!kh_store_update_unit (row->window->store, kh_unit_get_id (row->unit),
                             name, short_name, &error))
    {
      show_error (row->error_label, error->message);
      set_row_error (applied, TRUE);
      return;
    }
  show_error (row->error_label, NULL);
  set_row_error (row->name_row, FALSE);
  set_row_error (row->short_name_row, FALSE);
}

static void
name_applied_cb (AdwEntryRow *entry,
                 UnitRow     *row)
{
  apply_unit (row, entry);
}

/* Closing a row drops the edits that were not applied, and their error. */
static void
expanded_changed_cb (AdwExpanderRow *expander,
                     GParamSpec     *pspec,
                     UnitRow        *row)
{
  if (adw_expander_row_get_expanded (expander))
    return;
  gtk_editable_set_text (GTK_EDITABLE (row->name_row), kh_unit_get_name (row->unit));
  gtk_editable_set_text (GTK_EDITABLE (row->short_name_row), kh_unit_get_short_name (row->unit));
  show_error (row->error_label, NULL);
  set_row_error (row->name_row, FALSE);
  set_row_error (row->short_name_row, FALSE);
}

static GtkWidget *
create_unit_row (gpointer item,
                 gpointer user_data)
{
  KhUnit *unit = item;
  UnitRow *data = g_new0 (UnitRow, 1);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  data->window = user_data;
  data->unit = g_object_ref (unit);
  data->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  data->short_name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  data->error_label = GTK_LABEL (gtk_label_new (NULL));
  g_object_set_data_full (G_OBJECT (row), "kh-unit-row", data, unit_row_free);

  /* Unit names are plain text, never Pango markup ("Phòng Kế hoạch & Tài chính"). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (unit, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (unit, "short-name", row, "subtitle", G_BINDING_SYNC_CREATE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->name_row), C_("unit", "Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->short_name_row), _("Short name"));
  g_object_bind_property (unit, "name", data->name_row, "text", G_BINDING_SYNC_CREATE);
  g_object_bind_property (unit, "short-name", data->short_name_row, "text", G_BINDING_SYNC_CREATE);
  adw_entry_row_set_show_apply_button (data->name_row, TRUE);
  adw_entry_row_set_show_apply_button (data->short_name_row, TRUE);
  g_signal_connect (data->name_row, "apply", G_CALLBACK (name_applied_cb), data);
  g_signal_connect (data->short_name_row, "apply", G_CALLBACK (name_applied_cb), data);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (data->name_row));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (data->short_name_row));

  gtk_label_set_wrap (data->error_label, TRUE);
  gtk_label_set_xalign (data->error_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (data->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (data->error_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (data->error_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (data->error_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (data->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->error_label), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (data->error_label));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_changed_cb), data);

  gtk_widget_set_tooltip_text (remove, _("Remove Unit"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "units.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", kh_unit_get_id (unit));
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (row), remove);
#else
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
#endif

  return row;
}

/* Removing ------------------------------------------------------------------- */

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KhUnitsWindow *self = KH_UNITS_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);
  guint position = find_unit_from (G_LIST_MODEL (self->units), 0, id);
  g_autoptr(KhUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (position == G_MAXUINT)
    return;
  /* Keep the names: the store forgets them on removal. */
  unit = g_list_model_get_item (G_LIST_MODEL (self->units), position);
  if (!kh_store_remove_unit (self->store, id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  title = g_strdup_printf (_("“%s” removed"), kh_unit_get_name (unit));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "units.restore");
  adw_toast_set_action_target (toast, "(ssu)", kh_unit_get_name (unit),
                               kh_unit_get_short_name (unit), position);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KhUnitsWindow *self = KH_UNITS_WINDOW (widget);
  const char *name, *short_name;
  guint position;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_variant_get (param, "(&s&su)", &name, &short_name, &position);
  /* The directory may have changed meanwhile (a unit of the same name
   * added): the store refuses then, and says so. */
  id = kh_store_add_unit (self->store, name, short_name, &error);
  if (id == 0 || !kh_store_move_unit (self->store, id, position, &error))
    show_toast (self, error->message);
}

/* The object ----------------------------------------------------------------- */

static void
set_store (KhUnitsWindow *self,
           KhStore       *store)
{
  g_return_if_fail (KH_IS_STORE (store));

  self->store = g_object_ref (store);
  self->units_changed_id = g_signal_connect_swapped (store, "units-changed",
                                                     G_CALLBACK (reload_units), self);
  reload_units (self);
}

KhStore *
kh_units_window_get_store (KhUnitsWindow *self)
{
  g_return_val_if_fail (KH_IS_UNITS_WINDOW (self), NULL);

  return self->store;
}

GListModel *
kh_units_window_get_units (KhUnitsWindow *self)
{
  g_return_val_if_fail (KH_IS_UNITS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

GtkWidget *
kh_units_window_new (GtkWindow *parent,
                     KhStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  return g_object_new (KH_TYPE_UNITS_WINDOW,
                       "store", store,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

static void
kh_units_window_dispose (GObject *object)
{
  KhUnitsWindow *self = KH_UNITS_WINDOW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->units_changed_id, self->store);
  if (self->units_list != NULL)
    gtk_list_box_bind_model (self->units_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_UNITS_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->units);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_units_window_parent_class)->dispose (object);
}

static void
kh_units_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KhUnitsWindow *self = KH_UNITS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_units_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KhUnitsWindow *self = KH_UNITS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_units_window_class_init (KhUnitsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_units_window_dispose;
  object_class->get_property = kh_units_window_get_property;
  object_class->set_property = kh_units_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "units.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "units.restore", "(ssu)", restore_action);
  gtk_widget_class_install_action (widget_class, "units.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "units.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "units.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "units.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-units-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhUnitsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhUnitsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, KhUnitsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KhUnitsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KhUnitsWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, KhUnitsWindow, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhUnitsWindow, add_error_label);
  gtk_widget_class_bind_template_child (widget_class, KhUnitsWindow, units_list);
  /* Not needed by the code (the button follows "units.add"), only named. */
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_unit_activated_cb);
}

static void
kh_units_window_init (KhUnitsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->units = g_list_store_new (KH_TYPE_UNIT);
  self->filter = gtk_custom_filter_new (unit_matches, self, NULL);
  /* The filter model owns the filter; self->filter is a borrowed pointer. */
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->units)),
                                              GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->units_list, G_LIST_MODEL (self->filtered),
                           create_unit_row, self, NULL);

  self->placeholder = gtk_label_new (_("The directory is empty"));
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_margin_top (self->placeholder, 18);
  gtk_widget_set_margin_bottom (self->placeholder, 18);
  gtk_list_box_set_placeholder (self->units_list, self->placeholder);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.add", FALSE);
}
