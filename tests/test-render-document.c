/* test-render-document.c — nd30 conformance of the rendered documents
 *
 * Each document (the three examples and generated stress documents) is
 * rendered to PDF and read back with poppler-glib; the checks are those of
 * shared/spec/nd30.md, "What a conformance test measures": page size, every
 * glyph inside the margins, the header block's columns, sizes and styles of
 * each component, page numbers, the table header on every page the table
 * crosses, and every word of the source text in the extracted text.
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kh-core.h"
#include "kh-render.h"
#include "kh-vntext.h"
#include "render-test-util.h"

#define TOL 0.25

typedef struct {
  KhDocument      *doc;
  KhRenderOptions  options;
  char            *path;
  PopplerDocument *pdf;
  GPtrArray       *pages;        /* KhPdfPage */
  char            *all_text;     /* folded, spaces squeezed */
  gboolean        *run_start;    /* per page: first page of a numbering run */
  GString         *source;       /* every source string, for the character count */
} Rendered;

static void
rendered_free (Rendered *r)
{
  g_unlink (r->path);
  g_free (r->path);
  g_ptr_array_unref (r->pages);
  g_object_unref (r->pdf);
  g_object_unref (r->doc);
  g_free (r->all_text);
  g_free (r->run_start);
  g_string_free (r->source, TRUE);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rendered, rendered_free)

static char *
fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *lower = g_utf8_casefold (nfc, -1);

  return kh_pdf_squeeze_spaces (lower);
}

static Rendered *
render (KhDocument *doc,
        double      font_size)
{
  Rendered *r = g_new0 (Rendered, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  int n;

  r->doc = g_object_ref (doc);
  kh_render_options_init (&r->options);
  r->options.font_size = font_size;
  r->path = g_build_filename (g_get_tmp_dir (), "kh-test-render-document-XXXXXX.pdf", NULL);
  g_close (g_mkstemp (r->path), NULL);
  g_assert_true (kh_render_document_to_pdf (doc, &r->options, r->path, &error));
  g_assert_no_error (error);

  r->pdf = kh_pdf_open (r->path);
  n = poppler_document_get_n_pages (r->pdf);
  r->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_pdf_page_free);
  r->run_start = g_new0 (gboolean, n);
  for (int i = 0; i < n; i++)
    {
      KhPdfPage *page = kh_pdf_page_load (r->pdf, i);

      g_ptr_array_add (r->pages, page);
      g_string_append (all, page->text);
      g_string_append_c (all, '\n');
      /* A run of numbers restarts with the document, the attached plan and
       * each appendix. */
      r->run_start[i] = i == 0 || g_str_has_prefix (page->text, "KẾ HOẠCH")
                        || g_str_has_prefix (page->text, "PHỤ LỤC");
    }
  r->all_text = fold (all->str);
  r->source = g_string_new (NULL);
  return r;
}

static KhPdfPage *
page_at (Rendered *r,
         guint     i)
{
  return g_ptr_array_index (r->pages, i);
}

static gboolean
is_bold (const KhPdfRun *run)
{
  return strstr (run->font_name, "Bold") != NULL;
}

static gboolean
is_italic (const KhPdfRun *run)
{
  return strstr (run->font_name, "Italic") != NULL || strstr (run->font_name, "Oblique") != NULL;
}

/* Finds text on a page (or any page when page < 0) and checks its size
 * range and style; returns the run for position checks. */
static void
expect_styled (Rendered   *r,
               int         page,
               const char *text,
               double      size_min,
               double      size_max,
               gboolean    bold,
               gboolean    italic,
               KhPdfRun   *out)
{
  KhPdfRun run = { 0 };
  gboolean found = FALSE;

  for (guint i = page < 0 ? 0 : (guint) page; i < r->pages->len && !found; i++)
    {
      found = kh_pdf_page_find (page_at (r, i), text, 0, &run, NULL);
      if (page >= 0)
        break;
    }
  if (!found)
    g_error ("“%s” not found", text);
  g_assert_nonnull (run.font_name);
  if (run.font_size < size_min - TOL || run.font_size > size_max + TOL)
    g_error ("“%s”: size %.2f outside %g-%g", text, run.font_size, size_min, size_max);
  if (is_bold (&run) != bold || is_italic (&run) != italic)
    g_error ("“%s”: font %s, expected%s%s", text, run.font_name,
             bold ? " bold" : " regular", italic ? " italic" : "");
  if (out != NULL)
    *out = run;
  else
    kh_pdf_run_clear (&run);
}

