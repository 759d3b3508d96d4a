/* kh-timeline-view.c — the Timeline page around KhTimeline */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-timeline-renderer.h"
#include "kh-timeline-view.h"

struct _KhTimelineView
{
  AdwBin            parent_instance;

  KhDocument       *document;
  KhTimelineModel  *model;
  gulong            model_changed_id;
  gboolean          presentation;
  gboolean          updating_filters;   /* while the dropdowns are refilled */
  gboolean          stale;              /* the legend and count wait to be shown */
  GStrv             units;              /* the unit dropdown's items after "All units" */

  AdwToastOverlay  *toast_overlay;
  GtkWidget        *toolbar;
  GtkDropDown      *color_dropdown;
  GtkDropDown      *unit_dropdown;
  GtkDropDown      *quarter_dropdown;
  GtkDropDown      *status_dropdown;
  GtkMenuButton    *filter_button;
  GtkMenuButton    *summary_button;
  GtkPopover       *summary_popover;
  GtkGrid          *summary_grid;
  GtkLabel         *count_label;
  GtkToggleButton  *presentation_button;
  GtkBox           *legend_box;
  GtkScrolledWindow *scrolled;
  KhTimeline       *timeline;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PRESENTATION,
  N_PROPS
};

enum {
  SIGNAL_TASK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhTimelineView, kh_timeline_view, ADW_TYPE_BIN)

static const char *
status_name (KhTaskStatus status)
{
  switch (status)
    {
    case KH_TASK_STATUS_PLANNED:
      return _("Planned");
    case KH_TASK_STATUS_IN_PROGRESS:
      return _("In progress");
    case KH_TASK_STATUS_DONE:
      return _("Done");
    case KH_TASK_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      return "";
    }
}

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
update_legend (KhTimelineView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gboolean by_status = kh_timeline_model_get_color_by (self->model) == KH_TIMELINE_COLOR_BY_STATUS;

  clear_children (GTK_WIDGET (self->legend_box));
  for (guint i = 0; i < kh_timeline_model_get_n_legend (self->model); i++)
    {
      KhTimelineColor c;
      g_autofree char *markup = NULL;
      const char *label = by_status ? status_name (i) : kh_timeline_model_get_legend_label (self->model, i);
      GtkWidget *widget;

      kh_timeline_model_get_legend_color (self->model, i, dark, &c);
      markup = g_markup_printf_escaped ("<span foreground=\"#%02x%02x%02x\">■</span> %s",
                                        (int) (c.red * 255), (int) (c.green * 255), (int) (c.blue * 255), label);
      widget = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (widget), markup);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (widget), 28);
      gtk_widget_set_tooltip_text (widget, label);
      gtk_box_append (self->legend_box, widget);
    }
}

static void
update_count (KhTimelineView *self)
{
  g_autofree char *text = NULL;
  guint n = kh_timeline_model_get_n_tasks (self->model);

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n), n);
  gtk_label_set_text (self->count_label, text);
}

/* Off screen, the legend waits: reading the model rebuilds its rows. */
static void
on_model_changed (KhTimelineView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  update_legend (self);
  update_count (self);
}

static void
on_map (KhTimelineView *self)
{
  if (self->stale)
    on_model_changed (self);
}

/* The units named in the plan now, the current filter kept selected. */
static void
fill_units (KhTimelineView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *current = kh_timeline_model_get_filter_unit (self->model);
  guint selected = 0;

  g_clear_pointer (&self->units, g_strfreev);
  self->units = kh_timeline_model_dup_units (self->model);
  gtk_string_list_append (list, _("All units"));
  for (guint i = 0; self->units[i] != NULL; i++)
    {
      gtk_string_list_append (list, self->units[i]);
      if (g_strcmp0 (current, self->units[i]) == 0)
        selected = i + 1;
    }
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->unit_dropdown, selected);
  self->updating_filters = FALSE;
}

static void
on_unit_selected (KhTimelineView *self)
{
  guint i = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->updating_filters || self->units == NULL)
    return;
  kh_timeline_model_set_filter_unit (self->model,
                                     i >= 1 && i <= g_strv_length (self->units) ? self->units[i - 1] : NULL);
}

