/* kh-node.h — a node of a numbered narrative: part, section, point, dash or paragraph */
#pragma once

#include "kh-model-object.h"
#include "kh-types.h"

G_BEGIN_DECLS

#define KH_TYPE_NODE (kh_node_get_type ())
G_DECLARE_FINAL_TYPE (KhNode, kh_node, KH, NODE, KhModelObject)

KhNode      *kh_node_new          (KhNodeKind   kind,
                                   const char * title,
                                   const char * text);
KhNode      *kh_node_copy         (KhNode *self);
KhNodeKind   kh_node_get_kind     (KhNode *self);
void         kh_node_set_kind     (KhNode     *self,
                                   KhNodeKind  kind);
const char  *kh_node_get_title    (KhNode *self);
void         kh_node_set_title    (KhNode     *self,
                                   const char *title);
const char  *kh_node_get_text     (KhNode *self);
void         kh_node_set_text     (KhNode     *self,
                                   const char *text);
GListModel  *kh_node_get_children (KhNode *self);

G_END_DECLS
