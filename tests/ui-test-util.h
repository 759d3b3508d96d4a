/* ui-test-util.h — helpers shared by the UI tests (run under Xvfb) */
#pragma once

#include <gtk/gtk.h>

#include "kh-document.h"

G_BEGIN_DECLS

/* Sets up gettext (KH_LOCALEDIR, else the install's) and GTest; TRUE when
 * there is a display to open windows on. */
gboolean    kh_ui_test_init         (int         *argc,
                                     char      ***argv);
/* The language the test runs in, KH_TEST_LANG ("en" or "vi"; "en" unset). */
const char *kh_ui_test_lang         (void);
/* Marks the running test skipped for want of a display (a GTestFunc). */
void        kh_ui_test_skip_without_display (void);
/* g_test_add() of a fixture test that needs a display; without one the test
 * is listed and reported skipped. */
#define KH_UI_TEST_ADD(have_display, path, Fixture, data, setup, test, teardown) \
  G_STMT_START {                                                               \
    if (have_display)                                                          \
      g_test_add (path, Fixture, data, setup, test, teardown);                 \
    else                                                                       \
      g_test_add_func (path, kh_ui_test_skip_without_display);                 \
  } G_STMT_END

/* TRUE when there is a display; otherwise marks the running test skipped. */
gboolean    kh_ui_test_have_display (void);
/* A new window of default size width × height (-1: the child's) showing
 * child, presented. */
GtkWindow  *kh_ui_test_present      (GtkWidget   *child,
                                     int          width,
                                     int          height);
/* data/examples/name of the source tree (KH_SOURCE_ROOT), read. */
KhDocument *kh_ui_test_load_example (const char  *name);
/* The widgets of type at or below root, depth first. */
GPtrArray  *kh_ui_test_find_all     (GtkWidget   *root,
                                     GType        type);
/* The first of them, or NULL. */
gpointer    kh_ui_test_find         (GtkWidget   *root,
                                     GType        type);

/* Runs the application (KhApplication) on a new database in a temporary
 * folder, with on_activate (void (*) (GApplication *, gpointer data))
 * connected after the application's own "activate"; the callback ends the
 * test with g_application_quit(). The folder and the database (with its
 * -wal and -shm files) are removed afterwards. */
void     kh_ui_test_run_app     (GCallback    on_activate,
                                 gpointer     data);

/* Asserts that the first of widget's shortcuts (class bindings) that
 * activates action_name is triggered by accelerator ("<Control>n", "F7"). */
void     kh_ui_test_assert_accelerator (GtkWidget  *widget,
                                        const char *action_name,
                                        const char *accelerator);

/* Runs the main loop until cond returns TRUE or timeout_ms passes. */
gboolean kh_ui_test_wait_for    (gboolean   (*cond) (gpointer),
                                 gpointer     data,
                                 guint        timeout_ms);
/* A wait_for condition: the GtkApplication app has an active window. */
gboolean kh_ui_test_has_window  (gpointer     app);
/* Spins the main loop for about ms milliseconds (lets layout and drawing happen). */
void     kh_ui_test_spin        (guint        ms);
/* Renders the widget (a window) to a PNG in the build directory's
 * screenshots/ folder; returns the path. */
char    *kh_ui_test_screenshot  (GtkWidget   *widget,
                                 const char  *name);

G_END_DECLS