/* Pages: A4, glyphs inside the margins, page numbers, embedded font. */
static void
check_pages (Rendered *r)
{
  double top = KH_MM_TO_PT (r->options.margin_top);
  double bottom = KH_MM_TO_PT (r->options.margin_bottom);
  double left = KH_MM_TO_PT (r->options.margin_left);
  double right = KH_MM_TO_PT (r->options.margin_right);
  guint number = 0;

  for (guint i = 0; i < r->pages->len; i++)
    {
      KhPdfPage *page = page_at (r, i);
      gboolean landscape = page->width > page->height;
      glong body_from = 0;

      g_assert_cmpfloat_with_epsilon (landscape ? page->height : page->width, 595.276, 0.5);
      g_assert_cmpfloat_with_epsilon (landscape ? page->width : page->height, 841.89, 0.5);

      number = r->run_start[i] ? 1 : number + 1;
      if (number == 1)
        g_assert_false (g_ascii_isdigit (page->text[0]));
      else
        {
          g_autofree char *label = g_strdup_printf ("%u\n", number);
          KhPdfRun run;

          /* Arabic, 13-14 pt, upright, centred in the top margin. */
          g_assert_true (g_str_has_prefix (page->text, label));
          g_assert_true (kh_pdf_page_find (page, label, 0, &run, NULL));
          g_assert_cmpfloat (run.y2, <, top);
          g_assert_cmpfloat (fabs ((run.x1 + run.x2) / 2 - (left + page->width - right) / 2), <, 1.5);
          g_assert_cmpfloat (run.font_size, >=, 13 - TOL);
          g_assert_cmpfloat (run.font_size, <=, 14 + TOL);
          g_assert_false (is_bold (&run) || is_italic (&run));
          kh_pdf_run_clear (&run);
          body_from = strlen (label) - 1;
        }

      for (glong k = body_from; k < (glong) page->n_rects; k++)
        {
          PopplerRectangle *box = &page->rects[k];

          if (box->x2 - box->x1 <= 0.01)
            continue;
          if (box->x1 < left - TOL || box->x2 > page->width - right + TOL
              || box->y1 < top - TOL || box->y2 > page->height - bottom + TOL)
            g_error ("page %u: glyph %ld (%.1f,%.1f)-(%.1f,%.1f) outside the margins", i + 1, k,
                     box->x1, box->y1, box->x2, box->y2);
        }

      for (GList *l = page->attrs; l != NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;

          if (strstr (a->font_name, "TimesNewRoman") == NULL && strstr (a->font_name, "LiberationSerif") == NULL
              && strstr (a->font_name, "Tinos") == NULL)
            g_error ("page %u: font %s is not Times New Roman or metric-compatible", i + 1, a->font_name);
        }
      g_assert_null (strstr (page->text, "\xEF\xBF\xBD"));   /* U+FFFD */
    }
}

/* The header block of the first page. */
static void
check_header (Rendered *r)
{
  KhDocument *doc = r->doc;
  KhPdfRun nation, motto, agency, first_left, number, date;
  g_autofree char *agency_upper = kh_vn_upper (kh_document_get_agency (doc));
  g_autofree char *place_date = g_strdup_printf ("%s, ngày", kh_document_get_place (doc));
  g_autofree char *symbol = g_strdup_printf ("/%s-%s", kh_document_get_type_abbrev (doc),
                                             kh_document_get_agency_abbrev (doc));
  const char *parent = kh_document_get_parent_agency (doc);

  expect_styled (r, 0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, 13, TRUE, FALSE, &nation);
  expect_styled (r, 0, "Độc lập - Tự do - Hạnh phúc", 13, 14, TRUE, FALSE, &motto);
  expect_styled (r, 0, agency_upper, 12, 13, TRUE, FALSE, &agency);
  expect_styled (r, 0, "Số:", 13, 13, FALSE, FALSE, &number);
  expect_styled (r, 0, symbol, 13, 13, FALSE, FALSE, NULL);
  expect_styled (r, 0, place_date, 13, 14, FALSE, TRUE, &date);
  {
    /* The date line ends with the year. */
    g_autofree char *year = g_strdup_printf ("năm %d", kh_document_get_date_year (doc));
    KhPdfRun end;
    glong at;

    g_assert_true (kh_pdf_page_find (page_at (r, 0), place_date, 0, NULL, &at));
    g_assert_true (kh_pdf_page_find (page_at (r, 0), year, at, &end, NULL));
    g_assert_true (is_italic (&end));
    g_assert_cmpfloat (fabs (end.y2 - date.y2), <, 1);
    date.x2 = end.x2;
    kh_pdf_run_clear (&end);
  }
  if (parent != NULL && parent[0] != '\0')
    {
      g_autofree char *parent_upper = kh_vn_upper (parent);

      expect_styled (r, 0, parent_upper, 12, 13, FALSE, FALSE, &first_left);
      g_assert_cmpfloat (first_left.y2, <, agency.y1 + 1);
    }
  else
    {
      first_left = agency;
      agency.font_name = g_strdup (agency.font_name);
    }

  /* Two columns: the Quốc hiệu right of the agency, on the same band. */
  g_assert_cmpfloat (nation.x1, >, agency.x2);
  g_assert_cmpfloat (nation.x1, >, first_left.x2);
  g_assert_cmpfloat (fabs (nation.y2 - first_left.y2), <, 1.5);
  /* Each column centred: the left one within ~40 % of the text width. */
  {
    double left = KH_MM_TO_PT (r->options.margin_left);
    double width = page_at (r, 0)->width - left - KH_MM_TO_PT (r->options.margin_right);
    double left_centre = left + 0.2 * width, right_centre = left + 0.7 * width;

    g_assert_cmpfloat (fabs ((agency.x1 + agency.x2) / 2 - left_centre), <, 3);
    g_assert_cmpfloat (fabs ((nation.x1 + nation.x2) / 2 - right_centre), <, 3);
    g_assert_cmpfloat (fabs ((motto.x1 + motto.x2) / 2 - right_centre), <, 3);
    g_assert_cmpfloat (fabs ((date.x1 + date.x2) / 2 - right_centre), <, 3);
    g_assert_cmpfloat (motto.y1, >, nation.y2 - 1);
    g_assert_cmpfloat (date.y1, >, motto.y2);
    g_assert_cmpfloat (number.y1, >, agency.y2);
  }

  /* The type of the document. */
  expect_styled (r, 0, kh_document_get_kind (doc) == KH_DOCUMENT_KIND_DECISION ? "QUYẾT ĐỊNH\n" : "KẾ HOẠCH\n",
                 13, 14, TRUE, FALSE, NULL);
  kh_pdf_run_clear (&nation);
  kh_pdf_run_clear (&motto);
  kh_pdf_run_clear (&agency);
  kh_pdf_run_clear (&first_left);
  kh_pdf_run_clear (&number);
  kh_pdf_run_clear (&date);
}

