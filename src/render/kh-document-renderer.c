/* kh-document-renderer.c — turns a KhDocument into layout blocks per nd30
 *
 * Sizes and styles follow Nghị định 30/2020/NĐ-CP, Phụ lục I (see
 * shared/spec/nd30.md): the header block, the title, the decision's body or
 * the plan's narrative, the signature and recipients, the task tables and
 * the appendices, each appendix on its own pages with its own numbering.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-core.h"
#include "kh-render.h"
#include "kh-vntext.h"

#define HEADER_AGENCY_SIZE 12.0   /* cơ quan, Quốc hiệu: 12-13 */
#define HEADER_MOTTO_SIZE  13.0   /* Tiêu ngữ: 13-14 */
#define NUMBER_SIZE        13.0   /* Số, ký hiệu: 13 */
#define TABLE_SIZE         12.0   /* table text: 12-13 */
#define RECIPIENTS_TITLE   12.0
#define RECIPIENTS_SIZE    11.0
#define PARAGRAPH_GAP       6.0
#define RULE_SHORT          0.4   /* 1/3 to 1/2 of the text */

void
kh_render_options_init (KhRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  options->font_size = 13;
  options->margin_top = 20;
  options->margin_bottom = 20;
  options->margin_left = 30;
  options->margin_right = 15;
  options->landscape_wide_tables = FALSE;
}

static gboolean
in_range (double value,
          double low,
          double high)
{
  return value >= low - 1e-9 && value <= high + 1e-9;
}

gboolean
kh_render_options_validate (const KhRenderOptions *options,
                            GError               **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (!in_range (options->font_size, 13, 14))
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("The font size must be 13 or 14 points, not %g"), options->font_size);
      return FALSE;
    }
  if (!in_range (options->margin_top, 20, 25) || !in_range (options->margin_bottom, 20, 25)
      || !in_range (options->margin_left, 30, 35) || !in_range (options->margin_right, 15, 20))
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("Margins must be 20–25 mm at the top and bottom, 30–35 mm on the left "
                     "and 15–20 mm on the right"));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  KhDocument            *doc;
  const KhRenderOptions *opts;
  KhLayout              *layout;
  double                 size;     /* body font size */
  KhLayoutBlock         *last;     /* the last block added, borrowed */
} Builder;

/* Model text in NFC. Text already in NFC (the usual case: typed text,
 * precomposed Vietnamese letters) is copied without running the full
 * normaliser, which takes a good part of building a long table. Every
 * character below U+0300 or in Latin Extended Additional (U+1E00–U+1EFF,
 * the precomposed Vietnamese letters) is a starter that never composes
 * with its neighbours, so a string made only of them is its own NFC.
 * NULL gives an empty string. */
static char *
nfc_dup (const char *text)
{
  const char *p = text;

  if (text == NULL)
    return g_strdup ("");
  while (*p != '\0')
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2 || (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)))
        return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      p = g_utf8_next_char (p);
    }
  return g_strdup (text);
}

