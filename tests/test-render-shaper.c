/* test-render-shaper.c — the shaper breaks and places text as Pango does
 *
 * KhShaper lays out most paragraphs of a printed plan without Pango (see
 * src/render/kh-shaper.h). A reader must not be able to tell: these tests
 * lay the real texts of the example documents out both ways, in every
 * paragraph style the renderer uses and at many widths, and compare line
 * breaks, line positions and every glyph's position; then render whole
 * documents both ways (KH_SHAPER=pango) and compare where poppler finds
 * each character in the PDF.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <wchar.h>
#include <string.h>

#include "kh-core.h"
#include "kh-render.h"
#include "kh-layout.h"
#include "kh-shaper.h"
#include "render-test-util.h"

typedef struct {
  PangoFontMap *font_map;
  PangoContext *context;
  char         *family;
  KhShaper     *shaper;
  guint         n_compared;
  guint         n_refused;
} Fixture;

static void
fixture_init (Fixture *f)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autoptr(KhLayout) layout = kh_layout_new (NULL);

  /* The settings of KhLayout's context */
  f->font_map = pango_cairo_font_map_new ();
  f->context = pango_font_map_create_context (f->font_map);
  pango_cairo_context_set_resolution (f->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (f->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (f->context, FALSE);
  pango_context_set_language (f->context, pango_language_from_string ("vi"));
  f->family = g_strdup (kh_layout_get_font_family (layout));
  f->shaper = kh_shaper_new (f->context, f->family);
}

static void
fixture_clear (Fixture *f)
{
  kh_shaper_free (f->shaper);
  g_object_unref (f->context);
  g_object_unref (f->font_map);
  g_free (f->family);
}

/* Pango's layout of the text, set up as KhLayout sets up its own, with
 * line breaks at spaces only (the renderer keeps numbers like
 * "92/2017/NĐ-CP" whole). */
static PangoLayout *
reference_layout (Fixture                *f,
                  const char             *text,
                  PangoAttrList          *attrs,
                  const KhParagraphStyle *style,
                  int                     width)
{
  PangoLayout *layout = pango_layout_new (f->context);
  PangoFontDescription *desc = pango_font_description_new ();
  PangoAttrList *all = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  const char *p = text;

  pango_font_description_set_family (desc, f->family);
  pango_font_description_set_absolute_size (desc, style->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->align == KH_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                      : style->align == KH_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_justify (layout, style->align == KH_ALIGN_JUSTIFY);
  pango_layout_set_indent (layout, (int) (style->first_indent * PANGO_SCALE));
  pango_layout_set_width (layout, width);
  pango_layout_set_text (layout, text, -1);

  while (*p != '\0')
    {
      const char *start;

      while (*p == ' ' || *p == '\n')
        p++;
      start = p;
      while (*p != '\0' && *p != ' ' && *p != '\n')
        p++;
      if (p > start)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = start - text;
          attr->end_index = p - text;
          pango_attr_list_insert (all, attr);
        }
    }
  pango_layout_set_attributes (layout, all);
  pango_attr_list_unref (all);
  return layout;
}

#define UNIT (1.0 / PANGO_SCALE)

/* Lays the markup out both ways and compares; FALSE when the shaper
 * refused it. */
static gboolean
compare (Fixture                *f,
         const char             *markup,
         const KhParagraphStyle *style,
         double                  width_pt)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  KhPara para = { 0 };
  int width = (int) (width_pt * PANGO_SCALE);
  int l = 0;

  g_assert_true (pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, NULL));
  para.style = *style;
  if (!kh_shaper_layout (f->shaper, &para, text, attrs, width))
    {
      f->n_refused++;
      return FALSE;
    }
  f->n_compared++;
  layout = reference_layout (f, text, attrs, style, width);

  if (para.n_lines != pango_layout_get_line_count (layout) && g_getenv ("KH_SHAPER_DEBUG") != NULL)
    {
      for (int i = 0; i < para.n_lines; i++)
        {
          const KhGlyphRun *a = &para.runs[para.lines[i].first_run];
          const KhGlyphRun *b = &para.runs[para.lines[i].first_run + para.lines[i].n_runs - 1];

          g_printerr ("ours  %d: [%.*s] w=%.2f\n", i, b->text_offset + b->text_length - a->text_offset,
                      text + a->text_offset, para.lines[i].width);
        }
      for (int i = 0; i < pango_layout_get_line_count (layout); i++)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
          PangoRectangle logical;

          pango_layout_line_get_extents (line, NULL, &logical);
          g_printerr ("pango %d: [%.*s] w=%.2f\n", i, line->length, text + line->start_index, logical.width * UNIT);
        }
    }
  if (para.n_lines != pango_layout_get_line_count (layout))
    g_error ("“%s” at %.1f pt: %d lines, Pango %d", text, width_pt, para.n_lines,
             pango_layout_get_line_count (layout));

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      const KhLine *ours = &para.lines[l];
      const KhGlyphRun *first = &para.runs[ours->first_run];
      const KhGlyphRun *last = &para.runs[ours->first_run + ours->n_runs - 1];
      PangoRectangle logical;
      int y0, y1, g = 0;
      double x;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (first->text_offset != line->start_index
          || last->text_offset + last->text_length != line->start_index + line->length)
        g_error ("“%s” at %.1f pt, line %d: bytes %d–%d, Pango %d–%d", text, width_pt, l, first->text_offset,
                 last->text_offset + last->text_length, line->start_index, line->start_index + line->length);
      g_assert_cmpfloat_with_epsilon (para.line_top[l], y0 * UNIT, UNIT);
      g_assert_cmpfloat_with_epsilon (para.line_top[l + 1], y1 * UNIT, UNIT);
      g_assert_cmpfloat_with_epsilon (ours->baseline, pango_layout_iter_get_baseline (iter) * UNIT, UNIT);
      if (fabs (ours->x - logical.x * UNIT) > 2 * UNIT)
        g_error ("“%s” at %.1f pt, line %d [%.*s]: x %.3f, Pango %.3f", markup, width_pt, l, line->length,
                 text + line->start_index, ours->x, logical.x * UNIT);
      if (fabs (ours->width - logical.width * UNIT) > 2 * UNIT)
        g_error ("“%s” at %.1f pt, line %d [%.*s]: width %.3f, Pango %.3f", markup, width_pt, l, line->length,
                 text + line->start_index, ours->width, logical.width * UNIT);

      /* Every drawn glyph, in order, at the same place */
      x = logical.x * UNIT;
      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          const PangoGlyphItem *run = r->data;

          for (int i = 0; i < run->glyphs->num_glyphs; i++)
            {
              const PangoGlyphInfo *gi = &run->glyphs->glyphs[i];

              if (gi->glyph != PANGO_GLYPH_EMPTY)
                {
                  const cairo_glyph_t *mine;
                  int k = g, run_i = ours->first_run;

                  /* The g-th drawn glyph of our line */
                  while (k >= para.runs[run_i].n_glyphs)
                    k -= para.runs[run_i++].n_glyphs;
                  g_assert_cmpint (run_i, <, ours->first_run + ours->n_runs);
                  mine = &para.glyphs[para.runs[run_i].first_glyph + k];
                  g_assert_cmpuint (mine->index, ==, gi->glyph);
                  if (fabs (ours->x + mine->x - (x + gi->geometry.x_offset * UNIT)) > 2 * UNIT)
                    g_error ("“%s” at %.1f pt, line %d, glyph %d: x %.3f, Pango %.3f", text, width_pt, l, g,
                             ours->x + mine->x, x + gi->geometry.x_offset * UNIT);
                  g++;
                }
              x += gi->geometry.width * UNIT;
            }
        }
      {
        int n_ours = 0;

        for (int r = ours->first_run; r < ours->first_run + ours->n_runs; r++)
          n_ours += para.runs[r].n_glyphs;
        g_assert_cmpint (g, ==, n_ours);
      }
      l++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  kh_para_clear_lines (&para);
  g_free (para.line_top);
  return TRUE;
}