/* The signature and recipients block. */
static void
check_signature (Rendered *r)
{
  KhSigner *signer = kh_document_get_signer (r->doc);
  double size = r->options.font_size;
  KhPdfRun recipients, name;

  expect_styled (r, -1, "Nơi nhận:", 12, 12, TRUE, TRUE, &recipients);
  expect_styled (r, -1, "- Lưu:", 11, 11, FALSE, FALSE, NULL);
  if (signer != NULL && kh_signer_get_name (signer)[0] != '\0')
    {
      expect_styled (r, -1, kh_signer_get_name (signer), size, size, TRUE, FALSE, &name);
      /* Side by side: the signer right of the recipients, ~25 mm below the title. */
      g_assert_cmpfloat (name.x1, >, recipients.x2);
      kh_pdf_run_clear (&name);
    }
  kh_pdf_run_clear (&recipients);
}

static void
check_decision (Rendered *r)
{
  KhDecision *decision = kh_document_get_decision (r->doc);
  double size = r->options.font_size;
  GListModel *bases = kh_decision_get_bases (decision);

  if (kh_decision_get_authority (decision)[0] != '\0')
    {
      g_autofree char *upper = kh_vn_upper (kh_decision_get_authority (decision));

      expect_styled (r, 0, upper, size, size, TRUE, FALSE, NULL);
    }
  if (g_list_model_get_n_items (bases) > 0)
    expect_styled (r, 0, "Căn cứ", size, size, FALSE, TRUE, NULL);
  if (kh_decision_get_proposal (decision)[0] != '\0')
    expect_styled (r, -1, "Theo đề nghị", size, size, FALSE, TRUE, NULL);
  expect_styled (r, -1, "QUYẾT ĐỊNH:", size, size, TRUE, FALSE, NULL);
  if (g_list_model_get_n_items (kh_decision_get_articles (decision)) > 0)
    expect_styled (r, -1, "Điều 1.", size, size, TRUE, FALSE, NULL);

  /* Each basis ends with ';' and the preamble with '.'. */
  for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
    {
      g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);
      GListModel *citations = kh_legal_basis_get_citations (basis);

      if (kh_legal_basis_get_text (basis)[0] == '\0' && g_list_model_get_n_items (citations) > 0)
        {
          g_autoptr(KhCitation) c = g_list_model_get_item (citations, 0);
          g_autofree char *number = fold (kh_citation_get_number (c));

          g_assert_nonnull (strstr (r->all_text, number));
        }
    }
}

static void
check_attached_plan (Rendered *r)
{
  double size = r->options.font_size;
  guint plan_page = 0;
  g_autofree char *line = g_strdup_printf ("(Ban hành kèm theo Quyết định số");

  for (guint i = 1; i < r->pages->len; i++)
    if (g_str_has_prefix (page_at (r, i)->text, "KẾ HOẠCH"))
      {
        plan_page = i;
        break;
      }
  g_assert_cmpuint (plan_page, >, 0);
  expect_styled (r, plan_page, "KẾ HOẠCH", size, size, TRUE, FALSE, NULL);
  expect_styled (r, plan_page, line, size, size, FALSE, TRUE, NULL);
  /* It has no header block of its own. */
  g_assert_false (kh_pdf_page_find (page_at (r, plan_page), "CỘNG HÒA", 0, NULL, NULL));
}

