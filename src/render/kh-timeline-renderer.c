/* kh-timeline-renderer.c — the timeline exported to PDF pages and PNG */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kh-render-error.h"
#include "kh-timeline-renderer.h"

#define MM 2.834645669
#define MARGIN (10 * MM)
#define TITLE_HEIGHT 26.0
#define AXIS_TIER_HEIGHT 15.0
#define AXIS_HEIGHT (2 * AXIS_TIER_HEIGHT)
#define LEGEND_HEIGHT 44.0
#define ROW_HEIGHT 15.0
#define NUMBER_WIDTH 34.0
#define FONT_FAMILY "Liberation Sans, DejaVu Sans, Sans"
/* cairo's image surfaces stop at 32767 pixels a side. */
#define MAX_PNG_SIDE 32767
#define MAX_RANGE_DAYS (366 * 10)

typedef struct {
  double r, g, b;
} Rgb;

static const Rgb ink = { 0.14, 0.14, 0.14 };
static const Rgb dim_ink = { 0.40, 0.40, 0.42 };
static const Rgb grid_minor = { 0.88, 0.88, 0.88 };
static const Rgb grid_major = { 0.70, 0.70, 0.72 };
static const Rgb group_band = { 0.93, 0.93, 0.94 };
static const Rgb stripe = { 0.975, 0.975, 0.98 };
static const Rgb flag = { 0.78, 0.27, 0.0 };      /* libadwaita orange 5 */
static const Rgb today_red = { 0.88, 0.11, 0.14 }; /* red 3 */

/* Everything a page (or the PNG) needs to be drawn. */
typedef struct {
  KhTimelineModel *model;
  PangoLayout     *layout;
  double           x, y;           /* top left of the frame (below the title) */
  double           names_width;
  double           chart_width;
  GDate            from, to;       /* the dates across the chart */
  GDate            range_start;    /* the plan's start: deadlines' lead-in */
  GDate            today;
  KhTimelineScale  scale;          /* origin = from */
  guint            first_row;
  guint            n_rows;
} Frame;

typedef struct {
  double  page_width, page_height;
  double  names_width, chart_width;
  guint   rows_per_page;
  guint   n_bands;                 /* pages down */
  guint   n_tiles;                 /* pages across */
  guint   days_per_tile;
  double  px_per_day;
  GDate   from, to;
} Pagination;

void
kh_timeline_export_options_init (KhTimelineExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper = KH_PAPER_A4;
  g_date_clear (&options->from, 1);
  g_date_clear (&options->to, 1);
  g_date_clear (&options->today, 1);
  options->color_by = KH_TIMELINE_COLOR_BY_LEAD;
  options->filter_status = -1;
  options->min_month_width = 40;
  options->png_scale = 2;
}

static KhTimelineModel *
model_for (KhDocument                    *document,
           const KhTimelineExportOptions *options)
{
  KhTimelineModel *model = kh_timeline_model_new (document);

  kh_timeline_model_set_color_by (model, options->color_by);
  kh_timeline_model_set_filter_unit (model, options->filter_unit);
  kh_timeline_model_set_filter_quarter (model, options->filter_quarter);
  kh_timeline_model_set_filter_status (model, options->filter_status);
  return model;
}

static gboolean
validate (const KhTimelineExportOptions  *options,
          GError                        **error)
{
  if (options->paper != KH_PAPER_A4 && options->paper != KH_PAPER_A3)
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("Unknown paper size."));
      return FALSE;
    }
  if (options->filter_quarter < 0 || options->filter_quarter > 4 ||
      options->filter_status < -1 || options->filter_status > KH_TASK_STATUS_CANCELLED)
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("Unknown quarter or status filter."));
      return FALSE;
    }
  if (!(options->min_month_width >= 10 && options->min_month_width <= 400) ||
      !(options->png_scale > 0 && options->png_scale <= 8))
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("The month width or the image scale is out of range."));
      return FALSE;
    }
  return TRUE;
}

