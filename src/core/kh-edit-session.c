/* kh-edit-session.c — one open document: autosave and undo/redo
 *
 * Undo keeps serialized snapshots (the .kehoach JSON) rather than
 * per-property inverse operations: every kind of edit, in every view, is
 * undoable without each view knowing about undo, and a snapshot can never
 * drift from what the store holds.
 */
#include "config.h"

#include "kh-document-io.h"
#include "kh-edit-session.h"

struct _KhEditSession
{
  GObject     parent_instance;

  KhStore    *store;
  KhDocument *document;
  gulong      changed_id;

  char       *saved_json;   /* the state the store holds */
  GQueue      undo;         /* char *, newest at head */
  GQueue      redo;

  guint       save_source;
  guint       step_source;  /* running while an undo step is open */
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhEditSession, kh_edit_session, G_TYPE_OBJECT)

static void on_document_changed (KhEditSession *self);

static void
notify_can (KhEditSession *self,
            gboolean       could_undo,
            gboolean       could_redo)
{
  if (could_undo != kh_edit_session_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != kh_edit_session_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
set_document (KhEditSession *self,
              KhDocument    *document)
{
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  self->changed_id = g_signal_connect_swapped (document, "changed",
                                               G_CALLBACK (on_document_changed), self);
}

static gboolean
save_now (KhEditSession  *self,
          GError        **error)
{
  char *body = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  /* The snapshot is the text the store wrote, not a second serialization. */
  if (!kh_store_save_document_full (self->store, self->document, &body, error))
    return FALSE;
  g_free (self->saved_json);
  self->saved_json = g_steal_pointer (&body);
  return TRUE;
}

/* Writes the pending change, if any; a failure is reported, not returned. */
static void
save_pending (KhEditSession *self)
{
  g_autoptr(GError) error = NULL;

  if (self->save_source == 0)
    return;
  if (!save_now (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static gboolean
save_timeout_cb (gpointer data)
{
  KhEditSession *self = data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_now (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

static gboolean
step_timeout_cb (gpointer data)
{
  KhEditSession *self = data;

  self->step_source = 0;
  /* The user paused: what they typed is written now. */
  save_pending (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (KhEditSession *self)
{
  gboolean could_undo = kh_edit_session_get_can_undo (self);
  gboolean could_redo = kh_edit_session_get_can_redo (self);

  /* The first change of a step remembers the state before it. */
  if (self->step_source == 0)
    {
      g_queue_push_head (&self->undo, g_strdup (self->saved_json));
      while (g_queue_get_length (&self->undo) > KH_EDIT_SESSION_MAX_STEPS)
        g_free (g_queue_pop_tail (&self->undo));
      g_queue_clear_full (&self->redo, g_free);
    }
  else
    g_source_remove (self->step_source);
  self->step_source = g_timeout_add (KH_EDIT_SESSION_GROUP_MS, step_timeout_cb, self);

  /* Writing a large plan takes time: while the user types, write when
   * they pause (the step closes), and at the latest KH_EDIT_SESSION_SAVE_MS
   * after the first unsaved change. */
  if (self->save_source == 0)
    self->save_source = g_timeout_add (KH_EDIT_SESSION_SAVE_MS, save_timeout_cb, self);

  notify_can (self, could_undo, could_redo);
}

void
kh_edit_session_close_step (KhEditSession *self)
{
  g_return_if_fail (KH_IS_EDIT_SESSION (self));

  g_clear_handle_id (&self->step_source, g_source_remove);
  /* The next step's snapshot is the state written now. */
  save_pending (self);
}

gboolean
kh_edit_session_flush (KhEditSession  *self,
                       GError        **error)
{
  g_return_val_if_fail (KH_IS_EDIT_SESSION (self), FALSE);

  if (self->save_source == 0)
    return TRUE;
  return save_now (self, error);
}

/* Moves one snapshot from one stack to the other, replacing the document. */
static gboolean
travel (KhEditSession  *self,
        GQueue         *from,
        GQueue         *to,
        GError        **error)
{
  gboolean could_undo = kh_edit_session_get_can_undo (self);
  gboolean could_redo = kh_edit_session_get_can_redo (self);
  g_autoptr(KhDocument) restored = NULL;
  g_autofree char *json = NULL;

  if (g_queue_is_empty (from))
    return TRUE;
  if (!kh_edit_session_flush (self, error))
    return FALSE;
  kh_edit_session_close_step (self);

  json = g_queue_peek_head (from);
  restored = kh_document_deserialize (json, -1, error);
  if (restored == NULL)
    return FALSE;
  kh_document_set_id (restored, kh_document_get_id (self->document));
  if (!kh_store_save_document (self->store, restored, error))
    return FALSE;

  g_queue_pop_head (from);
  g_queue_push_head (to, g_steal_pointer (&self->saved_json));
  self->saved_json = g_steal_pointer (&json);

  set_document (self, restored);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  notify_can (self, could_undo, could_redo);
  return TRUE;
}

gboolean
kh_edit_session_undo (KhEditSession  *self,
                      GError        **error)
{
  g_return_val_if_fail (KH_IS_EDIT_SESSION (self), FALSE);

  return travel (self, &self->undo, &self->redo, error);
}

gboolean
kh_edit_session_redo (KhEditSession  *self,
                      GError        **error)
{
  g_return_val_if_fail (KH_IS_EDIT_SESSION (self), FALSE);

  return travel (self, &self->redo, &self->undo, error);
}

KhDocument *
kh_edit_session_get_document (KhEditSession *self)
{
  g_return_val_if_fail (KH_IS_EDIT_SESSION (self), NULL);

  return self->document;
}

KhStore *
kh_edit_session_get_store (KhEditSession *self)
{
  g_return_val_if_fail (KH_IS_EDIT_SESSION (self), NULL);

  return self->store;
}

gboolean
kh_edit_session_get_can_undo (KhEditSession *self)
{
  g_return_val_if_fail (KH_IS_EDIT_SESSION (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
kh_edit_session_get_can_redo (KhEditSession *self)
{
  g_return_val_if_fail (KH_IS_EDIT_SESSION (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

KhEditSession *
kh_edit_session_new (KhStore    *store,
                     KhDocument *document)
{
  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (KH_IS_DOCUMENT (document), NULL);

  return g_object_new (KH_TYPE_EDIT_SESSION, "store", store, "document", document, NULL);
}

static void
kh_edit_session_constructed (GObject *object)
{
  KhEditSession *self = KH_EDIT_SESSION (object);

  G_OBJECT_CLASS (kh_edit_session_parent_class)->constructed (object);

  self->saved_json = kh_document_serialize (self->document);
}

static void
kh_edit_session_dispose (GObject *object)
{
  KhEditSession *self = KH_EDIT_SESSION (object);
  g_autoptr(GError) error = NULL;

  /* Closing a document never loses its last edit. */
  if (self->store != NULL && self->document != NULL && !kh_edit_session_flush (self, &error))
    g_warning ("Could not save the document: %s", error->message);

  g_clear_handle_id (&self->step_source, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_edit_session_parent_class)->dispose (object);
}

static void
kh_edit_session_finalize (GObject *object)
{
  KhEditSession *self = KH_EDIT_SESSION (object);

  g_free (self->saved_json);
  g_queue_clear_full (&self->undo, g_free);
  g_queue_clear_full (&self->redo, g_free);

  G_OBJECT_CLASS (kh_edit_session_parent_class)->finalize (object);
}

static void
kh_edit_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KhEditSession *self = KH_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, kh_edit_session_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, kh_edit_session_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_edit_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KhEditSession *self = KH_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_edit_session_class_init (KhEditSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kh_edit_session_constructed;
  object_class->dispose = kh_edit_session_dispose;
  object_class->finalize = kh_edit_session_finalize;
  object_class->get_property = kh_edit_session_get_property;
  object_class->set_property = kh_edit_session_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KhEditSession::save-failed:
   * @error: what the store said
   *
   * An edit could not be written; the document keeps it and the next
   * edit (or kh_edit_session_flush()) tries again.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kh_edit_session_init (KhEditSession *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}
