/* kh-article.h — one article (Điều) of a decision */
#pragma once

#include "kh-model-object.h"
#include "kh-node.h"

G_BEGIN_DECLS

#define KH_TYPE_ARTICLE (kh_article_get_type ())
G_DECLARE_FINAL_TYPE (KhArticle, kh_article, KH, ARTICLE, KhModelObject)

KhArticle   *kh_article_new       (void);
KhArticle   *kh_article_copy      (KhArticle *self);
const char  *kh_article_get_title (KhArticle *self);
void         kh_article_set_title (KhArticle  *self,
                                   const char *title);
GListModel  *kh_article_get_body  (KhArticle *self);

G_END_DECLS