/* Every page that shows task rows opens the table with its header row. */
static void
check_tables (Rendered *r)
{
  KhPlan *plan = kh_document_get_plan (r->doc);
  GListModel *tables = plan != NULL ? kh_plan_get_tables (plan) : NULL;

  for (guint t = 0; tables != NULL && t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);
      g_autoptr(KhColumn) first = g_list_model_get_item (kh_task_table_get_columns (table), 0);
      g_autofree char *header = g_strdup_printf ("%s", kh_column_get_header (first));
      guint pages_with_rows = 0;

      if (kh_task_table_get_appendix (table))
        {
          expect_styled (r, -1, "PHỤ LỤC", r->options.font_size, r->options.font_size, TRUE, FALSE, NULL);
          expect_styled (r, -1, "(Kèm theo Kế hoạch", r->options.font_size, r->options.font_size, FALSE, TRUE, NULL);
        }

      /* Pages showing table cells: regular text at the table size (12 pt);
       * nothing else is set so but the parent agency at the top of page 1. */
      for (guint i = 0; i < r->pages->len; i++)
        {
          KhPdfPage *page = page_at (r, i);
          gboolean has_rows = FALSE;

          for (GList *l = page->attrs; l != NULL && !has_rows; l = l->next)
            {
              PopplerTextAttributes *a = l->data;

              if (fabs (a->font_size - 12) > TOL || strstr (a->font_name, "Bold") != NULL
                  || strstr (a->font_name, "Italic") != NULL || a->start_index >= (int) page->n_rects)
                continue;
              if (i == 0 && page->rects[a->start_index].y1 < KH_MM_TO_PT (r->options.margin_top) + 40)
                continue;
              has_rows = TRUE;
            }
          if (has_rows)
            {
              KhPdfRun run;
              glong at;

              gboolean bold = FALSE;

              pages_with_rows++;
              /* The header text may also occur inside words ("TT" in "TTHC"). */
              for (at = -1; !bold && kh_pdf_page_find (page, header, at + 1, &run, &at);)
                {
                  bold = is_bold (&run);
                  if (!bold)
                    kh_pdf_run_clear (&run);
                }
              if (!bold)
                g_error ("page %u shows task rows without the bold header “%s”", i + 1, header);
              g_assert_cmpfloat (run.font_size, >=, 12 - TOL);
              g_assert_cmpfloat (run.font_size, <=, 13 + TOL);
              kh_pdf_run_clear (&run);
            }
        }
      if (kh_task_table_get_n_tasks (table) > 0)
        g_assert_cmpuint (pages_with_rows, >, 0);
    }
}

/* The most frequent distance between the lines of body-size text is
 * single spacing: 1.0-1.15 of the size. */
static void
check_line_spacing (Rendered *r)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  double size = r->options.font_size;
  int best = 0, best_count = 0;

  for (guint i = 0; i < r->pages->len; i++)
    {
      KhPdfPage *page = page_at (r, i);
      double prev = -1;
      const char *p = page->text;

      for (guint k = 0; k < page->n_rects && *p; k++, p = g_utf8_next_char (p))
        {
          double y = page->rects[k].y2;
          GList *l;
          double char_size = 0;

          if (*p == '\n' || *p == ' ')
            continue;
          for (l = page->attrs; l != NULL; l = l->next)
            {
              PopplerTextAttributes *a = l->data;

              if (a->start_index <= (int) k && (int) k <= a->end_index)
                {
                  char_size = a->font_size;
                  break;
                }
            }
          if (fabs (char_size - size) > TOL)
            {
              prev = -1;
              continue;
            }
          if (prev >= 0 && y - prev > 1)
            {
              int key = (int) lround ((y - prev) * 10);
              int count = GPOINTER_TO_INT (g_hash_table_lookup (counts, GINT_TO_POINTER (key))) + 1;

              g_hash_table_insert (counts, GINT_TO_POINTER (key), GINT_TO_POINTER (count));
              if (count > best_count)
                {
                  best_count = count;
                  best = key;
                }
            }
          prev = y;
        }
    }
  if (best_count > 3)
    {
      g_assert_cmpfloat (best / 10.0, >=, size * 1.0 - 0.1);
      g_assert_cmpfloat (best / 10.0, <=, size * 1.15 + 0.1);
    }
}

/* Every character of a source text is in the extracted text: table cells
 * may break a long word where a column is too narrow. */
static void
expect_chars (Rendered   *r,
              const char *text)
{
  if (text != NULL)
    {
      g_string_append (r->source, text);
      g_string_append_c (r->source, ' ');
    }
}

/* Every word of the source text is in the extracted text. */
static void
expect_words (Rendered   *r,
              const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return;
  expect_chars (r, text);
  folded = fold (text);
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (r->all_text, words[i]) == NULL)
      g_error ("the word “%s” of “%s” is missing from the PDF text", words[i], text);
}

static void
expect_node_words (Rendered   *r,
                   GListModel *nodes)
{
  for (guint i = 0; nodes != NULL && i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);

      expect_words (r, kh_node_get_title (node));
      expect_words (r, kh_node_get_text (node));
      expect_node_words (r, kh_node_get_children (node));
    }
}

