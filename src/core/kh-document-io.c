/* kh-document-io.c — reading and writing .kehoach files (see FORMAT.md) */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "kh-document-io.h"

/* json-glib's parser recurses once per nesting level: deeper input is
 * refused before parsing so that it cannot exhaust the stack. Real files
 * nest about a dozen levels. */
#define MAX_DEPTH 256

G_DEFINE_QUARK (kh-format-error-quark, kh_format_error)

/* Writing ------------------------------------------------------------- */

/* JSON text, formatted as FORMAT.md asks (and as Python's json.dumps
 * with indent=2, ensure_ascii=False writes it): "key": value, two-space
 * indentation, [] and {} when empty. json-glib's generator writes
 * "key" : value, hence this writer.
 *
 * The model is written straight into one GString, without a JsonNode
 * tree in between: autosave and every undo step serialize the whole
 * document, so this is on the path of each edit. */

typedef struct
{
  GString *out;
  guint level;
  gboolean first;    /* nothing written yet in the open object or array */
} Writer;

/* The bytes written as they are: all but '"', '\\' and controls. */
static const guchar plain_byte[256] = {
#define ROW16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
  ROW16 (0), ROW16 (0),
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,           /* 0x20: '"' */
  ROW16 (1), ROW16 (1),
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,           /* 0x50: '\\' */
  ROW16 (1), ROW16 (1),
  ROW16 (1), ROW16 (1), ROW16 (1), ROW16 (1),
  ROW16 (1), ROW16 (1), ROW16 (1), ROW16 (1),
#undef ROW16
};

static void
write_string (GString    *out,
              const char *s)
{
  const guchar *p = (const guchar *) s;

  g_string_append_c (out, '"');
  for (;;)
    {
      const guchar *run = p;

      while (plain_byte[*p])
        p++;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:   g_string_append_printf (out, "\\u%04x", *p);
        }
      p++;
    }
  g_string_append_c (out, '"');
}

static void
write_indent (GString *out,
              guint    level)
{
  static const char spaces[] = "                                ";

  while (level > 0)
    {
      guint n = MIN (level, (sizeof spaces - 1) / 2);

      g_string_append_len (out, spaces, n * 2);
      level -= n;
    }
}

static void
write_int (GString *out,
           gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 n = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = (char) ('0' + n % 10);
  while ((n /= 10) != 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

/* Starts the next member or element of the open object or array. */
static void
next_item (Writer *w)
{
  g_string_append (w->out, w->first ? "\n" : ",\n");
  w->first = FALSE;
  write_indent (w->out, w->level);
}

/* @name is one of our own member names: plain ASCII, nothing to escape. */
static void
member (Writer     *w,
        const char *name)
{
  next_item (w);
  g_string_append_c (w->out, '"');
  g_string_append (w->out, name);
  g_string_append (w->out, "\": ");
}

static void
open_container (Writer *w,
                char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->level++;
  w->first = TRUE;
}

static void
close_container (Writer *w,
                 char    bracket)
{
  w->level--;
  if (!w->first)
    {
      g_string_append_c (w->out, '\n');
      write_indent (w->out, w->level);
    }
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

#define begin_object(w) open_container ((w), '{')
#define end_object(w) close_container ((w), '}')
#define begin_array(w) open_container ((w), '[')
#define end_array(w) close_container ((w), ']')

static void
set_string (Writer     *w,
            const char *name,
            const char *value)
{
  member (w, name);
  write_string (w->out, value);
}

static void
set_int (Writer     *w,
         const char *name,
         gint64      value)
{
  member (w, name);
  write_int (w->out, value);
}

static void
set_bool (Writer     *w,
          const char *name,
          gboolean    value)
{
  member (w, name);
  g_string_append (w->out, value ? "true" : "false");
}

static void
set_enum (Writer     *w,
          const char *name,
          GType       type,
          int         value)
{
  set_string (w, name, kh_enum_to_nick (type, value));
}

/* Any JSON value (a task's opaque schedule), at the writer's level. */
static void
write_node (Writer   *w,
            JsonNode *node)
{
  GString *out = w->out;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        begin_object (w);
        for (GList *l = members; l != NULL; l = l->next)
          {
            next_item (w);
            write_string (out, l->data);
            g_string_append (out, ": ");
            write_node (w, json_object_get_member (object, l->data));
          }
        end_object (w);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        begin_array (w);
        for (guint i = 0; i < n; i++)
          {
            next_item (w);
            write_node (w, json_array_get_element (array, i));
          }
        end_array (w);
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          write_int (out, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            double d = json_node_get_double (node);

            /* JSON has no infinities or NaN, and the parser never makes them. */
            if (!isfinite (d))
              d = 0.0;
            /* The shortest form that reads back as the same number, as
             * other JSON writers do: 0.1, not 0.10000000000000001. */
            for (int precision = 15; precision <= 17; precision++)
              {
                char format[8];

                g_snprintf (format, sizeof format, "%%.%dg", precision);
                g_ascii_formatd (buf, sizeof buf, format, d);
                if (g_ascii_strtod (buf, NULL) == d)
                  break;
              }
            g_string_append (out, buf);
            /* Keep a double a double when read back. */
            if (strpbrk (buf, ".eE") == NULL)
              g_string_append (out, ".0");
          }
          break;
        default:
          g_return_if_reached ();
        }
      break;

    default:
      g_return_if_reached ();
    }
}

static void
write_nodes (Writer     *w,
             const char *name,
             GListModel *nodes)
{
  member (w, name);
  begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);

      next_item (w);
      begin_object (w);
      set_enum (w, "kind", KH_TYPE_NODE_KIND, kh_node_get_kind (node));
      set_string (w, "title", kh_node_get_title (node));
      set_string (w, "text", kh_node_get_text (node));
      write_nodes (w, "children", kh_node_get_children (node));
      end_object (w);
    }
  end_array (w);
}

