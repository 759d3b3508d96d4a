/* kh-article.c — one article (Điều) of a decision */
#include "kh-article.h"

struct _KhArticle
{
  KhModelObject parent_instance;

  char *title;
  GListStore *body;
};

G_DEFINE_FINAL_TYPE (KhArticle, kh_article, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_article_finalize (GObject *object)
{
  KhArticle *self = KH_ARTICLE (object);

  g_free (self->title);
  g_clear_object (&self->body);

  G_OBJECT_CLASS (kh_article_parent_class)->finalize (object);
}

static void
kh_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KhArticle *self = KH_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_object (value, self->body);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KhArticle *self = KH_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kh_article_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_article_class_init (KhArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_article_finalize;
  object_class->get_property = kh_article_get_property;
  object_class->set_property = kh_article_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Optional article title",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BODY] =
    g_param_spec_object ("body", NULL, "Paragraphs, clauses and points of the article",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_article_init (KhArticle *self)
{
  self->title = g_strdup ("");
  self->body = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_NODE);
}

KhArticle *
kh_article_new (void)
{
  return g_object_new (KH_TYPE_ARTICLE, NULL);
}

/* A deep copy: every list and child object is copied too. */
KhArticle *
kh_article_copy (KhArticle *self)
{
  g_return_val_if_fail (KH_IS_ARTICLE (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_article_get_title (KhArticle *self)
{
  g_return_val_if_fail (KH_IS_ARTICLE (self), NULL);

  return self->title;
}

void
kh_article_set_title (KhArticle  *self,
                      const char *title)
{
  g_return_if_fail (KH_IS_ARTICLE (self));

  if (kh_model_object_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GListModel *
kh_article_get_body (KhArticle *self)
{
  g_return_val_if_fail (KH_IS_ARTICLE (self), NULL);

  return G_LIST_MODEL (self->body);
}
