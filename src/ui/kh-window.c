/* kh-window.c — the main window
 *
 * Left: the library of documents in the store, with search as you type
 * (the store's full-text search, insensitive to case and diacritics).
 * Right: the open document in views switched by a view switcher. The open
 * document lives in a KhEditSession, which saves every edit at once and
 * gives undo/redo across all views; the views follow its "document".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-check-window.h"
#include "kh-core.h"
#include "kh-document-info.h"
#include "kh-edit-session.h"
#include "kh-decision-view.h"
#include "kh-general-view.h"
#include "kh-plan-view.h"
#include "kh-preview.h"
#include "kh-settings-util.h"
#include "kh-table-bar.h"
#include "kh-task-table-view.h"
#include "kh-timeline-view.h"
#include "kh-units-window.h"
#include "kh-templates.h"
#include "kh-window.h"

struct _KhWindow
{
  AdwApplicationWindow  parent_instance;

  KhApplication        *app;
  GSettings            *settings;       /* NULL when the schema is not installed */
  GtkSingleSelection   *selection;
  KhEditSession        *session;
  gint64                pending_delete; /* hidden from the list until the toast goes */
  AdwToast             *delete_toast;
  guint                 reload_source;
  gboolean              reloading;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *document_list;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  KhGeneralView        *general_view;
  AdwViewStackPage     *decision_page;
  KhDecisionView       *decision_view;
  AdwViewStackPage     *plan_page;
  KhPlanView           *plan_view;
  AdwViewStackPage     *tasks_page;
  KhTableBar           *table_bar;
  KhTaskTableView      *task_table_view;
  AdwViewStackPage     *timeline_page;
  KhTimelineView       *timeline_view;
  KhPreview            *preview;
  GListModel           *units;
  KhCheckWindow        *check_window;   /* owned; created on first use, hidden on close */
};

G_DEFINE_FINAL_TYPE (KhWindow, kh_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
kind_label (KhDocumentKind kind)
{
  switch (kind)
    {
    case KH_DOCUMENT_KIND_DECISION:
      return _("Decision");
    case KH_DOCUMENT_KIND_PLAN:
      return _("Plan");
    default:
      return "";
    }
}

static KhStore *
get_store (KhWindow *self)
{
  return kh_application_get_store (self->app);
}

static void
show_error (KhWindow     *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);  /* errors stay until dismissed */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_message (KhWindow   *self,
              const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Library ------------------------------------------------------------ */

static gint64
selected_id (KhWindow *self)
{
  KhDocumentInfo *info = gtk_single_selection_get_selected_item (self->selection);

  return info ? kh_document_info_get_id (info) : 0;
}

static void update_actions (KhWindow *self);
static void open_document (KhWindow *self, gint64 id);

static void
reload_documents (KhWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gint64 keep = self->session ? kh_document_get_id (kh_edit_session_get_document (self->session)) : 0;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListStore) visible = g_list_store_new (KH_TYPE_DOCUMENT_INFO);
  g_autoptr(GError) error = NULL;
  guint n, position = GTK_INVALID_LIST_POSITION;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (query != NULL && *query != '\0')
    found = kh_store_search (get_store (self), query, &error);
  else
    found = kh_store_list_documents (get_store (self), &error);
  if (found == NULL)
    {
      show_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (found);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (found, i);
      gint64 id = kh_document_info_get_id (info);

      if (id == self->pending_delete)
        continue;
      if (id == keep)
        position = g_list_model_get_n_items (G_LIST_MODEL (visible));
      g_list_store_append (visible, info);
    }

  /* Replacing the model must not re-open the document being edited. */
  self->reloading = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (visible));
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (visible)) > 0 ? "list" : "empty");
}

static gboolean
reload_idle_cb (gpointer data)
{
  KhWindow *self = data;

  self->reload_source = 0;
  reload_documents (self);
  return G_SOURCE_REMOVE;
}

/* Titles change while the user types: refresh the list once typing pauses. */
static void
queue_reload (KhWindow *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (500, reload_idle_cb, self);
}

