/* kh-timeline-model.c — the rows, colours and geometry of the timeline */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kh-timeframe.h"
#include "kh-task-schedule.h"
#include "kh-timeline-model.h"
#include "kh-vntext.h"

/* Units beyond this many share the legend's last colour, "Đơn vị khác":
 * more hues than that are no longer told apart on a projector. */
#define N_UNIT_COLORS 7

struct _KhTimelineModel
{
  GObject            parent_instance;

  KhDocument        *document;
  gulong             changed_id;
  KhTimelineColorBy  color_by;
  char              *filter_unit;     /* folded, NULL: any */
  char              *filter_unit_raw;
  int                filter_quarter;
  int                filter_status;

  GPtrArray         *owned;           /* every KhTimelineRow* built */
  GPtrArray         *rows;            /* the visible ones, top to bottom */
  GHashTable        *task_rows;       /* KhTask* → row index + 1 */
  GHashTable        *collapsed;       /* KhTaskGroup* (or self for the lane) */
  GPtrArray         *legend;          /* of char* */
  guint              n_named_units;   /* legend entries with a unit's own colour */
  gboolean           dirty;           /* the rows wait for a rebuild */
  guint              n_tasks;
  int                year;
  GDate              start;
  GDate              end;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_COLOR_BY,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KhTimelineModel, kh_timeline_model, G_TYPE_OBJECT)

/* libadwaita's palette: blue 3, green 5, orange 4, purple 3, brown 3, red 3,
 * yellow 5, and dark 1 for the rest; on a dark background one shade lighter. */
static const KhTimelineColor unit_colors_light[N_UNIT_COLORS + 1] = {
  { 0x35 / 255.f, 0x84 / 255.f, 0xe4 / 255.f },
  { 0x26 / 255.f, 0xa2 / 255.f, 0x69 / 255.f },
  { 0xe6 / 255.f, 0x61 / 255.f, 0x00 / 255.f },
  { 0x91 / 255.f, 0x41 / 255.f, 0xac / 255.f },
  { 0x98 / 255.f, 0x6a / 255.f, 0x44 / 255.f },
  { 0xe0 / 255.f, 0x1b / 255.f, 0x24 / 255.f },
  { 0xe5 / 255.f, 0xa5 / 255.f, 0x0a / 255.f },
  { 0x77 / 255.f, 0x76 / 255.f, 0x7b / 255.f },
};
static const KhTimelineColor unit_colors_dark[N_UNIT_COLORS + 1] = {
  { 0x62 / 255.f, 0xa0 / 255.f, 0xea / 255.f },
  { 0x33 / 255.f, 0xd1 / 255.f, 0x7a / 255.f },
  { 0xff / 255.f, 0x78 / 255.f, 0x00 / 255.f },
  { 0xc0 / 255.f, 0x61 / 255.f, 0xcb / 255.f },
  { 0xb5 / 255.f, 0x83 / 255.f, 0x5a / 255.f },
  { 0xed / 255.f, 0x33 / 255.f, 0x3b / 255.f },
  { 0xf6 / 255.f, 0xd3 / 255.f, 0x2d / 255.f },
  { 0x9a / 255.f, 0x99 / 255.f, 0x96 / 255.f },
};
/* planned: blue, in progress: orange, done: green, cancelled: grey. */
static const guint status_color_slot[] = { 0, 2, 1, 7 };

static void
row_free (gpointer data)
{
  KhTimelineRow *row = data;

  g_free (row->number);
  g_free (row->content);
  g_free (row->lead);
  g_free (row->lead_unit);
  g_free (row->timeframe);
  g_clear_pointer (&row->schedule, kh_schedule_unref);
  g_clear_pointer (&row->occurrences, g_array_unref);
  g_clear_pointer (&row->marks, g_array_unref);
  g_clear_object (&row->task);
  g_clear_object (&row->group);
  g_free (row);
}

void
kh_timeline_unit_summary_free (KhTimelineUnitSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->unit);
  g_free (summary);
}

/* Text shown on one line: NFC, line breaks and runs of spaces as one space. */
static char *
one_line (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);
  GString *out;
  gboolean space = FALSE;

  if (nfc == NULL)  /* invalid UTF-8 */
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

GStrv
kh_timeline_split_units (const char *cell)
{
  g_autofree char *text = one_line (cell);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pieces = g_strsplit_set (text, ",;", -1);
  GString *current = NULL;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *piece = g_strstrip (pieces[i]);
      gsize len = strlen (piece);

      while (len > 0 && piece[len - 1] == '.')
        piece[--len] = '\0';
      g_strstrip (piece);
      if (*piece == '\0')
        continue;
      /* "thống kê và ứng dụng KH&CN" continues "Trung tâm Thông tin". */
      if (current != NULL && g_unichar_islower (g_utf8_get_char (piece)))
        {
          g_string_append (current, ", ");
          g_string_append (current, piece);
          continue;
        }
      if (current != NULL)
        g_strv_builder_add (builder, current->str);
      if (current != NULL)
        g_string_free (current, TRUE);
      current = g_string_new (piece);
    }
  if (current != NULL)
    {
      g_strv_builder_add (builder, current->str);
      g_string_free (current, TRUE);
    }
  return g_strv_builder_end (builder);
}

