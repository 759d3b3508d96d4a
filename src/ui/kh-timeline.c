/* kh-timeline.c — the timeline widget: GtkSnapshot, Pango, GtkScrollable */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kh-timeline.h"

#define NAMES_WIDTH 340.0
#define AXIS_TIER 22.0
#define RESIZE_SLOP 6.0
#define MAX_NAME_CHARS 140

typedef enum {
  HIT_NONE,
  HIT_NAME,
  HIT_CHART,    /* the row's chart area, off any mark */
  HIT_BODY,
  HIT_START,
  HIT_END,
} HitPart;

typedef struct {
  int      row;       /* -1: none */
  HitPart  part;
  guint    mark;      /* index into the row's marks for BODY/START/END */
} Hit;

typedef struct {
  PangoLayout *number;
  PangoLayout *content;
  PangoLayout *note;      /* the event lane's text, or the unread flag */
} RowCache;

struct _KhTimeline
{
  GtkWidget         parent_instance;

  KhTimelineModel  *model;
  gulong            model_changed_id;
  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;
  gboolean          presentation;
  gboolean          model_dirty;    /* the model changed since last read */

  double            px_per_day;
  gboolean          fitted;         /* zoom follows the width until the user zooms */
  GDate             range_start;
  GDate             range_end;
  GDate             today;
  int               selected;       /* row index, -1 none */

  /* Drawing caches, dropped on model, font or size changes. */
  GPtrArray        *row_cache;      /* of RowCache*, by row index (NULL: not built) */
  GHashTable       *label_cache;    /* axis label → PangoLayout */
  double            row_height;
  double            number_width;   /* the numbers' column, to fit "VIII.12" */
  int               cached_width;   /* the width the row layouts were made for */
  guint             prefetch_id;
  guint             prefetch_next;  /* the next row to lay out in the background */

  /* Drag of a mark. */
  Hit               drag_hit;
  int               drag_days;      /* offset being dragged, in days */
  gboolean          dragging;
  double            pointer_x;
  double            zoom_begin_ppd;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_PRESENTATION,
  PROP_PX_PER_DAY,
  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS = PROP_HADJUSTMENT
};

enum {
  SIGNAL_TASK_ACTIVATED,
  SIGNAL_SCHEDULE_EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (KhTimeline, kh_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void
row_cache_free (gpointer data)
{
  RowCache *cache = data;

  if (cache == NULL)
    return;
  g_clear_object (&cache->number);
  g_clear_object (&cache->content);
  g_clear_object (&cache->note);
  g_free (cache);
}

static double
font_scale (KhTimeline *self)
{
  return self->presentation ? 1.6 : 1.0;
}

static double
names_width (KhTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  /* A third of a narrow window at most, so that dates stay visible. */
  return floor (MIN (NAMES_WIDTH * (self->presentation ? 1.35 : 1.0), MAX (width / 3, 160)));
}

static double
axis_height (KhTimeline *self)
{
  return 2 * ceil (AXIS_TIER * font_scale (self));
}

static double
chart_width (KhTimeline *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - names_width (self), 1);
}

static guint
n_rows (KhTimeline *self)
{
  return self->model != NULL ? kh_timeline_model_get_n_rows (self->model) : 0;
}

static guint
range_days (KhTimeline *self)
{
  return (guint) g_date_days_between (&self->range_start, &self->range_end) + 1;
}

static void
get_scale (KhTimeline      *self,
           KhTimelineScale *scale)
{
  kh_timeline_scale_init (scale, &self->range_start, self->px_per_day);
}

static double
hvalue (KhTimeline *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (KhTimeline *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static PangoFontDescription *
font_for (KhTimeline *self,
          double      size_factor,
          gboolean    bold)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *desc = pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 11 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * size_factor * font_scale (self));
  else
    pango_font_description_set_size (desc, (int) (size * size_factor * font_scale (self)));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  return desc;
}

static PangoLayout *
new_layout (KhTimeline *self,
            const char *text,
            double      size_factor,
            gboolean    bold,
            gboolean    italic)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *desc = font_for (self, size_factor, bold);

  if (italic)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (desc);
  return layout;
}

static gboolean prefetch_rows (gpointer data);

/* Row layouts are built in the background, a few milliseconds at a time,
 * so that a fast scroll through thousands of rows finds them ready. */
static void
resume_prefetch (KhTimeline *self)
{
  if (self->prefetch_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_rows, self, NULL);
}

static void
start_prefetch (KhTimeline *self)
{
  self->prefetch_next = 0;
  resume_prefetch (self);
}

static void
drop_row_cache (KhTimeline *self)
{
  g_ptr_array_set_size (self->row_cache, 0);
  start_prefetch (self);
}

/* Wide enough for the longest number shown ("VIII.12" in the event lane). */
static void
measure_numbers (KhTimeline *self)
{
  const char *longest = "99";
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  for (guint i = 0; i < n_rows (self); i++)
    {
      const char *number = kh_timeline_model_get_row (self->model, i)->number;

      if (strlen (number) > strlen (longest))
        longest = number;
    }
  layout = new_layout (self, longest, 1.0, TRUE, FALSE);
  pango_layout_get_pixel_size (layout, &width, NULL);
  self->number_width = ceil (width + 20 * font_scale (self));
}

static void
drop_caches (KhTimeline *self)
{
  g_hash_table_remove_all (self->label_cache);
  measure_numbers (self);
  drop_row_cache (self);
}

static void
measure_rows (KhTimeline *self)
{
  g_autoptr(PangoLayout) probe = new_layout (self, "Ấy gỷ", 1.0, FALSE, FALSE);
  int height;

  pango_layout_get_pixel_size (probe, NULL, &height);
  self->row_height = ceil (height + 12 * font_scale (self));
}

