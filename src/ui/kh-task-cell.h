/* kh-task-cell.h — one cell of the task table editor
 *
 * Private to the task table view. A cell shows one field of a row (a task's
 * content, lead units, time frame ...; a group's number and title) and edits
 * it in place: Enter, F2 or a double click opens a KhTaskCellEditor over it
 * (Enter commits, Shift+Enter breaks the line, Escape cancels, Tab and
 * Shift+Tab commit and ask for the next or previous cell). Each commit is one
 * change of the model. Lead and cooperating cells' editors add a pick list of
 * the units directory; time-frame cells show how the text was read.
 *
 * The cell asks its view to move the focus with the "navigate" signal and to
 * move a dragged row with "row-dropped".
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-core.h"
#include "kh-task-row.h"

G_BEGIN_DECLS

typedef enum {
  KH_TASK_CELL_NEXT,      /* Tab */
  KH_TASK_CELL_PREVIOUS,  /* Shift+Tab */
  KH_TASK_CELL_DOWN,      /* Enter after an edit, Down */
  KH_TASK_CELL_UP,        /* Up */
} KhTaskCellDirection;

#define KH_TYPE_TASK_CELL (kh_task_cell_get_type ())
G_DECLARE_FINAL_TYPE (KhTaskCell, kh_task_cell, KH, TASK_CELL, GtkWidget)

/* @title_column: the group rows show their title in this cell.
 * @width_hint: the cell's width until it is allocated one.
 * @units: a GListModel of KhUnit for the pick list (lead, cooperating). */
KhTaskCell    *kh_task_cell_new             (KhColumn    *column,
                                             gboolean     title_column,
                                             int          width_hint,
                                             GListModel  *units);
void           kh_task_cell_bind            (KhTaskCell  *self,
                                             GtkListItem *item,
                                             int          plan_year);
void           kh_task_cell_unbind          (KhTaskCell  *self);
/* The plan year that completes time frames read for the caption. */
void           kh_task_cell_set_plan_year   (KhTaskCell  *self,
                                             int          plan_year);
KhColumn      *kh_task_cell_get_column      (KhTaskCell *self);
KhTaskRow     *kh_task_cell_get_row         (KhTaskCell *self);
/* GTK_INVALID_LIST_POSITION when unbound. */
guint          kh_task_cell_get_position    (KhTaskCell *self);
/* Whether this cell has anything to edit for its row. */
gboolean       kh_task_cell_is_editable     (KhTaskCell *self);
gboolean       kh_task_cell_is_editing      (KhTaskCell *self);
gboolean       kh_task_cell_start_editing   (KhTaskCell *self);
/* Inserts text at the editor's cursor while editing (keys typed ahead). */
void           kh_task_cell_insert_text      (KhTaskCell *self,
                                              const char *text);
/* The editor's text view while editing (its buffer is what commit writes). */
GtkTextView   *kh_task_cell_get_editor      (KhTaskCell *self);
void           kh_task_cell_commit          (KhTaskCell *self);
void           kh_task_cell_cancel          (KhTaskCell *self);
/* Appends a unit's name to the text being edited, after "; ". */
void           kh_task_cell_insert_unit     (KhTaskCell *self,
                                             const char *name);

/* The dim caption a time-frame cell shows under its text: the dates it was
 * read as; NULL for an empty time frame. @understood (may be NULL) is set
 * to FALSE when nothing could be read. */
char          *kh_task_cell_describe_timeframe (const char *text,
                                                JsonNode   *schedule,
                                                int         plan_year,
                                                gboolean   *understood);

G_END_DECLS
