/* kh-shaper.c — paragraphs broken into lines from words shaped once
 *
 * The rules follow PangoLayout (pango 1.50) with PANGO_WRAP_WORD_CHAR,
 * unhinted metrics and unrounded glyph positions, so that a paragraph
 * comes out the same whichever path lays it out (tests/test-render-shaper.c
 * compares the two):
 * - a line breaks after a run of spaces, when the next word does not fit;
 *   the spaces stay at the end of the broken line, taking no width;
 * - a word and the spaces after it must fit for the line to end after it;
 * - a line's height is the largest ascent plus the largest descent of its
 *   fonts, lines are stacked without leading;
 * - the first line of each hard paragraph is indented, unless centred;
 * - a justified line that broke is widened at its spaces, the extra width
 *   shared out in whole Pango units from left to right.
 */
#include <string.h>

#include "kh-shaper.h"

typedef struct {
  double         size;
  gboolean       bold;
  gboolean       italic;
  PangoFont     *font;
  PangoAnalysis  analysis;
  int            ascent;         /* Pango units, as Pango's line extents take them */
  int            descent;
  int            safe_distance;  /* Pango measures break points closer than this to the edge */
  int            space_width;
  GHashTable    *kern_after;     /* a word's last cluster → its kerning with a space after it */
  GHashTable    *kern_before;    /* a word's first cluster → the kerning of a space before it */
} ShaperFont;

/* A word, or a run of spaces, in one font: shaped once, kept. */
typedef struct {
  const ShaperFont     *font;
  char                 *text;
  int                   length;
  guint                 hash;
  PangoGlyphString     *glyphs;  /* NULL: the font lacks a glyph */
  int                   width;
  int                   n_drawn; /* glyphs other than PANGO_GLYPH_EMPTY */
  int                   n_clusters;
  cairo_text_cluster_t *clusters;
  /* Kerning of a word with a space after it (added to the word's last
   * glyph) and with a space before it (added to the space) */
  int                   kern_space_after;
  int                   kern_space_before;
} Piece;

/* A piece placed in the paragraph being broken. */
typedef struct {
  const Piece *piece;
  int          offset;           /* of the piece in the paragraph's text */
  gboolean     space;
  gboolean     last;             /* ends a hard paragraph */
  gboolean     no_break;         /* spaces a line may not break after */
  guint        span;             /* Pango starts a new item, unkerned, at each span */
  int          kern;             /* added to its last glyph when the next item follows on the line */
} Item;

typedef struct {
  int      first_item;
  int      n_items;              /* trailing spaces included */
  int      width;                /* Pango units, the space it broke after excluded */
  int      remaining;            /* what justification spreads */
  gboolean broken;               /* ended because the next word did not fit */
  gboolean para_start;
} LineInfo;

typedef struct {
  int               end;         /* byte offset where the span ends */
  const ShaperFont *font;
} Span;

struct _KhShaper
{
  PangoContext  *context;
  char          *family;
  PangoLanguage *language;
  GPtrArray     *fonts;          /* ShaperFont */
  GHashTable    *pieces;         /* Piece, key and value */
  /* Scratch arrays, reused by every paragraph */
  GArray        *spans;
  GArray        *items;
  GArray        *lines;
};

static void
shaper_font_free (gpointer data)
{
  ShaperFont *font = data;

  g_clear_object (&font->font);
  g_clear_pointer (&font->kern_after, g_hash_table_unref);
  g_clear_pointer (&font->kern_before, g_hash_table_unref);
  g_free (font);
}

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_free (piece->text);
  g_clear_pointer (&piece->glyphs, pango_glyph_string_free);
  g_free (piece->clusters);
  g_free (piece);
}

static guint
piece_hash (gconstpointer key)
{
  return ((const Piece *) key)->hash;
}

static gboolean
piece_equal (gconstpointer a,
             gconstpointer b)
{
  const Piece *x = a, *y = b;

  return x->font == y->font && x->length == y->length && memcmp (x->text, y->text, x->length) == 0;
}

