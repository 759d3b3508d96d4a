/* main.c — kehoach-cli: global options, then one command of kh_cli_commands */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kh-cli.h"

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: kehoach-cli [--db PATH] COMMAND [ARGUMENTS…]"));
  g_print ("%s\n", _("Commands:"));
  for (const KhCliCommand *command = kh_cli_commands; command->name != NULL; command++)
    {
      g_autofree char *synopsis = kh_cli_command_synopsis (command);
      g_print ("  %-20s %s\n", synopsis, _(command->summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  %-20s %s\n", "--db PATH", _("Use the database at PATH (created empty if missing) instead of your library"));
  g_print ("  %-20s %s\n", "-h, --help", _("Show this help"));
}

/* The examples a new default library starts with: the installed ones, or
 * those of the source tree when running uninstalled. */
static char *
find_examples_dir (void)
{
  if (g_file_test (EXAMPLESDIR, G_FILE_TEST_IS_DIR))
    return g_strdup (EXAMPLESDIR);
  if (g_file_test (SOURCE_EXAMPLESDIR, G_FILE_TEST_IS_DIR))
    return g_strdup (SOURCE_EXAMPLESDIR);
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  KhCliContext ctx = { NULL, NULL, NULL };
  const KhCliCommand *command;
  int i;
  int status;

  setlocale (LC_ALL, "");
  /* As the application does: `meson devenv` points this at the build's catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KH_LOCALEDIR") ? g_getenv ("KH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command; the command parses the rest. */
  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help ();
          kh_cli_context_clear (&ctx);
          return KH_CLI_EXIT_OK;
        }
      else if (strcmp (argv[i], "--db") == 0)
        {
          if (i + 1 >= argc)
            return kh_cli_usage_error (_("--db needs a path"));
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else
        {
          status = kh_cli_usage_error (_("unknown option “%s” (see kehoach-cli --help)"), argv[i]);
          kh_cli_context_clear (&ctx);
          return status;
        }
    }

  if (ctx.db_path != NULL && ctx.db_path[0] == '\0')
    {
      kh_cli_context_clear (&ctx);
      return kh_cli_usage_error (_("--db needs a path"));
    }

  if (i >= argc)
    {
      kh_cli_context_clear (&ctx);
      return kh_cli_usage_error (_("no command given (see kehoach-cli --help)"));
    }

  command = kh_cli_find_command (argv[i]);
  if (command == NULL)
    {
      status = kh_cli_usage_error (_("unknown command “%s” (see kehoach-cli --help)"), argv[i]);
      kh_cli_context_clear (&ctx);
      return status;
    }

  /* "kehoach-cli COMMAND --help": that command's synopsis. */
  if (argc - i == 2 && (strcmp (argv[i + 1], "--help") == 0 || strcmp (argv[i + 1], "-h") == 0))
    {
      g_autofree char *synopsis = kh_cli_command_synopsis (command);

      g_print (_("Usage: kehoach-cli [--db PATH] %s\n"), synopsis);
      g_print ("%s\n", _(command->summary));
      kh_cli_context_clear (&ctx);
      return KH_CLI_EXIT_OK;
    }

  ctx.examples_dir = find_examples_dir ();
  status = command->run (&ctx, argc - i, argv + i);
  kh_cli_context_clear (&ctx);
  return status;
}
