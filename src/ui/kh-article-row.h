/* kh-article-row.h — one article (Điều) in KhDecisionView
 *
 * An expander row titled "Điều N." and the article's title, N being its
 * position among the articles. Expanded, it edits the title and the body
 * (a KhNarrativeView: clauses are sections, points are points).
 *
 * Actions: article.move-up, article.move-down, article.remove (in the
 * list that holds the article).
 */
#pragma once

#include <adwaita.h>

#include "kh-article.h"

G_BEGIN_DECLS

#define KH_TYPE_ARTICLE_ROW (kh_article_row_get_type ())
G_DECLARE_FINAL_TYPE (KhArticleRow, kh_article_row, KH, ARTICLE_ROW, AdwExpanderRow)

/* articles is the list (a GListStore) that holds article. */
GtkWidget *kh_article_row_new         (KhArticle    *article,
                                       GListModel   *articles);
KhArticle *kh_article_row_get_article (KhArticleRow *self);

G_END_DECLS