/* Model text, normalised and escaped for Pango markup. */
static char *
esc (const char *text)
{
  g_autofree char *nfc = NULL;

  if (text == NULL)
    return g_strdup ("");
  nfc = nfc_dup (text);
  return g_markup_escape_text (nfc != NULL ? nfc : "", -1);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static KhParagraphStyle
style_new (double   size,
           gboolean bold,
           gboolean italic,
           KhAlign  align)
{
  KhParagraphStyle style;

  kh_paragraph_style_init (&style, size);
  style.bold = bold;
  style.italic = italic;
  style.align = align;
  return style;
}

/* A justified body paragraph: 1 cm first-line indent, 6 pt after. */
static KhParagraphStyle
body_style (Builder *b)
{
  KhParagraphStyle style = style_new (b->size, FALSE, FALSE, KH_ALIGN_JUSTIFY);

  style.first_indent = KH_MM_TO_PT (10);
  style.space_after = PARAGRAPH_GAP;
  return style;
}

static KhParagraphStyle
centred_style (Builder *b,
               gboolean bold,
               gboolean italic)
{
  return style_new (b->size, bold, italic, KH_ALIGN_CENTER);
}

static void
add_block (Builder       *b,
           KhLayoutBlock *block)
{
  kh_layout_add (b->layout, block);
  b->last = block;
  kh_layout_block_unref (block);
}

static void
add_para (Builder                *b,
          const char             *markup,
          const KhParagraphStyle *style)
{
  add_block (b, kh_layout_block_new_paragraph (markup, style));
}

static void
add_space (Builder *b,
           double   height)
{
  add_block (b, kh_layout_block_new_space (height));
}

static void
column_para (KhLayoutBlock          *columns,
             guint                   column,
             const char             *markup,
             const KhParagraphStyle *style)
{
  g_autoptr(KhLayoutBlock) para = kh_layout_block_new_paragraph (markup, style);

  kh_layout_block_columns_add (columns, column, para);
}

static const char *
type_name (KhDocument *doc)
{
  return kh_document_get_kind (doc) == KH_DOCUMENT_KIND_DECISION ? "Quyết định" : "Kế hoạch";
}

/* "      /QĐ-SKHCN" or "05/QĐ-SKHCN": the number without "Số:". */
static char *
number_symbol (KhDocument *doc)
{
  g_autofree char *full = kh_vn_format_number_symbol (MAX (0, kh_document_get_number (doc)),
                                                       kh_document_get_type_abbrev (doc),
                                                       kh_document_get_agency_abbrev (doc));
  const char *rest;

  if (full == NULL)
    return g_strdup ("");
  rest = g_str_has_prefix (full, "Số:") ? full + strlen ("Số:") : full;
  if (kh_document_get_number (doc) > 0)
    while (*rest == ' ')
      rest++;
  return g_strdup (rest);
}

static char *
short_date (KhDocument *doc)
{
  char *date = kh_vn_format_short_date (kh_document_get_day (doc), kh_document_get_month (doc),
                                        kh_document_get_date_year (doc));

  return date != NULL ? date : g_strdup ("");
}

/* "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ": the usual
 * writing of a department's name inside a sentence. */
static char *
agency_in_sentence (const char *agency)
{
  g_auto(GStrv) words = g_strsplit (agency != NULL ? agency : "", " ", -1);
  GString *out = g_string_new (NULL);
  gboolean capital = TRUE;
  guint index = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *lower = NULL;
      gunichar first;

      if (words[i][0] == '\0')
        continue;
      lower = g_utf8_strdown (words[i], -1);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      /* The first two words and the word after "và" start upper case. */
      if (capital || index < 2)
        {
          first = g_unichar_toupper (g_utf8_get_char (lower));
          g_string_append_unichar (out, first);
          g_string_append (out, g_utf8_next_char (lower));
        }
      else
        g_string_append (out, lower);
      capital = g_str_equal (lower, "và");
      index++;
    }
  return g_string_free (out, FALSE);
}

/* The header block */