/* The date range to draw: the options', else the model's. */
static gboolean
export_range (KhTimelineModel               *model,
              const KhTimelineExportOptions *options,
              GDate                         *from,
              GDate                         *to,
              GError                       **error)
{
  kh_timeline_model_get_range (model, from, to);
  if (g_date_valid (&options->from))
    *from = options->from;
  if (g_date_valid (&options->to))
    *to = options->to;
  if (g_date_compare (from, to) > 0)
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("The start date is after the end date."));
      return FALSE;
    }
  if (g_date_days_between (from, to) >= MAX_RANGE_DAYS)
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("The date range is longer than ten years."));
      return FALSE;
    }
  return TRUE;
}

static void
paginate (KhTimelineModel               *model,
          const KhTimelineExportOptions *options,
          const GDate                   *from,
          const GDate                   *to,
          Pagination                    *p)
{
  double content_width, min_ppd;
  guint n_rows = kh_timeline_model_get_n_rows (model);
  guint days = (guint) g_date_days_between (from, to) + 1;

  if (options->paper == KH_PAPER_A3)
    p->page_width = 420 * MM, p->page_height = 297 * MM;
  else
    p->page_width = 297 * MM, p->page_height = 210 * MM;
  content_width = p->page_width - 2 * MARGIN;
  p->names_width = floor (content_width * 0.3);
  p->chart_width = content_width - p->names_width;
  p->rows_per_page = (guint) floor ((p->page_height - 2 * MARGIN - TITLE_HEIGHT - AXIS_HEIGHT - LEGEND_HEIGHT)
                                    / ROW_HEIGHT);
  p->n_bands = MAX (1u, (n_rows + p->rows_per_page - 1) / p->rows_per_page);

  /* The whole range on one page when months stay wide enough; else as many
   * days as fit at the narrowest month width, on pages side by side. */
  min_ppd = options->min_month_width / 30.44;
  if (days * min_ppd <= p->chart_width)
    {
      p->n_tiles = 1;
      p->days_per_tile = days;
      p->px_per_day = p->chart_width / days;
    }
  else
    {
      p->px_per_day = min_ppd;
      p->days_per_tile = MAX (1u, (guint) floor (p->chart_width / min_ppd));
      p->n_tiles = (days + p->days_per_tile - 1) / p->days_per_tile;
    }
  p->from = *from;
  p->to = *to;
}

