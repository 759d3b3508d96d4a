/* kh-narrative-view.c — the editor of a numbered narrative
 *
 * A GtkListView over a GtkTreeListModel of the nodes (autoexpanded: every
 * node is shown), one KhNarrativeRow per node inside a GtkTreeExpander.
 * Numbers depend on siblings, so whenever anything in the tree changes
 * the rows currently bound are renumbered; a row bound later computes its
 * own number.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-list-util.h"
#include "kh-narrative-row.h"
#include "kh-narrative-view.h"
#include "kh-vntext.h"

struct _KhNarrativeView
{
  GtkWidget           parent_instance;

  GListModel         *nodes;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  /* The top-level nodes and their "changed" handlers: a change anywhere
   * in a tree bubbles up to its top node. */
  GPtrArray          *roots;
  GArray             *root_handlers;
  GHashTable         *bound_items;    /* GtkListItem set */
  KhNode             *pending_focus;  /* focus its editor once its row is bound */
  gboolean            scrollable;

  /* template widgets */
  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkWidget          *empty_page;
};

G_DEFINE_FINAL_TYPE (KhNarrativeView, kh_narrative_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NODES,
  PROP_SCROLLABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The nesting order of the numbered kinds: a point belongs under a
 * section, a section under a part. Paragraphs sit at any level. */
static int
kind_level (KhNodeKind kind)
{
  switch (kind)
    {
    case KH_NODE_KIND_PART:
      return 0;
    case KH_NODE_KIND_SECTION:
      return 1;
    case KH_NODE_KIND_POINT:
      return 2;
    case KH_NODE_KIND_DASH:
      return 3;
    case KH_NODE_KIND_PARAGRAPH:
    default:
      return -1;
    }
}

static KhNode *
row_node (GtkTreeListRow *row)
{
  /* The row holds the item; the borrowed pointer lives as long as it. */
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  return KH_IS_NODE (item) ? KH_NODE (item) : NULL;
}

/* The list that holds the row's node: its parent's children, or the top
 * level. */
static GListModel *
row_siblings (KhNarrativeView *self,
              GtkTreeListRow  *row)
{
  g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
  KhNode *parent_node;

  if (parent == NULL)
    return self->nodes;
  parent_node = row_node (parent);
  return parent_node ? kh_node_get_children (parent_node) : NULL;
}

static char *
number_for_row (KhNarrativeView *self,
                GtkTreeListRow  *row)
{
  KhNode *node = row_node (row);
  GListModel *siblings;
  KhNodeKind kind;
  guint n, index = 0;

  if (node == NULL || (siblings = row_siblings (self, row)) == NULL)
    return g_strdup ("");

  kind = kh_node_get_kind (node);
  if (kind == KH_NODE_KIND_PARAGRAPH)
    return g_strdup ("");
  if (kind == KH_NODE_KIND_DASH)
    return g_strdup ("-");

  n = g_list_model_get_n_items (siblings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhNode) sibling = g_list_model_get_item (siblings, i);

      if (sibling == node)
        break;
      if (kh_node_get_kind (sibling) == kind)
        index++;
    }

  switch (kind)
    {
    case KH_NODE_KIND_PART:
      {
        g_autofree char *roman = kh_vn_roman ((int) index + 1);
        return g_strdup_printf ("%s.", roman ? roman : "?");
      }
    case KH_NODE_KIND_SECTION:
      return g_strdup_printf ("%u.", index + 1);
    case KH_NODE_KIND_POINT:
      {
        g_autofree char *letter = kh_vn_point_letter ((int) index);
        return g_strdup_printf ("%s)", letter ? letter : "?");
      }
    case KH_NODE_KIND_DASH:
    case KH_NODE_KIND_PARAGRAPH:
    default:
      return g_strdup ("");
    }
}

static void
update_item (KhNarrativeView *self,
             GtkListItem     *item)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  KhNarrativeRow *node_row = KH_NARRATIVE_ROW (gtk_tree_expander_get_child (expander));
  KhNode *node = row ? row_node (row) : NULL;
  g_autofree char *number = NULL;

  if (node == NULL)
    return;

  number = number_for_row (self, row);
  kh_narrative_row_set_number (node_row, number);
  if (g_list_model_get_n_items (kh_node_get_children (node)) == 0)
    gtk_widget_add_css_class (GTK_WIDGET (expander), "kh-leaf");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (expander), "kh-leaf");
}

static void
refresh_rows (KhNarrativeView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_item (self, item);
}

