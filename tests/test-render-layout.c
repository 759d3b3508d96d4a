/* test-render-layout.c — the layout engine on synthetic content, read back
 * from the PDF with poppler-glib */
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kh-layout.h"
#include "kh-render-error.h"
#include "render-test-util.h"

#define TOL 0.25

static char *
tmp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static KhLayoutBlock *
para (const char *text,
      double      size,
      gboolean    bold,
      KhAlign     align,
      gboolean    keep)
{
  KhParagraphStyle style;
  g_autofree char *markup = g_markup_escape_text (text, -1);

  kh_paragraph_style_init (&style, size);
  style.bold = bold;
  style.align = align;
  style.space_after = 6;
  style.first_indent = align == KH_ALIGN_JUSTIFY ? KH_MM_TO_PT (10) : 0;
  style.keep_with_next = keep;
  return kh_layout_block_new_paragraph (markup, &style);
}

static const char *lorem =
  "Tăng cường công tác phối hợp, chia sẻ thông tin giữa các cơ quan hành chính nhà nước "
  "với các cơ quan thông tấn, báo chí bảo đảm thông tin về tình hình triển khai và kết "
  "quả thực hiện cải cách hành chính tại cơ quan được phản ánh đầy đủ, kịp thời.";

static void
save (KhRenderedDocument *rd,
      const char         *path)
{
  g_autoptr(GError) error = NULL;

  kh_rendered_document_set_title (rd, "Thử nghiệm bố cục");
  kh_rendered_document_set_author (rd, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  kh_rendered_document_save_pdf (rd, path, &error);
  g_assert_no_error (error);
}

static void
test_font (void)
{
  g_autoptr(KhLayout) layout = kh_layout_new (NULL);
  g_autoptr(KhLayoutBlock) p = para ("Độc lập - Tự do - Hạnh phúc", 13, TRUE, KH_ALIGN_CENTER, FALSE);
  g_autoptr(KhRenderedDocument) rd = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(KhPdfPage) page = NULL;
  g_autofree char *path = tmp_path ("kh-test-font.pdf");
  KhPdfRun run;
  const char *family = kh_layout_get_font_family (layout);

  g_assert_true (g_str_equal (family, "Times New Roman") || g_str_equal (family, "Liberation Serif")
                 || g_str_equal (family, "Tinos"));
  kh_layout_add (layout, p);
  rd = kh_layout_paginate (layout);
  save (rd, path);

  doc = kh_pdf_open (path);
  {
    g_autofree char *title = poppler_document_get_title (doc);
    g_autofree char *author = poppler_document_get_author (doc);

    g_assert_cmpstr (title, ==, "Thử nghiệm bố cục");
    g_assert_cmpstr (author, ==, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  }
  {
    g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (doc);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_nonnull (created);
    g_assert_cmpint (llabs (g_date_time_difference (now, created)), <, 600 * G_TIME_SPAN_SECOND);
  }
  page = kh_pdf_page_load (doc, 0);
  g_assert_cmpfloat_with_epsilon (page->width, 595.276, 0.5);
  g_assert_cmpfloat_with_epsilon (page->height, 841.89, 0.5);
  g_assert_true (kh_pdf_page_find (page, "Độc lập - Tự do - Hạnh phúc", 0, &run, NULL));
  g_assert_true (strstr (run.font_name, "TimesNewRoman") != NULL || strstr (run.font_name, "LiberationSerif") != NULL
                 || strstr (run.font_name, "Tinos") != NULL);
  g_assert_true (strstr (run.font_name, "Bold") != NULL);
  g_assert_cmpfloat_with_epsilon (run.font_size, 13, TOL);
  kh_pdf_run_clear (&run);

  /* The document language is declared. */
  g_assert_true (kh_pdf_file_contains (path, "/Lang (vi)"));
  g_unlink (path);
}

/* Long text with headings, then a long table: page numbers, the repeated
 * header, headings never last on a page, rows whole, margins respected. */
static void
test_pagination (void)
{
  KhPageSetup setup;
  g_autoptr(KhLayout) layout = NULL;
  g_autoptr(KhLayoutBlock) table = NULL;
  g_autoptr(KhRenderedDocument) rd = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *path = tmp_path ("kh-test-pagination.pdf");
  int n_pages, table_pages = 0, rows_seen = 0;
  const int n_rows = 120;

  kh_page_setup_init_default (&setup);
  layout = kh_layout_new (&setup);
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *heading = g_strdup_printf ("MỤC SỐ %d", i + 1);
      g_autoptr(KhLayoutBlock) h = para (heading, 13, TRUE, KH_ALIGN_LEFT, TRUE);
      g_autoptr(KhLayoutBlock) body = para (lorem, 13, FALSE, KH_ALIGN_JUSTIFY, FALSE);

      kh_layout_add (layout, h);
      kh_layout_add (layout, body);
      if (i % 3 == 0)
        kh_layout_add (layout, body);
    }

  table = kh_layout_block_new_table (4, 12);
  kh_layout_block_table_set_header (table, 0, "Stt");
  kh_layout_block_table_set_header (table, 1, "Nhiệm vụ");
  kh_layout_block_table_set_header (table, 2, "Đơn vị chủ trì");
  kh_layout_block_table_set_header (table, 3, "Thời gian thực hiện");
  kh_layout_block_table_set_align (table, 0, KH_ALIGN_CENTER);
  for (int r = 0; r < n_rows; r++)
    {
      g_autofree char *num = g_strdup_printf ("%d", r + 1);
      g_autofree char *task = r % 4 == 0 ? g_strdup_printf ("Nhiệm vụ thứ %d: %s Hết dòng %d.", r + 1, lorem, r + 1)
                                          : g_strdup_printf ("Nhiệm vụ thứ %d: rà soát thủ tục", r + 1);
      const char *cells[] = { num, task, "Văn phòng Sở", "Quý III, IV" };

      if (r % 25 == 0)
        kh_layout_block_table_add_group (table, "I", "Nhóm nhiệm vụ");
      kh_layout_block_table_add_row (table, cells);
    }
  kh_layout_add (layout, table);
  rd = kh_layout_paginate (layout);
  save (rd, path);

  doc = kh_pdf_open (path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, ==, (int) kh_rendered_document_get_n_pages (rd));
  g_assert_cmpint (n_pages, >=, 6);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(KhPdfPage) page = kh_pdf_page_load (doc, i);
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      double top = setup.margin_top, bottom = page->height - setup.margin_bottom;
      double max_y = 0;
      KhPdfRun run;

      /* The page number is the first text, centred in the top margin. */
      if (i == 0)
        g_assert_false (g_str_has_prefix (page->text, "1\n"));
      else
        {
          g_assert_true (g_str_has_prefix (page->text, number));
          g_assert_true (kh_pdf_page_find (page, number, 0, &run, NULL));
          g_assert_cmpfloat (run.y2, <, top);
          g_assert_cmpfloat (fabs ((run.x1 + run.x2) / 2 - (setup.margin_left + (page->width - setup.margin_right)) / 2), <, 2);
          g_assert_cmpfloat_with_epsilon (run.font_size, 13, TOL);
          kh_pdf_run_clear (&run);
        }

      /* Every glyph of the body inside the margins. */
      for (guint k = (i == 0 ? 0 : strlen (number)); k < page->n_rects; k++)
        {
          PopplerRectangle *r = &page->rects[k];

          if (r->x2 - r->x1 <= 0)
            continue;
          g_assert_cmpfloat (r->x1, >=, setup.margin_left - TOL);
          g_assert_cmpfloat (r->x2, <=, page->width - setup.margin_right + TOL);
          g_assert_cmpfloat (r->y1, >=, top - TOL);
          g_assert_cmpfloat (r->y2, <=, bottom + TOL);
          max_y = MAX (max_y, r->y2);
        }

      /* A heading is never the last thing on a page. */
      for (int h = 0; h < 40; h++)
        {
          g_autofree char *heading = g_strdup_printf ("MỤC SỐ %d\n", h + 1);

          if (kh_pdf_page_find (page, heading, 0, &run, NULL))
            {
              g_assert_cmpfloat (run.y2 + 5, <, max_y);
              kh_pdf_run_clear (&run);
            }
        }

      /* Each page the table crosses opens with its header row. */
      if (strstr (page->text, "Nhiệm vụ thứ") != NULL)
        {
          glong at_header, at_row;

          table_pages++;
          g_autofree char *squeezed = kh_pdf_squeeze_spaces (page->text);

          /* Cells of one row are read line by line across the row. */
          g_assert_nonnull (strstr (squeezed, "Thời gian"));
          g_assert_true (kh_pdf_page_find (page, "Stt", 0, &run, &at_header));
          g_assert_true (strstr (run.font_name, "Bold") != NULL);
          g_assert_cmpfloat_with_epsilon (run.font_size, 12, TOL);
          kh_pdf_run_clear (&run);
          g_assert_true (kh_pdf_page_find (page, "Nhiệm vụ thứ", 0, NULL, &at_row));
          g_assert_cmpint (at_header, <, at_row);
        }

      /* Rows are whole: each row's number and its last words on one page. */
      g_autofree char *page_words = kh_pdf_squeeze_spaces (page->text);
      for (int r = 0; r < n_rows; r++)
        {
          g_autofree char *start = g_strdup_printf ("Nhiệm vụ thứ %d:", r + 1);

          if (kh_pdf_page_find (page, start, 0, NULL, NULL))
            {
              rows_seen++;
              if (r % 4 == 0)
                {
                  g_autofree char *end = g_strdup_printf ("Hết dòng %d.", r + 1);

                  g_assert_nonnull (strstr (page_words, end));
                }
            }
        }
    }
  g_assert_cmpint (table_pages, >=, 2);
  g_assert_cmpint (rows_seen, ==, n_rows);
  g_unlink (path);
}