static void
check_source_text (Rendered *r)
{
  KhDocument *doc = r->doc;
  KhDecision *decision = kh_document_get_decision (doc);
  KhPlan *plan = kh_document_get_plan (doc);
  KhSigner *signer = kh_document_get_signer (doc);
  GListModel *recipients = kh_document_get_recipients (doc);

  expect_words (r, kh_document_get_parent_agency (doc));
  expect_words (r, kh_document_get_agency (doc));
  expect_words (r, kh_document_get_place (doc));
  expect_words (r, kh_document_get_summary (doc));
  expect_words (r, kh_document_get_archive (doc));
  expect_words (r, kh_document_get_archive_initials (doc));
  if (signer != NULL)
    {
      expect_words (r, kh_signer_get_prefix (signer));
      expect_words (r, kh_signer_get_authority (signer));
      expect_words (r, kh_signer_get_title (signer));
      expect_words (r, kh_signer_get_name (signer));
    }
  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(KhRecipient) recipient = g_list_model_get_item (recipients, i);

      expect_words (r, kh_recipient_get_text (recipient));
    }
  if (decision != NULL)
    {
      GListModel *bases = kh_decision_get_bases (decision);
      GListModel *articles = kh_decision_get_articles (decision);

      expect_words (r, kh_decision_get_authority (decision));
      expect_words (r, kh_decision_get_proposal (decision));
      for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
        {
          g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);
          GListModel *citations = kh_legal_basis_get_citations (basis);

          if (kh_legal_basis_get_text (basis)[0] != '\0')
            {
              expect_words (r, kh_legal_basis_get_text (basis));
              continue;
            }
          expect_words (r, kh_legal_basis_get_group (basis));
          for (guint c = 0; c < g_list_model_get_n_items (citations); c++)
            {
              g_autoptr(KhCitation) citation = g_list_model_get_item (citations, c);

              expect_words (r, kh_citation_get_number (citation));
              expect_words (r, kh_citation_get_subject (citation));
              if (kh_legal_basis_get_group (basis)[0] == '\0')
                {
                  expect_words (r, kh_citation_get_kind (citation));
                  expect_words (r, kh_citation_get_issuer (citation));
                }
            }
        }
      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);

          expect_words (r, kh_article_get_title (article));
          expect_node_words (r, kh_article_get_body (article));
        }
    }
  if (plan != NULL)
    {
      GListModel *tables = kh_plan_get_tables (plan);

      if (kh_document_get_kind (doc) == KH_DOCUMENT_KIND_DECISION)
        {
          expect_words (r, kh_plan_get_summary (plan));
          expect_words (r, kh_plan_get_issued_by (plan));
        }
      expect_node_words (r, kh_plan_get_narrative (plan));
      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);
          GListModel *columns = kh_task_table_get_columns (table);
          GListModel *groups = kh_task_table_get_groups (table);

          expect_words (r, kh_task_table_get_title (table));
          for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
            {
              g_autoptr(KhColumn) column = g_list_model_get_item (columns, c);

              expect_chars (r, kh_column_get_header (column));
            }
          for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
            {
              g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
              GListModel *tasks = kh_task_group_get_tasks (group);

              expect_chars (r, kh_task_group_get_title (group));
              for (guint k = 0; k < g_list_model_get_n_items (tasks); k++)
                {
                  g_autoptr(KhTask) task = g_list_model_get_item (tasks, k);

                  expect_chars (r, kh_task_get_content (task));
                  expect_chars (r, kh_task_get_product (task));
                  expect_chars (r, kh_task_get_lead (task));
                  expect_chars (r, kh_task_get_cooperating (task));
                  expect_chars (r, kh_task_get_timeframe (task));
                }
            }
        }
    }
}

static GHashTable *
char_counts (const char *text)
{
  GHashTable *counts = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gpointer key = GUINT_TO_POINTER (g_utf8_get_char (p));

      g_hash_table_insert (counts, key, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
    }
  return counts;
}

static void
check_characters (Rendered *r)
{
  g_autofree char *source = fold (r->source->str);
  g_autoptr(GHashTable) wanted = char_counts (source);
  g_autoptr(GHashTable) found = char_counts (r->all_text);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gunichar c = GPOINTER_TO_UINT (key);
      char utf8[8] = { 0 };

      if (c == ' ')
        continue;
      g_unichar_to_utf8 (c, utf8);
      if (GPOINTER_TO_INT (g_hash_table_lookup (found, key)) < GPOINTER_TO_INT (value))
        g_error ("“%s” (U+%04X) occurs %d times in the source, %d in the PDF text", utf8, c,
                 GPOINTER_TO_INT (value), GPOINTER_TO_INT (g_hash_table_lookup (found, key)));
    }
}

/* A heading (a bold line of body size starting at the left, like "I. MỤC
 * TIÊU" or "Điều 2. Tổ chức thực hiện") never ends a page. */
static void
check_headings (Rendered *r)
{
  double size = r->options.font_size;

  for (guint i = 0; i + 1 < r->pages->len; i++)
    {
      KhPdfPage *page = page_at (r, i);
      double bottom = 0, left = G_MAXDOUBLE;
      gboolean all_bold = TRUE, any = FALSE;

      for (guint k = 0; k < page->n_rects; k++)
        bottom = MAX (bottom, page->rects[k].y2);
      for (GList *l = page->attrs; l != NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;

          for (int k = a->start_index; k <= a->end_index && k < (int) page->n_rects; k++)
            {
              if (fabs (page->rects[k].y2 - bottom) > 1 || page->rects[k].x2 - page->rects[k].x1 <= 0.01)
                continue;
              any = TRUE;
              left = MIN (left, page->rects[k].x1);
              if (strstr (a->font_name, "Bold") == NULL || fabs (a->font_size - size) > TOL)
                all_bold = FALSE;
            }
        }
      /* The signer's name, bold at the foot of the right column, is fine. */
      if (any && all_bold && left < page->width / 2)
        g_error ("page %u ends with a heading", i + 1);
    }
}

