/* kh-narrative-view.h — the editor of a numbered narrative
 *
 * Edits a list of KhNode trees: a plan's narrative (kh_plan_get_narrative)
 * or an article's body (kh_article_get_body). Each node shows its number
 * the way the printed document numbers it — parts I., II., sections 1.,
 * 2., points a), b) ... đ), dashes "-", paragraphs none — computed from
 * its position among the siblings of the same kind, and renumbered as
 * nodes move. Every edit goes straight into the model; the document's
 * "changed" signal is how the application saves and records undo.
 *
 * Actions (on the widget, with their accelerators):
 *   narrative.add-part       Ctrl+Alt+1
 *   narrative.add-section    Ctrl+Alt+2
 *   narrative.add-point      Ctrl+Alt+3
 *   narrative.add-paragraph  Ctrl+Alt+4
 *      insert a new node after the selected one: as its last child when
 *      the new kind belongs under the selected one (a point under a
 *      section), else as a sibling after the selected node or after the
 *      ancestor of the same level (a section added from a point goes after
 *      the point's section); with nothing selected, at the end.
 *   narrative.remove         Delete (not while typing in an editor)
 *   narrative.move-up        Alt+Up
 *   narrative.move-down      Alt+Down
 *   narrative.indent         Alt+Right  (becomes the last child of its
 *                                        previous sibling)
 *   narrative.outdent        Alt+Left   (becomes the next sibling of its
 *                                        parent)
 * They act on the selected node, which follows the keyboard focus.
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-node.h"

G_BEGIN_DECLS

#define KH_TYPE_NARRATIVE_VIEW (kh_narrative_view_get_type ())
G_DECLARE_FINAL_TYPE (KhNarrativeView, kh_narrative_view, KH, NARRATIVE_VIEW, GtkWidget)

GtkWidget  *kh_narrative_view_new               (void);
/* The top-level nodes, a GListModel of KhNode (a GListStore, as the model
 * returns it; with any other list model the nodes are still edited but
 * the actions that add, remove or move them are disabled). May be NULL. */
GListModel *kh_narrative_view_get_nodes         (KhNarrativeView *self);
void        kh_narrative_view_set_nodes         (KhNarrativeView *self,
                                                 GListModel      *nodes);
/* TRUE (the default): the view scrolls its rows itself. FALSE: it is as
 * tall as its rows and leaves scrolling to its container (an article's
 * body inside the decision form). */
gboolean    kh_narrative_view_get_scrollable    (KhNarrativeView *self);
void        kh_narrative_view_set_scrollable    (KhNarrativeView *self,
                                                 gboolean         scrollable);
/* The node the actions act on, or NULL. */
KhNode     *kh_narrative_view_get_selected_node (KhNarrativeView *self);
/* Selects node (anywhere in the tree) and scrolls to it; returns FALSE
 * when it is not shown. */
gboolean    kh_narrative_view_select_node       (KhNarrativeView *self,
                                                 KhNode          *node);

G_END_DECLS
