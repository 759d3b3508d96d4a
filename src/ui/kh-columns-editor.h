/* kh-columns-editor.h — a window that edits which columns a task table has,
 * their order and their printed headers
 *
 * One row per task field: the table's columns in order, then the fields it
 * does not show. Each row has a "shown" switch, the field's name, an entry
 * for the printed header (document text, not translated) and Move Up / Move
 * Down buttons (Alt+Up / Alt+Down on the focused row). The task content
 * column cannot be hidden. "Reset to the usual layout" puts back the columns
 * of kh_task_table_new_default(), keeping the groups and tasks. Every change
 * is written straight into the table's columns, so the document's "changed"
 * signal (autosave, undo) sees it.
 *
 * Actions (group "columns"):
 *   columns.move-up, columns.move-down  the focused row's column
 *   columns.reset                       the usual layout
 */
#pragma once

#include <adwaita.h>

#include "kh-core.h"

G_BEGIN_DECLS

#define KH_TYPE_COLUMNS_EDITOR (kh_columns_editor_get_type ())
G_DECLARE_FINAL_TYPE (KhColumnsEditor, kh_columns_editor, KH, COLUMNS_EDITOR, AdwWindow)

GtkWidget   *kh_columns_editor_new       (void);

/* "table": the task table edited; NULL shows no rows. */
KhTaskTable *kh_columns_editor_get_table (KhColumnsEditor *self);
void         kh_columns_editor_set_table (KhColumnsEditor *self,
                                          KhTaskTable     *table);

G_END_DECLS
