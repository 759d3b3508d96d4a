/* kh-pdf-writer.h — a small PDF 1.5 writer for pages of positioned glyphs and rules */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define KH_TYPE_PDF_WRITER (kh_pdf_writer_get_type ())
G_DECLARE_FINAL_TYPE (KhPdfWriter, kh_pdf_writer, KH, PDF_WRITER, GObject)

KhPdfWriter *kh_pdf_writer_new          (void);
/* Any argument may be NULL; lang is a BCP 47 tag such as "vi". */
void         kh_pdf_writer_set_info     (KhPdfWriter                *self,
                                         const char                 *title,
                                         const char                 *author,
                                         const char                 *creator,
                                         GDateTime                  *created,
                                         const char                 *lang);
void         kh_pdf_writer_begin_page   (KhPdfWriter                *self,
                                         double                      width,
                                         double                      height);
/* Glyphs at absolute baseline positions in pt, origin top-left, y down (as
 * cairo_glyph_t on an unscaled cairo context), with utf8 and clusters as
 * cairo_show_text_glyphs takes them (forward clusters). FALSE, with
 * nothing written, when the font cannot be embedded by this writer (not a
 * TrueType 'glyf' font, synthetic bold or slant, a transformed font). */
gboolean     kh_pdf_writer_show_glyphs  (KhPdfWriter                *self,
                                         PangoFont                  *font,
                                         const char                 *utf8,
                                         int                         utf8_len,
                                         const cairo_glyph_t        *glyphs,
                                         int                         n_glyphs,
                                         const cairo_text_cluster_t *clusters,
                                         int                         n_clusters);
/* Adds a segment to the path stroked by the next kh_pdf_writer_stroke(). */
void         kh_pdf_writer_line         (KhPdfWriter                *self,
                                         double                      x0,
                                         double                      y0,
                                         double                      x1,
                                         double                      y1);
void         kh_pdf_writer_stroke       (KhPdfWriter                *self,
                                         double                      line_width,
                                         gboolean                    square_caps);
void         kh_pdf_writer_end_page     (KhPdfWriter                *self);
/* The whole file; the writer takes no more pages afterwards. */
GBytes      *kh_pdf_writer_finish       (KhPdfWriter                *self,
                                         GError                    **error);

G_END_DECLS
