/* kh-render-error.h — errors of the document renderer */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KH_RENDER_ERROR (kh_render_error_quark ())

typedef enum {
  KH_RENDER_ERROR_INVALID_PAGE,     /* a page index outside the document */
  KH_RENDER_ERROR_INVALID_OPTIONS,  /* sizes or margins outside nd30 ranges */
  KH_RENDER_ERROR_INVALID_DOCUMENT, /* a document the renderer cannot lay out */
  KH_RENDER_ERROR_FAILED,           /* cairo could not produce the output */
} KhRenderError;

GQuark kh_render_error_quark (void);

G_END_DECLS