static void
write_decision (Writer     *w,
                KhDecision *decision)
{
  GListModel *bases = kh_decision_get_bases (decision);
  GListModel *articles = kh_decision_get_articles (decision);

  begin_object (w);
  set_string (w, "authority", kh_decision_get_authority (decision));

  member (w, "bases");
  begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
    {
      g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);
      GListModel *citations = kh_legal_basis_get_citations (basis);

      next_item (w);
      begin_object (w);
      set_string (w, "group", kh_legal_basis_get_group (basis));
      set_string (w, "text", kh_legal_basis_get_text (basis));
      member (w, "citations");
      begin_array (w);
      for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
        {
          g_autoptr(KhCitation) citation = g_list_model_get_item (citations, j);

          next_item (w);
          begin_object (w);
          set_string (w, "kind", kh_citation_get_kind (citation));
          set_string (w, "number", kh_citation_get_number (citation));
          set_string (w, "date", kh_citation_get_date (citation));
          set_string (w, "issuer", kh_citation_get_issuer (citation));
          set_string (w, "subject", kh_citation_get_subject (citation));
          end_object (w);
        }
      end_array (w);
      end_object (w);
    }
  end_array (w);

  set_string (w, "proposal", kh_decision_get_proposal (decision));

  member (w, "articles");
  begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);

      next_item (w);
      begin_object (w);
      set_string (w, "title", kh_article_get_title (article));
      write_nodes (w, "body", kh_article_get_body (article));
      end_object (w);
    }
  end_array (w);
  end_object (w);
}

static void
write_task (Writer *w,
            KhTask *task)
{
  JsonNode *schedule = kh_task_get_schedule (task);

  begin_object (w);
  set_string (w, "content", kh_task_get_content (task));
  set_string (w, "product", kh_task_get_product (task));
  set_string (w, "lead", kh_task_get_lead (task));
  set_string (w, "cooperating", kh_task_get_cooperating (task));
  set_string (w, "timeframe", kh_task_get_timeframe (task));
  set_enum (w, "status", KH_TYPE_TASK_STATUS, kh_task_get_status (task));
  set_int (w, "progress", kh_task_get_progress (task));
  set_string (w, "notes", kh_task_get_notes (task));
  member (w, "schedule");
  if (schedule != NULL)
    write_node (w, schedule);
  else
    g_string_append (w->out, "null");
  end_object (w);
}

