/* test-lint.c — the document check finds what a văn thư would correct, and
 * nothing in the real documents */
#include "kh-core.h"
#include "kh-document-io.h"
#include "kh-templates.h"
#include "kh-vntext.h"
#include "kh-test-util.h"

static KhDocument *
load_example (const char *name)
{
  g_autofree char *path = kh_test_example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KhDocument *doc = kh_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* The issues with @code, in order. */
static GPtrArray *
issues_with_code (GListModel *issues,
                  const char *code)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      KhLintIssue *issue = g_list_model_get_item (issues, i);

      if (g_strcmp0 (kh_lint_issue_get_code (issue), code) == 0)
        g_ptr_array_add (found, issue);
      else
        g_object_unref (issue);
    }
  return found;
}

static KhLintIssue *
the_issue (GListModel *issues,
           const char *code)
{
  g_autoptr(GPtrArray) found = issues_with_code (issues, code);

  if (found->len != 1)
    g_error ("expected one “%s”, found %u", code, found->len);
  return g_object_ref (g_ptr_array_index (found, 0));
}

static void
assert_no_code (GListModel *issues,
                const char *code)
{
  g_autoptr(GPtrArray) found = issues_with_code (issues, code);

  if (found->len != 0)
    g_error ("unexpected “%s”: %s", code,
             kh_lint_issue_get_message (g_ptr_array_index (found, 0)));
}

static KhTask *
task_at (KhDocument *doc,
         guint       table,
         guint       group,
         guint       index)
{
  g_autoptr(KhTaskTable) t = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), table);
  g_autoptr(KhTaskGroup) g = g_list_model_get_item (kh_task_table_get_groups (t), group);

  return g_list_model_get_item (kh_task_group_get_tasks (g), index);
}

/* The seeds are documents that were issued: the check must not cry wolf. */
static void
test_examples_are_clean (void)
{
  g_autoptr(GPtrArray) files = kh_test_example_files ();

  if (files == NULL)
    return;
  g_assert_cmpuint (files->len, >=, 3);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_autoptr(KhDocument) doc = kh_document_load_file (file, NULL, NULL);
      g_autoptr(GListModel) issues = NULL;

      g_assert_nonnull (doc);
      issues = kh_lint_document (doc);
      for (guint k = 0; k < g_list_model_get_n_items (issues); k++)
        {
          g_autoptr(KhLintIssue) issue = g_list_model_get_item (issues, k);

          g_test_message ("%s: %s: %s", (char *) g_ptr_array_index (files, i),
                          kh_lint_issue_get_location (issue), kh_lint_issue_get_message (issue));
        }
      g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);
    }
}

/* Last year's file with only the year changed: every time frame, summary and
 * Article 1 that still says 2023 is found, by the number printed on paper. */