static void
configure_adjustments (KhTimeline *self)
{
  double chart = chart_width (self);
  double rows_height = gtk_widget_get_height (GTK_WIDGET (self)) - axis_height (self);
  double total_width = range_days (self) * self->px_per_day;
  double total_height = n_rows (self) * self->row_height;

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (hvalue (self), 0, MAX (total_width - chart, 0)),
                              0, MAX (total_width, chart), chart * 0.1, chart * 0.9, chart);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (vvalue (self), 0, MAX (total_height - rows_height, 0)),
                              0, MAX (total_height, rows_height), self->row_height,
                              MAX (rows_height - self->row_height, self->row_height), MAX (rows_height, 1));
}

/* Reads the model again after a change. Done at once while on screen, else
 * when next shown or asked: the model rebuilds its rows only when read. */
static void
sync_model (KhTimeline *self)
{
  if (!self->model_dirty || self->model == NULL)
    return;
  self->model_dirty = FALSE;
  kh_timeline_model_get_range (self->model, &self->range_start, &self->range_end);
  drop_caches (self);
  if ((guint) (self->selected + 1) > n_rows (self))
    self->selected = (int) n_rows (self) - 1;
  if (self->fitted)
    self->px_per_day = CLAMP (chart_width (self) / range_days (self),
                              KH_TIMELINE_MIN_PX_PER_DAY, KH_TIMELINE_MAX_PX_PER_DAY);
  configure_adjustments (self);
}