static void
add_header (Builder *b)
{
  KhDocument *doc = b->doc;
  const double fractions[] = { 0.4, 0.6 };
  KhLayoutBlock *columns = kh_layout_block_new_columns (2, fractions);
  KhParagraphStyle style;
  g_autofree char *number = NULL;
  g_autofree char *number_markup = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_markup = NULL;

  if (!is_blank (kh_document_get_parent_agency (doc)))
    {
      g_autofree char *upper = kh_vn_upper (kh_document_get_parent_agency (doc));
      g_autofree char *markup = esc (upper);

      style = style_new (HEADER_AGENCY_SIZE, FALSE, FALSE, KH_ALIGN_CENTER);
      column_para (columns, 0, markup, &style);
    }
  {
    g_autofree char *upper = kh_vn_upper (kh_document_get_agency (doc));
    g_autofree char *markup = esc (upper);

    style = style_new (HEADER_AGENCY_SIZE, TRUE, FALSE, KH_ALIGN_CENTER);
    style.rule_fraction = RULE_SHORT;
    column_para (columns, 0, markup, &style);
  }
  number = kh_vn_format_number_symbol (MAX (0, kh_document_get_number (doc)),
                                       kh_document_get_type_abbrev (doc),
                                       kh_document_get_agency_abbrev (doc));
  number_markup = esc (number);
  style = style_new (NUMBER_SIZE, FALSE, FALSE, KH_ALIGN_CENTER);
  style.space_before = PARAGRAPH_GAP;
  column_para (columns, 0, number_markup, &style);

  style = style_new (HEADER_AGENCY_SIZE, TRUE, FALSE, KH_ALIGN_CENTER);
  column_para (columns, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &style);
  style = style_new (HEADER_MOTTO_SIZE, TRUE, FALSE, KH_ALIGN_CENTER);
  style.rule_fraction = 1.0;
  column_para (columns, 1, "Độc lập - Tự do - Hạnh phúc", &style);
  date = kh_vn_format_place_date (kh_document_get_place (doc), kh_document_get_day (doc),
                                  kh_document_get_month (doc), kh_document_get_date_year (doc));
  date_markup = esc (date);
  style = centred_style (b, FALSE, TRUE);
  style.space_before = PARAGRAPH_GAP;
  column_para (columns, 1, date_markup, &style);

  add_block (b, columns);
}

/* Title: type, summary, and for an attached plan its "Ban hành kèm theo". */
static void
add_title (Builder    *b,
           const char *type,
           const char *summary,
           const char *attached_line)
{
  g_autofree char *upper = kh_vn_upper (type);
  g_autofree char *summary_markup = esc (summary);
  KhParagraphStyle style = centred_style (b, TRUE, FALSE);

  style.space_before = 12;
  style.keep_with_next = TRUE;
  add_para (b, upper, &style);

  style.space_before = 0;
  if (!is_blank (summary))
    {
      style.rule_fraction = attached_line == NULL ? RULE_SHORT : 0;
      add_para (b, summary_markup, &style);
    }
  if (attached_line != NULL)
    {
      g_autofree char *markup = esc (attached_line);

      style = centred_style (b, FALSE, TRUE);
      style.keep_with_next = TRUE;
      style.rule_fraction = 0.25;
      add_para (b, markup, &style);
    }
  add_space (b, 12);
}

/* Numbered nodes (a plan's narrative, an article's clauses) */

static void add_nodes (Builder *b, GListModel *nodes, int depth);

static void
add_node (Builder    *b,
          KhNode     *node,
          const char *number,
          int         depth)
{
  KhNodeKind kind = kh_node_get_kind (node);
  g_autofree char *title = esc (kh_node_get_title (node));
  g_autofree char *text = esc (kh_node_get_text (node));
  KhParagraphStyle style = body_style (b);
  gboolean has_title = !is_blank (kh_node_get_title (node));
  gboolean has_text = !is_blank (kh_node_get_text (node));
  g_autofree char *markup = NULL;

  switch (kind)
    {
    case KH_NODE_KIND_PART:
    case KH_NODE_KIND_SECTION:
      if (has_title)
        {
          g_autofree char *heading = kind == KH_NODE_KIND_PART ? kh_vn_upper (kh_node_get_title (node))
                                                               : g_strdup (kh_node_get_title (node));
          g_autofree char *heading_markup = esc (heading);

          markup = g_strdup_printf ("<b>%s %s</b>", number, heading_markup);
          style.keep_with_next = TRUE;
          add_para (b, markup, &style);
          if (has_text)
            {
              style = body_style (b);
              add_para (b, text, &style);
            }
        }
      else
        {
          markup = kind == KH_NODE_KIND_PART ? g_strdup_printf ("<b>%s</b> %s", number, text)
                                             : g_strdup_printf ("%s %s", number, text);
          add_para (b, markup, &style);
        }
      break;

    case KH_NODE_KIND_POINT:
    case KH_NODE_KIND_DASH:
      if (has_title)
        markup = g_strdup_printf ("%s <b>%s</b>%s%s", number, title, has_text ? " " : "", text);
      else
        markup = g_strdup_printf ("%s %s", number, text);
      add_para (b, markup, &style);
      break;

    case KH_NODE_KIND_PARAGRAPH:
    default:
      if (has_title)
        {
          markup = g_strdup_printf ("<b>%s</b>", title);
          style.keep_with_next = TRUE;
          add_para (b, markup, &style);
          style = body_style (b);
        }
      if (has_text || !has_title)
        add_para (b, text, &style);
      break;
    }

  add_nodes (b, kh_node_get_children (node), depth + 1);
}