static void
set_rgb (cairo_t *cr, const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
set_font (PangoLayout *layout,
          double       size,
          gboolean     bold,
          gboolean     italic)
{
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

/* One line of text in a box of @width (ellipsized), vertically centred on
 * @cy; align 0 left, 1 centre, 2 right. Returns the text's width. */
static double
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       cy,
           double       width,
           int          align)
{
  PangoRectangle ink_rect, logical;
  double dx = 0;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_get_extents (layout, &ink_rect, &logical);
  if (align == 1 && width > 0)
    dx = (width - logical.width / (double) PANGO_SCALE) / 2;
  else if (align == 2 && width > 0)
    dx = width - logical.width / (double) PANGO_SCALE;
  cairo_move_to (cr, x + MAX (dx, 0), cy - logical.height / (2.0 * PANGO_SCALE));
  pango_cairo_show_layout (cr, layout);
  return logical.width / (double) PANGO_SCALE;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static void
legend_rgb (KhTimelineModel *model,
            guint            index,
            Rgb             *out)
{
  KhTimelineColor c;

  kh_timeline_model_get_legend_color (model, index, FALSE, &c);
  out->r = c.red, out->g = c.green, out->b = c.blue;
}

static void
draw_axis (cairo_t     *cr,
           const Frame *f)
{
  double cx = f->x + f->names_width;

  cairo_save (cr);
  cairo_rectangle (cr, cx, f->y, f->chart_width, AXIS_HEIGHT);
  cairo_clip (cr);
  for (guint tier = 0; tier < 2; tier++)
    {
      g_autoptr(GArray) cells = kh_timeline_scale_axis (&f->scale, &f->from, &f->to, tier);
      double y = f->y + tier * AXIS_TIER_HEIGHT;

      set_font (f->layout, tier == 0 ? 7.5 : 7, tier == 0, FALSE);
      for (guint i = 0; i < cells->len; i++)
        {
          KhTimelineAxisCell *cell = &g_array_index (cells, KhTimelineAxisCell, i);
          double x1, x2, vis1, vis2;

          kh_timeline_scale_span (&f->scale, &cell->start, &cell->end, &x1, &x2);
          x1 += cx, x2 += cx;
          vis1 = MAX (x1, cx), vis2 = MIN (x2, cx + f->chart_width);
          set_rgb (cr, &grid_major);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, x1, y);
          cairo_line_to (cr, x1, y + AXIS_TIER_HEIGHT);
          cairo_stroke (cr);
          /* A label that does not fit its cell takes its short form, else
           * is left out, never squeezed. */
          for (const char *label = cell->label; label != NULL;
               label = label == cell->label ? cell->short_label : NULL)
            if (vis2 - vis1 >= text_width (f->layout, label) + 4)
              {
                set_rgb (cr, &ink);
                draw_text (cr, f->layout, label, vis1, y + AXIS_TIER_HEIGHT / 2, vis2 - vis1, 1);
                break;
              }
        }
    }
  cairo_restore (cr);

  set_rgb (cr, &ink);
  set_font (f->layout, 7.5, TRUE, FALSE);
  draw_text (cr, f->layout, "TT", f->x, f->y + AXIS_HEIGHT / 2, NUMBER_WIDTH, 1);
  draw_text (cr, f->layout, "Nội dung công việc", f->x + NUMBER_WIDTH + 3, f->y + AXIS_HEIGHT / 2,
             f->names_width - NUMBER_WIDTH - 6, 0);
}

static void
draw_grid (cairo_t     *cr,
           const Frame *f,
           double       rows_height)
{
  double cx = f->x + f->names_width;
  double top = f->y + AXIS_HEIGHT;

  cairo_save (cr);
  cairo_rectangle (cr, cx, top, f->chart_width, rows_height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.4);
  for (int tier = 1; tier >= 0; tier--)
    {
      g_autoptr(GArray) cells = kh_timeline_scale_axis (&f->scale, &f->from, &f->to, tier);

      set_rgb (cr, tier == 0 ? &grid_major : &grid_minor);
      for (guint i = 0; i < cells->len; i++)
        {
          KhTimelineAxisCell *cell = &g_array_index (cells, KhTimelineAxisCell, i);
          double x = cx + kh_timeline_scale_x_of (&f->scale, &cell->start);

          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, top + rows_height);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

static void
draw_diamond (cairo_t *cr,
              double   cx,
              double   cy,
              double   r)
{
  cairo_move_to (cr, cx, cy - r);
  cairo_line_to (cr, cx + r, cy);
  cairo_line_to (cr, cx, cy + r);
  cairo_line_to (cr, cx - r, cy);
  cairo_close_path (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_marks (cairo_t             *cr,
            const Frame         *f,
            const KhTimelineRow *row,
            double               top)
{
  double cx = f->x + f->names_width;
  double cy = top + ROW_HEIGHT / 2;
  double bar_h = ROW_HEIGHT * 0.56;
  Rgb color;

  legend_rgb (f->model, row->legend_index, &color);

  if (row->event_lane || row->drawn_kind == KH_SCHEDULE_KIND_UNKNOWN)
    {
      g_autofree char *text = NULL;

      if (row->event_lane)
        {
          text = g_strdup (row->timeframe);
          set_rgb (cr, &dim_ink);
        }
      else
        {
          text = g_strdup_printf ("⚠ Chưa xác định được thời gian: “%s”", row->timeframe);
          set_rgb (cr, &flag);
        }
      set_font (f->layout, 7, FALSE, TRUE);
      draw_text (cr, f->layout, text, cx + 4, cy, f->chart_width - 8, 0);
      return;
    }

  for (guint i = 0; i < row->marks->len; i++)
    {
      const KhTimelineMark *mark = &g_array_index (row->marks, KhTimelineMark, i);
      double x1, x2;

      kh_timeline_scale_span (&f->scale, &mark->start, &mark->end, &x1, &x2);
      x1 += cx, x2 += cx;
      switch (mark->kind)
        {
        case KH_SCHEDULE_KIND_SPAN:
          rounded_rect (cr, x1, cy - bar_h / 2, MAX (x2 - x1, 1.5), bar_h, 2);
          cairo_set_source_rgb (cr, color.r, color.g, color.b);
          cairo_fill (cr);
          break;
        case KH_SCHEDULE_KIND_CONTINUOUS:
          cairo_rectangle (cr, x1, cy - bar_h / 2, x2 - x1, bar_h);
          cairo_set_source_rgba (cr, color.r, color.g, color.b, 0.22);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, color.r, color.g, color.b, 0.7);
          cairo_set_line_width (cr, 0.6);
          cairo_stroke (cr);
          break;
        case KH_SCHEDULE_KIND_DEADLINE:
          {
            double dx = (x1 + x2) / 2;
            double lead_in = cx + kh_timeline_scale_x_of (&f->scale, &f->range_start);

            cairo_set_source_rgba (cr, color.r, color.g, color.b, 0.45);
            cairo_set_line_width (cr, 1);
            cairo_move_to (cr, MIN (lead_in, dx), cy);
            cairo_line_to (cr, dx, cy);
            cairo_stroke (cr);
            draw_diamond (cr, dx, cy, ROW_HEIGHT * 0.33);
            cairo_set_source_rgb (cr, color.r, color.g, color.b);
            cairo_fill (cr);
          }
          break;
        case KH_SCHEDULE_KIND_RECURRING:
          if (g_date_compare (&mark->start, &mark->end) == 0)
            cairo_rectangle (cr, (x1 + x2) / 2 - 1, cy - ROW_HEIGHT * 0.35, 2, ROW_HEIGHT * 0.7);
          else
            cairo_rectangle (cr, x1 + 1, cy - bar_h / 2, MAX (x2 - x1 - 2, 1), bar_h);
          cairo_set_source_rgb (cr, color.r, color.g, color.b);
          cairo_fill (cr);
          break;
        case KH_SCHEDULE_KIND_EVENT:
        case KH_SCHEDULE_KIND_UNKNOWN:
        default:
          break;
        }
    }
}

/* Task rows first; group rows (@groups) last, over the column lines, since
 * their titles run across the whole width. */
static void
draw_rows (cairo_t     *cr,
           const Frame *f,
           gboolean     groups)
{
  double cx = f->x + f->names_width;
  double top = f->y + AXIS_HEIGHT;

  for (guint i = 0; i < f->n_rows; i++)
    {
      const KhTimelineRow *row = kh_timeline_model_get_row (f->model, f->first_row + i);
      double y = top + i * ROW_HEIGHT;
      double cy = y + ROW_HEIGHT / 2;

      if ((row->kind == KH_TIMELINE_ROW_GROUP) != groups)
        continue;
      if (row->kind == KH_TIMELINE_ROW_GROUP)
        {
          set_rgb (cr, &group_band);
          cairo_rectangle (cr, f->x + 0.35, y, f->names_width + f->chart_width - 0.7, ROW_HEIGHT);
          cairo_fill (cr);
          set_rgb (cr, &ink);
          set_font (f->layout, 7.5, TRUE, FALSE);
          draw_text (cr, f->layout, row->number, f->x, cy, NUMBER_WIDTH, 1);
          draw_text (cr, f->layout, row->content, f->x + NUMBER_WIDTH + 3, cy,
                     f->names_width + f->chart_width - NUMBER_WIDTH - 6, 0);
          continue;
        }
      if (i % 2 == 1)
        {
          set_rgb (cr, &stripe);
          cairo_rectangle (cr, f->x, y, f->names_width + f->chart_width, ROW_HEIGHT);
          cairo_fill (cr);
        }
      set_rgb (cr, &ink);
      set_font (f->layout, 7, FALSE, FALSE);
      draw_text (cr, f->layout, row->number, f->x, cy, NUMBER_WIDTH, 1);
      draw_text (cr, f->layout, row->content, f->x + NUMBER_WIDTH + 3, cy,
                 f->names_width - NUMBER_WIDTH - 6, 0);

      cairo_save (cr);
      cairo_rectangle (cr, cx, y, f->chart_width, ROW_HEIGHT);
      cairo_clip (cr);
      draw_marks (cr, f, row, y);
      cairo_restore (cr);
    }
}

static void
draw_frame (cairo_t     *cr,
            const Frame *f)
{
  double rows_height = f->n_rows * ROW_HEIGHT;
  double cx = f->x + f->names_width;
  double bottom = f->y + AXIS_HEIGHT + rows_height;

  draw_grid (cr, f, rows_height);
  draw_rows (cr, f, FALSE);
  draw_axis (cr, f);

  if (g_date_valid (&f->today) &&
      g_date_compare (&f->today, &f->from) >= 0 && g_date_compare (&f->today, &f->to) <= 0)
    {
      double x = cx + kh_timeline_scale_x_of (&f->scale, &f->today) + f->scale.px_per_day / 2;

      set_rgb (cr, &today_red);
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, x, f->y + AXIS_TIER_HEIGHT);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
    }

  /* Frame lines: around the table, under the axis, after the names. */
  set_rgb (cr, &grid_major);
  cairo_set_line_width (cr, 0.7);
  cairo_rectangle (cr, f->x, f->y, f->names_width + f->chart_width, AXIS_HEIGHT + rows_height);
  cairo_move_to (cr, f->x, f->y + AXIS_HEIGHT);
  cairo_line_to (cr, cx + f->chart_width, f->y + AXIS_HEIGHT);
  cairo_move_to (cr, cx, f->y);
  cairo_line_to (cr, cx, bottom);
  cairo_move_to (cr, f->x + NUMBER_WIDTH, f->y);
  cairo_line_to (cr, f->x + NUMBER_WIDTH, bottom);
  cairo_stroke (cr);
  draw_rows (cr, f, TRUE);
}

/* The colours, then the kinds of marks, on one line below the table. */
static void
draw_legend (cairo_t         *cr,
             KhTimelineModel *model,
             PangoLayout     *layout,
             double           x,
             double           y,
             double           width)
{
  const char *title = kh_timeline_model_get_color_by (model) == KH_TIMELINE_COLOR_BY_STATUS
                      ? "Màu theo tình trạng:" : "Màu theo đơn vị chủ trì:";
  double cy = y + 8, px = x, indent;
  Rgb grey = { 0.47, 0.46, 0.48 };

  set_font (layout, 7, TRUE, FALSE);
  set_rgb (cr, &ink);
  px += draw_text (cr, layout, title, px, cy, -1, 0) + 6;
  indent = px;
  set_font (layout, 7, FALSE, FALSE);
  for (guint i = 0; i < kh_timeline_model_get_n_legend (model); i++)
    {
      const char *label = kh_timeline_model_get_legend_label (model, i);
      double entry = 13 + text_width (layout, label) + 10;
      Rgb c;

      /* Units flow onto a second line; what still does not fit is left out. */
      if (px + entry > x + width)
        {
          if (cy > y + 8)
            break;
          cy += 12, px = indent;
        }
      legend_rgb (model, i, &c);
      rounded_rect (cr, px, cy - 3.5, 10, 7, 1.5);
      set_rgb (cr, &c);
      cairo_fill (cr);
      set_rgb (cr, &ink);
      draw_text (cr, layout, label, px + 13, cy, -1, 0);
      px += entry;
    }

  cy += 13, px = x;
  set_rgb (cr, &grey);
  rounded_rect (cr, px, cy - 3.5, 16, 7, 1.5);
  cairo_fill (cr);
  set_rgb (cr, &ink);
  px += 19 + draw_text (cr, layout, "Thời gian thực hiện", px + 19, cy, -1, 0) + 12;
  draw_diamond (cr, px + 4, cy, 4);
  set_rgb (cr, &grey);
  cairo_fill (cr);
  set_rgb (cr, &ink);
  px += 11 + draw_text (cr, layout, "Hạn hoàn thành", px + 11, cy, -1, 0) + 12;
  cairo_rectangle (cr, px, cy - 3.5, 16, 7);
  cairo_set_source_rgba (cr, grey.r, grey.g, grey.b, 0.22);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, grey.r, grey.g, grey.b, 0.7);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  set_rgb (cr, &ink);
  px += 19 + draw_text (cr, layout, "Thường xuyên", px + 19, cy, -1, 0) + 12;
  set_rgb (cr, &grey);
  for (int k = 0; k < 3; k++)
    cairo_rectangle (cr, px + k * 5, cy - 4, 2, 8);
  cairo_fill (cr);
  set_rgb (cr, &ink);
  px += 17 + draw_text (cr, layout, "Định kỳ", px + 17, cy, -1, 0) + 12;
  set_rgb (cr, &today_red);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, px + 2, cy - 4);
  cairo_line_to (cr, px + 2, cy + 4);
  cairo_stroke (cr);
  set_rgb (cr, &ink);
  draw_text (cr, layout, "Hôm nay", px + 7, cy, -1, 0);
}

static void
draw_title (cairo_t     *cr,
            KhDocument  *document,
            PangoLayout *layout,
            double       x,
            double       y,
            double       width,
            const char  *page_label)
{
  g_autofree char *title = kh_document_dup_title (document);
  g_autofree char *nfc = g_utf8_normalize (title != NULL ? title : "", -1, G_NORMALIZE_NFC);
  g_autofree char *heading = g_strdup_printf ("TIẾN ĐỘ THỰC HIỆN: %s", nfc != NULL ? nfc : "");
  double label_width = 0;

  set_rgb (cr, &ink);
  if (page_label != NULL)
    {
      set_font (layout, 7.5, FALSE, FALSE);
      label_width = text_width (layout, page_label);
      draw_text (cr, layout, page_label, x + width - label_width, y + 9, -1, 0);
    }
  set_font (layout, 10, TRUE, FALSE);
  draw_text (cr, layout, heading, x, y + 9, width - label_width - 12, 0);
}

static void
frame_init (Frame           *f,
            KhTimelineModel *model,
            PangoLayout     *layout,
            const GDate     *from,
            const GDate     *to,
            double           px_per_day)
{
  GDate range_end;

  memset (f, 0, sizeof *f);
  f->model = model;
  f->layout = layout;
  f->from = *from;
  f->to = *to;
  kh_timeline_model_get_range (model, &f->range_start, &range_end);
  kh_timeline_scale_init (&f->scale, from, px_per_day);
  g_date_clear (&f->today, 1);
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_FAILED,
               _("Could not write the timeline: %s"), cairo_status_to_string (status));
  return FALSE;
}

