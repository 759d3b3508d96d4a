/* kh-citation-row.c — the structured form of one citation of a legal basis */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kh-citation-row.h"
#include "kh-list-util.h"
#include "kh-vntext.h"

struct _KhCitationRow
{
  GtkListBoxRow    parent_instance;

  KhCitation      *citation;
  GListModel      *citations;
  /* Set while the row writes the citation or fills its entries, so that
   * neither echoes the other's change back. */
  gboolean         syncing;
  guint            clear_date_source;

  /* template widgets */
  GtkComboBoxText *kind_combo;
  GtkEntry        *number_entry;
  GtkEntry        *date_entry;
  GtkEntry        *issuer_entry;
  GtkEntry        *subject_entry;
};

G_DEFINE_FINAL_TYPE (KhCitationRow, kh_citation_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CITATION,
  PROP_CITATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkEditable *
kind_entry (KhCitationRow *self)
{
  return GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (self->kind_combo)));
}

/* "2010-06-08" → day, month, year; FALSE for anything else. */
static gboolean
parse_iso_date (const char *iso,
                int        *day,
                int        *month,
                int        *year)
{
  unsigned y, m, d;
  char tail;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  *day = d;
  *month = m;
  *year = y;
  return TRUE;
}

static void
set_entry_text (KhCitationRow *self,
                GtkEditable   *editable,
                const char    *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text) == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (editable, text);
  self->syncing = FALSE;
}

static void
load_date (KhCitationRow *self)
{
  const char *iso = kh_citation_get_date (self->citation);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  int d, m, y, td, tm, ty;
  g_autofree char *shown = NULL;

  /* What is typed already says this date (maybe written differently):
   * leave the user's text alone. */
  if (parse_iso_date (iso, &d, &m, &y) &&
      kh_vn_parse_short_date (typed, &td, &tm, &ty) && td == d && tm == m && ty == y)
    return;

  if (*iso == '\0')
    shown = g_strdup ("");
  else if (parse_iso_date (iso, &d, &m, &y))
    shown = kh_vn_format_short_date (d, m, y);
  else
    shown = g_strdup (iso);  /* shown as stored, so that it can be fixed */

  set_entry_text (self, GTK_EDITABLE (self->date_entry), shown);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
}

static void
load (KhCitationRow *self)
{
  if (self->citation == NULL)
    return;
  set_entry_text (self, kind_entry (self), kh_citation_get_kind (self->citation));
  set_entry_text (self, GTK_EDITABLE (self->number_entry), kh_citation_get_number (self->citation));
  set_entry_text (self, GTK_EDITABLE (self->issuer_entry), kh_citation_get_issuer (self->citation));
  set_entry_text (self, GTK_EDITABLE (self->subject_entry), kh_citation_get_subject (self->citation));
  load_date (self);
}

static void
on_citation_notify (KhCitationRow *self)
{
  if (!self->syncing)
    load (self);
}

static void
on_kind_changed (KhCitationRow *self)
{
  if (self->syncing || self->citation == NULL)
    return;
  self->syncing = TRUE;
  kh_citation_set_kind (self->citation, gtk_editable_get_text (kind_entry (self)));
  self->syncing = FALSE;
}

static void
on_number_changed (KhCitationRow *self)
{
  if (self->syncing || self->citation == NULL)
    return;
  self->syncing = TRUE;
  kh_citation_set_number (self->citation, gtk_editable_get_text (GTK_EDITABLE (self->number_entry)));
  self->syncing = FALSE;
}

static void
on_issuer_changed (KhCitationRow *self)
{
  if (self->syncing || self->citation == NULL)
    return;
  self->syncing = TRUE;
  kh_citation_set_issuer (self->citation, gtk_editable_get_text (GTK_EDITABLE (self->issuer_entry)));
  self->syncing = FALSE;
}

static void
on_subject_changed (KhCitationRow *self)
{
  if (self->syncing || self->citation == NULL)
    return;
  self->syncing = TRUE;
  kh_citation_set_subject (self->citation, gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
  self->syncing = FALSE;
}

static gboolean
clear_date_if_empty (gpointer data)
{
  KhCitationRow *self = data;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));

  self->clear_date_source = 0;
  if (*text == '\0' && self->citation != NULL)
    {
      self->syncing = TRUE;
      kh_citation_set_date (self->citation, "");
      self->syncing = FALSE;
    }
  return G_SOURCE_REMOVE;
}

