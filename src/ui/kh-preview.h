/* kh-preview.h — the PDF preview of the printable document
 *
 * Shows the pages of "document" as the renderer prints them. On a new
 * document, and 300 ms after the last of a burst of edits ("changed"), the
 * document is copied on the main thread and laid out, written as PDF and
 * opened with poppler-glib in a worker thread; the pages near the visible
 * area are then rasterised one by one in another worker thread at the zoom
 * and the display's scale factor, and wrapped into textures without a copy.
 * A newer render cancels the older one and the results of stale renders are
 * dropped, so the pages always end up showing the last state.
 *
 * The widget carries its toolbar (page navigation, zoom, an "Updating…"
 * indicator, Export PDF… and Print…) and shows a status page when the
 * document cannot be rendered.
 *
 * Signal "rendered": the pages of a new render are shown (n-pages is set;
 * the page textures follow as they are rasterised).
 *
 * Actions (group "preview", on the widget; accelerators work while the focus
 * is inside it — the window may add the same accelerators globally):
 *   preview.zoom-in          Ctrl++      preview.zoom-out       Ctrl+-
 *   preview.zoom-fit-width   Ctrl+0      preview.zoom-fit-page
 *   preview.zoom-set (d)     a zoom factor, 1.0 = 100 %
 *   preview.next-page        Page Down   preview.previous-page  Page Up
 *   preview.export-pdf       Ctrl+Shift+E (file chooser, then a worker thread)
 *   preview.print            Ctrl+P (GtkPrintOperation drawing the same pages)
 */
#pragma once

#include <adwaita.h>

#include "kh-document.h"
#include "kh-render.h"

G_BEGIN_DECLS

#define KH_PREVIEW_ERROR (kh_preview_error_quark ())

typedef enum {
  KH_PREVIEW_ERROR_NO_DOCUMENT,   /* nothing to export or print */
} KhPreviewError;

GQuark kh_preview_error_quark (void);

typedef enum {
  KH_PREVIEW_ZOOM_FREE,           /* the "zoom" property as set */
  KH_PREVIEW_ZOOM_FIT_WIDTH,      /* the widest page fills the width */
  KH_PREVIEW_ZOOM_FIT_PAGE,       /* the largest page fits whole */
} KhPreviewZoomMode;

#define KH_TYPE_PREVIEW_ZOOM_MODE (kh_preview_zoom_mode_get_type ())
GType kh_preview_zoom_mode_get_type (void);

#define KH_PREVIEW_ZOOM_MIN 0.25
#define KH_PREVIEW_ZOOM_MAX 4.0

#define KH_TYPE_PREVIEW (kh_preview_get_type ())
G_DECLARE_FINAL_TYPE (KhPreview, kh_preview, KH, PREVIEW, GtkWidget)

GtkWidget          *kh_preview_new                   (void);

/* "document": the document shown, or NULL. */
KhDocument         *kh_preview_get_document          (KhPreview         *self);
void                kh_preview_set_document          (KhPreview         *self,
                                                      KhDocument        *document);

/* "zoom": 1.0 = 100 % (96 dpi), within KH_PREVIEW_ZOOM_MIN..MAX. Setting it
 * switches "zoom-mode" to KH_PREVIEW_ZOOM_FREE; in the fit modes it follows
 * the size of the widget. */
double              kh_preview_get_zoom              (KhPreview         *self);
void                kh_preview_set_zoom              (KhPreview         *self,
                                                      double             zoom);
KhPreviewZoomMode   kh_preview_get_zoom_mode         (KhPreview         *self);
void                kh_preview_set_zoom_mode         (KhPreview         *self,
                                                      KhPreviewZoomMode  mode);

/* The options of the renders, exports and prints (NULL: the nd30 defaults).
 * Options outside the nd30 ranges show the error page. */
const KhRenderOptions *kh_preview_get_render_options (KhPreview             *self);
void                kh_preview_set_render_options    (KhPreview             *self,
                                                      const KhRenderOptions *options);

/* "n-pages": pages of the last render shown (0 before the first). */
guint               kh_preview_get_n_pages           (KhPreview         *self);
/* "page": the current page, 0-based; setting it scrolls to that page. */
guint               kh_preview_get_page              (KhPreview         *self);
void                kh_preview_set_page              (KhPreview         *self,
                                                      guint              page);
/* "busy": edits are waiting for the debounce or a render is running. */
gboolean            kh_preview_get_busy              (KhPreview         *self);

/* Renders now, without waiting for the debounce delay. */
void                kh_preview_refresh               (KhPreview         *self);

/* The layout of the last render shown, or NULL; what Print… prints. */
KhRenderedDocument *kh_preview_get_rendered_document (KhPreview         *self);

/* A print operation for the layout of the last render shown (NULL before
 * the first): A4 by default, one page per page, landscape pages turned,
 * drawn with kh_rendered_document_draw_page(). Print… runs it with the
 * print dialog; it can also run with GTK_PRINT_OPERATION_ACTION_EXPORT. */
GtkPrintOperation  *kh_preview_new_print_operation   (KhPreview         *self);

/* How many renders were started and how many reached the screen (renders
 * superseded by a newer one are dropped): for tests and diagnostics. */
void                kh_preview_get_render_counts     (KhPreview         *self,
                                                      guint             *requested,
                                                      guint             *completed);

/* Writes the current document as PDF to file, on the calling thread (it
 * blocks: the Export PDF… action does the same work in a worker thread). */
gboolean            kh_preview_export_pdf            (KhPreview         *self,
                                                      GFile             *file,
                                                      GError           **error);

G_END_DECLS