/* The styles the document renderer gives paragraphs and cells */
static void
styles (KhParagraphStyle out[5])
{
  for (int i = 0; i < 5; i++)
    kh_paragraph_style_init (&out[i], 14);
  out[0].align = KH_ALIGN_JUSTIFY;          /* body text */
  out[0].first_indent = KH_MM_TO_PT (10);
  out[1].size = 12;                         /* a table cell */
  out[2].align = KH_ALIGN_CENTER;           /* a title */
  out[2].bold = TRUE;
  out[3].align = KH_ALIGN_RIGHT;
  out[3].italic = TRUE;
  out[4].size = 13;                         /* a centred heading with an indent */
  out[4].align = KH_ALIGN_CENTER;
  out[4].first_indent = 20;
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (texts, g_markup_escape_text (text, -1));
}

static void
add_nodes (GPtrArray  *texts,
           GListModel *nodes)
{
  for (guint i = 0; nodes != NULL && i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);
      g_autofree char *title = g_markup_escape_text (kh_node_get_title (node), -1);
      g_autofree char *body = g_markup_escape_text (kh_node_get_text (node), -1);

      add_text (texts, kh_node_get_text (node));
      /* A heading in bold before its text, as the renderer writes it */
      g_ptr_array_add (texts, g_strdup_printf ("<b>%s</b> %s", title, body));
      add_nodes (texts, kh_node_get_children (node));
    }
}

