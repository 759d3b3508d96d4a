/* kh-column.c — one column of a task table: which task field, and its header */
#include "kh-column.h"

struct _KhColumn
{
  KhModelObject parent_instance;

  KhColumnField field;
  char *header;
};

G_DEFINE_FINAL_TYPE (KhColumn, kh_column, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_HEADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_column_finalize (GObject *object)
{
  KhColumn *self = KH_COLUMN (object);

  g_free (self->header);

  G_OBJECT_CLASS (kh_column_parent_class)->finalize (object);
}

static void
kh_column_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KhColumn *self = KH_COLUMN (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;

    case PROP_HEADER:
      g_value_set_string (value, self->header);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_column_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KhColumn *self = KH_COLUMN (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      kh_column_set_field (self, g_value_get_enum (value));
      break;

    case PROP_HEADER:
      kh_column_set_header (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_column_class_init (KhColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_column_finalize;
  object_class->get_property = kh_column_get_property;
  object_class->set_property = kh_column_set_property;

  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, "The task field shown",
                       KH_TYPE_COLUMN_FIELD, KH_COLUMN_CONTENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HEADER] =
    g_param_spec_string ("header", NULL, "The column header text",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_column_init (KhColumn *self)
{
  self->field = KH_COLUMN_CONTENT;
  self->header = g_strdup ("");
}

KhColumn *
kh_column_new (KhColumnField field,
               const char *  header)
{
  return g_object_new (KH_TYPE_COLUMN,
                       "field", field,
                       "header", header,
                       NULL);
}

/* A deep copy: every list and child object is copied too. */
KhColumn *
kh_column_copy (KhColumn *self)
{
  g_return_val_if_fail (KH_IS_COLUMN (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

KhColumnField
kh_column_get_field (KhColumn *self)
{
  g_return_val_if_fail (KH_IS_COLUMN (self), 0);

  return self->field;
}

void
kh_column_set_field (KhColumn      *self,
                     KhColumnField  field)
{
  g_return_if_fail (KH_IS_COLUMN (self));
  g_return_if_fail (kh_enum_to_nick (KH_TYPE_COLUMN_FIELD, field) != NULL);

  if (self->field == field)
    return;

  self->field = field;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
kh_column_get_header (KhColumn *self)
{
  g_return_val_if_fail (KH_IS_COLUMN (self), NULL);

  return self->header;
}

void
kh_column_set_header (KhColumn   *self,
                      const char *header)
{
  g_return_if_fail (KH_IS_COLUMN (self));

  if (kh_model_object_set_string (&self->header, header))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
}