static void
write_table (Writer      *w,
             KhTaskTable *table)
{
  GListModel *columns = kh_task_table_get_columns (table);
  GListModel *groups = kh_task_table_get_groups (table);

  begin_object (w);
  set_string (w, "title", kh_task_table_get_title (table));
  set_bool (w, "appendix", kh_task_table_get_appendix (table));
  set_bool (w, "landscape", kh_task_table_get_landscape (table));

  member (w, "columns");
  begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);

      next_item (w);
      begin_object (w);
      set_enum (w, "field", KH_TYPE_COLUMN_FIELD, kh_column_get_field (column));
      set_string (w, "header", kh_column_get_header (column));
      end_object (w);
    }
  end_array (w);

  member (w, "groups");
  begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, i);
      GListModel *tasks = kh_task_group_get_tasks (group);

      next_item (w);
      begin_object (w);
      set_string (w, "title", kh_task_group_get_title (group));
      member (w, "tasks");
      begin_array (w);
      for (guint j = 0; j < g_list_model_get_n_items (tasks); j++)
        {
          g_autoptr(KhTask) task = g_list_model_get_item (tasks, j);

          next_item (w);
          write_task (w, task);
        }
      end_array (w);
      end_object (w);
    }
  end_array (w);
  end_object (w);
}

static void
write_plan (Writer *w,
            KhPlan *plan)
{
  GListModel *tables = kh_plan_get_tables (plan);

  begin_object (w);
  set_string (w, "summary", kh_plan_get_summary (plan));
  set_string (w, "issued_by", kh_plan_get_issued_by (plan));
  write_nodes (w, "narrative", kh_plan_get_narrative (plan));
  member (w, "tables");
  begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, i);

      next_item (w);
      write_table (w, table);
    }
  end_array (w);
  end_object (w);
}

static void
write_document (Writer     *w,
                KhDocument *doc)
{
  KhSigner *signer = kh_document_get_signer (doc);
  GListModel *recipients = kh_document_get_recipients (doc);
  KhDecision *decision = kh_document_get_decision (doc);
  KhPlan *plan = kh_document_get_plan (doc);

  begin_object (w);
  set_enum (w, "kind", KH_TYPE_DOCUMENT_KIND, kh_document_get_kind (doc));
  set_enum (w, "status", KH_TYPE_DOCUMENT_STATUS, kh_document_get_status (doc));
  set_string (w, "parent_agency", kh_document_get_parent_agency (doc));
  set_string (w, "agency", kh_document_get_agency (doc));
  set_string (w, "agency_abbrev", kh_document_get_agency_abbrev (doc));
  set_int (w, "number", kh_document_get_number (doc));
  set_string (w, "place", kh_document_get_place (doc));

  member (w, "date");
  begin_object (w);
  set_int (w, "day", kh_document_get_day (doc));
  set_int (w, "month", kh_document_get_month (doc));
  set_int (w, "year", kh_document_get_date_year (doc));
  end_object (w);

  set_int (w, "year", kh_document_get_year (doc));
  set_string (w, "summary", kh_document_get_summary (doc));

  member (w, "signer");
  begin_object (w);
  set_string (w, "prefix", kh_signer_get_prefix (signer));
  set_string (w, "authority", kh_signer_get_authority (signer));
  set_string (w, "title", kh_signer_get_title (signer));
  set_string (w, "name", kh_signer_get_name (signer));
  end_object (w);

  member (w, "recipients");
  begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(KhRecipient) recipient = g_list_model_get_item (recipients, i);

      next_item (w);
      write_string (w->out, kh_recipient_get_text (recipient));
    }
  end_array (w);

  set_string (w, "archive", kh_document_get_archive (doc));
  set_string (w, "archive_initials", kh_document_get_archive_initials (doc));

  member (w, "decision");
  if (decision != NULL)
    write_decision (w, decision);
  else
    g_string_append (w->out, "null");

  member (w, "plan");
  if (plan != NULL)
    write_plan (w, plan);
  else
    g_string_append (w->out, "null");

  end_object (w);
}

/**
 * kh_document_to_json:
 *
 * Returns: (transfer full): the "document" object of the file format.
 */
