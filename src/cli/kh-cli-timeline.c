/* kh-cli-timeline.c — "kehoach-cli timeline ID|FILE.kehoach -o OUT.pdf|OUT.png
 *                      [--from YYYY-MM-DD --to YYYY-MM-DD] [--paper a4|a3]"
 *
 * Exports the timeline of a document of the database (by id) or of a
 * .kehoach file: a PDF tiled over landscape pages, or one PNG image.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "kh-cli.h"
#include "kh-core.h"
#include "kh-timeline-renderer.h"

/* "2024-03-01" → a valid date; FALSE otherwise. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  unsigned y, m, d;
  char end;

  g_date_clear (date, 1);
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

int
kh_cli_timeline (KhCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) document = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *color_by = NULL;
  KhTimelineExportOptions options;
  gboolean png;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (.pdf or .png)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day shown (default: the plan's start)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day shown (default: the plan's end)"), N_("YYYY-MM-DD") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper of the PDF pages, landscape: a4 or a3 (default a4)"), N_("SIZE") },
    { "color-by", 0, 0, G_OPTION_ARG_STRING, &color_by, N_("Colour the tasks by lead unit or by status (default lead)"), N_("lead|status") },
    { NULL }
  };

  if (!kh_cli_parse_options ("ID|FILE.kehoach", entries, &argc, &argv))
    return KH_CLI_EXIT_USAGE;
  if (argc != 2 || output == NULL)
    return kh_cli_command_usage (argv[0]);

  kh_timeline_export_options_init (&options);
  if (from != NULL && !parse_iso_date (from, &options.from))
    return kh_cli_usage_error (_("“%s” is not a date of the form YYYY-MM-DD."), from);
  if (to != NULL && !parse_iso_date (to, &options.to))
    return kh_cli_usage_error (_("“%s” is not a date of the form YYYY-MM-DD."), to);
  if (paper == NULL || g_ascii_strcasecmp (paper, "a4") == 0)
    options.paper = KH_PAPER_A4;
  else if (g_ascii_strcasecmp (paper, "a3") == 0)
    options.paper = KH_PAPER_A3;
  else
    return kh_cli_usage_error (_("The paper must be a4 or a3."));
  if (color_by == NULL || g_strcmp0 (color_by, "lead") == 0)
    options.color_by = KH_TIMELINE_COLOR_BY_LEAD;
  else if (g_strcmp0 (color_by, "status") == 0)
    options.color_by = KH_TIMELINE_COLOR_BY_STATUS;
  else
    return kh_cli_usage_error (_("Colour by “lead” or “status”."));
  if (g_str_has_suffix (output, ".png") || g_str_has_suffix (output, ".PNG"))
    png = TRUE;
  else if (g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".PDF"))
    png = FALSE;
  else
    return kh_cli_usage_error (_("The output file must end in .pdf or .png."));

  document = kh_cli_load_document (ctx, argv[1], &error);
  if (document == NULL)
    return kh_cli_fail ("%s", error->message);

  if (png ? !kh_timeline_export_png (document, &options, output, &error)
          : !kh_timeline_export_pdf (document, &options, output, &error))
    return kh_cli_fail ("%s", error->message);
  return KH_CLI_EXIT_OK;
}
