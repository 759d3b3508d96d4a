/* main.c — kehoach: the desktop application */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kh-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr(KhApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* `meson devenv` (./dev run) points this at the build tree's catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KH_LOCALEDIR") ? g_getenv ("KH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