static void
on_model_changed (KhTimeline *self)
{
  self->model_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sync_model (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_adjustment_changed (KhTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (KhTimeline     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  configure_adjustments (self);
}

/* Geometry of rows and marks, in widget coordinates. */

static double
row_top (KhTimeline *self,
         guint       row)
{
  return axis_height (self) + row * self->row_height - vvalue (self);
}

static double
date_x (KhTimeline  *self,
        const GDate *date)
{
  KhTimelineScale scale;

  get_scale (self, &scale);
  return names_width (self) + kh_timeline_scale_x_of (&scale, date) - hvalue (self);
}

/* The rectangle of a mark (before any drag offset). */
static graphene_rect_t
mark_rect (KhTimeline           *self,
           const KhTimelineMark *mark,
           double                top)
{
  KhTimelineScale scale;
  double x1, x2, h = self->row_height;
  double cy = top + h / 2;

  get_scale (self, &scale);
  kh_timeline_scale_span (&scale, &mark->start, &mark->end, &x1, &x2);
  x1 += names_width (self) - hvalue (self);
  x2 += names_width (self) - hvalue (self);
  switch (mark->kind)
    {
    case KH_SCHEDULE_KIND_DEADLINE:
      {
        double r = h * 0.3;
        double cx = (x1 + x2) / 2;

        return GRAPHENE_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r);
      }
    case KH_SCHEDULE_KIND_RECURRING:
      if (g_date_compare (&mark->start, &mark->end) == 0)
        return GRAPHENE_RECT_INIT ((x1 + x2) / 2 - 1.5, cy - h * 0.32, 3, h * 0.64);
      return GRAPHENE_RECT_INIT (x1 + 1, cy - h * 0.25, MAX (x2 - x1 - 2, 1), h * 0.5);
    case KH_SCHEDULE_KIND_SPAN:
    case KH_SCHEDULE_KIND_CONTINUOUS:
    case KH_SCHEDULE_KIND_EVENT:
    case KH_SCHEDULE_KIND_UNKNOWN:
    default:
      return GRAPHENE_RECT_INIT (x1, cy - h * 0.28, MAX (x2 - x1, 2), h * 0.56);
    }
}

static gboolean
mark_draggable (const KhTimelineMark *mark)
{
  return mark->kind == KH_SCHEDULE_KIND_SPAN || mark->kind == KH_SCHEDULE_KIND_CONTINUOUS ||
         mark->kind == KH_SCHEDULE_KIND_DEADLINE;
}

static Hit
hit_test (KhTimeline *self,
          double      x,
          double      y)
{
  Hit hit = { -1, HIT_NONE, 0 };
  double top;
  int row;
  const KhTimelineRow *r;

  if (y < axis_height (self) || x < 0 || x >= gtk_widget_get_width (GTK_WIDGET (self)))
    return hit;
  row = (int) floor ((y - axis_height (self) + vvalue (self)) / self->row_height);
  if (row < 0 || (guint) row >= n_rows (self))
    return hit;
  hit.row = row;
  if (x < names_width (self))
    {
      hit.part = HIT_NAME;
      return hit;
    }
  hit.part = HIT_CHART;
  r = kh_timeline_model_get_row (self->model, row);
  if (r->marks == NULL)
    return hit;
  top = row_top (self, row);
  /* The last mark drawn is on top: test from the end. */
  for (guint i = r->marks->len; i-- > 0;)
    {
      const KhTimelineMark *mark = &g_array_index (r->marks, KhTimelineMark, i);
      graphene_rect_t rect = mark_rect (self, mark, top);
      double slop = mark->kind == KH_SCHEDULE_KIND_SPAN || mark->kind == KH_SCHEDULE_KIND_CONTINUOUS
                    ? MIN (RESIZE_SLOP, rect.size.width / 3) : 0;

      /* A little room around thin marks. */
      if (x < rect.origin.x - 3 || x > rect.origin.x + rect.size.width + 3 ||
          y < rect.origin.y - 3 || y > rect.origin.y + rect.size.height + 3)
        continue;
      hit.mark = i;
      if (slop > 0 && x <= rect.origin.x + slop)
        hit.part = HIT_START;
      else if (slop > 0 && x >= rect.origin.x + rect.size.width - slop)
        hit.part = HIT_END;
      else
        hit.part = HIT_BODY;
      return hit;
    }
  return hit;
}

/* Drawing. */

static void
rgba_from (GdkRGBA               *out,
           const KhTimelineColor *c,
           float                  alpha)
{
  out->red = c->red;
  out->green = c->green;
  out->blue = c->blue;
  out->alpha = alpha;
}

static GdkRGBA
with_alpha (const GdkRGBA *c,
            float          alpha)
{
  GdkRGBA out = *c;

  out.alpha *= alpha;
  return out;
}

static PangoLayout *
label_layout (KhTimeline *self,
              const char *label,
              gboolean    upper)
{
  g_autofree char *key = g_strdup_printf ("%d%s", upper, label);
  PangoLayout *layout = g_hash_table_lookup (self->label_cache, key);

  if (layout == NULL)
    {
      layout = new_layout (self, label, upper ? 0.9 : 0.85, upper, FALSE);
      g_hash_table_insert (self->label_cache, g_steal_pointer (&key), layout);
    }
  return layout;
}

static RowCache *
row_cache (KhTimeline          *self,
           guint                index,
           const KhTimelineRow *row)
{
  RowCache *cache;
  double width = names_width (self) - self->number_width - 12;

  if (self->row_cache->len <= index)
    g_ptr_array_set_size (self->row_cache, index + 1);
  cache = g_ptr_array_index (self->row_cache, index);
  if (cache != NULL)
    return cache;

  cache = g_new0 (RowCache, 1);
  if (row->kind == KH_TIMELINE_ROW_GROUP)
    {
      g_autofree char *title = g_strdup_printf ("%s %s", row->collapsed ? "▸" : "▾", row->content);

      cache->number = new_layout (self, row->number, 1.0, TRUE, FALSE);
      cache->content = new_layout (self, title, 1.0, TRUE, FALSE);
      /* The title may run on over the chart. */
      pango_layout_set_width (cache->content, (int) (MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->number_width - 16, 10) * PANGO_SCALE));
    }
  else
    {
      /* The column shows a line of some sixty characters: shaping the rest
       * of a long content only to ellipsize it costs frames. */
      g_autofree char *shown = g_utf8_strlen (row->content, -1) > MAX_NAME_CHARS
                               ? g_utf8_substring (row->content, 0, MAX_NAME_CHARS) : NULL;

      cache->number = g_object_ref (label_layout (self, row->number, FALSE));
      cache->content = new_layout (self, shown != NULL ? shown : row->content, 0.95, FALSE, FALSE);
      pango_layout_set_width (cache->content, (int) (MAX (width, 10) * PANGO_SCALE));
      if (row->event_lane)
        cache->note = new_layout (self, row->timeframe, 0.9, FALSE, TRUE);
      else if (row->drawn_kind == KH_SCHEDULE_KIND_UNKNOWN)
        {
          g_autofree char *text = g_strdup_printf ("⚠ %s “%s”", _("Time frame not understood:"), row->timeframe);

          cache->note = new_layout (self, text, 0.9, FALSE, TRUE);
        }
    }
  pango_layout_set_ellipsize (cache->content, PANGO_ELLIPSIZE_END);
  g_ptr_array_index (self->row_cache, index) = cache;
  return cache;
}

static gboolean
prefetch_rows (gpointer data)
{
  KhTimeline *self = data;
  gint64 deadline = g_get_monotonic_time () + 3000;
  guint n;

  /* Off screen, wait to be shown again (map resumes). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->model_dirty)
    {
      self->prefetch_id = 0;
      return G_SOURCE_REMOVE;
    }
  n = n_rows (self);

  while (self->prefetch_next < n && g_get_monotonic_time () < deadline)
    {
      guint i = self->prefetch_next++;
      RowCache *cache = row_cache (self, i, kh_timeline_model_get_row (self->model, i));

      /* Measuring shapes the text: the costly part. */
      pango_layout_get_pixel_size (cache->content, NULL, NULL);
      if (cache->note != NULL)
        pango_layout_get_pixel_size (cache->note, NULL, NULL);
    }
  if (self->prefetch_next < n)
    return G_SOURCE_CONTINUE;
  self->prefetch_id = 0;
  return G_SOURCE_REMOVE;
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  double         x,
                  double         cy,
                  const GdkRGBA *color)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (cy - height / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_axis (KhTimeline    *self,
               GtkSnapshot   *snapshot,
               const GdkRGBA *fg,
               const GdkRGBA *bg)
{
  double names = names_width (self), width = gtk_widget_get_width (GTK_WIDGET (self));
  double tier_h = axis_height (self) / 2;
  GdkRGBA line = with_alpha (fg, 0.18);
  KhTimelineScale scale;
  GDate from, to;

  gtk_snapshot_append_color (snapshot, bg, &GRAPHENE_RECT_INIT (0, 0, width, axis_height (self)));
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, axis_height (self) - 1, width, 1));

  get_scale (self, &scale);
  kh_timeline_scale_date_at (&scale, hvalue (self), &from);
  kh_timeline_scale_date_at (&scale, hvalue (self) + chart_width (self), &to);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (names, 0, width - names, axis_height (self)));
  for (guint tier = 0; tier < 2; tier++)
    {
      g_autoptr(GArray) cells = kh_timeline_scale_axis (&scale, &from, &to, tier);

      for (guint i = 0; i < cells->len; i++)
        {
          KhTimelineAxisCell *cell = &g_array_index (cells, KhTimelineAxisCell, i);
          double x1 = date_x (self, &cell->start), x2 = date_x (self, &cell->end) + self->px_per_day;
          double vis1 = MAX (x1, names), vis2 = MIN (x2, width);
          PangoLayout *layout = label_layout (self, cell->label, tier == 0);
          int text_w;

          gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x1, tier * tier_h + 4, 1, tier_h - 4));
          pango_layout_get_pixel_size (layout, &text_w, NULL);
          /* Large type on narrow cells: the short form ("Th1"). */
          if (vis2 - vis1 < text_w + 6)
            {
              layout = label_layout (self, cell->short_label, tier == 0);
              pango_layout_get_pixel_size (layout, &text_w, NULL);
            }
          /* The upper label stays in view while its cell scrolls. */
          if (vis2 - vis1 >= text_w + 6)
            append_layout_at (snapshot, layout, tier == 0 ? vis1 + 6 : (x1 + x2 - text_w) / 2,
                              tier * tier_h + tier_h / 2, fg);
        }
    }
  gtk_snapshot_pop (snapshot);

  {
    g_autoptr(PangoLayout) head = new_layout (self, _("Task"), 0.9, TRUE, FALSE);

    append_layout_at (snapshot, head, self->number_width, axis_height (self) / 2, fg);
  }
}