static void
on_date_changed (KhCitationRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *iso = NULL;
  int d, m, y;

  if (self->syncing || self->citation == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  if (*text == '\0')
    {
      /* Replacing the text empties the entry for a moment (delete, then
       * insert): only an entry still empty once idle clears the date. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
      if (self->clear_date_source == 0)
        self->clear_date_source = g_idle_add_full (G_PRIORITY_DEFAULT, clear_date_if_empty, self, NULL);
      return;
    }
  if (kh_vn_parse_short_date (text, &d, &m, &y))
    iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);

  /* A date being typed ("8/6/20") is not stored until it is one. */
  if (iso == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  self->syncing = TRUE;
  kh_citation_set_date (self->citation, iso);
  self->syncing = FALSE;
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhCitationRow *self = KH_CITATION_ROW (widget);

  if (self->citation != NULL)
    kh_list_remove_item (self->citations, self->citation);
}

static void
kh_citation_row_constructed (GObject *object)
{
  KhCitationRow *self = KH_CITATION_ROW (object);

  G_OBJECT_CLASS (kh_citation_row_parent_class)->constructed (object);

  if (self->citation != NULL)
    g_signal_connect_object (self->citation, "notify", G_CALLBACK (on_citation_notify),
                             self, G_CONNECT_SWAPPED);
  load (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citation.remove",
                                 self->citations != NULL && G_IS_LIST_STORE (self->citations));
}

static void
kh_citation_row_dispose (GObject *object)
{
  KhCitationRow *self = KH_CITATION_ROW (object);

  g_clear_handle_id (&self->clear_date_source, g_source_remove);
  g_clear_object (&self->citation);
  g_clear_object (&self->citations);

  G_OBJECT_CLASS (kh_citation_row_parent_class)->dispose (object);
}

static void
kh_citation_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KhCitationRow *self = KH_CITATION_ROW (object);

  switch (prop_id)
    {
    case PROP_CITATION:
      g_value_set_object (value, self->citation);
      break;

    case PROP_CITATIONS:
      g_value_set_object (value, self->citations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_citation_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KhCitationRow *self = KH_CITATION_ROW (object);

  switch (prop_id)
    {
    case PROP_CITATION:
      self->citation = g_value_dup_object (value);
      break;

    case PROP_CITATIONS:
      self->citations = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_citation_row_class_init (KhCitationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_citation_row_constructed;
  object_class->dispose = kh_citation_row_dispose;
  object_class->get_property = kh_citation_row_get_property;
  object_class->set_property = kh_citation_row_set_property;

  properties[PROP_CITATION] =
    g_param_spec_object ("citation", NULL, NULL,
                         KH_TYPE_CITATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CITATIONS] =
    g_param_spec_object ("citations", NULL, "The list that holds the citation",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-citation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KhCitationRow, kind_combo);
  gtk_widget_class_bind_template_child (widget_class, KhCitationRow, number_entry);
  gtk_widget_class_bind_template_child (widget_class, KhCitationRow, date_entry);
  gtk_widget_class_bind_template_child (widget_class, KhCitationRow, issuer_entry);
  gtk_widget_class_bind_template_child (widget_class, KhCitationRow, subject_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_issuer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_subject_changed);

  gtk_widget_class_install_action (widget_class, "citation.remove", NULL, remove_activated);
}

static void
kh_citation_row_init (KhCitationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (kind_entry (self), "changed", G_CALLBACK (on_kind_changed), self);
  /* Wide enough for "Nghị quyết", leaving the room to the number. */
  gtk_editable_set_width_chars (kind_entry (self), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_combo),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"),
                                  -1);
}

GtkWidget *
kh_citation_row_new (KhCitation *citation,
                     GListModel *citations)
{
  g_return_val_if_fail (KH_IS_CITATION (citation), NULL);
  g_return_val_if_fail (citations == NULL || G_IS_LIST_MODEL (citations), NULL);

  return g_object_new (KH_TYPE_CITATION_ROW,
                       "citation", citation,
                       "citations", citations,
                       NULL);
}

KhCitation *
kh_citation_row_get_citation (KhCitationRow *self)
{
  g_return_val_if_fail (KH_IS_CITATION_ROW (self), NULL);

  return self->citation;
}