guint
kh_timeline_export_count_pages (KhDocument                    *document,
                                const KhTimelineExportOptions *options,
                                GError                       **error)
{
  g_autoptr(KhTimelineModel) model = NULL;
  Pagination p;
  GDate from, to;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (options != NULL, 0);

  if (!validate (options, error))
    return 0;
  model = model_for (document, options);
  if (!export_range (model, options, &from, &to, error))
    return 0;
  paginate (model, options, &from, &to, &p);
  return p.n_bands * p.n_tiles;
}

gboolean
kh_timeline_export_pdf (KhDocument                    *document,
                        const KhTimelineExportOptions *options,
                        const char                    *path,
                        GError                       **error)
{
  g_autoptr(KhTimelineModel) model = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  Pagination p;
  GDate from, to;
  guint n_rows, page = 0;
  cairo_status_t status;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!validate (options, error))
    return FALSE;
  model = model_for (document, options);
  if (!export_range (model, options, &from, &to, error))
    return FALSE;
  paginate (model, options, &from, &to, &p);
  n_rows = kh_timeline_model_get_n_rows (model);

  surface = cairo_pdf_surface_create (path, p.page_width, p.page_height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_FAILED,
                   _("Could not create “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  {
    g_autofree char *title = kh_document_dup_title (document);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kế hoạch");
  }
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);

  for (guint band = 0; band < p.n_bands; band++)
    for (guint tile = 0; tile < p.n_tiles; tile++)
      {
        g_autofree char *page_label = g_strdup_printf ("Trang %u/%u", ++page, p.n_bands * p.n_tiles);
        GDate tile_from = p.from, tile_to;
        Frame f;

        g_date_add_days (&tile_from, tile * p.days_per_tile);
        tile_to = tile_from;
        g_date_add_days (&tile_to, p.days_per_tile - 1);
        if (g_date_compare (&tile_to, &p.to) > 0)
          tile_to = p.to;

        frame_init (&f, model, layout, &tile_from, &tile_to, p.px_per_day);
        f.today = options->today;
        f.x = MARGIN;
        f.y = MARGIN + TITLE_HEIGHT;
        f.names_width = p.names_width;
        f.chart_width = (g_date_days_between (&tile_from, &tile_to) + 1) * p.px_per_day;
        f.first_row = band * p.rows_per_page;
        f.n_rows = MIN (p.rows_per_page, n_rows - MIN (n_rows, f.first_row));

        draw_title (cr, document, layout, MARGIN, MARGIN, p.page_width - 2 * MARGIN, page_label);
        draw_frame (cr, &f);
        draw_legend (cr, model, layout, MARGIN,
                     f.y + AXIS_HEIGHT + f.n_rows * ROW_HEIGHT + 6, p.page_width - 2 * MARGIN);
        cairo_show_page (cr);
      }

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_cairo (status, error);
}