static void
on_selection_changed (KhWindow *self)
{
  gint64 id = selected_id (self);

  if (self->reloading || id == 0)
    return;
  if (self->session && kh_document_get_id (kh_edit_session_get_document (self->session)) == id)
    return;
  open_document (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Open document ------------------------------------------------------- */

static void
on_bar_table_changed (KhWindow *self)
{
  KhTaskTable *table = kh_table_bar_get_table (self->table_bar);

  kh_task_table_view_set_table (self->task_table_view, table);
  adw_view_stack_page_set_visible (self->timeline_page, table != NULL);
  update_actions (self);
}

static void
bind_views (KhWindow *self)
{
  KhDocument *doc = self->session ? kh_edit_session_get_document (self->session) : NULL;

  KhDecision *decision = doc ? kh_document_get_decision (doc) : NULL;
  KhPlan *plan = doc ? kh_document_get_plan (doc) : NULL;

  kh_general_view_set_document (self->general_view, doc);
  kh_decision_view_set_decision (self->decision_view, decision);
  kh_plan_view_set_document (self->plan_view, doc);
  kh_timeline_view_set_document (self->timeline_view, plan ? doc : NULL);
  /* The Tasks page edits the table selected in its bar; undo replaces the
   * plan by a copy, in which the bar keeps the selected position. */
  kh_task_table_view_set_year (self->task_table_view, doc ? kh_document_get_year (doc) : 0);
  kh_table_bar_set_plan (self->table_bar, plan);
  on_bar_table_changed (self);
  adw_view_stack_page_set_visible (self->tasks_page, plan != NULL);
  kh_preview_set_document (self->preview, doc);
  if (self->check_window != NULL)
    kh_check_window_set_document (self->check_window, doc);
  adw_view_stack_page_set_visible (self->decision_page, decision != NULL);
  adw_view_stack_page_set_visible (self->plan_page, plan != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, doc ? "document" : "empty");
  if (doc != NULL)
    {
      g_autofree char *title = kh_document_dup_title (doc);
      adw_view_switcher_title_set_subtitle (self->switcher_title, title);
    }
  update_actions (self);
}

static void
on_save_failed (KhWindow     *self,
                const GError *error)
{
  show_error (self, error);
}

static void
close_session (KhWindow *self)
{
  if (self->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);  /* writes the last edit */
}

static void
set_session_document (KhWindow *self,
                      KhDocument *document)
{
  close_session (self);
  /* Another document starts at its first table. */
  kh_table_bar_set_plan (self->table_bar, NULL);
  if (document != NULL)
    {
      self->session = kh_edit_session_new (get_store (self), document);
      g_signal_connect_swapped (self->session, "notify::document", G_CALLBACK (bind_views), self);
      g_signal_connect_swapped (self->session, "notify::can-undo", G_CALLBACK (update_actions), self);
      g_signal_connect_swapped (self->session, "notify::can-redo", G_CALLBACK (update_actions), self);
      g_signal_connect_swapped (self->session, "save-failed", G_CALLBACK (on_save_failed), self);
      if (self->settings)
        g_settings_set_int64 (self->settings, "last-document", kh_document_get_id (document));
    }
  bind_views (self);
}

static void
open_document (KhWindow *self,
               gint64    id)
{
  g_autoptr(KhDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = kh_store_load_document (get_store (self), id, &error);
  if (document == NULL)
    {
      show_error (self, error);
      return;
    }
  set_session_document (self, document);
}

/* Adds a document to the store and opens it. */
static void
add_and_open (KhWindow   *self,
              KhDocument *document)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_save_document (get_store (self), document, &error))
    {
      show_error (self, error);
      return;
    }
  set_session_document (self, document);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload_documents (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "general");
  /* The keyboard follows: a new document is named first. */
  kh_general_view_focus_summary (self->general_view);
}

/* Actions ------------------------------------------------------------- */

static void
update_actions (KhWindow *self)
{
  gboolean open = self->session != NULL;
  KhPlan *plan = kh_table_bar_get_plan (self->table_bar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 open && kh_edit_session_get_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 open && kh_edit_session_get_can_redo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.roll-over", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-table", open && plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-table",
                                 open && plan != NULL && g_list_model_get_n_items (kh_plan_get_tables (plan)) > 1);
}

static KhDocumentDefaults *
load_defaults (KhWindow *self,
               GStrv    *recipients)
{
  static KhDocumentDefaults defaults;

  memset (&defaults, 0, sizeof defaults);
  if (self->settings == NULL)
    return &defaults;

  /* The strings live in the settings object's cache until the next change;
   * the template copies them at once. */
#define GET(field, key) \
  g_object_set_data_full (G_OBJECT (self), key, g_settings_get_string (self->settings, key), g_free); \
  defaults.field = g_object_get_data (G_OBJECT (self), key)
  GET (parent_agency, "default-parent-agency");
  GET (agency, "default-agency");
  GET (agency_abbrev, "default-agency-abbrev");
  GET (place, "default-place");
  GET (signer_prefix, "default-signer-prefix");
  GET (signer_authority, "default-signer-authority");
  GET (signer_title, "default-signer-title");
  GET (signer_name, "default-signer-name");
#undef GET
  *recipients = g_settings_get_strv (self->settings, "default-recipients");
  defaults.recipients = (const char * const *) *recipients;
  return &defaults;
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);
  g_auto(GStrv) recipients = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(KhDocument) doc = NULL;

  if (g_str_equal (action_name, "win.new-decision"))
    doc = kh_templates_new_decision_with_plan (load_defaults (self, &recipients), now);
  else
    doc = kh_templates_new_plan (load_defaults (self, &recipients), now);
  add_and_open (self, doc);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);
  g_autoptr(KhDocument) copy = NULL;
  g_autofree char *summary = NULL;

  if (self->session == NULL)
    return;
  copy = kh_document_copy (kh_edit_session_get_document (self->session));
  /* Document text stays Vietnamese whatever the UI language. */
  summary = g_strdup_printf ("%s (bản sao)", kh_document_get_summary (copy));
  kh_document_set_summary (copy, summary);
  kh_document_set_status (copy, KH_DOCUMENT_STATUS_DRAFT);
  add_and_open (self, copy);
  show_message (self, _("Document duplicated"));
}

