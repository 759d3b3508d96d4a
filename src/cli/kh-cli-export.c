/* kh-cli-export.c — "kehoach-cli export ID FILE" */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"

int
kh_cli_export (KhCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  KhStore *store;
  gint64 id;

  if (argc != 3)
    return kh_cli_command_usage (argv[0]);
  if (!kh_cli_parse_id (argv[1], &id))
    return kh_cli_usage_error (_("“%s” is not a document id."), argv[1]);

  store = kh_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return kh_cli_fail ("%s", error->message);

  file = g_file_new_for_commandline_arg (argv[2]);
  if (!kh_store_export_document (store, id, file, &error))
    return kh_cli_fail ("%s", error->message);
  return KH_CLI_EXIT_OK;
}
