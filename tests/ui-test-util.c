/* ui-test-util.c — helpers shared by the UI tests */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "kh-application.h"
#include "kh-document-io.h"
#include "ui-test-util.h"

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
kh_ui_test_run_app (GCallback on_activate,
                    gpointer  data)
{
  g_autoptr(KhApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("kh-ui-XXXXXX", &error);
  g_autofree char *db = NULL;
  char *argv[4];

  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "test.db", NULL);
  argv[0] = (char *) "kehoach";
  argv[1] = (char *) "--db";
  argv[2] = db;
  argv[3] = NULL;

  app = kh_application_new ();
  g_signal_connect_after (app, "activate", on_activate, data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_clear_object (&app);

  for (guint i = 0; i < 3; i++)
    {
      static const char *suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      g_remove (path);
    }
  g_rmdir (tmpdir);
}

/* The trigger of the first of widget's shortcuts that activates action_name. */
static GtkShortcutTrigger *
dup_action_trigger (GtkWidget  *widget,
                    const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action)
              && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name))
            return g_object_ref (gtk_shortcut_get_trigger (shortcut));
        }
    }
  return NULL;
}

void
kh_ui_test_assert_accelerator (GtkWidget  *widget,
                               const char *action_name,
                               const char *accelerator)
{
  g_autoptr(GtkShortcutTrigger) found = dup_action_trigger (widget, action_name);
  g_autoptr(GtkShortcutTrigger) expected = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (found);
  g_assert_true (gtk_shortcut_trigger_equal (found, expected));
}

gboolean
kh_ui_test_has_window (gpointer app)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL;
}

gboolean
kh_ui_test_wait_for (gboolean (*cond) (gpointer),
                     gpointer   data,
                     guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!timed_out && !(cond && cond (data)))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return cond ? cond (data) : TRUE;
}

void
kh_ui_test_spin (guint ms)
{
  kh_ui_test_wait_for (NULL, NULL, ms);
}

char *
kh_ui_test_screenshot (GtkWidget  *widget,
                       const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  char *path;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* Right after a resize the window has no frame to paint yet: let it draw. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        kh_ui_test_spin (100);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

gboolean
kh_ui_test_init (int    *argc,
                 char ***argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KH_LOCALEDIR") ? g_getenv ("KH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

const char *
kh_ui_test_lang (void)
{
  return g_getenv ("KH_TEST_LANG") ? g_getenv ("KH_TEST_LANG") : "en";
}

void
kh_ui_test_skip_without_display (void)
{
  g_test_skip ("no display (./dev test starts Xvfb)");
}

gboolean
kh_ui_test_have_display (void)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      kh_ui_test_skip_without_display ();
      return FALSE;
    }
  return TRUE;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

GPtrArray *
kh_ui_test_find_all (GtkWidget *root,
                     GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

gpointer
kh_ui_test_find (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      gpointer found = kh_ui_test_find (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

KhDocument *
kh_ui_test_load_example (const char *name)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples",
                                                     name, NULL);
  g_autoptr(GError) error = NULL;
  KhDocument *doc = kh_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

GtkWindow *
kh_ui_test_present (GtkWidget *child,
                    int        width,
                    int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  return window;
}
