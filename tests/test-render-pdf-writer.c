/* test-render-pdf-writer.c — our own PDF writer, read back with poppler
 *
 * Vietnamese text shaped by Pango in regular, bold and italic goes through
 * KhPdfWriter; poppler must extract exactly that text, put each glyph box
 * where the glyph was placed, name the fonts and sizes, render the
 * embedded subsets, and see the rules, the metadata and the language.
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include "kh-pdf-writer.h"
#include "render-test-util.h"

#define PAGE_W 595.0
#define PAGE_H 842.0

/* A line of text shaped by Pango, as the renderer hands it to the writer. */
typedef struct {
  PangoFont *font;
  char      *text;
  GArray    *glyphs;    /* cairo_glyph_t */
  GArray    *clusters;  /* cairo_text_cluster_t */
} Shaped;

static void
shaped_free (Shaped *shaped)
{
  g_clear_object (&shaped->font);
  g_free (shaped->text);
  g_array_unref (shaped->glyphs);
  g_array_unref (shaped->clusters);
  g_free (shaped);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Shaped, shaped_free)

static PangoContext *
test_context (void)
{
  static PangoContext *context;

  if (context == NULL)
    {
      PangoFontMap *map = pango_cairo_font_map_new ();

      /* Points as units, as the renderer lays out */
      pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (map), 72);
      context = pango_font_map_create_context (map);
      g_object_unref (map);
    }
  return context;
}

/* text in font (every run in that font), its baseline starting at (x, y). */
static Shaped *
shape (const char *font,
       const char *text,
       double      x,
       double      y)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (test_context ());
  PangoFontDescription *desc = pango_font_description_from_string (font);
  Shaped *shaped = g_new0 (Shaped, 1);
  PangoLayoutLine *line;
  int x_position = 0;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  line = pango_layout_get_line_readonly (layout, 0);
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);

  shaped->text = g_strdup (text);
  shaped->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  shaped->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphItemIter iter;

      if (shaped->font == NULL)
        shaped->font = g_object_ref (run->item->analysis.font);
      g_assert_true (run->item->analysis.font == shaped->font);
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          const PangoGlyphInfo *gi = &run->glyphs->glyphs[i];
          cairo_glyph_t glyph = { gi->glyph, x + (double) (x_position + gi->geometry.x_offset) / PANGO_SCALE, y };

          g_array_append_val (shaped->glyphs, glyph);
          x_position += gi->geometry.width;
        }
      if (pango_glyph_item_iter_init_start (&iter, run, text))
        do
          {
            cairo_text_cluster_t cluster = { iter.end_index - iter.start_index, iter.end_glyph - iter.start_glyph };

            g_array_append_val (shaped->clusters, cluster);
          }
        while (pango_glyph_item_iter_next_cluster (&iter));
    }
  return shaped;
}

static gboolean
show (KhPdfWriter  *writer,
      const Shaped *shaped)
{
  return kh_pdf_writer_show_glyphs (writer, shaped->font, shaped->text, strlen (shaped->text),
                                    (const cairo_glyph_t *) (gpointer) shaped->glyphs->data,
                                    shaped->glyphs->len,
                                    (const cairo_text_cluster_t *) (gpointer) shaped->clusters->data,
                                    shaped->clusters->len);
}

static char *
save (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "kh-test-pdf-writer-XXXXXX.pdf", NULL);
  int fd = g_mkstemp (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpint (fd, >=, 0);
  g_close (fd, NULL);
  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_assert_no_error (error);
  return path;
}

#define REGULAR_TEXT "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm soát thủ tục"
#define BOLD_TEXT "KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH"
#define ITALIC_TEXT "(Ban hành kèm theo Quyết định số 15/QĐ-SKHCN ngày 03/3/2023)"
/* Letters that Liberation Serif builds of other glyphs (composites) */
#define COMPOSITE_TEXT "ẾẠỆỘỮỲ"