static void
on_quarter_selected (KhTimelineView *self)
{
  guint i = gtk_drop_down_get_selected (self->quarter_dropdown);

  kh_timeline_model_set_filter_quarter (self->model, i <= 4 ? (int) i : 0);
}

static void
on_status_selected (KhTimelineView *self)
{
  guint i = gtk_drop_down_get_selected (self->status_dropdown);

  kh_timeline_model_set_filter_status (self->model, i >= 1 && i <= 4 ? (int) i - 1 : -1);
}

static void
on_color_selected (KhTimelineView *self)
{
  kh_timeline_model_set_color_by (self->model,
                                  gtk_drop_down_get_selected (self->color_dropdown) == 1
                                  ? KH_TIMELINE_COLOR_BY_STATUS : KH_TIMELINE_COLOR_BY_LEAD);
}

static void
grid_cell (GtkGrid    *grid,
           const char *text,
           int         column,
           int         row,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* Rebuilt each time it opens: the plan may have changed meanwhile. */
static void
on_summary_shown (KhTimelineView *self)
{
  g_autoptr(GPtrArray) summary = kh_timeline_model_dup_summary (self->model);

  clear_children (GTK_WIDGET (self->summary_grid));
  grid_cell (self->summary_grid, _("Lead unit"), 0, 0, TRUE);
  for (int q = 1; q <= 4; q++)
    grid_cell (self->summary_grid, kh_timeline_quarter_label (q), q, 0, TRUE);
  grid_cell (self->summary_grid, _("No date"), 5, 0, TRUE);
  grid_cell (self->summary_grid, _("Total"), 6, 0, TRUE);
  for (guint i = 0; i < summary->len; i++)
    {
      KhTimelineUnitSummary *s = g_ptr_array_index (summary, i);
      char number[16];

      grid_cell (self->summary_grid, s->unit, 0, (int) i + 1, FALSE);
      for (int q = 0; q < 4; q++)
        {
          g_snprintf (number, sizeof number, "%u", s->quarters[q]);
          grid_cell (self->summary_grid, number, q + 1, (int) i + 1, FALSE);
        }
      g_snprintf (number, sizeof number, "%u", s->undated);
      grid_cell (self->summary_grid, number, 5, (int) i + 1, FALSE);
      g_snprintf (number, sizeof number, "%u", s->total);
      grid_cell (self->summary_grid, number, 6, (int) i + 1, FALSE);
    }
  if (summary->len == 0)
    grid_cell (self->summary_grid, _("No task has a lead unit yet."), 0, 1, FALSE);
}

static void
on_task_activated (KhTimelineView *self,
                   KhTask         *task)
{
  g_signal_emit (self, signals[SIGNAL_TASK_ACTIVATED], 0, task);
}

typedef struct {
  KhTimelineView *view;
  KhTask         *task;
  KhSchedule     *schedule;
} Proposal;

static void
proposal_free (Proposal *p)
{
  g_object_unref (p->view);
  g_object_unref (p->task);
  kh_schedule_unref (p->schedule);
  g_free (p);
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Proposal         *p)
{
  if (g_strcmp0 (response, "keep") == 0)
    kh_timeline_view_apply_schedule (p->view, p->task, p->schedule, FALSE);
  else if (g_strcmp0 (response, "rewrite") == 0)
    kh_timeline_view_apply_schedule (p->view, p->task, p->schedule, TRUE);
}

static void
on_schedule_edited (KhTimelineView *self,
                    KhTask         *task,
                    KhSchedule     *schedule)
{
  g_autofree char *wording = kh_schedule_to_wording (schedule);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  Proposal *p;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Change the Schedule?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Rewrite the time frame as “%s”?"), wording);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep Text"),
                                    "rewrite", _("_Rewrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rewrite",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rewrite");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  p = g_new0 (Proposal, 1);
  p->view = g_object_ref (self);
  p->task = g_object_ref (task);
  p->schedule = kh_schedule_ref (schedule);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response), p,
                         (GClosureNotify) proposal_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_fullscreen (KhTimelineView *self,
                gboolean        fullscreen)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (root))
    return;
  if (fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (root));
  else
    gtk_window_unfullscreen (GTK_WINDOW (root));
}

