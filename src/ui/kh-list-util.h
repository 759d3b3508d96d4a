/* kh-list-util.h — editing helpers for the model's lists (GListStore) and
 * for the rows that edit one item of such a list
 *
 * The editors reorder the model's lists in place; these helpers do it with
 * one "items-changed" per edit, so that one user action is one change of
 * the document (one autosave, one undo step).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Position of item in model, or -1 when absent. */
int       kh_list_find (GListModel *model,
                        gpointer    item);
/* Moves the item at position by delta places (-1 up, +1 down). Returns
 * FALSE, changing nothing, when either end is outside the list. */
gboolean  kh_list_move (GListStore *store,
                        guint       position,
                        int         delta);
/* Moves item by delta places in model when model is a GListStore holding
 * it, storing its new position in new_position (may be NULL). Returns
 * FALSE, changing nothing, otherwise. */
gboolean  kh_list_move_item (GListModel *model,
                             gpointer    item,
                             int         delta,
                             guint      *new_position);
/* Removes item from model when model is a GListStore holding it. */
gboolean  kh_list_remove_item (GListModel *model,
                               gpointer    item);

/* The row's move-up or move-down button (delta -1 or +1). */
typedef GtkWidget *(*KhListRowButtonFunc) (GtkWidget *row,
                                           int        delta);

/* For the expander row that edits item of model in a GtkListBox bound to
 * model: enables the row's actions "<prefix>.move-up", "<prefix>.move-down"
 * and "<prefix>.remove" where they apply. */
void      kh_list_row_update_actions (GtkWidget  *row,
                                      const char *prefix,
                                      GListModel *model,
                                      gpointer    item);
/* Moves item by delta places. The list box then recreates the rows of the
 * moved items, so the row now showing item opens as row was and takes the
 * focus back (on the same button when open), letting the user press again. */
void      kh_list_row_move (AdwExpanderRow      *row,
                            GListModel          *model,
                            gpointer             item,
                            int                  delta,
                            KhListRowButtonFunc  button);

G_END_DECLS