static void
add_nodes (Builder    *b,
           GListModel *nodes,
           int         depth)
{
  int parts = 0, sections = 0, points = 0;
  guint n = nodes != NULL ? g_list_model_get_n_items (nodes) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);
      g_autofree char *number = NULL;
      g_autofree char *numeral = NULL;

      switch (kh_node_get_kind (node))
        {
        case KH_NODE_KIND_PART:
          numeral = kh_vn_roman (++parts);
          number = g_strdup_printf ("%s.", numeral != NULL ? numeral : "");
          break;
        case KH_NODE_KIND_SECTION:
          number = g_strdup_printf ("%d.", ++sections);
          break;
        case KH_NODE_KIND_POINT:
          numeral = kh_vn_point_letter (points++);
          number = g_strdup_printf ("%s)", numeral != NULL ? numeral : "");
          break;
        case KH_NODE_KIND_DASH:
          number = g_strdup ("-");
          break;
        case KH_NODE_KIND_PARAGRAPH:
        default:
          number = g_strdup ("");
          break;
        }
      add_node (b, node, number, depth);
    }
}

/* The decision */

static char *
basis_wording (KhLegalBasis *basis,
               gboolean      last)
{
  const char *text = kh_legal_basis_get_text (basis);
  GListModel *citations = kh_legal_basis_get_citations (basis);
  const char *group = kh_legal_basis_get_group (basis);
  g_autoptr(GPtrArray) wordings = NULL;

  if (!is_blank (text))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      gsize len = strlen (trimmed);

      while (len > 0 && (trimmed[len - 1] == ';' || trimmed[len - 1] == '.' || trimmed[len - 1] == ','))
        trimmed[--len] = '\0';
      return g_strconcat (trimmed, last ? "." : ";", NULL);
    }

  wordings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(KhCitation) c = g_list_model_get_item (citations, i);
      char *wording;

      if (!is_blank (group))
        wording = kh_vn_format_citation_short (kh_citation_get_number (c), kh_citation_get_date (c),
                                               kh_citation_get_subject (c));
      else
        wording = kh_vn_format_citation (kh_citation_get_kind (c), kh_citation_get_number (c),
                                         kh_citation_get_date (c), kh_citation_get_issuer (c),
                                         kh_citation_get_subject (c));
      if (wording != NULL)
        g_ptr_array_add (wordings, wording);
    }
  g_ptr_array_add (wordings, NULL);
  return kh_vn_format_legal_basis (is_blank (group) ? NULL : group,
                                   (const char * const *) wordings->pdata, last);
}

static void
add_article (Builder   *b,
             KhArticle *article,
             guint      index)
{
  GListModel *body = kh_article_get_body (article);
  g_autofree char *title = esc (kh_article_get_title (article));
  KhParagraphStyle style = body_style (b);
  guint n = g_list_model_get_n_items (body);
  g_autoptr(KhNode) first = n > 0 ? g_list_model_get_item (body, 0) : NULL;

  if (is_blank (kh_article_get_title (article)) && first != NULL
      && kh_node_get_kind (first) == KH_NODE_KIND_PARAGRAPH && is_blank (kh_node_get_title (first)))
    {
      /* "Điều 1." and the first paragraph on the same line. */
      g_autofree char *text = esc (kh_node_get_text (first));
      g_autofree char *markup = g_strdup_printf ("<b>Điều %u.</b> %s", index + 1, text);
      g_autoptr(GListStore) rest = g_list_store_new (KH_TYPE_NODE);

      add_para (b, markup, &style);
      add_nodes (b, kh_node_get_children (first), 1);
      for (guint i = 1; i < n; i++)
        {
          g_autoptr(KhNode) node = g_list_model_get_item (body, i);

          g_list_store_append (rest, node);
        }
      add_nodes (b, G_LIST_MODEL (rest), 1);
      return;
    }

  {
    g_autofree char *markup = is_blank (kh_article_get_title (article))
                              ? g_strdup_printf ("<b>Điều %u.</b>", index + 1)
                              : g_strdup_printf ("<b>Điều %u. %s</b>", index + 1, title);

    style.keep_with_next = TRUE;
    add_para (b, markup, &style);
  }
  add_nodes (b, body, 1);
}