KhShaper *
kh_shaper_new (PangoContext *context,
               const char   *family)
{
  KhShaper *self = g_new0 (KhShaper, 1);

  self->context = g_object_ref (context);
  self->family = g_strdup (family);
  self->language = pango_context_get_language (context);
  self->fonts = g_ptr_array_new_with_free_func (shaper_font_free);
  self->pieces = g_hash_table_new_full (piece_hash, piece_equal, piece_free, NULL);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  return self;
}

void
kh_shaper_free (KhShaper *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->pieces);
  g_ptr_array_unref (self->fonts);
  g_array_unref (self->spans);
  g_array_unref (self->items);
  g_array_unref (self->lines);
  g_object_unref (self->context);
  g_free (self->family);
  g_free (self);
}

/* The font Pango would pick for text covered by the family. */
static const ShaperFont *
get_font (KhShaper *self,
          double    size,
          gboolean  bold,
          gboolean  italic)
{
  PangoFontDescription *desc;
  PangoRectangle logical;
  ShaperFont *font;

  for (guint i = 0; i < self->fonts->len; i++)
    {
      font = g_ptr_array_index (self->fonts, i);
      if (font->size == size && font->bold == bold && font->italic == italic)
        return font->font != NULL ? font : NULL;
    }

  font = g_new0 (ShaperFont, 1);
  font->size = size;
  font->bold = bold;
  font->italic = italic;
  g_ptr_array_add (self->fonts, font);

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, self->family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  font->font = pango_context_load_font (self->context, desc);
  pango_font_description_free (desc);
  if (font->font == NULL)
    return NULL;

  font->analysis.font = font->font;
  font->analysis.level = 0;
  font->analysis.gravity = PANGO_GRAVITY_SOUTH;
  font->analysis.script = G_UNICODE_SCRIPT_LATIN;
  font->analysis.language = self->language;
  /* Every glyph of a font has the same logical box, the font's extents:
   * take that of a space. */
  {
    PangoGlyphString *glyphs = pango_glyph_string_new ();

    pango_shape_with_flags (" ", 1, " ", 1, &font->analysis, glyphs, PANGO_SHAPE_NONE);
    pango_font_get_glyph_extents (font->font, glyphs->num_glyphs > 0 ? glyphs->glyphs[0].glyph : 0,
                                  NULL, &logical);
    font->space_width = pango_glyph_string_get_width (glyphs);
    pango_glyph_string_free (glyphs);
  }
  font->kern_after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  font->kern_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  font->ascent = -logical.y;
  font->descent = logical.height + logical.y;
  {
    PangoFontMetrics *metrics = pango_font_get_metrics (font->font, self->language);

    font->safe_distance = 3 * pango_font_metrics_get_approximate_char_width (metrics);
    pango_font_metrics_unref (metrics);
  }
  return font;
}

/* What shaping a cluster of a word's edge with a space beside it changes
 * in their width: the kerning Pango gets shaping a line as one run. Kept
 * per cluster: words share their first and last letters. */
static int
space_kern (const ShaperFont *font,
            const char       *cluster,
            int               length,
            gboolean          space_after)
{
  GHashTable *cache = space_after ? font->kern_after : font->kern_before;
  char pair[32];
  gpointer found;
  int n_alone, kern = 0;
  PangoGlyphString *glyphs;

  if (length + 1 >= (int) sizeof pair)
    return 0;
  memcpy (pair, cluster, length);
  pair[length] = '\0';
  if (g_hash_table_lookup_extended (cache, pair, NULL, &found))
    return GPOINTER_TO_INT (found);

  glyphs = pango_glyph_string_new ();
  pango_shape_with_flags (pair, length, pair, length, &font->analysis, glyphs, PANGO_SHAPE_NONE);
  n_alone = glyphs->num_glyphs;
  kern -= pango_glyph_string_get_width (glyphs) + font->space_width;
  if (space_after)
    {
      pair[length] = ' ';
      pair[length + 1] = '\0';
    }
  else
    {
      memmove (pair + 1, pair, length);
      pair[0] = ' ';
      pair[length + 1] = '\0';
    }
  pango_shape_with_flags (pair, length + 1, pair, length + 1, &font->analysis, glyphs, PANGO_SHAPE_NONE);
  kern += pango_glyph_string_get_width (glyphs);
  if (glyphs->num_glyphs != n_alone + 1)
    kern = 0;   /* not the same glyphs: not a kerning */
  pango_glyph_string_free (glyphs);

  g_hash_table_insert (cache, g_strndup (space_after ? pair : pair + 1, length), GINT_TO_POINTER (kern));
  return kern;
}

