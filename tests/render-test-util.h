/* render-test-util.h — reading rendered PDFs back with poppler-glib */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

typedef struct {
  double            width, height;
  char             *text;       /* as poppler extracts it */
  glong             n_chars;
  PopplerRectangle *rects;      /* one per character of text, y down */
  guint             n_rects;
  GList            *attrs;      /* PopplerTextAttributes */
} KhPdfPage;

typedef struct {
  double x1, y1, x2, y2;        /* union of the glyph boxes, pt, y down */
  char  *font_name;             /* of the first character */
  double font_size;
} KhPdfRun;

PopplerDocument *kh_pdf_open            (const char *path);
KhPdfPage       *kh_pdf_page_load       (PopplerDocument *doc,
                                         int              index);
void             kh_pdf_page_free       (KhPdfPage       *page);
/* Finds needle (after start_char); FALSE when absent. run may be NULL. */
gboolean         kh_pdf_page_find       (KhPdfPage       *page,
                                         const char      *needle,
                                         glong            start_char,
                                         KhPdfRun        *run,
                                         glong           *found_at);
void             kh_pdf_run_clear       (KhPdfRun        *run);
/* TRUE when the file's bytes hold needle (binary safe). */
gboolean         kh_pdf_file_contains   (const char      *path,
                                         const char      *needle);
/* The whole document's text, pages joined with '\n'. */
char            *kh_pdf_document_text   (PopplerDocument *doc);
/* The text with every run of white space folded to one space. */
char            *kh_pdf_squeeze_spaces  (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPdfPage, kh_pdf_page_free)
/* poppler-glib 22 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

G_END_DECLS