static void
add_decision_body (Builder    *b,
                   KhDecision *decision)
{
  GListModel *bases = kh_decision_get_bases (decision);
  GListModel *articles = kh_decision_get_articles (decision);
  guint n_bases = g_list_model_get_n_items (bases);
  gboolean has_proposal = !is_blank (kh_decision_get_proposal (decision));
  KhParagraphStyle style = centred_style (b, TRUE, FALSE);

  if (!is_blank (kh_decision_get_authority (decision)))
    {
      g_autofree char *upper = kh_vn_upper (kh_decision_get_authority (decision));
      g_autofree char *markup = esc (upper);

      style.space_after = 2 * PARAGRAPH_GAP;
      style.keep_with_next = TRUE;
      add_para (b, markup, &style);
    }

  /* Each basis ends with ';'; the last line of the preamble with '.'. */
  for (guint i = 0; i < n_bases; i++)
    {
      g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);
      g_autofree char *wording = basis_wording (basis, i + 1 == n_bases && !has_proposal);
      g_autofree char *markup = esc (wording);

      style = body_style (b);
      style.italic = TRUE;
      if (wording != NULL)
        add_para (b, markup, &style);
    }
  if (has_proposal)
    {
      g_autofree char *proposal = g_strstrip (g_strdup (kh_decision_get_proposal (decision)));
      g_autofree char *markup = NULL;
      gsize len = strlen (proposal);

      while (len > 0 && strchr (".,;", proposal[len - 1]) != NULL)
        proposal[--len] = '\0';
      markup = esc (proposal);
      style = body_style (b);
      style.italic = TRUE;
      {
        /* The full stop closes the preamble. */
        g_autofree char *with_stop = g_strconcat (markup, ".", NULL);

        add_para (b, with_stop, &style);
      }
    }

  style = centred_style (b, TRUE, FALSE);
  style.space_before = PARAGRAPH_GAP;
  style.space_after = PARAGRAPH_GAP;
  style.keep_with_next = TRUE;
  add_para (b, "QUYẾT ĐỊNH:", &style);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);

      add_article (b, article, i);
    }
}

/* Signature and recipients */