JsonNode *
kh_document_to_json (KhDocument *doc)
{
  Writer w = { g_string_new (NULL), 0, TRUE };
  g_autofree char *text = NULL;

  g_return_val_if_fail (KH_IS_DOCUMENT (doc), NULL);

  /* Not on any hot path: one writer for both forms keeps them the same. */
  write_document (&w, doc);
  text = g_string_free (w.out, FALSE);
  return json_from_string (text, NULL);
}

/**
 * kh_document_serialize:
 *
 * Returns: (transfer full): the whole .kehoach file text of @doc,
 * deterministic, ending with a newline.
 */
char *
kh_document_serialize (KhDocument *doc)
{
  /* A 1,000-task plan is about 650 KB: grow once or twice, not twenty times. */
  Writer w = { g_string_sized_new (64 * 1024), 0, TRUE };

  g_return_val_if_fail (KH_IS_DOCUMENT (doc), NULL);

  begin_object (&w);
  set_string (&w, "format", "kehoach");
  set_int (&w, "version", KH_FORMAT_VERSION);
  member (&w, "document");
  write_document (&w, doc);
  end_object (&w);
  g_string_append_c (w.out, '\n');
  return g_string_free (w.out, FALSE);
}

/* Reading ------------------------------------------------------------- */

/* The JSON path of the value being read, such as
 * "document.plan.tables[0].groups[2].tasks[4]", grown and shrunk as the
 * reader descends and returns. */
typedef struct
{
  GString *path;
} Reader;

static gsize
path_push_member (Reader     *r,
                  const char *member)
{
  gsize len = r->path->len;

  g_string_append_printf (r->path, ".%s", member);
  return len;
}

static gsize
path_push_index (Reader *r,
                 guint   index)
{
  gsize len = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return len;
}

static void
path_pop (Reader *r,
          gsize   len)
{
  g_string_truncate (r->path, len);
}

static const char *
node_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "string";
        case G_TYPE_BOOLEAN:
          return "boolean";
        default:
          return "number";
        }
    }
}

static gboolean
type_error (Reader     *r,
            JsonNode   *node,
            const char *expected,
            GError    **error)
{
  /* Translators: the first %s is a JSON path such as
   * document.plan.tables[0].title, the second a JSON type such as "a string",
   * the third the type found ("number", "null", ...). */
  g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID,
               _("%s: expected %s, found %s"), r->path->str, expected, node_type_name (node));
  return FALSE;
}

/* Looks up @member of @object, which must be present; pushes it on the
 * path (the caller pops to the returned *mark). */
static JsonNode *
member_node (Reader      *r,
             JsonObject  *object,
             const char  *member,
             gsize       *mark,
             GError     **error)
{
  JsonNode *node;

  *mark = path_push_member (r, member);
  node = json_object_get_member (object, member);
  if (node == NULL)
    g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID,
                 _("%s: required member is missing"), r->path->str);
  return node;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
read_string (Reader      *r,
             JsonObject  *object,
             const char  *member,
             const char **out,
             GError     **error)
{
  gsize mark;
  JsonNode *node = member_node (r, object, member, &mark, error);

  if (node == NULL)
    return FALSE;
  if (!node_is_string (node))
    return type_error (r, node, _("a string"), error);
  *out = json_node_get_string (node);
  path_pop (r, mark);
  return TRUE;
}

static gboolean
read_int (Reader      *r,
          JsonObject  *object,
          const char  *member,
          gint64       min,
          gint64       max,
          int         *out,
          GError     **error)
{
  gsize mark;
  JsonNode *node = member_node (r, object, member, &mark, error);
  gint64 value;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return type_error (r, node, _("an integer"), error);
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID,
                   /* %lld, not G_GINT64_FORMAT: xgettext cannot see through the macro */
                   _("%s: %lld is out of range (%lld–%lld)"),
                   r->path->str, (long long) value, (long long) min, (long long) max);
      return FALSE;
    }
  *out = (int) value;
  path_pop (r, mark);
  return TRUE;
}

