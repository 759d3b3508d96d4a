/* kh-check-window.h — the document check (kh-lint.h) beside the editor
 *
 * A non-modal window listing the findings of the open document in reading
 * order (not worst first), so that fixing them top to bottom walks the
 * document once. Each row shows where (as printed: "Task III.2") and what;
 * activating it emits "issue-activated" so that the main window opens that
 * spot. The list is rebuilt shortly after each edit, so a finding goes away
 * as it is fixed (while hidden, once when it shows again).
 * Closing only hides the window.
 *
 * Signals:
 *   "issue-activated" (KhLintIssue *issue)
 */
#pragma once

#include <adwaita.h>

#include "kh-core.h"

G_BEGIN_DECLS

#define KH_TYPE_CHECK_WINDOW (kh_check_window_get_type ())
G_DECLARE_FINAL_TYPE (KhCheckWindow, kh_check_window, KH, CHECK_WINDOW, AdwWindow)

GtkWidget  *kh_check_window_new          (void);

/* "document": the document checked; NULL shows nothing. */
KhDocument *kh_check_window_get_document (KhCheckWindow *self);
void        kh_check_window_set_document (KhCheckWindow *self,
                                          KhDocument    *document);
/* The findings shown (KhLintIssue), current as of the last check. */
GListModel *kh_check_window_get_issues   (KhCheckWindow *self);
/* Checks again now instead of after the pause that follows an edit. */
void        kh_check_window_refresh      (KhCheckWindow *self);

G_END_DECLS