static Rendered *
check_all (KhDocument *doc,
           double      font_size)
{
  Rendered *r = render (doc, font_size);

  check_pages (r);
  check_header (r);
  check_signature (r);
  if (kh_document_get_kind (doc) == KH_DOCUMENT_KIND_DECISION && kh_document_get_decision (doc) != NULL)
    check_decision (r);
  if (kh_document_get_kind (doc) == KH_DOCUMENT_KIND_DECISION && kh_document_get_plan (doc) != NULL)
    check_attached_plan (r);
  check_tables (r);
  check_line_spacing (r);
  check_headings (r);
  check_source_text (r);
  check_characters (r);
  return r;
}

/* The examples */

static KhDocument *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KhDocument *doc = kh_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_example (gconstpointer data)
{
  g_autoptr(KhDocument) doc = load_example (data);
  g_autoptr(Rendered) r13 = check_all (doc, 13);
  g_autoptr(Rendered) r14 = check_all (doc, 14);

  /* A draft keeps the number blank and writes the date in words. */
  g_assert_nonnull (strstr (page_at (r13, 0)->text, "Số:"));
  g_assert_nonnull (strstr (r13->all_text, "năm"));
  g_assert_cmpuint (r14->pages->len, >=, r13->pages->len);
}

/* Generated documents */

static const char *sentence =
  "Tổ chức tuyên truyền, phổ biến các văn bản quy phạm pháp luật về kiểm soát thủ tục "
  "hành chính, cơ chế một cửa, một cửa liên thông đến cán bộ, công chức, viên chức";

static KhDocument *
base_document (KhDocumentKind kind)
{
  KhDocument *doc = kh_document_new (kind);
  KhSigner *signer = kh_document_get_signer (doc);

  kh_document_set_parent_agency (doc, "UBND TỈNH HƯNG YÊN");
  kh_document_set_agency (doc, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  kh_document_set_agency_abbrev (doc, "SKHCN");
  kh_document_set_place (doc, "Hưng Yên");
  kh_document_set_number (doc, 5);
  kh_document_set_day (doc, 5);
  kh_document_set_month (doc, 1);
  kh_document_set_date_year (doc, 2024);
  kh_document_set_year (doc, 2024);
  kh_document_set_summary (doc, "Kiểm soát thủ tục hành chính năm 2024");
  kh_signer_set_prefix (signer, "KT.");
  kh_signer_set_authority (signer, "GIÁM ĐỐC");
  kh_signer_set_title (signer, "PHÓ GIÁM ĐỐC");
  kh_signer_set_name (signer, "Nguyễn Xuân Hải");
  kh_document_add_recipient (doc, "UBND tỉnh (để báo cáo)");
  kh_document_add_recipient (doc, "Các phòng, đơn vị thuộc Sở");
  kh_document_set_archive (doc, "VT, VP");
  kh_document_set_archive_initials (doc, "XT");
  return doc;
}

static KhTaskTable *
task_table (guint n_tasks,
            guint n_groups,
            guint long_task)
{
  KhTaskTable *table = kh_task_table_new_default ();
  GListStore *groups = G_LIST_STORE (kh_task_table_get_groups (table));

  g_list_store_remove_all (groups);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *title = g_strdup_printf ("Nhóm nhiệm vụ số %u về cải cách hành chính", g + 1);
      g_autoptr(KhTaskGroup) group = kh_task_group_new (n_groups > 1 ? title : "");

      for (guint t = 0; t < n_tasks / n_groups; t++)
        {
          g_autoptr(KhTask) task = kh_task_new ();
          guint index = g * (n_tasks / n_groups) + t;
          g_autofree char *content = g_strdup_printf ("Nhiệm vụ %u: %s%s", index + 1, sentence,
                                                      index % 3 == 0 ? " và người lao động trong cơ quan." : ".");

          if (index == long_task)
            {
              g_autoptr(GString) text = g_string_new (NULL);

              for (int i = 0; i < 70; i++)
                g_string_append_printf (text, "Đoạn %d: %s. ", i + 1, sentence);
              kh_task_set_content (task, text->str);
            }
          else
            kh_task_set_content (task, content);
          kh_task_set_product (task, index % 2 ? "Kế hoạch, báo cáo" : "Tin, bài viết, phóng sự");
          kh_task_set_lead (task, "Văn phòng Sở");
          kh_task_set_cooperating (task, "Các phòng, đơn vị thuộc Sở");
          kh_task_set_timeframe (task, index % 4 ? "Quý III, IV" : "Thường xuyên trong năm 2024");
          g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (group)), task);
        }
      g_list_store_append (groups, group);
    }
  return table;
}

