/* kh-rendered-document.c — draws paginated pages; PDF and PNG output */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "kh-layout.h"
#include "kh-layout-private.h"
#include "kh-pdf-writer.h"
#include "kh-render-error.h"
#include "kh-rendered-document.h"
#include "kh-shaper.h"

struct _KhRenderedDocument
{
  GObject        parent_instance;

  KhLayoutStore *store;
  char          *title;
  char          *author;
  GDateTime     *creation_date;
};

G_DEFINE_FINAL_TYPE (KhRenderedDocument, kh_rendered_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_FONT_FAMILY,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_CREATION_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* The store */

static void
para_free (gpointer data)
{
  KhPara *para = data;

  g_clear_object (&para->layout);
  kh_para_clear_lines (para);
  g_free (para->line_top);
  g_free (para);
}

static void
row_free (gpointer data)
{
  KhRowBox *row = data;

  g_free (row->cells);
  g_free (row->cell_x);
  g_free (row->cell_w);
  g_free (row);
}

static void
atom_free (gpointer data)
{
  KhAtom *atom = data;

  g_free (atom->cell_from);
  g_free (atom->cell_to);
  g_free (atom);
}

static void
page_free (gpointer data)
{
  KhPage *page = data;

  g_array_unref (page->items);
  g_free (page);
}

KhLayoutStore *
kh_layout_store_new (PangoFontMap *font_map,
                     PangoContext *context,
                     const char   *family)
{
  KhLayoutStore *store = g_new0 (KhLayoutStore, 1);

  store->font_map = g_object_ref (font_map);
  store->context = g_object_ref (context);
  store->family = g_strdup (family);
  store->shaper = kh_shaper_new (context, family);
  /* KH_SHAPER=pango lays every paragraph out with Pango: the reference
   * the shaper is compared with (tests/test-render-shaper.c). */
  store->shape_paragraphs = g_strcmp0 (g_getenv ("KH_SHAPER"), "pango") != 0;
  store->paras = g_ptr_array_new_with_free_func (para_free);
  store->rows = g_ptr_array_new_with_free_func (row_free);
  store->atoms = g_ptr_array_new_with_free_func (atom_free);
  store->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  store->pages = g_ptr_array_new_with_free_func (page_free);
  return store;
}

void
kh_layout_store_free (KhLayoutStore *store)
{
  if (store == NULL)
    return;
  g_ptr_array_unref (store->pages);
  g_ptr_array_unref (store->lists);
  g_ptr_array_unref (store->atoms);
  g_ptr_array_unref (store->rows);
  g_ptr_array_unref (store->paras);
  kh_shaper_free (store->shaper);
  g_object_unref (store->context);
  g_object_unref (store->font_map);
  g_free (store->family);
  g_free (store);
}

KhPara *
kh_layout_store_add_para (KhLayoutStore *store)
{
  KhPara *para = g_new0 (KhPara, 1);

  g_ptr_array_add (store->paras, para);
  return para;
}

KhAtom *
kh_layout_store_add_atom (KhLayoutStore *store)
{
  KhAtom *atom = g_new0 (KhAtom, 1);

  g_ptr_array_add (store->atoms, atom);
  return atom;
}

/* The object */

static void
kh_rendered_document_finalize (GObject *object)
{
  KhRenderedDocument *self = KH_RENDERED_DOCUMENT (object);

  g_clear_pointer (&self->store, kh_layout_store_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->creation_date, g_date_time_unref);

  G_OBJECT_CLASS (kh_rendered_document_parent_class)->finalize (object);
}

static void
kh_rendered_document_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KhRenderedDocument *self = KH_RENDERED_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, kh_rendered_document_get_n_pages (self));
      break;
    case PROP_FONT_FAMILY:
      g_value_set_string (value, kh_rendered_document_get_font_family (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATION_DATE:
      g_value_set_boxed (value, self->creation_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_rendered_document_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KhRenderedDocument *self = KH_RENDERED_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kh_rendered_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      kh_rendered_document_set_author (self, g_value_get_string (value));
      break;
    case PROP_CREATION_DATE:
      kh_rendered_document_set_creation_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_rendered_document_class_init (KhRenderedDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_rendered_document_finalize;
  object_class->get_property = kh_rendered_document_get_property;
  object_class->set_property = kh_rendered_document_set_property;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_FAMILY] =
    g_param_spec_string ("font-family", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATION_DATE] =
    g_param_spec_boxed ("creation-date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_rendered_document_init (KhRenderedDocument *self)
{
  self->creation_date = g_date_time_new_now_local ();
}

KhRenderedDocument *
kh_rendered_document_new_from_store (KhLayoutStore *store)
{
  KhRenderedDocument *self = g_object_new (KH_TYPE_RENDERED_DOCUMENT, NULL);

  self->store = store;
  return self;
}

guint
kh_rendered_document_get_n_pages (KhRenderedDocument *self)
{
  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), 0);

  return self->store != NULL ? self->store->pages->len : 0;
}

const char *
kh_rendered_document_get_font_family (KhRenderedDocument *self)
{
  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), NULL);

  return self->store != NULL ? self->store->family : NULL;
}