/* Shapes a piece of text once per font; NULL when a glyph is missing. */
static const Piece *
get_piece (KhShaper         *self,
           const ShaperFont *font,
           const char       *text,
           int               length)
{
  Piece key = { .font = font, .text = (char *) text, .length = length };
  Piece *piece;
  PangoGlyphString *glyphs;
  int n_clusters = 0;

  /* FNV-1a over the bytes and the font */
  key.hash = 2166136261u ^ GPOINTER_TO_UINT (font);
  for (int i = 0; i < length; i++)
    key.hash = (key.hash ^ (guchar) text[i]) * 16777619u;

  piece = g_hash_table_lookup (self->pieces, &key);
  if (piece != NULL)
    return piece->glyphs != NULL ? piece : NULL;

  piece = g_new0 (Piece, 1);
  *piece = key;
  piece->text = g_strndup (text, length);
  g_hash_table_add (self->pieces, piece);

  glyphs = pango_glyph_string_new ();
  pango_shape_with_flags (piece->text, length, piece->text, length, &font->analysis, glyphs, PANGO_SHAPE_NONE);
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyph glyph = glyphs->glyphs[i].glyph;

      if (glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
        {
          pango_glyph_string_free (glyphs);
          return NULL;
        }
    }

  /* Clusters as cairo takes them: left to right text, so glyphs and
   * bytes run in the same order. */
  piece->clusters = g_new (cairo_text_cluster_t, MAX (glyphs->num_glyphs, 1));
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      int start = glyphs->log_clusters[i];
      int end;
      int drawn = 0;
      int j = i;

      for (; j < glyphs->num_glyphs && glyphs->log_clusters[j] == start; j++)
        drawn += glyphs->glyphs[j].glyph != PANGO_GLYPH_EMPTY;
      end = j < glyphs->num_glyphs ? glyphs->log_clusters[j] : length;
      if (end <= start)
        {
          /* Not left to right after all */
          pango_glyph_string_free (glyphs);
          return NULL;
        }
      piece->clusters[n_clusters++] = (cairo_text_cluster_t) { end - start, drawn };
      piece->n_drawn += drawn;
      i = j - 1;
    }
  if (glyphs->num_glyphs == 0 || glyphs->log_clusters[0] != 0)
    {
      pango_glyph_string_free (glyphs);
      return NULL;
    }
  piece->n_clusters = n_clusters;
  piece->width = pango_glyph_string_get_width (glyphs);
  piece->glyphs = glyphs;
  if (text[0] != ' ')
    {
      int last = length - piece->clusters[n_clusters - 1].num_bytes;

      piece->kern_space_after = space_kern (font, text + last, length - last, TRUE);
      piece->kern_space_before = space_kern (font, text, piece->clusters[0].num_bytes, FALSE);
    }
  return piece;
}

/* Characters the shaper takes: Latin, Vietnamese, common punctuation and
 * symbols, combining marks. Not: controls, tabs, other scripts (they may
 * need another font, or run right to left), spaces other than U+0020 that
 * allow a break, zero-width and direction marks, soft hyphens. */