static gboolean
read_bool (Reader      *r,
           JsonObject  *object,
           const char  *member,
           gboolean    *out,
           GError     **error)
{
  gsize mark;
  JsonNode *node = member_node (r, object, member, &mark, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return type_error (r, node, _("true or false"), error);
  *out = json_node_get_boolean (node);
  path_pop (r, mark);
  return TRUE;
}

static gboolean
read_enum (Reader      *r,
           JsonObject  *object,
           const char  *member,
           GType        type,
           int         *out,
           GError     **error)
{
  const char *nick;

  if (!read_string (r, object, member, &nick, error))
    return FALSE;
  if (!kh_enum_from_nick (type, nick, out))
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID,
                   _("%s.%s: unknown value “%s”"), r->path->str, member, nick);
      return FALSE;
    }
  return TRUE;
}

/* Reads the string members @members of @object into the properties of
 * @target of the same names ('_' in a member is '-' in the property). */
static gboolean
read_strings (Reader      *r,
              JsonObject  *object,
              GObject     *target,
              const char **members,
              GError     **error)
{
  for (guint i = 0; members[i] != NULL; i++)
    {
      const char *value;
      char property[64];

      if (!read_string (r, object, members[i], &value, error))
        return FALSE;
      g_strlcpy (property, members[i], sizeof property);
      g_strdelimit (property, "_", '-');
      g_object_set (target, property, value, NULL);
    }
  return TRUE;
}

/* A member that must be an object (or, when @nullable, null: *out = NULL). */
static gboolean
read_object (Reader      *r,
             JsonObject  *object,
             const char  *member,
             gboolean     nullable,
             JsonObject **out,
             gsize       *mark,
             GError     **error)
{
  JsonNode *node = member_node (r, object, member, mark, error);

  if (node == NULL)
    return FALSE;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    *out = NULL;
  else if (JSON_NODE_HOLDS_OBJECT (node))
    *out = json_node_get_object (node);
  else
    return type_error (r, node, nullable ? _("an object or null") : _("an object"), error);
  return TRUE;
}

static gboolean
read_array (Reader      *r,
            JsonObject  *object,
            const char  *member,
            JsonArray  **out,
            gsize       *mark,
            GError     **error)
{
  JsonNode *node = member_node (r, object, member, mark, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return type_error (r, node, _("an array"), error);
  *out = json_node_get_array (node);
  return TRUE;
}

/* Element @i of @array, which must be an object; pushes "[i]". */
static JsonObject *
element_object (Reader     *r,
                JsonArray  *array,
                guint       i,
                gsize      *mark,
                GError    **error)
{
  JsonNode *node = json_array_get_element (array, i);

  *mark = path_push_index (r, i);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      type_error (r, node, _("an object"), error);
      return NULL;
    }
  return json_node_get_object (node);
}

/* An array of objects read by @read_item into new items of @store. */
typedef gboolean (*ReadItemFunc) (Reader      *r,
                                  JsonObject  *object,
                                  GListStore  *store,
                                  GError     **error);