gboolean
kh_timeline_export_png (KhDocument                    *document,
                        const KhTimelineExportOptions *options,
                        const char                    *path,
                        GError                       **error)
{
  g_autoptr(KhTimelineModel) model = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  Pagination p;
  GDate from, to;
  Frame f;
  double width, height, chart_width;
  guint n_rows, days;
  cairo_status_t status;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!validate (options, error))
    return FALSE;
  model = model_for (document, options);
  if (!export_range (model, options, &from, &to, error))
    return FALSE;
  /* The page's proportions, grown to hold every row and every day. */
  paginate (model, options, &from, &to, &p);
  n_rows = kh_timeline_model_get_n_rows (model);
  days = (guint) g_date_days_between (&from, &to) + 1;
  chart_width = MAX (p.chart_width, days * options->min_month_width / 30.44);
  width = 2 * MARGIN + p.names_width + chart_width;
  height = 2 * MARGIN + TITLE_HEIGHT + AXIS_HEIGHT + n_rows * ROW_HEIGHT + LEGEND_HEIGHT;
  if (ceil (width * options->png_scale) > MAX_PNG_SIDE || ceil (height * options->png_scale) > MAX_PNG_SIDE)
    {
      g_set_error (error, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_OPTIONS,
                   _("The timeline is too large for one image (%u rows); export a PDF or filter the tasks."),
                   n_rows);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil (width * options->png_scale),
                                        (int) ceil (height * options->png_scale));
  cr = cairo_create (surface);
  cairo_scale (cr, options->png_scale, options->png_scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  layout = pango_cairo_create_layout (cr);

  frame_init (&f, model, layout, &from, &to, chart_width / days);
  f.today = options->today;
  f.x = MARGIN;
  f.y = MARGIN + TITLE_HEIGHT;
  f.names_width = p.names_width;
  f.chart_width = chart_width;
  f.n_rows = n_rows;
  draw_title (cr, document, layout, MARGIN, MARGIN, width - 2 * MARGIN, NULL);
  draw_frame (cr, &f);
  draw_legend (cr, model, layout, MARGIN, f.y + AXIS_HEIGHT + n_rows * ROW_HEIGHT + 6, width - 2 * MARGIN);

  g_object_unref (layout);
  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
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