static void
snapshot_grid (KhTimeline    *self,
               GtkSnapshot   *snapshot,
               const GdkRGBA *fg)
{
  double names = names_width (self), width = gtk_widget_get_width (GTK_WIDGET (self));
  double top = axis_height (self), height = gtk_widget_get_height (GTK_WIDGET (self)) - top;
  GdkRGBA major = with_alpha (fg, 0.14), minor = with_alpha (fg, 0.06);
  KhTimelineScale scale;
  GDate from, to;

  get_scale (self, &scale);
  kh_timeline_scale_date_at (&scale, hvalue (self), &from);
  kh_timeline_scale_date_at (&scale, hvalue (self) + chart_width (self), &to);
  for (int tier = 1; tier >= 0; tier--)
    {
      g_autoptr(GArray) cells = kh_timeline_scale_axis (&scale, &from, &to, tier);

      for (guint i = 0; i < cells->len; i++)
        {
          double x = date_x (self, &g_array_index (cells, KhTimelineAxisCell, i).start);

          if (x >= names && x < width)
            gtk_snapshot_append_color (snapshot, tier == 0 ? &major : &minor,
                                       &GRAPHENE_RECT_INIT (x, top, 1, height));
        }
    }
}

static void
snapshot_marks (KhTimeline          *self,
                GtkSnapshot         *snapshot,
                const KhTimelineRow *row,
                int                  index,
                double               top,
                gboolean             dark)
{
  KhTimelineColor c;
  GdkRGBA solid, light, edge;
  double cy = top + self->row_height / 2;
  double lead_in_x = date_x (self, &self->range_start);

  kh_timeline_model_get_legend_color (self->model, row->legend_index, dark, &c);
  rgba_from (&solid, &c, 1);
  rgba_from (&light, &c, dark ? 0.30 : 0.22);
  rgba_from (&edge, &c, 0.75);

  for (guint i = 0; i < row->marks->len; i++)
    {
      const KhTimelineMark *mark = &g_array_index (row->marks, KhTimelineMark, i);
      graphene_rect_t rect = mark_rect (self, mark, top);

      if (self->dragging && self->drag_hit.row == index && self->drag_hit.mark == i)
        {
          double dx = self->drag_days * self->px_per_day;

          if (self->drag_hit.part == HIT_START)
            rect.origin.x += dx, rect.size.width = MAX (rect.size.width - dx, self->px_per_day);
          else if (self->drag_hit.part == HIT_END)
            rect.size.width = MAX (rect.size.width + dx, self->px_per_day);
          else
            rect.origin.x += dx;
        }

      switch (mark->kind)
        {
        case KH_SCHEDULE_KIND_SPAN:
          {
            GskRoundedRect rounded;

            gsk_rounded_rect_init_from_rect (&rounded, &rect, MIN (4, rect.size.height / 2));
            gtk_snapshot_push_rounded_clip (snapshot, &rounded);
            gtk_snapshot_append_color (snapshot, &solid, &rect);
            gtk_snapshot_pop (snapshot);
          }
          break;
        case KH_SCHEDULE_KIND_CONTINUOUS:
          {
            GskRoundedRect rounded;
            const float widths[4] = { 1, 1, 1, 1 };
            const GdkRGBA colors[4] = { edge, edge, edge, edge };

            gtk_snapshot_append_color (snapshot, &light, &rect);
            gsk_rounded_rect_init_from_rect (&rounded, &rect, 0);
            gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
          }
          break;
        case KH_SCHEDULE_KIND_DEADLINE:
          {
            double cx = rect.origin.x + rect.size.width / 2, r = rect.size.width / 2;
            GdkRGBA thin = with_alpha (&solid, 0.5);

            if (lead_in_x < cx)
              gtk_snapshot_append_color (snapshot, &thin, &GRAPHENE_RECT_INIT (lead_in_x, cy - 1, cx - lead_in_x, 2));
            gtk_snapshot_save (snapshot);
            gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
            gtk_snapshot_rotate (snapshot, 45);
            gtk_snapshot_append_color (snapshot, &solid, &GRAPHENE_RECT_INIT (-r * 0.72, -r * 0.72, r * 1.44, r * 1.44));
            gtk_snapshot_restore (snapshot);
          }
          break;
        case KH_SCHEDULE_KIND_RECURRING:
          gtk_snapshot_append_color (snapshot, &solid, &rect);
          break;
        case KH_SCHEDULE_KIND_EVENT:
        case KH_SCHEDULE_KIND_UNKNOWN:
        default:
          break;
        }
    }
}

