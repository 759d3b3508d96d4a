/* kh-preview-page.h — one page of the preview, as a GdkPaintable
 *
 * Knows its size in points and the zoom, and so its size on screen in
 * logical pixels (100 % = 96 dpi), whatever the resolution of the texture
 * it draws: a texture rendered for another zoom or scale is drawn stretched
 * until the fresh one arrives, and a page without a texture draws nothing
 * (the widget showing it paints the paper).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Logical pixels per point at 100 % zoom. */
#define KH_PREVIEW_PIXELS_PER_POINT (96.0 / 72.0)

#define KH_TYPE_PREVIEW_PAGE (kh_preview_page_get_type ())
G_DECLARE_FINAL_TYPE (KhPreviewPage, kh_preview_page, KH, PREVIEW_PAGE, GObject)

KhPreviewPage *kh_preview_page_new          (guint          index,
                                             double         width,
                                             double         height);
/* 0-based index in the document. */
guint          kh_preview_page_get_index    (KhPreviewPage *self);
/* Size in points. */
void           kh_preview_page_get_size     (KhPreviewPage *self,
                                             double        *width,
                                             double        *height);
void           kh_preview_page_set_size     (KhPreviewPage *self,
                                             double         width,
                                             double         height);
double         kh_preview_page_get_zoom     (KhPreviewPage *self);
void           kh_preview_page_set_zoom     (KhPreviewPage *self,
                                             double         zoom);
/* The size of a sharp texture on a display of this scale factor. */
void           kh_preview_page_get_pixel_size (KhPreviewPage *self,
                                               int            scale_factor,
                                               int           *width,
                                               int           *height);
GdkTexture    *kh_preview_page_get_texture  (KhPreviewPage *self);
void           kh_preview_page_set_texture  (KhPreviewPage *self,
                                             GdkTexture    *texture);

G_END_DECLS