/* Every text of the three example documents, as markup */
static GPtrArray *
example_texts (void)
{
  static const char * const names[] = {
    "2024-truyen-thong-kiem-soat-tthc.kehoach",
    "2023-kiem-soat-tthc-ha-tinh.kehoach",
    "2024-tuyen-truyen-cchc.kehoach",
  };
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples", names[n], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDocument) doc = kh_document_load_file (file, NULL, &error);
      KhDecision *decision;
      KhPlan *plan;

      g_assert_no_error (error);
      add_text (texts, kh_document_get_summary (doc));
      decision = kh_document_get_decision (doc);
      if (decision != NULL)
        {
          GListModel *bases = kh_decision_get_bases (decision);
          GListModel *articles = kh_decision_get_articles (decision);

          for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
            {
              g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);

              add_text (texts, kh_legal_basis_get_text (basis));
            }
          add_text (texts, kh_decision_get_proposal (decision));
          for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
            {
              g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);

              add_text (texts, kh_article_get_title (article));
              add_nodes (texts, kh_article_get_body (article));
            }
        }
      plan = kh_document_get_plan (doc);
      if (plan != NULL)
        {
          GListModel *tables = kh_plan_get_tables (plan);

          add_nodes (texts, kh_plan_get_narrative (plan));
          for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
            {
              g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);
              GListModel *groups = kh_task_table_get_groups (table);

              for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
                {
                  g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
                  GListModel *tasks = kh_task_group_get_tasks (group);

                  add_text (texts, kh_task_group_get_title (group));
                  for (guint k = 0; k < g_list_model_get_n_items (tasks); k++)
                    {
                      g_autoptr(KhTask) task = g_list_model_get_item (tasks, k);

                      add_text (texts, kh_task_get_content (task));
                      add_text (texts, kh_task_get_product (task));
                      add_text (texts, kh_task_get_lead (task));
                      add_text (texts, kh_task_get_cooperating (task));
                      add_text (texts, kh_task_get_timeframe (task));
                    }
                }
            }
        }
    }
  g_assert_cmpuint (texts->len, >, 100);
  return texts;
}

