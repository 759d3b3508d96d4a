/* kh-decision-view.h — the editor of a document's decision (Quyết định)
 *
 * A scrolling form: the authority line, the "Theo đề nghị của ..." line,
 * the legal bases (KhLegalBasisRow: each worded live as it prints, with a
 * structured form per citation, add/remove/reorder) and the articles
 * (KhArticleRow: "Điều N.", title and body). Every edit goes straight into
 * the KhDecision; the document's "changed" signal is how the application
 * saves and records undo. With no decision it says so.
 *
 * Actions: decision.add-basis (Ctrl+Alt+B), decision.add-article
 * (Ctrl+Alt+A); each row carries its own (see the row headers).
 */
#pragma once

#include <adwaita.h>

#include "kh-decision.h"

G_BEGIN_DECLS

#define KH_TYPE_DECISION_VIEW (kh_decision_view_get_type ())
G_DECLARE_FINAL_TYPE (KhDecisionView, kh_decision_view, KH, DECISION_VIEW, GtkWidget)

GtkWidget  *kh_decision_view_new          (void);
/* The decision edited, or NULL (the view then says there is none). */
KhDecision *kh_decision_view_get_decision (KhDecisionView *self);
void        kh_decision_view_set_decision (KhDecisionView *self,
                                           KhDecision     *decision);

G_END_DECLS
