/* kh-layout.c — measures blocks with Pango and paginates them */
#include <math.h>
#include <string.h>

#include "kh-layout.h"
#include "kh-layout-private.h"
#include "kh-shaper.h"

typedef struct {
  gboolean   landscape;
  gboolean   restart_numbering;
  GPtrArray *blocks;             /* KhLayoutBlock */
} KhSection;

struct _KhLayout
{
  GObject       parent_instance;

  KhPageSetup   setup;
  PangoFontMap *font_map;
  PangoContext *context;
  char         *family;
  GPtrArray    *sections;        /* KhSection */
};

G_DEFINE_FINAL_TYPE (KhLayout, kh_layout, G_TYPE_OBJECT)

void
kh_page_setup_init_default (KhPageSetup *setup)
{
  g_return_if_fail (setup != NULL);

  setup->page_width = KH_A4_WIDTH_PT;
  setup->page_height = KH_A4_HEIGHT_PT;
  setup->margin_top = KH_MM_TO_PT (20);
  setup->margin_bottom = KH_MM_TO_PT (20);
  setup->margin_left = KH_MM_TO_PT (30);
  setup->margin_right = KH_MM_TO_PT (15);
  setup->page_number_size = 13;
}

static void
section_free (gpointer data)
{
  KhSection *section = data;

  g_ptr_array_unref (section->blocks);
  g_free (section);
}

static void
kh_layout_finalize (GObject *object)
{
  KhLayout *self = KH_LAYOUT (object);

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->family, g_free);

  G_OBJECT_CLASS (kh_layout_parent_class)->finalize (object);
}

static void
kh_layout_class_init (KhLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_layout_finalize;
}

static char *
pick_family (PangoFontMap *font_map)
{
  /* Times New Roman is the nd30 font; the others are metric-compatible
   * with it and cover Vietnamese. */
  static const char * const wanted[] = { "Times New Roman", "Liberation Serif", "Tinos" };
  PangoFontFamily **families = NULL;
  int n_families = 0;
  char *found = NULL;

  pango_font_map_list_families (font_map, &families, &n_families);
  for (guint w = 0; w < G_N_ELEMENTS (wanted) && found == NULL; w++)
    for (int i = 0; i < n_families; i++)
      if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), wanted[w]) == 0)
        {
          found = g_strdup (wanted[w]);
          break;
        }
  g_free (families);

  return found != NULL ? found : g_strdup ("serif");
}

static void
kh_layout_init (KhLayout *self)
{
  cairo_font_options_t *options;

  kh_page_setup_init_default (&self->setup);
  self->sections = g_ptr_array_new_with_free_func (section_free);

  /* A private font map: pagination may run on a worker thread. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* Unhinted metrics: the same line breaks on paper, PNG and screen. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("vi"));

  self->family = pick_family (self->font_map);
}

KhLayout *
kh_layout_new (const KhPageSetup *setup)
{
  KhLayout *self = g_object_new (KH_TYPE_LAYOUT, NULL);

  if (setup != NULL)
    self->setup = *setup;
  return self;
}

const char *
kh_layout_get_font_family (KhLayout *self)
{
  g_return_val_if_fail (KH_IS_LAYOUT (self), NULL);

  return self->family;
}

void
kh_layout_begin_section (KhLayout *self,
                         gboolean  landscape,
                         gboolean  restart_numbering)
{
  KhSection *section;

  g_return_if_fail (KH_IS_LAYOUT (self));

  section = g_new0 (KhSection, 1);
  section->landscape = !!landscape;
  section->restart_numbering = !!restart_numbering;
  section->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_layout_block_unref);
  g_ptr_array_add (self->sections, section);
}

static KhSection *
current_section (KhLayout *self)
{
  if (self->sections->len == 0)
    kh_layout_begin_section (self, FALSE, TRUE);
  return g_ptr_array_index (self->sections, self->sections->len - 1);
}

void
kh_layout_add (KhLayout      *self,
               KhLayoutBlock *block)
{
  g_return_if_fail (KH_IS_LAYOUT (self));
  g_return_if_fail (block != NULL);

  g_ptr_array_add (current_section (self)->blocks, kh_layout_block_ref (block));
}

static void
section_page_size (KhLayout  *self,
                   KhSection *section,
                   double    *width,
                   double    *height)
{
  *width = section->landscape ? self->setup.page_height : self->setup.page_width;
  *height = section->landscape ? self->setup.page_width : self->setup.page_height;
}

static double
section_text_width (KhLayout  *self,
                    KhSection *section)
{
  double w, h;

  section_page_size (self, section, &w, &h);
  return w - self->setup.margin_left - self->setup.margin_right;
}

double
kh_layout_get_text_width (KhLayout *self)
{
  g_return_val_if_fail (KH_IS_LAYOUT (self), 0);

  return section_text_width (self, current_section (self));
}

/* Measuring */

static PangoFontDescription *
font_for (KhLayout *self,
          double    size,
          gboolean  bold,
          gboolean  italic)
{
  PangoFontDescription *desc = pango_font_description_new ();

  /* Never a description string: Pango would read "Roman" as a style. */
  pango_font_description_set_family (desc, self->family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return desc;
}

static PangoLayout *
new_pango_layout (KhLayout               *self,
                  const KhParagraphStyle *style)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = font_for (self, style->size, style->bold, style->italic);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  switch (style->align)
    {
    case KH_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case KH_ALIGN_RIGHT:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case KH_ALIGN_JUSTIFY:
      pango_layout_set_justify (layout, TRUE);
      G_GNUC_FALLTHROUGH;
    case KH_ALIGN_LEFT:
    default:
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      break;
    }
  pango_layout_set_indent (layout, (int) (style->first_indent * PANGO_SCALE));
  return layout;
}

/* Document numbers and dates ("92/2017/NĐ-CP", "14/02/2008") are never
 * broken across lines at their hyphens or slashes. */
static void
keep_numbers_whole (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attrs = NULL;
  const char *p = text;

  while (*p)
    {
      const char *start, *end;
      gboolean joined = FALSE;

      while (*p == ' ' || *p == '\n')
        p++;
      start = p;
      while (*p && *p != ' ' && *p != '\n')
        {
          if ((*p == '/' || *p == '-') && p > start && p[1] != '\0' && p[1] != ' ' && p[1] != '\n'
              && g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (start, p)))
              && g_unichar_isalnum (g_utf8_get_char (p + 1)))
            joined = TRUE;
          p = g_utf8_next_char (p);
        }
      end = p;
      if (joined)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          if (attrs == NULL)
            {
              PangoAttrList *current = pango_layout_get_attributes (layout);

              attrs = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();
            }
          attr->start_index = start - text;
          attr->end_index = end - text;
          pango_attr_list_insert (attrs, attr);
        }
    }
  if (attrs != NULL)
    {
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
}