static void
add_signature (Builder *b)
{
  KhDocument *doc = b->doc;
  KhSigner *signer = kh_document_get_signer (doc);
  GListModel *recipients = kh_document_get_recipients (doc);
  const double fractions[] = { 0.4, 0.6 };
  KhLayoutBlock *columns = kh_layout_block_new_columns (2, fractions);
  KhParagraphStyle style;
  g_autoptr(GString) authority = g_string_new (NULL);

  style = style_new (RECIPIENTS_TITLE, TRUE, TRUE, KH_ALIGN_LEFT);
  column_para (columns, 0, "Nơi nhận:", &style);
  style = style_new (RECIPIENTS_SIZE, FALSE, FALSE, KH_ALIGN_LEFT);
  for (guint i = 0; recipients != NULL && i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(KhRecipient) recipient = g_list_model_get_item (recipients, i);
      g_autofree char *text = esc (kh_recipient_get_text (recipient));
      g_autofree char *markup = g_strdup_printf ("- %s;", text);

      column_para (columns, 0, markup, &style);
    }
  {
    /* The office of records (VT) keeps a copy even when nothing is named. */
    g_autofree char *archive = esc (is_blank (kh_document_get_archive (doc)) ? "VT"
                                                                           : kh_document_get_archive (doc));
    g_autofree char *initials = esc (kh_document_get_archive_initials (doc));
    g_autofree char *markup = NULL;

    markup = is_blank (kh_document_get_archive_initials (doc))
             ? g_strdup_printf ("- Lưu: %s.", archive)
             : g_strdup_printf ("- Lưu: %s<sup>%s</sup>.", archive, initials);
    column_para (columns, 0, markup, &style);
  }

  if (signer != NULL)
    {
      const char *prefix = kh_signer_get_prefix (signer);
      g_autofree char *name = esc (kh_signer_get_name (signer));

      if (!is_blank (prefix))
        {
          g_autofree char *who = kh_vn_upper (kh_signer_get_authority (signer));
          g_autofree char *line = g_strdup_printf ("%s %s", prefix, who);
          g_autofree char *markup = esc (line);

          g_string_append_printf (authority, "%s\n", markup);
        }
      {
        g_autofree char *title = kh_vn_upper (kh_signer_get_title (signer));
        g_autofree char *markup = esc (title);

        g_string_append (authority, markup);
      }
      style = centred_style (b, TRUE, FALSE);
      column_para (columns, 1, authority->str, &style);
      {
        /* Room for the signature and the seal. */
        g_autoptr(KhLayoutBlock) space = kh_layout_block_new_space (KH_MM_TO_PT (25));

        kh_layout_block_columns_add (columns, 1, space);
      }
      column_para (columns, 1, name, &style);
    }

  /* The signature never stands alone on a page. */
  if (b->last != NULL)
    kh_layout_block_set_keep_with_next (b->last, TRUE);
  add_space (b, PARAGRAPH_GAP);
  add_block (b, columns);
}

/* Task tables */

static const char *
status_word (KhTaskStatus status)
{
  switch (status)
    {
    case KH_TASK_STATUS_IN_PROGRESS:
      return "Đang thực hiện";
    case KH_TASK_STATUS_DONE:
      return "Hoàn thành";
    case KH_TASK_STATUS_CANCELLED:
      return "Hủy bỏ";
    case KH_TASK_STATUS_PLANNED:
    default:
      return "Chưa thực hiện";
    }
}

static char *
cell_text (KhTask        *task,
           KhColumnField  field,
           guint          number)
{
  const char *text;

  switch (field)
    {
    case KH_COLUMN_NUMBER:
      return g_strdup_printf ("%u", number);
    case KH_COLUMN_CONTENT:
      text = kh_task_get_content (task);
      break;
    case KH_COLUMN_PRODUCT:
      text = kh_task_get_product (task);
      break;
    case KH_COLUMN_LEAD:
      text = kh_task_get_lead (task);
      break;
    case KH_COLUMN_COOPERATING:
      text = kh_task_get_cooperating (task);
      break;
    case KH_COLUMN_TIMEFRAME:
      text = kh_task_get_timeframe (task);
      break;
    case KH_COLUMN_STATUS:
      text = status_word (kh_task_get_status (task));
      break;
    case KH_COLUMN_PROGRESS:
      return g_strdup_printf ("%d%%", kh_task_get_progress (task));
    case KH_COLUMN_NOTES:
      text = kh_task_get_notes (task);
      break;
    default:
      text = "";
      break;
    }
  return nfc_dup (text != NULL ? text : "");
}