/* The three lines, and rules: a horizontal one under them, a vertical one. */
static char *
write_sample (Shaped **regular,
              Shaped **bold,
              Shaped **italic,
              GDateTime *created)
{
  g_autoptr(KhPdfWriter) writer = kh_pdf_writer_new ();
  g_autoptr(Shaped) composite = shape ("Liberation Serif 24", COMPOSITE_TEXT, 72, 240);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  *regular = shape ("Liberation Serif 13", REGULAR_TEXT, 72, 100);
  *bold = shape ("Liberation Serif Bold 14", BOLD_TEXT, 72, 140);
  *italic = shape ("Liberation Serif Italic 12", ITALIC_TEXT, 72, 180);

  kh_pdf_writer_set_info (writer, "Kế hoạch kiểm soát", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Kế hoạch",
                          created, "vi");
  kh_pdf_writer_begin_page (writer, PAGE_W, PAGE_H);
  g_assert_true (show (writer, *regular));
  g_assert_true (show (writer, *bold));
  g_assert_true (show (writer, *italic));
  g_assert_true (show (writer, composite));
  kh_pdf_writer_line (writer, 72, 300, 400, 300);
  kh_pdf_writer_line (writer, 450, 300, 450, 500);
  kh_pdf_writer_stroke (writer, 2, FALSE);
  kh_pdf_writer_end_page (writer);
  bytes = kh_pdf_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return save (bytes);
}

/* Each non-space character's box starts where its glyph was placed. */
static void
assert_glyph_boxes (KhPdfPage    *page,
                    const Shaped *shaped)
{
  const char *p = shaped->text;
  glong at = 0;
  guint glyph = 0;

  g_assert_true (kh_pdf_page_find (page, shaped->text, 0, NULL, &at));
  for (glong i = 0; *p != '\0'; i++, p = g_utf8_next_char (p), glyph++)
    {
      const cairo_glyph_t *g = &g_array_index (shaped->glyphs, cairo_glyph_t, glyph);

      /* One glyph a character in these fonts (composed Vietnamese letters) */
      g_assert_cmpuint (glyph, <, shaped->glyphs->len);
      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;
      g_assert_cmpfloat_with_epsilon (page->rects[at + i].x1, g->x, 0.1);
      /* The box holds the baseline */
      g_assert_cmpfloat (page->rects[at + i].y1, <, g->y);
      g_assert_cmpfloat (page->rects[at + i].y2, >, g->y);
    }
}

static void
assert_run (KhPdfPage  *page,
            const char *text,
            const char *style,
            double      size)
{
  KhPdfRun run;

  g_assert_true (kh_pdf_page_find (page, text, 0, &run, NULL));
  g_assert_nonnull (strstr (run.font_name, "LiberationSerif"));
  if (style != NULL)
    g_assert_nonnull (strstr (run.font_name, style));
  else
    g_assert_null (strstr (run.font_name, "Bold"));
  g_assert_cmpfloat_with_epsilon (run.font_size, size, 0.01);
  kh_pdf_run_clear (&run);
}

static void
test_text (void)
{
  g_autoptr(Shaped) regular = NULL, bold = NULL, italic = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_now_local ();
  g_autofree char *path = write_sample (&regular, &bold, &italic, created);
  g_autoptr(PopplerDocument) doc = kh_pdf_open (path);
  g_autoptr(KhPdfPage) page = kh_pdf_page_load (doc, 0);
  g_autofree char *text = NULL;

  text = kh_pdf_squeeze_spaces (page->text);
  g_strstrip (text);
  g_assert_cmpstr (text, ==, REGULAR_TEXT " " BOLD_TEXT " " ITALIC_TEXT " " COMPOSITE_TEXT);

  assert_run (page, "Điều 1.", NULL, 13);
  assert_run (page, "TUYÊN TRUYỀN", "Bold", 14);
  assert_run (page, "Quyết định số", "Italic", 12);
  assert_glyph_boxes (page, regular);
  assert_glyph_boxes (page, bold);
  assert_glyph_boxes (page, italic);
  g_assert_cmpfloat_with_epsilon (page->width, PAGE_W, 0.001);
  g_assert_cmpfloat_with_epsilon (page->height, PAGE_H, 0.001);
  g_unlink (path);
}

static guint
dark_pixels (cairo_surface_t *surface,
             int              x0,
             int              y0,
             int              x1,
             int              y1)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if ((((const guint32 *) (gconstpointer) (data + y * stride))[x] & 0xff) < 128)
        n++;
  return n;
}

/* poppler draws the page from the embedded subsets: glyph outlines where
 * the text is, the rules where they were put, nothing elsewhere. */