/* A cell longer than a page breaks across pages; nothing is lost. */
static void
test_tall_row (void)
{
  g_autoptr(KhLayout) layout = kh_layout_new (NULL);
  g_autoptr(KhLayoutBlock) table = kh_layout_block_new_table (3, 12);
  g_autoptr(KhRenderedDocument) rd = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *path = tmp_path ("kh-test-tall.pdf");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *all = NULL, *squeezed = NULL, *expected = NULL;
  const char *cells[3] = { "1", NULL, "Thường xuyên" };

  for (int i = 0; i < 60; i++)
    g_string_append_printf (text, "Câu %d: %s ", i + 1, lorem);
  cells[1] = text->str;
  kh_layout_block_table_set_header (table, 0, "TT");
  kh_layout_block_table_set_header (table, 1, "Nội dung công việc");
  kh_layout_block_table_set_header (table, 2, "Thời gian");
  kh_layout_block_table_add_row (table, cells);
  kh_layout_add (layout, table);
  rd = kh_layout_paginate (layout);
  save (rd, path);

  doc = kh_pdf_open (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 3);
  all = kh_pdf_document_text (doc);
  squeezed = kh_pdf_squeeze_spaces (all);
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Câu %d:", i + 1);

      g_assert_nonnull (strstr (squeezed, sentence));
    }
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(KhPdfPage) page = kh_pdf_page_load (doc, i);

      g_assert_true (kh_pdf_page_find (page, "Nội dung công việc", 0, NULL, NULL));
    }
  g_unlink (path);
}