static gboolean
char_is_simple (gunichar c)
{
  GUnicodeScript script;

  if (c < 0x80)
    return c >= 0x20 && c != 0x7f;
  if (c < 0xa0 || c == 0xad)
    return FALSE;
  if (c < 0x250 || (c >= 0x300 && c < 0x370) || (c >= 0x1e00 && c < 0x1f00))
    return TRUE;
  if ((c >= 0x2000 && c < 0x2010) || (c >= 0x2028 && c < 0x2030) || (c >= 0x205f && c < 0x2070)
      || c == 0xfeff || (c >= 0xfff0 && c <= 0xffff))
    return FALSE;
  script = g_unichar_get_script (c);
  return (script == G_UNICODE_SCRIPT_LATIN || script == G_UNICODE_SCRIPT_COMMON
          || script == G_UNICODE_SCRIPT_INHERITED)
         && g_unichar_type (c) != G_UNICODE_CONTROL && g_unichar_type (c) != G_UNICODE_FORMAT
         && g_unichar_type (c) != G_UNICODE_LINE_SEPARATOR && g_unichar_type (c) != G_UNICODE_PARAGRAPH_SEPARATOR
         && g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR;
}

/* The fonts of the text, from the paragraph style and its bold and italic
 * spans; FALSE for any other attribute. */
static gboolean
find_spans (KhShaper               *self,
            const KhParagraphStyle *style,
            PangoAttrList          *attrs,
            int                     length)
{
  PangoAttrIterator *iter;
  gboolean ok = TRUE;

  g_array_set_size (self->spans, 0);
  if (attrs == NULL)
    {
      Span span = { length, get_font (self, style->size, style->bold, style->italic) };

      g_array_append_val (self->spans, span);
      return span.font != NULL;
    }

  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      int start, end;
      gboolean bold = style->bold, italic = style->italic;
      GSList *list;

      pango_attr_iterator_range (iter, &start, &end);
      if (start >= length)
        break;
      list = pango_attr_iterator_get_attrs (iter);
      for (GSList *l = list; l != NULL; l = l->next)
        {
          const PangoAttribute *attr = l->data;

          if (attr->klass->type == PANGO_ATTR_WEIGHT
              && (((const PangoAttrInt *) attr)->value == PANGO_WEIGHT_BOLD
                  || ((const PangoAttrInt *) attr)->value == PANGO_WEIGHT_NORMAL))
            bold = ((const PangoAttrInt *) attr)->value == PANGO_WEIGHT_BOLD;
          else if (attr->klass->type == PANGO_ATTR_STYLE
                   && (((const PangoAttrInt *) attr)->value == PANGO_STYLE_ITALIC
                       || ((const PangoAttrInt *) attr)->value == PANGO_STYLE_NORMAL))
            italic = ((const PangoAttrInt *) attr)->value == PANGO_STYLE_ITALIC;
          else
            ok = FALSE;
        }
      g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
      if (end > start)
        {
          Span span = { MIN (end, length), get_font (self, style->size, bold, italic) };

          ok &= span.font != NULL;
          g_array_append_val (self->spans, span);
        }
    }
  while (ok && pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  return ok && self->spans->len > 0 && g_array_index (self->spans, Span, self->spans->len - 1).end == length;
}

int
kh_shaper_word_width (KhShaper   *self,
                      double      size,
                      gboolean    bold,
                      const char *word,
                      int         length)
{
  const ShaperFont *font = get_font (self, size, bold, FALSE);
  const Piece *piece = font != NULL && length > 0 ? get_piece (self, font, word, length) : NULL;

  return piece != NULL ? piece->width : -1;
}

void
kh_para_clear_lines (KhPara *para)
{
  g_clear_pointer (&para->text, g_free);
  g_clear_pointer (&para->lines, g_free);
  g_clear_pointer (&para->runs, g_free);
  g_clear_pointer (&para->glyphs, g_free);
  g_clear_pointer (&para->clusters, g_free);
}

/* Splits [start, end) at the span ends into items; FALSE when a glyph is
 * missing. Adds the width to *width. */
