/* kh-general-view.c — the form of a document's header
 *
 * Every field is bound to the model both ways: what the user types is in
 * the document at once (and so saved and undoable by the edit session),
 * and an undo that changes the model shows in the form.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-core.h"
#include "kh-general-view.h"
#include "kh-vntext.h"

struct _KhGeneralView
{
  AdwBin       parent_instance;

  KhDocument  *document;
  GPtrArray   *bindings;
  gulong       changed_id;

  AdwEntryRow *parent_agency_row;
  AdwEntryRow *agency_row;
  AdwEntryRow *agency_abbrev_row;
  GtkSpinButton *number_spin;
  AdwEntryRow *place_row;
  GtkSpinButton *day_spin;
  GtkSpinButton *month_spin;
  GtkSpinButton *date_year_spin;
  AdwActionRow *date_preview_row;
  AdwComboRow *status_row;
  AdwEntryRow *summary_row;
  GtkSpinButton *year_spin;
  AdwComboRow *signer_prefix_row;
  AdwEntryRow *signer_authority_row;
  AdwEntryRow *signer_title_row;
  AdwEntryRow *signer_name_row;
  GtkListBox  *recipients_list;
  AdwEntryRow *archive_row;
  AdwEntryRow *archive_initials_row;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KhGeneralView, kh_general_view, ADW_TYPE_BIN)

/* The combo row lists the prefixes in kh_signer_prefix_at()'s order. */
static gboolean
prefix_to_index (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  int i = kh_signer_prefix_index (g_value_get_string (from));

  /* An unknown prefix typed elsewhere (a file) shows as none. */
  g_value_set_uint (to, MAX (i, 0));
  return TRUE;
}

static gboolean
index_to_prefix (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *prefix = kh_signer_prefix_at (g_value_get_uint (from));

  if (prefix == NULL)
    return FALSE;
  g_value_set_string (to, prefix);
  return TRUE;
}

static void
bind (KhGeneralView *self,
      gpointer       source,
      const char    *source_prop,
      gpointer       target,
      const char    *target_prop)
{
  GBinding *b = g_object_bind_property (source, source_prop, target, target_prop,
                                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_ptr_array_add (self->bindings, g_object_ref (b));
}

static void
update_date_preview (KhGeneralView *self)
{
  g_autofree char *symbol = NULL;
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;

  if (self->document == NULL)
    return;

  symbol = kh_vn_format_number_symbol (kh_document_get_number (self->document),
                                       kh_document_get_type_abbrev (self->document),
                                       kh_document_get_agency_abbrev (self->document));
  date = kh_vn_format_place_date (kh_document_get_place (self->document),
                                  kh_document_get_day (self->document),
                                  kh_document_get_month (self->document),
                                  kh_document_get_date_year (self->document));
  /* An impossible date (31/02) is shown as such rather than printed. */
  line = g_strdup_printf ("%s    %s", symbol ? symbol : "", date ? date : _("invalid date"));
  adw_action_row_set_subtitle (self->date_preview_row, line);
  if (date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_preview_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_preview_row), "error");
}

static void
remove_recipient_clicked (GtkButton *button,
                          KhRecipient *recipient)
{
  KhGeneralView *self = KH_GENERAL_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button), KH_TYPE_GENERAL_VIEW));
  GListModel *list = kh_document_get_recipients (self->document);
  guint position;

  if (g_list_store_find (G_LIST_STORE (list), recipient, &position))
    g_list_store_remove (G_LIST_STORE (list), position);
}