static GtkTreeListRow *
selected_row (KhNarrativeView *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
is_editable (KhNarrativeView *self)
{
  return self->nodes != NULL && G_IS_LIST_STORE (self->nodes);
}

static void
update_actions (KhNarrativeView *self)
{
  GtkTreeListRow *row = selected_row (self);
  gboolean editable = is_editable (self);
  gboolean up = FALSE, down = FALSE, outdent = FALSE;

  if (editable && row != NULL)
    {
      GListModel *siblings = row_siblings (self, row);
      int pos = siblings ? kh_list_find (siblings, row_node (row)) : -1;
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      up = pos > 0;
      down = pos >= 0 && (guint) pos + 1 < g_list_model_get_n_items (siblings);
      outdent = parent != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.add-part", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.add-section", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.add-point", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.add-paragraph", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.remove", editable && row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.move-down", down);
  /* Indenting needs a previous sibling to become the parent. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.indent", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "narrative.outdent", outdent);
}

static void
update_empty (KhNarrativeView *self)
{
  gboolean empty = self->nodes == NULL || g_list_model_get_n_items (self->nodes) == 0;

  gtk_widget_set_visible (self->empty_page, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), !empty);
}

static void
on_tree_changed (KhNarrativeView *self)
{
  refresh_rows (self);
  update_actions (self);
}

static void
on_roots_items_changed (GListModel      *model,
                        guint            position,
                        guint            removed,
                        guint            added,
                        KhNarrativeView *self)
{
  for (guint i = 0; i < removed; i++)
    g_signal_handler_disconnect (g_ptr_array_index (self->roots, position + i),
                                 g_array_index (self->root_handlers, gulong, position + i));
  g_ptr_array_remove_range (self->roots, position, removed);
  g_array_remove_range (self->root_handlers, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *node = g_list_model_get_item (model, position + i);  /* the mirror owns it */
      gulong id = g_signal_connect_swapped (node, "changed", G_CALLBACK (on_tree_changed), self);

      g_ptr_array_insert (self->roots, position + i, node);
      g_array_insert_val (self->root_handlers, position + i, id);
    }

  update_empty (self);
  on_tree_changed (self);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  if (!KH_IS_NODE (item))
    return NULL;
  return g_object_ref (kh_node_get_children (KH_NODE (item)));
}

static gboolean
find_position (KhNarrativeView *self,
               KhNode          *node,
               guint           *position)
{
  guint n;

  if (self->tree == NULL || node == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);

      if (row_node (row) == node)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static KhNarrativeRow *
bound_row_for (KhNarrativeView *self,
               KhNode          *node)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      GtkWidget *expander = gtk_list_item_get_child (item);
      KhNarrativeRow *row = KH_NARRATIVE_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));

      if (kh_narrative_row_get_node (row) == node)
        return row;
    }
  return NULL;
}

/* Selects node and puts the keyboard focus in its editor, now if its row
 * is bound or else as soon as it is. */
static void
select_and_focus (KhNarrativeView *self,
                  KhNode          *node)
{
  KhNarrativeRow *row;

  if (!kh_narrative_view_select_node (self, node))
    return;

  row = bound_row_for (self, node);
  if (row != NULL)
    {
      g_clear_object (&self->pending_focus);
      kh_narrative_row_focus_editor (row);
    }
  else
    g_set_object (&self->pending_focus, node);
}

/* Factory */

static void
on_row_focus_enter (GtkEventControllerFocus *controller,
                    GtkListItem             *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  KhNarrativeView *self = KH_NARRATIVE_VIEW (gtk_widget_get_ancestor (widget, KH_TYPE_NARRATIVE_VIEW));
  guint position = gtk_list_item_get_position (item);

  /* The actions act on the node being edited. */
  if (self != NULL && self->selection != NULL && position != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            KhNarrativeView          *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), kh_narrative_row_new ());
  g_signal_connect (focus, "enter", G_CALLBACK (on_row_focus_enter), item);
  gtk_widget_add_controller (expander, focus);
  gtk_list_item_set_child (item, expander);
  /* Clicks go to the editors; the row follows the focus instead. */
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           KhNarrativeView          *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  KhNarrativeRow *node_row = KH_NARRATIVE_ROW (gtk_tree_expander_get_child (expander));
  KhNode *node = row_node (row);

  gtk_tree_expander_set_list_row (expander, row);
  /* The expander's arrow and indents (created for the row just set) sit
   * at the first line, beside the number, not in the middle of a long
   * paragraph. */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (expander)); c; c = gtk_widget_get_next_sibling (c))
    if (c != GTK_WIDGET (node_row))
      {
        gtk_widget_set_valign (c, GTK_ALIGN_START);
        gtk_widget_set_margin_top (c, 13);
      }
  kh_narrative_row_set_node (node_row, node);
  g_hash_table_add (self->bound_items, item);
  update_item (self, item);

  if (node != NULL && node == self->pending_focus)
    {
      g_clear_object (&self->pending_focus);
      kh_narrative_row_focus_editor (node_row);
    }
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             KhNarrativeView          *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));

  g_hash_table_remove (self->bound_items, item);
  kh_narrative_row_set_node (KH_NARRATIVE_ROW (gtk_tree_expander_get_child (expander)), NULL);
  gtk_tree_expander_set_list_row (expander, NULL);
}