static gboolean
add_items (KhShaper   *self,
           const char *text,
           int         start,
           int         end,
           gboolean    space,
           guint      *span,
           int        *width)
{
  while (start < end)
    {
      const Span *s;
      Item item;
      int stop;

      while (g_array_index (self->spans, Span, *span).end <= start)
        (*span)++;
      s = &g_array_index (self->spans, Span, *span);
      stop = MIN (end, s->end);
      item.piece = get_piece (self, s->font, text + start, stop - start);
      if (item.piece == NULL)
        return FALSE;
      item.offset = start;
      item.space = space;
      item.last = FALSE;
      item.no_break = FALSE;
      item.kern = 0;
      item.span = *span;
      g_array_append_val (self->items, item);
      *width += item.piece->width;
      start = stop;
    }
  return TRUE;
}

static const Item *
item_at (KhShaper *self,
         int       index)
{
  return &g_array_index (self->items, Item, index);
}

static Item *
item_ref (KhShaper *self,
          int       index)
{
  return &g_array_index (self->items, Item, index);
}

static int
last_glyph_width (const Item *item)
{
  const PangoGlyphString *glyphs = item->piece->glyphs;

  return glyphs->glyphs[glyphs->num_glyphs - 1].geometry.width;
}

/* Splits the text into items, words and runs of spaces in one font, with
 * the kerning between neighbours; FALSE when it needs Pango. */
static gboolean
find_items (KhShaper   *self,
            const char *text,
            int         length)
{
  guint span = 0;
  int pos = 0;

  g_array_set_size (self->items, 0);
  while (pos < length)
    {
      int end = pos, width = 0;
      gboolean space = text[pos] == ' ';

      if (text[pos] == '\n')
        {
          if (self->items->len == 0 || item_ref (self, self->items->len - 1)->last || pos + 1 == length)
            return FALSE;   /* an empty line: Pango measures those its own way */
          item_ref (self, self->items->len - 1)->last = TRUE;
          pos++;
          continue;
        }
      if (space)
        while (end < length && text[end] == ' ')
          end++;
      else
        while (end < length && text[end] != ' ' && text[end] != '\n')
          {
            const char *p = text + end;
            gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char_validated (p, length - end);

            if (c == (gunichar) -1 || c == (gunichar) -2 || !char_is_simple (c))
              return FALSE;
            end = g_utf8_next_char (p) - text;
          }
      if (!add_items (self, text, pos, end, space, &span, &width))
        return FALSE;
      pos = end;
    }
  if (self->items->len == 0)
    return FALSE;
  item_ref (self, self->items->len - 1)->last = TRUE;

  /* The line breaking rules that hold across spaces (UAX #14, LB13–17):
   * no break before closing punctuation, "!", ";", "/", "..." nor after an
   * opening bracket, even with spaces between. */
  for (guint i = 0; i + 1 < self->items->len; i++)
    {
      Item *item = item_ref (self, i);
      const Item *next = item_at (self, i + 1);
      GUnicodeBreakType after, before = G_UNICODE_BREAK_SPACE;

      if (!item->space || next->space || item->last)
        continue;
      after = g_unichar_break_type (g_utf8_get_char (text + next->offset));
      for (guint j = i; j-- > 0;)
        if (!item_at (self, j)->space)
          {
            const Item *word = item_at (self, j);

            before = g_unichar_break_type (g_utf8_get_char (g_utf8_find_prev_char (text, text + word->offset
                                                                                    + word->piece->length)));
            break;
          }
        else if (item_at (self, j)->last)
          break;
      item->no_break = after == G_UNICODE_BREAK_CLOSE_PUNCTUATION || after == G_UNICODE_BREAK_CLOSE_PARANTHESIS
                       || after == G_UNICODE_BREAK_EXCLAMATION || after == G_UNICODE_BREAK_INFIX_SEPARATOR
                       || after == G_UNICODE_BREAK_SYMBOL || after == G_UNICODE_BREAK_WORD_JOINER
                       || before == G_UNICODE_BREAK_OPEN_PUNCTUATION
                       || (before == G_UNICODE_BREAK_QUOTATION && after == G_UNICODE_BREAK_OPEN_PUNCTUATION)
                       || ((before == G_UNICODE_BREAK_CLOSE_PUNCTUATION || before == G_UNICODE_BREAK_CLOSE_PARANTHESIS)
                           && after == G_UNICODE_BREAK_NON_STARTER)
                       || (before == G_UNICODE_BREAK_BEFORE_AND_AFTER && after == G_UNICODE_BREAK_BEFORE_AND_AFTER);
    }

  /* Pango shapes the text of each attribute span as one run: a word and the
   * space beside it kern. */
  for (guint i = 0; i + 1 < self->items->len; i++)
    {
      Item *item = item_ref (self, i), *next = item_ref (self, i + 1);

      if (item->last || item->span != next->span || item->space == next->space)
        continue;
      item->kern = item->space ? next->piece->kern_space_before : item->piece->kern_space_after;
    }
  return TRUE;
}