static void
test_render (void)
{
  g_autoptr(Shaped) regular = NULL, bold = NULL, italic = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_now_local ();
  g_autofree char *path = write_sample (&regular, &bold, &italic, created);
  g_autoptr(PopplerDocument) doc = kh_pdf_open (path);
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Each line of text is ink above its baseline */
  g_assert_cmpuint (dark_pixels (surface, 72, 90, 400, 101), >, 300);
  g_assert_cmpuint (dark_pixels (surface, 72, 130, 400, 141), >, 300);
  g_assert_cmpuint (dark_pixels (surface, 72, 170, 400, 181), >, 300);
  /* Composite glyphs drawn whole: their base letters and their marks
   * (drawn from components the subset must keep) */
  g_assert_cmpuint (dark_pixels (surface, 72, 224, 200, 240), >, 300);
  g_assert_cmpuint (dark_pixels (surface, 72, 210, 200, 224), >, 30);
  g_assert_cmpuint (dark_pixels (surface, 72, 241, 200, 250), >, 8);
  /* Between the lines, and around the rules, white */
  g_assert_cmpuint (dark_pixels (surface, 72, 105, 400, 125), ==, 0);
  g_assert_cmpuint (dark_pixels (surface, 72, 290, 440, 298), ==, 0);
  /* The rules, 2 pt wide */
  g_assert_cmpuint (dark_pixels (surface, 100, 299, 380, 301), ==, 280 * 2);
  g_assert_cmpuint (dark_pixels (surface, 449, 320, 451, 480), ==, 160 * 2);
  /* Butt caps: nothing past the ends */
  g_assert_cmpuint (dark_pixels (surface, 402, 295, 420, 305), ==, 0);
  cairo_surface_destroy (surface);
  g_unlink (path);
}

/* pdffonts agrees the fonts are embedded subsets with a ToUnicode map. */
static void
test_pdffonts (void)
{
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autoptr(Shaped) regular = NULL, bold = NULL, italic = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[3] = { NULL, NULL, NULL };
  int status = -1;
  guint n_fonts = 0;

  if (pdffonts == NULL)
    {
      g_test_skip ("pdffonts is not installed");
      return;
    }
  created = g_date_time_new_now_local ();
  path = write_sample (&regular, &bold, &italic, created);
  argv[0] = pdffonts;
  argv[1] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      for (guint k = 0; fields[k] != NULL; k++)
        if (*fields[k] != '\0')
          g_ptr_array_add (words, fields[k]);
      /* name, "CID", "TrueType", encoding, emb, sub, uni, object, generation */
      g_assert_cmpuint (words->len, ==, 9);
      g_assert_true (g_regex_match_simple ("^[A-Z]{6}\\+LiberationSerif", words->pdata[0], 0, 0));
      g_assert_cmpstr (words->pdata[1], ==, "CID");
      g_assert_cmpstr (words->pdata[2], ==, "TrueType");
      g_assert_cmpstr (words->pdata[3], ==, "Identity-H");
      g_assert_cmpstr (words->pdata[4], ==, "yes");
      g_assert_cmpstr (words->pdata[5], ==, "yes");
      g_assert_cmpstr (words->pdata[6], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, ==, 3);
  g_unlink (path);
}

static void
test_metadata (void)
{
  g_autoptr(Shaped) regular = NULL, bold = NULL, italic = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_local (2024, 3, 15, 9, 30, 5);
  g_autofree char *path = write_sample (&regular, &bold, &italic, created);
  g_autoptr(PopplerDocument) doc = kh_pdf_open (path);
  g_autofree char *title = poppler_document_get_title (doc);
  g_autofree char *author = poppler_document_get_author (doc);
  g_autofree char *creator = poppler_document_get_creator (doc);

  g_assert_cmpstr (title, ==, "Kế hoạch kiểm soát");
  g_assert_cmpstr (author, ==, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  g_assert_cmpstr (creator, ==, "Kế hoạch");
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, g_date_time_to_unix (created));
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  g_assert_true (kh_pdf_file_contains (path, "/Lang (vi)"));
  g_unlink (path);
}

/* A glyph first shown for one text and then for another keeps both texts
 * extractable (the second through /ActualText). */
