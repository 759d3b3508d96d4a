/* kh-node.c — a node of a numbered narrative: part, section, point, dash or paragraph */
#include "kh-node.h"

struct _KhNode
{
  KhModelObject parent_instance;

  KhNodeKind kind;
  char *title;
  char *text;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (KhNode, kh_node, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_TEXT,
  PROP_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_node_finalize (GObject *object)
{
  KhNode *self = KH_NODE (object);

  g_free (self->title);
  g_free (self->text);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (kh_node_parent_class)->finalize (object);
}

static void
kh_node_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KhNode *self = KH_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_node_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KhNode *self = KH_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      kh_node_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      kh_node_set_title (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      kh_node_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_node_class_init (KhNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_node_finalize;
  object_class->get_property = kh_node_get_property;
  object_class->set_property = kh_node_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "How the node is numbered",
                       KH_TYPE_NODE_KIND, KH_NODE_KIND_PARAGRAPH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Bold heading after the number, or empty",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, "Paragraph text, or empty",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, "The nested nodes",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_node_init (KhNode *self)
{
  self->kind = KH_NODE_KIND_PARAGRAPH;
  self->title = g_strdup ("");
  self->text = g_strdup ("");
  self->children = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_NODE);
}

KhNode *
kh_node_new (KhNodeKind   kind,
             const char * title,
             const char * text)
{
  return g_object_new (KH_TYPE_NODE,
                       "kind", kind,
                       "title", title,
                       "text", text,
                       NULL);
}

/* A deep copy: every list and child object is copied too. */
KhNode *
kh_node_copy (KhNode *self)
{
  g_return_val_if_fail (KH_IS_NODE (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

KhNodeKind
kh_node_get_kind (KhNode *self)
{
  g_return_val_if_fail (KH_IS_NODE (self), 0);

  return self->kind;
}

void
kh_node_set_kind (KhNode     *self,
                  KhNodeKind  kind)
{
  g_return_if_fail (KH_IS_NODE (self));
  g_return_if_fail (kh_enum_to_nick (KH_TYPE_NODE_KIND, kind) != NULL);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
kh_node_get_title (KhNode *self)
{
  g_return_val_if_fail (KH_IS_NODE (self), NULL);

  return self->title;
}

void
kh_node_set_title (KhNode     *self,
                   const char *title)
{
  g_return_if_fail (KH_IS_NODE (self));

  if (kh_model_object_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kh_node_get_text (KhNode *self)
{
  g_return_val_if_fail (KH_IS_NODE (self), NULL);

  return self->text;
}

void
kh_node_set_text (KhNode     *self,
                  const char *text)
{
  g_return_if_fail (KH_IS_NODE (self));

  if (kh_model_object_set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

GListModel *
kh_node_get_children (KhNode *self)
{
  g_return_val_if_fail (KH_IS_NODE (self), NULL);

  return G_LIST_MODEL (self->children);
}