/* Breaks the items into self->lines at Pango's break points: after a run
 * of spaces, the last one where the line up to it, less that last space,
 * fits. Pango measures that last space as it was shaped within the whole
 * paragraph, kerned with the next word; what is left for justification
 * depends on it too, unless the break is far from the edge, where Pango
 * takes its first estimate. FALSE when a word does not fit a line of its
 * own. */
static gboolean
break_lines (KhShaper *self,
             int       width,
             int       indent)
{
  int n = self->items->len;
  int first = 0;
  gboolean para_start = TRUE;

  g_array_set_size (self->lines, 0);
  while (first < n)
    {
      int avail = width - (para_start ? indent : 0);
      int prefix = 0;                /* items first..i, kerns between them */
      int best = -1, best_fit = 0, best_used = 0, best_prefix = 0;
      LineInfo line = { first, 0, 0, 0, FALSE, para_start };

      for (int i = first; i < n; i++)
        {
          const Item *item = item_at (self, i);
          const Item *next = i + 1 < n ? item_at (self, i + 1) : NULL;
          int fit, used;

          prefix += item->piece->width;
          if (item->last)
            fit = used = prefix - (item->space ? last_glyph_width (item) : 0);
          else if (item->space && next != NULL && !next->space && !item->no_break)
            {
              fit = prefix - last_glyph_width (item) - item->kern;
              if (next->span != item->span)
                used = prefix;     /* the space ends a Pango item, which fitted whole */
              else if (fit + item->kern < avail - item->piece->font->safe_distance)
                used = fit + item->kern;
              else
                used = fit;
            }
          else
            {
              prefix += item->kern;
              continue;   /* not a break point */
            }
          if (fit > avail && best >= 0)
            break;
          best = i;
          best_fit = fit;
          best_used = used;
          best_prefix = prefix;
          if (fit > avail || item->last)
            break;
          prefix += item->kern;
        }
      if (best_fit > avail)
        return FALSE;   /* a word wider than the line: Pango breaks it */

      line.n_items = best - first + 1;
      line.broken = !item_at (self, best)->last;
      line.width = best_prefix - (line.broken ? last_glyph_width (item_at (self, best)) : 0);
      line.remaining = avail - best_used;
      g_array_append_val (self->lines, line);
      para_start = item_at (self, best)->last;
      first = best + 1;
    }
  return TRUE;
}

#define UNITS_ROUND(d) (((d) + (PANGO_SCALE >> 1)) & ~(PANGO_SCALE - 1))

/* The glyphs of a line being placed: advance as shaped (kerning included,
 * the hidden space 0), and what justification adds. */
typedef struct {
  int  advance;
  int  extra;
  int  offset;
  gboolean space;
  gboolean cluster_start;
} LineGlyph;

/* Justifies a broken line as Pango does: `remaining` goes to its spaces in
 * proportion to their widths; a line without spaces is letter-spaced
 * between its clusters instead. Returns the width added. */
