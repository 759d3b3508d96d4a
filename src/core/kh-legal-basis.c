/* kh-legal-basis.c — one "Căn cứ ..." paragraph of a decision */
#include "kh-legal-basis.h"

struct _KhLegalBasis
{
  KhModelObject parent_instance;

  char *group;
  char *text;
  GListStore *citations;
};

G_DEFINE_FINAL_TYPE (KhLegalBasis, kh_legal_basis, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_GROUP,
  PROP_TEXT,
  PROP_CITATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_legal_basis_finalize (GObject *object)
{
  KhLegalBasis *self = KH_LEGAL_BASIS (object);

  g_free (self->group);
  g_free (self->text);
  g_clear_object (&self->citations);

  G_OBJECT_CLASS (kh_legal_basis_parent_class)->finalize (object);
}

static void
kh_legal_basis_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KhLegalBasis *self = KH_LEGAL_BASIS (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CITATIONS:
      g_value_set_object (value, self->citations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_legal_basis_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KhLegalBasis *self = KH_LEGAL_BASIS (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      kh_legal_basis_set_group (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      kh_legal_basis_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_legal_basis_class_init (KhLegalBasisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_legal_basis_finalize;
  object_class->get_property = kh_legal_basis_get_property;
  object_class->set_property = kh_legal_basis_set_property;

  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, "A shared lead for several citations, or empty",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, "The exact wording; empty to word it from the citations",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CITATIONS] =
    g_param_spec_object ("citations", NULL, "The cited documents",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_legal_basis_init (KhLegalBasis *self)
{
  self->group = g_strdup ("");
  self->text = g_strdup ("");
  self->citations = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_CITATION);
}

KhLegalBasis *
kh_legal_basis_new (void)
{
  return g_object_new (KH_TYPE_LEGAL_BASIS, NULL);
}

/* A deep copy: every list and child object is copied too. */
KhLegalBasis *
kh_legal_basis_copy (KhLegalBasis *self)
{
  g_return_val_if_fail (KH_IS_LEGAL_BASIS (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_legal_basis_get_group (KhLegalBasis *self)
{
  g_return_val_if_fail (KH_IS_LEGAL_BASIS (self), NULL);

  return self->group;
}

void
kh_legal_basis_set_group (KhLegalBasis *self,
                          const char   *group)
{
  g_return_if_fail (KH_IS_LEGAL_BASIS (self));

  if (kh_model_object_set_string (&self->group, group))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

const char *
kh_legal_basis_get_text (KhLegalBasis *self)
{
  g_return_val_if_fail (KH_IS_LEGAL_BASIS (self), NULL);

  return self->text;
}

void
kh_legal_basis_set_text (KhLegalBasis *self,
                         const char   *text)
{
  g_return_if_fail (KH_IS_LEGAL_BASIS (self));

  if (kh_model_object_set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

GListModel *
kh_legal_basis_get_citations (KhLegalBasis *self)
{
  g_return_val_if_fail (KH_IS_LEGAL_BASIS (self), NULL);

  return G_LIST_MODEL (self->citations);
}
