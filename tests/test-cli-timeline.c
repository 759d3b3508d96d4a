/* test-cli-timeline.c — "kehoach-cli timeline" as a user runs it
 *
 * The path of the built kehoach-cli is the last argument (meson passes it).
 */
#include <glib/gstdio.h>
#include <string.h>

#include "render-test-util.h"
#include "kh-test-util.h"

static const char *cli_path;

/* The 2023 example on A3 and on A4 for a chosen quarter; a PNG. */
static void
test_exports (void)
{
  g_autofree char *input = kh_test_example_path ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "kh-cli-timeline.pdf", NULL);
  g_autofree char *png = g_build_filename (g_get_tmp_dir (), "kh-cli-timeline.png", NULL);
  g_autofree char *err = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(KhPdfPage) page = NULL;
  cairo_surface_t *image;

  g_assert_cmpint (kh_test_run_cli (cli_path, NULL, &err, "timeline", input, "-o", pdf, "--paper", "a3", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  doc = kh_pdf_open (pdf);
  page = kh_pdf_page_load (doc, 0);
  g_assert_cmpfloat_with_epsilon (page->width, 1190.55, 0.5);
  g_assert_true (kh_pdf_page_find (page, "Quý III năm 2023", 0, NULL, NULL));
  g_assert_true (kh_pdf_page_find (page, "Theo sự kiện", 0, NULL, NULL));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (kh_test_run_cli (cli_path, NULL, &err, "timeline", input, "-o", pdf, "--from", "2023-07-01", "--to", "2023-09-30",
                        "--color-by", "status", NULL), ==, 0);
  g_clear_object (&doc);
  g_clear_pointer (&page, kh_pdf_page_free);
  doc = kh_pdf_open (pdf);
  page = kh_pdf_page_load (doc, 0);
  g_assert_true (kh_pdf_page_find (page, "Tháng 8/2023", 0, NULL, NULL));
  g_assert_false (kh_pdf_page_find (page, "Tháng 3/2023", 0, NULL, NULL));
  g_assert_true (kh_pdf_page_find (page, "Màu theo tình trạng", 0, NULL, NULL));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (kh_test_run_cli (cli_path, NULL, &err, "timeline", input, "-o", png, NULL), ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), >, 1000);
  cairo_surface_destroy (image);
  g_remove (pdf);
  g_remove (png);
}

/* Wrong command lines: a one-line error and exit 2; a missing file: exit 1. */
static void
test_errors (void)
{
  g_autofree char *input = kh_test_example_path ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "kh-cli-timeline-bad.pdf", NULL);
  const char *bad[][2] = {
    { "--paper", "a5" },
    { "--from", "2023-02-30" },
    { "--to", "31/12/2023" },
    { "--color-by", "unit" },
  };
  char *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (kh_test_run_cli (cli_path, NULL, &err, "timeline", input, "-o", out, bad[i][0], bad[i][1], NULL), ==, 2);
      g_assert_true (g_str_has_prefix (err, "kehoach-cli: error: "));
      g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
      g_clear_pointer (&err, g_free);
    }
  g_assert_cmpint (kh_test_run_cli (cli_path, NULL, &err, "timeline", input, "-o", "out.txt", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (kh_test_run_cli (cli_path, NULL, &err, "timeline", input, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  /* From after to: the renderer refuses, nothing is written. */
  g_assert_cmpint (kh_test_run_cli (cli_path, NULL, &err, "timeline", input, "-o", out, "--from", "2023-12-01", "--to", "2023-01-01", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "kehoach-cli: error: "));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (kh_test_run_cli (cli_path, NULL, &err, "timeline", "/nonexistent/plan.kehoach", "-o", out, NULL), ==, 1);
  g_clear_pointer (&err, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cli_path = argv[argc - 1];
  g_test_add_func ("/cli/timeline/exports", test_exports);
  g_test_add_func ("/cli/timeline/errors", test_errors);
  return g_test_run ();
}