const char *
kh_timeline_status_label (KhTaskStatus status)
{
  switch (status)
    {
    case KH_TASK_STATUS_PLANNED:
      return "Chưa thực hiện";
    case KH_TASK_STATUS_IN_PROGRESS:
      return "Đang thực hiện";
    case KH_TASK_STATUS_DONE:
      return "Hoàn thành";
    case KH_TASK_STATUS_CANCELLED:
      return "Tạm dừng/hủy";
    default:
      return "";
    }
}

const char *
kh_timeline_month_label (int      month,
                         gboolean long_form)
{
  static const char * const short_names[] = {
    "Th1", "Th2", "Th3", "Th4", "Th5", "Th6", "Th7", "Th8", "Th9", "Th10", "Th11", "Th12"
  };
  static const char * const long_names[] = {
    "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6",
    "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"
  };

  if (month < 1 || month > 12)
    return "";
  return long_form ? long_names[month - 1] : short_names[month - 1];
}

const char *
kh_timeline_quarter_label (int quarter)
{
  static const char * const names[] = { "Quý I", "Quý II", "Quý III", "Quý IV" };

  if (quarter < 1 || quarter > 4)
    return "";
  return names[quarter - 1];
}

/* Geometry. */

void
kh_timeline_scale_init (KhTimelineScale *scale,
                        const GDate     *origin,
                        double           px_per_day)
{
  g_return_if_fail (scale != NULL);
  g_return_if_fail (origin != NULL && g_date_valid (origin));

  scale->origin = g_date_get_julian (origin);
  scale->px_per_day = CLAMP (px_per_day, KH_TIMELINE_MIN_PX_PER_DAY, KH_TIMELINE_MAX_PX_PER_DAY);
}

double
kh_timeline_scale_x_of (const KhTimelineScale *scale,
                        const GDate           *date)
{
  return ((double) g_date_get_julian (date) - (double) scale->origin) * scale->px_per_day;
}

void
kh_timeline_scale_span (const KhTimelineScale *scale,
                        const GDate           *start,
                        const GDate           *end,
                        double                *x1,
                        double                *x2)
{
  *x1 = kh_timeline_scale_x_of (scale, start);
  *x2 = kh_timeline_scale_x_of (scale, end) + scale->px_per_day;
}

void
kh_timeline_scale_date_at (const KhTimelineScale *scale,
                           double                 x,
                           GDate                 *date)
{
  double julian = floor ((double) scale->origin + x / scale->px_per_day);

  g_date_clear (date, 1);
  /* GDate holds Julian days 1 .. 31/12/9999. */
  g_date_set_julian (date, (guint32) CLAMP (julian, 1.0, 3652059.0));
}

double
kh_timeline_zoom_px_per_day (KhTimelineZoom zoom,
                             double         width)
{
  static const double days[] = { 365.0, 91.0, 31.0 };
  double ppd;

  g_return_val_if_fail (zoom <= KH_TIMELINE_ZOOM_MONTH, 1.0);

  ppd = MAX (width, 1.0) / days[zoom];
  return CLAMP (ppd, KH_TIMELINE_MIN_PX_PER_DAY, KH_TIMELINE_MAX_PX_PER_DAY);
}

typedef enum {
  PERIOD_YEAR,
  PERIOD_QUARTER,
  PERIOD_MONTH,
  PERIOD_DAY,
  PERIOD_FIVE_DAYS,
} Period;

