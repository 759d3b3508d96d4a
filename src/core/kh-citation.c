/* kh-citation.c — a cited legal document (Luật, Nghị định, ...) of a legal basis */
#include "kh-citation.h"

struct _KhCitation
{
  KhModelObject parent_instance;

  char *kind;
  char *number;
  char *date;
  char *issuer;
  char *subject;
};

G_DEFINE_FINAL_TYPE (KhCitation, kh_citation, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NUMBER,
  PROP_DATE,
  PROP_ISSUER,
  PROP_SUBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_citation_finalize (GObject *object)
{
  KhCitation *self = KH_CITATION (object);

  g_free (self->kind);
  g_free (self->number);
  g_free (self->date);
  g_free (self->issuer);
  g_free (self->subject);

  G_OBJECT_CLASS (kh_citation_parent_class)->finalize (object);
}

static void
kh_citation_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KhCitation *self = KH_CITATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ISSUER:
      g_value_set_string (value, self->issuer);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_citation_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KhCitation *self = KH_CITATION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      kh_citation_set_kind (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      kh_citation_set_number (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      kh_citation_set_date (self, g_value_get_string (value));
      break;

    case PROP_ISSUER:
      kh_citation_set_issuer (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      kh_citation_set_subject (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_citation_class_init (KhCitationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_citation_finalize;
  object_class->get_property = kh_citation_get_property;
  object_class->set_property = kh_citation_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, "The kind of document: Luật, Nghị định, Thông tư, ...",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, "Number and symbol, such as 63/2010/NĐ-CP",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, "Issue date as YYYY-MM-DD, or empty",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ISSUER] =
    g_param_spec_string ("issuer", NULL, "Issuing body, or empty",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, "Subject of the cited document, or empty",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_citation_init (KhCitation *self)
{
  self->kind = g_strdup ("");
  self->number = g_strdup ("");
  self->date = g_strdup ("");
  self->issuer = g_strdup ("");
  self->subject = g_strdup ("");
}

KhCitation *
kh_citation_new (void)
{
  return g_object_new (KH_TYPE_CITATION, NULL);
}

/* A deep copy: every list and child object is copied too. */
KhCitation *
kh_citation_copy (KhCitation *self)
{
  g_return_val_if_fail (KH_IS_CITATION (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_citation_get_kind (KhCitation *self)
{
  g_return_val_if_fail (KH_IS_CITATION (self), NULL);

  return self->kind;
}

void
kh_citation_set_kind (KhCitation *self,
                      const char *kind)
{
  g_return_if_fail (KH_IS_CITATION (self));

  if (kh_model_object_set_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
kh_citation_get_number (KhCitation *self)
{
  g_return_val_if_fail (KH_IS_CITATION (self), NULL);

  return self->number;
}

void
kh_citation_set_number (KhCitation *self,
                        const char *number)
{
  g_return_if_fail (KH_IS_CITATION (self));

  if (kh_model_object_set_string (&self->number, number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
kh_citation_get_date (KhCitation *self)
{
  g_return_val_if_fail (KH_IS_CITATION (self), NULL);

  return self->date;
}

void
kh_citation_set_date (KhCitation *self,
                      const char *date)
{
  g_return_if_fail (KH_IS_CITATION (self));

  if (kh_model_object_set_string (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
kh_citation_get_issuer (KhCitation *self)
{
  g_return_val_if_fail (KH_IS_CITATION (self), NULL);

  return self->issuer;
}

void
kh_citation_set_issuer (KhCitation *self,
                        const char *issuer)
{
  g_return_if_fail (KH_IS_CITATION (self));

  if (kh_model_object_set_string (&self->issuer, issuer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUER]);
}

const char *
kh_citation_get_subject (KhCitation *self)
{
  g_return_val_if_fail (KH_IS_CITATION (self), NULL);

  return self->subject;
}

void
kh_citation_set_subject (KhCitation *self,
                         const char *subject)
{
  g_return_if_fail (KH_IS_CITATION (self));

  if (kh_model_object_set_string (&self->subject, subject))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}