static void
test_examples_as_pango (void)
{
  g_autoptr(GPtrArray) texts = example_texts ();
  static const double widths[] = { 45, 72.5, 101.3, 150, 233.7, 300, 453.5, 600 };
  KhParagraphStyle style[5];
  Fixture f = { 0 };

  fixture_init (&f);
  styles (style);
  for (guint t = 0; t < texts->len; t++)
    for (guint s = 0; s < G_N_ELEMENTS (style); s++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        compare (&f, g_ptr_array_index (texts, t), &style[s], widths[w]);

  /* Refused: only a word wider than a narrow column sends a text to Pango */
  g_test_message ("%u layouts compared, %u refused", f.n_compared, f.n_refused);
  g_assert_cmpuint (f.n_compared, >, 10 * f.n_refused);
  fixture_clear (&f);
}

/* Lines that end exactly at the edge, runs of spaces, hard line breaks and
 * spans: the corners of the breaking rules. */
static void
test_corners (void)
{
  static const char * const texts[] = {
    "Một  hai   ba    bốn     năm      sáu",
    "Dòng một\nDòng hai dài hơn một chút\nba",
    "   Ba khoảng trắng đầu đoạn",
    "<b>Điều 1.</b> Ban hành kèm theo Quyết định này <i>Kế hoạch</i> kiểm soát thủ tục hành chính",
    "<b>Điều 1. Phạm vi</b><b> điều chỉnh</b> và đối tượng áp dụng",
    "Cuối dòng có dấu cách ",
    "ĐĨ ĐẠ ỜỞ Ỡ Ợ ỤỦ Ứ Ừ Ử Ữ Ự Ỳ Ỵ Ỷ Ỹ ỳ ỵ ỷ ỹ “ngoặc kép” – gạch nối … ₫",
  };
  KhParagraphStyle style[5];
  Fixture f = { 0 };

  fixture_init (&f);
  styles (style);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint s = 0; s < G_N_ELEMENTS (style); s++)
      /* Every width from one word to the whole text, in steps finer than
       * a space: some lines end exactly at the edge. */
      for (double w = 60; w < 500; w += 0.7)
        compare (&f, texts[t], &style[s], w);
  g_assert_cmpuint (f.n_refused, <, f.n_compared / 10);
  fixture_clear (&f);
}

/* Random paragraphs from the pieces real ones are made of: words,
 * punctuation that binds across spaces, runs of spaces, hard breaks, bold
 * and italic spans. */
static void
test_random (void)
{
  static const char * const words[] = {
    "Kế", "hoạch", "kiểm", "soát", "thủ", "tục", "hành", "chính", "Văn", "phòng", "Sở", "Yên",
    "năm", "2024", "92/2017/NĐ-CP", "(KH&CN)", "(", ")", "...", "!", ";", ":", ",", "“Một", "cửa”",
    "-", "–", "Tăng", "AVATAR", "TTHC,", "ĐMST", "Quý", "III,", "IV", "Thường", "xuyên", "1.",
    "a)", "Điều", "x", "Wy", "Tv", "fi", "ffl",
  };
  static const char * const spans[][2] = { { "", "" }, { "<b>", "</b>" }, { "<i>", "</i>" } };
  KhParagraphStyle style[5];
  Fixture f = { 0 };

  fixture_init (&f);
  styles (style);
  for (int n = 0; n < 1500; n++)
    {
      g_autoptr(GString) markup = g_string_new (NULL);
      int n_words = g_test_rand_int_range (1, 40);

      for (int w = 0; w < n_words; w++)
        {
          int span = g_test_rand_int_range (0, 10) == 0 ? g_test_rand_int_range (1, 3) : 0;
          g_autofree char *word = g_markup_escape_text (words[g_test_rand_int_range (0, G_N_ELEMENTS (words))], -1);

          if (w > 0)
            {
              int gap = g_test_rand_int_range (0, 30);

              g_string_append (markup, gap == 0 ? "\n" : gap == 1 ? "  " : gap == 2 ? "   " : " ");
            }
          g_string_append_printf (markup, "%s%s%s", spans[span][0], word, spans[span][1]);
        }
      compare (&f, markup->str, &style[g_test_rand_int_range (0, G_N_ELEMENTS (style))],
               g_test_rand_double_range (40, 480));
    }
  g_test_message ("%u layouts compared, %u refused", f.n_compared, f.n_refused);
  g_assert_cmpuint (f.n_compared, >, 1000);
  fixture_clear (&f);
}

