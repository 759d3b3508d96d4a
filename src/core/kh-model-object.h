/* kh-model-object.h — the common base of every document model object
 *
 * Every object of the model (document, plan, task, ...) derives from
 * KhModelObject, which provides:
 *  - a "changed" signal, emitted once, synchronously, whenever one of the
 *    object's properties changes, one of its lists changes, or any object
 *    below it changes (the change bubbles up parent by parent);
 *  - a generic deep copy and deep comparison driven by the GObject
 *    properties, so that a new field is copied and compared without
 *    touching this code.
 *
 * Lists of children are GListStores exposed as read-only GListModel
 * properties; owned single children are object properties.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KH_TYPE_MODEL_OBJECT (kh_model_object_get_type ())
G_DECLARE_DERIVABLE_TYPE (KhModelObject, kh_model_object, KH, MODEL_OBJECT, GObject)

struct _KhModelObjectClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

/* A GParamSpec flag for a value that is not content (the store's id):
 * kh_model_object_copy() leaves it at its default, _equal() ignores it. */
#define KH_PARAM_NOT_CONTENT (1 << G_PARAM_USER_SHIFT)

gpointer    kh_model_object_copy          (KhModelObject *self);
gboolean    kh_model_object_equal         (KhModelObject *a,
                                           KhModelObject *b);
void        kh_model_object_emit_changed  (KhModelObject *self);

/* For subclasses. */
GListStore *kh_model_object_create_list   (KhModelObject *self,
                                           GType          item_type);
gboolean    kh_model_object_replace_child (KhModelObject *self,
                                           gpointer      *slot,
                                           gpointer       child);
gboolean    kh_model_object_set_string    (char         **slot,
                                           const char    *value);

G_END_DECLS
