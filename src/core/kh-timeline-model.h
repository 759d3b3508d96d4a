/* kh-timeline-model.h — what the timeline shows, and where (no GTK)
 *
 * KhTimelineModel turns a document's task tables into the rows of the
 * timeline: one header row per titled group (collapsible), one row per task
 * with its number ("1", "2" … inside a group numbered "I", "II" …), content,
 * lead unit, status and schedule — the explicit one the user set, else the
 * reading of its time frame text with the document's plan year. Tasks driven
 * by events ("Khi có hướng dẫn") have no dates: they are gathered after the
 * groups in the lane "Theo sự kiện". Filters (unit, quarter, status) hide
 * tasks; the colour of a task is its lead unit's or its status's, with a
 * legend. The model follows the document's "changed" signal and emits its
 * own "changed" after rebuilding.
 *
 * KhTimelineScale is the pure geometry shared by the widget and the export
 * renderer: a date maps to the x of the left edge of its day; a span's last
 * day is inclusive. The axis cells ("Quý I", "Th1" …) are document text and
 * always Vietnamese.
 */
#pragma once

#include "kh-document.h"
#include "kh-schedule.h"

G_BEGIN_DECLS

typedef enum {
  KH_TIMELINE_ROW_GROUP,    /* a group's title, or the "Theo sự kiện" lane's */
  KH_TIMELINE_ROW_TASK,
} KhTimelineRowKind;

typedef enum {
  KH_TIMELINE_COLOR_BY_LEAD,
  KH_TIMELINE_COLOR_BY_STATUS,
} KhTimelineColorBy;

typedef enum {
  KH_TIMELINE_ZOOM_YEAR,
  KH_TIMELINE_ZOOM_QUARTER,
  KH_TIMELINE_ZOOM_MONTH,
} KhTimelineZoom;

typedef struct {
  float red, green, blue;
} KhTimelineColor;

/* What to draw for a task: one mark per span, deadline or continuous part,
 * one per occurrence of a recurring part (start == end for a due day). */
typedef struct {
  KhScheduleKind kind;
  GDate          start;
  GDate          end;     /* inclusive; the date itself for a deadline */
  guint          part;    /* the schedule part it comes from */
} KhTimelineMark;

typedef struct {
  KhTimelineRowKind kind;
  gboolean        event_lane;    /* in (or heading) the "Theo sự kiện" lane */
  gboolean        collapsed;     /* group rows: the group's tasks are hidden */
  guint           n_children;    /* group rows: tasks under it (after filters) */
  char           *number;        /* "I", "3"; "II.3" in the event lane; may be "" */
  char           *content;       /* task content or group title, NFC, one line */
  char           *lead;          /* the lead cell as written */
  char           *lead_unit;     /* the first lead unit; "" when none */
  char           *timeframe;     /* the time frame text as written */
  KhTaskStatus    status;
  int             progress;
  KhSchedule     *schedule;      /* task rows only */
  gboolean        explicit_schedule;
  KhScheduleKind  drawn_kind;    /* kh_schedule_get_primary_kind () */
  GArray         *occurrences;   /* of KhOccurrence, date order; task rows only */
  GArray         *marks;         /* of KhTimelineMark; task rows only */
  guint           legend_index;  /* the colour: index into the legend */
  KhTask         *task;          /* task rows */
  KhTaskGroup    *group;         /* group rows (NULL for the event lane) */
} KhTimelineRow;

/* Tasks each unit leads, per quarter of the plan year, for meetings. */
typedef struct {
  char  *unit;
  guint  quarters[4];   /* tasks with a date in Quý I..IV */
  guint  undated;       /* event-driven or unread */
  guint  total;         /* tasks it leads */
} KhTimelineUnitSummary;

typedef struct {
  GDate start;
  GDate end;            /* inclusive */
  char  label[40];      /* as long as the cell's width allows */
  char  short_label[16]; /* the shortest form ("Th1", "I"), when label does not fit */
} KhTimelineAxisCell;

/* The geometry: x = (julian (date) - julian (origin)) * px_per_day. */
typedef struct {
  guint32 origin;       /* Julian day at x = 0 */
  double  px_per_day;
} KhTimelineScale;

#define KH_TIMELINE_MIN_PX_PER_DAY 0.25
#define KH_TIMELINE_MAX_PX_PER_DAY 120.0

#define KH_TYPE_TIMELINE_MODEL (kh_timeline_model_get_type ())
G_DECLARE_FINAL_TYPE (KhTimelineModel, kh_timeline_model, KH, TIMELINE_MODEL, GObject)

KhTimelineModel     *kh_timeline_model_new                 (KhDocument        *document);
KhDocument          *kh_timeline_model_get_document        (KhTimelineModel   *self);
void                 kh_timeline_model_set_document        (KhTimelineModel   *self,
                                                            KhDocument        *document);
KhTimelineColorBy    kh_timeline_model_get_color_by        (KhTimelineModel   *self);
void                 kh_timeline_model_set_color_by        (KhTimelineModel   *self,
                                                            KhTimelineColorBy  color_by);
/* Filters. unit: tasks it leads or cooperates in (NULL or "": any);
 * quarter: 1..4 of the plan year (0: any); status: a KhTaskStatus (-1: any). */