static void
period_start (Period period, const GDate *date, GDate *out)
{
  int day = g_date_get_day (date), month = g_date_get_month (date), year = g_date_get_year (date);

  switch (period)
    {
    case PERIOD_YEAR:
      day = 1, month = 1;
      break;
    case PERIOD_QUARTER:
      day = 1, month = (month - 1) / 3 * 3 + 1;
      break;
    case PERIOD_MONTH:
      day = 1;
      break;
    case PERIOD_FIVE_DAYS:
      day = MIN ((day - 1) / 5, 5) * 5 + 1;
      break;
    case PERIOD_DAY:
    default:
      break;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

static void
period_end (Period period, const GDate *start, GDate *out)
{
  *out = *start;
  switch (period)
    {
    case PERIOD_YEAR:
      g_date_add_years (out, 1);
      break;
    case PERIOD_QUARTER:
      g_date_add_months (out, 3);
      break;
    case PERIOD_MONTH:
      g_date_add_months (out, 1);
      break;
    case PERIOD_FIVE_DAYS:
      /* The last block runs to the end of the month. */
      if (g_date_get_day (start) >= 26)
        {
          g_date_set_day (out, 1);
          g_date_add_months (out, 1);
        }
      else
        g_date_add_days (out, 5);
      break;
    case PERIOD_DAY:
    default:
      g_date_add_days (out, 1);
      break;
    }
  g_date_subtract_days (out, 1);
}

static void
period_label (Period                 period,
              const GDate           *start,
              double                 width,
              gboolean               upper,
              KhTimelineAxisCell    *cell)
{
  int month = g_date_get_month (start), year = g_date_get_year (start);
  int quarter = (month - 1) / 3 + 1;
  static const char * const roman[] = { "I", "II", "III", "IV" };

  switch (period)
    {
    case PERIOD_YEAR:
      g_snprintf (cell->short_label, sizeof cell->short_label, "%d", year);
      g_snprintf (cell->label, sizeof cell->label, width >= 80 ? "Năm %d" : "%d", year);
      break;
    case PERIOD_QUARTER:
      g_strlcpy (cell->short_label, roman[quarter - 1], sizeof cell->short_label);
      if (upper && width >= 130)
        g_snprintf (cell->label, sizeof cell->label, "%s năm %d", kh_timeline_quarter_label (quarter), year);
      else if (upper && width >= 70)
        g_snprintf (cell->label, sizeof cell->label, "%s/%d", kh_timeline_quarter_label (quarter), year);
      else
        g_strlcpy (cell->label, width >= 48 ? kh_timeline_quarter_label (quarter) : roman[quarter - 1],
                   sizeof cell->label);
      break;
    case PERIOD_MONTH:
      g_strlcpy (cell->short_label, kh_timeline_month_label (month, FALSE), sizeof cell->short_label);
      if (upper)
        g_snprintf (cell->label, sizeof cell->label, "%s/%d", kh_timeline_month_label (month, TRUE), year);
      else if (width >= 24)
        g_strlcpy (cell->label, kh_timeline_month_label (month, width >= 70), sizeof cell->label);
      else
        g_snprintf (cell->label, sizeof cell->label, "%d", month);
      break;
    case PERIOD_DAY:
    case PERIOD_FIVE_DAYS:
    default:
      g_snprintf (cell->label, sizeof cell->label, "%d", g_date_get_day (start));
      g_strlcpy (cell->short_label, cell->label, sizeof cell->short_label);
      break;
    }
}

GArray *
kh_timeline_scale_axis (const KhTimelineScale *scale,
                        const GDate           *from,
                        const GDate           *to,
                        guint                  tier)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (KhTimelineAxisCell));
  double month_width = scale->px_per_day * 30.44;
  Period period;
  GDate date;

  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), cells);

  if (month_width < 26)
    period = tier == 0 ? PERIOD_YEAR : PERIOD_QUARTER;
  else if (scale->px_per_day < 5)
    period = tier == 0 ? PERIOD_QUARTER : PERIOD_MONTH;
  else
    period = tier == 0 ? PERIOD_MONTH : (scale->px_per_day >= 18 ? PERIOD_DAY : PERIOD_FIVE_DAYS);

  for (period_start (period, from, &date);
       g_date_compare (&date, to) <= 0;
       g_date_add_days (&date, 1))
    {
      KhTimelineAxisCell cell;
      double x1, x2;

      cell.start = date;
      period_end (period, &date, &cell.end);
      kh_timeline_scale_span (scale, &cell.start, &cell.end, &x1, &x2);
      period_label (period, &cell.start, x2 - x1, tier == 0, &cell);
      g_array_append_val (cells, cell);
      date = cell.end;
      if (g_date_get_julian (&date) >= 3652058)  /* the end of GDate's range */
        break;
    }
  return cells;
}

static void
shift_date (GDate *date,
            int    days)
{
  /* Keep inside GDate's range: a drag cannot leave the calendar. */
  if (days >= 0)
    g_date_add_days (date, MIN ((guint) days, 3652058u - g_date_get_julian (date)));
  else
    g_date_subtract_days (date, MIN ((guint) -days, g_date_get_julian (date) - 1));
}

KhSchedule *
kh_timeline_schedule_move (const KhSchedule *schedule,
                           guint             part,
                           KhTimelineEdge    edge,
                           int               days)
{
  KhSchedule *moved;

  g_return_val_if_fail (schedule != NULL, NULL);

  if (part >= kh_schedule_get_n_parts (schedule) ||
      !g_date_valid (&kh_schedule_get_part (schedule, part)->end))
    return NULL;

  moved = kh_schedule_new (kh_schedule_get_plan_year (schedule));
  for (guint i = 0; i < kh_schedule_get_n_parts (schedule); i++)
    {
      KhSchedulePart p = *kh_schedule_get_part (schedule, i);

      /* Dates set by hand were not read from any text. */
      p.offset = p.length = 0;
      if (i == part)
        {
          if (!g_date_valid (&p.start))
            edge = KH_TIMELINE_EDGE_BODY;
          if (edge != KH_TIMELINE_EDGE_END && g_date_valid (&p.start))
            shift_date (&p.start, days);
          if (edge != KH_TIMELINE_EDGE_START)
            shift_date (&p.end, days);
          if (g_date_valid (&p.start) && g_date_compare (&p.start, &p.end) > 0)
            {
              if (edge == KH_TIMELINE_EDGE_START)
                p.start = p.end;
              else
                p.end = p.start;
            }
        }
      kh_schedule_add_part (moved, &p);
    }
  kh_schedule_set_note (moved, kh_schedule_get_note (schedule));
  return moved;
}

