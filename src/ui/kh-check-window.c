/* kh-check-window.c — the document check beside the editor */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-check-window.h"

/* Long enough not to re-check on every key, short enough to feel live. */
#define REFRESH_DELAY_MS 400

struct _KhCheckWindow
{
  AdwWindow       parent_instance;

  KhDocument     *document;
  GListStore     *issues;      /* of KhLintIssue, what the list shows */
  guint           refresh_source;
  gboolean        stale;       /* edited while hidden: checked again when shown */

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *list;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  ISSUE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhCheckWindow, kh_check_window, ADW_TYPE_WINDOW)

static const char *
severity_icon (KhLintSeverity severity)
{
  switch (severity)
    {
    case KH_LINT_ERROR:
      return "dialog-error-symbolic";
    case KH_LINT_WARNING:
      return "dialog-warning-symbolic";
    case KH_LINT_NOTE:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_label (KhLintSeverity severity)
{
  switch (severity)
    {
    case KH_LINT_ERROR:
      return _("Error");
    case KH_LINT_WARNING:
      return _("Warning");
    case KH_LINT_NOTE:
    default:
      return _("Note");
    }
}

static const char *
severity_style (KhLintSeverity severity)
{
  switch (severity)
    {
    case KH_LINT_ERROR:
      return "error";
    case KH_LINT_WARNING:
      return "warning";
    case KH_LINT_NOTE:
    default:
      return "dim-label";
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KhLintIssue *issue = KH_LINT_ISSUE (item);
  KhLintSeverity severity = kh_lint_issue_get_severity (issue);
  g_autofree char *title = g_markup_escape_text (kh_lint_issue_get_location (issue), -1);
  g_autofree char *subtitle = g_markup_escape_text (kh_lint_issue_get_message (issue), -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (severity));
  /* The arrow only says "opens"; a screen reader skips it. */
  GtkWidget *go = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (icon, severity_style (severity));
  gtk_widget_set_tooltip_text (icon, severity_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  severity_label (severity), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
  /* A screen reader says what kind of finding before where and what. */
  {
    g_autofree char *description = g_strdup_printf ("%s: %s", severity_label (severity),
                                                    kh_lint_issue_get_message (issue));

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  }
  return row;
}

static void
update_title (KhCheckWindow *self)
{
  GListModel *issues = G_LIST_MODEL (self->issues);
  guint errors = kh_lint_count_severity (issues, KH_LINT_ERROR);
  guint warnings = kh_lint_count_severity (issues, KH_LINT_WARNING);
  guint notes = kh_lint_count_severity (issues, KH_LINT_NOTE);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (errors > 0)
    g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  if (warnings > 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, ", ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings),
                              warnings);
    }
  if (notes > 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, ", ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", notes), notes);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle->str);
}

void
kh_check_window_refresh (KhCheckWindow *self)
{
  g_autoptr(GListModel) found = NULL;
  g_autofree gpointer *items = NULL;
  guint n;

  g_return_if_fail (KH_IS_CHECK_WINDOW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;
  if (self->document == NULL)
    {
      g_list_store_remove_all (self->issues);
      update_title (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  found = kh_lint_document (self->document);
  n = g_list_model_get_n_items (found);
  items = g_new0 (gpointer, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    items[i] = g_list_model_get_item (found, i);
  g_list_store_splice (self->issues, 0, g_list_model_get_n_items (G_LIST_MODEL (self->issues)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);

  update_title (self);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "issues" : "clean");
}

static gboolean
refresh_timeout (gpointer data)
{
  KhCheckWindow *self = data;

  self->refresh_source = 0;
  kh_check_window_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (KhCheckWindow *self)
{
  /* Nobody reads a hidden list: it is checked when it shows again. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout, self);
}

static void
kh_check_window_show (GtkWidget *widget)
{
  KhCheckWindow *self = KH_CHECK_WINDOW (widget);

  if (self->stale)
    kh_check_window_refresh (self);
  GTK_WIDGET_CLASS (kh_check_window_parent_class)->show (widget);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  KhCheckWindow *self)
{
  g_autoptr(KhLintIssue) issue = g_list_model_get_item (G_LIST_MODEL (self->issues),
                                                        (guint) gtk_list_box_row_get_index (row));

  if (issue != NULL)
    g_signal_emit (self, signals[ISSUE_ACTIVATED], 0, issue);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  kh_check_window_refresh (KH_CHECK_WINDOW (widget));
}

KhDocument *
kh_check_window_get_document (KhCheckWindow *self)
{
  g_return_val_if_fail (KH_IS_CHECK_WINDOW (self), NULL);
  return self->document;
}

void
kh_check_window_set_document (KhCheckWindow *self,
                              KhDocument    *document)
{
  g_return_if_fail (KH_IS_CHECK_WINDOW (self));
  g_return_if_fail (document == NULL || KH_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  kh_check_window_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GListModel *
kh_check_window_get_issues (KhCheckWindow *self)
{
  g_return_val_if_fail (KH_IS_CHECK_WINDOW (self), NULL);
  return G_LIST_MODEL (self->issues);
}

static void
kh_check_window_dispose (GObject *object)
{
  KhCheckWindow *self = KH_CHECK_WINDOW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_CHECK_WINDOW);
  g_clear_object (&self->issues);

  G_OBJECT_CLASS (kh_check_window_parent_class)->dispose (object);
}

static void
kh_check_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KhCheckWindow *self = KH_CHECK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_check_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KhCheckWindow *self = KH_CHECK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kh_check_window_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_check_window_class_init (KhCheckWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_check_window_dispose;
  object_class->get_property = kh_check_window_get_property;
  object_class->set_property = kh_check_window_set_property;
  widget_class->show = kh_check_window_show;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ISSUE_ACTIVATED] =
    g_signal_new ("issue-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, KH_TYPE_LINT_ISSUE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-check-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhCheckWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KhCheckWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KhCheckWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "check.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "check.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_check_window_init (KhCheckWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->issues = g_list_store_new (KH_TYPE_LINT_ISSUE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->issues), create_row, self, NULL);
  kh_check_window_refresh (self);
}

GtkWidget *
kh_check_window_new (void)
{
  return g_object_new (KH_TYPE_CHECK_WINDOW, NULL);
}
