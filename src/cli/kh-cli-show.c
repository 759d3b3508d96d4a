/* kh-cli-show.c — "kehoach-cli show ID": a document as a readable outline
 *
 * Labels are the tool's own text (translated); the document's text and its
 * numbering (Điều 1., I., 1., a), -) are printed as the document has them.
 * The labels carry the context "outline" so that their translations stay
 * apart from the same English words in the application.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"
#include "kh-core.h"
#include "kh-vntext.h"

#define INDENT "  "

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, INDENT);
}

/* "Label: value" on its own line; nothing for an empty value. */
static void
field (GString    *out,
       guint       depth,
       const char *label,
       const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  indent (out, depth);
  g_string_append_printf (out, "%s: %s\n", label, value);
}

/* The number of a node among its siblings of the same kind, as printed:
 * "II.", "3.", "đ)", "-" or "" for a paragraph. */
static char *
node_number (KhNodeKind kind,
             guint      position)
{
  g_autofree char *roman = NULL;
  g_autofree char *letter = NULL;

  switch (kind)
    {
    case KH_NODE_KIND_PART:
      roman = kh_vn_roman ((int) position + 1);
      return g_strdup_printf ("%s.", roman ? roman : "?");
    case KH_NODE_KIND_SECTION:
      return g_strdup_printf ("%u.", position + 1);
    case KH_NODE_KIND_POINT:
      letter = kh_vn_point_letter ((int) position);
      return g_strdup_printf ("%s)", letter ? letter : "?");
    case KH_NODE_KIND_DASH:
      return g_strdup ("-");
    case KH_NODE_KIND_PARAGRAPH:
    default:
      return g_strdup ("");
    }
}

static void
print_nodes (GString    *out,
             GListModel *nodes,
             guint       depth)
{
  guint counts[KH_NODE_KIND_PARAGRAPH + 1] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);
      KhNodeKind kind = kh_node_get_kind (node);
      g_autofree char *number = NULL;
      const char *title = kh_node_get_title (node);
      const char *text = kh_node_get_text (node);
      g_autoptr(GString) line = g_string_new (NULL);

      if ((guint) kind < G_N_ELEMENTS (counts))
        number = node_number (kind, counts[kind]++);
      else
        number = g_strdup ("");

      for (const char *part[] = { number, title, text }, **p = part; p < part + G_N_ELEMENTS (part); p++)
        if (*p != NULL && (*p)[0] != '\0')
          g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", *p);

      indent (out, depth);
      g_string_append_printf (out, "%s\n", line->str);
      print_nodes (out, kh_node_get_children (node), depth + 1);
    }
}

/* One "Căn cứ ..." paragraph as the document words it. */
static char *
basis_wording (KhLegalBasis *basis,
               gboolean      last)
{
  const char *group = kh_legal_basis_get_group (basis);
  GListModel *citations = kh_legal_basis_get_citations (basis);
  g_autoptr(GPtrArray) wordings = g_ptr_array_new_with_free_func (g_free);

  if (kh_legal_basis_get_text (basis)[0] != '\0')
    return g_strdup (kh_legal_basis_get_text (basis));

  for (guint i = 0; i < g_list_model_get_n_items (citations); i++)
    {
      g_autoptr(KhCitation) citation = g_list_model_get_item (citations, i);
      char *wording;

      if (group[0] != '\0')
        wording = kh_vn_format_citation_short (kh_citation_get_number (citation),
                                               kh_citation_get_date (citation),
                                               kh_citation_get_subject (citation));
      else
        wording = kh_vn_format_citation (kh_citation_get_kind (citation),
                                         kh_citation_get_number (citation),
                                         kh_citation_get_date (citation),
                                         kh_citation_get_issuer (citation),
                                         kh_citation_get_subject (citation));
      /* An impossible date: show what is stored rather than nothing. */
      if (wording == NULL)
        wording = g_strdup_printf ("%s %s (%s)", kh_citation_get_kind (citation),
                                   kh_citation_get_number (citation),
                                   kh_citation_get_date (citation));
      g_ptr_array_add (wordings, wording);
    }
  g_ptr_array_add (wordings, NULL);

  return kh_vn_format_legal_basis (group[0] != '\0' ? group : NULL,
                                   (const char * const *) wordings->pdata, last);
}

