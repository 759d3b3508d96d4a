/* kh-column.h — one column of a task table: which task field, and its header */
#pragma once

#include "kh-model-object.h"
#include "kh-types.h"

G_BEGIN_DECLS

#define KH_TYPE_COLUMN (kh_column_get_type ())
G_DECLARE_FINAL_TYPE (KhColumn, kh_column, KH, COLUMN, KhModelObject)

KhColumn      *kh_column_new        (KhColumnField field,
                                     const char *  header);
KhColumn      *kh_column_copy       (KhColumn *self);
KhColumnField  kh_column_get_field  (KhColumn *self);
void           kh_column_set_field  (KhColumn      *self,
                                     KhColumnField  field);
const char    *kh_column_get_header (KhColumn *self);
void           kh_column_set_header (KhColumn   *self,
                                     const char *header);

G_END_DECLS
