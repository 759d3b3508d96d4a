/* kh-rendered-document.h — a paginated document, ready to draw
 *
 * The result of KhLayout: a list of pages that can be drawn on any cairo
 * context (the UI preview, GtkPrintOperation), written as a PDF with its
 * metadata and the fonts embedded, or as a PNG image of one page.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define KH_TYPE_RENDERED_DOCUMENT (kh_rendered_document_get_type ())

G_DECLARE_FINAL_TYPE (KhRenderedDocument, kh_rendered_document, KH, RENDERED_DOCUMENT, GObject)

guint       kh_rendered_document_get_n_pages   (KhRenderedDocument *self);
/* Size of a page in points; FALSE for a page outside the document. */
gboolean    kh_rendered_document_get_page_size (KhRenderedDocument *self,
                                                guint               page,
                                                double             *width,
                                                double             *height);
/* Draws page (0-based) with cairo user units in points; it does not paint
 * the background. Out-of-range pages draw nothing. */
void        kh_rendered_document_draw_page     (KhRenderedDocument *self,
                                                cairo_t            *cr,
                                                guint               page);

const char *kh_rendered_document_get_title     (KhRenderedDocument *self);
void        kh_rendered_document_set_title     (KhRenderedDocument *self,
                                                const char         *title);
const char *kh_rendered_document_get_author    (KhRenderedDocument *self);
void        kh_rendered_document_set_author    (KhRenderedDocument *self,
                                                const char         *author);
/* Defaults to the time the object was created. */
GDateTime  *kh_rendered_document_get_creation_date (KhRenderedDocument *self);
void        kh_rendered_document_set_creation_date (KhRenderedDocument *self,
                                                    GDateTime          *date);
const char *kh_rendered_document_get_font_family (KhRenderedDocument *self);

/* The whole document as PDF (title, author, creation date, /Lang (vi)). */
gboolean    kh_rendered_document_write_pdf     (KhRenderedDocument *self,
                                                GOutputStream      *stream,
                                                GCancellable       *cancellable,
                                                GError            **error);
gboolean    kh_rendered_document_save_pdf      (KhRenderedDocument *self,
                                                const char         *path,
                                                GError            **error);
/* One page (0-based) as PNG at dpi dots per inch on a white background. */
gboolean    kh_rendered_document_save_png      (KhRenderedDocument *self,
                                                guint               page,
                                                double              dpi,
                                                const char         *path,
                                                GError            **error);

G_END_DECLS