static void
test_actual_text (void)
{
  g_autoptr(KhPdfWriter) writer = kh_pdf_writer_new ();
  g_autoptr(Shaped) first = shape ("Liberation Serif 13", "Ab", 72, 100);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(KhPdfPage) page = NULL;
  g_autofree char *text = NULL;
  cairo_glyph_t glyphs[2];
  /* The two glyphs of "Ab" standing for "Xyz": one cluster of two glyphs */
  cairo_text_cluster_t cluster = { 3, 2 };

  kh_pdf_writer_begin_page (writer, PAGE_W, PAGE_H);
  g_assert_true (show (writer, first));
  memcpy (glyphs, first->glyphs->data, sizeof glyphs);
  glyphs[0].y = glyphs[1].y = 200;
  g_assert_true (kh_pdf_writer_show_glyphs (writer, first->font, "Xyz", 3, glyphs, 2, &cluster, 1));
  bytes = kh_pdf_writer_finish (writer, &error);
  g_assert_no_error (error);
  path = save (bytes);
  doc = kh_pdf_open (path);
  page = kh_pdf_page_load (doc, 0);
  text = kh_pdf_squeeze_spaces (page->text);
  g_strstrip (text);
  g_assert_cmpstr (text, ==, "Ab Xyz");
  g_unlink (path);
}

/* Fonts the writer cannot embed: refused, nothing written, the file still
 * whole. */
static void
test_refused (void)
{
  g_autoptr(KhPdfWriter) writer = kh_pdf_writer_new ();
  /* C059 has no Vietnamese: plain Latin keeps the line in that one font */
  g_autoptr(Shaped) cff = shape ("C059 12", "Plan", 72, 100);
  g_autoptr(Shaped) good = shape ("Liberation Serif 12", "Kế hoạch", 72, 200);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(KhPdfPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *family = pango_font_description_get_family (pango_font_describe (cff->font)) != NULL
    ? g_strdup (pango_font_description_get_family (pango_font_describe (cff->font))) : NULL;

  if (g_strcmp0 (family, "C059") != 0)
    {
      g_test_skip ("No CFF font (C059) installed");
      return;
    }
  kh_pdf_writer_begin_page (writer, PAGE_W, PAGE_H);
  g_assert_false (show (writer, cff));
  g_assert_true (show (writer, good));
  /* A bad cluster list is refused too */
  {
    cairo_text_cluster_t wrong = { 1, 1 };

    g_assert_false (kh_pdf_writer_show_glyphs (writer, good->font, "Kế", strlen ("Kế"),
                                               (const cairo_glyph_t *) (gpointer) good->glyphs->data, 2,
                                               &wrong, 1));
  }
  bytes = kh_pdf_writer_finish (writer, &error);
  g_assert_no_error (error);
  path = save (bytes);
  doc = kh_pdf_open (path);
  page = kh_pdf_page_load (doc, 0);
  text = kh_pdf_squeeze_spaces (page->text);
  g_strstrip (text);
  g_assert_cmpstr (text, ==, "Kế hoạch");
  g_unlink (path);
}

/* A bold that fontconfig makes by emboldening the regular outlines is
 * refused: the embedded outlines would print regular. */
static void
test_refused_synthetic (void)
{
  g_autoptr(KhPdfWriter) writer = kh_pdf_writer_new ();
  /* Droid Sans Fallback has no bold face; Pango takes it for Chinese only */
  g_autoptr(Shaped) fake_bold = shape ("Droid Sans Fallback Bold 12", "计划", 72, 100);
  g_autoptr(Shaped) regular = shape ("Droid Sans Fallback 12", "计划", 72, 120);
  FcPattern *pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (fake_bold->font));
  FcBool embolden = FcFalse;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (FcPatternGetBool (pattern, FC_EMBOLDEN, 0, &embolden) != FcResultMatch || !embolden)
    {
      g_test_skip ("No font that fontconfig emboldens (Droid Sans Fallback)");
      return;
    }
  kh_pdf_writer_begin_page (writer, PAGE_W, PAGE_H);
  g_assert_false (show (writer, fake_bold));
  g_assert_true (show (writer, regular));
  bytes = kh_pdf_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/pdf-writer/text", test_text);
  g_test_add_func ("/render/pdf-writer/render", test_render);
  g_test_add_func ("/render/pdf-writer/pdffonts", test_pdffonts);
  g_test_add_func ("/render/pdf-writer/metadata", test_metadata);
  g_test_add_func ("/render/pdf-writer/actual-text", test_actual_text);
  g_test_add_func ("/render/pdf-writer/refused", test_refused);
  g_test_add_func ("/render/pdf-writer/refused-synthetic", test_refused_synthetic);
  return g_test_run ();
}
