/* kh-layout-private.h — structures shared by the layout engine's files */
#pragma once

#include <pango/pangocairo.h>

#include "kh-layout-block.h"
#include "kh-rendered-document.h"

G_BEGIN_DECLS

typedef enum {
  KH_BLOCK_PARAGRAPH,
  KH_BLOCK_SPACE,
  KH_BLOCK_COLUMNS,
  KH_BLOCK_TABLE,
} KhBlockKind;

typedef struct {
  gboolean group;   /* cells[0] is the number, cells[1] the spanning title */
  char   **cells;
} KhTableRowData;

struct _KhLayoutBlock {
  gatomicrefcount  ref_count;
  KhBlockKind      kind;
  gboolean         keep_with_next;
  /* paragraph */
  char            *markup;
  KhParagraphStyle style;
  /* space */
  double           height;
  /* columns */
  guint            n_columns;
  double          *fractions;
  GPtrArray      **children;     /* one array of KhLayoutBlock per column */
  /* table */
  double           font_size;
  char           **headers;      /* n_columns */
  KhAlign         *aligns;       /* n_columns */
  GPtrArray       *rows;         /* KhTableRowData */
};

/* Glyphs of one font on a line shaped by KhShaper (kh-shaper.h). */
typedef struct {
  PangoFont *font;               /* owned by the shaper */
  int        text_offset;        /* bytes into the paragraph's text */
  int        text_length;
  int        first_glyph;        /* into the paragraph's glyphs */
  int        n_glyphs;
  int        first_cluster;      /* into the paragraph's clusters */
  int        n_clusters;
} KhGlyphRun;

typedef struct {
  double x;                      /* start, from the paragraph box's left */
  double baseline;               /* from the paragraph's top */
  double width;                  /* logical, as Pango measures a line */
  int    first_run;
  int    n_runs;
} KhLine;

/* A measured paragraph or table cell: lines shaped by KhShaper, or a
 * PangoLayout for the text it refuses. */
typedef struct {
  PangoLayout     *layout;       /* NULL when shaped */
  char            *text;         /* shaped: what the runs index */
  KhLine          *lines;        /* shaped: n_lines */
  KhGlyphRun      *runs;
  cairo_glyph_t   *glyphs;       /* x from the line start, y from the baseline */
  cairo_text_cluster_t *clusters;
  KhParagraphStyle style;
  double           x;            /* left of the layout box in its container */
  double           y;            /* top in its container (columns only) */
  int              n_lines;
  double          *line_top;     /* n_lines + 1 entries, from the layout top */
  double           rule_x;       /* rule start, relative to x */
  double           rule_width;   /* 0: no rule */
} KhPara;

#define KH_RULE_GAP   4.0        /* between the text and its rule: clear of descenders and dots below */
#define KH_RULE_EXTRA 5.0        /* height a rule adds under a paragraph */
#define KH_RULE_WIDTH 0.6
#define KH_TABLE_RULE 0.5
#define KH_CELL_PAD_X 3.0
#define KH_CELL_PAD_Y 2.0

typedef struct {
  guint    n_cells;
  KhPara **cells;
  double  *cell_x;               /* relative to the table's left */
  double  *cell_w;
  double   height;
} KhRowBox;

typedef enum {
  KH_ATOM_LINES,                 /* lines [from, to) of a paragraph */
  KH_ATOM_COLUMNS,               /* a whole column block */
  KH_ATOM_ROW,                   /* a table row, or a slice of a tall one */
  KH_ATOM_SPACE,
} KhAtomKind;

typedef struct {
  KhAtomKind kind;
  double     height;
  double     space_before;       /* dropped at the top of a page */
  double     space_after;
  gboolean   keep_with_next;
  KhPara    *para;               /* LINES */
  int        from, to;
  GPtrArray *column_paras;       /* COLUMNS: KhPara with x, y set */
  KhRowBox  *row;                /* ROW */
  KhRowBox  *header;             /* ROW: the table's header, NULL for the header itself */
  int       *cell_from;          /* ROW: first line of each cell, n_cells */
  int       *cell_to;
} KhAtom;

typedef struct {
  KhAtom *atom;
  double  x, y;                  /* top-left, pt */
} KhPlaced;

typedef struct {
  double  width, height;
  GArray *items;                 /* KhPlaced */
} KhPage;

/* Everything measured for one pagination; owned by the rendered document. */
typedef struct {
  PangoFontMap *font_map;
  PangoContext *context;
  char         *family;
  struct _KhShaper *shaper;      /* owns the fonts of shaped paragraphs */
  gboolean      shape_paragraphs; /* FALSE: Pango lays every paragraph out */
  GPtrArray    *paras;           /* KhPara */
  GPtrArray    *rows;            /* KhRowBox */
  GPtrArray    *atoms;           /* KhAtom */
  GPtrArray    *lists;           /* GPtrArray (column paras) */
  GPtrArray    *pages;           /* KhPage */
} KhLayoutStore;

KhLayoutStore      *kh_layout_store_new  (PangoFontMap  *font_map,
                                          PangoContext  *context,
                                          const char    *family);
void                kh_layout_store_free (KhLayoutStore *store);
KhPara             *kh_layout_store_add_para (KhLayoutStore *store);
KhAtom             *kh_layout_store_add_atom (KhLayoutStore *store);

/* Takes ownership of the store. */
KhRenderedDocument *kh_rendered_document_new_from_store (KhLayoutStore *store);

G_END_DECLS