static KhLayoutBlock *
table_block (KhTaskTable *table)
{
  GListModel *columns = kh_task_table_get_columns (table);
  GListModel *groups = kh_task_table_get_groups (table);
  guint n_cols = g_list_model_get_n_items (columns);
  g_autofree KhColumnField *fields = NULL;
  g_autofree char **cells = NULL;
  KhLayoutBlock *block;
  int group_number = 0;

  if (n_cols == 0)
    return NULL;

  block = kh_layout_block_new_table (n_cols, TABLE_SIZE);
  fields = g_new0 (KhColumnField, n_cols);
  cells = g_new0 (char *, n_cols + 1);
  for (guint c = 0; c < n_cols; c++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, c);
      g_autofree char *header = nfc_dup (kh_column_get_header (column));

      fields[c] = kh_column_get_field (column);
      kh_layout_block_table_set_header (block, c, header);
      if (fields[c] == KH_COLUMN_NUMBER || fields[c] == KH_COLUMN_PROGRESS)
        kh_layout_block_table_set_align (block, c, KH_ALIGN_CENTER);
    }

  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
      GListModel *tasks = kh_task_group_get_tasks (group);

      if (!is_blank (kh_task_group_get_title (group)))
        {
          g_autofree char *roman = kh_vn_roman (++group_number);
          g_autofree char *title = nfc_dup (kh_task_group_get_title (group));

          kh_layout_block_table_add_group (block, roman, title);
        }
      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(KhTask) task = g_list_model_get_item (tasks, t);

          for (guint c = 0; c < n_cols; c++)
            cells[c] = cell_text (task, fields[c], t + 1);
          kh_layout_block_table_add_row (block, (const char * const *) cells);
          for (guint c = 0; c < n_cols; c++)
            g_clear_pointer (&cells[c], g_free);
        }
    }
  return block;
}

static void
add_table (Builder     *b,
           KhTaskTable *table)
{
  KhLayoutBlock *block = table_block (table);

  if (block != NULL)
    add_block (b, block);
}

/* An appendix: its own pages and numbering, "PHỤ LỤC", title, reference. */
static void
add_appendix (Builder     *b,
              KhTaskTable *table,
              guint        index,
              guint        count,
              const char  *reference)
{
  guint n_cols = g_list_model_get_n_items (kh_task_table_get_columns (table));
  gboolean landscape = kh_task_table_get_landscape (table)
                       || (b->opts->landscape_wide_tables && n_cols >= 6);
  KhParagraphStyle style = centred_style (b, TRUE, FALSE);
  g_autofree char *heading = NULL;

  kh_layout_begin_section (b->layout, landscape, TRUE);
  if (count > 1)
    {
      g_autofree char *roman = kh_vn_roman (index + 1);

      heading = g_strdup_printf ("PHỤ LỤC %s", roman);
    }
  else
    heading = g_strdup ("PHỤ LỤC");
  style.keep_with_next = TRUE;
  add_para (b, heading, &style);
  if (!is_blank (kh_task_table_get_title (table)))
    {
      g_autofree char *upper = kh_vn_upper (kh_task_table_get_title (table));
      g_autofree char *markup = esc (upper);

      add_para (b, markup, &style);
    }
  {
    g_autofree char *markup = esc (reference);

    style = centred_style (b, FALSE, TRUE);
    style.keep_with_next = TRUE;
    style.space_after = 12;
    add_para (b, markup, &style);
  }
  add_table (b, table);
}

static void
add_plan_content (Builder    *b,
                  KhPlan     *plan,
                  gboolean    signature,
                  const char *appendix_reference)
{
  GListModel *tables = kh_plan_get_tables (plan);
  guint n_tables = g_list_model_get_n_items (tables);
  guint n_appendices = 0, appendix = 0;

  add_nodes (b, kh_plan_get_narrative (plan), 0);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, i);

      if (kh_task_table_get_appendix (table))
        n_appendices++;
      else
        add_table (b, table);
    }
  if (signature)
    add_signature (b);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, i);

      if (kh_task_table_get_appendix (table))
        add_appendix (b, table, appendix++, n_appendices, appendix_reference);
    }
}