/* The rule under a paragraph, from the extents of its lines. */
static void
para_set_rule (KhPara *para,
               double  left,
               double  width)
{
  if (para->style.rule_fraction > 0)
    {
      para->rule_width = para->style.rule_fraction * width;
      para->rule_x = left + width / 2.0 - para->rule_width / 2.0;
    }
}

/* Fills the line positions of a paragraph laid out by Pango. */
static void
para_finish (KhPara *para)
{
  PangoLayoutIter *iter;
  PangoRectangle logical;
  int i = 0;

  para->n_lines = pango_layout_get_line_count (para->layout);
  para->line_top = g_new (double, para->n_lines + 1);
  iter = pango_layout_get_iter (para->layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      para->line_top[i] = (double) y0 / PANGO_SCALE;
      para->line_top[i + 1] = (double) y1 / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter) && i < para->n_lines);
  pango_layout_iter_free (iter);

  pango_layout_get_extents (para->layout, NULL, &logical);
  para_set_rule (para, (double) logical.x / PANGO_SCALE, (double) logical.width / PANGO_SCALE);
}

/* Lays out text (markup parsed into attrs) by the shaper: FALSE when it
 * needs Pango. */
static gboolean
para_shape (KhLayoutStore *store,
            KhPara        *para,
            const char    *text,
            PangoAttrList *attrs,
            int            width)
{
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

  if (!store->shape_paragraphs || !kh_shaper_layout (store->shaper, para, text, attrs, width))
    return FALSE;
  for (int i = 0; i < para->n_lines; i++)
    {
      left = MIN (left, para->lines[i].x);
      right = MAX (right, para->lines[i].x + para->lines[i].width);
    }
  para_set_rule (para, left, right - left);
  return TRUE;
}

static KhPara *
measure_para (KhLayout               *self,
              KhLayoutStore          *store,
              const char             *markup,
              const KhParagraphStyle *style,
              double                  width)
{
  KhPara *para = kh_layout_store_add_para (store);
  double inner = MAX (1.0, width - style->left_indent - style->right_indent);
  PangoAttrList *attrs = NULL;
  char *text = NULL;
  gboolean parsed;

  para->style = *style;
  para->x = style->left_indent;
  parsed = pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, NULL);
  if (para_shape (store, para, parsed ? text : markup, parsed ? attrs : NULL, (int) (inner * PANGO_SCALE)))
    {
      g_free (text);
      g_clear_pointer (&attrs, pango_attr_list_unref);
      return para;
    }

  para->layout = new_pango_layout (self, style);
  pango_layout_set_width (para->layout, (int) (inner * PANGO_SCALE));
  if (parsed)
    {
      pango_layout_set_text (para->layout, text, -1);
      pango_layout_set_attributes (para->layout, attrs);
    }
  else
    pango_layout_set_text (para->layout, markup, -1);
  g_free (text);
  g_clear_pointer (&attrs, pango_attr_list_unref);
  keep_numbers_whole (para->layout);
  para_finish (para);
  return para;
}