static void
print_header (GString    *out,
              KhDocument *document)
{
  KhSigner *signer = kh_document_get_signer (document);
  GListModel *recipients = kh_document_get_recipients (document);
  g_autofree char *agency = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *year = NULL;
  g_autofree char *authority = NULL;
  g_autoptr(GString) signer_line = g_string_new (NULL);

  g_string_append_printf (out, _("Document %lld (%s, %s)\n"),
                          (long long) kh_document_get_id (document),
                          kh_enum_to_nick (KH_TYPE_DOCUMENT_KIND, kh_document_get_kind (document)),
                          kh_enum_to_nick (KH_TYPE_DOCUMENT_STATUS, kh_document_get_status (document)));

  field (out, 0, C_("outline", "Parent agency"), kh_document_get_parent_agency (document));
  if (kh_document_get_agency_abbrev (document)[0] != '\0')
    agency = g_strdup_printf ("%s (%s)", kh_document_get_agency (document),
                              kh_document_get_agency_abbrev (document));
  else
    agency = g_strdup (kh_document_get_agency (document));
  field (out, 0, C_("outline", "Agency"), agency);

  number = kh_vn_format_number_symbol (kh_document_get_number (document),
                                       kh_document_get_type_abbrev (document),
                                       kh_document_get_agency_abbrev (document));
  field (out, 0, C_("outline", "Number"), number);
  date = kh_vn_format_place_date (kh_document_get_place (document),
                                  kh_document_get_day (document),
                                  kh_document_get_month (document),
                                  kh_document_get_date_year (document));
  field (out, 0, C_("outline", "Date"), date ? date : _("(not a valid date)"));
  field (out, 0, C_("outline", "Summary"), kh_document_get_summary (document));
  year = g_strdup_printf ("%d", kh_document_get_year (document));
  field (out, 0, C_("outline", "Plan year"), year);

  /* "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Name": the prefix reads with its authority. */
  authority = g_strjoin (" ", kh_signer_get_prefix (signer), kh_signer_get_authority (signer), NULL);
  g_strstrip (authority);
  for (const char *part[] = { authority, kh_signer_get_title (signer), kh_signer_get_name (signer) },
       **p = part; p < part + G_N_ELEMENTS (part); p++)
    if ((*p)[0] != '\0')
      g_string_append_printf (signer_line, "%s%s", signer_line->len > 0 ? " / " : "", *p);
  field (out, 0, C_("outline", "Signer"), signer_line->str);

  if (g_list_model_get_n_items (recipients) > 0)
    g_string_append_printf (out, "%s:\n", C_("outline", "Recipients"));
  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(KhRecipient) recipient = g_list_model_get_item (recipients, i);

      indent (out, 1);
      g_string_append_printf (out, "- %s\n", kh_recipient_get_text (recipient));
    }
  if (kh_document_get_archive (document)[0] != '\0')
    {
      g_autofree char *archive = NULL;

      if (kh_document_get_archive_initials (document)[0] != '\0')
        archive = g_strdup_printf ("%s, %s", kh_document_get_archive (document),
                                   kh_document_get_archive_initials (document));
      else
        archive = g_strdup (kh_document_get_archive (document));
      field (out, 0, C_("outline", "Archive"), archive);
    }
}

static void
print_decision (GString    *out,
                KhDecision *decision)
{
  GListModel *bases = kh_decision_get_bases (decision);
  GListModel *articles = kh_decision_get_articles (decision);
  guint n_bases = g_list_model_get_n_items (bases);

  g_string_append_printf (out, "\n%s\n", C_("outline", "Decision"));
  field (out, 1, C_("outline", "Authority"), kh_decision_get_authority (decision));
  if (n_bases > 0)
    {
      indent (out, 1);
      g_string_append_printf (out, "%s:\n", C_("outline", "Legal bases"));
    }
  for (guint i = 0; i < n_bases; i++)
    {
      g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);
      g_autofree char *wording = basis_wording (basis, i + 1 == n_bases);

      if (wording == NULL)
        continue;
      indent (out, 2);
      g_string_append_printf (out, "%s\n", wording);
    }
  field (out, 1, C_("outline", "Proposal"), kh_decision_get_proposal (decision));

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);
      const char *title = kh_article_get_title (article);

      indent (out, 1);
      g_string_append_printf (out, "Điều %u.%s%s\n", i + 1, title[0] ? " " : "", title);
      print_nodes (out, kh_article_get_body (article), 2);
    }
}

