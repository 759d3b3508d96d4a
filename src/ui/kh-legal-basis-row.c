/* kh-legal-basis-row.c — one legal basis ("Căn cứ ...") in KhDecisionView */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-citation-row.h"
#include "kh-legal-basis-row.h"
#include "kh-list-util.h"
#include "kh-vntext.h"

struct _KhLegalBasisRow
{
  AdwExpanderRow  parent_instance;

  KhLegalBasis   *basis;
  GListModel     *bases;
  gboolean        syncing;

  /* template widgets */
  AdwEntryRow    *group_row;
  GtkEntry       *text_entry;
  GtkListBox     *citations_list;
  GtkWidget      *move_up_button;
  GtkWidget      *move_down_button;
};

G_DEFINE_FINAL_TYPE (KhLegalBasisRow, kh_legal_basis_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_BASIS,
  PROP_BASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The custom wording without its closing punctuation, or NULL. */
static char *
custom_wording (KhLegalBasis *basis)
{
  char *text = g_strstrip (g_strdup (kh_legal_basis_get_text (basis)));
  gsize len = strlen (text);

  if (len > 0 && (text[len - 1] == ';' || text[len - 1] == '.'))
    {
      text[len - 1] = '\0';
      g_strchomp (text);
    }
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
kh_legal_basis_row_dup_wording (KhLegalBasisRow *self)
{
  g_autofree char *custom = NULL;
  g_autoptr(GPtrArray) wordings = NULL;
  GListModel *citations;
  const char *group;
  gboolean last;
  int position;
  char *result;

  g_return_val_if_fail (KH_IS_LEGAL_BASIS_ROW (self), NULL);

  position = self->bases ? kh_list_find (self->bases, self->basis) : -1;
  last = position >= 0 && (guint) position + 1 == g_list_model_get_n_items (self->bases);

  custom = custom_wording (self->basis);
  if (custom != NULL)
    return g_strconcat (custom, last ? "." : ";", NULL);

  group = kh_legal_basis_get_group (self->basis);
  citations = kh_legal_basis_get_citations (self->basis);
  wordings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(KhCitation) c = g_list_model_get_item (citations, i);
      char *wording;

      /* Under a shared lead the kind and issuer are said once, by it. */
      if (*group != '\0')
        wording = kh_vn_format_citation_short (kh_citation_get_number (c), kh_citation_get_date (c),
                                               kh_citation_get_subject (c));
      else
        wording = kh_vn_format_citation (kh_citation_get_kind (c), kh_citation_get_number (c),
                                         kh_citation_get_date (c), kh_citation_get_issuer (c),
                                         kh_citation_get_subject (c));
      if (wording != NULL)
        g_ptr_array_add (wordings, wording);
    }
  g_ptr_array_add (wordings, NULL);

  result = kh_vn_format_legal_basis (group, (const char * const *) wordings->pdata, last);
  return result ? result : g_strdup ("");
}

static void
update_title (KhLegalBasisRow *self)
{
  g_autofree char *wording = kh_legal_basis_row_dup_wording (self);
  g_autofree char *subtitle = NULL;
  guint n = g_list_model_get_n_items (kh_legal_basis_get_citations (self->basis));
  g_autofree char *custom = custom_wording (self->basis);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 *wording ? wording : _("New legal basis: fill in a citation"));
  if (custom != NULL)
    /* Translators: the subtitle of a legal basis worded by hand */
    subtitle = g_strdup_printf (ngettext ("Custom wording · %u citation", "Custom wording · %u citations", n), n);
  else
    subtitle = g_strdup_printf (ngettext ("%u citation", "%u citations", n), n);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
update_actions (KhLegalBasisRow *self)
{
  kh_list_row_update_actions (GTK_WIDGET (self), "basis", self->bases, self->basis);
}

static void
on_bases_changed (KhLegalBasisRow *self)
{
  /* The last basis ends with "." — a move can change which one it is. */
  update_title (self);
  update_actions (self);
}

static void
set_text (KhLegalBasisRow *self,
          GtkEditable     *editable,
          const char      *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text) == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (editable, text);
  self->syncing = FALSE;
}

static void
on_basis_changed (KhLegalBasisRow *self)
{
  if (!self->syncing)
    {
      set_text (self, GTK_EDITABLE (self->group_row), kh_legal_basis_get_group (self->basis));
      set_text (self, GTK_EDITABLE (self->text_entry), kh_legal_basis_get_text (self->basis));
    }
  update_title (self);
}

static void
on_group_changed (KhLegalBasisRow *self)
{
  if (self->syncing || self->basis == NULL)
    return;
  self->syncing = TRUE;
  kh_legal_basis_set_group (self->basis, gtk_editable_get_text (GTK_EDITABLE (self->group_row)));
  self->syncing = FALSE;
}

static void
on_text_changed (KhLegalBasisRow *self)
{
  if (self->syncing || self->basis == NULL)
    return;
  self->syncing = TRUE;
  kh_legal_basis_set_text (self->basis, gtk_editable_get_text (GTK_EDITABLE (self->text_entry)));
  self->syncing = FALSE;
}

static GtkWidget *
create_citation_row (gpointer item,
                     gpointer user_data)
{
  KhLegalBasisRow *self = user_data;

  return kh_citation_row_new (KH_CITATION (item), kh_legal_basis_get_citations (self->basis));
}