static void
kh_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  KhTimeline *self = KH_TIMELINE (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double names = names_width (self), top = axis_height (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA fg, bg, accent, warning, today_color, band, stripe, names_bg;
  guint first, last;

  sync_model (self);
  if (self->model == NULL || width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "view_bg_color", &bg))
    bg = dark ? (GdkRGBA) { 0.12, 0.12, 0.12, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  if (!gtk_style_context_lookup_color (style, "warning_color", &warning))
    warning = (GdkRGBA) { 0.61, 0.43, 0.0, 1 };
  if (!gtk_style_context_lookup_color (style, "destructive_color", &today_color))
    today_color = (GdkRGBA) { 0.88, 0.11, 0.14, 1 };
  /* Opaque: the grid must not run through group titles. */
  band = (GdkRGBA) { bg.red + (fg.red - bg.red) * 0.07f, bg.green + (fg.green - bg.green) * 0.07f,
                     bg.blue + (fg.blue - bg.blue) * 0.07f, 1 };
  stripe = with_alpha (&fg, 0.025);
  names_bg = with_alpha (&fg, 0.03);

  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &names_bg, &GRAPHENE_RECT_INIT (0, top, names, height - top));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, top, width, height - top));
  snapshot_grid (self, snapshot, &fg);

  first = (guint) MAX (floor (vvalue (self) / self->row_height), 0);
  last = MIN (n_rows (self), (guint) ceil ((vvalue (self) + height - top) / self->row_height) + 1);
  for (guint i = first; i < last; i++)
    {
      const KhTimelineRow *row = kh_timeline_model_get_row (self->model, i);
      RowCache *cache = row_cache (self, i, row);
      double y = row_top (self, i), cy = y + self->row_height / 2;
      GdkRGBA number_color = with_alpha (&fg, 0.7);

      if (row->kind == KH_TIMELINE_ROW_GROUP)
        gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, y, width, self->row_height));
      else if (i % 2 == 1)
        gtk_snapshot_append_color (snapshot, &stripe, &GRAPHENE_RECT_INIT (0, y, width, self->row_height));
      if ((int) i == self->selected)
        {
          GdkRGBA sel = with_alpha (&accent, gtk_widget_has_focus (widget) ? 0.28 : 0.16);

          gtk_snapshot_append_color (snapshot, &sel, &GRAPHENE_RECT_INIT (0, y, width, self->row_height));
        }

      if (row->kind == KH_TIMELINE_ROW_TASK)
        {
          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (names, y, width - names, self->row_height));
          if (cache->note != NULL)
            append_layout_at (snapshot, cache->note, MAX (names, date_x (self, &self->range_start)) + 8, cy,
                              row->event_lane ? &number_color : &warning);
          snapshot_marks (self, snapshot, row, (int) i, y, dark);
          gtk_snapshot_pop (snapshot);
        }

      /* The names column is drawn last so that it covers nothing it should not. */
      {
        int number_w;

        pango_layout_get_pixel_size (cache->number, &number_w, NULL);
        append_layout_at (snapshot, cache->number, self->number_width - number_w - 10, cy,
                          row->kind == KH_TIMELINE_ROW_GROUP ? &fg : &number_color);
        append_layout_at (snapshot, cache->content, self->number_width, cy, &fg);
      }
    }

  if (n_rows (self) == 0)
    {
      g_autoptr(PangoLayout) empty = new_layout (self, _("No tasks to show"), 1.2, FALSE, FALSE);
      GdkRGBA dim = with_alpha (&fg, 0.55);
      int w;

      pango_layout_get_pixel_size (empty, &w, NULL);
      append_layout_at (snapshot, empty, (width - w) / 2, top + (height - top) / 2, &dim);
    }

  /* Today, across the rows. */
  if (g_date_valid (&self->today) &&
      g_date_compare (&self->today, &self->range_start) >= 0 && g_date_compare (&self->today, &self->range_end) <= 0)
    {
      double x = date_x (self, &self->today) + self->px_per_day / 2;

      if (x >= names && x < width)
        gtk_snapshot_append_color (snapshot, &today_color, &GRAPHENE_RECT_INIT (x - 1, top, 2, height - top));
    }
  gtk_snapshot_pop (snapshot);

  {
    GdkRGBA line = with_alpha (&fg, 0.18);

    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (names - 1, 0, 1, height));
  }
  snapshot_axis (self, snapshot, &fg, &bg);
}

/* Selection and keyboard. */

static void
scroll_to_row (KhTimeline *self,
               int         row)
{
  double top = row * self->row_height;
  double page = gtk_adjustment_get_page_size (self->vadjustment);

  if (top < vvalue (self))
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (top + self->row_height > vvalue (self) + page)
    gtk_adjustment_set_value (self->vadjustment, top + self->row_height - page);
}

static void
scroll_to_task_dates (KhTimeline          *self,
                      const KhTimelineRow *row)
{
  KhTimelineScale scale;
  double x;

  if (row->marks == NULL || row->marks->len == 0)
    return;
  get_scale (self, &scale);
  x = kh_timeline_scale_x_of (&scale, &g_array_index (row->marks, KhTimelineMark, 0).start);
  if (x < hvalue (self) || x > hvalue (self) + chart_width (self) - 20)
    gtk_adjustment_set_value (self->hadjustment, MAX (x - 40, 0));
}