static void
on_presentation_toggled (KhTimelineView *self)
{
  kh_timeline_view_set_presentation (self, gtk_toggle_button_get_active (self->presentation_button));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhTimelineView *self = KH_TIMELINE_VIEW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline), "timeline.zoom", "s",
                              g_variant_get_string (parameter, NULL));
}

static void
presentation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KhTimelineView *self = KH_TIMELINE_VIEW (widget);

  kh_timeline_view_set_presentation (self, g_str_equal (action_name, "timeline-view.presentation")
                                           ? !self->presentation : FALSE);
}

typedef struct {
  KhTimelineView *view;
  char           *format;
} ExportRequest;

static void
export_request_free (ExportRequest *r)
{
  g_object_unref (r->view);
  g_free (r->format);
  g_free (r);
}

gboolean
kh_timeline_view_export (KhTimelineView  *self,
                         const char      *format,
                         const char      *path,
                         GError         **error)
{
  KhTimelineExportOptions options;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (KH_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (format != NULL && path != NULL, FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No plan is open."));
      return FALSE;
    }
  /* What is on screen: its colours, its filters. */
  kh_timeline_export_options_init (&options);
  options.paper = g_str_equal (format, "pdf-a3") ? KH_PAPER_A3 : KH_PAPER_A4;
  options.color_by = kh_timeline_model_get_color_by (self->model);
  options.filter_unit = kh_timeline_model_get_filter_unit (self->model);
  options.filter_quarter = kh_timeline_model_get_filter_quarter (self->model);
  options.filter_status = kh_timeline_model_get_filter_status (self->model);
  g_date_set_dmy (&options.today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  /* A quarter chosen in the filter is the range on paper. */
  if (options.filter_quarter > 0)
    {
      int year = kh_timeline_model_get_year (self->model);

      g_date_set_dmy (&options.from, 1, (options.filter_quarter - 1) * 3 + 1, year);
      options.to = options.from;
      g_date_add_months (&options.to, 3);
      g_date_subtract_days (&options.to, 1);
    }
  if (g_str_equal (format, "png"))
    return kh_timeline_export_png (self->document, &options, path, error);
  return kh_timeline_export_pdf (self->document, &options, path, error);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    ExportRequest   *r)
{
  KhTimelineView *self = r->view;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL)
    {
      if (kh_timeline_view_export (self, r->format, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
        }
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhTimelineView *self = KH_TIMELINE_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  ExportRequest *r;

  if (self->document == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Timeline"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     g_str_equal (format, "png") ? "tien-do.png" : "tien-do.pdf");
  r = g_new0 (ExportRequest, 1);
  r->view = g_object_ref (self);
  r->format = g_strdup (format);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_export_response), r,
                         (GClosureNotify) export_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
kh_timeline_view_dispose (GObject *object)
{
  KhTimelineView *self = KH_TIMELINE_VIEW (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->model_changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_object (&self->document);
  g_clear_pointer (&self->units, g_strfreev);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  /* The bin's child is a template child: the bin lets go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_TIMELINE_VIEW);

  G_OBJECT_CLASS (kh_timeline_view_parent_class)->dispose (object);
}

static void
kh_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KhTimelineView *self = KH_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KhTimelineView *self = KH_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kh_timeline_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_PRESENTATION:
      kh_timeline_view_set_presentation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_timeline_view_class_init (KhTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_timeline_view_dispose;
  object_class->get_property = kh_timeline_view_get_property;
  object_class->set_property = kh_timeline_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A task's bar or name was clicked: select it in the task table. */
  signals[SIGNAL_TASK_ACTIVATED] =
    g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KH_TYPE_TASK);

  g_type_ensure (KH_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, quarter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, summary_button);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, summary_popover);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, count_label);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, presentation_button);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, KhTimelineView, timeline);

  gtk_widget_class_install_action (widget_class, "timeline-view.zoom", "s", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline-view.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "timeline-view.presentation", NULL, presentation_action);
  gtk_widget_class_install_action (widget_class, "timeline-view.leave-presentation", NULL, presentation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "timeline-view.presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline-view.leave-presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline-view.zoom", "s", "in");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline-view.zoom", "s", "in");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline-view.zoom", "s", "out");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline-view.zoom", "s", "fit");
}

