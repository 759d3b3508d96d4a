/* kh-cli-pdf.c — "kehoach-cli pdf ID|FILE.kehoach -o OUT.pdf [--png PAGE]"
 *
 * Renders a document of the database (by id) or a .kehoach file to a PDF
 * that follows Nghị định 30/2020/NĐ-CP, or one of its pages to a PNG image.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"
#include "kh-core.h"
#include "kh-render.h"

int
kh_cli_pdf (KhCliContext  *ctx,
            int            argc,
            char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) document = NULL;
  g_autoptr(KhRenderedDocument) rendered = NULL;
  g_autofree char *output = NULL;
  int png_page = G_MININT;   /* no --png: the PDF is written */
  double dpi = 96, font_size = 13;
  KhRenderOptions options;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { "png", 0, 0, G_OPTION_ARG_INT, &png_page, N_("Write page PAGE (from 1) as a PNG image instead of the PDF"), N_("PAGE") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of the PNG image (default 96)"), N_("DPI") },
    { "font-size", 0, 0, G_OPTION_ARG_DOUBLE, &font_size, N_("Body text size: 13 or 14 points (default 13)"), N_("SIZE") },
    { NULL }
  };

  if (!kh_cli_parse_options ("ID|FILE.kehoach", entries, &argc, &argv))
    return KH_CLI_EXIT_USAGE;
  if (argc != 2 || output == NULL)
    return kh_cli_command_usage (argv[0]);
  if (png_page != G_MININT && png_page < 1)
    return kh_cli_usage_error (_("The page number must be 1 or more."));

  kh_render_options_init (&options);
  options.font_size = font_size;
  if (!kh_render_options_validate (&options, &error))
    return kh_cli_usage_error ("%s", error->message);

  document = kh_cli_load_document (ctx, argv[1], &error);
  if (document == NULL)
    return kh_cli_fail ("%s", error->message);

  rendered = kh_render_layout (document, &options, &error);
  if (rendered == NULL)
    return kh_cli_fail ("%s", error->message);

  if (png_page != G_MININT)
    {
      if (!kh_rendered_document_save_png (rendered, (guint) png_page - 1, dpi, output, &error))
        return kh_cli_fail ("%s", error->message);
    }
  else if (!kh_rendered_document_save_pdf (rendered, output, &error))
    return kh_cli_fail ("%s", error->message);

  return KH_CLI_EXIT_OK;
}