static void
select_row (KhTimeline *self,
            int         row)
{
  if (n_rows (self) == 0)
    return;
  row = CLAMP (row, 0, (int) n_rows (self) - 1);
  self->selected = row;
  scroll_to_row (self, row);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
activate_row (KhTimeline *self,
              int         index)
{
  const KhTimelineRow *row;

  if (index < 0 || (guint) index >= n_rows (self))
    return;
  row = kh_timeline_model_get_row (self->model, index);
  if (row->kind == KH_TIMELINE_ROW_GROUP)
    kh_timeline_model_set_collapsed (self->model, index, !row->collapsed);
  else
    g_signal_emit (self, signals[SIGNAL_TASK_ACTIVATED], 0, row->task);
}

static void
move_selection (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhTimeline *self = KH_TIMELINE (widget);
  int delta = g_variant_get_int32 (parameter);
  int page = (int) MAX (1, floor (gtk_adjustment_get_page_size (self->vadjustment) / self->row_height) - 1);

  if (delta == G_MAXINT32)
    select_row (self, (int) n_rows (self) - 1);
  else if (delta == G_MININT32)
    select_row (self, 0);
  else if (abs (delta) > 1)
    select_row (self, self->selected + (delta > 0 ? page : -page));
  else
    select_row (self, self->selected < 0 ? 0 : self->selected + delta);
  if (self->selected >= 0)
    scroll_to_task_dates (self, kh_timeline_model_get_row (self->model, self->selected));
}

static void
expand_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhTimeline *self = KH_TIMELINE (widget);
  gboolean expand = g_variant_get_boolean (parameter);
  const KhTimelineRow *row;

  if (self->selected < 0)
    return;
  row = kh_timeline_model_get_row (self->model, self->selected);
  if (row->kind == KH_TIMELINE_ROW_GROUP)
    kh_timeline_model_set_collapsed (self->model, self->selected, !expand);
  else if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment,
                              hvalue (self) + (expand ? 1 : -1) * chart_width (self) * 0.2);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KhTimeline *self = KH_TIMELINE (widget);

  activate_row (self, self->selected);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhTimeline *self = KH_TIMELINE (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  double anchor = names_width (self) + chart_width (self) / 2;

  if (g_str_equal (what, "in"))
    kh_timeline_zoom_by (self, 1.5, anchor);
  else if (g_str_equal (what, "out"))
    kh_timeline_zoom_by (self, 1 / 1.5, anchor);
  else if (g_str_equal (what, "fit"))
    kh_timeline_zoom_to_fit (self);
  else if (g_str_equal (what, "year"))
    kh_timeline_zoom_to (self, KH_TIMELINE_ZOOM_YEAR);
  else if (g_str_equal (what, "quarter"))
    kh_timeline_zoom_to (self, KH_TIMELINE_ZOOM_QUARTER);
  else if (g_str_equal (what, "month"))
    kh_timeline_zoom_to (self, KH_TIMELINE_ZOOM_MONTH);
}

/* Pointer. */

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KhTimeline      *self)
{
  Hit hit = hit_test (self, x, y);
  const KhTimelineRow *row;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit.row < 0)
    return;
  select_row (self, hit.row);
  row = kh_timeline_model_get_row (self->model, hit.row);
  if (row->kind == KH_TIMELINE_ROW_GROUP)
    {
      /* A double click is not two toggles. */
      if (n_press > 1)
        return;
      kh_timeline_model_set_collapsed (self->model, hit.row, !row->collapsed);
      return;
    }
  if (hit.part != HIT_CHART)
    g_signal_emit (self, signals[SIGNAL_TASK_ACTIVATED], 0, row->task);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KhTimeline     *self)
{
  Hit hit = hit_test (self, x, y);
  const KhTimelineRow *row;

  self->dragging = FALSE;
  if (hit.part != HIT_BODY && hit.part != HIT_START && hit.part != HIT_END)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  row = kh_timeline_model_get_row (self->model, hit.row);
  if (!mark_draggable (&g_array_index (row->marks, KhTimelineMark, hit.mark)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  /* A diamond only moves. */
  if (g_array_index (row->marks, KhTimelineMark, hit.mark).kind == KH_SCHEDULE_KIND_DEADLINE)
    hit.part = HIT_BODY;
  self->drag_hit = hit;
  self->drag_days = 0;
  self->dragging = TRUE;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KhTimeline     *self)
{
  int days;

  if (!self->dragging)
    return;
  days = (int) round (dx / self->px_per_day);
  if (days != 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (days != self->drag_days)
    {
      self->drag_days = days;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The schedule with the dragged part moved by the drag. */
static KhSchedule *
dragged_schedule (KhTimeline          *self,
                  const KhTimelineRow *row)
{
  const KhTimelineMark *mark = &g_array_index (row->marks, KhTimelineMark, self->drag_hit.mark);
  KhTimelineEdge edge = self->drag_hit.part == HIT_START ? KH_TIMELINE_EDGE_START
                        : self->drag_hit.part == HIT_END ? KH_TIMELINE_EDGE_END
                        : KH_TIMELINE_EDGE_BODY;

  return kh_timeline_schedule_move (row->schedule, mark->part, edge, self->drag_days);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             KhTimeline     *self)
{
  const KhTimelineRow *row;
  g_autoptr(KhSchedule) schedule = NULL;
  g_autoptr(KhTask) task = NULL;

  if (!self->dragging)
    return;
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->drag_days == 0 || self->drag_hit.row < 0 || (guint) self->drag_hit.row >= n_rows (self))
    return;
  row = kh_timeline_model_get_row (self->model, self->drag_hit.row);
  if (row->task == NULL || row->marks == NULL || self->drag_hit.mark >= row->marks->len)
    return;
  schedule = dragged_schedule (self, row);
  if (schedule == NULL)
    return;
  task = g_object_ref (row->task);
  self->drag_days = 0;
  g_signal_emit (self, signals[SIGNAL_SCHEDULE_EDITED], 0, task, schedule);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KhTimeline               *self)
{
  Hit hit = hit_test (self, x, y);

  self->pointer_x = x;
  if (hit.part == HIT_START || hit.part == HIT_END)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "ew-resize");
  else if (hit.part == HIT_BODY)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KhTimeline               *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;  /* the scrolled window scrolls */
  kh_timeline_zoom_by (self, pow (1.15, -dy), self->pointer_x);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               KhTimeline       *self)
{
  self->zoom_begin_ppd = self->px_per_day;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       KhTimeline     *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = names_width (self) + chart_width (self) / 2;
  kh_timeline_zoom_by (self, self->zoom_begin_ppd * scale / self->px_per_day, x);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  KhTimeline *self = KH_TIMELINE (widget);
  Hit hit = keyboard ? (Hit) { self->selected, HIT_NAME, 0 } : hit_test (self, x, y);
  const KhTimelineRow *row;
  g_autofree char *reading = NULL;
  g_autofree char *text = NULL;

  if (hit.row < 0 || hit.part == HIT_NONE || hit.part == HIT_CHART)
    return FALSE;
  row = kh_timeline_model_get_row (self->model, hit.row);
  if (row->kind == KH_TIMELINE_ROW_GROUP)
    {
      text = g_strdup_printf ("%s. %s", row->number, row->content);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  reading = kh_schedule_to_wording (row->schedule);
  text = g_markup_printf_escaped ("<b>%s.</b> %s\n%s %s\n%s %s\n%s %s",
                                  row->number, row->content,
                                  _("Time frame:"), row->timeframe,
                                  row->explicit_schedule ? _("Set by hand:") : _("Read as:"), reading,
                                  _("Lead:"), row->lead);
  gtk_tooltip_set_markup (tooltip, text);
  return TRUE;
}

/* Size and life cycle. */

static void
kh_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  KhTimeline *self = KH_TIMELINE (widget);

  sync_model (self);
  if (self->fitted)
    self->px_per_day = CLAMP (chart_width (self) / range_days (self),
                              KH_TIMELINE_MIN_PX_PER_DAY, KH_TIMELINE_MAX_PX_PER_DAY);
  /* Ellipsizing widths depend on the size. */
  if (self->cached_width != width)
    {
      self->cached_width = width;
      drop_row_cache (self);
    }
  configure_adjustments (self);
}

static void
kh_timeline_map (GtkWidget *widget)
{
  KhTimeline *self = KH_TIMELINE (widget);

  GTK_WIDGET_CLASS (kh_timeline_parent_class)->map (widget);
  sync_model (self);
  resume_prefetch (self);
}

static void
kh_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  KhTimeline *self = KH_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 1000;
    }
  else
    {
      /* Not from the rows: measuring must not rebuild the model. */
      *minimum = (int) (axis_height (self) + 3 * self->row_height);
      *natural = (int) (axis_height (self) + 20 * self->row_height);
    }
}

static void
kh_timeline_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  KhTimeline *self = KH_TIMELINE (widget);

  GTK_WIDGET_CLASS (kh_timeline_parent_class)->css_changed (widget, change);
  drop_caches (self);
  measure_rows (self);
  configure_adjustments (self);
  gtk_widget_queue_draw (widget);
}