/* Next year's draft from this one: the yearly routine of every office. */
static void
roll_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);
  g_autoptr(KhDocument) next = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->session == NULL)
    return;
  next = kh_templates_roll_over (kh_edit_session_get_document (self->session));
  add_and_open (self, next);
  message = g_strdup_printf (_("Draft for %d created: check its legal bases and dates"),
                             kh_document_get_year (next));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Check"));
  adw_toast_set_action_name (toast, "win.check");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
finish_pending_delete (KhWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->pending_delete;

  if (id == 0)
    return;
  self->pending_delete = 0;
  self->delete_toast = NULL;
  if (!kh_store_delete_document (get_store (self), id, &error))
    show_error (self, error);
}

static void
on_delete_toast_dismissed (AdwToast *toast,
                           KhWindow *self)
{
  if (self->delete_toast == toast)
    finish_pending_delete (self);
}

static void
undo_delete_clicked (AdwToast *toast,
                     KhWindow *self)
{
  if (self->delete_toast != toast)
    return;
  self->pending_delete = 0;
  self->delete_toast = NULL;
  reload_documents (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->session == NULL)
    return;

  /* Only one deletion waits for undo at a time. */
  if (self->delete_toast != NULL)
    {
      AdwToast *old = self->delete_toast;
      finish_pending_delete (self);
      adw_toast_dismiss (old);
    }

  title = kh_document_dup_title (kh_edit_session_get_document (self->session));
  self->pending_delete = kh_document_get_id (kh_edit_session_get_document (self->session));
  set_session_document (self, NULL);
  reload_documents (self);

  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_clicked), self);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed), self);
  self->delete_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->session == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    ok = kh_edit_session_undo (self->session, &error);
  else
    ok = kh_edit_session_redo (self->session, &error);
  if (!ok)
    show_error (self, error);
}

static GtkFileFilter *
kehoach_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Kế hoạch documents"));
  gtk_file_filter_add_pattern (filter, "*.kehoach");
  gtk_file_filter_add_mime_type (filter, "application/x-kehoach");
  return filter;
}

