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

/* g_string_append_len() without its generality (it is an insertion at
 * the end): most appends here are a few bytes. */
static inline void
append_len (GString    *out,
            const char *s,
            gsize       n)
{
  if (out->len + n >= out->allocated_len)
    {
      gsize len = out->len;

      g_string_set_size (out, len + n);
      out->len = len;
    }
  memcpy (out->str + out->len, s, n);
  out->len += n;
  out->str[out->len] = '\0';
}

#define append_literal(out, s) append_len ((out), "" s "", sizeof (s) - 1)

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
        append_len (out, (const char *) run, p - run);
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

      append_len (out, spaces, n * 2);
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
  append_len (out, p, buf + sizeof buf - p);
}

/* Starts the next member or element of the open object or array. */
static void
next_item (Writer *w)
{
  if (w->first)
    append_literal (w->out, "\n");
  else
    append_literal (w->out, ",\n");
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
  append_len (w->out, name, strlen (name));
  append_literal (w->out, "\": ");
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

/* Fast reading -------------------------------------------------------- */

/* Opening a large plan, and each undo, reads the whole text, and the
 * json-glib tree costs several times the model it is read into. A valid
 * file is therefore read here, from one flat pass over the text. Anything
 * unusual (a number that is not a plain integer, a duplicate member, an
 * escape outside the usual, any error) gives up, and the text is read
 * again by the json-glib reader above: it stays the reference, and words
 * every error. */

typedef enum {
  FAST_NULL,
  FAST_FALSE,
  FAST_TRUE,
  FAST_INT,
  FAST_STRING,
  FAST_ARRAY,
  FAST_OBJECT,
} FastType;

typedef struct
{
  FastType type;
  guint end;           /* the index after this value and all inside it */
  const char *key;     /* its name, as a member of an object */
  const char *string;
  gint64 integer;
} FastValue;

/* A member that is missing, repeated or of the wrong type. */
#define FAST_BAD G_MAXUINT

typedef struct
{
  const char *p;
  const char *end;
  char *next_string;   /* where the next decoded string goes */
  GArray *values;      /* FastValue, in the order of the text */
} FastParser;

static void
fast_skip_space (FastParser *fp)
{
  while (fp->p < fp->end &&
         (*fp->p == ' ' || *fp->p == '\n' || *fp->p == '\r' || *fp->p == '\t'))
    fp->p++;
}

static gboolean
fast_hex4 (const char  *p,
           const char  *end,
           gunichar    *out)
{
  gunichar c = 0;

  if (end - p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      c = c * 16 + (gunichar) digit;
    }
  *out = c;
  return TRUE;
}

/* The string whose opening quote is at fp->p, decoded into the string
 * buffer: never longer than in the text, quotes included. */
static const char *
fast_parse_string (FastParser *fp)
{
  char *start = fp->next_string;
  char *out = start;
  const char *p = fp->p + 1;

  for (;;)
    {
      const char *run = p;
      guchar high = 0;
      gunichar c;

      while (p < fp->end && plain_byte[(guchar) *p])
        high |= (guchar) *p++;
      /* Only strings may hold other than ASCII: the whole text is valid
       * UTF-8 when each of their runs is. */
      if ((high & 0x80) != 0 && !g_utf8_validate_len (run, p - run, NULL))
        return NULL;
      memcpy (out, run, p - run);
      out += p - run;
      if (p >= fp->end)
        return NULL;
      if (*p == '"')
        break;
      if (*p != '\\' || p + 1 >= fp->end)
        return NULL;
      p += 2;
      switch (p[-1])
        {
        case '"':  *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/':  *out++ = '/'; break;
        case 'b':  *out++ = '\b'; break;
        case 'f':  *out++ = '\f'; break;
        case 'n':  *out++ = '\n'; break;
        case 'r':  *out++ = '\r'; break;
        case 't':  *out++ = '\t'; break;
        case 'u':
          if (!fast_hex4 (p, fp->end, &c))
            return NULL;
          p += 4;
          if (c >= 0xD800 && c < 0xDC00)
            {
              gunichar low;

              if (fp->end - p < 6 || p[0] != '\\' || p[1] != 'u' ||
                  !fast_hex4 (p + 2, fp->end, &low) || low < 0xDC00 || low >= 0xE000)
                return NULL;
              p += 6;
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            }
          else if ((c >= 0xDC00 && c < 0xE000) || c == 0)
            return NULL;
          out += g_unichar_to_utf8 (c, out);
          break;
        default:
          return NULL;
        }
    }
  *out++ = '\0';
  fp->next_string = out;
  fp->p = p + 1;
  return start;
}

/* A plain integer: no fraction, no exponent, no -0, within gint64. */
static gboolean
fast_parse_int (FastParser *fp,
                gint64     *out)
{
  const char *p = fp->p;
  gboolean negative = *p == '-';
  guint64 n = 0;

  if (negative)
    p++;
  if (p >= fp->end || !g_ascii_isdigit (*p) ||
      (*p == '0' && p + 1 < fp->end && g_ascii_isdigit (p[1])))
    return FALSE;
  for (; p < fp->end && g_ascii_isdigit (*p); p++)
    {
      guint digit = (guint) (*p - '0');

      if (n > ((guint64) G_MAXINT64 - digit) / 10)
        return FALSE;
      n = n * 10 + digit;
    }
  if (p < fp->end && (*p == '.' || *p == 'e' || *p == 'E'))
    return FALSE;
  if (negative && n == 0)
    return FALSE;
  *out = negative ? -(gint64) n : (gint64) n;
  fp->p = p;
  return TRUE;
}

static gboolean
fast_parse_literal (FastParser *fp,
                    const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (fp->end - fp->p) < len || memcmp (fp->p, word, len) != 0)
    return FALSE;
  fp->p += len;
  return TRUE;
}

