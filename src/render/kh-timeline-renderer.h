/* kh-timeline-renderer.h — the timeline on paper: PDF pages and PNG images
 *
 * Draws what KhTimelineModel holds with cairo and Pango: the names column
 * (number and content), the Vietnamese axis (quarters and months), one row
 * per task with its marks (bars, diamonds, light bands, ticks; the event
 * lane's time frame text; unread time frames flagged), the today line and
 * the legend. A PDF is tiled over A4 or A3 landscape pages: rows that do not
 * fit go to the next pages, and a date range too wide for the page's
 * minimum month width is split across pages side by side; every page
 * repeats the names column and the axis. The PNG is one image of every row.
 * This is the export's drawing: the GTK widget draws with GtkSnapshot and
 * shares the model's geometry and colours, not this code.
 */
#pragma once

#include <cairo.h>

#include "kh-document.h"
#include "kh-timeline-model.h"

G_BEGIN_DECLS

typedef enum {
  KH_PAPER_A4,
  KH_PAPER_A3,
} KhPaper;

typedef struct {
  KhPaper            paper;            /* always landscape */
  GDate              from;             /* invalid: the start of the plan's range */
  GDate              to;               /* invalid: its end (inclusive) */
  KhTimelineColorBy  color_by;
  const char        *filter_unit;      /* as kh_timeline_model_set_filter_unit () */
  int                filter_quarter;   /* 0: any */
  int                filter_status;    /* -1: any */
  GDate              today;            /* invalid: no today line */
  double             min_month_width;  /* pt; a range needing more goes on pages side by side */
  double             png_scale;        /* PNG pixels per point */
} KhTimelineExportOptions;

/* A4, the plan's range, colour by lead unit, no filter, no today line,
 * months at least 40 pt wide, PNG at 2 px/pt. */
void      kh_timeline_export_options_init   (KhTimelineExportOptions       *options);

/* The number of pages the PDF will have; 0 with @error set for bad options. */
guint     kh_timeline_export_count_pages    (KhDocument                    *document,
                                             const KhTimelineExportOptions *options,
                                             GError                       **error);
gboolean  kh_timeline_export_pdf            (KhDocument                    *document,
                                             const KhTimelineExportOptions *options,
                                             const char                    *path,
                                             GError                       **error);
gboolean  kh_timeline_export_png            (KhDocument                    *document,
                                             const KhTimelineExportOptions *options,
                                             const char                    *path,
                                             GError                       **error);

G_END_DECLS
