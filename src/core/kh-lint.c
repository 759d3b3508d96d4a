/* kh-lint.c — checks a document before it is printed and issued
 *
 * Each check reads the model the way the renderer prints it (same task and
 * narrative numbering, same citation wording), so that a location names
 * what the user sees on paper.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "kh-lint.h"
#include "kh-core.h"
#include "kh-vntext.h"

typedef struct {
  GListStore *issues;
  KhDocument *document;
  int year;                 /* the plan's year; 0 when unknown */
  GDate dated;              /* the document's date, its 1st of the month when the
                             * day is blank; invalid without month and year */
} Lint;

static void add (Lint           *lint,
                 KhLintSeverity  severity,
                 const char     *code,
                 const char     *section,
                 const char     *location,
                 gpointer        target,
                 const char     *format,
                 ...) G_GNUC_PRINTF (7, 8);

static void
add (Lint           *lint,
     KhLintSeverity  severity,
     const char     *code,
     const char     *section,
     const char     *location,
     gpointer        target,
     const char     *format,
     ...)
{
  g_autofree char *message = NULL;
  g_autoptr(KhLintIssue) issue = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  issue = kh_lint_issue_new (severity, code, section, location, message, target);
  g_list_store_append (lint->issues, issue);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The first year written as "năm YYYY" in @text that is not @year; 0 when
 * there is none. Other numbers (document numbers, "01/2023/QĐ-UBND",
 * dates) are left alone: they cite other documents. */
static int
other_year_named (const char *text,
                  int         year)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (year <= 0 || is_blank (text))
    return 0;
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\bn[ăa]m\\s+((?:19|20)\\d\\d)(?!\\d)",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      int named = atoi (digits);

      if (named != year)
        return named;
      g_match_info_next (match, NULL);
    }
  return 0;
}

/* General information */

static void
check_general (Lint *lint)
{
  KhDocument *doc = lint->document;
  gboolean issued = kh_document_get_status (doc) == KH_DOCUMENT_STATUS_ISSUED;
  KhPlan *plan = kh_document_get_plan (doc);
  const char *where = _("General information");
  int named;

  if (is_blank (kh_document_get_agency (doc)))
    add (lint, KH_LINT_ERROR, "agency-missing", "general", where, doc,
         _("The issuing agency is empty."));
  if (is_blank (kh_document_get_agency_abbrev (doc)))
    add (lint, KH_LINT_ERROR, "agency-abbrev-missing", "general", where, doc,
         _("The agency’s abbreviation is empty, so the document’s symbol (such as QĐ-SKHCN) is incomplete."));
  if (issued && kh_document_get_number (doc) <= 0)
    add (lint, KH_LINT_ERROR, "number-blank", "general", where, doc,
         _("The document is marked issued but its number is blank."));
  if (issued && (kh_document_get_day (doc) <= 0 || kh_document_get_month (doc) <= 0))
    add (lint, KH_LINT_ERROR, "date-blank", "general", where, doc,
         _("The document is marked issued but its day or month is blank."));
  if (is_blank (kh_document_get_place (doc)))
    add (lint, KH_LINT_WARNING, "place-missing", "general", where, doc,
         _("The place before the date (such as Hưng Yên) is empty."));
  if (is_blank (kh_document_get_summary (doc)))
    add (lint, KH_LINT_ERROR, "summary-missing", "general", where, doc,
         _("The summary (trích yếu) is empty."));

  if (plan == NULL || lint->year <= 0)
    return;
  if (kh_document_get_date_year (doc) > 0
      && (kh_document_get_date_year (doc) < lint->year - 1 || kh_document_get_date_year (doc) > lint->year))
    add (lint, KH_LINT_WARNING, "date-year", "general", where, doc,
         _("The document is dated %d, but its plan is for %d."),
         kh_document_get_date_year (doc), lint->year);
  named = other_year_named (kh_document_get_summary (doc), lint->year);
  if (named != 0)
    add (lint, KH_LINT_WARNING, "summary-year", "general", where, doc,
         _("The summary names the year %d, but the plan is for %d."), named, lint->year);
}

/* The decision */

static char *
citation_title (KhCitation *citation)
{
  g_autofree char *text = g_strjoin (" ", kh_citation_get_kind (citation),
                                     kh_citation_get_number (citation), NULL);
  return g_strdup (g_strstrip (text));
}

