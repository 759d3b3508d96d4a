/* kh-table-bar.c — picks, adds and removes a plan's task tables
 *
 * The drop-down's model is a GtkStringList of labels kept in step with the
 * plan's tables (a label depends on the table's position when it has no
 * title). The selection is the table object; when it leaves the plan (removed,
 * or the plan replaced by undo) the bar falls back to the same position.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-columns-editor.h"
#include "kh-table-bar.h"

struct _KhTableBar
{
  AdwBin         parent_instance;

  KhPlan        *plan;
  KhTaskTable   *table;           /* the selected table */
  guint          position;        /* its position, kept when the plan changes */
  GtkStringList *labels;
  gboolean       syncing;         /* the drop-down's model is being updated */
  GBinding      *bindings[3];     /* title, appendix, landscape of table */
  KhTaskTable   *removed;         /* the last table removed, and where from */
  guint          removed_position;

  /* template widgets */
  GtkDropDown   *dropdown;
  GtkWidget     *settings_button;
  AdwEntryRow   *title_row;
  GtkSwitch     *appendix_switch;
  GtkSwitch     *landscape_switch;
  GtkWidget     *columns_button;
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TABLE_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhTableBar, kh_table_bar, ADW_TYPE_BIN)

static guint
n_tables (KhTableBar *self)
{
  return self->plan ? g_list_model_get_n_items (kh_plan_get_tables (self->plan)) : 0;
}

static char *
table_label (KhTaskTable *table,
             guint        position)
{
  g_autofree char *title = g_strstrip (g_strdup (kh_task_table_get_title (table)));

  if (*title != '\0')
    return g_steal_pointer (&title);
  return g_strdup_printf (_("Table %u"), position + 1);
}

static void
unbind_table (KhTableBar *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->bindings); i++)
    {
      if (self->bindings[i] != NULL)
        g_binding_unbind (self->bindings[i]);
      g_clear_object (&self->bindings[i]);
    }
}

