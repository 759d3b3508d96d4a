/* kh-timeline.h — the Gantt-like timeline widget
 *
 * Draws a KhTimelineModel with GtkSnapshot and Pango: a frozen column of task
 * names (number and content, ellipsized; the full text in the tooltip) on the
 * left, a frozen two-tier axis on top ("Quý I", "Th1"), and one row per task
 * with its marks — bars (span), diamonds (deadline), light bands
 * (continuous), ticks (recurring), the event lane's text, unread time frames
 * flagged — plus the today line. Only the visible rows are drawn; their Pango
 * layouts are cached. It implements GtkScrollable: put it in a
 * GtkScrolledWindow. The horizontal adjustment scrolls the dates, the
 * vertical one the rows; the names column and the axis stay in place.
 *
 * Input: click a mark or a name to select its row and emit "task-activated";
 * click a group row to collapse or expand it; drag a bar's body or ends (or
 * a diamond) to move it — "schedule-edited" then proposes the new schedule,
 * nothing is changed by the widget itself; Ctrl+scroll and pinch zoom around
 * the pointer, Ctrl+plus / Ctrl+minus around the middle, Ctrl+0 zooms to
 * fit, Ctrl+1/2/3 show a year, a quarter, a month; Up/Down/Page Up/Page
 * Down/Home/End move between rows, Left/Right collapse and expand a group
 * (or scroll the dates on a task row), Enter or Space activates.
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-timeline-model.h"

G_BEGIN_DECLS

#define KH_TYPE_TIMELINE (kh_timeline_get_type ())
G_DECLARE_FINAL_TYPE (KhTimeline, kh_timeline, KH, TIMELINE, GtkWidget)

GtkWidget       *kh_timeline_new               (void);
KhTimelineModel *kh_timeline_get_model         (KhTimeline       *self);
void             kh_timeline_set_model         (KhTimeline       *self,
                                                KhTimelineModel  *model);

/* Zoom: pixels per day, kept between KH_TIMELINE_MIN/MAX_PX_PER_DAY. */
double           kh_timeline_get_px_per_day    (KhTimeline       *self);
void             kh_timeline_set_px_per_day    (KhTimeline       *self,
                                                double            px_per_day);
/* Multiplies the zoom, keeping the date under @anchor_x (widget x) still. */
void             kh_timeline_zoom_by           (KhTimeline       *self,
                                                double            factor,
                                                double            anchor_x);
/* A year, a quarter or a month across the chart, from the first visible day. */
void             kh_timeline_zoom_to           (KhTimeline       *self,
                                                KhTimelineZoom    zoom);
/* The model's whole date range across the chart. */
void             kh_timeline_zoom_to_fit       (KhTimeline       *self);

/* Large type and rows for a projector. */
gboolean         kh_timeline_get_presentation  (KhTimeline       *self);
void             kh_timeline_set_presentation  (KhTimeline       *self,
                                                gboolean          presentation);
/* The day of the today line (default: today); NULL or invalid hides it. */
void             kh_timeline_set_today         (KhTimeline       *self,
                                                const GDate      *today);

/* The selected task (NULL when none, or a group row is selected). */
KhTask          *kh_timeline_get_selected_task (KhTimeline       *self);
/* Selects @task's row and scrolls it into view; FALSE when it is not shown. */
gboolean         kh_timeline_select_task       (KhTimeline       *self,
                                                KhTask           *task);
/* The widget rectangle of @task's first mark, or of its row's chart area
 * when it has no dates; FALSE when the task is not in a visible row. */
gboolean         kh_timeline_get_task_rect     (KhTimeline       *self,
                                                KhTask           *task,
                                                graphene_rect_t  *rect);
/* The task whose mark or name is at widget (x, y), or NULL. */
KhTask          *kh_timeline_task_at           (KhTimeline       *self,
                                                double            x,
                                                double            y);
/* The width of the frozen names column and the height of the axis. */
double           kh_timeline_get_names_width   (KhTimeline       *self);
double           kh_timeline_get_axis_height   (KhTimeline       *self);
double           kh_timeline_get_row_height    (KhTimeline       *self);

G_END_DECLS