static gboolean
fast_parse_value (FastParser *fp,
                  const char *key,
                  guint       depth)
{
  FastValue value = { FAST_NULL, 0, key, NULL, 0 };
  guint index = fp->values->len;

  fast_skip_space (fp);
  if (fp->p >= fp->end)
    return FALSE;
  /* Its place comes before its contents; it is filled in at the end. */
  g_array_append_val (fp->values, value);

  switch (*fp->p)
    {
    case '{':
      /* As deep as nests_too_deep() allows, and no deeper. */
      if (depth >= MAX_DEPTH)
        return FALSE;
      value.type = FAST_OBJECT;
      fp->p++;
      fast_skip_space (fp);
      if (fp->p < fp->end && *fp->p == '}')
        {
          fp->p++;
          break;
        }
      for (;;)
        {
          const char *name;

          fast_skip_space (fp);
          if (fp->p >= fp->end || *fp->p != '"' || (name = fast_parse_string (fp)) == NULL)
            return FALSE;
          fast_skip_space (fp);
          if (fp->p >= fp->end || *fp->p != ':')
            return FALSE;
          fp->p++;
          if (!fast_parse_value (fp, name, depth + 1))
            return FALSE;
          fast_skip_space (fp);
          if (fp->p >= fp->end)
            return FALSE;
          if (*fp->p++ == '}')
            break;
          if (fp->p[-1] != ',')
            return FALSE;
        }
      break;

    case '[':
      if (depth >= MAX_DEPTH)
        return FALSE;
      value.type = FAST_ARRAY;
      fp->p++;
      fast_skip_space (fp);
      if (fp->p < fp->end && *fp->p == ']')
        {
          fp->p++;
          break;
        }
      for (;;)
        {
          if (!fast_parse_value (fp, NULL, depth + 1))
            return FALSE;
          fast_skip_space (fp);
          if (fp->p >= fp->end)
            return FALSE;
          if (*fp->p++ == ']')
            break;
          if (fp->p[-1] != ',')
            return FALSE;
        }
      break;

    case '"':
      value.type = FAST_STRING;
      value.string = fast_parse_string (fp);
      if (value.string == NULL)
        return FALSE;
      break;

    case 't':
      value.type = FAST_TRUE;
      if (!fast_parse_literal (fp, "true"))
        return FALSE;
      break;

    case 'f':
      value.type = FAST_FALSE;
      if (!fast_parse_literal (fp, "false"))
        return FALSE;
      break;

    case 'n':
      value.type = FAST_NULL;
      if (!fast_parse_literal (fp, "null"))
        return FALSE;
      break;

    default:
      value.type = FAST_INT;
      if (!fast_parse_int (fp, &value.integer))
        return FALSE;
    }

  value.end = fp->values->len;
  g_array_index (fp->values, FastValue, index) = value;
  return TRUE;
}