/* Building the rows. */

static int
plan_year (KhTimelineModel *self)
{
  int year = self->document != NULL ? kh_document_get_year (self->document) : 0;

  if (year < 1 || year > 9998)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  return year;
}

static char *
first_unit (const char *cell)
{
  g_auto(GStrv) units = kh_timeline_split_units (cell);

  return g_strdup (units[0] != NULL ? units[0] : "");
}

static gboolean
occurrences_meet (GArray      *occurrences,
                  const GDate *start,
                  const GDate *end)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      const KhOccurrence *occ = &g_array_index (occurrences, KhOccurrence, i);

      if (g_date_compare (&occ->start, end) <= 0 && g_date_compare (&occ->end, start) >= 0)
        return TRUE;
    }
  return FALSE;
}

static void
quarter_dates (int year, int quarter, GDate *start, GDate *end)
{
  g_date_clear (start, 1);
  g_date_clear (end, 1);
  g_date_set_dmy (start, 1, (quarter - 1) * 3 + 1, year);
  *end = *start;
  g_date_add_months (end, 3);
  g_date_subtract_days (end, 1);
}

static gboolean
cell_has_unit (const char *cell,
               const char *folded_unit)
{
  g_auto(GStrv) units = kh_timeline_split_units (cell);

  for (guint i = 0; units[i] != NULL; i++)
    {
      g_autofree char *folded = kh_vn_fold (units[i]);

      if (g_strcmp0 (folded, folded_unit) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
passes_filters (KhTimelineModel     *self,
                const KhTimelineRow *row)
{
  if (self->filter_status >= 0 && (int) row->status != self->filter_status)
    return FALSE;
  if (self->filter_unit != NULL &&
      !cell_has_unit (kh_task_get_lead (row->task), self->filter_unit) &&
      !cell_has_unit (kh_task_get_cooperating (row->task), self->filter_unit))
    return FALSE;
  if (self->filter_quarter > 0)
    {
      GDate start, end;

      quarter_dates (self->year, self->filter_quarter, &start, &end);
      if (!occurrences_meet (row->occurrences, &start, &end))
        return FALSE;
    }
  return TRUE;
}

static GArray *
schedule_marks (const KhSchedule *schedule)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (KhTimelineMark));

  for (guint i = 0; i < kh_schedule_get_n_parts (schedule); i++)
    {
      const KhSchedulePart *part = kh_schedule_get_part (schedule, i);
      KhTimelineMark mark = { part->kind, part->start, part->end, i };

      if (part->kind == KH_SCHEDULE_KIND_RECURRING)
        {
          /* The occurrences of this part alone. */
          g_autoptr(KhSchedule) alone = kh_schedule_new (kh_schedule_get_plan_year (schedule));
          g_autoptr(GArray) occurrences = NULL;

          kh_schedule_add_part (alone, part);
          occurrences = kh_schedule_get_occurrences (alone);
          for (guint o = 0; o < occurrences->len; o++)
            {
              const KhOccurrence *occ = &g_array_index (occurrences, KhOccurrence, o);

              /* A due day is a tick; a whole period a short bar. */
              mark.start = part->due_day > 0 ? occ->end : occ->start;
              mark.end = occ->end;
              g_array_append_val (marks, mark);
            }
          continue;
        }
      if (!g_date_valid (&part->end) ||
          part->kind == KH_SCHEDULE_KIND_EVENT || part->kind == KH_SCHEDULE_KIND_UNKNOWN)
        continue;
      if (part->kind == KH_SCHEDULE_KIND_DEADLINE || !g_date_valid (&part->start))
        mark.start = part->end;
      g_array_append_val (marks, mark);
    }
  return marks;
}

static KhTimelineRow *
task_row_new (KhTask *task, int year, const char *number)
{
  KhTimelineRow *row = g_new0 (KhTimelineRow, 1);

  row->kind = KH_TIMELINE_ROW_TASK;
  row->task = g_object_ref (task);
  row->number = g_strdup (number);
  row->content = one_line (kh_task_get_content (task));
  row->lead = one_line (kh_task_get_lead (task));
  row->lead_unit = first_unit (kh_task_get_lead (task));
  row->timeframe = one_line (kh_task_get_timeframe (task));
  row->status = kh_task_get_status (task);
  row->progress = kh_task_get_progress (task);
  row->schedule = kh_task_read_schedule (task, year, &row->explicit_schedule);
  row->drawn_kind = kh_schedule_get_primary_kind (row->schedule);
  row->occurrences = kh_schedule_get_occurrences (row->schedule);
  row->marks = schedule_marks (row->schedule);
  return row;
}

static KhTimelineRow *
header_row_new (KhTaskGroup *group, const char *number, const char *title)
{
  KhTimelineRow *row = g_new0 (KhTimelineRow, 1);

  row->kind = KH_TIMELINE_ROW_GROUP;
  row->group = group != NULL ? g_object_ref (group) : NULL;
  row->event_lane = group == NULL;
  row->number = g_strdup (number);
  row->content = one_line (title);
  row->lead = g_strdup ("");
  row->lead_unit = g_strdup ("");
  row->timeframe = g_strdup ("");
  row->drawn_kind = KH_SCHEDULE_KIND_UNKNOWN;
  return row;
}

static void
append_rows (KhTimelineModel *self,
             KhTimelineRow   *header,
             GPtrArray       *tasks,
             gconstpointer    collapse_key)
{
  if (tasks->len == 0)
    return;
  if (header != NULL)
    {
      header->n_children = tasks->len;
      header->collapsed = g_hash_table_contains (self->collapsed, collapse_key);
      g_ptr_array_add (self->rows, header);
      if (header->collapsed)
        return;
    }
  g_ptr_array_extend (self->rows, tasks, NULL, NULL);
}

static int
compare_counts (gconstpointer a, gconstpointer b, gpointer counts)
{
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(char **) a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(char **) b));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return 0;
}

