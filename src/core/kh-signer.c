/* kh-signer.c — who signs a document (NĐ 30 signature block) */
#include "kh-signer.h"

struct _KhSigner
{
  KhModelObject parent_instance;

  char *prefix;
  char *authority;
  char *title;
  char *name;
};

G_DEFINE_FINAL_TYPE (KhSigner, kh_signer, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_PREFIX,
  PROP_AUTHORITY,
  PROP_TITLE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_signer_finalize (GObject *object)
{
  KhSigner *self = KH_SIGNER (object);

  g_free (self->prefix);
  g_free (self->authority);
  g_free (self->title);
  g_free (self->name);

  G_OBJECT_CLASS (kh_signer_parent_class)->finalize (object);
}

static void
kh_signer_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KhSigner *self = KH_SIGNER (object);

  switch (prop_id)
    {
    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;

    case PROP_AUTHORITY:
      g_value_set_string (value, self->authority);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_signer_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KhSigner *self = KH_SIGNER (object);

  switch (prop_id)
    {
    case PROP_PREFIX:
      kh_signer_set_prefix (self, g_value_get_string (value));
      break;

    case PROP_AUTHORITY:
      kh_signer_set_authority (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      kh_signer_set_title (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      kh_signer_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_signer_class_init (KhSignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_signer_finalize;
  object_class->get_property = kh_signer_get_property;
  object_class->set_property = kh_signer_set_property;

  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, "Authority prefix: empty, TM., KT., TL., TUQ. or Q.",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AUTHORITY] =
    g_param_spec_string ("authority", NULL, "On whose behalf the signer signs (after the prefix)",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The signer's own title",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "The signer's full name",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_signer_init (KhSigner *self)
{
  self->prefix = g_strdup ("");
  self->authority = g_strdup ("");
  self->title = g_strdup ("");
  self->name = g_strdup ("");
}

KhSigner *
kh_signer_new (void)
{
  return g_object_new (KH_TYPE_SIGNER, NULL);
}

/* A deep copy: every list and child object is copied too. */
KhSigner *
kh_signer_copy (KhSigner *self)
{
  g_return_val_if_fail (KH_IS_SIGNER (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

static const char *const prefixes[] = { "", "TM.", "KT.", "TL.", "TUQ.", "Q." };

const char *
kh_signer_prefix_at (guint index)
{
  return index < G_N_ELEMENTS (prefixes) ? prefixes[index] : NULL;
}

int
kh_signer_prefix_index (const char *prefix)
{
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_strcmp0 (prefix ? prefix : "", prefixes[i]) == 0)
      return (int) i;
  return -1;
}

const char *
kh_signer_get_prefix (KhSigner *self)
{
  g_return_val_if_fail (KH_IS_SIGNER (self), NULL);

  return self->prefix;
}

void
kh_signer_set_prefix (KhSigner   *self,
                      const char *prefix)
{
  g_return_if_fail (KH_IS_SIGNER (self));

  if (kh_model_object_set_string (&self->prefix, prefix))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFIX]);
}

const char *
kh_signer_get_authority (KhSigner *self)
{
  g_return_val_if_fail (KH_IS_SIGNER (self), NULL);

  return self->authority;
}

void
kh_signer_set_authority (KhSigner   *self,
                         const char *authority)
{
  g_return_if_fail (KH_IS_SIGNER (self));

  if (kh_model_object_set_string (&self->authority, authority))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY]);
}

const char *
kh_signer_get_title (KhSigner *self)
{
  g_return_val_if_fail (KH_IS_SIGNER (self), NULL);

  return self->title;
}

void
kh_signer_set_title (KhSigner   *self,
                     const char *title)
{
  g_return_if_fail (KH_IS_SIGNER (self));

  if (kh_model_object_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kh_signer_get_name (KhSigner *self)
{
  g_return_val_if_fail (KH_IS_SIGNER (self), NULL);

  return self->name;
}

void
kh_signer_set_name (KhSigner   *self,
                    const char *name)
{
  g_return_if_fail (KH_IS_SIGNER (self));

  if (kh_model_object_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