static void
kh_timeline_dispose (GObject *object)
{
  KhTimeline *self = KH_TIMELINE (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->model_changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (kh_timeline_parent_class)->dispose (object);
}

static void
kh_timeline_finalize (GObject *object)
{
  KhTimeline *self = KH_TIMELINE (object);

  g_ptr_array_unref (self->row_cache);
  g_hash_table_unref (self->label_cache);

  G_OBJECT_CLASS (kh_timeline_parent_class)->finalize (object);
}

static void
kh_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KhTimeline *self = KH_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    case PROP_PX_PER_DAY:
      g_value_set_double (value, self->px_per_day);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KhTimeline *self = KH_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      kh_timeline_set_model (self, g_value_get_object (value));
      break;
    case PROP_PRESENTATION:
      kh_timeline_set_presentation (self, g_value_get_boolean (value));
      break;
    case PROP_PX_PER_DAY:
      kh_timeline_set_px_per_day (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_zoom_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  const char     *what)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_CONTROL_MASK, "timeline.zoom", "s", what);
}

static void
kh_timeline_class_init (KhTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_timeline_dispose;
  object_class->finalize = kh_timeline_finalize;
  object_class->get_property = kh_timeline_get_property;
  object_class->set_property = kh_timeline_set_property;
  widget_class->snapshot = kh_timeline_snapshot;
  widget_class->size_allocate = kh_timeline_size_allocate;
  widget_class->measure = kh_timeline_measure;
  widget_class->map = kh_timeline_map;
  widget_class->css_changed = kh_timeline_css_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, KH_TYPE_TIMELINE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PX_PER_DAY] =
    g_param_spec_double ("px-per-day", NULL, NULL,
                         KH_TIMELINE_MIN_PX_PER_DAY, KH_TIMELINE_MAX_PX_PER_DAY, 3,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* A task's mark or name was clicked, or Enter pressed on its row. */
  signals[SIGNAL_TASK_ACTIVATED] =
    g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KH_TYPE_TASK);
  /* A drag proposes @schedule for @task; the handler decides what to keep. */
  signals[SIGNAL_SCHEDULE_EDITED] =
    g_signal_new ("schedule-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, KH_TYPE_TASK, KH_TYPE_SCHEDULE);

  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_selection);
  gtk_widget_class_install_action (widget_class, "timeline.expand", "b", expand_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "s", zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.move", "i", -2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.move", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.move", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.move", "i", G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.expand", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.expand", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);
  add_zoom_binding (widget_class, GDK_KEY_plus, "in");
  add_zoom_binding (widget_class, GDK_KEY_equal, "in");
  add_zoom_binding (widget_class, GDK_KEY_KP_Add, "in");
  add_zoom_binding (widget_class, GDK_KEY_minus, "out");
  add_zoom_binding (widget_class, GDK_KEY_KP_Subtract, "out");
  add_zoom_binding (widget_class, GDK_KEY_0, "fit");
  add_zoom_binding (widget_class, GDK_KEY_1, "year");
  add_zoom_binding (widget_class, GDK_KEY_2, "quarter");
  add_zoom_binding (widget_class, GDK_KEY_3, "month");

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kh_timeline_init (KhTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->row_cache = g_ptr_array_new_with_free_func (row_cache_free);
  self->label_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->px_per_day = 3;
  self->fitted = TRUE;
  self->selected = -1;
  g_date_clear (&self->range_start, 1);
  g_date_clear (&self->range_end, 1);
  g_date_set_dmy (&self->range_start, 1, 1, g_date_time_get_year (now));
  g_date_set_dmy (&self->range_end, 31, 12, g_date_time_get_year (now));
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  measure_rows (self);
  measure_numbers (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
kh_timeline_new (void)
{
  return g_object_new (KH_TYPE_TIMELINE, NULL);
}

KhTimelineModel *
kh_timeline_get_model (KhTimeline *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE (self), NULL);

  return self->model;
}

void
kh_timeline_set_model (KhTimeline      *self,
                       KhTimelineModel *model)
{
  g_return_if_fail (KH_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || KH_IS_TIMELINE_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_clear_signal_handler (&self->model_changed_id, self->model);
  g_set_object (&self->model, model);
  self->selected = -1;
  self->fitted = TRUE;
  if (model != NULL)
    {
      self->model_changed_id = g_signal_connect_swapped (model, "changed", G_CALLBACK (on_model_changed), self);
      on_model_changed (self);
    }
  else
    {
      drop_caches (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

double
kh_timeline_get_px_per_day (KhTimeline *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE (self), 0);

  return self->px_per_day;
}

void
kh_timeline_set_px_per_day (KhTimeline *self,
                            double      px_per_day)
{
  g_return_if_fail (KH_IS_TIMELINE (self));

  self->fitted = FALSE;
  px_per_day = CLAMP (px_per_day, KH_TIMELINE_MIN_PX_PER_DAY, KH_TIMELINE_MAX_PX_PER_DAY);
  if (self->px_per_day == px_per_day)
    return;
  self->px_per_day = px_per_day;
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PX_PER_DAY]);
}

void
kh_timeline_zoom_by (KhTimeline *self,
                     double      factor,
                     double      anchor_x)
{
  double chart_x, days_at_anchor;

  g_return_if_fail (KH_IS_TIMELINE (self));

  if (!(factor > 0))
    return;
  chart_x = MAX (anchor_x - names_width (self), 0);
  days_at_anchor = (hvalue (self) + chart_x) / self->px_per_day;
  kh_timeline_set_px_per_day (self, self->px_per_day * factor);
  /* The day under the anchor stays under it. */
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, days_at_anchor * self->px_per_day - chart_x);
}

void
kh_timeline_zoom_to (KhTimeline     *self,
                     KhTimelineZoom  zoom)
{
  double first_day;

  g_return_if_fail (KH_IS_TIMELINE (self));

  first_day = hvalue (self) / self->px_per_day;
  kh_timeline_set_px_per_day (self, kh_timeline_zoom_px_per_day (zoom, chart_width (self)));
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, first_day * self->px_per_day);
}

