/* kh-preferences-window.h — the user's defaults for new documents and the
 * page layout of printed documents
 *
 * Two pages: "Document Defaults" (agency, parent agency, abbreviation,
 * place, signer, recipients) and "Printing" (body font size 13 or 14 pt,
 * margins in millimetres within Nghị định 30's ranges). Every field is
 * bound to the io.github.kehoach.KeHoach settings: a change is stored as
 * it is made, and a change made elsewhere shows at once. The margin spin
 * buttons take their limits from the schema's ranges, so a value outside
 * the decree's cannot be entered.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_PREFERENCES_WINDOW (kh_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KhPreferencesWindow, kh_preferences_window, KH, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* parent may be NULL; the window is modal to it otherwise. settings must
 * be of the io.github.kehoach.KeHoach schema. */
GtkWidget *kh_preferences_window_new          (GtkWindow           *parent,
                                               GSettings           *settings);
GSettings *kh_preferences_window_get_settings (KhPreferencesWindow *self);

G_END_DECLS