static int
justify_line (LineGlyph *glyphs,
              int        n,
              int        remaining)
{
  gboolean hinted = (remaining & (PANGO_SCALE - 1)) == 0;
  gint64 total = 0, so_far = 0;
  int added = 0, gaps = 0, gap = 0, residual = 0, last_glyph = -1, last_right = 0;

  for (int k = 0; k < n; k++)
    if (glyphs[k].space)
      total += glyphs[k].advance;

  if (total > 0)
    {
      for (int k = 0; k < n; k++)
        {
          int share;

          if (!glyphs[k].space || glyphs[k].advance == 0)
            continue;
          so_far += glyphs[k].advance;
          share = (int) (so_far * remaining / total) - added;
          if (hinted)
            share = UNITS_ROUND (share);
          glyphs[k].extra += share;
          added += share;
        }
      return added;
    }

  /* Clusters with some width, letter-spaced */
  for (int pass = 0; pass < 2; pass++)
    {
      for (int k = 0; k < n;)
        {
          int end = k + 1, w = glyphs[k].advance;

          while (end < n && !glyphs[end].cluster_start)
            w += glyphs[end++].advance;
          if (w != 0 && pass == 0)
            gaps++;
          else if (w != 0)
            {
              int adjustment = remaining / (gaps - 1) + residual;
              int left, right;

              if (hinted)
                {
                  int exact = adjustment;

                  adjustment = UNITS_ROUND (adjustment);
                  residual = exact - adjustment;
                }
              left = adjustment / 2;
              if ((adjustment & (PANGO_SCALE - 1)) == 0)
                left = UNITS_ROUND (left);
              right = adjustment - left;
              if (gap++ > 0)
                {
                  glyphs[k].extra += left;
                  glyphs[k].offset += left;
                  added += left;
                }
              last_glyph = end - 1;
              last_right = right;
              glyphs[last_glyph].extra += right;
              added += right;
            }
          k = end;
        }
      if (pass == 0 && gaps < 2)
        return 0;   /* a single cluster: nothing to spread */
    }
  /* Nothing after the last cluster */
  glyphs[last_glyph].extra -= last_right;
  return added - last_right;
}

