/* kh-cli.c — the command table of kehoach-cli and what commands share */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "kh-cli.h"
#include "kh-document-info.h"
#include "kh-document-io.h"

/* One line per command; see kh-cli.h. */
const KhCliCommand kh_cli_commands[] = {
  { "list",   "",          N_("List the documents: id, kind and title, one a line"), kh_cli_list },
  { "show",   "ID",        N_("Show a document as a readable outline"), kh_cli_show },
  { "import", "FILE",      N_("Import a .kehoach file and print its new id"), kh_cli_import },
  { "export", "ID FILE",   N_("Export a document to a .kehoach file"), kh_cli_export },
  { "search", "TEXT",      N_("Search the documents (case and accents ignored)"), kh_cli_search },
  { "pdf",    "ID|FILE -o OUT.pdf [--png PAGE]", N_("Print a document to PDF (or one page to PNG) per Nghị định 30"), kh_cli_pdf },
  { "timeline", "ID|FILE -o OUT.pdf|OUT.png [--from DATE --to DATE] [--paper a4|a3]", N_("Export the timeline to PDF pages or a PNG image"), kh_cli_timeline },
  { "lint", "ID|FILE [--json]", N_("Check a document before it is issued: blanks, last year’s dates, unread time frames"), kh_cli_lint },
  { "timeframe", "TEXT [--year YEAR] [--json]", N_("Show how a time frame text is read: kind, dates, note"), kh_cli_timeframe },
  { NULL, NULL, NULL, NULL }
};

const KhCliCommand *
kh_cli_find_command (const char *name)
{
  for (const KhCliCommand *command = kh_cli_commands; command->name != NULL; command++)
    if (g_strcmp0 (command->name, name) == 0)
      return command;
  return NULL;
}

KhStore *
kh_cli_context_get_store (KhCliContext  *ctx,
                          GError       **error)
{
  if (ctx->store == NULL)
    {
      if (ctx->db_path != NULL)
        ctx->store = kh_store_open (ctx->db_path, error);
      else
        ctx->store = kh_store_open_default (ctx->examples_dir, error);
    }
  return ctx->store;
}

void
kh_cli_context_clear (KhCliContext *ctx)
{
  g_clear_object (&ctx->store);
  g_clear_pointer (&ctx->db_path, g_free);
  g_clear_pointer (&ctx->examples_dir, g_free);
}

/* Messages may quote text with line breaks (a SQLite or JSON detail): the
 * error stays on one line for scripts that read it. */
static void
print_error (const char *format,
             va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_strdelimit (message, "\r\n", ' ');
  /* TRANSLATORS: the prefix of every error of kehoach-cli */
  g_printerr ("kehoach-cli: %s %s\n", _("error:"), message);
}

int
kh_cli_fail (const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
  return KH_CLI_EXIT_FAILURE;
}

int
kh_cli_usage_error (const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
  return KH_CLI_EXIT_USAGE;
}

int
kh_cli_command_usage (const char *command_name)
{
  const KhCliCommand *command = kh_cli_find_command (command_name);
  g_autofree char *synopsis = NULL;

  g_return_val_if_fail (command != NULL, KH_CLI_EXIT_USAGE);

  synopsis = kh_cli_command_synopsis (command);
  return kh_cli_usage_error (_("usage: kehoach-cli %s"), synopsis);
}

char *
kh_cli_command_synopsis (const KhCliCommand *command)
{
  if (command->args == NULL || command->args[0] == '\0')
    return g_strdup (command->name);
  return g_strdup_printf ("%s %s", command->name, command->args);
}

gboolean
kh_cli_parse_id (const char *text,
                 gint64     *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

gboolean
kh_cli_parse_options (const char         *parameter_string,
                      const GOptionEntry *entries,
                      int                *argc,
                      char             ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      kh_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

KhDocument *
kh_cli_load_document (KhCliContext  *ctx,
                      const char    *source,
                      GError       **error)
{
  gint64 id;

  if (!g_file_test (source, G_FILE_TEST_EXISTS) && kh_cli_parse_id (source, &id))
    {
      KhStore *store = kh_cli_context_get_store (ctx, error);

      return store != NULL ? kh_store_load_document (store, id, error) : NULL;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (source);

      return kh_document_load_file (file, NULL, error);
    }
}

void
kh_cli_print_document_infos (GListModel *infos)
{
  for (guint i = 0; i < g_list_model_get_n_items (infos); i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (infos, i);
      g_autofree char *title = g_strdup (kh_document_info_get_title (info));

      g_strdelimit (title, "\t\r\n", ' ');
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n",
               kh_document_info_get_id (info),
               kh_enum_to_nick (KH_TYPE_DOCUMENT_KIND, kh_document_info_get_kind (info)),
               title);
    }
}

void
kh_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *output = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  output = json_generator_to_data (generator, NULL);
  g_print ("%s\n", output);
}
