/* kh-article-row.c — one article (Điều) in KhDecisionView */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-article-row.h"
#include "kh-list-util.h"
#include "kh-narrative-view.h"

/* How much of the body the collapsed row shows. */
#define PREVIEW_CHARS 110

struct _KhArticleRow
{
  AdwExpanderRow   parent_instance;

  KhArticle       *article;
  GListModel      *articles;
  gboolean         syncing;

  /* template widgets */
  AdwEntryRow     *title_row;
  KhNarrativeView *body_view;
  GtkWidget       *move_up_button;
  GtkWidget       *move_down_button;
};

G_DEFINE_FINAL_TYPE (KhArticleRow, kh_article_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (KhArticleRow *self)
{
  int position = self->articles ? kh_list_find (self->articles, self->article) : -1;
  const char *title = kh_article_get_title (self->article);
  GListModel *body = kh_article_get_body (self->article);
  g_autofree char *heading = NULL;
  g_autofree char *preview = NULL;

  /* Document text: "Điều 2. Tổ chức thực hiện". */
  if (*title != '\0')
    heading = g_strdup_printf ("Điều %d. %s", position + 1, title);
  else
    heading = g_strdup_printf ("Điều %d.", position + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), heading);

  if (g_list_model_get_n_items (body) > 0)
    {
      g_autoptr(KhNode) first = g_list_model_get_item (body, 0);
      const char *text = *kh_node_get_text (first) ? kh_node_get_text (first) : kh_node_get_title (first);

      if (g_utf8_strlen (text, -1) > PREVIEW_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (text, 0, PREVIEW_CHARS);
          preview = g_strconcat (g_strchomp (cut), "…", NULL);
        }
      else
        preview = g_strdup (text);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), preview ? preview : _("No text yet"));
}

static void
update_actions (KhArticleRow *self)
{
  kh_list_row_update_actions (GTK_WIDGET (self), "article", self->articles, self->article);
}

static void
on_articles_changed (KhArticleRow *self)
{
  update_title (self);
  update_actions (self);
}

static void
on_article_changed (KhArticleRow *self)
{
  const char *title = kh_article_get_title (self->article);

  if (!self->syncing && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), title) != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
      self->syncing = FALSE;
    }
  update_title (self);
}

static void
on_title_changed (KhArticleRow *self)
{
  if (self->syncing || self->article == NULL)
    return;
  self->syncing = TRUE;
  kh_article_set_title (self->article, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  self->syncing = FALSE;
}

static GtkWidget *
move_button (GtkWidget *widget,
             int        delta)
{
  KhArticleRow *row = KH_ARTICLE_ROW (widget);

  return delta < 0 ? row->move_up_button : row->move_down_button;
}

static void
move (KhArticleRow *self,
      int           delta)
{
  kh_list_row_move (ADW_EXPANDER_ROW (self), self->articles, self->article, delta, move_button);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (KH_ARTICLE_ROW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (KH_ARTICLE_ROW (widget), 1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhArticleRow *self = KH_ARTICLE_ROW (widget);
  g_autoptr(KhArticleRow) hold = g_object_ref (self);

  kh_list_remove_item (self->articles, self->article);
}

static void
kh_article_row_constructed (GObject *object)
{
  KhArticleRow *self = KH_ARTICLE_ROW (object);

  G_OBJECT_CLASS (kh_article_row_parent_class)->constructed (object);

  g_return_if_fail (self->article != NULL);

  kh_narrative_view_set_nodes (self->body_view, kh_article_get_body (self->article));
  g_signal_connect_object (self->article, "changed", G_CALLBACK (on_article_changed),
                           self, G_CONNECT_SWAPPED);
  if (self->articles != NULL)
    g_signal_connect_object (self->articles, "items-changed", G_CALLBACK (on_articles_changed),
                             self, G_CONNECT_SWAPPED);
  on_article_changed (self);
  update_actions (self);
}

static void
kh_article_row_dispose (GObject *object)
{
  KhArticleRow *self = KH_ARTICLE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_ARTICLE_ROW);
  g_clear_object (&self->article);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (kh_article_row_parent_class)->dispose (object);
}

static void
kh_article_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KhArticleRow *self = KH_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_ARTICLES:
      g_value_set_object (value, self->articles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_article_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KhArticleRow *self = KH_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      self->article = g_value_dup_object (value);
      break;

    case PROP_ARTICLES:
      self->articles = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_article_row_class_init (KhArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_article_row_constructed;
  object_class->dispose = kh_article_row_dispose;
  object_class->get_property = kh_article_row_get_property;
  object_class->set_property = kh_article_row_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         KH_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ARTICLES] =
    g_param_spec_object ("articles", NULL, "The list that holds the article",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KH_TYPE_NARRATIVE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KhArticleRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, KhArticleRow, body_view);
  gtk_widget_class_bind_template_child (widget_class, KhArticleRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, KhArticleRow, move_down_button);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);

  gtk_widget_class_install_action (widget_class, "article.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "article.move-down", NULL, move_down_activated);
  gtk_widget_class_install_action (widget_class, "article.remove", NULL, remove_activated);
}

static void
kh_article_row_init (KhArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kh_article_row_new (KhArticle  *article,
                    GListModel *articles)
{
  g_return_val_if_fail (KH_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (articles == NULL || G_IS_LIST_MODEL (articles), NULL);

  return g_object_new (KH_TYPE_ARTICLE_ROW,
                       "article", article,
                       "articles", articles,
                       NULL);
}

KhArticle *
kh_article_row_get_article (KhArticleRow *self)
{
  g_return_val_if_fail (KH_IS_ARTICLE_ROW (self), NULL);

  return self->article;
}
