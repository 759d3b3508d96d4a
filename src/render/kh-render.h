/* kh-render.h — the printable document (Nghị định 30/2020/NĐ-CP, Phụ lục I)
 *
 * Lays out a KhDocument — a decision with its attached plan, or a plan issued
 * alone with its appendices — and produces the PDF, a PNG of one page, or the
 * pages to draw in the preview and through GtkPrintOperation. Safe to call
 * from a worker thread as long as the document is not modified meanwhile.
 */
#pragma once

#include "kh-document.h"
#include "kh-layout.h"
#include "kh-render-error.h"
#include "kh-rendered-document.h"

G_BEGIN_DECLS

typedef struct {
  double   font_size;         /* body text: 13 or 14 pt */
  double   margin_top;        /* mm: 20-25 */
  double   margin_bottom;     /* mm: 20-25 */
  double   margin_left;       /* mm: 30-35 */
  double   margin_right;      /* mm: 15-20 */
  /* Appendix tables of six columns or more on landscape pages (a table
   * marked landscape in the document always is). */
  gboolean landscape_wide_tables;
} KhRenderOptions;

/* The nd30 defaults: 13 pt, margins 20/20/30/15 mm, portrait appendices. */
void                kh_render_options_init      (KhRenderOptions       *options);
/* FALSE with KH_RENDER_ERROR_INVALID_OPTIONS outside the nd30 ranges. */
gboolean            kh_render_options_validate  (const KhRenderOptions *options,
                                                 GError               **error);

/* options may be NULL for the defaults. */
KhRenderedDocument *kh_render_layout            (KhDocument            *document,
                                                 const KhRenderOptions *options,
                                                 GError               **error);
gboolean            kh_render_document_to_pdf   (KhDocument            *document,
                                                 const KhRenderOptions *options,
                                                 const char            *path,
                                                 GError               **error);
gboolean            kh_render_document_to_stream (KhDocument           *document,
                                                  const KhRenderOptions *options,
                                                  GOutputStream        *stream,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
/* page is 0-based. */
gboolean            kh_render_page_to_png       (KhDocument            *document,
                                                 const KhRenderOptions *options,
                                                 guint                  page,
                                                 double                 dpi,
                                                 const char            *path,
                                                 GError               **error);

G_END_DECLS
