/* kh-lint-issue.h — one finding of the document check (kh-lint.h)
 *
 * What is wrong (message), where a reader finds it (location, as the
 * document numbers it: "Task II.3", "Legal basis 4"), how serious it is,
 * and what to open to fix it: the section of the editor ("general",
 * "decision", "plan", "tasks" — the window's view names) and the model
 * object concerned (a KhTask, KhLegalBasis, KhArticle, KhNode, KhTaskTable,
 * KhTaskGroup, or the KhDocument itself). code is a stable identifier
 * ("timeframe-unread") for scripts and tests; location and message are
 * translated. Immutable.
 */
#pragma once

#include <glib-object.h>

#include "kh-types.h"

G_BEGIN_DECLS

#define KH_TYPE_LINT_ISSUE (kh_lint_issue_get_type ())
G_DECLARE_FINAL_TYPE (KhLintIssue, kh_lint_issue, KH, LINT_ISSUE, GObject)

KhLintIssue    *kh_lint_issue_new          (KhLintSeverity  severity,
                                            const char     *code,
                                            const char     *section,
                                            const char     *location,
                                            const char     *message,
                                            GObject        *target);

KhLintSeverity  kh_lint_issue_get_severity (KhLintIssue *self);
const char     *kh_lint_issue_get_code     (KhLintIssue *self);
const char     *kh_lint_issue_get_section  (KhLintIssue *self);
const char     *kh_lint_issue_get_location (KhLintIssue *self);
const char     *kh_lint_issue_get_message  (KhLintIssue *self);
/* The model object concerned; NULL only when none was given. */
GObject        *kh_lint_issue_get_target   (KhLintIssue *self);

G_END_DECLS