/* The most frequent lead units get their own colour, in order of frequency
 * (ties in order of first use), so that colours do not move with filters. */
static void
build_legend (KhTimelineModel *self,
              GPtrArray       *all_rows)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  g_autoptr(GHashTable) slots = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean other = FALSE;

  g_ptr_array_set_size (self->legend, 0);
  if (self->color_by == KH_TIMELINE_COLOR_BY_STATUS)
    {
      for (int s = KH_TASK_STATUS_PLANNED; s <= KH_TASK_STATUS_CANCELLED; s++)
        g_ptr_array_add (self->legend, g_strdup (kh_timeline_status_label (s)));
      for (guint i = 0; i < all_rows->len; i++)
        {
          KhTimelineRow *row = g_ptr_array_index (all_rows, i);

          row->legend_index = MIN ((guint) row->status, 3u);
        }
      return;
    }

  for (guint i = 0; i < all_rows->len; i++)
    {
      KhTimelineRow *row = g_ptr_array_index (all_rows, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, row->lead_unit));

      if (*row->lead_unit == '\0')
        continue;
      if (n == 0)
        g_ptr_array_add (units, row->lead_unit);
      g_hash_table_insert (counts, row->lead_unit, GUINT_TO_POINTER (n + 1));
    }
  g_ptr_array_sort_with_data (units, compare_counts, counts);
  self->n_named_units = MIN (units->len, (guint) N_UNIT_COLORS);
  for (guint i = 0; i < units->len && i < N_UNIT_COLORS; i++)
    {
      g_ptr_array_add (self->legend, g_strdup (g_ptr_array_index (units, i)));
      g_hash_table_insert (slots, g_ptr_array_index (units, i), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < all_rows->len; i++)
    {
      KhTimelineRow *row = g_ptr_array_index (all_rows, i);
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (slots, row->lead_unit));

      if (slot == 0)
        {
          other = TRUE;
          row->legend_index = MIN (units->len, (guint) N_UNIT_COLORS);
        }
      else
        row->legend_index = slot - 1;
    }
  if (other)
    g_ptr_array_add (self->legend, g_strdup (units->len > 0 ? "Đơn vị khác" : "Chưa giao đơn vị"));
}

static void
widen_range (KhTimelineModel *self,
             GArray          *occurrences)
{
  GDate lo, hi;

  /* Dates more than two years away are typing errors: not worth a range. */
  g_date_clear (&lo, 1);
  g_date_clear (&hi, 1);
  g_date_set_dmy (&lo, 1, 1, self->year - 2);
  g_date_set_dmy (&hi, 31, 12, self->year + 2);
  for (guint i = 0; i < occurrences->len; i++)
    {
      const KhOccurrence *occ = &g_array_index (occurrences, KhOccurrence, i);

      if (g_date_compare (&occ->start, &self->start) < 0 && g_date_compare (&occ->start, &lo) >= 0)
        {
          self->start = occ->start;
          g_date_set_day (&self->start, 1);
        }
      if (g_date_compare (&occ->end, &self->end) > 0 && g_date_compare (&occ->end, &hi) <= 0)
        {
          self->end = occ->end;
          g_date_set_day (&self->end, g_date_get_days_in_month (g_date_get_month (&self->end),
                                                                g_date_get_year (&self->end)));
        }
    }
}

static KhTimelineRow *
own (KhTimelineModel *self,
     KhTimelineRow   *row)
{
  g_ptr_array_add (self->owned, row);
  return row;
}