static void
teardown_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               KhNarrativeView          *self)
{
  g_hash_table_remove (self->bound_items, item);
}

/* Actions */

/* Where the selected node sits: its list and position there. */
static gboolean
locate (KhNarrativeView  *self,
        GtkTreeListRow   *row,
        GListStore      **store,
        guint            *position)
{
  GListModel *siblings = row_siblings (self, row);
  int pos;

  if (siblings == NULL || !G_IS_LIST_STORE (siblings))
    return FALSE;
  pos = kh_list_find (siblings, row_node (row));
  if (pos < 0)
    return FALSE;
  *store = G_LIST_STORE (siblings);
  *position = (guint) pos;
  return TRUE;
}

static void
add_node (KhNarrativeView *self,
          KhNodeKind       kind)
{
  g_autoptr(KhNode) node = kh_node_new (kind, "", "");
  GtkTreeListRow *selected = selected_row (self);
  g_autoptr(GtkTreeListRow) anchor = NULL;
  KhNode *selected_node;
  GListStore *store;
  guint position;
  int level = kind_level (kind);

  if (!is_editable (self))
    return;

  selected_node = selected ? row_node (selected) : NULL;
  if (selected_node == NULL)
    {
      g_list_store_append (G_LIST_STORE (self->nodes), node);
      select_and_focus (self, node);
      return;
    }

  /* A kind that belongs under the selected one becomes its last child. */
  if (level >= 0 && kind_level (kh_node_get_kind (selected_node)) >= 0 &&
      level > kind_level (kh_node_get_kind (selected_node)))
    {
      g_list_store_append (G_LIST_STORE (kh_node_get_children (selected_node)), node);
      select_and_focus (self, node);
      return;
    }

  /* Otherwise it follows the selected node, or the ancestor at its own
   * level: climb while the parent is at the new node's level or deeper. */
  anchor = g_object_ref (selected);
  if (level >= 0)
    {
      for (;;)
        {
          g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (anchor);
          KhNode *parent_node = parent ? row_node (parent) : NULL;
          int parent_level;

          if (parent_node == NULL)
            break;
          parent_level = kind_level (kh_node_get_kind (parent_node));
          if (parent_level < 0 || parent_level < level)
            break;
          g_set_object (&anchor, parent);
        }
    }

  if (!locate (self, anchor, &store, &position))
    return;
  g_list_store_insert (store, position + 1, node);
  select_and_focus (self, node);
}

static void
add_part_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  add_node (KH_NARRATIVE_VIEW (widget), KH_NODE_KIND_PART);
}

static void
add_section_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  add_node (KH_NARRATIVE_VIEW (widget), KH_NODE_KIND_SECTION);
}

static void
add_point_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_node (KH_NARRATIVE_VIEW (widget), KH_NODE_KIND_POINT);
}

static void
add_paragraph_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  add_node (KH_NARRATIVE_VIEW (widget), KH_NODE_KIND_PARAGRAPH);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhNarrativeView *self = KH_NARRATIVE_VIEW (widget);
  GtkTreeListRow *row = selected_row (self);
  g_autoptr(KhNode) next = NULL;
  GListStore *store;
  guint position, n;

  if (row == NULL || !is_editable (self) || !locate (self, row, &store, &position))
    return;

  /* The selection moves to the next sibling, else the previous one, else
   * the parent. */
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (position + 1 < n)
    next = g_list_model_get_item (G_LIST_MODEL (store), position + 1);
  else if (position > 0)
    next = g_list_model_get_item (G_LIST_MODEL (store), position - 1);
  else
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      if (parent != NULL && row_node (parent) != NULL)
        next = g_object_ref (row_node (parent));
    }

  g_list_store_remove (store, position);
  if (next != NULL)
    select_and_focus (self, next);
  update_actions (self);
}

