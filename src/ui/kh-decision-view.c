/* kh-decision-view.c — the editor of a document's decision (Quyết định) */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-article-row.h"
#include "kh-decision-view.h"
#include "kh-legal-basis-row.h"
#include "kh-node.h"

struct _KhDecisionView
{
  GtkWidget     parent_instance;

  KhDecision   *decision;
  GBinding     *authority_binding;
  GBinding     *proposal_binding;

  /* template widgets */
  GtkStack     *stack;
  AdwEntryRow  *authority_row;
  AdwEntryRow  *proposal_row;
  GtkListBox   *bases_list;
  GtkListBox   *articles_list;
};

G_DEFINE_FINAL_TYPE (KhDecisionView, kh_decision_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DECISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_basis_row (gpointer item,
                  gpointer user_data)
{
  KhDecisionView *self = user_data;

  return kh_legal_basis_row_new (KH_LEGAL_BASIS (item), kh_decision_get_bases (self->decision));
}

static GtkWidget *
create_article_row (gpointer item,
                    gpointer user_data)
{
  KhDecisionView *self = user_data;

  return kh_article_row_new (KH_ARTICLE (item), kh_decision_get_articles (self->decision));
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Opens the row just appended at the end of list and moves the focus
 * into it. */
static void
open_last_row (GtkListBox *list,
               guint       n_items)
{
  GtkListBoxRow *row = n_items ? gtk_list_box_get_row_at_index (list, n_items - 1) : NULL;

  if (!ADW_IS_EXPANDER_ROW (row))
    return;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
add_basis_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KhDecisionView *self = KH_DECISION_VIEW (widget);
  g_autoptr(KhLegalBasis) basis = NULL;
  g_autoptr(KhCitation) citation = NULL;
  GListModel *bases;

  if (self->decision == NULL)
    return;
  bases = kh_decision_get_bases (self->decision);

  /* A basis cites at least one document: start with its form. */
  basis = kh_legal_basis_new ();
  citation = kh_citation_new ();
  g_list_store_append (G_LIST_STORE (kh_legal_basis_get_citations (basis)), citation);
  g_list_store_append (G_LIST_STORE (bases), basis);
  open_last_row (self->bases_list, g_list_model_get_n_items (bases));
}

static void
add_article_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KhDecisionView *self = KH_DECISION_VIEW (widget);
  g_autoptr(KhArticle) article = NULL;
  g_autoptr(KhNode) paragraph = NULL;
  GListModel *articles;

  if (self->decision == NULL)
    return;
  articles = kh_decision_get_articles (self->decision);

  /* "Điều N." is followed by the text of its first paragraph. */
  article = kh_article_new ();
  paragraph = kh_node_new (KH_NODE_KIND_PARAGRAPH, "", "");
  g_list_store_append (G_LIST_STORE (kh_article_get_body (article)), paragraph);
  g_list_store_append (G_LIST_STORE (articles), article);
  open_last_row (self->articles_list, g_list_model_get_n_items (articles));
}

static void
ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/kehoach/KeHoach/ui/kh-decision-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
kh_decision_view_dispose (GObject *object)
{
  KhDecisionView *self = KH_DECISION_VIEW (object);
  GtkWidget *child;

  kh_decision_view_set_decision (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_DECISION_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kh_decision_view_parent_class)->dispose (object);
}

static void
kh_decision_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KhDecisionView *self = KH_DECISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_DECISION:
      g_value_set_object (value, self->decision);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_decision_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KhDecisionView *self = KH_DECISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_DECISION:
      kh_decision_view_set_decision (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_decision_view_class_init (KhDecisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_decision_view_dispose;
  object_class->get_property = kh_decision_view_get_property;
  object_class->set_property = kh_decision_view_set_property;

  properties[PROP_DECISION] =
    g_param_spec_object ("decision", NULL, "The decision edited, or NULL",
                         KH_TYPE_DECISION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-decision-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KhDecisionView, stack);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionView, authority_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionView, proposal_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionView, bases_list);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionView, articles_list);

  gtk_widget_class_install_action (widget_class, "decision.add-basis", NULL, add_basis_activated);
  gtk_widget_class_install_action (widget_class, "decision.add-article", NULL, add_article_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "decision.add-basis", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "decision.add-article", NULL);
}

static void
kh_decision_view_init (KhDecisionView *self)
{
  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->bases_list, placeholder (_("No legal bases yet")));
  gtk_list_box_set_placeholder (self->articles_list, placeholder (_("No articles yet")));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.add-basis", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.add-article", FALSE);
}

GtkWidget *
kh_decision_view_new (void)
{
  return g_object_new (KH_TYPE_DECISION_VIEW, NULL);
}

KhDecision *
kh_decision_view_get_decision (KhDecisionView *self)
{
  g_return_val_if_fail (KH_IS_DECISION_VIEW (self), NULL);

  return self->decision;
}

void
kh_decision_view_set_decision (KhDecisionView *self,
                               KhDecision     *decision)
{
  g_return_if_fail (KH_IS_DECISION_VIEW (self));
  g_return_if_fail (decision == NULL || KH_IS_DECISION (decision));

  if (self->decision == decision)
    return;

  g_clear_pointer (&self->authority_binding, g_binding_unbind);
  g_clear_pointer (&self->proposal_binding, g_binding_unbind);
  if (self->bases_list != NULL)
    {
      gtk_list_box_bind_model (self->bases_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->articles_list, NULL, NULL, NULL, NULL);
    }

  g_set_object (&self->decision, decision);

  if (self->decision != NULL)
    {
      /* An entry row sets the same text without moving the cursor, so the
       * two-way bindings do not disturb typing. */
      self->authority_binding =
        g_object_bind_property (self->decision, "authority", self->authority_row, "text",
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      self->proposal_binding =
        g_object_bind_property (self->decision, "proposal", self->proposal_row, "text",
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      gtk_list_box_bind_model (self->bases_list, kh_decision_get_bases (self->decision),
                               create_basis_row, self, NULL);
      gtk_list_box_bind_model (self->articles_list, kh_decision_get_articles (self->decision),
                               create_article_row, self, NULL);
    }

  if (self->stack != NULL)
    gtk_stack_set_visible_child_name (self->stack, self->decision ? "form" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.add-basis", self->decision != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.add-article", self->decision != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
}
