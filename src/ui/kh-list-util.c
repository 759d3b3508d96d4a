/* kh-list-util.c — editing helpers for the model's lists */
#include "kh-list-util.h"

#include <string.h>

int
kh_list_find (GListModel *model,
              gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) it = g_list_model_get_item (model, i);

      if ((gpointer) it == item)
        return (int) i;
    }
  return -1;
}

gboolean
kh_list_move (GListStore *store,
              guint       position,
              int         delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gint64 target = (gint64) position + delta;
  guint first, count;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);

  if (position >= n || delta == 0 || target < 0 || target >= n)
    return FALSE;

  /* The moved run [first, first + count) is rewritten in its new order by
   * a single splice. */
  first = MIN (position, (guint) target);
  count = ABS (delta) + 1;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < count; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), first + i));

  if (delta < 0)
    {
      gpointer moved = items->pdata[count - 1];

      memmove (&items->pdata[1], &items->pdata[0], (count - 1) * sizeof (gpointer));
      items->pdata[0] = moved;
    }
  else
    {
      gpointer moved = items->pdata[0];

      memmove (&items->pdata[0], &items->pdata[1], (count - 1) * sizeof (gpointer));
      items->pdata[count - 1] = moved;
    }

  g_list_store_splice (store, first, count, items->pdata, count);
  return TRUE;
}

gboolean
kh_list_move_item (GListModel *model,
                   gpointer    item,
                   int         delta,
                   guint      *new_position)
{
  int position;

  if (!G_IS_LIST_STORE (model))
    return FALSE;
  position = kh_list_find (model, item);
  if (position < 0 || !kh_list_move (G_LIST_STORE (model), position, delta))
    return FALSE;
  if (new_position != NULL)
    *new_position = position + delta;
  return TRUE;
}

gboolean
kh_list_remove_item (GListModel *model,
                     gpointer    item)
{
  int position;

  if (!G_IS_LIST_STORE (model))
    return FALSE;
  position = kh_list_find (model, item);
  if (position < 0)
    return FALSE;
  g_list_store_remove (G_LIST_STORE (model), position);
  return TRUE;
}

void
kh_list_row_update_actions (GtkWidget  *row,
                            const char *prefix,
                            GListModel *model,
                            gpointer    item)
{
  int position = model != NULL ? kh_list_find (model, item) : -1;
  gboolean editable = position >= 0 && G_IS_LIST_STORE (model);
  g_autofree char *up = g_strconcat (prefix, ".move-up", NULL);
  g_autofree char *down = g_strconcat (prefix, ".move-down", NULL);
  g_autofree char *remove = g_strconcat (prefix, ".remove", NULL);

  gtk_widget_action_set_enabled (row, up, editable && position > 0);
  gtk_widget_action_set_enabled (row, down,
                                 editable && (guint) position + 1 < g_list_model_get_n_items (model));
  gtk_widget_action_set_enabled (row, remove, editable);
}

void
kh_list_row_move (AdwExpanderRow      *row,
                  GListModel          *model,
                  gpointer             item,
                  int                  delta,
                  KhListRowButtonFunc  button)
{
  /* Moving destroys row: keep it and its list alive to the end. */
  g_autoptr(AdwExpanderRow) hold = g_object_ref (row);
  g_autoptr(GtkWidget) list = NULL;
  gboolean expanded = adw_expander_row_get_expanded (row);
  GtkListBoxRow *moved;
  guint position;

  if (gtk_widget_get_parent (GTK_WIDGET (row)) != NULL)
    list = g_object_ref (gtk_widget_get_parent (GTK_WIDGET (row)));
  if (!kh_list_move_item (model, item, delta, &position))
    return;

  if (!GTK_IS_LIST_BOX (list))
    return;
  moved = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), position);
  if (G_TYPE_CHECK_INSTANCE_TYPE (moved, G_OBJECT_TYPE (row)) && (gpointer) moved != (gpointer) row)
    {
      GtkWidget *focus = button (GTK_WIDGET (moved), delta);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (moved), expanded);
      if (expanded && gtk_widget_is_sensitive (focus))
        gtk_widget_grab_focus (focus);
      else
        gtk_widget_grab_focus (GTK_WIDGET (moved));
    }
}
