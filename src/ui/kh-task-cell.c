/* kh-task-cell.c — one cell of the task table editor */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-task-cell.h"
#include "kh-task-cell-editor.h"
#include "kh-timeframe.h"
#include "kh-vntext.h"

struct _KhTaskCell
{
  GtkWidget         parent_instance;

  KhColumn         *column;
  KhColumnField     field;
  gboolean          title_column;
  GListModel       *units;
  GtkDropDown      *status_dropdown;  /* status cells only */
  KhTaskCellEditor *editor;           /* made on the first edit */

  GtkListItem      *item;             /* while bound */
  KhTaskRow        *row;              /* while bound */
  gulong            task_notify_id;
  gulong            group_notify_id;
  gulong            number_notify_id;
  int               plan_year;
  int               width_hint;       /* the column's width, until allocated */
  int               measured_width;   /* the width the last height was measured for */
  guint             remeasure_id;
  gboolean          editing;
  char             *edit_start_text;  /* what the editor opened with */
  gboolean          updating;         /* the display is being filled in from the model */

  /* template widgets */
  GtkWidget        *display_box;
  GtkLabel         *label;
  GtkLabel         *caption;
};

G_DEFINE_FINAL_TYPE (KhTaskCell, kh_task_cell, GTK_TYPE_WIDGET)

enum {
  SIGNAL_NAVIGATE,
  SIGNAL_ROW_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const KhTaskStatus status_order[] = {
  KH_TASK_STATUS_PLANNED,
  KH_TASK_STATUS_IN_PROGRESS,
  KH_TASK_STATUS_DONE,
  KH_TASK_STATUS_CANCELLED,
};

static KhTask *
cell_task (KhTaskCell *self)
{
  return self->row != NULL ? kh_task_row_get_task (self->row) : NULL;
}

/* The text the editor starts from; NULL when the cell has nothing to edit. */
static char *
dup_edit_text (KhTaskCell *self)
{
  KhTask *task = cell_task (self);

  if (self->row == NULL)
    return NULL;

  if (task == NULL)
    return self->title_column
      ? g_strdup (kh_task_group_get_title (kh_task_row_get_group (self->row)))
      : NULL;

  switch (self->field)
    {
    case KH_COLUMN_CONTENT:
      return g_strdup (kh_task_get_content (task));
    case KH_COLUMN_PRODUCT:
      return g_strdup (kh_task_get_product (task));
    case KH_COLUMN_LEAD:
      return g_strdup (kh_task_get_lead (task));
    case KH_COLUMN_COOPERATING:
      return g_strdup (kh_task_get_cooperating (task));
    case KH_COLUMN_TIMEFRAME:
      return g_strdup (kh_task_get_timeframe (task));
    case KH_COLUMN_NOTES:
      return g_strdup (kh_task_get_notes (task));
    case KH_COLUMN_PROGRESS:
      return g_strdup_printf ("%d", kh_task_get_progress (task));
    case KH_COLUMN_NUMBER:
    case KH_COLUMN_STATUS:
    default:
      return NULL;
    }
}

static char *
format_date (const GDate *date)
{
  return kh_vn_format_short_date (g_date_get_day (date), g_date_get_month (date),
                                  g_date_get_year (date));
}

char *
kh_task_cell_describe_timeframe (const char *text,
                                 JsonNode   *schedule_json,
                                 int         plan_year,
                                 gboolean   *understood)
{
  g_autoptr(KhSchedule) schedule = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  GDate start, end;

  if (understood != NULL)
    *understood = TRUE;

  /* A schedule the user set wins over the reading of the text. */
  if (schedule_json != NULL)
    schedule = kh_schedule_from_json (schedule_json, NULL);
  if (schedule == NULL)
    {
      if (text == NULL || *text == '\0')
        return NULL;
      schedule = kh_timeframe_read (text, plan_year);
    }

  switch (kh_schedule_get_primary_kind (schedule))
    {
    case KH_SCHEDULE_KIND_UNKNOWN:
      if (understood != NULL)
        *understood = FALSE;
      return g_strdup (_("⚠ Not understood: no dates"));
    case KH_SCHEDULE_KIND_EVENT:
      return g_strdup (_("When it happens: no dates"));
    case KH_SCHEDULE_KIND_SPAN:
    case KH_SCHEDULE_KIND_DEADLINE:
    case KH_SCHEDULE_KIND_CONTINUOUS:
    case KH_SCHEDULE_KIND_RECURRING:
    default:
      break;
    }

  if (!kh_schedule_get_range (schedule, &start, &end))
    {
      if (understood != NULL)
        *understood = FALSE;
      return g_strdup (_("⚠ Not understood: no dates"));
    }
  start_text = format_date (&start);
  end_text = format_date (&end);

  switch (kh_schedule_get_primary_kind (schedule))
    {
    case KH_SCHEDULE_KIND_DEADLINE:
      /* TRANSLATORS: a deadline, e.g. "By 30/03/2023" */
      return g_strdup_printf (_("By %s"), end_text);
    case KH_SCHEDULE_KIND_CONTINUOUS:
      /* TRANSLATORS: a continuous task from a date to a date */
      return g_strdup_printf (_("Ongoing, %s – %s"), start_text, end_text);
    case KH_SCHEDULE_KIND_RECURRING:
      {
        g_autoptr(GArray) occurrences = kh_schedule_get_occurrences (schedule);

        /* TRANSLATORS: a recurring task: how many times, from a date to a date */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time, %s – %s",
                                             "%u times, %s – %s", occurrences->len),
                                occurrences->len, start_text, end_text);
      }
    case KH_SCHEDULE_KIND_SPAN:
    default:
      if (g_date_compare (&start, &end) == 0)
        return g_steal_pointer (&start_text);
      return g_strdup_printf ("%s – %s", start_text, end_text);
    }
}