gboolean
kh_rendered_document_get_page_size (KhRenderedDocument *self,
                                    guint               page,
                                    double             *width,
                                    double             *height)
{
  KhPage *p;

  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), FALSE);

  if (page >= kh_rendered_document_get_n_pages (self))
    return FALSE;
  p = g_ptr_array_index (self->store->pages, page);
  if (width != NULL)
    *width = p->width;
  if (height != NULL)
    *height = p->height;
  return TRUE;
}

const char *
kh_rendered_document_get_title (KhRenderedDocument *self)
{
  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), NULL);
  return self->title;
}

void
kh_rendered_document_set_title (KhRenderedDocument *self,
                                const char         *title)
{
  g_return_if_fail (KH_IS_RENDERED_DOCUMENT (self));

  if (set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kh_rendered_document_get_author (KhRenderedDocument *self)
{
  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), NULL);
  return self->author;
}

void
kh_rendered_document_set_author (KhRenderedDocument *self,
                                 const char         *author)
{
  g_return_if_fail (KH_IS_RENDERED_DOCUMENT (self));

  if (set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

GDateTime *
kh_rendered_document_get_creation_date (KhRenderedDocument *self)
{
  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), NULL);
  return self->creation_date;
}

void
kh_rendered_document_set_creation_date (KhRenderedDocument *self,
                                        GDateTime          *date)
{
  g_return_if_fail (KH_IS_RENDERED_DOCUMENT (self));
  g_return_if_fail (date != NULL);

  if (g_date_time_equal (self->creation_date, date))
    return;
  g_date_time_unref (self->creation_date);
  self->creation_date = g_date_time_ref (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATION_DATE]);
}

/* Drawing */

/* Glyphs of consecutive runs in one font, shown by a single cairo call.
 * Pango shows each run of each line with its own call, and cairo 1.16
 * pays for every call three times when writing a PDF (recording, analysis,
 * output); a page of text in one font becomes one call.
 * The batch draws on a cairo context, or, when writer is set, into our own
 * PDF writer (cr NULL); failed tells that something could not go there. */
typedef struct {
  cairo_t     *cr;
  KhPdfWriter *writer;
  gboolean     failed;
  PangoFont   *font;
  GString   *text;
  GArray    *glyphs;      /* cairo_glyph_t */
  GArray    *clusters;    /* cairo_text_cluster_t */
} GlyphBatch;

static void
glyph_batch_init (GlyphBatch  *batch,
                  cairo_t     *cr,
                  KhPdfWriter *writer)
{
  batch->cr = cr;
  batch->writer = writer;
  batch->failed = FALSE;
  batch->font = NULL;
  batch->text = g_string_new (NULL);
  batch->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  batch->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
}

static void
glyph_batch_clear (GlyphBatch *batch)
{
  g_string_free (batch->text, TRUE);
  g_array_unref (batch->glyphs);
  g_array_unref (batch->clusters);
}

/* Shows what the batch holds: before anything else is drawn, so that the
 * page keeps its drawing order. */
static void
glyph_batch_flush (GlyphBatch *batch)
{
  if (batch->font != NULL && batch->clusters->len > 0 && batch->writer != NULL)
    {
      if (!kh_pdf_writer_show_glyphs (batch->writer, batch->font, batch->text->str, batch->text->len,
                                      (const cairo_glyph_t *) (gpointer) batch->glyphs->data,
                                      batch->glyphs->len,
                                      (const cairo_text_cluster_t *) (gpointer) batch->clusters->data,
                                      batch->clusters->len))
        batch->failed = TRUE;
    }
  else if (batch->font != NULL && batch->clusters->len > 0)
    {
      cairo_set_scaled_font (batch->cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (batch->font)));
      cairo_show_text_glyphs (batch->cr, batch->text->str, batch->text->len,
                              (const cairo_glyph_t *) (gpointer) batch->glyphs->data, batch->glyphs->len,
                              (const cairo_text_cluster_t *) (gpointer) batch->clusters->data,
                              batch->clusters->len, 0);
    }
  batch->font = NULL;
  g_string_truncate (batch->text, 0);
  g_array_set_size (batch->glyphs, 0);
  g_array_set_size (batch->clusters, 0);
}

