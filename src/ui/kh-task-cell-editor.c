/* kh-task-cell-editor.c — the text editor a task table cell opens */
#include "config.h"

#include "kh-core.h"
#include "kh-task-cell-editor.h"
#include "kh-vntext.h"

struct _KhTaskCellEditor
{
  GtkPopover          parent_instance;

  GtkFilterListModel *unit_model;
  GtkCustomFilter    *unit_filter;
  gboolean            finished;  /* "finished" was emitted for this opening */
  char               *preedit;   /* text the input method shows, not yet committed */

  /* template widgets */
  GtkWidget          *scroller;
  GtkTextView        *text_view;
  GtkWidget          *unit_box;
  GtkSearchEntry     *unit_search;
  GtkListView        *unit_list;
};

G_DEFINE_FINAL_TYPE (KhTaskCellEditor, kh_task_cell_editor, GTK_TYPE_POPOVER)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finish (KhTaskCellEditor    *self,
        KhTaskCellEditorEnd  end)
{
  if (self->finished)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, end);
}

static void
closed_cb (KhTaskCellEditor *self)
{
  finish (self, KH_TASK_CELL_EDITOR_SAVE);
}

/* An input method (ibus-unikey's Telex) keeps the word being typed as
 * preedit until the word is done, and Enter and Tab are taken here before
 * it sees them: "Vieetj" then Enter would lose "Việt". The word shown is
 * what the user sees typed, so it goes into the text (unless resetting the
 * input method commits it itself) before the editor finishes. */
static void
finish_with_preedit (KhTaskCellEditor    *self,
                     KhTaskCellEditorEnd  end)
{
  if (self->preedit != NULL && self->preedit[0] != '\0')
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      g_autofree char *pending = g_steal_pointer (&self->preedit);
      int before = gtk_text_buffer_get_char_count (buffer);

      gtk_text_view_reset_im_context (self->text_view);
      if (gtk_text_buffer_get_char_count (buffer) == before)
        gtk_text_buffer_insert_at_cursor (buffer, pending, -1);
    }
  finish (self, end);
}

static void
preedit_changed_cb (KhTaskCellEditor *self,
                    const char       *preedit)
{
  g_free (self->preedit);
  self->preedit = g_strdup (preedit);
}

static gboolean
key_pressed_cb (KhTaskCellEditor      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean in_text = gtk_widget_has_focus (GTK_WIDGET (self->text_view));

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (!in_text || mods == GDK_SHIFT_MASK)
        return FALSE;  /* the unit search's own Enter, or a line break */
      finish_with_preedit (self, mods == GDK_CONTROL_MASK ? KH_TASK_CELL_EDITOR_SAVE_ADD
                                                          : KH_TASK_CELL_EDITOR_SAVE_DOWN);
      return TRUE;

    case GDK_KEY_Escape:
      finish (self, KH_TASK_CELL_EDITOR_CANCEL);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (!in_text)
        return FALSE;
      finish_with_preedit (self, (keyval == GDK_KEY_ISO_Left_Tab || (mods & GDK_SHIFT_MASK))
                                 ? KH_TASK_CELL_EDITOR_SAVE_PREVIOUS : KH_TASK_CELL_EDITOR_SAVE_NEXT);
      return TRUE;

    case GDK_KEY_space:
      if (mods == GDK_CONTROL_MASK && gtk_widget_get_visible (self->unit_box))
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->unit_search));
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

/* The unit pick list */

static gboolean
unit_matches (gpointer item,
              gpointer data)
{
  KhTaskCellEditor *self = data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->unit_search));

  return kh_vn_fold_contains (kh_unit_get_name (item), query) ||
         kh_vn_fold_contains (kh_unit_get_short_name (item), query);
}

static void
unit_search_changed_cb (KhTaskCellEditor *self)
{
  if (self->unit_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->unit_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter in the search takes the first match, or the typed text as a free name. */
static void
unit_search_activate_cb (KhTaskCellEditor *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_search))));
  g_autoptr(KhUnit) first = NULL;

  if (self->unit_model != NULL)
    first = g_list_model_get_item (G_LIST_MODEL (self->unit_model), 0);
  kh_task_cell_editor_insert_unit (self, first != NULL ? kh_unit_get_name (first) : typed);
}

static void
unit_search_stop_cb (KhTaskCellEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
unit_list_activate_cb (KhTaskCellEditor *self,
                       guint             position)
{
  g_autoptr(KhUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->unit_model), position);

  if (unit != NULL)
    kh_task_cell_editor_insert_unit (self, kh_unit_get_name (unit));
}