static KhPlan *
plan_with (KhTaskTable *table,
           gboolean     appendix)
{
  KhPlan *plan = kh_plan_new ();
  GListStore *narrative = G_LIST_STORE (kh_plan_get_narrative (plan));
  g_autoptr(KhNode) part = kh_node_new (KH_NODE_KIND_PART, "Mục đích, yêu cầu", "");
  g_autoptr(KhNode) point = kh_node_new (KH_NODE_KIND_POINT, "", sentence);

  g_list_store_append (G_LIST_STORE (kh_node_get_children (part)), point);
  g_list_store_append (narrative, part);
  kh_plan_set_summary (plan, "Kiểm soát thủ tục hành chính năm 2024");
  kh_plan_set_issued_by (plan, "Giám đốc Sở Khoa học và Công nghệ");
  if (table != NULL)
    {
      kh_task_table_set_appendix (table, appendix);
      if (appendix)
        kh_task_table_set_title (table, "Các nhiệm vụ năm 2024");
      g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table);
    }
  return plan;
}

static void
test_thousand_tasks (void)
{
  g_autoptr(KhDocument) doc = base_document (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhTaskTable) table = task_table (1000, 10, G_MAXUINT);
  g_autoptr(KhPlan) plan = plan_with (table, TRUE);
  g_autoptr(Rendered) r = NULL;
  guint appendix_pages = 0;

  kh_document_set_plan (doc, plan);
  r = check_all (doc, 13);
  g_assert_cmpuint (r->pages->len, >, 50);
  /* Every appendix page, after its first, opens with the table header. */
  for (guint i = 0; i < r->pages->len; i++)
    {
      KhPdfPage *page = page_at (r, i);

      if (g_str_has_prefix (page->text, "PHỤ LỤC"))
        appendix_pages = 1;
      else if (appendix_pages > 0)
        {
          g_autofree char *prefix = g_strdup_printf ("%u\nStt", ++appendix_pages);

          g_assert_true (g_str_has_prefix (page->text, prefix));
        }
    }
  g_assert_cmpuint (appendix_pages, >, 40);
  /* Every task number 1..100 of each group and its content are there. */
  for (guint k = 0; k < 1000; k++)
    {
      g_autofree char *label = g_strdup_printf ("nhiệm vụ %u:", k + 1);

      g_assert_nonnull (strstr (r->all_text, label));
    }
}

static void
test_task_longer_than_page (void)
{
  g_autoptr(KhDocument) doc = base_document (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhTaskTable) table = task_table (4, 1, 1);
  g_autoptr(KhPlan) plan = plan_with (table, FALSE);
  g_autoptr(Rendered) r = NULL;
  guint first = G_MAXUINT, last = 0;

  kh_document_set_plan (doc, plan);
  r = check_all (doc, 13);
  for (guint i = 0; i < r->pages->len; i++)
    for (int k = 1; k <= 70; k++)
      {
        g_autofree char *label = g_strdup_printf ("Đoạn %d:", k);

        if (strstr (page_at (r, i)->text, label) != NULL)
          {
            first = MIN (first, i);
            last = MAX (last, i);
          }
      }
  /* The row breaks across pages, each opening with the header. */
  g_assert_cmpuint (last, >, first + 1);
  for (guint i = first + 1; i <= last; i++)
    g_assert_true (kh_pdf_page_find (page_at (r, i), "Stt", 0, NULL, NULL));
}

static void
test_many_legal_bases (void)
{
  g_autoptr(KhDocument) doc = base_document (KH_DOCUMENT_KIND_DECISION);
  g_autoptr(KhDecision) decision = kh_decision_new ();
  GListStore *bases = G_LIST_STORE (kh_decision_get_bases (decision));
  g_autoptr(KhArticle) article = kh_article_new ();
  g_autoptr(KhNode) body = kh_node_new (KH_NODE_KIND_PARAGRAPH, "", "Quyết định này có hiệu lực kể từ ngày ký.");
  g_autoptr(Rendered) r = NULL;
  glong prev = -1;

  kh_decision_set_authority (decision, "Giám đốc Sở Khoa học và Công nghệ");
  kh_decision_set_proposal (decision, "Theo đề nghị của Chánh Văn phòng Sở");
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(KhLegalBasis) basis = kh_legal_basis_new ();
      g_autoptr(KhCitation) citation = kh_citation_new ();
      g_autofree char *number = g_strdup_printf ("%d/2023/QĐ-UBND", i + 1);

      kh_citation_set_kind (citation, "Quyết định");
      kh_citation_set_number (citation, number);
      kh_citation_set_date (citation, "2023-03-26");
      kh_citation_set_issuer (citation, "UBND tỉnh Hưng Yên");
      kh_citation_set_subject (citation, "về việc quy định chức năng, nhiệm vụ, quyền hạn");
      g_list_store_append (G_LIST_STORE (kh_legal_basis_get_citations (basis)), citation);
      g_list_store_append (bases, basis);
    }
  g_list_store_append (G_LIST_STORE (kh_article_get_body (article)), body);
  g_list_store_append (G_LIST_STORE (kh_decision_get_articles (decision)), article);
  kh_document_set_decision (doc, decision);

  r = check_all (doc, 13);
  g_assert_cmpuint (r->pages->len, >, 10);
  /* All 300 in order, each ending with ';'. */
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *number = g_strdup_printf ("số %d/2023/qđ-ubnd ngày 26/3/2023", i + 1);
      const char *at = strstr (r->all_text, number);

      g_assert_nonnull (at);
      g_assert_cmpint (at - r->all_text, >, prev);
      prev = at - r->all_text;
    }
  g_assert_nonnull (strstr (r->all_text, "hạn; theo đề nghị của chánh văn phòng sở."));
  /* "QUYẾT ĐỊNH:" never ends a page. */
  for (guint i = 0; i < r->pages->len; i++)
    {
      g_autofree char *text = g_strchomp (g_strdup (page_at (r, i)->text));

      g_assert_false (g_str_has_suffix (text, "QUYẾT ĐỊNH:"));
    }
}

