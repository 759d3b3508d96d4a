/* kh-layout-block.h — the content blocks of the layout engine
 *
 * A document is laid out as a sequence of blocks: styled paragraphs, side by
 * side column blocks (the header block, the signature block), tables and
 * vertical spaces. Blocks are reference counted and immutable once handed to
 * a KhLayout. All lengths are in points (1/72 inch).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KH_ALIGN_LEFT,
  KH_ALIGN_CENTER,
  KH_ALIGN_RIGHT,
  KH_ALIGN_JUSTIFY,
} KhAlign;

typedef struct {
  double   size;            /* font size, pt */
  gboolean bold;
  gboolean italic;
  KhAlign  align;
  double   first_indent;    /* first-line indent, pt */
  double   left_indent;
  double   right_indent;
  double   space_before;
  double   space_after;
  /* > 0: a solid rule centred under the paragraph, this fraction of the
   * paragraph's widest line (1.0: as long as the text). */
  double   rule_fraction;
  /* The paragraph never ends a page: it moves with the next block. */
  gboolean keep_with_next;
} KhParagraphStyle;

/* A left-aligned, upright paragraph of the given size, no spacing. */
void kh_paragraph_style_init (KhParagraphStyle *style,
                              double            size);

#define KH_TYPE_LAYOUT_BLOCK (kh_layout_block_get_type ())

typedef struct _KhLayoutBlock KhLayoutBlock;

GType          kh_layout_block_get_type  (void) G_GNUC_CONST;
KhLayoutBlock *kh_layout_block_ref       (KhLayoutBlock *block);
void           kh_layout_block_unref     (KhLayoutBlock *block);

/* A paragraph of Pango markup (escape user text with g_markup_escape_text);
 * markup that does not parse is shown as plain text. */
KhLayoutBlock *kh_layout_block_new_paragraph (const char             *markup,
                                              const KhParagraphStyle *style);
/* A vertical space; dropped at the top of a page. */
KhLayoutBlock *kh_layout_block_new_space     (double height);

/* Columns side by side, kept whole on one page. fractions[i] is the share of
 * the text width of column i (they should sum to 1). */
KhLayoutBlock *kh_layout_block_new_columns   (guint          n_columns,
                                              const double  *fractions);
/* Appends a paragraph or space block to a column (a new reference is taken). */
void           kh_layout_block_columns_add   (KhLayoutBlock *columns,
                                              guint          column,
                                              KhLayoutBlock *child);
void           kh_layout_block_set_keep_with_next (KhLayoutBlock *block,
                                                   gboolean       keep);

/* A table spanning the text width, solid rules, a bold centred header row
 * repeated on each page it crosses; columns are sized to their content. */
KhLayoutBlock *kh_layout_block_new_table     (guint          n_columns,
                                              double         font_size);
void           kh_layout_block_table_set_header (KhLayoutBlock *table,
                                                 guint          column,
                                                 const char    *text);
void           kh_layout_block_table_set_align  (KhLayoutBlock *table,
                                                 guint          column,
                                                 KhAlign        align);
/* cells: n_columns plain-text strings (NULL entries are empty cells). */
void           kh_layout_block_table_add_row    (KhLayoutBlock      *table,
                                                 const char * const *cells);
/* A group row: number in the first column, bold title spanning the rest. */
void           kh_layout_block_table_add_group  (KhLayoutBlock *table,
                                                 const char    *number,
                                                 const char    *title);
guint          kh_layout_block_table_get_n_rows (KhLayoutBlock *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhLayoutBlock, kh_layout_block_unref)

G_END_DECLS
