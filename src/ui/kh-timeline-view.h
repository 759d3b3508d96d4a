/* kh-timeline-view.h — the Timeline page: toolbar, legend and KhTimeline
 *
 * Shows the "document" property's plan on a KhTimeline with a toolbar: zoom
 * out/in/to fit, year/quarter/month, colour by lead unit or status, filters
 * (unit, quarter, status), the per-unit quarterly summary for meetings,
 * presentation mode (full screen, large type; F5, Escape leaves) and export
 * (PDF on A4/A3 landscape pages, PNG). A bar dragged on the timeline asks
 * whether to rewrite the time frame text in canonical wording, then sets the
 * task's explicit schedule; the document's "changed" signal lets the edit
 * session save and undo it.
 *
 * Signal "task-activated" (KhTask *task): a task's bar or name was clicked
 * (or Enter pressed on its row) — select it in the task table.
 */
#pragma once

#include <adwaita.h>

#include "kh-document.h"
#include "kh-schedule.h"
#include "kh-timeline.h"

G_BEGIN_DECLS

#define KH_TYPE_TIMELINE_VIEW (kh_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (KhTimelineView, kh_timeline_view, KH, TIMELINE_VIEW, AdwBin)

GtkWidget   *kh_timeline_view_new             (void);
KhDocument  *kh_timeline_view_get_document    (KhTimelineView *self);
void         kh_timeline_view_set_document    (KhTimelineView *self,
                                               KhDocument     *document);
KhTimeline  *kh_timeline_view_get_timeline    (KhTimelineView *self);
/* Selects @task's row (e.g. when it is selected in the task table). */
gboolean     kh_timeline_view_select_task     (KhTimelineView *self,
                                               KhTask         *task);
/* What the confirmation does: sets @schedule as @task's explicit schedule
 * and, when @rewrite_text, its time frame text to the canonical wording. */
void         kh_timeline_view_apply_schedule  (KhTimelineView *self,
                                               KhTask         *task,
                                               KhSchedule     *schedule,
                                               gboolean        rewrite_text);
/* Exports what the page shows (colours, filters; a filtered quarter's dates)
 * as @format "pdf-a4", "pdf-a3" or "png" to @path — the export menu's work. */
gboolean     kh_timeline_view_export          (KhTimelineView *self,
                                               const char     *format,
                                               const char     *path,
                                               GError        **error);
gboolean     kh_timeline_view_get_presentation (KhTimelineView *self);
void         kh_timeline_view_set_presentation (KhTimelineView *self,
                                                gboolean        presentation);

G_END_DECLS