static void
rebuild (KhTimelineModel *self)
{
  KhPlan *plan = self->document != NULL ? kh_document_get_plan (self->document) : NULL;
  GListModel *tables = plan != NULL ? kh_plan_get_tables (plan) : NULL;
  g_autoptr(GPtrArray) all_tasks = g_ptr_array_new ();
  g_autoptr(GPtrArray) lane = g_ptr_array_new ();

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->owned, 0);
  g_hash_table_remove_all (self->task_rows);
  self->n_tasks = 0;
  self->year = plan_year (self);
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
  g_date_set_dmy (&self->start, 1, 1, self->year);
  g_date_set_dmy (&self->end, 31, 12, self->year);

  for (guint t = 0; tables != NULL && t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);
      GListModel *groups = kh_task_table_get_groups (table);
      int group_number = 0;

      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
          GListModel *tasks = kh_task_group_get_tasks (group);
          g_autoptr(GPtrArray) shown = g_ptr_array_new ();
          g_autofree char *title = one_line (kh_task_group_get_title (group));
          g_autofree char *roman = NULL;
          KhTimelineRow *header = NULL;

          if (*title != '\0')
            {
              roman = kh_vn_roman (++group_number);
              header = own (self, header_row_new (group, roman, title));
            }
          for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
            {
              g_autoptr(KhTask) task = g_list_model_get_item (tasks, i);
              g_autofree char *number = g_strdup_printf ("%u", i + 1);
              KhTimelineRow *row = own (self, task_row_new (task, self->year, number));

              g_ptr_array_add (all_tasks, row);
              widen_range (self, row->occurrences);
              if (!passes_filters (self, row))
                continue;
              if (row->drawn_kind == KH_SCHEDULE_KIND_EVENT)
                {
                  /* Out of its group, the number says where it came from. */
                  if (roman != NULL)
                    {
                      g_free (row->number);
                      row->number = g_strdup_printf ("%s.%u", roman, i + 1);
                    }
                  row->event_lane = TRUE;
                  g_ptr_array_add (lane, row);
                  continue;
                }
              g_ptr_array_add (shown, row);
            }
          self->n_tasks += shown->len;
          append_rows (self, header, shown, group);
        }
    }

  build_legend (self, all_tasks);
  self->n_tasks += lane->len;
  append_rows (self, own (self, header_row_new (NULL, "", "Theo sự kiện")), lane, self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      KhTimelineRow *row = g_ptr_array_index (self->rows, i);

      if (row->task != NULL)
        g_hash_table_insert (self->task_rows, row->task, GUINT_TO_POINTER (i + 1));
    }
}

/* Rows are rebuilt when next read, not on every edit: a plan of thousands
 * of tasks is edited in the table while the timeline is not on screen. */
static void
ensure_rows (KhTimelineModel *self)
{
  if (!self->dirty)
    return;
  self->dirty = FALSE;
  rebuild (self);
}

static void
update (KhTimelineModel *self)
{
  self->dirty = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_document_changed (KhTimelineModel *self)
{
  update (self);
}

static void
kh_timeline_model_dispose (GObject *object)
{
  KhTimelineModel *self = KH_TIMELINE_MODEL (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  if (self->owned != NULL)
    g_ptr_array_set_size (self->owned, 0);

  G_OBJECT_CLASS (kh_timeline_model_parent_class)->dispose (object);
}

static void
kh_timeline_model_finalize (GObject *object)
{
  KhTimelineModel *self = KH_TIMELINE_MODEL (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->owned);
  g_hash_table_unref (self->task_rows);
  g_hash_table_unref (self->collapsed);
  g_ptr_array_unref (self->legend);
  g_free (self->filter_unit);
  g_free (self->filter_unit_raw);

  G_OBJECT_CLASS (kh_timeline_model_parent_class)->finalize (object);
}

static void
kh_timeline_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KhTimelineModel *self = KH_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_COLOR_BY:
      g_value_set_int (value, self->color_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_timeline_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KhTimelineModel *self = KH_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kh_timeline_model_set_document (self, g_value_get_object (value));
      break;
    case PROP_COLOR_BY:
      kh_timeline_model_set_color_by (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_timeline_model_class_init (KhTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kh_timeline_model_dispose;
  object_class->finalize = kh_timeline_model_finalize;
  object_class->get_property = kh_timeline_model_get_property;
  object_class->set_property = kh_timeline_model_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR_BY] =
    g_param_spec_int ("color-by", NULL, NULL,
                      KH_TIMELINE_COLOR_BY_LEAD, KH_TIMELINE_COLOR_BY_STATUS, KH_TIMELINE_COLOR_BY_LEAD,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every rebuild of the rows (document edit, filter, colour, collapse). */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kh_timeline_model_init (KhTimelineModel *self)
{
  self->owned = g_ptr_array_new_with_free_func (row_free);
  self->rows = g_ptr_array_new ();
  self->task_rows = g_hash_table_new (NULL, NULL);
  self->collapsed = g_hash_table_new (NULL, NULL);
  self->legend = g_ptr_array_new_with_free_func (g_free);
  self->filter_status = -1;
  self->dirty = TRUE;
}

KhTimelineModel *
kh_timeline_model_new (KhDocument *document)
{
  g_return_val_if_fail (document == NULL || KH_IS_DOCUMENT (document), NULL);

  return g_object_new (KH_TYPE_TIMELINE_MODEL, "document", document, NULL);
}

KhDocument *
kh_timeline_model_get_document (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), NULL);

  return self->document;
}

void
kh_timeline_model_set_document (KhTimelineModel *self,
                                KhDocument      *document)
{
  g_return_if_fail (KH_IS_TIMELINE_MODEL (self));
  g_return_if_fail (document == NULL || KH_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  g_hash_table_remove_all (self->collapsed);
  if (document != NULL)
    self->changed_id = g_signal_connect_swapped (document, "changed",
                                                 G_CALLBACK (on_document_changed), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

KhTimelineColorBy
kh_timeline_model_get_color_by (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), KH_TIMELINE_COLOR_BY_LEAD);

  return self->color_by;
}

void
kh_timeline_model_set_color_by (KhTimelineModel   *self,
                                KhTimelineColorBy  color_by)
{
  g_return_if_fail (KH_IS_TIMELINE_MODEL (self));
  g_return_if_fail (color_by <= KH_TIMELINE_COLOR_BY_STATUS);

  if (self->color_by == color_by)
    return;
  self->color_by = color_by;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_BY]);
}

const char *
kh_timeline_model_get_filter_unit (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), NULL);

  return self->filter_unit_raw;
}