static void
import_response (GtkNativeDialog *dialog,
                 int              response,
                 KhWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      kh_window_import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = kehoach_filter ();

  dialog = gtk_file_chooser_native_new (_("Import Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 KhWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!kh_document_save_file (kh_edit_session_get_document (self->session), file, NULL, &error))
        show_error (self, error);
      else
        show_message (self, _("Document exported"));
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = kehoach_filter ();
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->session == NULL)
    return;
  title = kh_document_dup_title (kh_edit_session_get_document (self->session));
  /* A file name from the summary, without characters file systems refuse. */
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  name = g_strdup_printf ("%.60s.kehoach", *title ? title : "kehoach");

  dialog = gtk_file_chooser_native_new (_("Export Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The preview owns printing and PDF export: the menu reaches its actions
 * wherever the focus is. */
static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);

  if (self->session == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->preview),
                              g_str_equal (action_name, "win.print") ? "preview.print" : "preview.export-pdf",
                              NULL);
}

static void
units_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (kh_units_window_new (GTK_WINDOW (self), get_store (self))));
}

/* Check ---------------------------------------------------------------- */

/* The position in the plan's tables of the table holding @target (a table,
 * a group or a task); -1 when none does. */
static int
table_position_of (KhPlan  *plan,
                   GObject *target)
{
  GListModel *tables = kh_plan_get_tables (plan);

  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);
      GListModel *groups = kh_task_table_get_groups (table);

      if (G_OBJECT (table) == target)
        return (int) t;
      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
          GListModel *tasks = kh_task_group_get_tasks (group);

          if (G_OBJECT (group) == target)
            return (int) t;
          for (guint k = 0; k < g_list_model_get_n_items (tasks); k++)
            {
              g_autoptr(KhTask) task = g_list_model_get_item (tasks, k);

              if (G_OBJECT (task) == target)
                return (int) t;
            }
        }
    }
  return -1;
}

/* The Tasks page on the table holding @target (a table, a group or a task),
 * with the task selected when it is one: a plan's tables are shown one at
 * a time, the timeline and the check reach into any of them. */
static void
show_in_tables (KhWindow *self,
                GObject  *target)
{
  KhPlan *plan = kh_table_bar_get_plan (self->table_bar);
  int position = plan != NULL ? table_position_of (plan, target) : -1;

  adw_view_stack_set_visible_child_name (self->view_stack, "tasks");
  if (position >= 0)
    kh_table_bar_select_position (self->table_bar, (guint) position);
  if (KH_IS_TASK (target))
    kh_task_table_view_select_task (self->task_table_view, KH_TASK (target));
}

/* A finding chosen in the check window: open its view and, where the view
 * can, select the very task or narrative item. */
static void
on_issue_activated (KhWindow    *self,
                    KhLintIssue *issue)
{
  const char *section = kh_lint_issue_get_section (issue);
  GObject *target = kh_lint_issue_get_target (issue);
  GtkWidget *child;

  if (self->session == NULL)
    return;
  child = adw_view_stack_get_child_by_name (self->view_stack, section);
  if (child == NULL || !adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack, child)))
    child = adw_view_stack_get_child_by_name (self->view_stack, "general");
  adw_view_stack_set_visible_child (self->view_stack, child);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  if (g_str_equal (section, "tasks") && target != NULL)
    {
      show_in_tables (self, target);
      gtk_widget_grab_focus (GTK_WIDGET (self->task_table_view));
    }
  else if (g_str_equal (section, "plan") && KH_IS_NODE (target))
    kh_plan_view_select_node (self->plan_view, KH_NODE (target));
  else
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
  gtk_window_present (GTK_WINDOW (self));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);

  if (self->session == NULL)
    return;
  if (self->check_window == NULL)
    {
      /* Ours (a reference besides GTK's list of windows): the main window
       * destroys it when it goes (dispose). */
      self->check_window = g_object_ref (KH_CHECK_WINDOW (kh_check_window_new ()));
      gtk_window_set_transient_for (GTK_WINDOW (self->check_window), GTK_WINDOW (self));
      g_signal_connect_object (self->check_window, "issue-activated",
                               G_CALLBACK (on_issue_activated), self, G_CONNECT_SWAPPED);
      /* bind_views keeps it on the open document from now on. */
      kh_check_window_set_document (self->check_window, kh_edit_session_get_document (self->session));
    }
  gtk_window_present (GTK_WINDOW (self->check_window));
}