static gboolean
read_list (Reader      *r,
           JsonObject  *object,
           const char  *member,
           GListModel  *list,
           ReadItemFunc read_item,
           GError     **error)
{
  JsonArray *array;
  gsize mark;

  if (!read_array (r, object, member, &array, &mark, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize item_mark;
      JsonObject *item = element_object (r, array, i, &item_mark, error);

      if (item == NULL || !read_item (r, item, G_LIST_STORE (list), error))
        return FALSE;
      path_pop (r, item_mark);
    }
  path_pop (r, mark);
  return TRUE;
}

static gboolean
read_node (Reader      *r,
           JsonObject  *object,
           GListStore  *store,
           GError     **error)
{
  static const char *strings[] = { "title", "text", NULL };
  g_autoptr(KhNode) node = kh_node_new (KH_NODE_KIND_PARAGRAPH, "", "");
  int kind;

  if (!read_enum (r, object, "kind", KH_TYPE_NODE_KIND, &kind, error) ||
      !read_strings (r, object, G_OBJECT (node), strings, error) ||
      !read_list (r, object, "children", kh_node_get_children (node), read_node, error))
    return FALSE;
  kh_node_set_kind (node, kind);
  g_list_store_append (store, node);
  return TRUE;
}

static gboolean
read_citation (Reader      *r,
               JsonObject  *object,
               GListStore  *store,
               GError     **error)
{
  static const char *strings[] = { "kind", "number", "date", "issuer", "subject", NULL };
  g_autoptr(KhCitation) citation = kh_citation_new ();

  if (!read_strings (r, object, G_OBJECT (citation), strings, error))
    return FALSE;
  g_list_store_append (store, citation);
  return TRUE;
}

static gboolean
read_basis (Reader      *r,
            JsonObject  *object,
            GListStore  *store,
            GError     **error)
{
  static const char *strings[] = { "group", "text", NULL };
  g_autoptr(KhLegalBasis) basis = kh_legal_basis_new ();

  if (!read_strings (r, object, G_OBJECT (basis), strings, error) ||
      !read_list (r, object, "citations", kh_legal_basis_get_citations (basis), read_citation, error))
    return FALSE;
  g_list_store_append (store, basis);
  return TRUE;
}

static gboolean
read_article (Reader      *r,
              JsonObject  *object,
              GListStore  *store,
              GError     **error)
{
  static const char *strings[] = { "title", NULL };
  g_autoptr(KhArticle) article = kh_article_new ();

  if (!read_strings (r, object, G_OBJECT (article), strings, error) ||
      !read_list (r, object, "body", kh_article_get_body (article), read_node, error))
    return FALSE;
  g_list_store_append (store, article);
  return TRUE;
}

static gboolean
read_column (Reader      *r,
             JsonObject  *object,
             GListStore  *store,
             GError     **error)
{
  const char *header;
  int field;
  g_autoptr(KhColumn) column = NULL;

  if (!read_enum (r, object, "field", KH_TYPE_COLUMN_FIELD, &field, error) ||
      !read_string (r, object, "header", &header, error))
    return FALSE;
  column = kh_column_new (field, header);
  g_list_store_append (store, column);
  return TRUE;
}

static gboolean
read_task (Reader      *r,
           JsonObject  *object,
           GListStore  *store,
           GError     **error)
{
  static const char *strings[] = { "content", "product", "lead", "cooperating",
                                   "timeframe", "notes", NULL };
  g_autoptr(KhTask) task = kh_task_new ();
  int status, progress;
  JsonNode *schedule;
  gsize mark;

  if (!read_strings (r, object, G_OBJECT (task), strings, error) ||
      !read_enum (r, object, "status", KH_TYPE_TASK_STATUS, &status, error) ||
      !read_int (r, object, "progress", 0, 100, &progress, error))
    return FALSE;
  kh_task_set_status (task, status);
  kh_task_set_progress (task, progress);

  /* The schedule's own members are KhSchedule's business: only its shape
   * is checked here. */
  schedule = member_node (r, object, "schedule", &mark, error);
  if (schedule == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (schedule))
    kh_task_set_schedule (task, schedule);
  else if (!JSON_NODE_HOLDS_NULL (schedule))
    return type_error (r, schedule, _("an object or null"), error);
  path_pop (r, mark);

  g_list_store_append (store, task);
  return TRUE;
}

static gboolean
read_group (Reader      *r,
            JsonObject  *object,
            GListStore  *store,
            GError     **error)
{
  const char *title;
  g_autoptr(KhTaskGroup) group = NULL;

  if (!read_string (r, object, "title", &title, error))
    return FALSE;
  group = kh_task_group_new (title);
  if (!read_list (r, object, "tasks", kh_task_group_get_tasks (group), read_task, error))
    return FALSE;
  g_list_store_append (store, group);
  return TRUE;
}

static gboolean
read_table (Reader      *r,
            JsonObject  *object,
            GListStore  *store,
            GError     **error)
{
  static const char *strings[] = { "title", NULL };
  g_autoptr(KhTaskTable) table = kh_task_table_new ();
  gboolean appendix, landscape;

  if (!read_strings (r, object, G_OBJECT (table), strings, error) ||
      !read_bool (r, object, "appendix", &appendix, error) ||
      !read_bool (r, object, "landscape", &landscape, error) ||
      !read_list (r, object, "columns", kh_task_table_get_columns (table), read_column, error) ||
      !read_list (r, object, "groups", kh_task_table_get_groups (table), read_group, error))
    return FALSE;
  kh_task_table_set_appendix (table, appendix);
  kh_task_table_set_landscape (table, landscape);
  g_list_store_append (store, table);
  return TRUE;
}

static KhDecision *
read_decision (Reader      *r,
               JsonObject  *object,
               GError     **error)
{
  static const char *strings[] = { "authority", "proposal", NULL };
  g_autoptr(KhDecision) decision = kh_decision_new ();

  if (!read_strings (r, object, G_OBJECT (decision), strings, error) ||
      !read_list (r, object, "bases", kh_decision_get_bases (decision), read_basis, error) ||
      !read_list (r, object, "articles", kh_decision_get_articles (decision), read_article, error))
    return NULL;
  return g_steal_pointer (&decision);
}

static KhPlan *
read_plan (Reader      *r,
           JsonObject  *object,
           GError     **error)
{
  static const char *strings[] = { "summary", "issued_by", NULL };
  g_autoptr(KhPlan) plan = kh_plan_new ();

  if (!read_strings (r, object, G_OBJECT (plan), strings, error) ||
      !read_list (r, object, "narrative", kh_plan_get_narrative (plan), read_node, error) ||
      !read_list (r, object, "tables", kh_plan_get_tables (plan), read_table, error))
    return NULL;
  return g_steal_pointer (&plan);
}

static KhDocument *
read_document (Reader      *r,
               JsonObject  *object,
               GError     **error)
{
  static const char *strings[] = { "parent_agency", "agency", "agency_abbrev", "place",
                                   "summary", "archive", "archive_initials", NULL };
  static const char *signer_strings[] = { "prefix", "authority", "title", "name", NULL };
  g_autoptr(KhDocument) doc = NULL;
  JsonObject *date, *signer, *decision, *plan;
  JsonArray *recipients;
  int kind, status, number, day, month, date_year, year;
  gsize mark;

  if (!read_enum (r, object, "kind", KH_TYPE_DOCUMENT_KIND, &kind, error) ||
      !read_enum (r, object, "status", KH_TYPE_DOCUMENT_STATUS, &status, error) ||
      !read_int (r, object, "number", 0, G_MAXINT, &number, error))
    return NULL;

  doc = kh_document_new (kind);
  kh_document_set_status (doc, status);
  kh_document_set_number (doc, number);
  if (!read_strings (r, object, G_OBJECT (doc), strings, error))
    return NULL;

  if (!read_object (r, object, "date", FALSE, &date, &mark, error) ||
      !read_int (r, date, "day", 0, 31, &day, error) ||
      !read_int (r, date, "month", 0, 12, &month, error) ||
      !read_int (r, date, "year", 0, 9999, &date_year, error))
    return NULL;
  path_pop (r, mark);
  kh_document_set_day (doc, day);
  kh_document_set_month (doc, month);
  kh_document_set_date_year (doc, date_year);

  if (!read_int (r, object, "year", 0, 9999, &year, error))
    return NULL;
  kh_document_set_year (doc, year);

  if (!read_object (r, object, "signer", FALSE, &signer, &mark, error) ||
      !read_strings (r, signer, G_OBJECT (kh_document_get_signer (doc)), signer_strings, error))
    return NULL;
  path_pop (r, mark);

  if (!read_array (r, object, "recipients", &recipients, &mark, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (recipients); i++)
    {
      JsonNode *node = json_array_get_element (recipients, i);
      gsize item_mark = path_push_index (r, i);

      if (!node_is_string (node))
        {
          type_error (r, node, _("a string"), error);
          return NULL;
        }
      kh_document_add_recipient (doc, json_node_get_string (node));
      path_pop (r, item_mark);
    }
  path_pop (r, mark);

  if (!read_object (r, object, "decision", TRUE, &decision, &mark, error))
    return NULL;
  if (decision != NULL)
    {
      g_autoptr(KhDecision) d = read_decision (r, decision, error);

      if (d == NULL)
        return NULL;
      kh_document_set_decision (doc, d);
    }
  path_pop (r, mark);

  if (!read_object (r, object, "plan", TRUE, &plan, &mark, error))
    return NULL;
  if (plan != NULL)
    {
      g_autoptr(KhPlan) p = read_plan (r, plan, error);

      if (p == NULL)
        return NULL;
      kh_document_set_plan (doc, p);
    }
  path_pop (r, mark);

  return g_steal_pointer (&doc);
}

/**
 * kh_document_from_json:
 * @node: the "document" object of the file format
 *
 * Returns: (transfer full): the document, or %NULL with @error set.
 */
KhDocument *
kh_document_from_json (JsonNode  *node,
                       GError   **error)
{
  Reader r = { g_string_new ("document") };
  KhDocument *doc = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    type_error (&r, node, _("an object"), error);
  else
    doc = read_document (&r, json_node_get_object (node), error);

  g_string_free (r.path, TRUE);
  return doc;
}

/* Whether brackets nest deeper than MAX_DEPTH, strings skipped. */
static gboolean
nests_too_deep (const char *data,
                gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}

/**
 * kh_document_deserialize:
 * @data: the file text
 * @length: its length in bytes, or -1 when @data is nul-terminated
 *
 * Reads a whole .kehoach file. Either the complete document is returned,
 * or %NULL with a KH_FORMAT_ERROR naming what is wrong and where.
 *
 * Returns: (transfer full) (nullable): the document, with id 0
 */
KhDocument *
kh_document_deserialize (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) path = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *format;
  JsonNode *version;
  JsonNode *document;
  gsize size;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = length < 0 ? strnlen (data, (gsize) KH_FORMAT_MAX_SIZE + 1) : (gsize) length;
  if (size > KH_FORMAT_MAX_SIZE)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_TOO_LARGE,
                   _("The file is too large (more than %d MiB)"),
                   KH_FORMAT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_JSON,
                   _("The file is not valid UTF-8 text"));
      return NULL;
    }
  if (nests_too_deep (data, size))
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_JSON,
                   _("The file is not valid JSON: nested more than %d levels deep"), MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_JSON,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      /* json-glib accepts empty input */
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_JSON,
                   _("The file is empty"));
      return NULL;
    }
  format = JSON_NODE_HOLDS_OBJECT (root)
         ? json_object_get_member (json_node_get_object (root), "format")
         : NULL;
  if (format == NULL || !node_is_string (format) ||
      g_strcmp0 (json_node_get_string (format), "kehoach") != 0)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_NOT_KEHOACH,
                   _("This is not a Kế hoạch document (no \"format\": \"kehoach\")"));
      return NULL;
    }
  object = json_node_get_object (root);

  version = json_object_get_member (object, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID,
                   _("version: expected an integer from 1"));
      return NULL;
    }
  if (json_node_get_int (version) > KH_FORMAT_VERSION)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_FUTURE_VERSION,
                   _("The document was written by a newer version of Kế hoạch "
                     "(format version %lld; this version reads up to %d)"),
                   (long long) json_node_get_int (version), KH_FORMAT_VERSION);
      return NULL;
    }

  document = json_object_get_member (object, "document");
  if (document == NULL)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID,
                   _("%s: required member is missing"), "document");
      return NULL;
    }
  return kh_document_from_json (document, error);
}