static void
test_empty_optional_parts (void)
{
  g_autoptr(KhDocument) doc = kh_document_new (KH_DOCUMENT_KIND_DECISION);
  g_autoptr(KhDecision) decision = kh_decision_new ();
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(Rendered) r = NULL;

  kh_document_set_agency (doc, "SỞ NỘI VỤ");
  kh_document_set_agency_abbrev (doc, "SNV");
  kh_document_set_place (doc, "Hà Nội");
  kh_document_set_day (doc, 0);
  kh_document_set_month (doc, 0);
  kh_document_set_date_year (doc, 2024);
  kh_signer_set_title (kh_document_get_signer (doc), "GIÁM ĐỐC");
  kh_signer_set_name (kh_document_get_signer (doc), "Lê Văn A");
  kh_document_set_decision (doc, decision);
  kh_document_set_plan (doc, plan);

  r = check_all (doc, 13);
  g_assert_cmpuint (r->pages->len, ==, 2);
  g_assert_nonnull (strstr (page_at (r, 0)->text, "/QĐ-SNV"));
  g_assert_nonnull (strstr (r->all_text, "hà nội, ngày"));
  g_assert_nonnull (strstr (r->all_text, "năm 2024"));
  g_assert_nonnull (strstr (r->all_text, "lưu: vt."));
}

static void
test_landscape_appendix (void)
{
  g_autoptr(KhDocument) doc = base_document (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhTaskTable) table = task_table (60, 3, G_MAXUINT);
  g_autoptr(KhPlan) plan = plan_with (table, TRUE);
  g_autoptr(Rendered) r = NULL;
  guint landscape = 0;

  kh_task_table_set_landscape (table, TRUE);
  kh_document_set_plan (doc, plan);
  r = check_all (doc, 14);
  for (guint i = 0; i < r->pages->len; i++)
    {
      KhPdfPage *page = page_at (r, i);

      if (page->width > page->height)
        landscape++;
      /* The appendix, and only it, is on landscape pages. */
      g_assert_true ((page->width > page->height) == (landscape > 0));
    }
  g_assert_cmpuint (landscape, >=, 2);
}

static gpointer
render_in_thread (gpointer data)
{
  g_autoptr(KhDocument) doc = load_example (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhRenderedDocument) rd = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  rd = kh_render_layout (doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kh_rendered_document_write_pdf (rd, stream, NULL, &error));
  g_assert_no_error (error);
  return GUINT_TO_POINTER (kh_rendered_document_get_n_pages (rd));
}

/* The preview renders on worker threads: two at once give the same pages
 * as the main thread. */
static void
test_threads (void)
{
  const char *name = "2023-kiem-soat-tthc-ha-tinh.kehoach";
  guint expected = GPOINTER_TO_UINT (render_in_thread ((gpointer) name));
  GThread *threads[3];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_in_thread, (gpointer) name);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, expected);
}

static void
test_options (void)
{
  KhRenderOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = base_document (KH_DOCUMENT_KIND_PLAN);

  kh_render_options_init (&options);
  options.font_size = 16;
  g_assert_null (kh_render_layout (doc, &options, &error));
  g_assert_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS);
  g_clear_error (&error);

  kh_render_options_init (&options);
  options.margin_left = 10;
  g_assert_false (kh_render_options_validate (&options, &error));
  g_assert_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/render/document/example/truyen-thong", "2024-truyen-thong-kiem-soat-tthc.kehoach", test_example);
  g_test_add_data_func ("/render/document/example/ha-tinh", "2023-kiem-soat-tthc-ha-tinh.kehoach", test_example);
  g_test_add_data_func ("/render/document/example/tuyen-truyen", "2024-tuyen-truyen-cchc.kehoach", test_example);
  g_test_add_func ("/render/document/thousand-tasks", test_thousand_tasks);
  g_test_add_func ("/render/document/task-longer-than-page", test_task_longer_than_page);
  g_test_add_func ("/render/document/legal-bases-300", test_many_legal_bases);
  g_test_add_func ("/render/document/empty-optional-parts", test_empty_optional_parts);
  g_test_add_func ("/render/document/landscape-appendix", test_landscape_appendix);
  g_test_add_func ("/render/document/threads", test_threads);
  g_test_add_func ("/render/document/options", test_options);

  return g_test_run ();
}