static void
test_last_years_copy (void)
{
  g_autoptr(KhDocument) doc = load_example ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(KhLintIssue) summary = NULL;
  g_autoptr(KhLintIssue) first = NULL;
  g_autoptr(KhTask) task = NULL;
  guint dated = 0;

  kh_document_set_year (doc, 2024);
  issues = kh_lint_document (doc);

  /* Every task whose time frame has a date in 2023; "Khi có yêu cầu" has none. */
  for (guint t = 0; t < g_list_model_get_n_items (kh_plan_get_tables (kh_document_get_plan (doc))); t++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), t);

      for (guint g = 0; g < g_list_model_get_n_items (kh_task_table_get_groups (table)); g++)
        {
          g_autoptr(KhTaskGroup) group = g_list_model_get_item (kh_task_table_get_groups (table), g);

          for (guint k = 0; k < g_list_model_get_n_items (kh_task_group_get_tasks (group)); k++)
            {
              g_autoptr(KhTask) each = g_list_model_get_item (kh_task_group_get_tasks (group), k);

              if (strstr (kh_task_get_timeframe (each), "2023") != NULL)
                dated++;
            }
        }
    }
  stale = issues_with_code (issues, "timeframe-other-year");
  g_assert_cmpuint (dated, >, 20);
  g_assert_cmpuint (stale->len, ==, dated);

  /* "Tháng 3 đến tháng 7 năm 2023" is task 2 of group III: "Task III.2". */
  task = task_at (doc, 0, 2, 1);
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, "Tháng 3 đến tháng 7 năm 2023");
  for (guint i = 0; i < stale->len; i++)
    {
      KhLintIssue *issue = g_ptr_array_index (stale, i);

      if (kh_lint_issue_get_target (issue) == G_OBJECT (task))
        {
          first = g_object_ref (issue);
          break;
        }
    }
  g_assert_nonnull (first);
  g_assert_cmpstr (kh_lint_issue_get_location (first), ==, "Task III.2");
  g_assert_cmpstr (kh_lint_issue_get_section (first), ==, "tasks");
  g_assert_cmpint (kh_lint_issue_get_severity (first), ==, KH_LINT_WARNING);
  g_assert_nonnull (strstr (kh_lint_issue_get_message (first), "Tháng 3 đến tháng 7 năm 2023"));

  summary = the_issue (issues, "summary-year");
  g_assert_cmpstr (kh_lint_issue_get_section (summary), ==, "general");
  g_assert_nonnull (strstr (kh_lint_issue_get_message (summary), "2023"));
  g_clear_object (&summary);
  summary = the_issue (issues, "plan-summary-year");
  g_clear_object (&summary);
  summary = the_issue (issues, "article-year");
  g_assert_cmpstr (kh_lint_issue_get_location (summary), ==, "Article 1");

  /* A draft keeps blanks in its number and date: not a finding. */
  assert_no_code (issues, "number-blank");
  assert_no_code (issues, "date-blank");
  g_assert_cmpuint (kh_lint_count_severity (issues, KH_LINT_ERROR), ==, 0);
  g_assert_cmpuint (kh_lint_count_severity (issues, KH_LINT_WARNING), ==, g_list_model_get_n_items (issues));
}

/* Rolling the plan over to next year leaves nothing dated last year. */
static void
test_roll_over_is_clean (void)
{
  g_autoptr(GPtrArray) files = kh_test_example_files ();

  if (files == NULL)
    return;
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_autoptr(KhDocument) doc = kh_document_load_file (file, NULL, NULL);
      g_autoptr(KhDocument) next = kh_templates_roll_over (doc);
      g_autoptr(GListModel) issues = kh_lint_document (next);

      for (guint k = 0; k < g_list_model_get_n_items (issues); k++)
        {
          g_autoptr(KhLintIssue) issue = g_list_model_get_item (issues, k);

          g_test_message ("%s: %s", kh_lint_issue_get_location (issue), kh_lint_issue_get_message (issue));
        }
      assert_no_code (issues, "timeframe-other-year");
      assert_no_code (issues, "summary-year");
      assert_no_code (issues, "plan-summary-year");
      assert_no_code (issues, "article-year");
      assert_no_code (issues, "date-year");
    }
}

static void
test_issued_needs_number_and_date (void)
{
  g_autoptr(KhDocument) doc = load_example ("2024-tuyen-truyen-cchc.kehoach");
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(KhLintIssue) number = NULL;
  g_autoptr(KhLintIssue) date = NULL;

  kh_document_set_status (doc, KH_DOCUMENT_STATUS_ISSUED);
  kh_document_set_number (doc, 0);
  kh_document_set_day (doc, 0);
  issues = kh_lint_document (doc);
  number = the_issue (issues, "number-blank");
  date = the_issue (issues, "date-blank");
  g_assert_cmpint (kh_lint_issue_get_severity (number), ==, KH_LINT_ERROR);
  g_assert_true (kh_lint_issue_get_target (number) == G_OBJECT (doc));
  g_assert_cmpuint (kh_lint_count_severity (issues, KH_LINT_ERROR), ==, 2);
  g_clear_object (&issues);

  kh_document_set_number (doc, 15);
  kh_document_set_day (doc, 5);
  kh_document_set_month (doc, 1);
  issues = kh_lint_document (doc);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 0);
}

