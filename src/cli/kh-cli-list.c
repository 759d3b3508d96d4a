/* kh-cli-list.c — "kehoach-cli list": every document, one a line */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"

int
kh_cli_list (KhCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = NULL;
  KhStore *store;

  if (argc != 1)
    return kh_cli_command_usage (argv[0]);

  store = kh_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return kh_cli_fail ("%s", error->message);
  documents = kh_store_list_documents (store, &error);
  if (documents == NULL)
    return kh_cli_fail ("%s", error->message);

  kh_cli_print_document_infos (documents);
  return KH_CLI_EXIT_OK;
}