static double
para_height (const KhPara *para)
{
  return para->line_top[para->n_lines] + (para->rule_width > 0 ? KH_RULE_EXTRA : 0);
}

/* A column block: paragraphs stacked in each column, placed relative to the
 * block's top-left. Returns the block height. */
static double
measure_columns (KhLayout      *self,
                 KhLayoutStore *store,
                 KhLayoutBlock *block,
                 double         width,
                 GPtrArray     *out)
{
  double height = 0, x = 0;

  for (guint c = 0; c < block->n_columns; c++)
    {
      double col_w = width * block->fractions[c];
      double y = 0, pending = 0;
      GPtrArray *children = block->children[c];

      for (guint i = 0; i < children->len; i++)
        {
          KhLayoutBlock *child = g_ptr_array_index (children, i);
          KhPara *para;

          if (child->kind == KH_BLOCK_SPACE)
            {
              y += pending + child->height;
              pending = 0;
              continue;
            }
          if (i > 0)
            y += pending + child->style.space_before;
          para = measure_para (self, store, child->markup, &child->style, col_w);
          para->x += x;
          para->y = y;
          g_ptr_array_add (out, para);
          y += para_height (para);
          pending = child->style.space_after;
        }
      height = MAX (height, y);
      x += col_w;
    }
  return height;
}

/* Tables */

typedef struct {
  double min;
  double max;
} ColumnWidth;

/* Widths of words in one font, each shaped once (by the shaper, which
 * keeps them for the cells' layout too): sizing the columns needs the
 * natural width of every cell, and a Pango layout per cell for that alone
 * would cost as much as the whole table. */
typedef struct {
  KhShaper     *shaper;
  double        size;
  gboolean      bold;
  PangoFont    *font;            /* for the words the shaper refuses */
  PangoAnalysis analysis;
  double        space;
} WordWidths;

static double
shape_width (WordWidths *ww,
             const char *text,
             int         length)
{
  PangoGlyphString *glyphs = pango_glyph_string_new ();
  double width;

  pango_shape (text, length, &ww->analysis, glyphs);
  width = (double) pango_glyph_string_get_width (glyphs) / PANGO_SCALE;
  pango_glyph_string_free (glyphs);
  return width;
}

static void
word_widths_init (WordWidths    *ww,
                  KhLayout      *self,
                  KhLayoutStore *store,
                  double         size,
                  gboolean       bold)
{
  PangoFontDescription *desc = font_for (self, size, bold, FALSE);

  memset (ww, 0, sizeof *ww);
  ww->shaper = store->shaper;
  ww->size = size;
  ww->bold = bold;
  ww->font = pango_font_map_load_font (self->font_map, self->context, desc);
  pango_font_description_free (desc);
  ww->analysis.font = ww->font;
  ww->analysis.level = 0;
  ww->analysis.gravity = PANGO_GRAVITY_SOUTH;
  ww->analysis.script = G_UNICODE_SCRIPT_LATIN;
  ww->analysis.language = pango_language_from_string ("vi");
  ww->space = shape_width (ww, " ", 1);
}

static void
word_widths_clear (WordWidths *ww)
{
  g_clear_object (&ww->font);
}

static double
word_width (WordWidths *ww,
            const char *word,
            gsize       length)
{
  int width = kh_shaper_word_width (ww->shaper, ww->size, ww->bold, word, (int) length);

  return width >= 0 ? (double) width / PANGO_SCALE : shape_width (ww, word, (int) length);
}

/* Natural width (the widest line unwrapped) and widest word of a text. */
static void
text_widths (WordWidths  *ww,
             const char  *text,
             double      *natural,
             ColumnWidth *column)
{
  double line = 0, widest = 0;
  gboolean first = TRUE;
  const char *p = text;

  while (TRUE)
    {
      const char *end = p;

      while (*end != '\0' && *end != ' ' && *end != '\n')
        end++;
      if (end > p)
        {
          double w = word_width (ww, p, end - p);

          line += (first ? 0 : ww->space) + w;
          first = FALSE;
          column->min = MAX (column->min, w);
        }
      if (*end == '\n' || *end == '\0')
        {
          widest = MAX (widest, line);
          line = 0;
          first = TRUE;
        }
      if (*end == '\0')
        break;
      p = end + 1;
    }
  column->max = MAX (column->max, widest);
  if (natural != NULL)
    *natural = widest;
}