static void
test_legal_bases (void)
{
  g_autoptr(KhDocument) doc = load_example ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  GListModel *bases = kh_decision_get_bases (kh_document_get_decision (doc));
  g_autoptr(KhLegalBasis) second = g_list_model_get_item (bases, 1);
  g_autoptr(KhCitation) citation = g_list_model_get_item (kh_legal_basis_get_citations (second), 0);
  g_autoptr(KhLegalBasis) copy = NULL;
  g_autoptr(KhLegalBasis) empty = kh_legal_basis_new ();
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(KhLintIssue) bad_date = NULL;
  g_autoptr(KhLintIssue) duplicate = NULL;
  g_autoptr(KhLintIssue) blank = NULL;
  g_autoptr(KhLegalBasis) third = g_list_model_get_item (bases, 2);
  guint n = g_list_model_get_n_items (bases);
  g_autofree char *duplicate_where = NULL;
  g_autofree char *empty_where = NULL;

  /* 30 February: the renderer cannot word it and leaves it out. */
  kh_citation_set_date (citation, "2010-02-30");
  /* The third basis pasted again at the end, and an empty one. */
  copy = kh_legal_basis_copy (third);
  g_list_store_append (G_LIST_STORE (bases), copy);
  g_list_store_append (G_LIST_STORE (bases), empty);

  issues = kh_lint_document (doc);
  bad_date = the_issue (issues, "citation-bad-date");
  g_assert_cmpint (kh_lint_issue_get_severity (bad_date), ==, KH_LINT_ERROR);
  g_assert_cmpstr (kh_lint_issue_get_location (bad_date), ==, "Legal basis 2");
  g_assert_true (kh_lint_issue_get_target (bad_date) == G_OBJECT (second));
  g_assert_cmpstr (kh_lint_issue_get_section (bad_date), ==, "decision");
  g_assert_nonnull (strstr (kh_lint_issue_get_message (bad_date), "30/02/2010"));

  {
    g_autoptr(GPtrArray) found = issues_with_code (issues, "basis-duplicate");

    /* One finding per citation of the copied basis. */
    g_assert_cmpuint (found->len, ==, g_list_model_get_n_items (kh_legal_basis_get_citations (third)));
    duplicate = g_object_ref (g_ptr_array_index (found, 0));
  }
  duplicate_where = g_strdup_printf ("Legal basis %u", n + 1);
  g_assert_cmpstr (kh_lint_issue_get_location (duplicate), ==, duplicate_where);
  g_assert_nonnull (strstr (kh_lint_issue_get_message (duplicate), "legal basis 3"));

  blank = the_issue (issues, "basis-empty");
  empty_where = g_strdup_printf ("Legal basis %u", n + 2);
  g_assert_cmpstr (kh_lint_issue_get_location (blank), ==, empty_where);
  g_clear_object (&issues);
  g_clear_object (&blank);

  /* A citation added and never filled in prints nothing either. */
  {
    g_autoptr(KhCitation) unfilled = kh_citation_new ();

    g_list_store_append (G_LIST_STORE (kh_legal_basis_get_citations (empty)), unfilled);
  }
  issues = kh_lint_document (doc);
  blank = the_issue (issues, "basis-empty");
  g_assert_cmpstr (kh_lint_issue_get_location (blank), ==, empty_where);
}

