/* kh-cli-import.c — "kehoach-cli import FILE": prints the new document's id */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"

int
kh_cli_import (KhCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  KhStore *store;
  gint64 id;

  if (argc != 2)
    return kh_cli_command_usage (argv[0]);

  store = kh_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return kh_cli_fail ("%s", error->message);

  file = g_file_new_for_commandline_arg (argv[1]);
  id = kh_store_import_file (store, file, &error);
  if (id == 0)
    return kh_cli_fail ("%s", error->message);

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return KH_CLI_EXIT_OK;
}