/* What makes two cells of a table share one layout: same column, style and
 * text (units and time frames repeat a lot). The text is borrowed from the
 * table block, which outlives the cache. */
typedef struct {
  guint       slot;
  gboolean    bold;
  KhAlign     align;
  const char *text;
  guint       hash;
} CellKey;

static guint
cell_key_hash (gconstpointer key)
{
  return ((const CellKey *) key)->hash;
}

static gboolean
cell_key_equal (gconstpointer a,
                gconstpointer b)
{
  const CellKey *x = a, *y = b;

  return x->slot == y->slot && x->bold == y->bold && x->align == y->align && strcmp (x->text, y->text) == 0;
}

static GHashTable *
cell_cache_new (void)
{
  return g_hash_table_new_full (cell_key_hash, cell_key_equal, g_free, NULL);
}

/* A cell laid out at its final width, shared by the cells alike. */
static KhPara *
cell_para (KhLayout      *self,
           KhLayoutStore *store,
           GHashTable    *cache,
           guint          slot,
           const char    *text,
           double         size,
           gboolean       bold,
           KhAlign        align,
           double         x,
           double         width)
{
  CellKey lookup = { slot, bold, align, text, g_str_hash (text) ^ (slot * 2654435761u) ^ ((guint) bold << 30) ^ align };
  KhPara *para = g_hash_table_lookup (cache, &lookup);
  g_autofree CellKey *key = NULL;
  int inner = (int) (MAX (1.0, width - 2 * KH_CELL_PAD_X) * PANGO_SCALE);
  PangoRectangle logical;

  if (para != NULL)
    return para;

  key = g_memdup2 (&lookup, sizeof lookup);
  para = kh_layout_store_add_para (store);
  kh_paragraph_style_init (&para->style, size);
  para->style.bold = bold;
  para->style.align = align;
  para->x = x + KH_CELL_PAD_X;
  if (para_shape (store, para, text, NULL, inner))
    {
      g_hash_table_insert (cache, g_steal_pointer (&key), para);
      return para;
    }
  para->layout = new_pango_layout (self, &para->style);
  pango_layout_set_width (para->layout, inner);
  pango_layout_set_text (para->layout, text, -1);
  keep_numbers_whole (para->layout);
  pango_layout_get_extents (para->layout, NULL, &logical);
  /* A number wider than its column may break after all. */
  if (logical.width > inner + PANGO_SCALE / 2 && pango_layout_get_attributes (para->layout) != NULL)
    pango_layout_set_attributes (para->layout, NULL);
  para_finish (para);
  g_hash_table_insert (cache, g_steal_pointer (&key), para);
  return para;
}

static KhRowBox *
row_box_new (KhLayoutStore *store,
             guint          n_cells)
{
  KhRowBox *row = g_new0 (KhRowBox, 1);

  row->n_cells = n_cells;
  row->cells = g_new0 (KhPara *, n_cells);
  row->cell_x = g_new0 (double, n_cells);
  row->cell_w = g_new0 (double, n_cells);
  g_ptr_array_add (store->rows, row);
  return row;
}

static void
row_box_finish (KhRowBox *row)
{
  row->height = 0;
  for (guint c = 0; c < row->n_cells; c++)
    row->height = MAX (row->height, row->cells[c]->line_top[row->cells[c]->n_lines]);
  row->height += 2 * KH_CELL_PAD_Y;
}

static KhAtom *
row_atom (KhLayoutStore *store,
          KhRowBox      *row,
          KhRowBox      *header)
{
  KhAtom *atom = kh_layout_store_add_atom (store);

  atom->kind = KH_ATOM_ROW;
  atom->row = row;
  atom->header = header;
  atom->height = row->height;
  atom->cell_from = g_new0 (int, row->n_cells);
  atom->cell_to = g_new0 (int, row->n_cells);
  for (guint c = 0; c < row->n_cells; c++)
    atom->cell_to[c] = row->cells[c]->n_lines;
  return atom;
}

/* Column widths, in the spirit of a word processor's autofit: a column
 * whose natural width is within a fair share of the room gets it (one line
 * per cell); the others share the rest in proportion to their natural
 * widths, none narrower than its longest word. When even the words do not
 * fit, widths are proportional to those. */
