/* kh-unit.c — an entry of the department's directory of units */
#include "kh-unit.h"

struct _KhUnit
{
  KhModelObject parent_instance;

  gint64 id;
  char *name;
  char *short_name;
};

G_DEFINE_FINAL_TYPE (KhUnit, kh_unit, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_unit_finalize (GObject *object)
{
  KhUnit *self = KH_UNIT (object);

  g_free (self->name);
  g_free (self->short_name);

  G_OBJECT_CLASS (kh_unit_parent_class)->finalize (object);
}

static void
kh_unit_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KhUnit *self = KH_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_unit_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KhUnit *self = KH_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      kh_unit_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      kh_unit_set_name (self, g_value_get_string (value));
      break;

    case PROP_SHORT_NAME:
      kh_unit_set_short_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_unit_class_init (KhUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_unit_finalize;
  object_class->get_property = kh_unit_get_property;
  object_class->set_property = kh_unit_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Store id, 0 when not stored",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | KH_PARAM_NOT_CONTENT);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Full unit name",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, "Short name",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_unit_init (KhUnit *self)
{
  self->name = g_strdup ("");
  self->short_name = g_strdup ("");
}

KhUnit *
kh_unit_new (const char * name,
             const char * short_name)
{
  return g_object_new (KH_TYPE_UNIT,
                       "name", name,
                       "short-name", short_name,
                       NULL);
}

/* A deep copy: every list and child object is copied too. */
KhUnit *
kh_unit_copy (KhUnit *self)
{
  g_return_val_if_fail (KH_IS_UNIT (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

gint64
kh_unit_get_id (KhUnit *self)
{
  g_return_val_if_fail (KH_IS_UNIT (self), 0);

  return self->id;
}

void
kh_unit_set_id (KhUnit *self,
                gint64  id)
{
  g_return_if_fail (KH_IS_UNIT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
kh_unit_get_name (KhUnit *self)
{
  g_return_val_if_fail (KH_IS_UNIT (self), NULL);

  return self->name;
}

void
kh_unit_set_name (KhUnit     *self,
                  const char *name)
{
  g_return_if_fail (KH_IS_UNIT (self));

  if (kh_model_object_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
kh_unit_get_short_name (KhUnit *self)
{
  g_return_val_if_fail (KH_IS_UNIT (self), NULL);

  return self->short_name;
}

void
kh_unit_set_short_name (KhUnit     *self,
                        const char *short_name)
{
  g_return_if_fail (KH_IS_UNIT (self));

  if (kh_model_object_set_string (&self->short_name, short_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_NAME]);
}
