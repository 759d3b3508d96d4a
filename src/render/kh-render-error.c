/* kh-render-error.c */
#include "kh-render-error.h"

G_DEFINE_QUARK (kh-render-error-quark, kh_render_error)
