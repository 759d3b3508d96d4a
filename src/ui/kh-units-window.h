/* kh-units-window.h — the editor of the department's directory of units
 *
 * Lists the store's units (name and short name), adds a unit, renames one
 * in place and removes one with an undo toast; a search narrows the list
 * (case and diacritics ignored). Every change goes straight to the store,
 * which checks it (a name already in the directory is refused, and the
 * store's message is shown beside the field). The window follows
 * "units-changed", so other editors of the directory show at once.
 *
 * Keyboard: Ctrl+N focuses the new unit's name, Enter in either field
 * adds it, Ctrl+F searches, Escape closes.
 *
 * Actions (on the window, "units." prefix):
 *   units.add                  adds the unit typed in the "New Unit" fields
 *   units.remove (x)           removes the unit with that id (undo toast)
 *   units.restore ((ssu))      puts back a removed unit: name, short name,
 *                              position in the directory
 *   units.new                  focuses the new unit's name
 *   units.find                 shows the search bar
 */
#pragma once

#include <adwaita.h>

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_UNITS_WINDOW (kh_units_window_get_type ())
G_DECLARE_FINAL_TYPE (KhUnitsWindow, kh_units_window, KH, UNITS_WINDOW, AdwWindow)

/* parent may be NULL; the window is modal to it otherwise. */
GtkWidget *kh_units_window_new       (GtkWindow     *parent,
                                      KhStore       *store);
KhStore   *kh_units_window_get_store (KhUnitsWindow *self);
/* The units shown, after the search filter: a GListModel of KhUnit. */
GListModel *kh_units_window_get_units (KhUnitsWindow *self);

G_END_DECLS