static void
fill_string_dropdown (GtkDropDown        *dropdown,
                      const char * const *items)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) items);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
kh_timeline_view_init (KhTimelineView *self)
{
  const char *quarters[] = { _("All quarters"), kh_timeline_quarter_label (1), kh_timeline_quarter_label (2),
                             kh_timeline_quarter_label (3), kh_timeline_quarter_label (4), NULL };
  const char *statuses[] = { _("All statuses"), status_name (KH_TASK_STATUS_PLANNED),
                             status_name (KH_TASK_STATUS_IN_PROGRESS), status_name (KH_TASK_STATUS_DONE),
                             status_name (KH_TASK_STATUS_CANCELLED), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = kh_timeline_model_new (NULL);
  self->model_changed_id = g_signal_connect_swapped (self->model, "changed", G_CALLBACK (on_model_changed), self);
  kh_timeline_set_model (self->timeline, self->model);

  fill_string_dropdown (self->quarter_dropdown, quarters);
  fill_string_dropdown (self->status_dropdown, statuses);
  g_signal_connect_swapped (self->unit_dropdown, "notify::selected", G_CALLBACK (on_unit_selected), self);
  g_signal_connect_swapped (self->quarter_dropdown, "notify::selected", G_CALLBACK (on_quarter_selected), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (on_status_selected), self);
  g_signal_connect_swapped (self->color_dropdown, "notify::selected", G_CALLBACK (on_color_selected), self);
  g_signal_connect_swapped (self->summary_popover, "show", G_CALLBACK (on_summary_shown), self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->filter_button), "show",
                            G_CALLBACK (fill_units), self);
  g_signal_connect_swapped (self->presentation_button, "toggled", G_CALLBACK (on_presentation_toggled), self);
  g_signal_connect_swapped (self->timeline, "task-activated", G_CALLBACK (on_task_activated), self);
  g_signal_connect_swapped (self->timeline, "schedule-edited", G_CALLBACK (on_schedule_edited), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_model_changed), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  /* Escape belongs to the window unless a presentation is running. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-view.leave-presentation", FALSE);
  on_model_changed (self);
}

GtkWidget *
kh_timeline_view_new (void)
{
  return g_object_new (KH_TYPE_TIMELINE_VIEW, NULL);
}

KhDocument *
kh_timeline_view_get_document (KhTimelineView *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_VIEW (self), NULL);

  return self->document;
}

void
kh_timeline_view_set_document (KhTimelineView *self,
                               KhDocument     *document)
{
  g_return_if_fail (KH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (document == NULL || KH_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  kh_timeline_model_set_document (self->model, document);
  kh_timeline_model_set_filter_unit (self->model, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

KhTimeline *
kh_timeline_view_get_timeline (KhTimelineView *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline;
}

gboolean
kh_timeline_view_select_task (KhTimelineView *self,
                              KhTask         *task)
{
  g_return_val_if_fail (KH_IS_TIMELINE_VIEW (self), FALSE);

  return kh_timeline_select_task (self->timeline, task);
}

void
kh_timeline_view_apply_schedule (KhTimelineView *self,
                                 KhTask         *task,
                                 KhSchedule     *schedule,
                                 gboolean        rewrite_text)
{
  g_autoptr(JsonNode) json = NULL;

  g_return_if_fail (KH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (KH_IS_TASK (task));
  g_return_if_fail (schedule != NULL);

  json = kh_schedule_to_json (schedule);
  kh_task_set_schedule (task, json);
  if (rewrite_text)
    {
      g_autofree char *wording = kh_schedule_to_wording (schedule);

      kh_task_set_timeframe (task, wording);
    }
}

gboolean
kh_timeline_view_get_presentation (KhTimelineView *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_VIEW (self), FALSE);

  return self->presentation;
}

void
kh_timeline_view_set_presentation (KhTimelineView *self,
                                   gboolean        presentation)
{
  g_return_if_fail (KH_IS_TIMELINE_VIEW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  set_fullscreen (self, presentation);
  kh_timeline_set_presentation (self->timeline, presentation);
  gtk_toggle_button_set_active (self->presentation_button, presentation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline-view.leave-presentation", presentation);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}