/* "2010-02-30" as a Vietnamese reader writes it, "30/02/2010"; other text as is. */
static char *
written_date (const char *iso_date)
{
  int year, month, day;
  char end;

  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3)
    return g_strdup_printf ("%02d/%02d/%d", day, month, year);
  return g_strdup (iso_date);
}

static gboolean
node_list_is_blank (GListModel *nodes)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);

      if (!is_blank (kh_node_get_title (node)) || !is_blank (kh_node_get_text (node))
          || !node_list_is_blank (kh_node_get_children (node)))
        return FALSE;
    }
  return TRUE;
}

/* The year named in a node list's text other than @year; 0 when none. */
static int
nodes_name_other_year (GListModel *nodes,
                       int         year)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);
      int named = other_year_named (kh_node_get_text (node), year);

      if (named == 0)
        named = other_year_named (kh_node_get_title (node), year);
      if (named == 0)
        named = nodes_name_other_year (kh_node_get_children (node), year);
      if (named != 0)
        return named;
    }
  return 0;
}

static void
check_bases (Lint       *lint,
             GListModel *bases)
{
  /* folded "number|date" or text of what was cited → its basis number */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
    {
      g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);
      GListModel *citations = kh_legal_basis_get_citations (basis);
      g_autofree char *where = g_strdup_printf (_("Legal basis %u"), i + 1);
      gboolean printed = FALSE;
      gboolean bad_date = FALSE;

      if (!is_blank (kh_legal_basis_get_text (basis)))
        {
          g_autofree char *key = kh_vn_fold (kh_legal_basis_get_text (basis));
          guint first = key ? GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) : 0;

          if (first != 0)
            add (lint, KH_LINT_WARNING, "basis-duplicate", "decision", where, basis,
                 _("Legal basis %u says the same as legal basis %u."), i + 1, first);
          else if (key != NULL)
            g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
          continue;
        }

      for (guint c = 0; c < g_list_model_get_n_items (citations); c++)
        {
          g_autoptr(KhCitation) citation = g_list_model_get_item (citations, c);
          g_autofree char *title = citation_title (citation);
          g_autofree char *wording = kh_vn_format_citation (kh_citation_get_kind (citation),
                                                            kh_citation_get_number (citation),
                                                            kh_citation_get_date (citation),
                                                            kh_citation_get_issuer (citation),
                                                            kh_citation_get_subject (citation));
          g_autofree char *raw_key = NULL;
          g_autofree char *key = NULL;
          guint first;

          if (wording == NULL)
            {
              g_autofree char *date = written_date (kh_citation_get_date (citation));

              add (lint, KH_LINT_ERROR, "citation-bad-date", "decision", where, basis,
                   _("“%s” has the date %s, which does not exist; it is left out of the printed decision."),
                   title, date);
              bad_date = TRUE;
              continue;
            }
          if (!is_blank (wording))
            printed = TRUE;
          if (is_blank (kh_citation_get_number (citation)))
            continue;
          raw_key = g_strdup_printf ("%s|%s", kh_citation_get_number (citation),
                                     kh_citation_get_date (citation));
          key = kh_vn_fold (raw_key);
          if (key == NULL)
            continue;
          first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
          if (first != 0)
            add (lint, KH_LINT_WARNING, "basis-duplicate", "decision", where, basis,
                 _("“%s” is cited again; legal basis %u already cites it."), title, first);
          else
            g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
        }
      /* Blank citations print nothing either (an impossible date is reported above). */
      if (!printed && !bad_date)
        add (lint, KH_LINT_WARNING, "basis-empty", "decision", where, basis,
             _("The legal basis is empty and is not printed."));
    }
}

