/* kh-lint-issue.c — one finding of the document check */
#include "kh-lint-issue.h"

struct _KhLintIssue
{
  GObject parent_instance;

  KhLintSeverity severity;
  char *code;
  char *section;
  char *location;
  char *message;
  GObject *target;
};

G_DEFINE_FINAL_TYPE (KhLintIssue, kh_lint_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_CODE,
  PROP_SECTION,
  PROP_LOCATION,
  PROP_MESSAGE,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_lint_issue_finalize (GObject *object)
{
  KhLintIssue *self = KH_LINT_ISSUE (object);

  g_free (self->code);
  g_free (self->section);
  g_free (self->location);
  g_free (self->message);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (kh_lint_issue_parent_class)->finalize (object);
}

static void
kh_lint_issue_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KhLintIssue *self = KH_LINT_ISSUE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (char        **field,
            const GValue *value)
{
  g_free (*field);
  *field = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
}

static void
kh_lint_issue_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KhLintIssue *self = KH_LINT_ISSUE (object);

  /* All properties are construct-only: no notification is ever due. */
  switch (prop_id)
    {
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;
    case PROP_CODE:
      set_string (&self->code, value);
      break;
    case PROP_SECTION:
      set_string (&self->section, value);
      break;
    case PROP_LOCATION:
      set_string (&self->location, value);
      break;
    case PROP_MESSAGE:
      set_string (&self->message, value);
      break;
    case PROP_TARGET:
      g_set_object (&self->target, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_lint_issue_class_init (KhLintIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = kh_lint_issue_finalize;
  object_class->get_property = kh_lint_issue_get_property;
  object_class->set_property = kh_lint_issue_set_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, KH_TYPE_LINT_SEVERITY, KH_LINT_WARNING, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, "", flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, "", flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, "", flags);
  properties[PROP_TARGET] = g_param_spec_object ("target", NULL, NULL, G_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_lint_issue_init (KhLintIssue *self)
{
  self->code = g_strdup ("");
  self->section = g_strdup ("");
  self->location = g_strdup ("");
  self->message = g_strdup ("");
}

KhLintIssue *
kh_lint_issue_new (KhLintSeverity  severity,
                   const char     *code,
                   const char     *section,
                   const char     *location,
                   const char     *message,
                   GObject        *target)
{
  g_return_val_if_fail (target == NULL || G_IS_OBJECT (target), NULL);

  return g_object_new (KH_TYPE_LINT_ISSUE,
                       "severity", severity,
                       "code", code,
                       "section", section,
                       "location", location,
                       "message", message,
                       "target", target,
                       NULL);
}

KhLintSeverity
kh_lint_issue_get_severity (KhLintIssue *self)
{
  g_return_val_if_fail (KH_IS_LINT_ISSUE (self), KH_LINT_NOTE);
  return self->severity;
}

const char *
kh_lint_issue_get_code (KhLintIssue *self)
{
  g_return_val_if_fail (KH_IS_LINT_ISSUE (self), NULL);
  return self->code;
}

const char *
kh_lint_issue_get_section (KhLintIssue *self)
{
  g_return_val_if_fail (KH_IS_LINT_ISSUE (self), NULL);
  return self->section;
}

const char *
kh_lint_issue_get_location (KhLintIssue *self)
{
  g_return_val_if_fail (KH_IS_LINT_ISSUE (self), NULL);
  return self->location;
}

const char *
kh_lint_issue_get_message (KhLintIssue *self)
{
  g_return_val_if_fail (KH_IS_LINT_ISSUE (self), NULL);
  return self->message;
}

GObject *
kh_lint_issue_get_target (KhLintIssue *self)
{
  g_return_val_if_fail (KH_IS_LINT_ISSUE (self), NULL);
  return self->target;
}