/* Member @name of object @object: its index, or FAST_BAD when it is
 * missing, repeated, or not of @type. */
static guint
fast_member (const FastValue *v,
             guint            object,
             const char      *name,
             FastType         type)
{
  guint found = FAST_BAD;

  for (guint i = object + 1; i < v[object].end; i = v[i].end)
    if (strcmp (v[i].key, name) == 0)
      {
        if (found != FAST_BAD)
          return FAST_BAD;
        found = i;
      }
  if (found == FAST_BAD || v[found].type != type)
    return FAST_BAD;
  return found;
}

static const char *
fast_string (const FastValue *v,
             guint            object,
             const char      *name)
{
  guint i = fast_member (v, object, name, FAST_STRING);

  return i == FAST_BAD ? NULL : v[i].string;
}

static gboolean
fast_int (const FastValue *v,
          guint            object,
          const char      *name,
          gint64           min,
          gint64           max,
          int             *out)
{
  guint i = fast_member (v, object, name, FAST_INT);

  if (i == FAST_BAD || v[i].integer < min || v[i].integer > max)
    return FALSE;
  *out = (int) v[i].integer;
  return TRUE;
}

static gboolean
fast_bool (const FastValue *v,
           guint            object,
           const char      *name,
           gboolean        *out)
{
  guint i = fast_member (v, object, name, FAST_TRUE);

  if (i == FAST_BAD)
    i = fast_member (v, object, name, FAST_FALSE);
  if (i == FAST_BAD)
    return FALSE;
  *out = v[i].type == FAST_TRUE;
  return TRUE;
}

static gboolean
fast_enum (const FastValue *v,
           guint            object,
           const char      *name,
           GType            type,
           int             *out)
{
  const char *nick = fast_string (v, object, name);

  return nick != NULL && kh_enum_from_nick (type, nick, out);
}

/* An object member that may be null: its index, 0 (the root, never a
 * member) for null, or FAST_BAD. */
static guint
fast_object_or_null (const FastValue *v,
                     guint            object,
                     const char      *name)
{
  guint i = fast_member (v, object, name, FAST_OBJECT);

  if (i == FAST_BAD && fast_member (v, object, name, FAST_NULL) != FAST_BAD)
    return 0;
  return i;
}

/* Reads one object of an array into a new model object, or NULL. */
typedef gpointer (*FastReadItemFunc) (const FastValue *v,
                                      guint            object);

/* Appends the items of array @name, all read at once: one
 * "items-changed" instead of one per item. */
