/* kh-list-util.h — editing helpers for the model's lists (GListStore)
 *
 * The editors reorder the model's lists in place; these helpers do it with
 * one "items-changed" per edit, so that one user action is one change of
 * the document (one autosave, one undo step).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Position of item in model, or -1 when absent. */
int       kh_list_find (GListModel *model,
                        gpointer    item);
/* Moves the item at position by delta places (-1 up, +1 down). Returns
 * FALSE, changing nothing, when either end is outside the list. */
gboolean  kh_list_move (GListStore *store,
                        guint       position,
                        int         delta);

G_END_DECLS