static void
set_label_text (KhTaskCell *self,
                const char *text,
                gboolean    bold)
{
  g_autofree char *markup = NULL;

  if (bold)
    {
      markup = g_markup_printf_escaped ("<b>%s</b>", text);
      gtk_label_set_markup (self->label, markup);
    }
  else
    gtk_label_set_text (self->label, text);
}

static void
update_display (KhTaskCell *self)
{
  KhTask *task = cell_task (self);
  g_autofree char *caption = NULL;
  gboolean understood = TRUE;
  gboolean show_status = FALSE;

  self->updating = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");

  if (self->row == NULL)
    set_label_text (self, "", FALSE);
  else if (self->field == KH_COLUMN_NUMBER)
    set_label_text (self, kh_task_row_get_number (self->row), task == NULL);
  else if (task == NULL)
    {
      const char *title = kh_task_group_get_title (kh_task_row_get_group (self->row));

      if (!self->title_column)
        set_label_text (self, "", FALSE);
      else if (*title == '\0')
        {
          set_label_text (self, _("Untitled group"), FALSE);
          gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
        }
      else
        set_label_text (self, title, TRUE);
    }
  else if (self->field == KH_COLUMN_STATUS)
    {
      KhTaskStatus status = kh_task_get_status (task);

      show_status = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
        if (status_order[i] == status)
          gtk_drop_down_set_selected (self->status_dropdown, i);
    }
  else if (self->field == KH_COLUMN_PROGRESS)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", kh_task_get_progress (task));

      set_label_text (self, text, FALSE);
    }
  else
    {
      g_autofree char *text = dup_edit_text (self);

      set_label_text (self, text ? text : "", FALSE);
      if (self->field == KH_COLUMN_TIMEFRAME)
        caption = kh_task_cell_describe_timeframe (kh_task_get_timeframe (task),
                                                   kh_task_get_schedule (task),
                                                   self->plan_year, &understood);
    }

  gtk_label_set_text (self->caption, caption ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption), caption != NULL);
  /* A time frame the timeline cannot place stands out. */
  if (understood)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->caption), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->caption), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->caption), "warning");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->label), !show_status);
  if (self->status_dropdown != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->status_dropdown), show_status);
  self->updating = FALSE;
}

static void
model_notify_cb (KhTaskCell *self)
{
  if (!self->editing)
    update_display (self);
}

static void
status_selected_cb (KhTaskCell *self)
{
  KhTask *task = cell_task (self);
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->updating || task == NULL || selected >= G_N_ELEMENTS (status_order))
    return;
  kh_task_set_status (task, status_order[selected]);
}