static void
distribute_widths (ColumnWidth *cols,
                   guint        n,
                   double       avail,
                   double      *out)
{
  g_autofree int *state = g_new0 (int, n);   /* 0 flexible, 1 natural, 2 minimum */
  double sum_min = 0, sum_max = 0;
  gboolean changed = TRUE;

  for (guint c = 0; c < n; c++)
    {
      cols[c].min += 2 * KH_CELL_PAD_X;
      cols[c].max = MAX (cols[c].max + 2 * KH_CELL_PAD_X, cols[c].min);
      sum_min += cols[c].min;
      sum_max += cols[c].max;
    }
  if (sum_min >= avail)
    {
      /* The longest words do not fit side by side: cap them so that they
       * take at most 70 % of the width (the words wider than their column
       * then break), and share the rest as usual. */
      double low = 0, high = avail;

      for (int i = 0; i < 40; i++)
        {
          double cap = (low + high) / 2, sum = 0;

          for (guint c = 0; c < n; c++)
            sum += MIN (cols[c].min, cap);
          if (sum > 0.7 * avail)
            high = cap;
          else
            low = cap;
        }
      sum_min = 0;
      for (guint c = 0; c < n; c++)
        {
          cols[c].min = MIN (cols[c].min, low);
          sum_min += cols[c].min;
        }
    }
  if (sum_max <= avail)
    {
      for (guint c = 0; c < n; c++)
        out[c] = cols[c].max + (avail - sum_max) * cols[c].max / sum_max;
      return;
    }

  while (changed)
    {
      double room = avail, flexible_max = 0;
      guint n_flexible = 0;

      changed = FALSE;
      for (guint c = 0; c < n; c++)
        {
          if (state[c] == 1)
            room -= cols[c].max;
          else if (state[c] == 2)
            room -= cols[c].min;
          else
            {
              n_flexible++;
              flexible_max += cols[c].max;
            }
        }
      for (guint c = 0; c < n && n_flexible > 0; c++)
        if (state[c] == 0 && cols[c].max <= room / n_flexible)
          {
            state[c] = 1;
            changed = TRUE;
          }
      if (changed)
        continue;
      for (guint c = 0; c < n; c++)
        {
          if (state[c] != 0)
            {
              out[c] = state[c] == 1 ? cols[c].max : cols[c].min;
              continue;
            }
          out[c] = room * cols[c].max / flexible_max;
          if (out[c] < cols[c].min)
            {
              state[c] = 2;
              changed = TRUE;
            }
        }
    }
}

/* Estimated height of the table, in lines, with the given widths;
 * naturals holds n widths per row, a negative first one for a group row. */
static double
table_lines (const double *naturals,
             guint         n_rows,
             guint         n,
             const double *widths)
{
  double total = 0;
  guint step = MAX (1, n_rows / 200);   /* a sample is enough */

  for (guint r = 0; r < n_rows; r += step)
    {
      const double *row = naturals + (gsize) r * n;
      double lines = 1;

      if (row[0] < 0)
        continue;
      for (guint c = 0; c < n; c++)
        lines = MAX (lines, ceil (row[c] / MAX (1.0, widths[c] - 2 * KH_CELL_PAD_X)));
      total += lines;
    }
  return total;
}

/* Moves width between columns while the table gets shorter: the rows'
 * height is set by their tallest cell, so balance the columns row by row. */
static void
refine_widths (const double      *naturals,
               guint              n_rows,
               const ColumnWidth *cols,
               guint              n,
               double             avail,
               double            *widths)
{
  double best = table_lines (naturals, n_rows, n, widths);
  double step = avail / 50;

  for (int iteration = 0; iteration < 200 && step >= 1.0; iteration++)
    {
      gboolean improved = FALSE;

      for (guint to = 0; to < n; to++)
        for (guint from = 0; from < n; from++)
          {
            double lines;

            if (to == from || widths[from] - step < cols[from].min)
              continue;
            widths[from] -= step;
            widths[to] += step;
            lines = table_lines (naturals, n_rows, n, widths);
            if (lines < best)
              {
                best = lines;
                improved = TRUE;
              }
            else
              {
                widths[from] += step;
                widths[to] -= step;
              }
          }
      if (!improved)
        step /= 2;
    }
}