static gboolean
fast_list (const FastValue  *v,
           guint             object,
           const char       *name,
           GListModel       *list,
           FastReadItemFunc  read_item)
{
  guint array = fast_member (v, object, name, FAST_ARRAY);
  g_autoptr(GPtrArray) items = NULL;

  if (array == FAST_BAD)
    return FALSE;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = array + 1; i < v[array].end; i = v[i].end)
    {
      gpointer item;

      if (v[i].type != FAST_OBJECT || (item = read_item (v, i)) == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (G_LIST_STORE (list), g_list_model_get_n_items (list), 0,
                       items->pdata, items->len);
  return TRUE;
}

/* A task's schedule, as the JsonNode json-glib would have made. */
static JsonNode *
fast_to_node (const FastValue *v,
              guint            i)
{
  JsonNode *node;

  switch (v[i].type)
    {
    case FAST_NULL:
      return json_node_new (JSON_NODE_NULL);
    case FAST_FALSE:
    case FAST_TRUE:
      return json_node_init_boolean (json_node_alloc (), v[i].type == FAST_TRUE);
    case FAST_INT:
      return json_node_init_int (json_node_alloc (), v[i].integer);
    case FAST_STRING:
      return json_node_init_string (json_node_alloc (), v[i].string);
    case FAST_ARRAY:
      {
        JsonArray *array = json_array_new ();

        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        for (guint j = i + 1; j < v[i].end; j = v[j].end)
          {
            JsonNode *element = fast_to_node (v, j);

            if (element == NULL)
              {
                json_node_unref (node);
                return NULL;
              }
            json_array_add_element (array, element);
          }
        return node;
      }
    case FAST_OBJECT:
    default:
      {
        JsonObject *object = json_object_new ();

        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        for (guint j = i + 1; j < v[i].end; j = v[j].end)
          {
            JsonNode *member = NULL;

            if (json_object_has_member (object, v[j].key) ||
                (member = fast_to_node (v, j)) == NULL)
              {
                json_node_unref (node);
                return NULL;
              }
            json_object_set_member (object, v[j].key, member);
          }
        return node;
      }
    }
}

static gpointer
fast_read_node (const FastValue *v,
                guint            object)
{
  g_autoptr(KhNode) node = NULL;
  const char *title = fast_string (v, object, "title");
  const char *text = fast_string (v, object, "text");
  int kind;

  if (!fast_enum (v, object, "kind", KH_TYPE_NODE_KIND, &kind) || title == NULL || text == NULL)
    return NULL;
  node = kh_node_new (kind, title, text);
  if (!fast_list (v, object, "children", kh_node_get_children (node), fast_read_node))
    return NULL;
  return g_steal_pointer (&node);
}

static gpointer
fast_read_citation (const FastValue *v,
                    guint            object)
{
  g_autoptr(KhCitation) citation = kh_citation_new ();
  const char *kind = fast_string (v, object, "kind");
  const char *number = fast_string (v, object, "number");
  const char *date = fast_string (v, object, "date");
  const char *issuer = fast_string (v, object, "issuer");
  const char *subject = fast_string (v, object, "subject");

  if (kind == NULL || number == NULL || date == NULL || issuer == NULL || subject == NULL)
    return NULL;
  kh_citation_set_kind (citation, kind);
  kh_citation_set_number (citation, number);
  kh_citation_set_date (citation, date);
  kh_citation_set_issuer (citation, issuer);
  kh_citation_set_subject (citation, subject);
  return g_steal_pointer (&citation);
}

static gpointer
fast_read_basis (const FastValue *v,
                 guint            object)
{
  g_autoptr(KhLegalBasis) basis = kh_legal_basis_new ();
  const char *group = fast_string (v, object, "group");
  const char *text = fast_string (v, object, "text");

  if (group == NULL || text == NULL)
    return NULL;
  kh_legal_basis_set_group (basis, group);
  kh_legal_basis_set_text (basis, text);
  if (!fast_list (v, object, "citations", kh_legal_basis_get_citations (basis), fast_read_citation))
    return NULL;
  return g_steal_pointer (&basis);
}

static gpointer
fast_read_article (const FastValue *v,
                   guint            object)
{
  g_autoptr(KhArticle) article = kh_article_new ();
  const char *title = fast_string (v, object, "title");

  if (title == NULL)
    return NULL;
  kh_article_set_title (article, title);
  if (!fast_list (v, object, "body", kh_article_get_body (article), fast_read_node))
    return NULL;
  return g_steal_pointer (&article);
}

static gpointer
fast_read_column (const FastValue *v,
                  guint            object)
{
  const char *header = fast_string (v, object, "header");
  int field;

  if (!fast_enum (v, object, "field", KH_TYPE_COLUMN_FIELD, &field) || header == NULL)
    return NULL;
  return kh_column_new (field, header);
}

static gpointer
fast_read_task (const FastValue *v,
                guint            object)
{
  g_autoptr(KhTask) task = kh_task_new ();
  const char *content = fast_string (v, object, "content");
  const char *product = fast_string (v, object, "product");
  const char *lead = fast_string (v, object, "lead");
  const char *cooperating = fast_string (v, object, "cooperating");
  const char *timeframe = fast_string (v, object, "timeframe");
  const char *notes = fast_string (v, object, "notes");
  guint schedule = fast_object_or_null (v, object, "schedule");
  int status, progress;

  if (content == NULL || product == NULL || lead == NULL || cooperating == NULL ||
      timeframe == NULL || notes == NULL || schedule == FAST_BAD ||
      !fast_enum (v, object, "status", KH_TYPE_TASK_STATUS, &status) ||
      !fast_int (v, object, "progress", 0, 100, &progress))
    return NULL;
  kh_task_set_content (task, content);
  kh_task_set_product (task, product);
  kh_task_set_lead (task, lead);
  kh_task_set_cooperating (task, cooperating);
  kh_task_set_timeframe (task, timeframe);
  kh_task_set_notes (task, notes);
  kh_task_set_status (task, status);
  kh_task_set_progress (task, progress);
  if (schedule != 0)
    {
      g_autoptr(JsonNode) node = fast_to_node (v, schedule);

      if (node == NULL)
        return NULL;
      kh_task_set_schedule (task, node);
    }
  return g_steal_pointer (&task);
}

static gpointer
fast_read_group (const FastValue *v,
                 guint            object)
{
  g_autoptr(KhTaskGroup) group = NULL;
  const char *title = fast_string (v, object, "title");

  if (title == NULL)
    return NULL;
  group = kh_task_group_new (title);
  if (!fast_list (v, object, "tasks", kh_task_group_get_tasks (group), fast_read_task))
    return NULL;
  return g_steal_pointer (&group);
}

static gpointer
fast_read_table (const FastValue *v,
                 guint            object)
{
  g_autoptr(KhTaskTable) table = kh_task_table_new ();
  const char *title = fast_string (v, object, "title");
  gboolean appendix, landscape;

  if (title == NULL ||
      !fast_bool (v, object, "appendix", &appendix) ||
      !fast_bool (v, object, "landscape", &landscape))
    return NULL;
  kh_task_table_set_title (table, title);
  kh_task_table_set_appendix (table, appendix);
  kh_task_table_set_landscape (table, landscape);
  if (!fast_list (v, object, "columns", kh_task_table_get_columns (table), fast_read_column) ||
      !fast_list (v, object, "groups", kh_task_table_get_groups (table), fast_read_group))
    return NULL;
  return g_steal_pointer (&table);
}

static KhDecision *
fast_read_decision (const FastValue *v,
                    guint            object)
{
  g_autoptr(KhDecision) decision = kh_decision_new ();
  const char *authority = fast_string (v, object, "authority");
  const char *proposal = fast_string (v, object, "proposal");

  if (authority == NULL || proposal == NULL)
    return NULL;
  kh_decision_set_authority (decision, authority);
  kh_decision_set_proposal (decision, proposal);
  if (!fast_list (v, object, "bases", kh_decision_get_bases (decision), fast_read_basis) ||
      !fast_list (v, object, "articles", kh_decision_get_articles (decision), fast_read_article))
    return NULL;
  return g_steal_pointer (&decision);
}

static KhPlan *
fast_read_plan (const FastValue *v,
                guint            object)
{
  g_autoptr(KhPlan) plan = kh_plan_new ();
  const char *summary = fast_string (v, object, "summary");
  const char *issued_by = fast_string (v, object, "issued_by");

  if (summary == NULL || issued_by == NULL)
    return NULL;
  kh_plan_set_summary (plan, summary);
  kh_plan_set_issued_by (plan, issued_by);
  if (!fast_list (v, object, "narrative", kh_plan_get_narrative (plan), fast_read_node) ||
      !fast_list (v, object, "tables", kh_plan_get_tables (plan), fast_read_table))
    return NULL;
  return g_steal_pointer (&plan);
}

static KhDocument *
fast_read_document (const FastValue *v,
                    guint            object)
{
  static const char *strings[] = { "parent_agency", "agency", "agency_abbrev", "place",
                                   "summary", "archive", "archive_initials" };
  static const char *signer_strings[] = { "prefix", "authority", "title", "name" };
  const char *values[G_N_ELEMENTS (strings)];
  const char *signer_values[G_N_ELEMENTS (signer_strings)];
  g_autoptr(KhDocument) doc = NULL;
  KhSigner *signer_object;
  guint date, signer, recipients, decision, plan;
  int kind, status, number, day, month, date_year, year;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if ((values[i] = fast_string (v, object, strings[i])) == NULL)
      return NULL;
  date = fast_member (v, object, "date", FAST_OBJECT);
  signer = fast_member (v, object, "signer", FAST_OBJECT);
  recipients = fast_member (v, object, "recipients", FAST_ARRAY);
  decision = fast_object_or_null (v, object, "decision");
  plan = fast_object_or_null (v, object, "plan");
  if (date == FAST_BAD || signer == FAST_BAD || recipients == FAST_BAD ||
      decision == FAST_BAD || plan == FAST_BAD ||
      !fast_enum (v, object, "kind", KH_TYPE_DOCUMENT_KIND, &kind) ||
      !fast_enum (v, object, "status", KH_TYPE_DOCUMENT_STATUS, &status) ||
      !fast_int (v, object, "number", 0, G_MAXINT, &number) ||
      !fast_int (v, date, "day", 0, 31, &day) ||
      !fast_int (v, date, "month", 0, 12, &month) ||
      !fast_int (v, date, "year", 0, 9999, &date_year) ||
      !fast_int (v, object, "year", 0, 9999, &year))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (signer_strings); i++)
    if ((signer_values[i] = fast_string (v, signer, signer_strings[i])) == NULL)
      return NULL;
  for (guint i = recipients + 1; i < v[recipients].end; i = v[i].end)
    if (v[i].type != FAST_STRING)
      return NULL;

  doc = kh_document_new (kind);
  kh_document_set_status (doc, status);
  kh_document_set_number (doc, number);
  kh_document_set_parent_agency (doc, values[0]);
  kh_document_set_agency (doc, values[1]);
  kh_document_set_agency_abbrev (doc, values[2]);
  kh_document_set_place (doc, values[3]);
  kh_document_set_summary (doc, values[4]);
  kh_document_set_archive (doc, values[5]);
  kh_document_set_archive_initials (doc, values[6]);
  kh_document_set_day (doc, day);
  kh_document_set_month (doc, month);
  kh_document_set_date_year (doc, date_year);
  kh_document_set_year (doc, year);
  signer_object = kh_document_get_signer (doc);
  kh_signer_set_prefix (signer_object, signer_values[0]);
  kh_signer_set_authority (signer_object, signer_values[1]);
  kh_signer_set_title (signer_object, signer_values[2]);
  kh_signer_set_name (signer_object, signer_values[3]);
  for (guint i = recipients + 1; i < v[recipients].end; i = v[i].end)
    kh_document_add_recipient (doc, v[i].string);

  if (decision != 0)
    {
      g_autoptr(KhDecision) d = fast_read_decision (v, decision);

      if (d == NULL)
        return NULL;
      kh_document_set_decision (doc, d);
    }
  if (plan != 0)
    {
      g_autoptr(KhPlan) p = fast_read_plan (v, plan);

      if (p == NULL)
        return NULL;
      kh_document_set_plan (doc, p);
    }
  return g_steal_pointer (&doc);
}

