/* kh-edit-session.h — one open document: autosave and undo/redo
 *
 * Every change of the document (its "changed" signal) is written to the
 * store as soon as the user pauses, and at the latest a moment later, so
 * nothing is lost on a crash beyond the edit being typed. Undo, redo,
 * closing the session and kh_edit_session_flush() write at once. Changes that follow each other within a
 * short pause form one undo step (typing a word is one step, not one per
 * letter). Undo and redo replace the document object by the state before
 * or after a step: views follow the "document" property.
 */
#pragma once

#include "kh-document.h"
#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_EDIT_SESSION (kh_edit_session_get_type ())
G_DECLARE_FINAL_TYPE (KhEditSession, kh_edit_session, KH, EDIT_SESSION, GObject)

/* How long a pause ends an undo step, in milliseconds. */
#define KH_EDIT_SESSION_GROUP_MS 800
/* The longest an edit waits to be written while the user keeps typing. */
#define KH_EDIT_SESSION_SAVE_MS 2000
/* How many steps are kept. */
#define KH_EDIT_SESSION_MAX_STEPS 200

KhEditSession *kh_edit_session_new          (KhStore       *store,
                                              KhDocument    *document);
KhDocument    *kh_edit_session_get_document (KhEditSession *self);
KhStore       *kh_edit_session_get_store    (KhEditSession *self);
gboolean       kh_edit_session_get_can_undo (KhEditSession *self);
gboolean       kh_edit_session_get_can_redo (KhEditSession *self);
gboolean       kh_edit_session_undo         (KhEditSession *self,
                                             GError       **error);
gboolean       kh_edit_session_redo         (KhEditSession *self,
                                             GError       **error);
/* Ends the current undo step now (e.g. when the user moves to another field). */
void           kh_edit_session_close_step   (KhEditSession *self);
/* Writes a pending change now. */
gboolean       kh_edit_session_flush        (KhEditSession *self,
                                             GError       **error);

G_END_DECLS
