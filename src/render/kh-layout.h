/* kh-layout.h — paginates blocks into pages
 *
 * A KhLayout receives sections of blocks (each section starts a new page,
 * portrait or landscape, and may restart the page numbering) and paginates
 * them into a KhRenderedDocument: paragraphs break between lines (never
 * leaving one line alone at the foot or head of a page), a paragraph kept
 * with the next never ends a page, table rows are kept whole unless taller
 * than a page and the header row is repeated on every page.
 *
 * Text is shaped with its own Pango font map, so a layout may be built and
 * paginated on a worker thread (one thread at a time per object).
 */
#pragma once

#include <glib-object.h>

#include "kh-layout-block.h"
#include "kh-rendered-document.h"

G_BEGIN_DECLS

/* A4 in points. */
#define KH_A4_WIDTH_PT  (210.0 * 72.0 / 25.4)
#define KH_A4_HEIGHT_PT (297.0 * 72.0 / 25.4)
#define KH_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

typedef struct {
  double page_width;        /* portrait, pt */
  double page_height;
  double margin_top;        /* pt */
  double margin_bottom;
  double margin_left;
  double margin_right;
  double page_number_size;  /* pt; the number is centred in the top margin */
} KhPageSetup;

/* A4 with the nd30 default margins (20/20/30/15 mm), page numbers 13 pt. */
void kh_page_setup_init_default (KhPageSetup *setup);

#define KH_TYPE_LAYOUT (kh_layout_get_type ())

G_DECLARE_FINAL_TYPE (KhLayout, kh_layout, KH, LAYOUT, GObject)

KhLayout           *kh_layout_new              (const KhPageSetup *setup);
/* The font family in use: Times New Roman when installed, else Liberation
 * Serif, else Tinos, else the fontconfig "serif". */
const char         *kh_layout_get_font_family  (KhLayout          *self);
/* Starts a new page run. restart_numbering: its first page is page 1 (no
 * number shown) as for an appendix or an attached document. */
void                kh_layout_begin_section    (KhLayout          *self,
                                                gboolean           landscape,
                                                gboolean           restart_numbering);
/* Appends a block to the current section (a new reference is taken). */
void                kh_layout_add              (KhLayout          *self,
                                                KhLayoutBlock     *block);
/* Text width of the current section, pt. */
double              kh_layout_get_text_width   (KhLayout          *self);
KhRenderedDocument *kh_layout_paginate         (KhLayout          *self);

G_END_DECLS