/**
 * kh_document_load_file:
 *
 * Reads a .kehoach file; files over KH_FORMAT_MAX_SIZE are refused
 * without being read.
 *
 * Returns: (transfer full) (nullable): the document, with id 0
 */
KhDocument *
kh_document_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > KH_FORMAT_MAX_SIZE)
    {
      g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_TOO_LARGE,
                   _("The file is too large (more than %d MiB)"),
                   KH_FORMAT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Stop one chunk past the limit, whatever the size said: it may be
   * unknown, or the file may have grown. */
  bytes = g_byte_array_new ();
  for (;;)
    {
      const gsize chunk = 64 * 1024;
      guint old_len = bytes->len;
      gssize n;

      g_byte_array_set_size (bytes, old_len + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + old_len, chunk,
                               cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (bytes, old_len + n);
      if (n == 0)
        break;
      if (bytes->len > KH_FORMAT_MAX_SIZE)
        {
          g_set_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_TOO_LARGE,
                       _("The file is too large (more than %d MiB)"),
                       KH_FORMAT_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  return kh_document_deserialize ((const char *) bytes->data, bytes->len, error);
}

/* Writes @doc to @file, atomically: the old file stays whole until the
 * new one is complete. */
gboolean
kh_document_save_file (KhDocument    *doc,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KH_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = kh_document_serialize (doc);
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