static void
unit_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *short_name = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (short_name, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), short_name);
  gtk_list_item_set_child (item, box);
}

static void
unit_item_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  KhUnit *unit = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (name), kh_unit_get_name (unit));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (name)),
                      kh_unit_get_short_name (unit));
}

static void
kh_task_cell_editor_dispose (GObject *object)
{
  KhTaskCellEditor *self = KH_TASK_CELL_EDITOR (object);

  g_clear_pointer (&self->preedit, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_TASK_CELL_EDITOR);
  g_clear_object (&self->unit_model);
  g_clear_object (&self->unit_filter);

  G_OBJECT_CLASS (kh_task_cell_editor_parent_class)->dispose (object);
}

static void
kh_task_cell_editor_class_init (KhTaskCellEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_task_cell_editor_dispose;

  /* (KhTaskCellEditorEnd end): once per opening, when the user is done. */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-task-cell-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTaskCellEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, KhTaskCellEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, KhTaskCellEditor, unit_box);
  gtk_widget_class_bind_template_child (widget_class, KhTaskCellEditor, unit_search);
  gtk_widget_class_bind_template_child (widget_class, KhTaskCellEditor, unit_list);
  gtk_widget_class_bind_template_callback (widget_class, closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_list_activate_cb);
}

static void
kh_task_cell_editor_init (KhTaskCellEditor *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Capture: Enter and Tab must not become text, and Escape must cancel
   * before the popover closes (a close saves). */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect_swapped (self->text_view, "preedit-changed", G_CALLBACK (preedit_changed_cb), self);
}

KhTaskCellEditor *
kh_task_cell_editor_new (GListModel *units)
{
  KhTaskCellEditor *self;

  g_return_val_if_fail (units == NULL || G_IS_LIST_MODEL (units), NULL);

  self = g_object_new (KH_TYPE_TASK_CELL_EDITOR, NULL);
  if (units != NULL)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkNoSelection) selection = NULL;

      self->unit_filter = gtk_custom_filter_new (unit_matches, self, NULL);
      self->unit_model = gtk_filter_list_model_new (g_object_ref (units),
                                                    g_object_ref (GTK_FILTER (self->unit_filter)));
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->unit_model)));
      g_signal_connect (factory, "setup", G_CALLBACK (unit_item_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (unit_item_bind_cb), NULL);
      gtk_list_view_set_factory (self->unit_list, factory);
      gtk_list_view_set_model (self->unit_list, GTK_SELECTION_MODEL (selection));
      gtk_widget_set_visible (self->unit_box, TRUE);
    }
  return self;
}

GtkTextView *
kh_task_cell_editor_get_text_view (KhTaskCellEditor *self)
{
  g_return_val_if_fail (KH_IS_TASK_CELL_EDITOR (self), NULL);

  return self->text_view;
}

char *
kh_task_cell_editor_dup_text (KhTaskCellEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (KH_IS_TASK_CELL_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
kh_task_cell_editor_insert (KhTaskCellEditor *self,
                            const char       *text)
{
  g_return_if_fail (KH_IS_TASK_CELL_EDITOR (self));

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (self->text_view), text, -1);
}

void
kh_task_cell_editor_set_text (KhTaskCellEditor *self,
                              const char       *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (KH_IS_TASK_CELL_EDITOR (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

void
kh_task_cell_editor_insert_unit (KhTaskCellEditor *self,
                                 const char       *name)
{
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;
  gsize len;

  g_return_if_fail (KH_IS_TASK_CELL_EDITOR (self));

  if (name == NULL || *name == '\0')
    return;

  text = g_strstrip (kh_task_cell_editor_dup_text (self));
  len = strlen (text);
  /* Units are listed "A; B"; a list the user ended with a separator keeps it. */
  if (len == 0)
    joined = g_strdup (name);
  else if (text[len - 1] == ';' || text[len - 1] == ',')
    joined = g_strconcat (text, " ", name, NULL);
  else
    joined = g_strconcat (text, "; ", name, NULL);

  kh_task_cell_editor_set_text (self, joined);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
kh_task_cell_editor_open (KhTaskCellEditor   *self,
                          const GdkRectangle *rect)
{
  g_return_if_fail (KH_IS_TASK_CELL_EDITOR (self));
  g_return_if_fail (rect != NULL);

  self->finished = FALSE;
  g_clear_pointer (&self->preedit, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_search), "");
  gtk_widget_set_size_request (self->scroller, MAX (rect->width, 320), -1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self), &(GdkRectangle) { rect->x, rect->y, rect->width, 1 });
  gtk_popover_popup (GTK_POPOVER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
