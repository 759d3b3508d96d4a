/* kh-columns-editor.c — edits a task table's columns: shown, order, headers
 *
 * The rows are rebuilt whenever the table's columns list changes (show,
 * hide, move, reset, or the table replaced after undo); the header entries
 * write straight into their column. A hidden field's header is kept so that
 * showing it again brings back what was typed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-columns-editor.h"

#define N_FIELDS (KH_COLUMN_NOTES + 1)

struct _KhColumnsEditor
{
  AdwWindow    parent_instance;

  KhTaskTable *table;
  gulong       items_changed_id;
  char        *hidden_headers[N_FIELDS];
  gboolean     building;           /* rows are being rebuilt */
  int          refocus_field;      /* after a rebuild: the row to focus, or -1 */
  const char  *refocus_part;       /* and which of its widgets */
  guint        rebuild_id;         /* idle rebuild after the columns changed */

  /* template widgets */
  GtkListBox  *list;
};

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KhColumnsEditor, kh_columns_editor, ADW_TYPE_WINDOW)

static const char *
field_name (KhColumnField field)
{
  switch (field)
    {
    case KH_COLUMN_NUMBER:
      return _("No.");
    case KH_COLUMN_CONTENT:
      return _("Task");
    case KH_COLUMN_PRODUCT:
      return _("Product");
    case KH_COLUMN_LEAD:
      return _("Lead Unit");
    case KH_COLUMN_COOPERATING:
      return _("Cooperating Units");
    case KH_COLUMN_TIMEFRAME:
      return _("Time Frame");
    case KH_COLUMN_STATUS:
      return _("Status");
    case KH_COLUMN_PROGRESS:
      return _("Progress");
    case KH_COLUMN_NOTES:
    default:
      return _("Notes");
    }
}

/* The printed header a field gets when first shown (document text). */
static const char *
usual_header (KhColumnField field)
{
  static const char *headers[N_FIELDS] = {
    "Stt", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp",
    "Thời gian thực hiện", "Tình trạng", "Tiến độ", "Ghi chú",
  };

  return headers[field];
}

static GListStore *
columns_store (KhColumnsEditor *self)
{
  return G_LIST_STORE (kh_task_table_get_columns (self->table));
}

/* The position of field among the table's columns, or G_MAXUINT. */
static guint
field_position (KhColumnsEditor *self,
                KhColumnField    field)
{
  GListModel *columns = G_LIST_MODEL (columns_store (self));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);

      if (kh_column_get_field (column) == field)
        return i;
    }
  return G_MAXUINT;
}

static KhColumnField
row_field (GtkWidget *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "field"));
}

static GtkWidget *
row_part (GtkWidget  *row,
          const char *part)
{
  return g_object_get_data (G_OBJECT (row), part);
}

/* The row holding the keyboard focus, and which part of it has it. */
static GtkWidget *
focused_row (KhColumnsEditor *self,
             const char     **part)
{
  static const char *parts[] = { "switch", "entry", "up", "down" };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  *part = NULL;
  if (row == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *widget = row_part (row, parts[i]);

      if (focus == widget || gtk_widget_is_ancestor (focus, widget))
        *part = parts[i];
    }
  return row;
}

static void
set_refocus (KhColumnsEditor *self,
             KhColumnField    field,
             const char      *part)
{
  self->refocus_field = field;
  self->refocus_part = part;
}

static void
move (KhColumnsEditor *self,
      KhColumnField    field,
      int              delta)
{
  GListStore *store = columns_store (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position = field_position (self, field);
  guint first;

  if (position == G_MAXUINT ||
      (delta < 0 && position == 0) ||
      (delta > 0 && position + 1 >= n))
    return;

  first = delta < 0 ? position - 1 : position;
  {
    g_autoptr(KhColumn) a = g_list_model_get_item (G_LIST_MODEL (store), first);
    g_autoptr(KhColumn) b = g_list_model_get_item (G_LIST_MODEL (store), first + 1);
    gpointer swapped[] = { b, a };

    /* One splice: one change, one undo step. */
    g_list_store_splice (store, first, 2, swapped, 2);
  }
}

static void
on_move_clicked (GtkButton       *button,
                 KhColumnsEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  set_refocus (self, row_field (row), delta < 0 ? "up" : "down");
  move (self, row_field (row), delta);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhColumnsEditor *self = KH_COLUMNS_EDITOR (widget);
  const char *part;
  GtkWidget *row = focused_row (self, &part);

  if (row == NULL || self->table == NULL)
    return;
  set_refocus (self, row_field (row), part);
  move (self, row_field (row), g_str_equal (action_name, "columns.move-up") ? -1 : 1);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhColumnsEditor *self = KH_COLUMNS_EDITOR (widget);
  g_autoptr(KhTaskTable) usual = NULL;
  GListModel *columns;
  GListStore *store;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->table == NULL)
    return;
  usual = kh_task_table_new_default ();
  columns = kh_task_table_get_columns (usual);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);

      g_ptr_array_add (copies, kh_column_copy (column));
    }
  store = columns_store (self);
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       copies->pdata, copies->len);
}