gboolean
kh_shaper_layout (KhShaper      *self,
                  KhPara        *para,
                  const char    *text,
                  PangoAttrList *attrs,
                  int            width)
{
  const KhParagraphStyle *style = &para->style;
  int length = strlen (text);
  /* Pango ignores the indent of centred text */
  int indent = style->align == KH_ALIGN_CENTER ? 0 : (int) (style->first_indent * PANGO_SCALE);
  int n_runs = 0, n_glyphs = 0, n_clusters = 0, max_line_glyphs = 0;
  int run_i = 0, glyph_i = 0, cluster_i = 0;
  int top = 0;
  g_autofree LineGlyph *line_glyphs = NULL;

  g_return_val_if_fail (para->layout == NULL && para->lines == NULL, FALSE);

  if (length == 0 || indent < 0 || !find_spans (self, style, attrs, length)
      || !find_items (self, text, length) || !break_lines (self, width, indent))
    return FALSE;

  /* Sizes first: a run per change of font on a line */
  for (guint l = 0; l < self->lines->len; l++)
    {
      const LineInfo *line = &g_array_index (self->lines, LineInfo, l);
      const ShaperFont *font = NULL;
      int count = 0;

      for (int i = line->first_item; i < line->first_item + line->n_items; i++)
        {
          const Item *item = item_at (self, i);

          if (item->piece->font != font)
            n_runs++;
          font = item->piece->font;
          count += item->piece->glyphs->num_glyphs;
          n_clusters += item->piece->n_clusters;
        }
      n_glyphs += count;
      max_line_glyphs = MAX (max_line_glyphs, count);
    }

  para->text = g_strndup (text, length);
  para->n_lines = self->lines->len;
  para->lines = g_new0 (KhLine, para->n_lines);
  para->line_top = g_new (double, para->n_lines + 1);
  para->runs = g_new0 (KhGlyphRun, MAX (n_runs, 1));
  para->glyphs = g_new (cairo_glyph_t, MAX (n_glyphs, 1));
  para->clusters = g_new (cairo_text_cluster_t, MAX (n_clusters, 1));
  line_glyphs = g_new (LineGlyph, MAX (max_line_glyphs, 1));

  for (guint l = 0; l < self->lines->len; l++)
    {
      const LineInfo *info = &g_array_index (self->lines, LineInfo, l);
      int last_item = info->first_item + info->n_items - 1;
      KhLine *line = &para->lines[l];
      int line_width = info->width;
      int ascent = 0, descent = 0, pen = 0, k = 0, x;
      KhGlyphRun *run = NULL;

      /* Advances as Pango shapes the line */
      for (int i = info->first_item; i <= last_item; i++)
        {
          const Item *item = item_at (self, i);
          const PangoGlyphString *glyphs = item->piece->glyphs;

          for (int g = 0; g < glyphs->num_glyphs; g++, k++)
            {
              LineGlyph *lg = &line_glyphs[k];

              lg->advance = glyphs->glyphs[g].geometry.width;
              lg->extra = lg->offset = 0;
              lg->space = item->space;
              lg->cluster_start = g == 0 || glyphs->log_clusters[g] != glyphs->log_clusters[g - 1];
            }
          if (i < last_item)
            line_glyphs[k - 1].advance += item->kern;
          else if (info->broken && item->space)
            line_glyphs[k - 1].advance = 0;   /* the space it broke after */
        }
      if (style->align == KH_ALIGN_JUSTIFY && info->broken && info->remaining > 0)
        line_width += justify_line (line_glyphs, k, info->remaining);

      switch (style->align)
        {
        case KH_ALIGN_CENTER:
          x = (width - line_width) / 2;
          if (((width | line_width) & (PANGO_SCALE - 1)) == 0)
            x = UNITS_ROUND (x);
          break;
        case KH_ALIGN_RIGHT:
          x = width - line_width - (info->para_start ? indent : 0);
          break;
        case KH_ALIGN_LEFT:
        case KH_ALIGN_JUSTIFY:
        default:
          x = info->para_start ? indent : 0;
          break;
        }

      line->first_run = run_i;
      k = 0;
      for (int i = info->first_item; i <= last_item; i++)
        {
          const Item *item = item_at (self, i);
          const Piece *piece = item->piece;
          const PangoGlyphString *glyphs = piece->glyphs;
          gboolean hides_space = i == last_item && info->broken && item->space;

          if (run == NULL || run->font != piece->font->font)
            {
              run = &para->runs[run_i++];
              run->font = piece->font->font;
              run->text_offset = item->offset;
              run->first_glyph = glyph_i;
              run->first_cluster = cluster_i;
            }
          run->text_length = item->offset + piece->length - run->text_offset;
          ascent = MAX (ascent, piece->font->ascent);
          descent = MAX (descent, piece->font->descent);

          for (int g = 0; g < glyphs->num_glyphs; g++, k++)
            {
              const PangoGlyphInfo *gi = &glyphs->glyphs[g];
              const LineGlyph *lg = &line_glyphs[k];

              if (gi->glyph != PANGO_GLYPH_EMPTY && !(hides_space && g == glyphs->num_glyphs - 1))
                {
                  para->glyphs[glyph_i].index = gi->glyph;
                  para->glyphs[glyph_i].x = (double) (pen + gi->geometry.x_offset + lg->offset) / PANGO_SCALE;
                  para->glyphs[glyph_i].y = (double) gi->geometry.y_offset / PANGO_SCALE;
                  glyph_i++;
                }
              pen += lg->advance + lg->extra;
            }
          memcpy (para->clusters + cluster_i, piece->clusters, piece->n_clusters * sizeof (cairo_text_cluster_t));
          if (hides_space)
            para->clusters[cluster_i + piece->n_clusters - 1].num_glyphs = 0;
          cluster_i += piece->n_clusters;
          run->n_glyphs = glyph_i - run->first_glyph;
          run->n_clusters = cluster_i - run->first_cluster;
        }
      line->n_runs = run_i - line->first_run;
      line->x = (double) x / PANGO_SCALE;
      line->width = (double) line_width / PANGO_SCALE;
      para->line_top[l] = (double) top / PANGO_SCALE;
      line->baseline = (double) (top + ascent) / PANGO_SCALE;
      top += ascent + descent;
    }
  para->line_top[para->n_lines] = (double) top / PANGO_SCALE;
  return TRUE;
}
