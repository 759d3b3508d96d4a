/* kh-general-view.h — the form of a document's header: agency, number,
 * date, summary, signer and recipients */
#pragma once

#include <adwaita.h>

#include "kh-document.h"

G_BEGIN_DECLS

#define KH_TYPE_GENERAL_VIEW (kh_general_view_get_type ())
G_DECLARE_FINAL_TYPE (KhGeneralView, kh_general_view, KH, GENERAL_VIEW, AdwBin)

GtkWidget  *kh_general_view_new          (void);
KhDocument *kh_general_view_get_document (KhGeneralView *self);
void        kh_general_view_set_document (KhGeneralView *self,
                                          KhDocument    *document);

/* Puts the keyboard in the summary, where a new document is filled in first. */
void        kh_general_view_focus_summary (KhGeneralView *self);

G_END_DECLS