static void
on_shown_changed (GtkSwitch       *toggle,
                  GParamSpec      *pspec,
                  KhColumnsEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), GTK_TYPE_LIST_BOX_ROW);
  KhColumnField field = row_field (row);
  guint position = field_position (self, field);
  GListStore *store = columns_store (self);

  if (self->building)
    return;

  set_refocus (self, field, "switch");
  if (gtk_switch_get_active (toggle) && position == G_MAXUINT)
    {
      const char *header = self->hidden_headers[field];
      g_autoptr(KhColumn) column = kh_column_new (field, header ? header : usual_header (field));

      g_list_store_append (store, column);
    }
  else if (!gtk_switch_get_active (toggle) && position != G_MAXUINT)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (G_LIST_MODEL (store), position);

      /* Every table needs the task content, and some column. */
      if (field == KH_COLUMN_CONTENT ||
          g_list_model_get_n_items (G_LIST_MODEL (store)) <= 1)
        {
          gtk_switch_set_active (toggle, TRUE);
          return;
        }
      g_free (self->hidden_headers[field]);
      self->hidden_headers[field] = g_strdup (kh_column_get_header (column));
      g_list_store_remove (store, position);
    }
}

static void
on_header_changed (GtkEditable     *entry,
                   KhColumnsEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_LIST_BOX_ROW);
  KhColumnField field = row_field (row);
  guint position = field_position (self, field);
  const char *text = gtk_editable_get_text (entry);

  if (self->building)
    return;
  if (position == G_MAXUINT)
    {
      g_free (self->hidden_headers[field]);
      self->hidden_headers[field] = g_strdup (text);
    }
  else
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (G_LIST_MODEL (columns_store (self)), position);

      if (g_strcmp0 (kh_column_get_header (column), text) != 0)
        kh_column_set_header (column, text);
    }
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             int         delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  return button;
}

static GtkWidget *
make_row (KhColumnsEditor *self,
          KhColumnField    field,
          const char      *header,
          gboolean         shown,
          guint            position,
          guint            n_shown)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *name = gtk_label_new (field_name (field));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up (Alt+Up)"), -1);
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down (Alt+Down)"), 1);
  g_autofree char *shown_label = g_strdup_printf (_("Show %s"), field_name (field));
  g_autofree char *header_label = g_strdup_printf (_("Column header of %s"), field_name (field));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  g_object_set_data (G_OBJECT (row), "entry", entry);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_switch_set_active (GTK_SWITCH (toggle), shown);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, _("Shown"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, shown_label, -1);
  /* The task content column cannot go; nor can the last column. */
  gtk_widget_set_sensitive (toggle, !(shown && (field == KH_COLUMN_CONTENT || n_shown <= 1)));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_width_chars (GTK_LABEL (name), 16);
  if (!shown)
    gtk_widget_add_css_class (name, "dim-label");

  gtk_editable_set_text (GTK_EDITABLE (entry), header);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Column Header"));
  gtk_widget_set_tooltip_text (entry, _("Column header, printed as typed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, header_label, -1);

  gtk_widget_set_sensitive (up, shown && position > 0);
  gtk_widget_set_sensitive (down, shown && position + 1 < n_shown);

  gtk_box_append (GTK_BOX (box), toggle);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_shown_changed), self);
  g_signal_connect (entry, "changed", G_CALLBACK (on_header_changed), self);
  g_signal_connect (up, "clicked", G_CALLBACK (on_move_clicked), self);
  g_signal_connect (down, "clicked", G_CALLBACK (on_move_clicked), self);
  return row;
}

