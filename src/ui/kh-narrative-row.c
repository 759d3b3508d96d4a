/* kh-narrative-row.c — the editor of one node in KhNarrativeView */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-narrative-row.h"

struct _KhNarrativeRow
{
  GtkWidget      parent_instance;

  KhNode        *node;
  char          *number;
  /* Set while the row writes the node or loads it into the editors, so
   * that neither side echoes the other's change back. */
  gboolean       syncing;

  /* template widgets */
  GtkLabel      *number_label;
  GtkEntry      *title_entry;
  GtkTextView   *text_view;
  GtkWidget     *text_frame;
  GtkDropDown   *kind_dropdown;
  GtkEventControllerFocus *focus;
};

G_DEFINE_FINAL_TYPE (KhNarrativeRow, kh_narrative_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NODE,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The dropdown lists the kinds in the enum's order. */
G_STATIC_ASSERT (KH_NODE_KIND_PART == 0);
G_STATIC_ASSERT (KH_NODE_KIND_PARAGRAPH == 4);

static gboolean
kind_has_title (KhNodeKind kind)
{
  return kind == KH_NODE_KIND_PART || kind == KH_NODE_KIND_SECTION;
}

/* A titled part or section rarely has text of its own: its empty text
 * editor only shows while the row is being edited. */
static void
update_text_visibility (KhNarrativeRow *self)
{
  gboolean hidden = self->node != NULL &&
                    kind_has_title (kh_node_get_kind (self->node)) &&
                    *kh_node_get_title (self->node) != '\0' &&
                    *kh_node_get_text (self->node) == '\0' &&
                    !gtk_event_controller_focus_contains_focus (self->focus);

  gtk_widget_set_visible (self->text_frame, !hidden);
}

static void
update_title_visibility (KhNarrativeRow *self)
{
  /* A title is shown wherever it prints; an empty one only for a part or
   * section that has no text yet or is being edited (clauses of an
   * article are sections without titles). */
  gboolean visible = self->node != NULL &&
                     (*kh_node_get_title (self->node) != '\0' ||
                      (kind_has_title (kh_node_get_kind (self->node)) &&
                       (*kh_node_get_text (self->node) == '\0' ||
                        gtk_event_controller_focus_contains_focus (self->focus))));

  gtk_widget_set_visible (GTK_WIDGET (self->title_entry), visible);
  update_text_visibility (self);
}

static void
load_title (KhNarrativeRow *self)
{
  const char *title = self->node ? kh_node_get_title (self->node) : "";

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title) == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  self->syncing = FALSE;
}

static void
load_text (KhNarrativeRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = self->node ? kh_node_get_text (self->node) : "";
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) == 0)
    return;
  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, text, -1);
  self->syncing = FALSE;
}

static void
load_kind (KhNarrativeRow *self)
{
  guint kind = self->node ? kh_node_get_kind (self->node) : KH_NODE_KIND_PARAGRAPH;

  if (gtk_drop_down_get_selected (self->kind_dropdown) != kind)
    {
      self->syncing = TRUE;
      gtk_drop_down_set_selected (self->kind_dropdown, kind);
      self->syncing = FALSE;
    }
  update_title_visibility (self);
}

static void
on_node_notify (KhNarrativeRow *self,
                GParamSpec     *pspec,
                KhNode         *node)
{
  if (self->syncing)
    return;

  if (g_strcmp0 (pspec->name, "title") == 0)
    {
      load_title (self);
      update_title_visibility (self);
    }
  else if (g_strcmp0 (pspec->name, "text") == 0)
    {
      load_text (self);
      update_title_visibility (self);
    }
  else if (g_strcmp0 (pspec->name, "kind") == 0)
    load_kind (self);
}

static void
on_title_changed (KhNarrativeRow *self)
{
  if (self->syncing || self->node == NULL)
    return;
  self->syncing = TRUE;
  kh_node_set_title (self->node, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  self->syncing = FALSE;
}

static void
on_buffer_changed (KhNarrativeRow *self,
                   GtkTextBuffer  *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->syncing || self->node == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->syncing = TRUE;
  kh_node_set_text (self->node, text);
  self->syncing = FALSE;
}

static void
on_kind_selected (KhNarrativeRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->syncing || self->node == NULL || selected > KH_NODE_KIND_PARAGRAPH)
    return;
  /* The view renumbers on the node's change; only the title entry is ours. */
  self->syncing = TRUE;
  kh_node_set_kind (self->node, selected);
  self->syncing = FALSE;
  update_title_visibility (self);
}

