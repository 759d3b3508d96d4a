/* test-cli-pdf.c — "kehoach-cli pdf" as a user runs it
 *
 * The path of the built kehoach-cli is the last argument (meson passes it).
 */
#include <glib/gstdio.h>
#include <string.h>

#include "render-test-util.h"
#include "kh-test-util.h"

static const char *cli_path;

static void
test_pdf_from_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kh-cli-pdf-XXXXXX", NULL);
  g_autofree char *input = kh_test_example_path ("2024-tuyen-truyen-cchc.kehoach");
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(KhPdfPage) page = NULL;
  cairo_surface_t *image;

  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "pdf", input, "-o", pdf, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  doc = kh_pdf_open (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 2);
  page = kh_pdf_page_load (doc, 0);
  g_assert_nonnull (strstr (page->text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (page->text, "KẾ HOẠCH"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "pdf", input, "-o", png, "--png", "2", "--dpi", "50", NULL), ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 414);   /* 595.3 pt at 50 dpi */
  cairo_surface_destroy (image);

  g_unlink (pdf);
  g_unlink (png);
  g_rmdir (dir);
}

static void
test_pdf_by_id (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kh-cli-pdf-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "kehoach.db", NULL);
  g_autofree char *input = kh_test_example_path ("2024-truyen-thong-kiem-soat-tthc.kehoach");
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "--db", db, "import", input, NULL), ==, 0);
  g_strstrip (out);
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *id = g_strdup (out);

    g_clear_pointer (&out, g_free);
    g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "--db", db, "pdf", id, "-o", pdf, NULL), ==, 0);
  }
  doc = kh_pdf_open (pdf);
  text = kh_pdf_document_text (doc);
  g_assert_nonnull (strstr (text, "(Ban hành kèm theo Quyết định số"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "--db", db, "pdf", "999", "-o", pdf, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "kehoach-cli: error:"));

  g_unlink (pdf);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
}

static void
test_pdf_errors (void)
{
  g_autofree char *input = kh_test_example_path ("2024-tuyen-truyen-cchc.kehoach");
  g_autofree char *out_path = g_build_filename (g_get_tmp_dir (), "kh-cli-pdf-error.png", NULL);
  struct {
    int status;
    const char *args[8];
  } cases[] = {
    { 2, { "pdf", NULL } },
    { 2, { "pdf", input, NULL } },                                     /* no -o */
    { 2, { "pdf", input, "-o", out_path, "--font-size", "16", NULL } },
    { 1, { "pdf", "/nonexistent/plan.kehoach", "-o", out_path, NULL } },
    { 1, { "pdf", input, "-o", out_path, "--png", "99", NULL } },
    /* Pages count from 1: page 0 is refused, not taken for "no PNG" (a PDF in a .png). */
    { 2, { "pdf", input, "-o", out_path, "--png", "0", NULL } },
    { 2, { "pdf", input, "-o", out_path, "--png", "-1", NULL } },
  };

  /* What an earlier failed run may have left. */
  g_unlink (out_path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      const char * const *a = cases[i].args;
      const char *newline;

      g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL), ==, cases[i].status);
      g_assert_true (g_str_has_prefix (err, "kehoach-cli: error:"));
      /* One line. */
      newline = strchr (err, '\n');
      g_assert_true (newline == NULL || newline[1] == '\0');
    }
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, >=, 2);
  cli_path = argv[argc - 1];

  g_test_add_func ("/cli/pdf/from-file", test_pdf_from_file);
  g_test_add_func ("/cli/pdf/by-id", test_pdf_by_id);
  g_test_add_func ("/cli/pdf/errors", test_pdf_errors);

  return g_test_run ();
}
