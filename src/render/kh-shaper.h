/* kh-shaper.h — paragraphs broken into lines from words shaped once
 *
 * A printed plan repeats the same words thousands of times (units, time
 * frames, "cán bộ, công chức"). Pango shapes every paragraph as a whole,
 * and again where a line breaks inside a run; the shaper instead shapes
 * each distinct word once per font, keeps it, and breaks lines at spaces
 * itself, giving the same line breaks, positions and justification as a
 * PangoLayout for the text it accepts: left-to-right Latin text (Vietnamese
 * included) in fonts that have every glyph, bold and italic spans, hard
 * line breaks. Anything else (other scripts, missing glyphs, a word wider
 * than the line, other attributes) is refused and laid out by Pango.
 */
#pragma once

#include "kh-layout-private.h"

G_BEGIN_DECLS

typedef struct _KhShaper KhShaper;

KhShaper *kh_shaper_new    (PangoContext *context,
                            const char   *family);
void      kh_shaper_free   (KhShaper     *shaper);

/* Breaks text (with bold/italic spans in attrs, may be NULL) into lines
 * width Pango units wide, in para's style, and fills para's lines, runs,
 * glyphs, line_top and n_lines. FALSE, leaving para untouched, when the
 * text needs Pango. The fonts stay owned by the shaper. */
gboolean  kh_shaper_layout (KhShaper       *shaper,
                            KhPara         *para,
                            const char     *text,
                            PangoAttrList  *attrs,
                            int             width);

/* Width in Pango units of a word (no spaces) in the family at that size
 * and weight, shaped once and kept; -1 when the font lacks a glyph. */
int       kh_shaper_word_width (KhShaper   *shaper,
                                double      size,
                                gboolean    bold,
                                const char *word,
                                int         length);

/* Frees what kh_shaper_layout() put in a paragraph. */
void      kh_para_clear_lines (KhPara *para);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhShaper, kh_shaper_free)

G_END_DECLS