/* The document of a valid file, or NULL: then the json-glib reader
 * decides (and says what is wrong). A file read here is valid UTF-8 and
 * nests no deeper than MAX_DEPTH: the checks kh_document_deserialize()
 * makes before json-glib would have passed. */
static KhDocument *
fast_deserialize (const char *data,
                  gsize       size)
{
  g_autofree char *strings = g_malloc (size + 1);
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (FastValue), size / 32 + 16);
  FastParser fp = { data, data + size, strings, values };
  const FastValue *v;
  guint format, version, document;

  if (!fast_parse_value (&fp, NULL, 0))
    return NULL;
  fast_skip_space (&fp);
  if (fp.p != fp.end)
    return NULL;

  v = (const FastValue *) values->data;
  if (v[0].type != FAST_OBJECT)
    return NULL;
  format = fast_member (v, 0, "format", FAST_STRING);
  version = fast_member (v, 0, "version", FAST_INT);
  document = fast_member (v, 0, "document", FAST_OBJECT);
  if (format == FAST_BAD || strcmp (v[format].string, "kehoach") != 0 ||
      version == FAST_BAD || v[version].integer < 1 || v[version].integer > KH_FORMAT_VERSION ||
      document == FAST_BAD)
    return NULL;
  return fast_read_document (v, document);
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
  KhDocument *doc;
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

  doc = fast_deserialize (data, size);
  if (doc != NULL)
    return doc;

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