static void
print_task (GString *out,
            KhTask  *task,
            guint    number)
{
  g_autofree char *status = g_strdup_printf ("%s, %d%%",
                                             kh_enum_to_nick (KH_TYPE_TASK_STATUS,
                                                              kh_task_get_status (task)),
                                             kh_task_get_progress (task));

  indent (out, 3);
  g_string_append_printf (out, "%u. %s\n", number, kh_task_get_content (task));
  field (out, 4, C_("outline", "Product"), kh_task_get_product (task));
  field (out, 4, C_("outline", "Lead"), kh_task_get_lead (task));
  field (out, 4, C_("outline", "Cooperating"), kh_task_get_cooperating (task));
  field (out, 4, C_("outline", "Time frame"), kh_task_get_timeframe (task));
  field (out, 4, C_("outline", "Status"), status);
  field (out, 4, C_("outline", "Notes"), kh_task_get_notes (task));
}

static void
print_table (GString     *out,
             KhTaskTable *table,
             guint        index)
{
  GListModel *columns = kh_task_table_get_columns (table);
  GListModel *groups = kh_task_table_get_groups (table);
  g_autoptr(GString) headers = g_string_new (NULL);
  guint task_number = 0;
  guint group_number = 0;

  indent (out, 1);
  g_string_append_printf (out, C_("outline", "Table %u"), index);
  if (kh_task_table_get_title (table)[0] != '\0')
    g_string_append_printf (out, ": %s", kh_task_table_get_title (table));
  if (kh_task_table_get_appendix (table))
    g_string_append_printf (out, " [%s]", C_("outline", "appendix"));
  if (kh_task_table_get_landscape (table))
    g_string_append_printf (out, " [%s]", C_("outline", "landscape"));
  g_string_append_c (out, '\n');

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);
      g_string_append_printf (headers, "%s%s", i > 0 ? " | " : "", kh_column_get_header (column));
    }
  field (out, 2, C_("outline", "Columns"), headers->str);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, i);
      GListModel *tasks = kh_task_group_get_tasks (group);

      /* The one untitled group of a table without groups has no heading. */
      if (kh_task_group_get_title (group)[0] != '\0')
        {
          g_autofree char *roman = kh_vn_roman ((int) ++group_number);

          indent (out, 2);
          g_string_append_printf (out, "%s. %s\n", roman ? roman : "?",
                                  kh_task_group_get_title (group));
        }
      for (guint j = 0; j < g_list_model_get_n_items (tasks); j++)
        {
          g_autoptr(KhTask) task = g_list_model_get_item (tasks, j);
          print_task (out, task, ++task_number);
        }
    }
}

static void
print_plan (GString *out,
            KhPlan  *plan)
{
  GListModel *narrative = kh_plan_get_narrative (plan);
  GListModel *tables = kh_plan_get_tables (plan);

  g_string_append_printf (out, "\n%s\n", C_("outline", "Plan"));
  field (out, 1, C_("outline", "Summary"), kh_plan_get_summary (plan));
  field (out, 1, C_("outline", "Issued by"), kh_plan_get_issued_by (plan));
  if (g_list_model_get_n_items (narrative) > 0)
    {
      indent (out, 1);
      g_string_append_printf (out, "%s:\n", C_("outline", "Narrative"));
      print_nodes (out, narrative, 2);
    }
  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, i);
      print_table (out, table, i + 1);
    }
}

int
kh_cli_show (KhCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) document = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  KhStore *store;
  gint64 id;

  if (argc != 2)
    return kh_cli_command_usage (argv[0]);
  if (!kh_cli_parse_id (argv[1], &id))
    return kh_cli_usage_error (_("“%s” is not a document id."), argv[1]);

  store = kh_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return kh_cli_fail ("%s", error->message);
  document = kh_store_load_document (store, id, &error);
  if (document == NULL)
    return kh_cli_fail ("%s", error->message);

  print_header (out, document);
  if (kh_document_get_decision (document) != NULL)
    print_decision (out, kh_document_get_decision (document));
  if (kh_document_get_plan (document) != NULL)
    print_plan (out, kh_document_get_plan (document));

  g_print ("%s", out->str);
  return KH_CLI_EXIT_OK;
}