void
kh_timeline_model_set_filter_unit (KhTimelineModel *self,
                                   const char      *unit)
{
  g_return_if_fail (KH_IS_TIMELINE_MODEL (self));

  if (unit != NULL && *unit == '\0')
    unit = NULL;
  if (g_strcmp0 (unit, self->filter_unit_raw) == 0)
    return;
  g_free (self->filter_unit_raw);
  g_free (self->filter_unit);
  self->filter_unit_raw = g_strdup (unit);
  self->filter_unit = unit != NULL ? kh_vn_fold (unit) : NULL;
  update (self);
}

int
kh_timeline_model_get_filter_quarter (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), 0);

  return self->filter_quarter;
}

void
kh_timeline_model_set_filter_quarter (KhTimelineModel *self,
                                      int              quarter)
{
  g_return_if_fail (KH_IS_TIMELINE_MODEL (self));
  g_return_if_fail (quarter >= 0 && quarter <= 4);

  if (self->filter_quarter == quarter)
    return;
  self->filter_quarter = quarter;
  update (self);
}

int
kh_timeline_model_get_filter_status (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), -1);

  return self->filter_status;
}

void
kh_timeline_model_set_filter_status (KhTimelineModel *self,
                                     int              status)
{
  g_return_if_fail (KH_IS_TIMELINE_MODEL (self));
  g_return_if_fail (status >= -1 && status <= KH_TASK_STATUS_CANCELLED);

  if (self->filter_status == status)
    return;
  self->filter_status = status;
  update (self);
}

void
kh_timeline_model_set_collapsed (KhTimelineModel *self,
                                 guint            row_index,
                                 gboolean         collapsed)
{
  const KhTimelineRow *row;
  gconstpointer key;

  g_return_if_fail (KH_IS_TIMELINE_MODEL (self));
  ensure_rows (self);
  g_return_if_fail (row_index < self->rows->len);

  row = g_ptr_array_index (self->rows, row_index);
  if (row->kind != KH_TIMELINE_ROW_GROUP || row->collapsed == !!collapsed)
    return;
  key = row->group != NULL ? (gconstpointer) row->group : (gconstpointer) self;
  if (collapsed)
    g_hash_table_add (self->collapsed, (gpointer) key);
  else
    g_hash_table_remove (self->collapsed, key);
  update (self);
}

guint
kh_timeline_model_get_n_rows (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), 0);
  ensure_rows (self);

  return self->rows->len;
}

const KhTimelineRow *
kh_timeline_model_get_row (KhTimelineModel *self,
                           guint            index)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), NULL);
  ensure_rows (self);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

int
kh_timeline_model_find_task (KhTimelineModel *self,
                             KhTask          *task)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), -1);
  ensure_rows (self);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->task_rows, task)) - 1;
}

guint
kh_timeline_model_get_n_tasks (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), 0);
  ensure_rows (self);

  return self->n_tasks;
}

int
kh_timeline_model_get_year (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), 0);
  ensure_rows (self);

  return self->year;
}

void
kh_timeline_model_get_range (KhTimelineModel *self,
                             GDate           *start,
                             GDate           *end)
{
  g_return_if_fail (KH_IS_TIMELINE_MODEL (self));
  ensure_rows (self);

  *start = self->start;
  *end = self->end;
}