static void
rebuild (KhColumnsEditor *self)
{
  GtkWidget *child;
  GtkWidget *refocus = NULL;
  gboolean used[N_FIELDS] = { FALSE, };
  GListModel *columns = self->table ? kh_task_table_get_columns (self->table) : NULL;
  guint n = columns ? g_list_model_get_n_items (columns) : 0;

  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);
      KhColumnField field = kh_column_get_field (column);
      GtkWidget *row;

      if (field >= N_FIELDS || used[field])
        continue;
      used[field] = TRUE;
      row = make_row (self, field, kh_column_get_header (column), TRUE, i, n);
      gtk_list_box_append (self->list, row);
      if ((int) field == self->refocus_field)
        refocus = row;
    }
  if (self->table != NULL)
    for (int field = 0; field < N_FIELDS; field++)
      if (!used[field])
        {
          const char *header = self->hidden_headers[field];
          GtkWidget *row = make_row (self, field, header ? header : usual_header (field),
                                     FALSE, 0, n);

          gtk_list_box_append (self->list, row);
          if (field == self->refocus_field)
            refocus = row;
        }
  self->building = FALSE;

  if (refocus != NULL)
    {
      GtkWidget *part = self->refocus_part ? row_part (refocus, self->refocus_part) : NULL;

      /* A row moved to an end: its other move button, else its entry. */
      if (part == NULL || !gtk_widget_is_sensitive (part))
        part = row_part (refocus, g_strcmp0 (self->refocus_part, "down") == 0 ? "up" : "down");
      if (!gtk_widget_is_sensitive (part) || !gtk_widget_grab_focus (part))
        gtk_widget_grab_focus (row_part (refocus, "entry"));
    }
  self->refocus_field = -1;
}

static gboolean
rebuild_idle (gpointer data)
{
  KhColumnsEditor *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Not at once: the change may come from a row's own switch or button, which
 * is still in its signal handler. */
static void
on_columns_changed (KhColumnsEditor *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle, self, NULL);
}

void
kh_columns_editor_set_table (KhColumnsEditor *self,
                             KhTaskTable     *table)
{
  g_return_if_fail (KH_IS_COLUMNS_EDITOR (self));
  g_return_if_fail (table == NULL || KH_IS_TASK_TABLE (table));

  if (self->table == table)
    return;
  if (self->table != NULL)
    g_clear_signal_handler (&self->items_changed_id, kh_task_table_get_columns (self->table));
  g_set_object (&self->table, table);
  if (table != NULL)
    self->items_changed_id = g_signal_connect_swapped (kh_task_table_get_columns (table), "items-changed",
                                                       G_CALLBACK (on_columns_changed), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.reset", table != NULL);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

KhTaskTable *
kh_columns_editor_get_table (KhColumnsEditor *self)
{
  g_return_val_if_fail (KH_IS_COLUMNS_EDITOR (self), NULL);

  return self->table;
}

GtkWidget *
kh_columns_editor_new (void)
{
  return g_object_new (KH_TYPE_COLUMNS_EDITOR, NULL);
}

static void
kh_columns_editor_dispose (GObject *object)
{
  KhColumnsEditor *self = KH_COLUMNS_EDITOR (object);

  if (self->table != NULL)
    g_clear_signal_handler (&self->items_changed_id, kh_task_table_get_columns (self->table));
  g_clear_object (&self->table);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->hidden_headers[i], g_free);

  G_OBJECT_CLASS (kh_columns_editor_parent_class)->dispose (object);
}

static void
kh_columns_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KhColumnsEditor *self = KH_COLUMNS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_columns_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KhColumnsEditor *self = KH_COLUMNS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      kh_columns_editor_set_table (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_columns_editor_class_init (KhColumnsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_columns_editor_dispose;
  object_class->get_property = kh_columns_editor_get_property;
  object_class->set_property = kh_columns_editor_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, "The task table whose columns are edited",
                         KH_TYPE_TASK_TABLE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-columns-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KhColumnsEditor, list);

  gtk_widget_class_install_action (widget_class, "columns.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "columns.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "columns.reset", NULL, reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "columns.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "columns.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_columns_editor_init (KhColumnsEditor *self)
{
  self->refocus_field = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.reset", FALSE);
}
