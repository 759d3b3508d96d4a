/* ui-test-util.h — helpers shared by the UI tests (run under Xvfb) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until cond returns TRUE or timeout_ms passes. */
gboolean kh_ui_test_wait_for    (gboolean   (*cond) (gpointer),
                                 gpointer     data,
                                 guint        timeout_ms);
/* Spins the main loop for about ms milliseconds (lets layout and drawing happen). */
void     kh_ui_test_spin        (guint        ms);
/* Renders the widget (a window) to a PNG in the build directory's
 * screenshots/ folder; returns the path. */
char    *kh_ui_test_screenshot  (GtkWidget   *widget,
                                 const char  *name);

G_END_DECLS