/* What the shaper leaves to Pango */
static void
test_refused (void)
{
  static const char * const texts[] = {
    "",                                          /* an empty paragraph */
    "Tab\tstop",
    "Dòng cuối trống\n",
    "Hai\n\ndòng trống",
    "مرحبا بالعالم",                              /* right to left */
    "中文文本",                                   /* another script, another font */
    "Mặt cười 😀",                               /* a glyph the font lacks */
    "Khoảng\u200btrắng rộng bằng không",
    "Siêuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuudài", /* wider than the line */
    "<u>gạch chân</u>",                           /* another attribute */
  };
  KhParagraphStyle style;
  Fixture f = { 0 };

  fixture_init (&f);
  kh_paragraph_style_init (&style, 13);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(PangoAttrList) attrs = NULL;
      g_autofree char *text = NULL;
      KhPara para = { 0 };

      g_assert_true (pango_parse_markup (texts[t], -1, 0, &attrs, &text, NULL, NULL));
      para.style = style;
      if (kh_shaper_layout (f.shaper, &para, text, attrs, 150 * PANGO_SCALE))
        g_error ("“%s” was shaped", texts[t]);
      g_assert_null (para.lines);
      g_assert_null (para.text);
    }
  /* …and takes plain text again afterwards */
  g_assert_true (compare (&f, "Văn bản thường", &style, 150));
  fixture_clear (&f);
}

/* Whole documents: each character where Pango would have put it */
static KhPdfPage **
render_pages (KhDocument *doc,
              const char *shaper,
              int        *n_pages)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "kh-test-shaper-XXXXXX.pdf", NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GError) error = NULL;
  KhPdfPage **pages;

  g_close (g_mkstemp (path), NULL);
  if (shaper != NULL)
    g_setenv ("KH_SHAPER", shaper, TRUE);
  else
    g_unsetenv ("KH_SHAPER");
  g_assert_true (kh_render_document_to_pdf (doc, NULL, path, &error));
  g_assert_no_error (error);
  g_unsetenv ("KH_SHAPER");
  pdf = kh_pdf_open (path);
  *n_pages = poppler_document_get_n_pages (pdf);
  pages = g_new0 (KhPdfPage *, *n_pages);
  for (int i = 0; i < *n_pages; i++)
    pages[i] = kh_pdf_page_load (pdf, i);
  g_unlink (path);
  return pages;
}

typedef struct {
  gunichar         c;
  PopplerRectangle rect;
} PlacedChar;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const PlacedChar *x = a, *y = b;
  double dy = round (x->rect.y1 * 10) - round (y->rect.y1 * 10);

  if (dy != 0)
    return dy < 0 ? -1 : 1;
  if (x->rect.x1 != y->rect.x1)
    return x->rect.x1 < y->rect.x1 ? -1 : 1;
  return (x->c > y->c) - (x->c < y->c);
}

/* The characters of a page with their boxes, in the order of their place
 * on the page: poppler's reading order may differ between two files when
 * positions differ by a rounding. */
static GArray *
placed_chars (KhPdfPage *page)
{
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (PlacedChar));
  const char *p = page->text;

  for (guint k = 0; k < page->n_rects && *p != '\0'; k++, p = g_utf8_next_char (p))
    {
      PlacedChar placed = { g_utf8_get_char (p), page->rects[k] };

      if (!g_unichar_isspace (placed.c))
        g_array_append_val (chars, placed);
    }
  g_array_sort (chars, compare_placed);
  return chars;
}

static void
test_documents_as_pango (gconstpointer data)
{
  g_autofree char *path = g_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples", data, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_document_load_file (file, NULL, &error);
  int n_shaped, n_pango;
  KhPdfPage **shaped, **pango;

  g_assert_no_error (error);
  shaped = render_pages (doc, NULL, &n_shaped);
  pango = render_pages (doc, "pango", &n_pango);
  g_assert_cmpint (n_shaped, ==, n_pango);
  for (int i = 0; i < n_shaped; i++)
    {
      g_autoptr(GArray) a = placed_chars (shaped[i]);
      g_autoptr(GArray) b = placed_chars (pango[i]);

      g_assert_cmpuint (a->len, ==, b->len);
      g_assert_cmpuint (a->len, >, 100);
      for (guint k = 0; k < a->len; k++)
        {
          const PlacedChar *x = &g_array_index (a, PlacedChar, k), *y = &g_array_index (b, PlacedChar, k);

          /* Within cairo's rounding of Pango's starting point */
          if (x->c != y->c || fabs (x->rect.x1 - y->rect.x1) > 0.02 || fabs (x->rect.y1 - y->rect.y1) > 0.02
              || fabs (x->rect.x2 - y->rect.x2) > 0.02)
            g_error ("%s page %d: “%lc” at %.3f,%.3f; with Pango “%lc” at %.3f,%.3f", (const char *) data, i + 1,
                     (wint_t) x->c, x->rect.x1, x->rect.y1, (wint_t) y->c, y->rect.x1, y->rect.y1);
        }
      kh_pdf_page_free (shaped[i]);
      kh_pdf_page_free (pango[i]);
    }
  g_free (shaped);
  g_free (pango);
}

