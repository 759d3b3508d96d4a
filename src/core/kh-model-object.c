/* kh-model-object.c — change bubbling, deep copy and comparison of the model */
#include "kh-model-object.h"

#include <json-glib/json-glib.h>

/* A list of children, mirrored so that the handlers of removed children can
 * be disconnected: when "items-changed" arrives they are already gone from
 * the store. */
typedef struct
{
  KhModelObject *owner;
  GListStore *store;
  GPtrArray *items;      /* owns a ref on each child */
  GArray *handlers;      /* gulong, parallel to items */
} ListWatch;

typedef struct
{
  GPtrArray *lists;      /* of ListWatch */
} KhModelObjectPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KhModelObject, kh_model_object, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
list_watch_items_changed (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          ListWatch  *watch)
{
  for (guint i = 0; i < removed; i++)
    {
      GObject *child = g_ptr_array_index (watch->items, position + i);

      g_signal_handler_disconnect (child, g_array_index (watch->handlers, gulong, position + i));
    }
  g_ptr_array_remove_range (watch->items, position, removed);
  g_array_remove_range (watch->handlers, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *child = g_list_model_get_item (model, position + i);  /* the mirror owns it */
      gulong id = g_signal_connect_swapped (child, "changed",
                                            G_CALLBACK (kh_model_object_emit_changed),
                                            watch->owner);

      g_ptr_array_insert (watch->items, position + i, child);
      g_array_insert_val (watch->handlers, position + i, id);
    }

  kh_model_object_emit_changed (watch->owner);
}

static void
list_watch_free (gpointer data)
{
  ListWatch *watch = data;

  g_signal_handlers_disconnect_by_data (watch->store, watch);
  for (guint i = 0; i < watch->items->len; i++)
    g_signal_handler_disconnect (g_ptr_array_index (watch->items, i),
                                 g_array_index (watch->handlers, gulong, i));
  g_ptr_array_unref (watch->items);
  g_array_unref (watch->handlers);
  g_object_unref (watch->store);
  g_free (watch);
}

static void
kh_model_object_dispose (GObject *object)
{
  KhModelObject *self = KH_MODEL_OBJECT (object);
  KhModelObjectPrivate *priv = kh_model_object_get_instance_private (self);

  g_clear_pointer (&priv->lists, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_model_object_parent_class)->dispose (object);
}

/* The class closure of "notify": every property change is a change. */
static void
kh_model_object_notify (GObject    *object,
                        GParamSpec *pspec)
{
  kh_model_object_emit_changed (KH_MODEL_OBJECT (object));
}

static void
kh_model_object_class_init (KhModelObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kh_model_object_dispose;
  object_class->notify = kh_model_object_notify;

  /**
   * KhModelObject::changed:
   *
   * Emitted once, synchronously, after any change of the object or of
   * anything below it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kh_model_object_init (KhModelObject *self)
{
  KhModelObjectPrivate *priv = kh_model_object_get_instance_private (self);

  priv->lists = g_ptr_array_new_with_free_func (list_watch_free);
}

void
kh_model_object_emit_changed (KhModelObject *self)
{
  g_return_if_fail (KH_IS_MODEL_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns a new store (transfer full) of @item_type, a KhModelObject
 * subtype, whose changes and whose items' changes are changes of @self.
 * The subclass keeps the returned reference and releases it in finalize. */
GListStore *
kh_model_object_create_list (KhModelObject *self,
                             GType          item_type)
{
  KhModelObjectPrivate *priv = kh_model_object_get_instance_private (self);
  ListWatch *watch;

  g_return_val_if_fail (KH_IS_MODEL_OBJECT (self), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, KH_TYPE_MODEL_OBJECT), NULL);

  watch = g_new0 (ListWatch, 1);
  watch->owner = self;
  watch->store = g_list_store_new (item_type);
  watch->items = g_ptr_array_new_with_free_func (g_object_unref);
  watch->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  g_signal_connect (watch->store, "items-changed",
                    G_CALLBACK (list_watch_items_changed), watch);
  g_ptr_array_add (priv->lists, watch);

  return g_object_ref (watch->store);
}

/* Sets the owned child in *@slot to @child (taking a reference), so that
 * the child's changes are changes of @self. Returns whether it changed;
 * the caller notifies. Subclasses call it with NULL in dispose. */
gboolean
kh_model_object_replace_child (KhModelObject *self,
                               gpointer      *slot,
                               gpointer       child)
{
  g_return_val_if_fail (KH_IS_MODEL_OBJECT (self), FALSE);
  g_return_val_if_fail (child == NULL || KH_IS_MODEL_OBJECT (child), FALSE);

  if (*slot == child)
    return FALSE;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, kh_model_object_emit_changed, self);
      g_clear_object (slot);
    }
  if (child != NULL)
    {
      *slot = g_object_ref (child);
      g_signal_connect_swapped (child, "changed",
                                G_CALLBACK (kh_model_object_emit_changed), self);
    }
  return TRUE;
}