void
kh_timeline_zoom_to_fit (KhTimeline *self)
{
  g_return_if_fail (KH_IS_TIMELINE (self));

  sync_model (self);
  kh_timeline_set_px_per_day (self, chart_width (self) / range_days (self));
  self->fitted = TRUE;
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
}

gboolean
kh_timeline_get_presentation (KhTimeline *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE (self), FALSE);

  return self->presentation;
}

void
kh_timeline_set_presentation (KhTimeline *self,
                              gboolean    presentation)
{
  g_return_if_fail (KH_IS_TIMELINE (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  drop_caches (self);
  measure_rows (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

void
kh_timeline_set_today (KhTimeline  *self,
                       const GDate *today)
{
  g_return_if_fail (KH_IS_TIMELINE (self));

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

KhTask *
kh_timeline_get_selected_task (KhTimeline *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE (self), NULL);

  sync_model (self);
  if (self->selected < 0 || (guint) self->selected >= n_rows (self))
    return NULL;
  return kh_timeline_model_get_row (self->model, self->selected)->task;
}

gboolean
kh_timeline_select_task (KhTimeline *self,
                         KhTask     *task)
{
  int row;

  g_return_val_if_fail (KH_IS_TIMELINE (self), FALSE);

  sync_model (self);
  row = self->model != NULL ? kh_timeline_model_find_task (self->model, task) : -1;
  if (row < 0)
    return FALSE;
  select_row (self, row);
  scroll_to_task_dates (self, kh_timeline_model_get_row (self->model, row));
  return TRUE;
}

gboolean
kh_timeline_get_task_rect (KhTimeline      *self,
                           KhTask          *task,
                           graphene_rect_t *rect)
{
  const KhTimelineRow *row;
  int index;
  double top;

  g_return_val_if_fail (KH_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  sync_model (self);
  index = self->model != NULL ? kh_timeline_model_find_task (self->model, task) : -1;
  if (index < 0)
    return FALSE;
  top = row_top (self, index);
  if (top + self->row_height <= axis_height (self) || top >= gtk_widget_get_height (GTK_WIDGET (self)))
    return FALSE;
  row = kh_timeline_model_get_row (self->model, index);
  if (row->marks->len > 0)
    *rect = mark_rect (self, &g_array_index (row->marks, KhTimelineMark, 0), top);
  else
    *rect = GRAPHENE_RECT_INIT (names_width (self), top, chart_width (self), self->row_height);
  return TRUE;
}

KhTask *
kh_timeline_task_at (KhTimeline *self,
                     double      x,
                     double      y)
{
  Hit hit;

  g_return_val_if_fail (KH_IS_TIMELINE (self), NULL);

  sync_model (self);
  hit = hit_test (self, x, y);
  if (hit.row < 0 || hit.part == HIT_NONE || hit.part == HIT_CHART)
    return NULL;
  return kh_timeline_model_get_row (self->model, hit.row)->task;
}

double
kh_timeline_get_names_width (KhTimeline *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE (self), 0);

  return names_width (self);
}

double
kh_timeline_get_axis_height (KhTimeline *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE (self), 0);

  return axis_height (self);
}

double
kh_timeline_get_row_height (KhTimeline *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE (self), 0);

  return self->row_height;
}
