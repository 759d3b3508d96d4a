/* kh-application.c — the Kế hoạch application
 *
 * Owns the one database of the user (KhStore) for the lifetime of the
 * process; windows borrow it. "--db PATH" opens another database, which
 * the UI tests use to run on a temporary file.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-application.h"
#include "kh-preferences-window.h"
#include "kh-window.h"

struct _KhApplication
{
  AdwApplication  parent_instance;

  KhStore        *store;
  char           *db_path;
};

G_DEFINE_FINAL_TYPE (KhApplication, kh_application, ADW_TYPE_APPLICATION)

KhApplication *
kh_application_new (void)
{
  return g_object_new (KH_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/kehoach/KeHoach",
                       NULL);
}

KhStore *
kh_application_get_store (KhApplication *self)
{
  g_return_val_if_fail (KH_IS_APPLICATION (self), NULL);

  return self->store;
}

static const char *
examples_dir (void)
{
  /* Run from the build tree, the installed examples may not exist yet. */
  if (g_file_test (EXAMPLESDIR, G_FILE_TEST_IS_DIR))
    return EXAMPLESDIR;
  return SOURCE_EXAMPLESDIR;
}

static void
show_fatal_error (KhApplication *self,
                  const GError  *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Could not open the database"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kh_application_activate (GApplication *app)
{
  KhApplication *self = KH_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (self->store == NULL)
    {
      if (self->db_path != NULL)
        self->store = kh_store_open_with_examples (self->db_path, examples_dir (), &error);
      else
        self->store = kh_store_open_default (examples_dir (), &error);

      if (self->store == NULL)
        {
          g_warning ("%s", error->message);
          show_fatal_error (self, error);
          return;
        }
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (kh_window_new (self));
  gtk_window_present (window);
}

/* Files given on the command line or by the file manager are imported
 * into the library (the library is where documents live). */
static void
kh_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  kh_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    return;
  for (int i = 0; i < n_files; i++)
    kh_window_import_file (KH_WINDOW (window), files[i]);
}

static int
kh_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  KhApplication *self = KH_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("kehoach %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_strdup (db);
    }
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Kế hoạch developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Kế hoạch"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Draft yearly plans, their task tables and the decisions that issue them"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed", APPLICATION_ID);
      return;
    }
  settings = g_settings_new (APPLICATION_ID);
  gtk_window_present (GTK_WINDOW (kh_preferences_window_new (gtk_application_get_active_window (app), settings)));
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_activated },
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
};

static void
kh_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (kh_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
kh_application_finalize (GObject *object)
{
  KhApplication *self = KH_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (kh_application_parent_class)->finalize (object);
}

static void
kh_application_class_init (KhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kh_application_finalize;
  app_class->activate = kh_application_activate;
  app_class->startup = kh_application_startup;
  app_class->open = kh_application_open;
  app_class->handle_local_options = kh_application_handle_local_options;
}

static void
kh_application_init (KhApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database at PATH"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}