gboolean
kh_task_cell_is_editable (KhTaskCell *self)
{
  g_return_val_if_fail (KH_IS_TASK_CELL (self), FALSE);

  if (self->row == NULL || self->field == KH_COLUMN_NUMBER)
    return FALSE;
  if (kh_task_row_is_group (self->row))
    return self->title_column;
  return TRUE;
}

gboolean
kh_task_cell_is_editing (KhTaskCell *self)
{
  g_return_val_if_fail (KH_IS_TASK_CELL (self), FALSE);

  return self->editing;
}

GtkTextView *
kh_task_cell_get_editor (KhTaskCell *self)
{
  g_return_val_if_fail (KH_IS_TASK_CELL (self), NULL);

  return self->editing ? kh_task_cell_editor_get_text_view (self->editor) : NULL;
}

static gboolean
focus_is_inside (KhTaskCell *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

static void
stop_editing (KhTaskCell *self)
{
  gboolean had_focus = focus_is_inside (self);

  self->editing = FALSE;
  gtk_popover_popdown (GTK_POPOVER (self->editor));
  update_display (self);
  /* Keep the keyboard in the table rather than losing it with the editor. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Writes the editor's text into the model: one change (none when the
 * text is unchanged). Returns FALSE, still editing, for a bad progress. */
static gboolean
commit (KhTaskCell *self)
{
  KhTask *task = cell_task (self);
  g_autofree char *text = NULL;

  if (!self->editing)
    return TRUE;

  text = g_strstrip (kh_task_cell_editor_dup_text (self->editor));

  /* Untouched text is not written back: the model may have changed while
   * the editor was open (undo, the timeline, another view). */
  if (g_strcmp0 (text, g_strstrip (self->edit_start_text)) == 0)
    {
      stop_editing (self);
      return TRUE;
    }

  if (task == NULL)
    kh_task_group_set_title (kh_task_row_get_group (self->row), text);
  else
    switch (self->field)
      {
      case KH_COLUMN_CONTENT:
        kh_task_set_content (task, text);
        break;
      case KH_COLUMN_PRODUCT:
        kh_task_set_product (task, text);
        break;
      case KH_COLUMN_LEAD:
        kh_task_set_lead (task, text);
        break;
      case KH_COLUMN_COOPERATING:
        kh_task_set_cooperating (task, text);
        break;
      case KH_COLUMN_TIMEFRAME:
        kh_task_set_timeframe (task, text);
        break;
      case KH_COLUMN_NOTES:
        kh_task_set_notes (task, text);
        break;
      case KH_COLUMN_PROGRESS:
        {
          gint64 progress;
          char *percent = strchr (text, '%');

          if (percent != NULL)
            *percent = '\0';
          g_strstrip (text);
          if (!g_ascii_string_to_signed (text, 10, 0, 100, &progress, NULL))
            {
              gtk_widget_error_bell (GTK_WIDGET (self));
              return FALSE;
            }
          kh_task_set_progress (task, (int) progress);
        }
        break;
      case KH_COLUMN_NUMBER:
      case KH_COLUMN_STATUS:
      default:
        break;
      }

  stop_editing (self);
  return TRUE;
}

static void
navigate (KhTaskCell          *self,
          KhTaskCellDirection  direction)
{
  g_signal_emit (self, signals[SIGNAL_NAVIGATE], 0, direction);
}

static void
editor_finished_cb (KhTaskCell *self,
                    int         end)
{
  if (!self->editing)
    return;

  if (end == KH_TASK_CELL_EDITOR_CANCEL)
    {
      stop_editing (self);
      return;
    }

  if (!commit (self))
    {
      /* A bad value typed before a click elsewhere is dropped; before a key,
       * the editor stays open for a fix. */
      if (end == KH_TASK_CELL_EDITOR_SAVE)
        stop_editing (self);
      else
        kh_task_cell_editor_open (self->editor, &(GdkRectangle) { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), 1 });
      return;
    }

  switch (end)
    {
    case KH_TASK_CELL_EDITOR_SAVE_DOWN:
      navigate (self, KH_TASK_CELL_DOWN);
      break;
    case KH_TASK_CELL_EDITOR_SAVE_NEXT:
      navigate (self, KH_TASK_CELL_NEXT);
      break;
    case KH_TASK_CELL_EDITOR_SAVE_PREVIOUS:
      navigate (self, KH_TASK_CELL_PREVIOUS);
      break;
    case KH_TASK_CELL_EDITOR_SAVE_ADD:
      gtk_widget_activate_action (GTK_WIDGET (self), "tasks.add", NULL);
      break;
    case KH_TASK_CELL_EDITOR_SAVE:
    default:
      break;
    }
}

gboolean
kh_task_cell_start_editing (KhTaskCell *self)
{
  g_autofree char *text = NULL;
  int width;

  g_return_val_if_fail (KH_IS_TASK_CELL (self), FALSE);

  if (self->editing)
    return TRUE;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  /* A cell not on screen yet (just bound) has nowhere to put its editor. */
  if (!kh_task_cell_is_editable (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)) || width == 0)
    return FALSE;

  /* The status has no text: Enter opens its list. */
  if (self->field == KH_COLUMN_STATUS)
    {
      gtk_widget_activate (GTK_WIDGET (self->status_dropdown));
      return TRUE;
    }

  if (self->editor == NULL)
    {
      gboolean units = self->field == KH_COLUMN_LEAD || self->field == KH_COLUMN_COOPERATING;

      self->editor = kh_task_cell_editor_new (units ? self->units : NULL);
      gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
      g_signal_connect_swapped (self->editor, "finished", G_CALLBACK (editor_finished_cb), self);
    }

  text = dup_edit_text (self);
  kh_task_cell_editor_set_text (self->editor, text);
  g_free (self->edit_start_text);
  self->edit_start_text = g_strdup (text ? text : "");
  self->editing = TRUE;
  kh_task_cell_editor_open (self->editor, &(GdkRectangle) { 0, 0, width, 1 });
  return TRUE;
}

