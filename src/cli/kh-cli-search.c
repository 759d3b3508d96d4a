/* kh-cli-search.c — "kehoach-cli search TEXT": matching documents, best first */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"

int
kh_cli_search (KhCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autofree char *query = NULL;
  KhStore *store;

  if (argc < 2)
    return kh_cli_command_usage (argv[0]);

  /* "search kiểm soát" without quotes means the two words. */
  query = g_strjoinv (" ", argv + 1);
  if (!g_utf8_validate (query, -1, NULL))
    return kh_cli_usage_error (_("The search text is not valid UTF-8."));

  store = kh_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return kh_cli_fail ("%s", error->message);
  documents = kh_store_search (store, query, &error);
  if (documents == NULL)
    return kh_cli_fail ("%s", error->message);

  kh_cli_print_document_infos (documents);
  return KH_CLI_EXIT_OK;
}
