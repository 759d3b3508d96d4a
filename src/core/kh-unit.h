/* kh-unit.h — an entry of the department's directory of units */
#pragma once

#include "kh-model-object.h"

G_BEGIN_DECLS

#define KH_TYPE_UNIT (kh_unit_get_type ())
G_DECLARE_FINAL_TYPE (KhUnit, kh_unit, KH, UNIT, KhModelObject)

KhUnit      *kh_unit_new            (const char * name,
                                     const char * short_name);
KhUnit      *kh_unit_copy           (KhUnit *self);
gint64       kh_unit_get_id         (KhUnit *self);
void         kh_unit_set_id         (KhUnit *self,
                                     gint64  id);
const char  *kh_unit_get_name       (KhUnit *self);
void         kh_unit_set_name       (KhUnit     *self,
                                     const char *name);
const char  *kh_unit_get_short_name (KhUnit *self);
void         kh_unit_set_short_name (KhUnit     *self,
                                     const char *short_name);

G_END_DECLS