static void
move (KhNarrativeView *self,
      int              delta)
{
  GtkTreeListRow *row = selected_row (self);
  g_autoptr(KhNode) node = NULL;
  GListStore *store;
  guint position;

  if (row == NULL || !is_editable (self) || !locate (self, row, &store, &position))
    return;
  node = g_object_ref (row_node (row));
  if (kh_list_move (store, position, delta))
    select_and_focus (self, node);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (KH_NARRATIVE_VIEW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (KH_NARRATIVE_VIEW (widget), 1);
}

static void
indent_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhNarrativeView *self = KH_NARRATIVE_VIEW (widget);
  GtkTreeListRow *row = selected_row (self);
  g_autoptr(KhNode) node = NULL;
  g_autoptr(KhNode) previous = NULL;
  GListStore *store;
  guint position;

  if (row == NULL || !is_editable (self) || !locate (self, row, &store, &position) || position == 0)
    return;

  node = g_object_ref (row_node (row));
  previous = g_list_model_get_item (G_LIST_MODEL (store), position - 1);
  g_list_store_remove (store, position);
  g_list_store_append (G_LIST_STORE (kh_node_get_children (previous)), node);
  select_and_focus (self, node);
}

static void
outdent_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KhNarrativeView *self = KH_NARRATIVE_VIEW (widget);
  GtkTreeListRow *row = selected_row (self);
  g_autoptr(GtkTreeListRow) parent = NULL;
  g_autoptr(KhNode) node = NULL;
  GListStore *store, *parent_store;
  guint position, parent_position;

  if (row == NULL || !is_editable (self) || !locate (self, row, &store, &position))
    return;
  parent = gtk_tree_list_row_get_parent (row);
  if (parent == NULL || !locate (self, parent, &parent_store, &parent_position))
    return;

  node = g_object_ref (row_node (row));
  g_list_store_remove (store, position);
  g_list_store_insert (parent_store, parent_position + 1, node);
  select_and_focus (self, node);
}

/* Delete removes the node only when no text editor has the focus: there
 * it deletes text. */
static gboolean
remove_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  if (!gtk_widget_is_sensitive (widget) || selected_row (KH_NARRATIVE_VIEW (widget)) == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, "narrative.remove", NULL);
}

static void
on_selection_changed (KhNarrativeView *self)
{
  update_actions (self);
}

