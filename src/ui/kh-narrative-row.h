/* kh-narrative-row.h — the editor of one node in KhNarrativeView
 *
 * Shows the node's number (computed by the view, which knows the
 * siblings), a title entry for parts and sections, the text in a wrapping
 * multi-line editor and a kind selector. Every edit is written to the node
 * at once; changes of the node made elsewhere are shown, without echoing
 * the row's own edits back into the editors.
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-node.h"

G_BEGIN_DECLS

#define KH_TYPE_NARRATIVE_ROW (kh_narrative_row_get_type ())
G_DECLARE_FINAL_TYPE (KhNarrativeRow, kh_narrative_row, KH, NARRATIVE_ROW, GtkWidget)

GtkWidget  *kh_narrative_row_new          (void);
KhNode     *kh_narrative_row_get_node     (KhNarrativeRow *self);
void        kh_narrative_row_set_node     (KhNarrativeRow *self,
                                           KhNode         *node);
/* The number label: "I.", "1.", "a)", "-" or "" for a paragraph. */
const char *kh_narrative_row_get_number   (KhNarrativeRow *self);
void        kh_narrative_row_set_number   (KhNarrativeRow *self,
                                           const char     *number);
/* Puts the keyboard focus in the title entry when the node is a part or
 * section with no title yet, else in the text editor. */
void        kh_narrative_row_focus_editor (KhNarrativeRow *self);

G_END_DECLS