/* A bar clicked on the timeline opens its task in the table. */
static void
on_timeline_task_activated (KhWindow *self,
                            KhTask   *task)
{
  show_in_tables (self, G_OBJECT (task));
}

static void
undo_removal_clicked (AdwToast *toast,
                      KhWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session != NULL && !kh_edit_session_undo (self->session, &error))
    show_error (self, error);
}

/* Removing tasks is one undo step; the toast offers it at once. */
static void
on_tasks_removed (KhWindow *self,
                  guint     n_tasks,
                  guint     n_groups)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->session == NULL)
    return;
  kh_edit_session_close_step (self->session);
  if (n_groups > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group removed", "%u groups removed", n_groups),
                               n_groups);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task removed", "%u tasks removed", n_tasks),
                               n_tasks);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_removal_clicked), self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The table bar owns adding and removing tables; the window's actions give
 * them accelerators that work wherever the focus is. */
static void
table_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);

  if (self->session == NULL)
    return;
  /* Adding or removing a table is an undo step of its own. */
  kh_edit_session_close_step (self->session);
  adw_view_stack_set_visible_child_name (self->view_stack, "tasks");
  gtk_widget_activate_action (GTK_WIDGET (self->table_bar),
                              g_str_equal (action_name, "win.add-table") ? "table-bar.add" : "table-bar.remove",
                              NULL);
}

/* Removing a table is one undo step; the toast offers it at once (the bar
 * selects the table again when it comes back). */
static void
on_table_removed (KhWindow    *self,
                  KhTaskTable *table,
                  guint        position)
{
  AdwToast *toast;

  if (self->session == NULL)
    return;
  kh_edit_session_close_step (self->session);
  toast = adw_toast_new (_("Table removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_removal_clicked), self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The task selected in the table is the one highlighted on the timeline. */
static void
on_table_selection_changed (KhWindow *self)
{
  KhTask *task = kh_task_table_view_get_selected_task (self->task_table_view);

  if (task != NULL)
    kh_timeline_view_select_task (self->timeline_view, task);
}

static void
reload_units (KhWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->units);
  self->units = kh_store_list_units (get_store (self), &error);
  if (self->units == NULL)
    show_error (self, error);
  kh_task_table_view_set_units (self->task_table_view, self->units);
}

static void
apply_render_settings (KhWindow *self)
{
  KhRenderOptions options;

  kh_render_options_init (&options);
  if (self->settings != NULL)
    kh_render_options_from_settings (&options, self->settings);
  kh_preview_set_render_options (self->preview, &options);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  adw_leaflet_navigate (KH_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KhWindow *self = KH_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (self->session == NULL || child == NULL ||
      !adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack, child)))
    return;
  adw_view_stack_set_visible_child (self->view_stack, child);
  /* Alt+N moves the keyboard into the view, so its own shortcuts work at once;
   * on the Tasks page that is the table, not the table bar above it. */
  if (g_str_equal (name, "tasks"))
    child = GTK_WIDGET (self->task_table_view);
  gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

/* Rows ---------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  KhDocumentInfo *info = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *text = kh_document_info_get_title (info);
  g_autofree char *sub = NULL;

  if (text == NULL || *text == '\0')
    text = _("Untitled Document");
  sub = g_strdup_printf ("%s · %d", kind_label (kh_document_info_get_kind (info)),
                         kh_document_info_get_year (info));
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_widget_set_tooltip_text (box, text);
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
}

/* Lifecycle ------------------------------------------------------------ */

static gboolean
kh_window_close_request (GtkWindow *window)
{
  KhWindow *self = KH_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  finish_pending_delete (self);
  close_session (self);

  return GTK_WINDOW_CLASS (kh_window_parent_class)->close_request (window);
}

static void
kh_window_dispose (GObject *object)
{
  KhWindow *self = KH_WINDOW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->check_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->check_window));
  g_clear_object (&self->check_window);
  finish_pending_delete (self);
  close_session (self);
  if (self->app != NULL)
    g_signal_handlers_disconnect_by_data (get_store (self), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_object (&self->units);

  G_OBJECT_CLASS (kh_window_parent_class)->dispose (object);
}

static void
kh_window_class_init (KhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kh_window_dispose;
  window_class->close_request = kh_window_close_request;

  g_type_ensure (KH_TYPE_GENERAL_VIEW);
  g_type_ensure (KH_TYPE_DECISION_VIEW);
  g_type_ensure (KH_TYPE_PLAN_VIEW);
  g_type_ensure (KH_TYPE_PREVIEW);
  g_type_ensure (KH_TYPE_TASK_TABLE_VIEW);
  g_type_ensure (KH_TYPE_TABLE_BAR);
  g_type_ensure (KH_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, general_view);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, decision_page);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, decision_view);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, plan_page);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, tasks_page);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, table_bar);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, task_table_view);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, timeline_view);

  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.new-decision", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.roll-over", NULL, roll_over_action);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "win.units", NULL, units_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.add-table", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "win.remove-table", NULL, table_action);
  gtk_widget_class_install_action (widget_class, "win.check", NULL, check_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-decision", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-table", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.remove-table", NULL);
  /* F7, as a word processor's spelling and grammar check. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F7, 0, "win.check", NULL);
  {
    static const char *views[] = { "general", "decision", "plan", "tasks", "timeline", "preview" };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                           "win.show-view", "s", views[i]);
  }
}

static void
kh_window_init (KhWindow *self)
{
  GtkListItemFactory *factory;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Run uninstalled without GSETTINGS_SCHEMA_DIR, the app still works;
   * it only forgets its window size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  /* The printed layout follows the preferences (font size, margins). */
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (apply_render_settings), self);
  apply_render_settings (self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->document_list, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->document_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (reload_documents), self);
  update_actions (self);
}