static void
kh_narrative_row_dispose (GObject *object)
{
  GtkWidget *child;
  KhNarrativeRow *self = KH_NARRATIVE_ROW (object);

  kh_narrative_row_set_node (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_NARRATIVE_ROW);
  /* Unnamed template children are not cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kh_narrative_row_parent_class)->dispose (object);
}

static void
kh_narrative_row_finalize (GObject *object)
{
  KhNarrativeRow *self = KH_NARRATIVE_ROW (object);

  g_free (self->number);

  G_OBJECT_CLASS (kh_narrative_row_parent_class)->finalize (object);
}

static void
kh_narrative_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KhNarrativeRow *self = KH_NARRATIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_narrative_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KhNarrativeRow *self = KH_NARRATIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_NODE:
      kh_narrative_row_set_node (self, g_value_get_object (value));
      break;

    case PROP_NUMBER:
      kh_narrative_row_set_number (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_narrative_row_class_init (KhNarrativeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_narrative_row_dispose;
  object_class->finalize = kh_narrative_row_finalize;
  object_class->get_property = kh_narrative_row_get_property;
  object_class->set_property = kh_narrative_row_set_property;

  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL,
                         KH_TYPE_NODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-narrative-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KhNarrativeRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, KhNarrativeRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, KhNarrativeRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, KhNarrativeRow, text_frame);
  gtk_widget_class_bind_template_child (widget_class, KhNarrativeRow, kind_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
}

static void
kh_narrative_row_init (KhNarrativeRow *self)
{
  self->number = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->focus = GTK_EVENT_CONTROLLER_FOCUS (gtk_event_controller_focus_new ());
  g_signal_connect_swapped (self->focus, "notify::contains-focus",
                            G_CALLBACK (update_title_visibility), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->focus));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_buffer_changed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Heading"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of paragraph"),
                                  -1);
}

GtkWidget *
kh_narrative_row_new (void)
{
  return g_object_new (KH_TYPE_NARRATIVE_ROW, NULL);
}

KhNode *
kh_narrative_row_get_node (KhNarrativeRow *self)
{
  g_return_val_if_fail (KH_IS_NARRATIVE_ROW (self), NULL);

  return self->node;
}

void
kh_narrative_row_set_node (KhNarrativeRow *self,
                           KhNode         *node)
{
  g_return_if_fail (KH_IS_NARRATIVE_ROW (self));
  g_return_if_fail (node == NULL || KH_IS_NODE (node));

  if (self->node == node)
    return;

  if (self->node != NULL)
    g_signal_handlers_disconnect_by_func (self->node, on_node_notify, self);
  g_set_object (&self->node, node);
  if (self->node != NULL)
    g_signal_connect_swapped (self->node, "notify", G_CALLBACK (on_node_notify), self);

  load_title (self);
  load_text (self);
  load_kind (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}

const char *
kh_narrative_row_get_number (KhNarrativeRow *self)
{
  g_return_val_if_fail (KH_IS_NARRATIVE_ROW (self), NULL);

  return self->number;
}

void
kh_narrative_row_set_number (KhNarrativeRow *self,
                             const char     *number)
{
  g_return_if_fail (KH_IS_NARRATIVE_ROW (self));

  if (number == NULL)
    number = "";
  if (g_strcmp0 (self->number, number) == 0)
    return;

  g_free (self->number);
  self->number = g_strdup (number);
  gtk_label_set_text (self->number_label, number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

void
kh_narrative_row_focus_editor (KhNarrativeRow *self)
{
  g_return_if_fail (KH_IS_NARRATIVE_ROW (self));

  if (self->node != NULL &&
      kind_has_title (kh_node_get_kind (self->node)) &&
      *kh_node_get_title (self->node) == '\0' &&
      *kh_node_get_text (self->node) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