const char          *kh_timeline_model_get_filter_unit     (KhTimelineModel   *self);
void                 kh_timeline_model_set_filter_unit     (KhTimelineModel   *self,
                                                            const char        *unit);
int                  kh_timeline_model_get_filter_quarter  (KhTimelineModel   *self);
void                 kh_timeline_model_set_filter_quarter  (KhTimelineModel   *self,
                                                            int                quarter);
int                  kh_timeline_model_get_filter_status   (KhTimelineModel   *self);
void                 kh_timeline_model_set_filter_status   (KhTimelineModel   *self,
                                                            int                status);
/* Hides or shows the tasks under group row @row_index. */
void                 kh_timeline_model_set_collapsed       (KhTimelineModel   *self,
                                                            guint              row_index,
                                                            gboolean           collapsed);

/* The visible rows, top to bottom. */
guint                kh_timeline_model_get_n_rows          (KhTimelineModel   *self);
const KhTimelineRow *kh_timeline_model_get_row             (KhTimelineModel   *self,
                                                            guint              index);
/* The row of @task, or -1 when it is filtered out, collapsed or absent. */
int                  kh_timeline_model_find_task           (KhTimelineModel   *self,
                                                            KhTask            *task);
/* Tasks shown (after filters, collapsed ones included). */
guint                kh_timeline_model_get_n_tasks         (KhTimelineModel   *self);
int                  kh_timeline_model_get_year            (KhTimelineModel   *self);
/* The plan year, widened to whole months around any task dated outside it. */
void                 kh_timeline_model_get_range           (KhTimelineModel   *self,
                                                            GDate             *start,
                                                            GDate             *end);
/* Every unit named in a lead or cooperating cell, in order of first use. */
GStrv                kh_timeline_model_dup_units           (KhTimelineModel   *self);

guint                kh_timeline_model_get_n_legend        (KhTimelineModel   *self);
const char          *kh_timeline_model_get_legend_label    (KhTimelineModel   *self,
                                                            guint              index);
/* The libadwaita palette; @dark picks the lighter shades for a dark background. */
void                 kh_timeline_model_get_legend_color    (KhTimelineModel   *self,
                                                            guint              index,
                                                            gboolean           dark,
                                                            KhTimelineColor   *color);

/* One entry per lead unit (in order of first use), over every task of the
 * plan regardless of the filters. Free with g_ptr_array_unref (). */
GPtrArray           *kh_timeline_model_dup_summary         (KhTimelineModel   *self);

/* Splits a lead or cooperating cell into units: at ',', ';' and line breaks,
 * a piece starting lower case continuing the previous one ("Trung tâm Thông
 * tin, thống kê và ứng dụng KH&CN" stays whole); trailing dots trimmed. */
GStrv                kh_timeline_split_units               (const char        *cell);
/* "Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Tạm dừng/hủy" (document text). */
const char          *kh_timeline_status_label              (KhTaskStatus       status);
/* "Th1" or "Tháng 1" (long); "Quý I". Static strings. */
const char          *kh_timeline_month_label               (int                month,
                                                            gboolean           long_form);
const char          *kh_timeline_quarter_label             (int                quarter);

void                 kh_timeline_scale_init                (KhTimelineScale   *scale,
                                                            const GDate       *origin,
                                                            double             px_per_day);
/* The left edge of @date's day. */
double               kh_timeline_scale_x_of                (const KhTimelineScale *scale,
                                                            const GDate       *date);
/* From the left edge of @start's day to the right edge of @end's. */
void                 kh_timeline_scale_span                (const KhTimelineScale *scale,
                                                            const GDate       *start,
                                                            const GDate       *end,
                                                            double            *x1,
                                                            double            *x2);
/* The day under @x (clamped to valid dates). */
void                 kh_timeline_scale_date_at             (const KhTimelineScale *scale,
                                                            double             x,
                                                            GDate             *date);
/* The px/day that shows a year, a quarter or a month in @width pixels. */
double               kh_timeline_zoom_px_per_day           (KhTimelineZoom     zoom,
                                                            double             width);
/* The cells of the axis tier (0 = upper, 1 = lower) between @from and @to,
 * chosen for the scale's px/day: years/quarters, quarters/months or
 * months/days. Returns an array of KhTimelineAxisCell. */
GArray              *kh_timeline_scale_axis                (const KhTimelineScale *scale,
                                                            const GDate       *from,
                                                            const GDate       *to,
                                                            guint              tier);

/* What a drag on the timeline moves. */
typedef enum {
  KH_TIMELINE_EDGE_BODY,    /* the whole part (a deadline's date) */
  KH_TIMELINE_EDGE_START,
  KH_TIMELINE_EDGE_END,
} KhTimelineEdge;

/* A copy of @schedule with part @part moved by @days (negative: earlier),
 * as the user set it: offsets cleared, the note kept. An edge never passes
 * the other one (the part keeps at least one day). A part without a start
 * (a deadline) only moves its date. NULL when @part does not exist or has
 * no dates. */
KhSchedule          *kh_timeline_schedule_move             (const KhSchedule  *schedule,
                                                            guint              part,
                                                            KhTimelineEdge     edge,
                                                            int                days);

void                 kh_timeline_unit_summary_free         (KhTimelineUnitSummary *summary);

G_END_DECLS
