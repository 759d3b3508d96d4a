/* kh-cli-lint.c — "kehoach-cli lint ID|FILE.kehoach [--json]"
 *
 * Checks a document before it is issued (kh-lint.h) and prints one finding a
 * line, "severity: location: message", then the totals. Exits 1 when there
 * is an error or a warning, so that a script can refuse to print a draft
 * that still names last year; notes alone exit 0.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kh-cli.h"
#include "kh-core.h"

static const char *
severity_label (KhLintSeverity severity)
{
  switch (severity)
    {
    case KH_LINT_ERROR:
      return _("error");
    case KH_LINT_WARNING:
      return _("warning");
    case KH_LINT_NOTE:
    default:
      return _("note");
    }
}

static void
print_text (GListModel *issues)
{
  guint errors = kh_lint_count_severity (issues, KH_LINT_ERROR);
  guint warnings = kh_lint_count_severity (issues, KH_LINT_WARNING);
  guint notes = kh_lint_count_severity (issues, KH_LINT_NOTE);
  g_autofree char *errors_text = NULL;
  g_autofree char *warnings_text = NULL;
  g_autofree char *notes_text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(KhLintIssue) issue = g_list_model_get_item (issues, i);

      g_print ("%s: %s: %s\n", severity_label (kh_lint_issue_get_severity (issue)),
               kh_lint_issue_get_location (issue), kh_lint_issue_get_message (issue));
    }
  if (g_list_model_get_n_items (issues) == 0)
    {
      g_print ("%s\n", _("No problems found."));
      return;
    }
  errors_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  warnings_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);
  notes_text = g_strdup_printf (ngettext ("%u note", "%u notes", notes), notes);
  /* Translators: "2 errors, 3 warnings, 1 note" */
  g_print (_("%s, %s, %s\n"), errors_text, warnings_text, notes_text);
}

static void
print_json (GListModel *issues)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(KhLintIssue) issue = g_list_model_get_item (issues, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, kh_enum_to_nick (KH_TYPE_LINT_SEVERITY,
                                                               kh_lint_issue_get_severity (issue)));
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, kh_lint_issue_get_code (issue));
      json_builder_set_member_name (builder, "section");
      json_builder_add_string_value (builder, kh_lint_issue_get_section (issue));
      json_builder_set_member_name (builder, "location");
      json_builder_add_string_value (builder, kh_lint_issue_get_location (issue));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, kh_lint_issue_get_message (issue));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  kh_cli_print_json (root);
}

int
kh_cli_lint (KhCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) document = NULL;
  g_autoptr(GListModel) issues = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the findings as JSON"), NULL },
    { NULL }
  };

  if (!kh_cli_parse_options ("ID|FILE.kehoach", entries, &argc, &argv))
    return KH_CLI_EXIT_USAGE;
  if (argc != 2)
    return kh_cli_command_usage (argv[0]);

  document = kh_cli_load_document (ctx, argv[1], &error);
  if (document == NULL)
    return kh_cli_fail ("%s", error->message);

  issues = kh_lint_document (document);
  if (json)
    print_json (issues);
  else
    print_text (issues);

  return kh_lint_count_severity (issues, KH_LINT_ERROR) + kh_lint_count_severity (issues, KH_LINT_WARNING) > 0
         ? KH_CLI_EXIT_FAILURE : KH_CLI_EXIT_OK;
}
