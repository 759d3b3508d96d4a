/* kh-decision.c — the decision (Quyết định) part of a document */
#include "kh-decision.h"

struct _KhDecision
{
  KhModelObject parent_instance;

  char *authority;
  char *proposal;
  GListStore *bases;
  GListStore *articles;
};

G_DEFINE_FINAL_TYPE (KhDecision, kh_decision, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_AUTHORITY,
  PROP_PROPOSAL,
  PROP_BASES,
  PROP_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_decision_finalize (GObject *object)
{
  KhDecision *self = KH_DECISION (object);

  g_free (self->authority);
  g_free (self->proposal);
  g_clear_object (&self->bases);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (kh_decision_parent_class)->finalize (object);
}

static void
kh_decision_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KhDecision *self = KH_DECISION (object);

  switch (prop_id)
    {
    case PROP_AUTHORITY:
      g_value_set_string (value, self->authority);
      break;

    case PROP_PROPOSAL:
      g_value_set_string (value, self->proposal);
      break;

    case PROP_BASES:
      g_value_set_object (value, self->bases);
      break;

    case PROP_ARTICLES:
      g_value_set_object (value, self->articles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_decision_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KhDecision *self = KH_DECISION (object);

  switch (prop_id)
    {
    case PROP_AUTHORITY:
      kh_decision_set_authority (self, g_value_get_string (value));
      break;

    case PROP_PROPOSAL:
      kh_decision_set_proposal (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_decision_class_init (KhDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_decision_finalize;
  object_class->get_property = kh_decision_get_property;
  object_class->set_property = kh_decision_set_property;

  properties[PROP_AUTHORITY] =
    g_param_spec_string ("authority", NULL, "The issuing authority line, such as GIÁM ĐỐC SỞ ...",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROPOSAL] =
    g_param_spec_string ("proposal", NULL, "The Theo đề nghị của ... line, without final punctuation",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BASES] =
    g_param_spec_object ("bases", NULL, "The legal bases, in order",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ARTICLES] =
    g_param_spec_object ("articles", NULL, "The articles, numbered by position",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_decision_init (KhDecision *self)
{
  self->authority = g_strdup ("");
  self->proposal = g_strdup ("");
  self->bases = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_LEGAL_BASIS);
  self->articles = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_ARTICLE);
}

KhDecision *
kh_decision_new (void)
{
  return g_object_new (KH_TYPE_DECISION, NULL);
}

/* A deep copy: every list and child object is copied too. */
KhDecision *
kh_decision_copy (KhDecision *self)
{
  g_return_val_if_fail (KH_IS_DECISION (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_decision_get_authority (KhDecision *self)
{
  g_return_val_if_fail (KH_IS_DECISION (self), NULL);

  return self->authority;
}

void
kh_decision_set_authority (KhDecision *self,
                           const char *authority)
{
  g_return_if_fail (KH_IS_DECISION (self));

  if (kh_model_object_set_string (&self->authority, authority))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY]);
}

const char *
kh_decision_get_proposal (KhDecision *self)
{
  g_return_val_if_fail (KH_IS_DECISION (self), NULL);

  return self->proposal;
}

void
kh_decision_set_proposal (KhDecision *self,
                          const char *proposal)
{
  g_return_if_fail (KH_IS_DECISION (self));

  if (kh_model_object_set_string (&self->proposal, proposal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROPOSAL]);
}

GListModel *
kh_decision_get_bases (KhDecision *self)
{
  g_return_val_if_fail (KH_IS_DECISION (self), NULL);

  return G_LIST_MODEL (self->bases);
}

GListModel *
kh_decision_get_articles (KhDecision *self)
{
  g_return_val_if_fail (KH_IS_DECISION (self), NULL);

  return G_LIST_MODEL (self->articles);
}
