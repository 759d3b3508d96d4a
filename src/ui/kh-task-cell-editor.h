/* kh-task-cell-editor.h — the text editor a task table cell opens
 *
 * Private to the task table view. A popover laid over the cell being edited
 * (editing inside the row would resize the row while the list lays it out):
 * a wrapping text view for long Vietnamese text and, for unit cells, a
 * search in the units directory whose pick is appended to the text.
 * Keys: Enter saves and goes down, Shift+Enter breaks the line, Tab and
 * Shift+Tab save and go to the next or previous cell, Ctrl+Enter saves and
 * adds a task, Escape cancels, Ctrl+Space searches the units. A click
 * outside closes it and saves. The cell does the saving on "finished".
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  KH_TASK_CELL_EDITOR_SAVE,           /* closed by a click outside */
  KH_TASK_CELL_EDITOR_SAVE_DOWN,      /* Enter */
  KH_TASK_CELL_EDITOR_SAVE_NEXT,      /* Tab */
  KH_TASK_CELL_EDITOR_SAVE_PREVIOUS,  /* Shift+Tab */
  KH_TASK_CELL_EDITOR_SAVE_ADD,       /* Ctrl+Enter */
  KH_TASK_CELL_EDITOR_CANCEL,         /* Escape */
} KhTaskCellEditorEnd;

#define KH_TYPE_TASK_CELL_EDITOR (kh_task_cell_editor_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskCellEditor, kh_task_cell_editor, KH, TASK_CELL_EDITOR, GtkPopover)

/* @units: a GListModel of KhUnit to pick from, or NULL for plain text. */
KhTaskCellEditor *kh_task_cell_editor_new           (GListModel       *units);
GtkTextView      *kh_task_cell_editor_get_text_view (KhTaskCellEditor *self);
char             *kh_task_cell_editor_dup_text      (KhTaskCellEditor *self);
/* Replaces the text and puts the cursor at its end. */
void              kh_task_cell_editor_set_text      (KhTaskCellEditor *self,
                                                     const char       *text);
/* Inserts text at the cursor (keys typed before the editor had the focus). */
void              kh_task_cell_editor_insert      (KhTaskCellEditor   *self,
                                                   const char         *text);
/* Appends a unit's name: "A" + "B" gives "A; B"; a text ending in ";" or
 * "," keeps its separator. */
void              kh_task_cell_editor_insert_unit   (KhTaskCellEditor *self,
                                                     const char       *name);
/* Opens over the top of @rect (in the parent's coordinates), at least as wide. */
void              kh_task_cell_editor_open          (KhTaskCellEditor   *self,
                                                     const GdkRectangle *rect);

G_END_DECLS