void
kh_task_cell_insert_text (KhTaskCell *self,
                          const char *text)
{
  g_return_if_fail (KH_IS_TASK_CELL (self));

  if (self->editing && self->editor != NULL)
    kh_task_cell_editor_insert (self->editor, text);
}

void
kh_task_cell_commit (KhTaskCell *self)
{
  g_return_if_fail (KH_IS_TASK_CELL (self));

  if (!commit (self))
    stop_editing (self);
}

void
kh_task_cell_cancel (KhTaskCell *self)
{
  g_return_if_fail (KH_IS_TASK_CELL (self));

  if (self->editing)
    stop_editing (self);
}

void
kh_task_cell_insert_unit (KhTaskCell *self,
                          const char *name)
{
  g_return_if_fail (KH_IS_TASK_CELL (self));

  if (kh_task_cell_start_editing (self) && self->editor != NULL)
    kh_task_cell_editor_insert_unit (self->editor, name);
}

static gboolean
cell_key_pressed_cb (KhTaskCell            *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gunichar ch = gdk_keyval_to_unicode (keyval);

  /* A character typed on the cell goes into its text: it starts editing (as
   * in a spreadsheet), and keys that arrive while the editor is still
   * opening (right after Tab or Enter) are not lost. */
  if (ch != 0 && g_unichar_isprint (ch) && (mods & ~GDK_SHIFT_MASK) == 0 &&
      self->field != KH_COLUMN_STATUS)
    {
      char utf8[7] = { 0 };

      if (!self->editing && !kh_task_cell_start_editing (self))
        return FALSE;
      if (self->editor == NULL)
        return FALSE;
      g_unichar_to_utf8 (ch, utf8);
      kh_task_cell_editor_insert (self->editor, utf8);
      return TRUE;
    }

  if (self->editing)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      if (mods != 0)
        return FALSE;
      return kh_task_cell_start_editing (self);

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (mods & ~GDK_SHIFT_MASK)
        return FALSE;
      navigate (self, (keyval == GDK_KEY_ISO_Left_Tab || mods == GDK_SHIFT_MASK)
                      ? KH_TASK_CELL_PREVIOUS : KH_TASK_CELL_NEXT);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (mods != 0)
        return FALSE;
      navigate (self, (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
                      ? KH_TASK_CELL_UP : KH_TASK_CELL_DOWN);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
click_pressed_cb (KhTaskCell      *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  /* The double click that follows activates the row: the view then edits
   * the cell that has the focus. */
  if (!self->editing && n_press == 1)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GdkContentProvider *
drag_prepare_cb (KhTaskCell    *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  g_autoptr(GdkPaintable) icon = NULL;

  if (self->row == NULL || self->editing)
    return NULL;

  icon = gtk_widget_paintable_new (GTK_WIDGET (self->label));
  gtk_drag_source_set_icon (source, icon, 0, 0);
  return gdk_content_provider_new_typed (KH_TYPE_TASK_ROW, self->row);
}

static gboolean
drop_cb (KhTaskCell    *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  KhTaskRow *source = g_value_get_object (value);

  if (self->row == NULL || source == NULL || source == self->row)
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_ROW_DROPPED], 0, source,
                 y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  return TRUE;
}

static void
kh_task_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  KhTaskCell *self = KH_TASK_CELL (widget);

  /* GtkColumnView (4.8) asks a row's cells for their height without a
   * width, which for wrapped text gives the height at some other width:
   * measure at the width the cell has (or will have), so that rows grow
   * to show all of the text. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0)
    {
      for_size = gtk_widget_get_width (widget) > 0 ? gtk_widget_get_width (widget) : self->width_hint;
      self->measured_width = for_size;
    }
  gtk_widget_measure (self->display_box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural;
}

static gboolean
remeasure_cb (gpointer data)
{
  KhTaskCell *self = data;

  self->remeasure_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
kh_task_cell_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  KhTaskCell *self = KH_TASK_CELL (widget);

  gtk_widget_allocate (self->display_box, width, height, baseline, NULL);
  /* Measured for another width (a new cell, a resized column): measure
   * again after this layout, not during it. */
  if (self->measured_width > 0 && ABS (width - self->measured_width) > 2 && self->remeasure_id == 0)
    self->remeasure_id = g_idle_add (remeasure_cb, self);
  if (self->editor != NULL)
    gtk_popover_present (GTK_POPOVER (self->editor));
}

static void
kh_task_cell_dispose (GObject *object)
{
  KhTaskCell *self = KH_TASK_CELL (object);

  kh_task_cell_unbind (self);
  g_clear_handle_id (&self->remeasure_id, g_source_remove);
  if (self->editor != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->editor));
  self->editor = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_TASK_CELL);

  G_OBJECT_CLASS (kh_task_cell_parent_class)->dispose (object);
}

