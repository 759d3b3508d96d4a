/* kh-layout-block.c — content blocks of the layout engine */
#include <string.h>

#include "kh-layout-private.h"

G_DEFINE_BOXED_TYPE (KhLayoutBlock, kh_layout_block, kh_layout_block_ref, kh_layout_block_unref)

void
kh_paragraph_style_init (KhParagraphStyle *style,
                         double            size)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->size = size;
  style->align = KH_ALIGN_LEFT;
}

static KhLayoutBlock *
block_new (KhBlockKind kind)
{
  KhLayoutBlock *block = g_new0 (KhLayoutBlock, 1);

  g_atomic_ref_count_init (&block->ref_count);
  block->kind = kind;
  return block;
}

KhLayoutBlock *
kh_layout_block_ref (KhLayoutBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  g_atomic_ref_count_inc (&block->ref_count);
  return block;
}

static void
row_data_free (gpointer data)
{
  KhTableRowData *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

void
kh_layout_block_unref (KhLayoutBlock *block)
{
  g_return_if_fail (block != NULL);

  if (!g_atomic_ref_count_dec (&block->ref_count))
    return;

  g_free (block->markup);
  g_free (block->fractions);
  if (block->children != NULL)
    {
      for (guint i = 0; i < block->n_columns; i++)
        g_ptr_array_unref (block->children[i]);
      g_free (block->children);
    }
  if (block->headers != NULL)
    {
      for (guint i = 0; i < block->n_columns; i++)
        g_free (block->headers[i]);
      g_free (block->headers);
    }
  g_free (block->aligns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

KhLayoutBlock *
kh_layout_block_new_paragraph (const char             *markup,
                               const KhParagraphStyle *style)
{
  KhLayoutBlock *block;

  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (style->size > 0, NULL);

  block = block_new (KH_BLOCK_PARAGRAPH);
  block->markup = g_strdup (markup != NULL ? markup : "");
  block->style = *style;
  block->keep_with_next = style->keep_with_next;
  return block;
}

KhLayoutBlock *
kh_layout_block_new_space (double height)
{
  KhLayoutBlock *block = block_new (KH_BLOCK_SPACE);

  block->height = MAX (height, 0.0);
  return block;
}

KhLayoutBlock *
kh_layout_block_new_columns (guint         n_columns,
                             const double *fractions)
{
  KhLayoutBlock *block;

  g_return_val_if_fail (n_columns > 0, NULL);
  g_return_val_if_fail (fractions != NULL, NULL);

  block = block_new (KH_BLOCK_COLUMNS);
  block->n_columns = n_columns;
  block->fractions = g_memdup2 (fractions, n_columns * sizeof (double));
  block->children = g_new0 (GPtrArray *, n_columns);
  for (guint i = 0; i < n_columns; i++)
    block->children[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_layout_block_unref);
  return block;
}

void
kh_layout_block_columns_add (KhLayoutBlock *columns,
                             guint          column,
                             KhLayoutBlock *child)
{
  g_return_if_fail (columns != NULL && columns->kind == KH_BLOCK_COLUMNS);
  g_return_if_fail (column < columns->n_columns);
  g_return_if_fail (child != NULL);
  g_return_if_fail (child->kind == KH_BLOCK_PARAGRAPH || child->kind == KH_BLOCK_SPACE);

  g_ptr_array_add (columns->children[column], kh_layout_block_ref (child));
}

void
kh_layout_block_set_keep_with_next (KhLayoutBlock *block,
                                    gboolean       keep)
{
  g_return_if_fail (block != NULL);

  block->keep_with_next = !!keep;
}

KhLayoutBlock *
kh_layout_block_new_table (guint  n_columns,
                           double font_size)
{
  KhLayoutBlock *block;

  g_return_val_if_fail (n_columns > 0, NULL);
  g_return_val_if_fail (font_size > 0, NULL);

  block = block_new (KH_BLOCK_TABLE);
  block->n_columns = n_columns;
  block->font_size = font_size;
  block->headers = g_new0 (char *, n_columns);
  block->aligns = g_new0 (KhAlign, n_columns);
  block->rows = g_ptr_array_new_with_free_func (row_data_free);
  return block;
}

void
kh_layout_block_table_set_header (KhLayoutBlock *table,
                                  guint          column,
                                  const char    *text)
{
  g_return_if_fail (table != NULL && table->kind == KH_BLOCK_TABLE);
  g_return_if_fail (column < table->n_columns);

  g_free (table->headers[column]);
  table->headers[column] = g_strdup (text);
}

void
kh_layout_block_table_set_align (KhLayoutBlock *table,
                                 guint          column,
                                 KhAlign        align)
{
  g_return_if_fail (table != NULL && table->kind == KH_BLOCK_TABLE);
  g_return_if_fail (column < table->n_columns);

  table->aligns[column] = align;
}

void
kh_layout_block_table_add_row (KhLayoutBlock      *table,
                               const char * const *cells)
{
  KhTableRowData *row;

  g_return_if_fail (table != NULL && table->kind == KH_BLOCK_TABLE);
  g_return_if_fail (cells != NULL);

  row = g_new0 (KhTableRowData, 1);
  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
kh_layout_block_table_add_group (KhLayoutBlock *table,
                                 const char    *number,
                                 const char    *title)
{
  KhTableRowData *row;

  g_return_if_fail (table != NULL && table->kind == KH_BLOCK_TABLE);

  row = g_new0 (KhTableRowData, 1);
  row->group = TRUE;
  row->cells = g_new0 (char *, 3);
  row->cells[0] = g_strdup (number != NULL ? number : "");
  row->cells[1] = g_strdup (title != NULL ? title : "");
  g_ptr_array_add (table->rows, row);
}

guint
kh_layout_block_table_get_n_rows (KhLayoutBlock *table)
{
  g_return_val_if_fail (table != NULL && table->kind == KH_BLOCK_TABLE, 0);

  return table->rows->len;
}