static void
check_decision (Lint       *lint,
                KhDecision *decision)
{
  GListModel *bases = kh_decision_get_bases (decision);
  GListModel *articles = kh_decision_get_articles (decision);
  const char *where = _("Decision");

  if (is_blank (kh_decision_get_authority (decision)))
    add (lint, KH_LINT_ERROR, "authority-missing", "decision", where, decision,
         _("The authority line (such as GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ) is empty."));
  if (g_list_model_get_n_items (bases) == 0)
    add (lint, KH_LINT_WARNING, "bases-empty", "decision", where, decision,
         _("The decision cites no legal basis (Căn cứ …)."));
  check_bases (lint, bases);
  if (is_blank (kh_decision_get_proposal (decision)))
    add (lint, KH_LINT_NOTE, "proposal-missing", "decision", where, decision,
         _("The “Theo đề nghị của …” line is empty."));
  if (g_list_model_get_n_items (articles) == 0)
    add (lint, KH_LINT_ERROR, "articles-empty", "decision", where, decision,
         _("The decision has no articles."));

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);
      GListModel *body = kh_article_get_body (article);
      g_autofree char *article_where = g_strdup_printf (_("Article %u"), i + 1);

      if (node_list_is_blank (body))
        add (lint, KH_LINT_WARNING, "article-empty", "decision", article_where, article,
             _("The article has no text."));
      /* Article 1 issues the plan: its year is the plan's. */
      if (i == 0 && kh_document_get_plan (lint->document) != NULL)
        {
          int named = nodes_name_other_year (body, lint->year);

          if (named != 0)
            add (lint, KH_LINT_WARNING, "article-year", "decision", article_where, article,
                 _("The article names the year %d, but the plan is for %d."), named, lint->year);
        }
    }
}

/* The plan's narrative */

/* How the renderer numbers a node among its siblings: "II.", "3.", "b)". */
static char *
node_number (KhNodeKind  kind,
             int        *counts)
{
  g_autofree char *numeral = NULL;

  switch (kind)
    {
    case KH_NODE_KIND_PART:
      numeral = kh_vn_roman (++counts[KH_NODE_KIND_PART]);
      return g_strdup_printf ("%s.", numeral ? numeral : "");
    case KH_NODE_KIND_SECTION:
      return g_strdup_printf ("%d.", ++counts[KH_NODE_KIND_SECTION]);
    case KH_NODE_KIND_POINT:
      numeral = kh_vn_point_letter (counts[KH_NODE_KIND_POINT]++);
      return g_strdup_printf ("%s)", numeral ? numeral : "");
    case KH_NODE_KIND_DASH:
    case KH_NODE_KIND_PARAGRAPH:
    default:
      return NULL;
    }
}

static void
check_nodes (Lint       *lint,
             GListModel *nodes,
             const char *parent_path)
{
  int counts[KH_NODE_KIND_PARAGRAPH + 1] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);
      g_autofree char *number = node_number (kh_node_get_kind (node), counts);
      g_autofree char *path = NULL;
      g_autofree char *where = NULL;

      if (number != NULL)
        path = g_strconcat (parent_path, number, NULL);
      else if (parent_path[0] != '\0')
        /* Translators: a dash or paragraph of the plan, e.g. "II.1. item 3" */
        path = g_strdup_printf (_("%s item %u"), parent_path, i + 1);
      else
        path = g_strdup_printf (_("paragraph %u"), i + 1);
      /* Translators: e.g. "Plan II.1." */
      where = g_strdup_printf (_("Plan %s"), path);

      if (is_blank (kh_node_get_title (node)) && is_blank (kh_node_get_text (node))
          && node_list_is_blank (kh_node_get_children (node)))
        add (lint, KH_LINT_WARNING, "narrative-empty-item", "plan", where, node,
             number != NULL ? _("The item has no text; only its number is printed.")
                            : _("The item has no text."));
      check_nodes (lint, kh_node_get_children (node), number != NULL ? path : parent_path);
    }
}

static void
check_plan (Lint   *lint,
            KhPlan *plan)
{
  const char *where = _("Plan");
  int named;

  /* An attached plan repeats its own summary on its first page. */
  if (kh_document_get_decision (lint->document) != NULL)
    {
      if (is_blank (kh_plan_get_summary (plan)))
        add (lint, KH_LINT_ERROR, "plan-summary-missing", "plan", where, plan,
             _("The plan’s own summary is empty."));
      named = other_year_named (kh_plan_get_summary (plan), lint->year);
      if (named != 0)
        add (lint, KH_LINT_WARNING, "plan-summary-year", "plan", where, plan,
             _("The plan’s summary names the year %d, but the plan is for %d."), named, lint->year);
    }
  check_nodes (lint, kh_plan_get_narrative (plan), "");
}

/* Task tables */

static gboolean
table_shows (KhTaskTable   *table,
             KhColumnField  field)
{
  GListModel *columns = kh_task_table_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);

      if (kh_column_get_field (column) == field)
        return TRUE;
    }
  return FALSE;
}