static void
build (Builder *b)
{
  KhDocument *doc = b->doc;
  KhPlan *plan = kh_document_get_plan (doc);
  g_autofree char *number = number_symbol (doc);
  g_autofree char *date = short_date (doc);
  g_autofree char *agency = agency_in_sentence (kh_document_get_agency (doc));

  kh_layout_begin_section (b->layout, FALSE, TRUE);
  add_header (b);
  add_title (b, type_name (doc), kh_document_get_summary (doc), NULL);

  if (kh_document_get_kind (doc) == KH_DOCUMENT_KIND_DECISION)
    {
      KhDecision *decision = kh_document_get_decision (doc);

      if (decision != NULL)
        add_decision_body (b, decision);
      add_signature (b);

      if (plan != NULL)
        {
          const char *issued_by = kh_plan_get_issued_by (plan);
          g_autofree char *attached = g_strdup_printf ("(Ban hành kèm theo Quyết định số %s ngày %s của %s)",
                                                       number, date,
                                                       is_blank (issued_by) ? agency : issued_by);
          g_autofree char *reference = g_strdup_printf ("(Kèm theo Kế hoạch ban hành kèm theo Quyết định số %s ngày %s của %s)",
                                                        number, date,
                                                        is_blank (issued_by) ? agency : issued_by);

          /* The attached plan opens its own pages. */
          kh_layout_begin_section (b->layout, FALSE, TRUE);
          add_title (b, "Kế hoạch", kh_plan_get_summary (plan), attached);
          add_plan_content (b, plan, FALSE, reference);
        }
    }
  else if (plan != NULL)
    {
      g_autofree char *reference = g_strdup_printf ("(Kèm theo Kế hoạch số %s ngày %s của %s)",
                                                    number, date, agency);

      add_plan_content (b, plan, TRUE, reference);
    }
  else
    add_signature (b);
}

KhRenderedDocument *
kh_render_layout (KhDocument            *document,
                  const KhRenderOptions *options,
                  GError               **error)
{
  KhRenderOptions defaults;
  KhPageSetup setup;
  g_autoptr(KhLayout) layout = NULL;
  KhRenderedDocument *rd;
  Builder b = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      kh_render_options_init (&defaults);
      options = &defaults;
    }
  if (!kh_render_options_validate (options, error))
    return NULL;

  kh_page_setup_init_default (&setup);
  setup.margin_top = KH_MM_TO_PT (options->margin_top);
  setup.margin_bottom = KH_MM_TO_PT (options->margin_bottom);
  setup.margin_left = KH_MM_TO_PT (options->margin_left);
  setup.margin_right = KH_MM_TO_PT (options->margin_right);
  setup.page_number_size = 13;
  layout = kh_layout_new (&setup);

  b.doc = document;
  b.opts = options;
  b.layout = layout;
  b.size = options->font_size;
  build (&b);

  rd = kh_layout_paginate (layout);
  summary = kh_document_dup_title (document);
  title = g_strdup_printf ("%s %s", type_name (document), summary != NULL ? summary : "");
  kh_rendered_document_set_title (rd, g_strstrip (title));
  kh_rendered_document_set_author (rd, kh_document_get_agency (document));
  return rd;
}

gboolean
kh_render_document_to_pdf (KhDocument            *document,
                           const KhRenderOptions *options,
                           const char            *path,
                           GError               **error)
{
  g_autoptr(KhRenderedDocument) rd = NULL;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rd = kh_render_layout (document, options, error);
  return rd != NULL && kh_rendered_document_save_pdf (rd, path, error);
}

gboolean
kh_render_document_to_stream (KhDocument            *document,
                              const KhRenderOptions *options,
                              GOutputStream         *stream,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(KhRenderedDocument) rd = NULL;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  rd = kh_render_layout (document, options, error);
  return rd != NULL && kh_rendered_document_write_pdf (rd, stream, cancellable, error);
}

gboolean
kh_render_page_to_png (KhDocument            *document,
                       const KhRenderOptions *options,
                       guint                  page,
                       double                 dpi,
                       const char            *path,
                       GError               **error)
{
  g_autoptr(KhRenderedDocument) rd = NULL;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rd = kh_render_layout (document, options, error);
  return rd != NULL && kh_rendered_document_save_png (rd, page, dpi, path, error);
}