static void
test_tasks (void)
{
  g_autoptr(KhDocument) doc = load_example ("2024-tuyen-truyen-cchc.kehoach");
  g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
  g_autoptr(KhTask) first = task_at (doc, 0, 0, 0);
  g_autoptr(KhTask) second = task_at (doc, 0, 0, 1);
  g_autoptr(KhTask) third = task_at (doc, 0, 0, 2);
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(KhLintIssue) unread = NULL;
  g_autoptr(KhLintIssue) empty = NULL;
  g_autoptr(KhLintIssue) lead = NULL;
  g_autoptr(KhLintIssue) content = NULL;

  kh_task_set_timeframe (first, "Sau Tết Nguyên đán");
  kh_task_set_timeframe (second, "  ");
  kh_task_set_lead (third, "");
  kh_task_set_content (third, "");
  issues = kh_lint_document (doc);

  unread = the_issue (issues, "timeframe-unread");
  g_assert_true (kh_lint_issue_get_target (unread) == G_OBJECT (first));
  g_assert_nonnull (strstr (kh_lint_issue_get_message (unread), "Sau Tết Nguyên đán"));
  empty = the_issue (issues, "timeframe-empty");
  g_assert_true (kh_lint_issue_get_target (empty) == G_OBJECT (second));
  lead = the_issue (issues, "task-lead-empty");
  content = the_issue (issues, "task-content-empty");
  g_assert_true (kh_lint_issue_get_target (lead) == G_OBJECT (third));
  g_assert_true (kh_lint_issue_get_target (content) == G_OBJECT (third));
  g_assert_cmpstr (kh_lint_issue_get_location (lead), ==, kh_lint_issue_get_location (content));
  g_clear_object (&issues);

  /* Columns the table does not show are not checked. */
  for (guint i = g_list_model_get_n_items (kh_task_table_get_columns (table)); i-- > 0;)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (kh_task_table_get_columns (table), i);

      if (kh_column_get_field (column) == KH_COLUMN_TIMEFRAME || kh_column_get_field (column) == KH_COLUMN_LEAD)
        g_list_store_remove (G_LIST_STORE (kh_task_table_get_columns (table)), i);
    }
  issues = kh_lint_document (doc);
  assert_no_code (issues, "timeframe-unread");
  assert_no_code (issues, "timeframe-empty");
  assert_no_code (issues, "task-lead-empty");
  g_clear_object (&content);
  content = the_issue (issues, "task-content-empty");
}

/* A deadline copied from a plan signed earlier in the year. */
static void
test_deadline_before_date (void)
{
  g_autoptr(KhDocument) doc = load_example ("2023-kiem-soat-tthc-ha-tinh.kehoach");
  g_autoptr(KhTask) task = task_at (doc, 0, 0, 0);
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(KhLintIssue) issue = NULL;

  /* Dated "tháng 3 năm 2023", day blank; "Trước ngày 30/3 năm 2023" is still ahead. */
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, "Trước ngày 30/3 năm 2023");
  issues = kh_lint_document (doc);
  assert_no_code (issues, "timeframe-before-date");
  g_clear_object (&issues);

  /* Signed on 15 May instead: that deadline and "Tháng 3 năm 2023" are past. */
  kh_document_set_day (doc, 15);
  kh_document_set_month (doc, 5);
  issues = kh_lint_document (doc);
  {
    g_autoptr(GPtrArray) found = issues_with_code (issues, "timeframe-before-date");

    g_assert_cmpuint (found->len, >=, 2);
    issue = g_object_ref (g_ptr_array_index (found, 0));
  }
  g_assert_true (kh_lint_issue_get_target (issue) == G_OBJECT (task));
  g_assert_cmpstr (kh_lint_issue_get_location (issue), ==, "Task I.1");
  g_assert_nonnull (strstr (kh_lint_issue_get_message (issue), "30/03/2023"));
  g_assert_nonnull (strstr (kh_lint_issue_get_message (issue), "15/05/2023"));
  /* "Thường xuyên trong năm 2023" runs to December: not past. */
  {
    g_autoptr(KhTask) continuous = task_at (doc, 0, 0, 1);
    g_autoptr(GPtrArray) found = issues_with_code (issues, "timeframe-before-date");

    for (guint i = 0; i < found->len; i++)
      g_assert_true (kh_lint_issue_get_target (g_ptr_array_index (found, i)) != G_OBJECT (continuous));
  }
}