KhWindow *
kh_window_new (KhApplication *app)
{
  KhWindow *self = g_object_new (KH_TYPE_WINDOW, "application", app, NULL);
  gint64 last = 0;

  self->app = app;
  g_signal_connect_swapped (get_store (self), "documents-changed", G_CALLBACK (queue_reload), self);
  g_signal_connect_swapped (get_store (self), "units-changed", G_CALLBACK (reload_units), self);
  g_signal_connect_swapped (self->timeline_view, "task-activated", G_CALLBACK (on_timeline_task_activated), self);
  g_signal_connect_swapped (self->task_table_view, "notify::selected-task", G_CALLBACK (on_table_selection_changed), self);
  g_signal_connect_swapped (self->task_table_view, "tasks-removed", G_CALLBACK (on_tasks_removed), self);
  g_signal_connect_swapped (self->table_bar, "notify::table", G_CALLBACK (on_bar_table_changed), self);
  g_signal_connect_swapped (self->table_bar, "table-removed", G_CALLBACK (on_table_removed), self);
  reload_units (self);
  if (self->settings != NULL)
    last = g_settings_get_int64 (self->settings, "last-document");

  reload_documents (self);
  /* Reopen the last document, or the most recent one. */
  if (last != 0)
    {
      g_autoptr(KhDocument) doc = kh_store_load_document (get_store (self), last, NULL);
      if (doc != NULL)
        set_session_document (self, doc);
    }
  if (self->session == NULL && g_list_model_get_n_items (kh_window_get_documents (self)) > 0)
    {
      g_autoptr(KhDocumentInfo) first = g_list_model_get_item (kh_window_get_documents (self), 0);
      open_document (self, kh_document_info_get_id (first));
    }
  reload_documents (self);
  return self;
}

GListModel *
kh_window_get_documents (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), NULL);

  return gtk_single_selection_get_model (self->selection);
}

KhEditSession *
kh_window_get_session (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), NULL);

  return self->session;
}

gboolean
kh_window_import_file (KhWindow *self,
                       GFile    *file)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (KH_IS_WINDOW (self), FALSE);

  id = kh_store_import_file (get_store (self), file, &error);
  if (id <= 0)
    {
      show_error (self, error);
      return FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  open_document (self, id);
  reload_documents (self);
  show_message (self, _("Document imported"));
  return TRUE;
}