/* Text the shaper leaves to Pango, in a whole document: the document still
 * renders, through Pango and, where our PDF writer cannot draw a run, the
 * cairo PDF path, and no word is lost. */
static void
test_document_odd_text (void)
{
  static const char * const odd[] = {
    "Tiếng Ả Rập: مرحبا بالعالم, xong.",
    "Chữ Hán 中文文本 giữa câu.",
    "Biểu tượng 😀 trong nội dung.",
    "Cột\tcó\tký tự tab.",
    "Siêuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuudài",
    "Dòng một\n\nsau một dòng trống.",
  };
  g_autofree char *path = g_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples",
                                            "2024-tuyen-truyen-cchc.kehoach", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_document_load_file (file, NULL, &error);
  g_autofree char *pdf_path = g_build_filename (g_get_tmp_dir (), "kh-test-shaper-odd-XXXXXX.pdf", NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) squeezed = g_string_new (NULL);
  GListModel *narrative;
  g_autoptr(KhTaskTable) table = NULL;
  g_autoptr(KhTaskGroup) group = NULL;
  g_autoptr(KhTask) task = NULL;

  g_assert_no_error (error);
  narrative = kh_plan_get_narrative (kh_document_get_plan (doc));
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(KhNode) node = kh_node_new (KH_NODE_KIND_PARAGRAPH, "", odd[i]);

      g_list_store_append (G_LIST_STORE (narrative), node);
    }
  /* …and in a narrow table cell */
  table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
  group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  task = g_list_model_get_item (kh_task_group_get_tasks (group), 0);
  kh_task_set_product (task, odd[4]);

  g_close (g_mkstemp (pdf_path), NULL);
  g_assert_true (kh_render_document_to_pdf (doc, NULL, pdf_path, &error));
  g_assert_no_error (error);
  pdf = kh_pdf_open (pdf_path);
  text = kh_pdf_document_text (pdf);
  /* Words broken across lines may gain a hyphen: compare without spaces
   * and hyphens. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
      g_string_append_unichar (squeezed, g_utf8_get_char (p));
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_auto(GStrv) words = g_strsplit_set (odd[i], " \t\n", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          gboolean latin = TRUE;

          /* Right-to-left words come out in visual order: check the
           * Vietnamese and Latin ones */
          for (const char *p = words[w]; *p != '\0'; p = g_utf8_next_char (p))
            latin &= g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_LATIN
                     || g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_COMMON;
          if (latin && words[w][0] != '\0' && strstr (squeezed->str, words[w]) == NULL)
            g_error ("“%s” is missing from the PDF", words[w]);
        }
    }
  g_assert_nonnull (strstr (squeezed->str, "中文文本"));
  if (g_getenv ("KH_TEST_KEEP") == NULL) g_unlink (pdf_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/shaper/examples-as-pango", test_examples_as_pango);
  g_test_add_func ("/render/shaper/corners", test_corners);
  g_test_add_func ("/render/shaper/random", test_random);
  g_test_add_func ("/render/shaper/refused", test_refused);
  g_test_add_func ("/render/shaper/document/odd-text", test_document_odd_text);
  g_test_add_data_func ("/render/shaper/document/truyen-thong", "2024-truyen-thong-kiem-soat-tthc.kehoach",
                        test_documents_as_pango);
  g_test_add_data_func ("/render/shaper/document/ha-tinh", "2023-kiem-soat-tthc-ha-tinh.kehoach",
                        test_documents_as_pango);
  g_test_add_data_func ("/render/shaper/document/tuyen-truyen", "2024-tuyen-truyen-cchc.kehoach",
                        test_documents_as_pango);
  return g_test_run ();
}
