/* kh-types.h — enumerations shared by the whole model
 *
 * Every enum has a GType (for properties) and a stable string nick (for
 * .kehoach files and the database), so that files never depend on the
 * numeric values below.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KH_DOCUMENT_KIND_DECISION,   /* Quyết định (may carry an attached plan) */
  KH_DOCUMENT_KIND_PLAN,       /* Kế hoạch issued alone */
} KhDocumentKind;

typedef enum {
  KH_DOCUMENT_STATUS_DRAFT,
  KH_DOCUMENT_STATUS_ISSUED,
} KhDocumentStatus;

/* A node of a numbered narrative (a plan's parts, an article's clauses). */
typedef enum {
  KH_NODE_KIND_PART,       /* I., II. — Roman, upper-case bold title */
  KH_NODE_KIND_SECTION,    /* 1., 2. */
  KH_NODE_KIND_POINT,      /* a), b), c), d), đ) ... */
  KH_NODE_KIND_DASH,       /* - */
  KH_NODE_KIND_PARAGRAPH,  /* plain paragraph, no number */
} KhNodeKind;

typedef enum {
  KH_TASK_STATUS_PLANNED,
  KH_TASK_STATUS_IN_PROGRESS,
  KH_TASK_STATUS_DONE,
  KH_TASK_STATUS_CANCELLED,
} KhTaskStatus;

/* Which task field a task-table column shows. */
typedef enum {
  KH_COLUMN_NUMBER,
  KH_COLUMN_CONTENT,
  KH_COLUMN_PRODUCT,
  KH_COLUMN_LEAD,
  KH_COLUMN_COOPERATING,
  KH_COLUMN_TIMEFRAME,
  KH_COLUMN_STATUS,
  KH_COLUMN_PROGRESS,
  KH_COLUMN_NOTES,
} KhColumnField;

/* How serious a finding of the document check (kh-lint.h) is. */
typedef enum {
  KH_LINT_ERROR,     /* the document cannot be issued as it stands */
  KH_LINT_WARNING,   /* probably a mistake: look before issuing */
  KH_LINT_NOTE,      /* worth a look, often intended */
} KhLintSeverity;

#define KH_TYPE_DOCUMENT_KIND   (kh_document_kind_get_type ())
#define KH_TYPE_DOCUMENT_STATUS (kh_document_status_get_type ())
#define KH_TYPE_NODE_KIND       (kh_node_kind_get_type ())
#define KH_TYPE_TASK_STATUS     (kh_task_status_get_type ())
#define KH_TYPE_COLUMN_FIELD    (kh_column_field_get_type ())
#define KH_TYPE_LINT_SEVERITY   (kh_lint_severity_get_type ())

GType kh_document_kind_get_type   (void) G_GNUC_CONST;
GType kh_document_status_get_type (void) G_GNUC_CONST;
GType kh_node_kind_get_type       (void) G_GNUC_CONST;
GType kh_task_status_get_type     (void) G_GNUC_CONST;
GType kh_column_field_get_type    (void) G_GNUC_CONST;
GType kh_lint_severity_get_type   (void) G_GNUC_CONST;

/* Stable nick <-> value; *_from_nick returns FALSE for an unknown nick. */
const char *kh_enum_to_nick   (GType enum_type, int value);
gboolean    kh_enum_from_nick (GType enum_type, const char *nick, int *value);

G_END_DECLS
