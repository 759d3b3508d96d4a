/* kh-types.c — GTypes and nicks of the model's enumerations */
#include "kh-types.h"

#define DEFINE_ENUM_TYPE(func, Name, ...)                                 \
  GType func (void)                                                      \
  {                                                                      \
    static gsize type_id = 0;                                            \
    if (g_once_init_enter (&type_id)) {                                  \
      static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } }; \
      GType t = g_enum_register_static (g_intern_static_string (Name), values); \
      g_once_init_leave (&type_id, t);                                   \
    }                                                                    \
    return type_id;                                                      \
  }

DEFINE_ENUM_TYPE (kh_document_kind_get_type, "KhDocumentKind",
  { KH_DOCUMENT_KIND_DECISION, "KH_DOCUMENT_KIND_DECISION", "decision" },
  { KH_DOCUMENT_KIND_PLAN, "KH_DOCUMENT_KIND_PLAN", "plan" })

DEFINE_ENUM_TYPE (kh_document_status_get_type, "KhDocumentStatus",
  { KH_DOCUMENT_STATUS_DRAFT, "KH_DOCUMENT_STATUS_DRAFT", "draft" },
  { KH_DOCUMENT_STATUS_ISSUED, "KH_DOCUMENT_STATUS_ISSUED", "issued" })

DEFINE_ENUM_TYPE (kh_node_kind_get_type, "KhNodeKind",
  { KH_NODE_KIND_PART, "KH_NODE_KIND_PART", "part" },
  { KH_NODE_KIND_SECTION, "KH_NODE_KIND_SECTION", "section" },
  { KH_NODE_KIND_POINT, "KH_NODE_KIND_POINT", "point" },
  { KH_NODE_KIND_DASH, "KH_NODE_KIND_DASH", "dash" },
  { KH_NODE_KIND_PARAGRAPH, "KH_NODE_KIND_PARAGRAPH", "paragraph" })

DEFINE_ENUM_TYPE (kh_task_status_get_type, "KhTaskStatus",
  { KH_TASK_STATUS_PLANNED, "KH_TASK_STATUS_PLANNED", "planned" },
  { KH_TASK_STATUS_IN_PROGRESS, "KH_TASK_STATUS_IN_PROGRESS", "in-progress" },
  { KH_TASK_STATUS_DONE, "KH_TASK_STATUS_DONE", "done" },
  { KH_TASK_STATUS_CANCELLED, "KH_TASK_STATUS_CANCELLED", "cancelled" })

DEFINE_ENUM_TYPE (kh_column_field_get_type, "KhColumnField",
  { KH_COLUMN_NUMBER, "KH_COLUMN_NUMBER", "number" },
  { KH_COLUMN_CONTENT, "KH_COLUMN_CONTENT", "content" },
  { KH_COLUMN_PRODUCT, "KH_COLUMN_PRODUCT", "product" },
  { KH_COLUMN_LEAD, "KH_COLUMN_LEAD", "lead" },
  { KH_COLUMN_COOPERATING, "KH_COLUMN_COOPERATING", "cooperating" },
  { KH_COLUMN_TIMEFRAME, "KH_COLUMN_TIMEFRAME", "timeframe" },
  { KH_COLUMN_STATUS, "KH_COLUMN_STATUS", "status" },
  { KH_COLUMN_PROGRESS, "KH_COLUMN_PROGRESS", "progress" },
  { KH_COLUMN_NOTES, "KH_COLUMN_NOTES", "notes" })

DEFINE_ENUM_TYPE (kh_lint_severity_get_type, "KhLintSeverity",
  { KH_LINT_ERROR, "KH_LINT_ERROR", "error" },
  { KH_LINT_WARNING, "KH_LINT_WARNING", "warning" },
  { KH_LINT_NOTE, "KH_LINT_NOTE", "note" })

const char *
kh_enum_to_nick (GType enum_type, int value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v ? v->value_nick : NULL;
}

gboolean
kh_enum_from_nick (GType enum_type, const char *nick, int *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  if (value)
    *value = v->value;
  return TRUE;
}