static void
check_timeframe (Lint       *lint,
                 KhTask     *task,
                 const char *where)
{
  const char *text = kh_task_get_timeframe (task);
  gboolean is_explicit = FALSE;
  g_autoptr(KhSchedule) schedule = NULL;
  GDate start, end;

  if (is_blank (text))
    {
      add (lint, KH_LINT_WARNING, "timeframe-empty", "tasks", where, task,
           _("The time frame is empty."));
      return;
    }
  schedule = kh_task_read_schedule (task, lint->year, &is_explicit);
  if (kh_schedule_get_primary_kind (schedule) == KH_SCHEDULE_KIND_UNKNOWN)
    {
      add (lint, KH_LINT_WARNING, "timeframe-unread", "tasks", where, task,
           _("The time frame “%s” is not read as dates, so the task is missing from the timeline; set its dates in the time frame editor."),
           text);
      return;
    }
  if (lint->year > 0 && kh_schedule_get_range (schedule, &start, &end))
    {
      int first = g_date_get_year (g_date_valid (&start) ? &start : &end);
      int last = g_date_get_year (&end);

      if (last < lint->year || first > lint->year)
        add (lint, KH_LINT_WARNING, "timeframe-other-year", "tasks", where, task,
             _("The time frame “%s” falls in %d, outside the plan’s year %d."),
             text, last < lint->year ? last : first, lint->year);
      /* Copied deadlines: "Trước ngày 30/3" in a plan signed in May. */
      else if (g_date_valid (&lint->dated) && g_date_compare (&end, &lint->dated) < 0)
        {
          char ends[16], dated[16];

          g_date_strftime (ends, sizeof ends, "%d/%m/%Y", &end);
          g_date_strftime (dated, sizeof dated, "%d/%m/%Y", &lint->dated);
          add (lint, KH_LINT_WARNING, "timeframe-before-date", "tasks", where, task,
               _("The time frame “%s” ends on %s, before the document’s date (%s)."),
               text, ends, dated);
        }
    }
}

/* Only what the table prints is checked: a column it hides may stay empty. */
static void
check_task (Lint       *lint,
            KhTask     *task,
            gboolean    shows_lead,
            gboolean    shows_timeframe,
            const char *where)
{
  if (is_blank (kh_task_get_content (task)))
    add (lint, KH_LINT_WARNING, "task-content-empty", "tasks", where, task,
         _("The task has no content."));
  if (shows_lead && is_blank (kh_task_get_lead (task)))
    add (lint, KH_LINT_WARNING, "task-lead-empty", "tasks", where, task,
         _("No unit leads the task."));
  if (shows_timeframe)
    check_timeframe (lint, task, where);
}

static void
check_table (Lint        *lint,
             KhTaskTable *table,
             guint        index,
             guint        n_tables)
{
  GListModel *groups = kh_task_table_get_groups (table);
  guint n_groups = g_list_model_get_n_items (groups);
  gboolean shows_lead = table_shows (table, KH_COLUMN_LEAD);
  gboolean shows_timeframe = table_shows (table, KH_COLUMN_TIMEFRAME);
  int titled = 0;
  g_autofree char *table_where = n_tables > 1 ? g_strdup_printf (_("Table %u"), index + 1)
                                             : g_strdup (_("Task table"));

  if (kh_task_table_get_n_tasks (table) == 0)
    {
      add (lint, KH_LINT_WARNING, "table-empty", "tasks", table_where, table,
           _("The table has no tasks."));
      return;
    }

  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
      GListModel *tasks = kh_task_group_get_tasks (group);
      g_autofree char *roman = NULL;
      g_autofree char *group_where = NULL;

      if (!is_blank (kh_task_group_get_title (group)))
        {
          roman = kh_vn_roman (++titled);
          group_where = n_tables > 1
            /* Translators: "Table 2, group III" */
            ? g_strdup_printf (_("Table %u, group %s"), index + 1, roman)
            : g_strdup_printf (_("Group %s"), roman);
          if (g_list_model_get_n_items (tasks) == 0)
            add (lint, KH_LINT_NOTE, "group-empty", "tasks", group_where, group,
                 _("The group has no tasks."));
        }
      else if (n_groups > 1 && g_list_model_get_n_items (tasks) > 0)
        {
          group_where = n_tables > 1
            ? g_strdup_printf (_("Table %u, group %u"), index + 1, g + 1)
            : g_strdup_printf (_("Group %u"), g + 1);
          add (lint, KH_LINT_WARNING, "group-untitled", "tasks", group_where, group,
               _("The group has no title, so its tasks print without a group row and their numbers start again at 1."));
        }

      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(KhTask) task = g_list_model_get_item (tasks, t);
          g_autofree char *number = roman != NULL ? g_strdup_printf ("%s.%u", roman, t + 1)
                                                  : g_strdup_printf ("%u", t + 1);
          g_autofree char *where = n_tables > 1
            /* Translators: "Table 2, task III.4" */
            ? g_strdup_printf (_("Table %u, task %s"), index + 1, number)
            : g_strdup_printf (_("Task %s"), number);

          check_task (lint, task, shows_lead, shows_timeframe, where);
        }
    }
}