/* Whether Pango would draw the run as plain glyphs: left to right, no
 * attribute but break rules and those Pango has already applied to the
 * glyphs' size and baseline (superscripts: the initials after "Lưu"),
 * every glyph in the font. Anything else (hex boxes, underlines,
 * colours...) is left to Pango. */
static gboolean
run_is_plain (const PangoGlyphItem *run)
{
  const PangoItem *item = run->item;

  if ((item->analysis.level & 1) != 0 || (item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE) != 0
      || run->start_x_offset != 0 || run->end_x_offset != 0
      || !PANGO_IS_CAIRO_FONT (item->analysis.font))
    return FALSE;
  for (const GSList *l = item->analysis.extra_attrs; l != NULL; l = l->next)
    switch (((const PangoAttribute *) l->data)->klass->type)
      {
      case PANGO_ATTR_ALLOW_BREAKS:
      case PANGO_ATTR_RISE:
      case PANGO_ATTR_BASELINE_SHIFT:
      case PANGO_ATTR_FONT_SCALE:
        break;
      default:
        return FALSE;
      }
  for (int i = 0; i < run->glyphs->num_glyphs; i++)
    {
      PangoGlyph glyph = run->glyphs->glyphs[i].glyph;

      if (glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Adds a line whose left end is at x on baseline y to the batch, with the
 * positions and clusters pangocairo would give cairo; FALSE when a run is
 * not plain (nothing added). */
static gboolean
glyph_batch_add_line (GlyphBatch      *batch,
                      PangoLayoutLine *line,
                      double           x,
                      double           y)
{
  const char *text = pango_layout_get_text (line->layout);
  int x_off = 0;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    if (!run_is_plain (l->data))
      return FALSE;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;
      const char *run_text = text + run->item->offset;
      double base_x = x + (double) x_off / PANGO_SCALE;
      /* Pango draws a shifted run (y_offset up) at y - y_offset */
      double base_y = y - (double) run->y_offset / PANGO_SCALE;
      int x_position = 0;
      guint n_glyphs, n_clusters;
      cairo_glyph_t *out_glyph;
      cairo_text_cluster_t *out_cluster;
      PangoGlyphItemIter iter;

      if (run->item->analysis.font != batch->font)
        {
          glyph_batch_flush (batch);
          batch->font = run->item->analysis.font;
        }
      g_string_append_len (batch->text, run_text, run->item->length);

      /* Room for every glyph and a cluster per character, trimmed after */
      n_glyphs = batch->glyphs->len;
      g_array_set_size (batch->glyphs, n_glyphs + glyphs->num_glyphs);
      out_glyph = &g_array_index (batch->glyphs, cairo_glyph_t, n_glyphs);
      for (int i = 0; i < glyphs->num_glyphs; i++)
        {
          const PangoGlyphInfo *gi = &glyphs->glyphs[i];

          if (gi->glyph != PANGO_GLYPH_EMPTY)
            {
              out_glyph->index = gi->glyph;
              out_glyph->x = base_x + (double) (x_position + gi->geometry.x_offset) / PANGO_SCALE;
              out_glyph->y = gi->geometry.y_offset == 0 ? base_y : base_y + (double) gi->geometry.y_offset / PANGO_SCALE;
              out_glyph++;
            }
          x_position += gi->geometry.width;
        }
      g_array_set_size (batch->glyphs, out_glyph - (cairo_glyph_t *) (gpointer) batch->glyphs->data);

      n_clusters = batch->clusters->len;
      g_array_set_size (batch->clusters, n_clusters + run->item->num_chars);
      out_cluster = &g_array_index (batch->clusters, cairo_text_cluster_t, n_clusters);
      if (pango_glyph_item_iter_init_start (&iter, run, text))
        do
          {
            out_cluster->num_bytes = iter.end_index - iter.start_index;
            out_cluster->num_glyphs = 0;
            for (int i = iter.start_glyph; i < iter.end_glyph; i++)
              if (glyphs->glyphs[i].glyph != PANGO_GLYPH_EMPTY)
                out_cluster->num_glyphs++;
            out_cluster++;
          }
        while (pango_glyph_item_iter_next_cluster (&iter));
      g_array_set_size (batch->clusters, out_cluster - (cairo_text_cluster_t *) (gpointer) batch->clusters->data);
      x_off += x_position;
    }
  return TRUE;
}

/* The pen position (x, y) as cairo stores it: in 24.8 fixed point (the
 * PDF surface's device space is its user space), so that both sinks start
 * lines where Pango would. */
static void
glyph_batch_point (GlyphBatch *batch,
                   double      x,
                   double      y,
                   double     *px,
                   double     *py)
{
  if (batch->writer != NULL)
    {
      *px = nearbyint (x * 256) / 256;
      *py = nearbyint (y * 256) / 256;
      return;
    }
  cairo_move_to (batch->cr, x, y);
  cairo_get_current_point (batch->cr, px, py);
}

/* A line with runs the batch cannot take: drawn by Pango on cairo; our
 * PDF writer has no way to draw it, so the document goes through cairo. */
static void
glyph_batch_show_layout_line (GlyphBatch      *batch,
                              PangoLayoutLine *line)
{
  glyph_batch_flush (batch);
  if (batch->writer != NULL)
    batch->failed = TRUE;
  else
    pango_cairo_show_layout_line (batch->cr, line);
}

/* Adds a segment to the path of the next glyph_batch_stroke(). */
static void
glyph_batch_segment (GlyphBatch *batch,
                     double      x0,
                     double      y0,
                     double      x1,
                     double      y1)
{
  if (batch->writer != NULL)
    kh_pdf_writer_line (batch->writer, x0, y0, x1, y1);
  else
    {
      cairo_move_to (batch->cr, x0, y0);
      cairo_line_to (batch->cr, x1, y1);
    }
}

static void
glyph_batch_stroke (GlyphBatch *batch,
                    double      line_width,
                    gboolean    square_caps)
{
  glyph_batch_flush (batch);
  if (batch->writer != NULL)
    kh_pdf_writer_stroke (batch->writer, line_width, square_caps);
  else
    {
      cairo_set_line_width (batch->cr, line_width);
      cairo_set_line_cap (batch->cr, square_caps ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT);
      cairo_stroke (batch->cr);
    }
}

/* Adds lines [from, to) of a shaped paragraph, its box's top-left at
 * (x, y), to the batch. */
static void
glyph_batch_add_shaped (GlyphBatch   *batch,
                        const KhPara *para,
                        int           from,
                        int           to,
                        double        x,
                        double        y)
{
  for (int l = from; l < to; l++)
    {
      const KhLine *line = &para->lines[l];
      double lx = x + line->x, ly = y + line->baseline;

      for (int r = line->first_run; r < line->first_run + line->n_runs; r++)
        {
          const KhGlyphRun *run = &para->runs[r];
          cairo_glyph_t *out;
          guint n;

          if (run->font != batch->font)
            {
              glyph_batch_flush (batch);
              batch->font = run->font;
            }
          g_string_append_len (batch->text, para->text + run->text_offset, run->text_length);
          n = batch->glyphs->len;
          g_array_set_size (batch->glyphs, n + run->n_glyphs);
          out = &g_array_index (batch->glyphs, cairo_glyph_t, n);
          for (int g = 0; g < run->n_glyphs; g++)
            {
              const cairo_glyph_t *in = &para->glyphs[run->first_glyph + g];

              out[g].index = in->index;
              out[g].x = lx + in->x;
              out[g].y = ly + in->y;
            }
          g_array_append_vals (batch->clusters, para->clusters + run->first_cluster, run->n_clusters);
        }
    }
}

/* Lines [from, to) of a paragraph laid out by Pango, the top of line from
 * at y. */
static void
draw_layout_lines (GlyphBatch   *batch,
                   const KhPara *para,
                   int           from,
                   int           to,
                   double        x,
                   double        y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (para->layout);
  double top = para->line_top[from];
  int i = 0;

  do
    {
      if (i >= from)
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle logical;
          double lx, ly;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          /* The point as cairo stores it, as Pango would start from it */
          glyph_batch_point (batch, x + para->x + (double) logical.x / PANGO_SCALE,
                             y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top,
                             &lx, &ly);
          if (!glyph_batch_add_line (batch, line, lx, ly))
            glyph_batch_show_layout_line (batch, line);
        }
      i++;
    }
  while (i < to && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Lines [from, to) of a paragraph, the top of line from at y; its rule
 * after the last line. */
static void
draw_lines (GlyphBatch   *batch,
            const KhPara *para,
            int           from,
            int           to,
            double        x,
            double        y)
{
  double top = para->line_top[from];

  if (para->layout == NULL)
    glyph_batch_add_shaped (batch, para, from, to, x + para->x, y - top);
  else
    draw_layout_lines (batch, para, from, to, x, y);

  if (para->rule_width > 0 && to == para->n_lines)
    {
      double ry = y + para->line_top[para->n_lines] - top + KH_RULE_GAP;

      glyph_batch_flush (batch);
      glyph_batch_segment (batch, x + para->x + para->rule_x, ry, x + para->x + para->rule_x + para->rule_width, ry);
      glyph_batch_stroke (batch, KH_RULE_WIDTH, FALSE);
    }
}

static void
draw_row (GlyphBatch   *batch,
          const KhAtom *atom,
          double        x,
          double        y)
{
  const KhRowBox *row = atom->row;

  for (guint c = 0; c < row->n_cells; c++)
    if (atom->cell_to[c] > atom->cell_from[c])
      draw_lines (batch, row->cells[c], atom->cell_from[c], atom->cell_to[c], x, y + KH_CELL_PAD_Y);
}

/* A straight rule: at `at` (y of a horizontal rule, x of a vertical one)
 * from `from` to `to` along it. */
typedef struct {
  double at, from, to;
} Rule;

/* Rules closer than this are one rule. */
#define RULE_EPS 0.001

static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const Rule *x = a, *y = b;

  if (fabs (x->at - y->at) > RULE_EPS)
    return x->at < y->at ? -1 : 1;
  return (x->from > y->from) - (x->from < y->from);
}

/* The rules of a row: its frame and the lines between its cells. */
static void
row_rules (GArray       *horizontal,
           GArray       *vertical,
           const KhAtom *atom,
           double        x,
           double        y)
{
  const KhRowBox *row = atom->row;
  guint last = row->n_cells - 1;
  double left = x + row->cell_x[0], right = x + row->cell_x[last] + row->cell_w[last];
  Rule rule;

  rule = (Rule) { y, left, right };
  g_array_append_val (horizontal, rule);
  rule = (Rule) { y + atom->height, left, right };
  g_array_append_val (horizontal, rule);
  rule = (Rule) { left, y, y + atom->height };
  g_array_append_val (vertical, rule);
  rule = (Rule) { right, y, y + atom->height };
  g_array_append_val (vertical, rule);
  for (guint c = 1; c < row->n_cells; c++)
    {
      rule = (Rule) { x + row->cell_x[c], y, y + atom->height };
      g_array_append_val (vertical, rule);
    }
}

/* Adds the rules to the path, each run of touching or overlapping rules on
 * one line as a single segment: the bottom of a row is the top of the
 * next, a column line runs down the whole table. Writing the PDF costs by
 * the segment, and a page of rows framed one by one has five times as
 * many. */
static void
path_rules (GlyphBatch *batch,
            GArray     *rules,
            gboolean    horizontal)
{
  guint i = 0;

  g_array_sort (rules, compare_rules);
  while (i < rules->len)
    {
      Rule run = g_array_index (rules, Rule, i);

      for (i++; i < rules->len; i++)
        {
          const Rule *next = &g_array_index (rules, Rule, i);

          if (fabs (next->at - run.at) > RULE_EPS || next->from > run.to + RULE_EPS)
            break;
          run.to = MAX (run.to, next->to);
        }
      if (horizontal)
        glyph_batch_segment (batch, run.from, run.at, run.to, run.at);
      else
        glyph_batch_segment (batch, run.at, run.from, run.at, run.to);
    }
}

/* A page's text, then its table rules, into the batch's sink. */
static void
draw_items (GlyphBatch   *batch,
            const KhPage *p)
{
  g_autoptr(GArray) horizontal = NULL;
  g_autoptr(GArray) vertical = NULL;

  for (guint i = 0; i < p->items->len; i++)
    {
      const KhPlaced *placed = &g_array_index (p->items, KhPlaced, i);
      const KhAtom *atom = placed->atom;

      switch (atom->kind)
        {
        case KH_ATOM_LINES:
          draw_lines (batch, atom->para, atom->from, atom->to, placed->x, placed->y);
          break;
        case KH_ATOM_COLUMNS:
          for (guint k = 0; k < atom->column_paras->len; k++)
            {
              const KhPara *para = g_ptr_array_index (atom->column_paras, k);

              draw_lines (batch, para, 0, para->n_lines, placed->x, placed->y + para->y);
            }
          break;
        case KH_ATOM_ROW:
          draw_row (batch, atom, placed->x, placed->y);
          break;
        case KH_ATOM_SPACE:
        default:
          break;
        }
    }
  glyph_batch_flush (batch);

  horizontal = g_array_new (FALSE, FALSE, sizeof (Rule));
  vertical = g_array_new (FALSE, FALSE, sizeof (Rule));
  for (guint i = 0; i < p->items->len; i++)
    {
      const KhPlaced *placed = &g_array_index (p->items, KhPlaced, i);

      if (placed->atom->kind == KH_ATOM_ROW)
        row_rules (horizontal, vertical, placed->atom, placed->x, placed->y);
    }
  /* One stroke for the page (a stroke per cell makes the PDF several times
   * slower). Square caps close the frame's corners as a rectangle's joins
   * would. The text left cairo's pen somewhere: the rules start a path
   * of their own. */
  if (batch->cr != NULL)
    cairo_new_path (batch->cr);
  path_rules (batch, horizontal, TRUE);
  path_rules (batch, vertical, FALSE);
  glyph_batch_stroke (batch, KH_TABLE_RULE, TRUE);
}

void
kh_rendered_document_draw_page (KhRenderedDocument *self,
                                cairo_t            *cr,
                                guint               page)
{
  GlyphBatch batch;

  g_return_if_fail (KH_IS_RENDERED_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  if (page >= kh_rendered_document_get_n_pages (self))
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  glyph_batch_init (&batch, cr, NULL);
  draw_items (&batch, g_ptr_array_index (self->store->pages, page));
  glyph_batch_clear (&batch);
  cairo_restore (cr);
}

/* PDF */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static const char *
find_last (const char *haystack,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = len >= n ? len - n + 1 : 0; i-- > 0;)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

/* Binary-safe: font streams hold NUL bytes. */
static const char *
find_first (const char *haystack,
            gsize       len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

/* cairo has no API for the document language: append an incremental update
 * that rewrites the catalog with /Lang (vi). Returns FALSE, leaving the PDF
 * as it is, when the file is not in the classic xref form cairo 1.16 writes. */
static gboolean
add_language (GByteArray *pdf,
              const char *lang)
{
  const char *data = (const char *) pdf->data;
  const char *trailer, *startxref, *root, *obj, *dict_end;
  g_autofree char *obj_header = NULL;
  g_autofree char *trailer_dict = NULL;
  g_autoptr(GString) update = NULL;
  guint64 prev, root_num, size;
  gsize new_obj_offset, xref_offset;
  char *end;

  trailer = find_last (data, pdf->len, "trailer");
  startxref = find_last (data, pdf->len, "startxref");
  if (trailer == NULL || startxref == NULL || startxref < trailer)
    return FALSE;
  prev = g_ascii_strtoull (startxref + strlen ("startxref"), &end, 10);
  root = find_first (trailer, startxref - trailer, "/Root");
  if (root == NULL || find_first (trailer, startxref - trailer, "/Size") == NULL)
    return FALSE;
  root_num = g_ascii_strtoull (root + strlen ("/Root"), &end, 10);
  size = g_ascii_strtoull (find_first (trailer, startxref - trailer, "/Size") + strlen ("/Size"), &end, 10);
  if (root_num == 0 || size == 0)
    return FALSE;

  obj_header = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj", root_num);
  obj = find_first (data, pdf->len, obj_header);
  if (obj == NULL)
    return FALSE;
  obj += 1;
  dict_end = find_first (obj, pdf->len - (obj - data), "endobj");
  if (dict_end == NULL)
    return FALSE;
  dict_end = find_last (obj, dict_end - obj, ">>");
  if (dict_end == NULL)
    return FALSE;

  {
    const char *open = find_first (trailer, startxref - trailer, "<<");
    const char *close = open != NULL ? find_last (open, startxref - open, ">>") : NULL;

    if (close == NULL)
      return FALSE;
    trailer_dict = g_strndup (open + 2, close - open - 2);
  }

  update = g_string_new (NULL);
  if (pdf->len > 0 && data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  new_obj_offset = pdf->len + update->len;
  g_string_append_len (update, obj, dict_end - obj);
  g_string_append_printf (update, "   /Lang (%s)\n>>\nendobj\n", lang);
  xref_offset = pdf->len + update->len;
  g_string_append_printf (update,
                          "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n"
                          "trailer\n<<%s   /Prev %" G_GUINT64_FORMAT "\n>>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          root_num, new_obj_offset, trailer_dict, prev, xref_offset);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  return TRUE;
}

/* The PDF through our own writer; NULL when something on a page cannot go
 * through it (a run Pango must draw, a font it does not embed). */
static GBytes *
render_pdf_writer (KhRenderedDocument *self)
{
  g_autoptr(KhPdfWriter) writer = kh_pdf_writer_new ();
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  GlyphBatch batch;
  gboolean failed = FALSE;

  kh_pdf_writer_set_info (writer, self->title, self->author, "Kế hoạch", self->creation_date, "vi");
  glyph_batch_init (&batch, NULL, writer);
  for (guint i = 0; i < kh_rendered_document_get_n_pages (self) && !failed; i++)
    {
      const KhPage *p = g_ptr_array_index (self->store->pages, i);

      kh_pdf_writer_begin_page (writer, p->width, p->height);
      draw_items (&batch, p);
      kh_pdf_writer_end_page (writer);
      failed = batch.failed;
    }
  glyph_batch_clear (&batch);
  if (failed)
    return NULL;
  bytes = kh_pdf_writer_finish (writer, &error);
  if (bytes == NULL)
    g_debug ("Our PDF writer failed, using cairo's: %s", error->message);
  return bytes;
}

static GBytes *
render_pdf_cairo (KhRenderedDocument *self,
                  GError            **error)
{
  GByteArray *buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages = kh_rendered_document_get_n_pages (self);
  double w = KH_A4_WIDTH_PT, h = KH_A4_HEIGHT_PT;
  g_autofree char *date = NULL;

  kh_rendered_document_get_page_size (self, 0, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, buffer, w, h);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kế hoạch");
  date = g_date_time_format (self->creation_date, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr;

      kh_rendered_document_get_page_size (self, i, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      cr = cairo_create (surface);
      /* White paper first. Before writing a page, cairo 1.16 unions the
       * extents of every drawing on it into one region, a cost growing
       * with each text line; once a page-sized rectangle is in the
       * region, each union is a plain copy. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      kh_rendered_document_draw_page (self, cr, i);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_FAILED,
                   _("Could not produce the PDF: %s"), cairo_status_to_string (status));
      g_byte_array_unref (buffer);
      return NULL;
    }
  add_language (buffer, "vi");
  return g_byte_array_free_to_bytes (buffer);
}

/* Our writer is several times faster than cairo's PDF surface; cairo is
 * the fallback, and KH_PDF_WRITER=cairo forces it (to compare, or to
 * test that path). */
static GBytes *
render_pdf (KhRenderedDocument *self,
            GError            **error)
{
  if (g_strcmp0 (g_getenv ("KH_PDF_WRITER"), "cairo") != 0)
    {
      GBytes *bytes = render_pdf_writer (self);

      if (bytes != NULL)
        return bytes;
    }
  return render_pdf_cairo (self, error);
}

gboolean
kh_rendered_document_write_pdf (KhRenderedDocument *self,
                                GOutputStream      *stream,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const void *data;

  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = render_pdf (self, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}

gboolean
kh_rendered_document_save_pdf (KhRenderedDocument *self,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = render_pdf (self, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return g_file_set_contents (path, data, size, error);
}

gboolean
kh_rendered_document_save_png (KhRenderedDocument *self,
                               guint               page,
                               double              dpi,
                               const char         *path,
                               GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h, scale;

  g_return_val_if_fail (KH_IS_RENDERED_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kh_rendered_document_get_page_size (self, page, &w, &h))
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_PAGE,
                   _("Page %u does not exist: the document has %u pages"),
                   page + 1, kh_rendered_document_get_n_pages (self));
      return FALSE;
    }
  if (!(dpi >= 10 && dpi <= 1200))
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("The resolution must be between 10 and 1200 dots per inch"));
      return FALSE;
    }

  scale = dpi / 72.0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale), (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  kh_rendered_document_draw_page (self, cr, page);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