static void
set_table (KhTableBar  *self,
           KhTaskTable *table)
{
  static const char *fields[][2] = {
    { "title", "text" },
    { "appendix", "active" },
    { "landscape", "active" },
  };
  gpointer targets[] = { self->title_row, self->appendix_switch, self->landscape_switch };

  gtk_widget_set_sensitive (self->settings_button, table != NULL);
  if (self->table == table)
    return;

  unbind_table (self);
  g_set_object (&self->table, table);
  if (table != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      self->bindings[i] = g_object_ref (g_object_bind_property (table, fields[i][0],
                                                                targets[i], fields[i][1],
                                                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

/* Brings the labels, the drop-down, the selection and the actions in step
 * with the plan's tables. With follow_table, the selected table keeps its
 * selection wherever it moved; otherwise (or when it is gone) the position
 * does. */
static void
sync_selection (KhTableBar *self,
                gboolean    follow_table)
{
  GListModel *tables = self->plan ? kh_plan_get_tables (self->plan) : NULL;
  guint n = n_tables (self);
  guint n_labels = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  guint found;
  g_autoptr(KhTaskTable) table = NULL;

  self->syncing = TRUE;
  if (n_labels != n)
    {
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KhTaskTable) t = g_list_model_get_item (tables, i);
          g_ptr_array_add (strings, table_label (t, i));
        }
      g_ptr_array_add (strings, NULL);
      gtk_string_list_splice (self->labels, 0, n_labels, (const char * const *) strings->pdata);
    }
  else
    {
      /* Only the labels that changed: the common case is a title being typed. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KhTaskTable) t = g_list_model_get_item (tables, i);
          g_autofree char *label = table_label (t, i);

          if (g_strcmp0 (label, gtk_string_list_get_string (self->labels, i)) != 0)
            gtk_string_list_splice (self->labels, i, 1, (const char *[]) { label, NULL });
        }
    }

  if (follow_table && self->table != NULL && tables != NULL
      && g_list_store_find (G_LIST_STORE (tables), self->table, &found))
    self->position = found;
  else if (n > 0)
    self->position = MIN (self->position, n - 1);
  else
    self->position = 0;

  if (n > 0)
    {
      table = g_list_model_get_item (tables, self->position);
      gtk_drop_down_set_selected (self->dropdown, self->position);
    }
  self->syncing = FALSE;

  set_table (self, table);
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown), n > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-bar.add", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-bar.remove", n > 1);
}

static void
refresh (KhTableBar *self)
{
  sync_selection (self, TRUE);
}

static void
on_dropdown_selected (KhTableBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->dropdown);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  kh_table_bar_select_position (self, selected);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  KhTableBar *self = KH_TABLE_BAR (widget);
  g_autoptr(KhTaskTable) table = NULL;
  guint position;

  if (self->plan == NULL)
    return;
  g_clear_object (&self->removed);
  table = kh_task_table_new_default ();
  position = self->table != NULL ? self->position + 1 : n_tables (self);
  g_list_store_insert (G_LIST_STORE (kh_plan_get_tables (self->plan)), position, table);
  kh_table_bar_select_position (self, position);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KhTableBar *self = KH_TABLE_BAR (widget);
  g_autoptr(KhTaskTable) table = NULL;
  guint position = self->position;

  /* A plan keeps at least one table. */
  if (self->table == NULL || n_tables (self) < 2)
    return;
  table = g_object_ref (self->table);
  g_set_object (&self->removed, table);
  self->removed_position = position;
  g_list_store_remove (G_LIST_STORE (kh_plan_get_tables (self->plan)), position);
  g_signal_emit (self, signals[TABLE_REMOVED], 0, table, position);
}

static void
disconnect_plan (KhTableBar *self)
{
  if (self->plan == NULL)
    return;
  g_signal_handlers_disconnect_by_data (kh_plan_get_tables (self->plan), self);
  g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
}

void
kh_table_bar_set_plan (KhTableBar *self,
                       KhPlan     *plan)
{
  g_return_if_fail (KH_IS_TABLE_BAR (self));
  g_return_if_fail (plan == NULL || KH_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  disconnect_plan (self);
  /* No plan: another document follows, which has nothing to restore. */
  if (plan == NULL)
    g_clear_object (&self->removed);
  if (plan != NULL)
    {
      self->plan = g_object_ref (plan);
      g_signal_connect_swapped (kh_plan_get_tables (plan), "items-changed", G_CALLBACK (refresh), self);
      /* A title typed anywhere changes a label. */
      g_signal_connect_swapped (plan, "changed", G_CALLBACK (refresh), self);
    }
  refresh (self);
  /* Undoing a removal brings back a plan that holds the removed table again:
   * it comes back selected, once. */
  if (self->removed != NULL && self->removed_position < n_tables (self))
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (plan), self->removed_position);

      if (kh_model_object_equal (KH_MODEL_OBJECT (table), KH_MODEL_OBJECT (self->removed)))
        {
          g_clear_object (&self->removed);
          kh_table_bar_select_position (self, self->removed_position);
        }
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

KhPlan *
kh_table_bar_get_plan (KhTableBar *self)
{
  g_return_val_if_fail (KH_IS_TABLE_BAR (self), NULL);

  return self->plan;
}

KhTaskTable *
kh_table_bar_get_table (KhTableBar *self)
{
  g_return_val_if_fail (KH_IS_TABLE_BAR (self), NULL);

  return self->table;
}

guint
kh_table_bar_get_position (KhTableBar *self)
{
  g_return_val_if_fail (KH_IS_TABLE_BAR (self), 0);

  return self->position;
}

void
kh_table_bar_select_position (KhTableBar *self,
                              guint       position)
{
  g_return_if_fail (KH_IS_TABLE_BAR (self));

  self->position = position;
  sync_selection (self, FALSE);
}

GtkWidget *
kh_table_bar_new (void)
{
  return g_object_new (KH_TYPE_TABLE_BAR, NULL);
}

static void
kh_table_bar_dispose (GObject *object)
{
  KhTableBar *self = KH_TABLE_BAR (object);

  unbind_table (self);
  disconnect_plan (self);
  g_clear_object (&self->table);
  g_clear_object (&self->removed);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_TABLE_BAR);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (kh_table_bar_parent_class)->dispose (object);
}

static void
kh_table_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KhTableBar *self = KH_TABLE_BAR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_table_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KhTableBar *self = KH_TABLE_BAR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kh_table_bar_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The editor follows the selected table, which undo replaces by a copy. */
static void
on_columns_clicked (KhTableBar *self)
{
  GtkWidget *editor = kh_columns_editor_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_popover_popdown (GTK_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->settings_button))));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_object_bind_property (self, "table", editor, "table", G_BINDING_SYNC_CREATE);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Titles can be long (an appendix title is a sentence): the button
 * ellipsizes, the list wraps, neither widens the page without end. */
static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  wrap)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static GtkListItemFactory *
label_factory (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (wrap));
  return factory;
}

static void
kh_table_bar_class_init (KhTableBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_table_bar_dispose;
  object_class->get_property = kh_table_bar_get_property;
  object_class->set_property = kh_table_bar_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, "The plan whose tables are shown",
                         KH_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, "The selected table",
                         KH_TYPE_TASK_TABLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TABLE_REMOVED] =
    g_signal_new ("table-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, KH_TYPE_TASK_TABLE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-table-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTableBar, dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhTableBar, settings_button);
  gtk_widget_class_bind_template_child (widget_class, KhTableBar, title_row);
  gtk_widget_class_bind_template_child (widget_class, KhTableBar, appendix_switch);
  gtk_widget_class_bind_template_child (widget_class, KhTableBar, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, KhTableBar, columns_button);

  gtk_widget_class_bind_template_callback (widget_class, on_columns_clicked);
  gtk_widget_class_install_action (widget_class, "table-bar.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "table-bar.remove", NULL, remove_action);
}

static void
kh_table_bar_init (KhTableBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->labels = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (self->labels));
  {
    g_autoptr(GtkListItemFactory) button = label_factory (FALSE);
    g_autoptr(GtkListItemFactory) list = label_factory (TRUE);

    gtk_drop_down_set_factory (self->dropdown, button);
    gtk_drop_down_set_list_factory (self->dropdown, list);
  }
  g_signal_connect_swapped (self->dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected), self);
  refresh (self);
}