static void
ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/kehoach/KeHoach/ui/kh-narrative-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
kh_narrative_view_dispose (GObject *object)
{
  GtkWidget *child;
  KhNarrativeView *self = KH_NARRATIVE_VIEW (object);

  kh_narrative_view_set_nodes (self, NULL);
  g_clear_object (&self->pending_focus);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_NARRATIVE_VIEW);
  /* Unnamed template children are not cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kh_narrative_view_parent_class)->dispose (object);
}

static void
kh_narrative_view_finalize (GObject *object)
{
  KhNarrativeView *self = KH_NARRATIVE_VIEW (object);

  g_ptr_array_unref (self->roots);
  g_array_unref (self->root_handlers);
  g_hash_table_unref (self->bound_items);

  G_OBJECT_CLASS (kh_narrative_view_parent_class)->finalize (object);
}

static void
kh_narrative_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KhNarrativeView *self = KH_NARRATIVE_VIEW (object);

  switch (prop_id)
    {
    case PROP_NODES:
      g_value_set_object (value, self->nodes);
      break;

    case PROP_SCROLLABLE:
      g_value_set_boolean (value, self->scrollable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_narrative_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KhNarrativeView *self = KH_NARRATIVE_VIEW (object);

  switch (prop_id)
    {
    case PROP_NODES:
      kh_narrative_view_set_nodes (self, g_value_get_object (value));
      break;

    case PROP_SCROLLABLE:
      kh_narrative_view_set_scrollable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_narrative_view_class_init (KhNarrativeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_narrative_view_dispose;
  object_class->finalize = kh_narrative_view_finalize;
  object_class->get_property = kh_narrative_view_get_property;
  object_class->set_property = kh_narrative_view_set_property;

  properties[PROP_NODES] =
    g_param_spec_object ("nodes", NULL, "The top-level nodes (KhNode)",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SCROLLABLE] =
    g_param_spec_boolean ("scrollable", NULL, "Whether the view scrolls its rows itself",
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-narrative-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KhNarrativeView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KhNarrativeView, list_view);
  gtk_widget_class_bind_template_child (widget_class, KhNarrativeView, empty_page);

  gtk_widget_class_install_action (widget_class, "narrative.add-part", NULL, add_part_activated);
  gtk_widget_class_install_action (widget_class, "narrative.add-section", NULL, add_section_activated);
  gtk_widget_class_install_action (widget_class, "narrative.add-point", NULL, add_point_activated);
  gtk_widget_class_install_action (widget_class, "narrative.add-paragraph", NULL, add_paragraph_activated);
  gtk_widget_class_install_action (widget_class, "narrative.remove", NULL, remove_activated);
  gtk_widget_class_install_action (widget_class, "narrative.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "narrative.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "narrative.indent", NULL, indent_activated);
  gtk_widget_class_install_action (widget_class, "narrative.outdent", NULL, outdent_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "narrative.add-part", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "narrative.add-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "narrative.add-point", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "narrative.add-paragraph", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, remove_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, remove_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "narrative.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "narrative.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "narrative.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "narrative.outdent", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kh_narrative_view_init (KhNarrativeView *self)
{
  GtkListItemFactory *factory;

  ensure_style ();
  self->scrollable = TRUE;
  self->roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->root_handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  self->bound_items = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_item), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Numbered paragraphs"),
                                  -1);
  update_empty (self);
  update_actions (self);
}

GtkWidget *
kh_narrative_view_new (void)
{
  return g_object_new (KH_TYPE_NARRATIVE_VIEW, NULL);
}

GListModel *
kh_narrative_view_get_nodes (KhNarrativeView *self)
{
  g_return_val_if_fail (KH_IS_NARRATIVE_VIEW (self), NULL);

  return self->nodes;
}

void
kh_narrative_view_set_nodes (KhNarrativeView *self,
                             GListModel      *nodes)
{
  g_return_if_fail (KH_IS_NARRATIVE_VIEW (self));
  g_return_if_fail (nodes == NULL || G_IS_LIST_MODEL (nodes));

  if (self->nodes == nodes)
    return;

  if (self->nodes != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->nodes, on_roots_items_changed, self);
      on_roots_items_changed (self->nodes, 0, self->roots->len, 0, self);
    }
  gtk_list_view_set_model (self->list_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->pending_focus);

  g_set_object (&self->nodes, nodes);

  if (self->nodes != NULL)
    {
      self->tree = gtk_tree_list_model_new (g_object_ref (self->nodes), FALSE, TRUE,
                                            create_children, NULL, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "selection-changed",
                                G_CALLBACK (on_selection_changed), self);
      g_signal_connect_swapped (self->selection, "items-changed",
                                G_CALLBACK (on_selection_changed), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

      g_signal_connect (self->nodes, "items-changed", G_CALLBACK (on_roots_items_changed), self);
      on_roots_items_changed (self->nodes, 0, 0, g_list_model_get_n_items (self->nodes), self);
    }

  update_empty (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODES]);
}

gboolean
kh_narrative_view_get_scrollable (KhNarrativeView *self)
{
  g_return_val_if_fail (KH_IS_NARRATIVE_VIEW (self), FALSE);

  return self->scrollable;
}

void
kh_narrative_view_set_scrollable (KhNarrativeView *self,
                                  gboolean         scrollable)
{
  g_return_if_fail (KH_IS_NARRATIVE_VIEW (self));

  scrollable = !!scrollable;
  if (self->scrollable == scrollable)
    return;

  self->scrollable = scrollable;
  /* Not scrolling, the list is given its whole height and the scroll
   * events go on to the container. */
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER,
                                  scrollable ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), scrollable);
  gtk_widget_set_vexpand (self->empty_page, scrollable);
  if (scrollable)
    gtk_widget_remove_css_class (self->empty_page, "compact");
  else
    gtk_widget_add_css_class (self->empty_page, "compact");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCROLLABLE]);
}

KhNode *
kh_narrative_view_get_selected_node (KhNarrativeView *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (KH_IS_NARRATIVE_VIEW (self), NULL);

  row = selected_row (self);
  return row ? row_node (row) : NULL;
}

gboolean
kh_narrative_view_select_node (KhNarrativeView *self,
                               KhNode          *node)
{
  guint position;

  g_return_val_if_fail (KH_IS_NARRATIVE_VIEW (self), FALSE);
  g_return_val_if_fail (node == NULL || KH_IS_NODE (node), FALSE);

  if (!find_position (self, node, &position))
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}
