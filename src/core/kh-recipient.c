/* kh-recipient.c — one line of a document's "Nơi nhận" list */
#include "kh-recipient.h"

struct _KhRecipient
{
  KhModelObject parent_instance;

  char *text;
};

G_DEFINE_FINAL_TYPE (KhRecipient, kh_recipient, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_recipient_finalize (GObject *object)
{
  KhRecipient *self = KH_RECIPIENT (object);

  g_free (self->text);

  G_OBJECT_CLASS (kh_recipient_parent_class)->finalize (object);
}

static void
kh_recipient_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KhRecipient *self = KH_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_recipient_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KhRecipient *self = KH_RECIPIENT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      kh_recipient_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_recipient_class_init (KhRecipientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_recipient_finalize;
  object_class->get_property = kh_recipient_get_property;
  object_class->set_property = kh_recipient_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, "The recipient line, without leading dash or trailing semicolon",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_recipient_init (KhRecipient *self)
{
  self->text = g_strdup ("");
}

KhRecipient *
kh_recipient_new (const char * text)
{
  return g_object_new (KH_TYPE_RECIPIENT,
                       "text", text,
                       NULL);
}

/* A deep copy: every list and child object is copied too. */
KhRecipient *
kh_recipient_copy (KhRecipient *self)
{
  g_return_val_if_fail (KH_IS_RECIPIENT (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

const char *
kh_recipient_get_text (KhRecipient *self)
{
  g_return_val_if_fail (KH_IS_RECIPIENT (self), NULL);

  return self->text;
}

void
kh_recipient_set_text (KhRecipient *self,
                       const char  *text)
{
  g_return_if_fail (KH_IS_RECIPIENT (self));

  if (kh_model_object_set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