static void
measure_table (KhLayout      *self,
               KhLayoutStore *store,
               KhLayoutBlock *block,
               double         width,
               GPtrArray     *atoms)
{
  guint n = block->n_columns;
  guint n_rows = block->rows->len;
  g_autofree ColumnWidth *cols = g_new0 (ColumnWidth, n);
  g_autofree double *col_w = g_new0 (double, n);
  g_autofree double *col_x = g_new0 (double, n);
  g_autofree double *naturals = g_new0 (double, (gsize) MAX (n_rows, 1) * n);
  g_autoptr(GHashTable) cache = cell_cache_new ();
  WordWidths regular, bold;
  KhRowBox *header;
  double size = block->font_size;
  double x = 0;

  word_widths_init (&regular, self, store, size, FALSE);
  word_widths_init (&bold, self, store, size, TRUE);
  for (guint c = 0; c < n; c++)
    text_widths (&bold, block->headers[c] ? block->headers[c] : "", NULL, &cols[c]);
  for (guint r = 0; r < n_rows; r++)
    {
      KhTableRowData *data = g_ptr_array_index (block->rows, r);

      if (data->group)
        {
          text_widths (&bold, data->cells[0], NULL, &cols[0]);
          naturals[(gsize) r * n] = -1;
        }
      else
        for (guint c = 0; c < n; c++)
          text_widths (&regular, data->cells[c], &naturals[(gsize) r * n + c], &cols[c]);
    }
  word_widths_clear (&regular);
  word_widths_clear (&bold);

  distribute_widths (cols, n, width, col_w);
  refine_widths (naturals, n_rows, cols, n, width, col_w);
  for (guint c = 0; c < n; c++)
    {
      col_x[c] = x;
      x += col_w[c];
    }

  header = row_box_new (store, n);
  memcpy (header->cell_x, col_x, n * sizeof (double));
  memcpy (header->cell_w, col_w, n * sizeof (double));
  for (guint c = 0; c < n; c++)
    header->cells[c] = cell_para (self, store, cache, c, block->headers[c] ? block->headers[c] : "",
                                  size, TRUE, KH_ALIGN_CENTER, col_x[c], col_w[c]);
  row_box_finish (header);
  {
    KhAtom *atom = row_atom (store, header, NULL);

    /* A header never ends a page. */
    atom->keep_with_next = TRUE;
    atom->space_before = block->style.space_before;
    g_ptr_array_add (atoms, atom);
  }

  for (guint r = 0; r < n_rows; r++)
    {
      KhTableRowData *data = g_ptr_array_index (block->rows, r);
      KhRowBox *row;
      KhAtom *atom;

      if (data->group)
        {
          row = row_box_new (store, n > 1 ? 2 : 1);
          row->cell_x[0] = 0;
          row->cell_w[0] = col_w[0];
          row->cells[0] = cell_para (self, store, cache, n, data->cells[0], size, TRUE, KH_ALIGN_CENTER,
                                     0, col_w[0]);
          if (n > 1)
            {
              /* The title spans the columns after the number. */
              row->cell_x[1] = col_x[1];
              row->cell_w[1] = width - col_x[1];
              row->cells[1] = cell_para (self, store, cache, n + 1, data->cells[1], size, TRUE, KH_ALIGN_LEFT,
                                         col_x[1], width - col_x[1]);
            }
        }
      else
        {
          row = row_box_new (store, n);
          memcpy (row->cell_x, col_x, n * sizeof (double));
          memcpy (row->cell_w, col_w, n * sizeof (double));
          for (guint c = 0; c < n; c++)
            row->cells[c] = cell_para (self, store, cache, c, data->cells[c], size, FALSE, block->aligns[c],
                                       col_x[c], col_w[c]);
        }
      row_box_finish (row);
      atom = row_atom (store, row, header);
      /* A group title is a heading: it never ends a page. */
      atom->keep_with_next = data->group;
      g_ptr_array_add (atoms, atom);
    }
  if (atoms->len > 0)
    {
      KhAtom *last = g_ptr_array_index (atoms, atoms->len - 1);

      last->keep_with_next = block->keep_with_next;
      last->space_after = 6;
    }
}

