/* kh-window.c — the main window
 *
 * The sidebar lists the documents of the store; typing in the search entry
 * replaces the list by the store's full-text search (diacritics-insensitive).
 * The content side shows the selected document.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-core.h"
#include "kh-document-info.h"
#include "kh-window.h"

struct _KhWindow
{
  AdwApplicationWindow  parent_instance;

  KhApplication        *app;
  GtkSingleSelection   *selection;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkListView          *document_list;
  AdwWindowTitle       *content_title;
  AdwStatusPage        *status_page;
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

static void
show_error (KhWindow     *self,
            const GError *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
reload_documents (KhWindow *self)
{
  KhStore *store = kh_application_get_store (self->app);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (query != NULL && *query != '\0')
    model = kh_store_search (store, query, &error);
  else
    model = kh_store_list_documents (store, &error);

  if (model == NULL)
    {
      show_error (self, error);
      model = G_LIST_MODEL (g_list_store_new (KH_TYPE_DOCUMENT_INFO));
    }
  gtk_single_selection_set_model (self->selection, model);
}

static void
show_selected (KhWindow *self)
{
  KhDocumentInfo *info = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(KhDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  KhPlan *plan;
  guint n_tasks = 0;

  if (info == NULL)
    {
      adw_window_title_set_title (self->content_title, "");
      adw_status_page_set_title (self->status_page, _("No Document Selected"));
      adw_status_page_set_description (self->status_page,
                                       _("Choose a plan or a decision in the list"));
      return;
    }

  document = kh_store_load_document (kh_application_get_store (self->app),
                                     kh_document_info_get_id (info), &error);
  if (document == NULL)
    {
      show_error (self, error);
      return;
    }

  plan = kh_document_get_plan (document);
  if (plan != NULL)
    {
      GListModel *tables = kh_plan_get_tables (plan);

      for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
        {
          g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, i);
          n_tasks += kh_task_table_get_n_tasks (table);
        }
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · year %d · %u task",
                                              "%s · year %d · %u tasks", n_tasks),
                                 kind_label (kh_document_get_kind (document)),
                                 kh_document_get_year (document), n_tasks);
  adw_window_title_set_title (self->content_title, kind_label (kh_document_get_kind (document)));
  adw_status_page_set_title (self->status_page, kh_document_info_get_title (info));
  adw_status_page_set_description (self->status_page, description);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

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
  g_autofree char *sub = NULL;

  sub = g_strdup_printf ("%s · %d", kind_label (kh_document_info_get_kind (info)),
                         kh_document_info_get_year (info));
  gtk_label_set_text (GTK_LABEL (title), kh_document_info_get_title (info));
  gtk_widget_set_tooltip_text (title, kh_document_info_get_title (info));
  gtk_label_set_text (GTK_LABEL (subtitle), sub);
}

static void
kh_window_dispose (GObject *object)
{
  KhWindow *self = KH_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_WINDOW);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (kh_window_parent_class)->dispose (object);
}

static void
kh_window_class_init (KhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, status_page);
}

static void
kh_window_init (KhWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->document_list, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_list_view_set_model (self->document_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_selected), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (reload_documents), self);
}

KhWindow *
kh_window_new (KhApplication *app)
{
  KhWindow *self = g_object_new (KH_TYPE_WINDOW, "application", app, NULL);

  self->app = app;
  reload_documents (self);
  show_selected (self);
  return self;
}

GListModel *
kh_window_get_documents (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), NULL);

  return gtk_single_selection_get_model (self->selection);
}