static GtkWidget *
create_recipient_row (gpointer item,
                      gpointer user_data)
{
  KhRecipient *recipient = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Recipient"));
  /* The row lives as long as the item is in the list: no need to track. */
  g_object_bind_property (recipient, "text", row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Recipient"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_recipient_clicked), recipient, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

static void
add_recipient_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KhGeneralView *self = KH_GENERAL_VIEW (widget);
  GListModel *list;
  guint n;
  GtkListBoxRow *row;

  if (self->document == NULL)
    return;

  list = kh_document_get_recipients (self->document);
  n = g_list_model_get_n_items (list);
  kh_document_add_recipient (self->document, "");
  row = gtk_list_box_get_row_at_index (self->recipients_list, (int) n);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
unbind_all (KhGeneralView *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  gtk_list_box_bind_model (self->recipients_list, NULL, NULL, NULL, NULL);
}

void
kh_general_view_set_document (KhGeneralView *self,
                              KhDocument    *document)
{
  KhSigner *signer;
  GBinding *b;

  g_return_if_fail (KH_IS_GENERAL_VIEW (self));
  g_return_if_fail (document == NULL || KH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  unbind_all (self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      signer = kh_document_get_signer (document);

      bind (self, document, "parent-agency", self->parent_agency_row, "text");
      bind (self, document, "agency", self->agency_row, "text");
      bind (self, document, "agency-abbrev", self->agency_abbrev_row, "text");
      bind (self, document, "number", self->number_spin, "value");
      bind (self, document, "place", self->place_row, "text");
      bind (self, document, "day", self->day_spin, "value");
      bind (self, document, "month", self->month_spin, "value");
      bind (self, document, "date-year", self->date_year_spin, "value");
      bind (self, document, "status", self->status_row, "selected");
      bind (self, document, "summary", self->summary_row, "text");
      bind (self, document, "year", self->year_spin, "value");
      bind (self, signer, "authority", self->signer_authority_row, "text");
      bind (self, signer, "title", self->signer_title_row, "text");
      bind (self, signer, "name", self->signer_name_row, "text");
      bind (self, document, "archive", self->archive_row, "text");
      bind (self, document, "archive-initials", self->archive_initials_row, "text");

      b = g_object_bind_property_full (signer, "prefix", self->signer_prefix_row, "selected",
                                       G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                       prefix_to_index, index_to_prefix, NULL, NULL);
      g_ptr_array_add (self->bindings, g_object_ref (b));

      gtk_list_box_bind_model (self->recipients_list, kh_document_get_recipients (document),
                               create_recipient_row, NULL, NULL);
      self->changed_id = g_signal_connect_swapped (document, "changed",
                                                   G_CALLBACK (update_date_preview), self);
      update_date_preview (self);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), document != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

KhDocument *
kh_general_view_get_document (KhGeneralView *self)
{
  g_return_val_if_fail (KH_IS_GENERAL_VIEW (self), NULL);

  return self->document;
}

void
kh_general_view_focus_summary (KhGeneralView *self)
{
  g_return_if_fail (KH_IS_GENERAL_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
}

GtkWidget *
kh_general_view_new (void)
{
  return g_object_new (KH_TYPE_GENERAL_VIEW, NULL);
}

static void
kh_general_view_dispose (GObject *object)
{
  KhGeneralView *self = KH_GENERAL_VIEW (object);

  if (self->bindings != NULL)
    unbind_all (self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_GENERAL_VIEW);

  G_OBJECT_CLASS (kh_general_view_parent_class)->dispose (object);
}

static void
kh_general_view_finalize (GObject *object)
{
  KhGeneralView *self = KH_GENERAL_VIEW (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_general_view_parent_class)->finalize (object);
}

static void
kh_general_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KhGeneralView *self = KH_GENERAL_VIEW (object);

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
kh_general_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KhGeneralView *self = KH_GENERAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kh_general_view_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_general_view_class_init (KhGeneralViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_general_view_dispose;
  object_class->finalize = kh_general_view_finalize;
  object_class->get_property = kh_general_view_get_property;
  object_class->set_property = kh_general_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "general.add-recipient", NULL, add_recipient_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/ui/kh-general-view.ui");
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, KhGeneralView, name)
  BIND_CHILD (parent_agency_row);
  BIND_CHILD (agency_row);
  BIND_CHILD (agency_abbrev_row);
  BIND_CHILD (number_spin);
  BIND_CHILD (place_row);
  BIND_CHILD (day_spin);
  BIND_CHILD (month_spin);
  BIND_CHILD (date_year_spin);
  BIND_CHILD (date_preview_row);
  BIND_CHILD (status_row);
  BIND_CHILD (summary_row);
  BIND_CHILD (year_spin);
  BIND_CHILD (signer_prefix_row);
  BIND_CHILD (signer_authority_row);
  BIND_CHILD (signer_title_row);
  BIND_CHILD (signer_name_row);
  BIND_CHILD (recipients_list);
  BIND_CHILD (archive_row);
  BIND_CHILD (archive_initials_row);
#undef BIND_CHILD
}

static void
kh_general_view_init (KhGeneralView *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}