/* Landscape sections and their own numbering; the PNG of a page. */
static void
test_sections_and_png (void)
{
  g_autoptr(KhLayout) layout = kh_layout_new (NULL);
  g_autoptr(KhRenderedDocument) rd = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("kh-test-sections.pdf");
  g_autofree char *png = tmp_path ("kh-test-sections.png");
  cairo_surface_t *image;
  double w, h;

  for (int s = 0; s < 2; s++)
    {
      kh_layout_begin_section (layout, s == 1, TRUE);
      for (int i = 0; i < 50; i++)
        {
          g_autoptr(KhLayoutBlock) p = para (lorem, 13, FALSE, KH_ALIGN_JUSTIFY, FALSE);

          kh_layout_add (layout, p);
        }
    }
  rd = kh_layout_paginate (layout);
  save (rd, path);
  doc = kh_pdf_open (path);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(KhPdfPage) page = kh_pdf_page_load (doc, i);

      if (page->width > page->height)
        {
          /* The first landscape page opens a new numbering: no number. */
          g_autoptr(KhPdfPage) prev = kh_pdf_page_load (doc, i - 1);

          g_assert_cmpfloat (prev->width, <, prev->height);
          g_assert_true (g_str_has_prefix (page->text, "Tăng cường"));
          break;
        }
    }

  g_assert_true (kh_rendered_document_save_png (rd, 0, 72, png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  kh_rendered_document_get_page_size (rd, 0, &w, &h);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (w));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (h));
  cairo_surface_destroy (image);

  g_assert_false (kh_rendered_document_save_png (rd, 999, 72, png, &error));
  g_assert_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_PAGE);
  g_unlink (png);
  g_unlink (path);
}

/* Tables that cannot fit: many columns, words longer than a page is wide,
 * a header taller than a page. They are laid out (overflowing where they
 * must) instead of looping or crashing. */
static void
test_degenerate_tables (void)
{
  g_autoptr(KhLayout) layout = kh_layout_new (NULL);
  g_autoptr(KhLayoutBlock) wide = kh_layout_block_new_table (40, 12);
  g_autoptr(KhLayoutBlock) tall = kh_layout_block_new_table (2, 12);
  g_autoptr(KhRenderedDocument) rd = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char *cells[40] = { NULL };

  for (int i = 0; i < 600; i++)
    g_string_append (word, "Đ");
  for (int i = 0; i < 250; i++)
    g_string_append (header, "Thời gian thực hiện ");
  for (guint c = 0; c < 40; c++)
    {
      kh_layout_block_table_set_header (wide, c, "Cơ quan phối hợp");
      cells[c] = c % 2 ? word->str : "x";
    }
  kh_layout_block_table_add_row (wide, cells);
  kh_layout_block_table_add_group (wide, "", "");
  kh_layout_block_table_set_header (tall, 0, header->str);
  kh_layout_block_table_set_header (tall, 1, "TT");
  cells[0] = "1";
  cells[1] = word->str;
  kh_layout_block_table_add_row (tall, cells);
  kh_layout_add (layout, wide);
  kh_layout_add (layout, tall);

  rd = kh_layout_paginate (layout);
  g_assert_cmpuint (kh_rendered_document_get_n_pages (rd), >=, 1);
  g_assert_true (kh_rendered_document_write_pdf (rd, stream, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/font", test_font);
  g_test_add_func ("/render/layout/pagination", test_pagination);
  g_test_add_func ("/render/layout/tall-row", test_tall_row);
  g_test_add_func ("/render/layout/sections-png", test_sections_and_png);
  g_test_add_func ("/render/layout/degenerate-tables", test_degenerate_tables);

  return g_test_run ();
}