static void
kh_task_cell_finalize (GObject *object)
{
  KhTaskCell *self = KH_TASK_CELL (object);

  g_clear_object (&self->column);
  g_clear_object (&self->units);
  g_clear_pointer (&self->edit_start_text, g_free);

  G_OBJECT_CLASS (kh_task_cell_parent_class)->finalize (object);
}

static void
kh_task_cell_class_init (KhTaskCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_task_cell_dispose;
  object_class->finalize = kh_task_cell_finalize;
  widget_class->measure = kh_task_cell_measure;
  widget_class->size_allocate = kh_task_cell_size_allocate;

  /* (KhTaskCellDirection): asks the view to move the focus to a neighbour. */
  signals[SIGNAL_NAVIGATE] =
    g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /* A task row was dropped on this cell: (row, whether below the middle). */
  signals[SIGNAL_ROW_DROPPED] =
    g_signal_new ("row-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, KH_TYPE_TASK_ROW, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-task-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTaskCell, display_box);
  gtk_widget_class_bind_template_child (widget_class, KhTaskCell, label);
  gtk_widget_class_bind_template_child (widget_class, KhTaskCell, caption);

  gtk_widget_class_set_css_name (widget_class, "khtaskcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CELL);
}

static void
kh_task_cell_init (KhTaskCell *self)
{
  GtkEventController *controller;
  GtkGesture *click;
  GtkDragSource *drag;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Not claimed: the row still selects on the same click. */
  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (self->display_box, GTK_EVENT_CONTROLLER (click));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (self->display_box, GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (KH_TYPE_TASK_ROW, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

KhTaskCell *
kh_task_cell_new (KhColumn   *column,
                  gboolean    title_column,
                  int         width_hint,
                  GListModel *units)
{
  KhTaskCell *self;

  g_return_val_if_fail (KH_IS_COLUMN (column), NULL);
  g_return_val_if_fail (units == NULL || G_IS_LIST_MODEL (units), NULL);

  self = g_object_new (KH_TYPE_TASK_CELL, NULL);
  self->column = g_object_ref (column);
  self->field = kh_column_get_field (column);
  self->title_column = title_column;
  self->units = units ? g_object_ref (units) : NULL;
  self->width_hint = MAX (width_hint, 1);

  if (self->field == KH_COLUMN_NUMBER)
    {
      gtk_label_set_xalign (self->label, 0.5);
      gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
    }

  /* Only status cells pay for a drop-down (a list holds hundreds of cells). */
  if (self->field == KH_COLUMN_STATUS)
    {
      const char *statuses[] = { _("Planned"), _("In Progress"), _("Done"), _("Cancelled"), NULL };

      self->status_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (statuses));
      gtk_widget_set_halign (GTK_WIDGET (self->status_dropdown), GTK_ALIGN_START);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_dropdown), "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
      gtk_box_append (GTK_BOX (self->display_box), GTK_WIDGET (self->status_dropdown));
      g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                                G_CALLBACK (status_selected_cb), self);
    }

  return self;
}

static GtkWidget *
row_widget (KhTaskCell *self)
{
  /* cell widget (GtkColumnViewCell) → row widget of the column view */
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (self));

  return cell != NULL ? gtk_widget_get_parent (cell) : NULL;
}

void
kh_task_cell_bind (KhTaskCell  *self,
                   GtkListItem *item,
                   int          plan_year)
{
  KhTask *task;
  GtkWidget *row;

  g_return_if_fail (KH_IS_TASK_CELL (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  kh_task_cell_unbind (self);

  self->item = item;
  self->row = g_object_ref (gtk_list_item_get_item (item));
  self->plan_year = plan_year;
  task = cell_task (self);

  if (task != NULL)
    self->task_notify_id = g_signal_connect_swapped (task, "notify",
                                                     G_CALLBACK (model_notify_cb), self);
  else
    self->group_notify_id = g_signal_connect_swapped (kh_task_row_get_group (self->row),
                                                      "notify::title",
                                                      G_CALLBACK (model_notify_cb), self);
  self->number_notify_id = g_signal_connect_swapped (self->row, "notify::number",
                                                     G_CALLBACK (model_notify_cb), self);

  /* Group rows are styled as a whole (a band across the table); the row
   * widget is recycled between positions, so every bind sets it. */
  row = row_widget (self);
  if (row != NULL)
    {
      if (task == NULL)
        gtk_widget_add_css_class (row, "kh-group-row");
      else
        gtk_widget_remove_css_class (row, "kh-group-row");
    }
  if (task == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "group");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "group");

  gtk_widget_set_focusable (GTK_WIDGET (self), kh_task_cell_is_editable (self));
  update_display (self);
}

void
kh_task_cell_unbind (KhTaskCell *self)
{
  g_return_if_fail (KH_IS_TASK_CELL (self));

  if (self->row == NULL)
    return;

  /* A cell scrolled away (or whose row went) keeps what was typed. */
  if (self->editing)
    kh_task_cell_commit (self);

  if (self->task_notify_id != 0)
    g_clear_signal_handler (&self->task_notify_id, kh_task_row_get_task (self->row));
  if (self->group_notify_id != 0)
    g_clear_signal_handler (&self->group_notify_id, kh_task_row_get_group (self->row));
  g_clear_signal_handler (&self->number_notify_id, self->row);
  g_clear_object (&self->row);
  self->item = NULL;
}

void
kh_task_cell_set_plan_year (KhTaskCell *self,
                            int         plan_year)
{
  g_return_if_fail (KH_IS_TASK_CELL (self));

  if (self->plan_year == plan_year)
    return;
  self->plan_year = plan_year;
  if (!self->editing)
    update_display (self);
}

KhColumn *
kh_task_cell_get_column (KhTaskCell *self)
{
  g_return_val_if_fail (KH_IS_TASK_CELL (self), NULL);

  return self->column;
}

KhTaskRow *
kh_task_cell_get_row (KhTaskCell *self)
{
  g_return_val_if_fail (KH_IS_TASK_CELL (self), NULL);

  return self->row;
}

guint
kh_task_cell_get_position (KhTaskCell *self)
{
  g_return_val_if_fail (KH_IS_TASK_CELL (self), GTK_INVALID_LIST_POSITION);

  return self->item != NULL ? gtk_list_item_get_position (self->item) : GTK_INVALID_LIST_POSITION;
}