/* Locations follow the printed numbering: Roman groups only for titled
 * groups, tasks from 1 in each group, "Table N" once there are several. */
static void
test_locations (void)
{
  g_autoptr(KhDocument) doc = load_example ("2024-tuyen-truyen-cchc.kehoach");
  KhPlan *plan = kh_document_get_plan (doc);
  g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (plan), 0);
  g_autoptr(KhTaskTable) second_table = kh_task_table_new_default ();
  g_autoptr(KhTaskGroup) titled = kh_task_group_new ("Nhiệm vụ bổ sung");
  g_autoptr(KhTaskGroup) untitled = kh_task_group_new ("");
  g_autoptr(KhTask) task = kh_task_new ();
  g_autoptr(KhTask) other = kh_task_new ();
  g_autoptr(KhNode) part = kh_node_new (KH_NODE_KIND_PART, "", "");
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(KhLintIssue) issue = NULL;
  guint n_parts = 0;
  g_autofree char *roman = NULL;
  g_autofree char *where = NULL;

  kh_task_set_content (task, "Tổng kết");
  kh_task_set_lead (task, "Văn phòng Sở");
  kh_task_set_timeframe (task, "Trước ngày 40/13/2024");
  kh_task_set_content (other, "Báo cáo");
  kh_task_set_lead (other, "Văn phòng Sở");
  kh_task_set_timeframe (other, "Quý IV năm 2025");
  g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (untitled)), task);
  /* Instead of the new table's one untitled group: a titled one, then an untitled one. */
  g_list_store_remove_all (G_LIST_STORE (kh_task_table_get_groups (second_table)));
  g_list_store_append (G_LIST_STORE (kh_task_table_get_groups (second_table)), titled);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_groups (second_table)), untitled);
  g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (titled)), other);
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), second_table);
  for (guint i = 0; i < g_list_model_get_n_items (kh_plan_get_narrative (plan)); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (kh_plan_get_narrative (plan), i);

      n_parts += kh_node_get_kind (node) == KH_NODE_KIND_PART;
    }
  g_assert_cmpuint (n_parts, >=, 2);
  g_list_store_append (G_LIST_STORE (kh_plan_get_narrative (plan)), part);

  issues = kh_lint_document (doc);
  issue = the_issue (issues, "timeframe-other-year");
  g_assert_cmpstr (kh_lint_issue_get_location (issue), ==, "Table 2, task I.1");
  g_assert_nonnull (strstr (kh_lint_issue_get_message (issue), "2025"));
  g_clear_object (&issue);
  issue = the_issue (issues, "group-untitled");
  g_assert_cmpstr (kh_lint_issue_get_location (issue), ==, "Table 2, group 2");
  g_clear_object (&issue);
  issue = the_issue (issues, "timeframe-unread");
  g_assert_cmpstr (kh_lint_issue_get_location (issue), ==, "Table 2, task 1");
  g_clear_object (&issue);

  /* An empty part added after the others prints as a bare numeral. */
  issue = the_issue (issues, "narrative-empty-item");
  roman = kh_vn_roman ((int) n_parts + 1);
  where = g_strdup_printf ("Plan %s.", roman);
  g_assert_cmpstr (kh_lint_issue_get_location (issue), ==, where);
  g_assert_true (kh_lint_issue_get_target (issue) == G_OBJECT (part));
  g_assert_cmpstr (kh_lint_issue_get_section (issue), ==, "plan");
  (void) table;
}

