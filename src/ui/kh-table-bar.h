/* kh-table-bar.h — picks, adds and removes a plan's task tables, and edits
 * the selected table's settings
 *
 * A plan has one or more task tables (design.md). The bar shows a drop-down
 * of them (labelled with the table's title, else "Table 1", "Table 2"…;
 * hidden when there is only one), an Add Table and a Remove Table button,
 * and a Table Settings menu button whose popover edits the selected table's
 * title, "Print as appendix" (its own pages headed PHỤ LỤC, own page
 * numbers) and "Landscape pages" (appendices only), and a "Columns…" button
 * that opens a KhColumnsEditor on the selected table. Every change is written
 * straight into the model, so the document's "changed" signal sees it.
 *
 * Actions (group "table-bar"):
 *   table-bar.add     a new table (kh_task_table_new_default()) after the
 *                     selected one, selected
 *   table-bar.remove  the selected table; enabled only when the plan has more
 *                     than one; emits "table-removed"
 *
 * Signals:
 *   "table-removed" (KhTaskTable *table, guint position): after
 *   table-bar.remove, so that the window can offer to undo.
 */
#pragma once

#include <adwaita.h>

#include "kh-core.h"

G_BEGIN_DECLS

#define KH_TYPE_TABLE_BAR (kh_table_bar_get_type ())
G_DECLARE_FINAL_TYPE (KhTableBar, kh_table_bar, KH, TABLE_BAR, AdwBin)

GtkWidget   *kh_table_bar_new             (void);

/* "plan": the plan whose tables are shown; NULL shows none. A new plan keeps
 * the selected position when it still exists (undo replaces the plan by a
 * copy), else selects the last table; when it holds the last removed table
 * back at its place (undo of a removal), that table is selected, once. */
KhPlan      *kh_table_bar_get_plan        (KhTableBar *self);
void         kh_table_bar_set_plan        (KhTableBar *self,
                                           KhPlan     *plan);
/* "table" (read-only, notified): the selected table, NULL without a plan or
 * tables. */
KhTaskTable *kh_table_bar_get_table       (KhTableBar *self);
/* The selected table's position in the plan's tables. */
guint        kh_table_bar_get_position    (KhTableBar *self);
/* Selects the table at position (clamped to the last table). */
void         kh_table_bar_select_position (KhTableBar *self,
                                           guint       position);

G_END_DECLS