static void
collect_units (GPtrArray  *units,
               GHashTable *seen,
               const char *cell)
{
  g_auto(GStrv) split = kh_timeline_split_units (cell);

  for (guint i = 0; split[i] != NULL; i++)
    {
      char *folded = kh_vn_fold (split[i]);

      if (folded == NULL || g_hash_table_contains (seen, folded))
        {
          g_free (folded);
          continue;
        }
      g_hash_table_add (seen, folded);
      g_ptr_array_add (units, g_strdup (split[i]));
    }
}

/* Calls @func on every task of the plan, filters ignored. */
static void
foreach_task (KhTimelineModel *self,
              void           (*func) (KhTask *, gpointer),
              gpointer         data)
{
  KhPlan *plan = self->document != NULL ? kh_document_get_plan (self->document) : NULL;
  GListModel *tables = plan != NULL ? kh_plan_get_tables (plan) : NULL;

  for (guint t = 0; tables != NULL && t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);
      GListModel *groups = kh_task_table_get_groups (table);

      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
          GListModel *tasks = kh_task_group_get_tasks (group);

          for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
            {
              g_autoptr(KhTask) task = g_list_model_get_item (tasks, i);

              func (task, data);
            }
        }
    }
}

typedef struct {
  GPtrArray  *units;
  GHashTable *seen;
} UnitsData;

static void
add_task_units (KhTask *task, gpointer data)
{
  UnitsData *d = data;

  collect_units (d->units, d->seen, kh_task_get_lead (task));
  collect_units (d->units, d->seen, kh_task_get_cooperating (task));
}

GStrv
kh_timeline_model_dup_units (KhTimelineModel *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *units = g_ptr_array_new ();
  UnitsData d = { units, seen };

  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), NULL);
  ensure_rows (self);

  foreach_task (self, add_task_units, &d);
  g_ptr_array_add (units, NULL);
  return (GStrv) g_ptr_array_free (units, FALSE);
}

guint
kh_timeline_model_get_n_legend (KhTimelineModel *self)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), 0);
  ensure_rows (self);

  return self->legend->len;
}

const char *
kh_timeline_model_get_legend_label (KhTimelineModel *self,
                                    guint            index)
{
  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), NULL);
  g_return_val_if_fail (index < self->legend->len, NULL);
  ensure_rows (self);

  return g_ptr_array_index (self->legend, index);
}

void
kh_timeline_model_get_legend_color (KhTimelineModel *self,
                                    guint            index,
                                    gboolean         dark,
                                    KhTimelineColor *color)
{
  const KhTimelineColor *palette = dark ? unit_colors_dark : unit_colors_light;
  guint slot;

  g_return_if_fail (KH_IS_TIMELINE_MODEL (self));
  ensure_rows (self);

  if (self->color_by == KH_TIMELINE_COLOR_BY_STATUS)
    slot = status_color_slot[MIN (index, 3u)];
  else if (index < self->n_named_units)
    slot = index;
  else
    slot = N_UNIT_COLORS;
  *color = palette[slot];
}

typedef struct {
  KhTimelineModel *self;
  GPtrArray       *summary;
  GHashTable      *by_unit;   /* folded name → KhTimelineUnitSummary* */
} SummaryData;

static void
add_task_summary (KhTask *task, gpointer data)
{
  SummaryData *d = data;
  g_auto(GStrv) units = kh_timeline_split_units (kh_task_get_lead (task));
  gboolean is_explicit;
  g_autoptr(KhSchedule) schedule = kh_task_read_schedule (task, d->self->year, &is_explicit);
  g_autoptr(GArray) occurrences = kh_schedule_get_occurrences (schedule);

  for (guint u = 0; units[u] != NULL; u++)
    {
      char *folded = kh_vn_fold (units[u]);
      KhTimelineUnitSummary *s;

      if (folded == NULL)
        continue;
      s = g_hash_table_lookup (d->by_unit, folded);
      if (s == NULL)
        {
          s = g_new0 (KhTimelineUnitSummary, 1);
          s->unit = g_strdup (units[u]);
          g_ptr_array_add (d->summary, s);
          g_hash_table_insert (d->by_unit, folded, s);
        }
      else
        g_free (folded);
      s->total++;
      if (occurrences->len == 0)
        s->undated++;
      for (int q = 1; q <= 4; q++)
        {
          GDate start, end;

          quarter_dates (d->self->year, q, &start, &end);
          if (occurrences_meet (occurrences, &start, &end))
            s->quarters[q - 1]++;
        }
    }
}

GPtrArray *
kh_timeline_model_dup_summary (KhTimelineModel *self)
{
  g_autoptr(GHashTable) by_unit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SummaryData d;

  g_return_val_if_fail (KH_IS_TIMELINE_MODEL (self), NULL);
  ensure_rows (self);

  d.self = self;
  d.summary = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_timeline_unit_summary_free);
  d.by_unit = by_unit;
  foreach_task (self, add_task_summary, &d);
  return d.summary;
}