static void
test_signer_and_recipients (void)
{
  g_autoptr(KhDocument) doc = load_example ("2024-tuyen-truyen-cchc.kehoach");
  KhSigner *signer = kh_document_get_signer (doc);
  GListModel *recipients = kh_document_get_recipients (doc);
  g_autoptr(KhRecipient) first = g_list_model_get_item (recipients, 0);
  g_autoptr(KhRecipient) again = kh_recipient_new (kh_recipient_get_text (first));
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(KhLintIssue) issue = NULL;

  kh_signer_set_prefix (signer, "KT.");
  kh_signer_set_authority (signer, "");
  kh_signer_set_name (signer, " ");
  g_list_store_append (G_LIST_STORE (recipients), again);
  issues = kh_lint_document (doc);
  issue = the_issue (issues, "signer-authority-missing");
  g_assert_nonnull (strstr (kh_lint_issue_get_message (issue), "KT."));
  g_assert_true (kh_lint_issue_get_target (issue) == G_OBJECT (signer));
  g_clear_object (&issue);
  issue = the_issue (issues, "signer-name-missing");
  g_clear_object (&issue);
  issue = the_issue (issues, "recipient-duplicate");
  g_assert_cmpint (kh_lint_issue_get_severity (issue), ==, KH_LINT_NOTE);
  g_clear_object (&issue);
  assert_no_code (issues, "recipients-empty");
  g_clear_object (&issues);

  g_list_store_remove_all (G_LIST_STORE (recipients));
  issues = kh_lint_document (doc);
  issue = the_issue (issues, "recipients-empty");
}

/* A new, empty plan: the blanks a user has yet to fill are named, nothing crashes. */
static void
test_new_documents (void)
{
  static const KhDocumentDefaults none = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 12, 2, 9, 0, 0);
  g_autoptr(KhDocument) plan = kh_templates_new_plan (&none, now);
  g_autoptr(KhDocument) decision = kh_templates_new_decision_with_plan (&none, now);
  g_autoptr(KhDocument) bare = kh_document_new (KH_DOCUMENT_KIND_DECISION);
  g_autoptr(GListModel) issues = kh_lint_document (plan);
  g_autoptr(GListModel) decision_issues = kh_lint_document (decision);
  g_autoptr(GListModel) bare_issues = kh_lint_document (bare);
  g_autoptr(KhLintIssue) agency = the_issue (issues, "agency-missing");
  g_autoptr(KhLintIssue) table = the_issue (issues, "table-empty");
  g_autoptr(KhLintIssue) articles = NULL;
  g_autoptr(KhDecision) empty_decision = kh_decision_new ();

  g_assert_cmpstr (kh_lint_issue_get_location (table), ==, "Task table");
  assert_no_code (issues, "summary-year");
  assert_no_code (decision_issues, "article-year");
  assert_no_code (decision_issues, "articles-empty");
  assert_no_code (bare_issues, "articles-empty");
  g_clear_object (&bare_issues);
  kh_document_set_decision (bare, empty_decision);
  bare_issues = kh_lint_document (bare);
  articles = the_issue (bare_issues, "articles-empty");
  g_assert_cmpuint (kh_lint_count_severity (bare_issues, KH_LINT_ERROR), >=, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lint/examples-are-clean", test_examples_are_clean);
  g_test_add_func ("/lint/last-years-copy", test_last_years_copy);
  g_test_add_func ("/lint/roll-over-is-clean", test_roll_over_is_clean);
  g_test_add_func ("/lint/issued-needs-number-and-date", test_issued_needs_number_and_date);
  g_test_add_func ("/lint/legal-bases", test_legal_bases);
  g_test_add_func ("/lint/tasks", test_tasks);
  g_test_add_func ("/lint/deadline-before-date", test_deadline_before_date);
  g_test_add_func ("/lint/locations", test_locations);
  g_test_add_func ("/lint/signer-and-recipients", test_signer_and_recipients);
  g_test_add_func ("/lint/new-documents", test_new_documents);

  return g_test_run ();
}