static void
add_citation_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KhLegalBasisRow *self = KH_LEGAL_BASIS_ROW (widget);
  GListModel *citations = kh_legal_basis_get_citations (self->basis);
  g_autoptr(KhCitation) citation = kh_citation_new ();
  GtkListBoxRow *row;

  if (!G_IS_LIST_STORE (citations))
    return;
  g_list_store_append (G_LIST_STORE (citations), citation);
  row = gtk_list_box_get_row_at_index (self->citations_list, g_list_model_get_n_items (citations) - 1);
  if (row != NULL)
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
}

static GtkWidget *
move_button (GtkWidget *widget,
             int        delta)
{
  KhLegalBasisRow *row = KH_LEGAL_BASIS_ROW (widget);

  return delta < 0 ? row->move_up_button : row->move_down_button;
}

static void
move (KhLegalBasisRow *self,
      int              delta)
{
  kh_list_row_move (ADW_EXPANDER_ROW (self), self->bases, self->basis, delta, move_button);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (KH_LEGAL_BASIS_ROW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (KH_LEGAL_BASIS_ROW (widget), 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhLegalBasisRow *self = KH_LEGAL_BASIS_ROW (widget);
  g_autoptr(KhLegalBasisRow) hold = g_object_ref (self);

  kh_list_remove_item (self->bases, self->basis);
}

static void
kh_legal_basis_row_constructed (GObject *object)
{
  KhLegalBasisRow *self = KH_LEGAL_BASIS_ROW (object);

  G_OBJECT_CLASS (kh_legal_basis_row_parent_class)->constructed (object);

  g_return_if_fail (self->basis != NULL);

  set_text (self, GTK_EDITABLE (self->group_row), kh_legal_basis_get_group (self->basis));
  set_text (self, GTK_EDITABLE (self->text_entry), kh_legal_basis_get_text (self->basis));
  gtk_list_box_bind_model (self->citations_list, kh_legal_basis_get_citations (self->basis),
                           create_citation_row, self, NULL);
  g_signal_connect_object (self->basis, "changed", G_CALLBACK (on_basis_changed),
                           self, G_CONNECT_SWAPPED);
  if (self->bases != NULL)
    g_signal_connect_object (self->bases, "items-changed", G_CALLBACK (on_bases_changed),
                             self, G_CONNECT_SWAPPED);
  update_title (self);
  update_actions (self);
}

static void
kh_legal_basis_row_dispose (GObject *object)
{
  KhLegalBasisRow *self = KH_LEGAL_BASIS_ROW (object);

  if (self->citations_list != NULL)
    gtk_list_box_bind_model (self->citations_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_LEGAL_BASIS_ROW);
  g_clear_object (&self->basis);
  g_clear_object (&self->bases);

  G_OBJECT_CLASS (kh_legal_basis_row_parent_class)->dispose (object);
}

static void
kh_legal_basis_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KhLegalBasisRow *self = KH_LEGAL_BASIS_ROW (object);

  switch (prop_id)
    {
    case PROP_BASIS:
      g_value_set_object (value, self->basis);
      break;

    case PROP_BASES:
      g_value_set_object (value, self->bases);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_legal_basis_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KhLegalBasisRow *self = KH_LEGAL_BASIS_ROW (object);

  switch (prop_id)
    {
    case PROP_BASIS:
      self->basis = g_value_dup_object (value);
      break;

    case PROP_BASES:
      self->bases = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_legal_basis_row_class_init (KhLegalBasisRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_legal_basis_row_constructed;
  object_class->dispose = kh_legal_basis_row_dispose;
  object_class->get_property = kh_legal_basis_row_get_property;
  object_class->set_property = kh_legal_basis_row_set_property;

  properties[PROP_BASIS] =
    g_param_spec_object ("basis", NULL, NULL,
                         KH_TYPE_LEGAL_BASIS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BASES] =
    g_param_spec_object ("bases", NULL, "The list that holds the basis",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-legal-basis-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KhLegalBasisRow, group_row);
  gtk_widget_class_bind_template_child (widget_class, KhLegalBasisRow, text_entry);
  gtk_widget_class_bind_template_child (widget_class, KhLegalBasisRow, citations_list);
  gtk_widget_class_bind_template_child (widget_class, KhLegalBasisRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, KhLegalBasisRow, move_down_button);
  gtk_widget_class_bind_template_callback (widget_class, on_group_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);

  gtk_widget_class_install_action (widget_class, "basis.add-citation", NULL, add_citation_activated);
  gtk_widget_class_install_action (widget_class, "basis.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "basis.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "basis.remove", NULL, remove_activated);
}

static void
kh_legal_basis_row_init (KhLegalBasisRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kh_legal_basis_row_new (KhLegalBasis *basis,
                        GListModel   *bases)
{
  g_return_val_if_fail (KH_IS_LEGAL_BASIS (basis), NULL);
  g_return_val_if_fail (bases == NULL || G_IS_LIST_MODEL (bases), NULL);

  return g_object_new (KH_TYPE_LEGAL_BASIS_ROW,
                       "basis", basis,
                       "bases", bases,
                       NULL);
}

KhLegalBasis *
kh_legal_basis_row_get_basis (KhLegalBasisRow *self)
{
  g_return_val_if_fail (KH_IS_LEGAL_BASIS_ROW (self), NULL);

  return self->basis;
}
