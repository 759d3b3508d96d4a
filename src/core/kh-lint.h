/* kh-lint.h — checks a document before it is printed and issued
 *
 * What a careful văn thư would look for before a document goes to
 * signature, most of it what copying last year's file leaves behind: an
 * issued document without its number or date, a summary or time frame that
 * still names last year, a deadline before the document's own date, a
 * time frame that cannot be read as dates, a citation whose date does not
 * exist (the renderer leaves it out), a basis cited twice, a signer without
 * a name, an empty task, part or article.
 * Nothing here changes the document.
 */
#pragma once

#include "kh-document.h"
#include "kh-lint-issue.h"

G_BEGIN_DECLS

/* The findings (KhLintIssue) in the order the document reads: general
 * information, decision, plan narrative, task tables, signer and
 * recipients. Empty when nothing was found. Never NULL. */
GListModel *kh_lint_document        (KhDocument     *document);

/* How many of @issues have @severity. */
guint       kh_lint_count_severity  (GListModel     *issues,
                                     KhLintSeverity  severity);

G_END_DECLS
