/* test-render-timeline.c — the timeline exported to PDF and PNG, read back
 * with poppler: page count, landscape paper, every task on a page with the
 * names column and the axis repeated, date tiling, PNG size, bad options. */
#include <glib/gstdio.h>
#include <string.h>

#include "kh-test-timeline.h"
#include "kh-timeline-renderer.h"
#include "kh-render-error.h"
#include "render-test-util.h"

static char *
tmp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* 3 groups × 30 tasks: 3 headers, 81 dated rows, the lane and its 9 rows. */
static void
test_pdf_pages_and_text (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (3, 30);
  g_autofree char *path = tmp_path ("kh-test-timeline.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *all = NULL;
  g_autofree char *squeezed = NULL;
  KhTimelineExportOptions options;
  int n_pages;

  kh_timeline_export_options_init (&options);
  options.today = kh_test_dmy (15, 5, 2024);
  g_assert_cmpuint (kh_timeline_export_count_pages (doc, &options, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_true (kh_timeline_export_pdf (doc, &options, path, &error));
  g_assert_no_error (error);

  pdf = kh_pdf_open (path);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, ==, 4);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(KhPdfPage) page = kh_pdf_page_load (pdf, i);
      g_autofree char *label = g_strdup_printf ("Trang %d/%d", i + 1, n_pages);

      /* A4 landscape, each page with its title, names header and axis. */
      g_assert_cmpfloat_with_epsilon (page->width, 841.89, 0.5);
      g_assert_cmpfloat_with_epsilon (page->height, 595.28, 0.5);
      g_assert_true (kh_pdf_page_find (page, "TIẾN ĐỘ THỰC HIỆN", 0, NULL, NULL));
      g_assert_true (kh_pdf_page_find (page, "Nội dung công việc", 0, NULL, NULL));
      g_assert_true (kh_pdf_page_find (page, "Quý III năm 2024", 0, NULL, NULL));
      g_assert_true (kh_pdf_page_find (page, "Th7", 0, NULL, NULL));
      g_assert_true (kh_pdf_page_find (page, label, 0, NULL, NULL));
      g_assert_true (kh_pdf_page_find (page, "Màu theo đơn vị chủ trì", 0, NULL, NULL));
    }

  all = kh_pdf_document_text (pdf);
  squeezed = kh_pdf_squeeze_spaces (all);
  for (guint k = 1; k <= 90; k++)
    {
      g_autofree char *needle = g_strdup_printf ("Nhiệm vụ số %u:", k);

      if (strstr (squeezed, needle) == NULL)
        g_error ("task %u is missing from the PDF", k);
    }
  g_assert_nonnull (strstr (squeezed, "Nhóm nhiệm vụ thứ 3"));
  g_assert_nonnull (strstr (squeezed, "Theo sự kiện"));
  g_assert_nonnull (strstr (squeezed, "Khi có hướng dẫn"));           /* the lane's text */
  g_assert_nonnull (strstr (squeezed, "III.25"));                       /* its numbers, whole */
  g_assert_nonnull (strstr (squeezed, "Chưa xác định được thời gian")); /* "không rõ" flagged */
  g_assert_nonnull (strstr (squeezed, "Văn phòng Sở"));                 /* the legend */
  g_remove (path);
}

/* A3 holds more rows a page; filters drop rows and pages. */
static void
test_pdf_paper_and_filters (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (3, 30);
  g_autofree char *path = tmp_path ("kh-test-timeline-a3.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(KhPdfPage) page = NULL;
  KhTimelineExportOptions options;

  kh_timeline_export_options_init (&options);
  options.paper = KH_PAPER_A3;
  g_assert_true (kh_timeline_export_pdf (doc, &options, path, &error));
  g_assert_no_error (error);
  pdf = kh_pdf_open (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3);
  page = kh_pdf_page_load (pdf, 0);
  g_assert_cmpfloat_with_epsilon (page->width, 1190.55, 0.5);

  options.paper = KH_PAPER_A4;
  options.filter_unit = "Thanh tra Sở";
  g_assert_cmpuint (kh_timeline_export_count_pages (doc, &options, &error), ==, 1);
  options.filter_unit = NULL;
  options.color_by = KH_TIMELINE_COLOR_BY_STATUS;
  g_assert_true (kh_timeline_export_pdf (doc, &options, path, &error));
  g_clear_object (&pdf);
  pdf = kh_pdf_open (path);
  g_clear_pointer (&page, kh_pdf_page_free);
  page = kh_pdf_page_load (pdf, 0);
  g_assert_true (kh_pdf_page_find (page, "Màu theo tình trạng", 0, NULL, NULL));
  g_assert_true (kh_pdf_page_find (page, "Đang thực hiện", 0, NULL, NULL));
  g_remove (path);
}

/* Two years at 40 pt a month do not fit across A4: two pages side by side
 * per band of rows, each with the task names and its own months. */
static void
test_pdf_date_tiling (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (1, 10);
  g_autofree char *path = tmp_path ("kh-test-timeline-tiles.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  KhTimelineExportOptions options;

  kh_timeline_export_options_init (&options);
  options.from = kh_test_dmy (1, 1, 2024);
  options.to = kh_test_dmy (31, 12, 2025);
  g_assert_true (kh_timeline_export_pdf (doc, &options, path, &error));
  g_assert_no_error (error);
  pdf = kh_pdf_open (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(KhPdfPage) page = kh_pdf_page_load (pdf, i);

      g_assert_true (kh_pdf_page_find (page, "Nhiệm vụ số 1:", 0, NULL, NULL));
      g_assert_true (kh_pdf_page_find (page, "Nhiệm vụ số 10:", 0, NULL, NULL));
      g_assert_true (kh_pdf_page_find (page, i == 0 ? "Quý I/2024" : "Quý IV/2025", 0, NULL, NULL));
      g_assert_false (kh_pdf_page_find (page, i == 0 ? "Quý IV/2025" : "Quý I/2024", 0, NULL, NULL));
    }

  /* A chosen quarter fills the page. */
  options.from = kh_test_dmy (1, 7, 2024);
  options.to = kh_test_dmy (30, 9, 2024);
  g_assert_true (kh_timeline_export_pdf (doc, &options, path, &error));
  g_clear_object (&pdf);
  pdf = kh_pdf_open (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  {
    g_autoptr(KhPdfPage) page = kh_pdf_page_load (pdf, 0);

    g_assert_true (kh_pdf_page_find (page, "Tháng 8/2024", 0, NULL, NULL));
    g_assert_false (kh_pdf_page_find (page, "Tháng 10/2024", 0, NULL, NULL));
  }
  g_remove (path);
}

static void
test_png (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (3, 30);
  g_autoptr(KhDocument) huge = kh_test_timeline_document_new (30, 100);
  g_autofree char *path = tmp_path ("kh-test-timeline.png");
  g_autoptr(GError) error = NULL;
  KhTimelineExportOptions options;
  cairo_surface_t *image;
  int width, height;

  kh_timeline_export_options_init (&options);
  g_assert_true (kh_timeline_export_png (doc, &options, path, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  cairo_surface_destroy (image);
  /* A4's width at 2 px/pt; every one of the 94 rows, 15 pt each, below. */
  g_assert_cmpint (width, ==, 1684);
  g_assert_cmpint (height, >=, 2 * 94 * 15);
  g_assert_cmpint (height, <=, 2 * (94 * 15 + 200));
  g_remove (path);

  /* 3,000 rows are beyond one image: a clear error, no file. */
  g_assert_false (kh_timeline_export_png (huge, &options, path, &error));
  g_assert_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_options (void)
{
  g_autoptr(KhDocument) doc = kh_test_timeline_document_new (1, 5);
  g_autofree char *path = tmp_path ("kh-test-timeline-bad.pdf");
  g_autoptr(GError) error = NULL;
  KhTimelineExportOptions options;

  g_remove (path);
  kh_timeline_export_options_init (&options);
  options.from = kh_test_dmy (1, 12, 2024);
  options.to = kh_test_dmy (1, 1, 2024);
  g_assert_false (kh_timeline_export_pdf (doc, &options, path, &error));
  g_assert_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  kh_timeline_export_options_init (&options);
  options.filter_quarter = 7;
  g_assert_cmpuint (kh_timeline_export_count_pages (doc, &options, &error), ==, 0);
  g_assert_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS);
  g_clear_error (&error);

  kh_timeline_export_options_init (&options);
  g_assert_false (kh_timeline_export_pdf (doc, &options, "/nonexistent/dir/x.pdf", &error));
  g_assert_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_FAILED);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render-timeline/pdf-pages-and-text", test_pdf_pages_and_text);
  g_test_add_func ("/render-timeline/pdf-paper-and-filters", test_pdf_paper_and_filters);
  g_test_add_func ("/render-timeline/pdf-date-tiling", test_pdf_date_tiling);
  g_test_add_func ("/render-timeline/png", test_png);
  g_test_add_func ("/render-timeline/bad-options", test_bad_options);
  return g_test_run ();
}
