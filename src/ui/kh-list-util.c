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