static void
check_tables (Lint   *lint,
              KhPlan *plan)
{
  GListModel *tables = kh_plan_get_tables (plan);
  guint n_tables = g_list_model_get_n_items (tables);

  for (guint i = 0; i < n_tables; i++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, i);

      check_table (lint, table, i, n_tables);
    }
}

/* Signature and recipients */

static void
check_signer (Lint *lint)
{
  KhSigner *signer = kh_document_get_signer (lint->document);
  const char *prefix = kh_signer_get_prefix (signer);
  const char *where = _("Signer");

  /* The renderer prints "PREFIX AUTHORITY" over the title when there is a
   * prefix ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"), else the title alone. */
  if (!is_blank (prefix) && is_blank (kh_signer_get_authority (signer)))
    add (lint, KH_LINT_WARNING, "signer-authority-missing", "general", where, signer,
         _("The signer signs “%s” but on whose behalf (such as GIÁM ĐỐC) is empty."), prefix);
  if (is_blank (kh_signer_get_title (signer)))
    add (lint, KH_LINT_WARNING, "signer-title-missing", "general", where, signer,
         _("The signer’s title (such as PHÓ GIÁM ĐỐC) is empty."));
  if (is_blank (kh_signer_get_name (signer)))
    add (lint, KH_LINT_WARNING, "signer-name-missing", "general", where, signer,
         _("The signer’s name is empty."));
}

static void
check_recipients (Lint *lint)
{
  GListModel *recipients = kh_document_get_recipients (lint->document);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *where = _("Recipients");
  guint listed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(KhRecipient) recipient = g_list_model_get_item (recipients, i);
      g_autofree char *key = NULL;

      if (is_blank (kh_recipient_get_text (recipient)))
        continue;
      listed++;
      key = kh_vn_fold (kh_recipient_get_text (recipient));
      if (key == NULL)
        continue;
      g_strstrip (key);
      if (g_hash_table_contains (seen, key))
        add (lint, KH_LINT_NOTE, "recipient-duplicate", "general", where, recipient,
             _("“%s” is listed twice."), kh_recipient_get_text (recipient));
      else
        g_hash_table_add (seen, g_steal_pointer (&key));
    }
  if (listed == 0)
    add (lint, KH_LINT_WARNING, "recipients-empty", "general", where, lint->document,
         _("No recipients (Nơi nhận) are listed."));
}

GListModel *
kh_lint_document (KhDocument *document)
{
  Lint lint = { 0 };
  KhDecision *decision;
  KhPlan *plan;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), NULL);

  lint.issues = g_list_store_new (KH_TYPE_LINT_ISSUE);
  lint.document = document;
  lint.year = kh_document_get_year (document);
  g_date_clear (&lint.dated, 1);
  if (kh_document_get_month (document) >= 1 && kh_document_get_month (document) <= 12
      && kh_document_get_date_year (document) > 0)
    {
      int day = MAX (kh_document_get_day (document), 1);
      GDateMonth month = (GDateMonth) kh_document_get_month (document);
      GDateYear date_year = (GDateYear) kh_document_get_date_year (document);

      if (g_date_valid_dmy ((GDateDay) day, month, date_year))
        g_date_set_dmy (&lint.dated, (GDateDay) day, month, date_year);
    }
  decision = kh_document_get_decision (document);
  plan = kh_document_get_plan (document);

  check_general (&lint);
  if (decision != NULL)
    check_decision (&lint, decision);
  if (plan != NULL)
    {
      check_plan (&lint, plan);
      check_tables (&lint, plan);
    }
  check_signer (&lint);
  check_recipients (&lint);

  return G_LIST_MODEL (lint.issues);
}

guint
kh_lint_count_severity (GListModel     *issues,
                        KhLintSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (issues), 0);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(KhLintIssue) issue = g_list_model_get_item (issues, i);

      if (kh_lint_issue_get_severity (issue) == severity)
        count++;
    }
  return count;
}