/* Turns a section's blocks into atoms: the unbreakable pieces. */
static GPtrArray *
section_atoms (KhLayout      *self,
               KhLayoutStore *store,
               KhSection     *section)
{
  GPtrArray *atoms = g_ptr_array_new ();
  double width = section_text_width (self, section);

  for (guint b = 0; b < section->blocks->len; b++)
    {
      KhLayoutBlock *block = g_ptr_array_index (section->blocks, b);

      switch (block->kind)
        {
        case KH_BLOCK_PARAGRAPH:
          {
            KhPara *para = measure_para (self, store, block->markup, &block->style, width);
            int n = para->n_lines;

            for (int i = 0; i < n; i++)
              {
                KhAtom *atom = kh_layout_store_add_atom (store);

                atom->kind = KH_ATOM_LINES;
                atom->para = para;
                atom->from = i;
                atom->to = i + 1;
                atom->height = para->line_top[i + 1] - para->line_top[i];
                if (i == 0)
                  atom->space_before = block->style.space_before;
                if (i == n - 1)
                  {
                    atom->space_after = block->style.space_after;
                    atom->keep_with_next = block->keep_with_next;
                    if (para->rule_width > 0)
                      atom->height += KH_RULE_EXTRA;
                  }
                else
                  {
                    /* No single first line at a page foot, no single last
                     * line at a page head. */
                    atom->keep_with_next = (i == 0 || i == n - 2);
                  }
                g_ptr_array_add (atoms, atom);
              }
          }
          break;

        case KH_BLOCK_SPACE:
          {
            KhAtom *atom = kh_layout_store_add_atom (store);

            atom->kind = KH_ATOM_SPACE;
            atom->space_before = block->height;
            atom->keep_with_next = block->keep_with_next;
            g_ptr_array_add (atoms, atom);
          }
          break;

        case KH_BLOCK_COLUMNS:
          {
            KhAtom *atom = kh_layout_store_add_atom (store);

            atom->kind = KH_ATOM_COLUMNS;
            atom->column_paras = g_ptr_array_new ();
            g_ptr_array_add (store->lists, atom->column_paras);
            atom->height = measure_columns (self, store, block, width, atom->column_paras);
            atom->keep_with_next = block->keep_with_next;
            atom->space_after = 6;
            g_ptr_array_add (atoms, atom);
          }
          break;

        case KH_BLOCK_TABLE:
          measure_table (self, store, block, width, atoms);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return atoms;
}

/* Pagination */

typedef struct {
  KhLayout      *self;
  KhLayoutStore *store;
  KhSection     *section;
  KhPage        *page;
  double         top, bottom, left;
  double         y;
  double         pending;        /* space after the previous atom */
  gboolean       has_content;    /* something besides a repeated header */
  guint          page_number;
} Paginator;

static void
place (Paginator *pg,
       KhAtom    *atom,
       double     y)
{
  KhPlaced placed = { atom, pg->left, y };

  g_array_append_val (pg->page->items, placed);
}

static void
page_number_item (Paginator *pg)
{
  KhParagraphStyle style;
  g_autofree char *text = NULL;
  KhPara *para;
  KhAtom *atom;
  double width = pg->page->width - pg->self->setup.margin_left - pg->self->setup.margin_right;

  kh_paragraph_style_init (&style, pg->self->setup.page_number_size);
  style.align = KH_ALIGN_CENTER;
  text = g_strdup_printf ("%u", pg->page_number);
  para = measure_para (pg->self, pg->store, text, &style, width);
  atom = kh_layout_store_add_atom (pg->store);
  atom->kind = KH_ATOM_LINES;
  atom->para = para;
  atom->from = 0;
  atom->to = para->n_lines;
  atom->height = para_height (para);
  place (pg, atom, (pg->self->setup.margin_top - atom->height) / 2.0);
}

static void
new_page (Paginator *pg,
          gboolean   first_of_section)
{
  KhPage *page = g_new0 (KhPage, 1);

  section_page_size (pg->self, pg->section, &page->width, &page->height);
  page->items = g_array_new (FALSE, FALSE, sizeof (KhPlaced));
  g_ptr_array_add (pg->store->pages, page);
  pg->page = page;
  pg->top = pg->self->setup.margin_top;
  pg->bottom = page->height - pg->self->setup.margin_bottom;
  pg->left = pg->self->setup.margin_left;
  pg->y = pg->top;
  pg->pending = 0;
  pg->has_content = FALSE;

  if (first_of_section && pg->section->restart_numbering)
    pg->page_number = 1;
  else
    pg->page_number++;
  if (pg->page_number > 1)
    page_number_item (pg);
}

/* Starts a page; inside a table, it opens with the repeated header. */
static void
break_page (Paginator *pg,
            KhAtom    *atom)
{
  new_page (pg, FALSE);
  if (atom->kind == KH_ATOM_ROW && atom->header != NULL)
    {
      KhAtom *header = row_atom (pg->store, atom->header, NULL);

      place (pg, header, pg->y);
      pg->y += header->height;
    }
}

static double
gap_before (Paginator    *pg,
            const KhAtom *atom)
{
  if (!pg->has_content)
    return 0;
  if (atom->kind == KH_ATOM_ROW && atom->header != NULL)
    return 0;
  return pg->pending + atom->space_before;
}

/* Height of atom i and the atoms it keeps with, as if placed here. */
static double
chain_height (Paginator *pg,
              GPtrArray *atoms,
              guint      i)
{
  double h = gap_before (pg, g_ptr_array_index (atoms, i));

  for (guint k = i; k < atoms->len; k++)
    {
      KhAtom *atom = g_ptr_array_index (atoms, k);

      if (k > i)
        h += (atom->kind == KH_ATOM_ROW && atom->header != NULL)
             ? 0 : ((KhAtom *) g_ptr_array_index (atoms, k - 1))->space_after + atom->space_before;
      h += atom->height;
      if (!atom->keep_with_next)
        break;
    }
  return h;
}

/* Cuts a row taller than a page: the first slice fits in avail, the
 * returned atom holds the rest (NULL when nothing fits). */
static KhAtom *
split_row (Paginator *pg,
           KhAtom    *atom,
           double     avail,
           KhAtom   **rest)
{
  KhRowBox *row = atom->row;
  KhAtom *slice = row_atom (pg->store, row, atom->header);
  KhAtom *remainder = row_atom (pg->store, row, atom->header);
  gboolean advanced = FALSE, left_over = FALSE;
  double content = avail - 2 * KH_CELL_PAD_Y;
  double slice_h = 0, rest_h = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      KhPara *cell = row->cells[c];
      int from = atom->cell_from[c], to = from;

      while (to < atom->cell_to[c] && cell->line_top[to + 1] - cell->line_top[from] <= content)
        to++;
      slice->cell_from[c] = from;
      slice->cell_to[c] = to;
      remainder->cell_from[c] = to;
      remainder->cell_to[c] = atom->cell_to[c];
      advanced |= to > from;
      left_over |= to < atom->cell_to[c];
      slice_h = MAX (slice_h, cell->line_top[to] - cell->line_top[from]);
      rest_h = MAX (rest_h, cell->line_top[atom->cell_to[c]] - cell->line_top[to]);
    }
  if (!advanced)
    {
      *rest = atom;
      return NULL;
    }
  slice->height = slice_h + 2 * KH_CELL_PAD_Y;
  remainder->height = rest_h + 2 * KH_CELL_PAD_Y;
  remainder->keep_with_next = atom->keep_with_next;
  remainder->space_after = atom->space_after;
  *rest = left_over ? remainder : NULL;
  return slice;
}

static void
paginate_section (Paginator *pg,
                  GPtrArray *atoms)
{
  double body = pg->bottom - pg->top;

  for (guint i = 0; i < atoms->len; i++)
    {
      KhAtom *atom = g_ptr_array_index (atoms, i);
      double chain = chain_height (pg, atoms, i);
      double gap;

      if (atom->kind == KH_ATOM_SPACE)
        {
          /* A space at the top of a page is dropped. */
          if (pg->has_content)
            pg->pending += atom->space_before;
          continue;
        }

      /* Move what must stay together to the next page, unless it would not
       * fit on an empty page either. */
      if (pg->has_content && atom->keep_with_next && pg->y + chain > pg->bottom && chain <= body)
        break_page (pg, atom);

      gap = gap_before (pg, atom);
      while (atom != NULL && pg->y + gap + atom->height > pg->bottom)
        {
          double header_h = atom->header != NULL ? atom->header->height : 0;
          KhAtom *rest = NULL, *slice;

          if (atom->kind != KH_ATOM_ROW || atom->height <= body - header_h)
            {
              if (!pg->has_content)
                break;   /* taller than a page: placed, overflowing */
              break_page (pg, atom);
              gap = gap_before (pg, atom);
              continue;
            }
          slice = split_row (pg, atom, pg->bottom - pg->y - gap, &rest);
          if (slice == NULL && !pg->has_content)
            break;   /* not one line fits even on a fresh page: overflow */
          if (slice == NULL)
            {
              break_page (pg, atom);
              gap = 0;
              continue;
            }
          if (rest == NULL)
            {
              atom = slice;   /* everything fitted after all */
              continue;
            }
          place (pg, slice, pg->y + gap);
          pg->has_content = TRUE;
          break_page (pg, atom);
          gap = 0;
          atom = rest;
        }
      if (atom == NULL)
        continue;

      place (pg, atom, pg->y + gap);
      pg->y += gap + atom->height;
      pg->pending = atom->space_after;
      pg->has_content = TRUE;
    }
}

KhRenderedDocument *
kh_layout_paginate (KhLayout *self)
{
  KhLayoutStore *store;
  Paginator pg = { 0 };

  g_return_val_if_fail (KH_IS_LAYOUT (self), NULL);

  store = kh_layout_store_new (self->font_map, self->context, self->family);
  pg.self = self;
  pg.store = store;
  if (self->sections->len == 0)
    current_section (self);

  for (guint s = 0; s < self->sections->len; s++)
    {
      g_autoptr(GPtrArray) atoms = NULL;

      pg.section = g_ptr_array_index (self->sections, s);
      atoms = section_atoms (self, store, pg.section);
      new_page (&pg, TRUE);
      paginate_section (&pg, atoms);
    }

  return kh_rendered_document_new_from_store (store);
}