/* Model strings are never NULL: NULL is stored as "". Returns whether
 * the value changed. */
gboolean
kh_model_object_set_string (char       **slot,
                            const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static gboolean
is_content (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_READABLE) != 0 &&
         (pspec->flags & KH_PARAM_NOT_CONTENT) == 0;
}

static gboolean
is_list (GParamSpec *pspec)
{
  return g_type_is_a (pspec->value_type, G_TYPE_LIST_MODEL);
}

/**
 * kh_model_object_copy:
 *
 * Returns: (transfer full) (type KhModelObject): a deep copy of @self:
 * every property but the KH_PARAM_NOT_CONTENT ones, with owned child
 * objects and list items copied in turn.
 */
gpointer
kh_model_object_copy (KhModelObject *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree const char **names = NULL;
  g_autoptr(GArray) values = NULL;
  GObject *copy;
  guint n_pspecs, n = 0;

  g_return_val_if_fail (KH_IS_MODEL_OBJECT (self), NULL);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  names = g_new0 (const char *, n_pspecs);
  values = g_array_sized_new (FALSE, TRUE, sizeof (GValue), n_pspecs);
  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GValue value = G_VALUE_INIT;

      if (!is_content (pspec) || is_list (pspec) || (pspec->flags & G_PARAM_WRITABLE) == 0)
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &value);
      if (g_type_is_a (pspec->value_type, KH_TYPE_MODEL_OBJECT) && g_value_get_object (&value) != NULL)
        g_value_take_object (&value, kh_model_object_copy (g_value_get_object (&value)));

      names[n++] = pspec->name;
      g_array_append_val (values, value);
    }

  copy = g_object_new_with_properties (G_OBJECT_TYPE (self), n, names, (GValue *) values->data);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autoptr(GListModel) from = NULL;
      g_autoptr(GListModel) to = NULL;
      guint n_items;
      g_autoptr(GPtrArray) items = NULL;

      if (!is_content (pspecs[i]) || !is_list (pspecs[i]))
        continue;

      g_object_get (self, pspecs[i]->name, &from, NULL);
      g_object_get (copy, pspecs[i]->name, &to, NULL);
      g_return_val_if_fail (G_IS_LIST_STORE (to), copy);

      n_items = g_list_model_get_n_items (from);
      items = g_ptr_array_new_full (n_items, g_object_unref);
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(KhModelObject) item = g_list_model_get_item (from, j);

          g_ptr_array_add (items, kh_model_object_copy (item));
        }
      /* One splice: one "items-changed" rather than one per item. */
      g_list_store_splice (G_LIST_STORE (to), 0, 0, items->pdata, items->len);
    }

  return copy;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (is_list (pspec))
    {
      GListModel *la = g_value_get_object (a);
      GListModel *lb = g_value_get_object (b);
      guint n = g_list_model_get_n_items (la);

      if (n != g_list_model_get_n_items (lb))
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KhModelObject) ia = g_list_model_get_item (la, i);
          g_autoptr(KhModelObject) ib = g_list_model_get_item (lb, i);

          if (!kh_model_object_equal (ia, ib))
            return FALSE;
        }
      return TRUE;
    }

  if (g_type_is_a (pspec->value_type, KH_TYPE_MODEL_OBJECT))
    {
      KhModelObject *oa = g_value_get_object (a);
      KhModelObject *ob = g_value_get_object (b);

      if (oa == NULL || ob == NULL)
        return oa == ob;
      return kh_model_object_equal (oa, ob);
    }

  if (pspec->value_type == JSON_TYPE_NODE)
    {
      JsonNode *na = g_value_get_boxed (a);
      JsonNode *nb = g_value_get_boxed (b);

      if (na == NULL || nb == NULL)
        return na == nb;
      return json_node_equal (na, nb);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/**
 * kh_model_object_equal:
 *
 * Returns: whether @a and @b have the same type and the same content,
 * compared deeply (KH_PARAM_NOT_CONTENT properties are ignored).
 */
gboolean
kh_model_object_equal (KhModelObject *a,
                       KhModelObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (KH_IS_MODEL_OBJECT (a), FALSE);
  g_return_val_if_fail (KH_IS_MODEL_OBJECT (b), FALSE);

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!is_content (pspecs[i]))
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &vb);
      if (!values_equal (pspecs[i], &va, &vb))
        return FALSE;
    }
  return TRUE;
}
