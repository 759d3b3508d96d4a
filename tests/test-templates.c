/* test-templates.c — new documents start with the usual parts and the defaults */
#include "kh-core.h"
#include "kh-document-io.h"
#include "kh-templates.h"

static const char *recipients[] = { "Như Điều 3", "Giám đốc, các PGĐ Sở", NULL };
static const KhDocumentDefaults defaults = {
  .parent_agency = "UBND TỈNH HƯNG YÊN",
  .agency = "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
  .agency_abbrev = "SKHCN",
  .place = "Hưng Yên",
  .signer_prefix = "KT.",
  .signer_authority = "GIÁM ĐỐC",
  .signer_title = "PHÓ GIÁM ĐỐC",
  .signer_name = "Nguyễn Văn A",
  .recipients = recipients,
};

static void
test_plan_year (void)
{
  struct { int month; int expected; } cases[] = {
    { 1, 2025 }, { 6, 2025 }, { 9, 2025 }, { 10, 2026 }, { 12, 2026 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_utc (2025, cases[i].month, 15, 9, 0, 0);
      g_assert_cmpint (kh_templates_plan_year (now), ==, cases[i].expected);
    }
}

static void
test_new_plan (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 12, 2, 9, 0, 0);
  g_autoptr(KhDocument) doc = kh_templates_new_plan (&defaults, now);
  KhPlan *plan = kh_document_get_plan (doc);
  g_autoptr(KhTaskTable) table = NULL;
  g_autoptr(KhNode) first = NULL;
  g_autoptr(KhDocument) reread = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpint (kh_document_get_kind (doc), ==, KH_DOCUMENT_KIND_PLAN);
  g_assert_cmpint (kh_document_get_status (doc), ==, KH_DOCUMENT_STATUS_DRAFT);
  g_assert_cmpint (kh_document_get_number (doc), ==, 0);
  g_assert_cmpint (kh_document_get_day (doc), ==, 0);
  g_assert_cmpint (kh_document_get_month (doc), ==, 12);
  g_assert_cmpint (kh_document_get_date_year (doc), ==, 2025);
  g_assert_cmpint (kh_document_get_year (doc), ==, 2026);
  g_assert_cmpstr (kh_document_get_summary (doc), ==, "Kế hoạch năm 2026");
  g_assert_cmpstr (kh_document_get_agency (doc), ==, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  g_assert_cmpstr (kh_signer_get_name (kh_document_get_signer (doc)), ==, "Nguyễn Văn A");
  g_assert_cmpuint (g_list_model_get_n_items (kh_document_get_recipients (doc)), ==, 2);
  g_assert_null (kh_document_get_decision (doc));

  /* The usual three parts, and one task table with the examples' columns. */
  g_assert_cmpuint (g_list_model_get_n_items (kh_plan_get_narrative (plan)), ==, 3);
  first = g_list_model_get_item (kh_plan_get_narrative (plan), 0);
  g_assert_cmpstr (kh_node_get_title (first), ==, "MỤC ĐÍCH, YÊU CẦU");
  g_assert_cmpuint (g_list_model_get_n_items (kh_plan_get_tables (plan)), ==, 1);
  table = g_list_model_get_item (kh_plan_get_tables (plan), 0);
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_columns (table)), ==, 6);

  /* A new document is a valid file. */
  json = kh_document_serialize (doc);
  reread = kh_document_deserialize (json, -1, NULL);
  g_assert_nonnull (reread);
  g_assert_true (kh_document_equal (doc, reread));
}

static void
test_new_decision (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 1, 5, 9, 0, 0);
  g_autoptr(KhDocument) doc = kh_templates_new_decision_with_plan (&defaults, now);
  KhDecision *decision = kh_document_get_decision (doc);
  g_autoptr(KhArticle) article = NULL;
  g_autoptr(KhNode) body = NULL;

  g_assert_cmpint (kh_document_get_kind (doc), ==, KH_DOCUMENT_KIND_DECISION);
  g_assert_nonnull (decision);
  g_assert_nonnull (kh_document_get_plan (doc));
  g_assert_cmpint (kh_document_get_year (doc), ==, 2024);
  g_assert_cmpstr (kh_decision_get_authority (decision), ==, "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  g_assert_cmpuint (g_list_model_get_n_items (kh_decision_get_articles (decision)), ==, 3);
  article = g_list_model_get_item (kh_decision_get_articles (decision), 0);
  body = g_list_model_get_item (kh_article_get_body (article), 0);
  g_assert_cmpstr (kh_node_get_text (body), ==, "Ban hành kèm theo Quyết định này Kế hoạch năm 2024.");
}

static void
test_roll_over_text (void)
{
  struct { const char *text; gboolean dates; const char *expected; } cases[] = {
    { "Kế hoạch kiểm soát thủ tục hành chính năm 2023", FALSE, "Kế hoạch kiểm soát thủ tục hành chính năm 2024" },
    { "Thường xuyên trong năm 2023", TRUE, "Thường xuyên trong năm 2024" },
    { "Thường xuyên trong năm 2023  Thường xuyên trong năm 2023", TRUE, "Thường xuyên trong năm 2024  Thường xuyên trong năm 2024" },
    { "Năm 2023", TRUE, "Năm 2024" },
    { "NĂM 2023", TRUE, "NĂM 2024" },
    { "trong nam 2023", TRUE, "trong nam 2024" },
    { "Trước ngày 30/3 năm 2023", TRUE, "Trước ngày 30/3 năm 2024" },
    { "Trước ngày 10/4/2023 theo Kế hoạch", TRUE, "Trước ngày 10/4/2024 theo Kế hoạch" },
    /* Dates outside time frames, document numbers and other years stay. */
    { "báo cáo trước ngày 15/3/2023", FALSE, "báo cáo trước ngày 15/3/2023" },
    { "Quyết định số 01/2023/QĐ-UBND ngày 11/01/2023", FALSE, "Quyết định số 01/2023/QĐ-UBND ngày 11/01/2023" },
    { "Theo Quyết định số 01/2023/QĐ-UBND", TRUE, "Theo Quyết định số 01/2023/QĐ-UBND" },
    { "giai đoạn 2021-2025, tầm nhìn đến năm 2030", FALSE, "giai đoạn 2021-2025, tầm nhìn đến năm 2030" },
    { "năm 20230", FALSE, "năm 20230" },
    { "Quý III,IV", TRUE, "Quý III,IV" },
    { "", TRUE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = kh_templates_roll_over_text (cases[i].text, 2023, cases[i].dates);
      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

/* Last year's Hà Tĩnh plan becomes this year's draft. */
static void
test_roll_over_example (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples",
                                                      "2023-kiem-soat-tthc-ha-tinh.kehoach", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) old = kh_document_load_file (file, NULL, &error);
  g_autoptr(KhDocument) next = NULL;
  g_autoptr(KhTaskTable) table = NULL;
  g_autoptr(KhTaskGroup) group1 = NULL;
  g_autoptr(KhTaskGroup) group4 = NULL;
  g_autoptr(KhTask) task = NULL;
  g_autoptr(KhTask) task42 = NULL;
  g_autoptr(KhLegalBasis) basis = NULL;
  g_autoptr(KhLegalBasis) old_basis = NULL;

  g_assert_no_error (error);
  kh_document_set_number (old, 12);
  next = kh_templates_roll_over (old);

  g_assert_cmpint (kh_document_get_year (next), ==, 2024);
  g_assert_cmpint (kh_document_get_date_year (next), ==, 2024);
  g_assert_cmpint (kh_document_get_number (next), ==, 0);
  g_assert_cmpint (kh_document_get_status (next), ==, KH_DOCUMENT_STATUS_DRAFT);
  g_assert_nonnull (strstr (kh_document_get_summary (next), "năm 2024"));
  g_assert_null (strstr (kh_document_get_summary (next), "2023"));
  g_assert_nonnull (strstr (kh_plan_get_summary (kh_document_get_plan (next)), "năm 2024"));

  table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (next)), 0);
  group1 = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  task = g_list_model_get_item (kh_task_group_get_tasks (group1), 0);
  g_assert_cmpstr (kh_task_get_timeframe (task), ==, "Trước ngày 30/3 năm 2024");
  group4 = g_list_model_get_item (kh_task_table_get_groups (table), 3);
  task42 = g_list_model_get_item (kh_task_group_get_tasks (group4), 1);
  g_assert_true (g_str_has_prefix (kh_task_get_timeframe (task42), "Trước ngày 10/4/2024 theo Kế hoạch"));

  /* The legal bases cite what they cite. */
  basis = g_list_model_get_item (kh_decision_get_bases (kh_document_get_decision (next)), 7);
  old_basis = g_list_model_get_item (kh_decision_get_bases (kh_document_get_decision (old)), 7);
  g_assert_true (kh_model_object_equal (KH_MODEL_OBJECT (basis), KH_MODEL_OBJECT (old_basis)));

  /* The original is untouched. */
  g_assert_cmpint (kh_document_get_year (old), ==, 2023);
  g_assert_cmpint (kh_document_get_number (old), ==, 12);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/templates/plan-year", test_plan_year);
  g_test_add_func ("/templates/new-plan", test_new_plan);
  g_test_add_func ("/templates/new-decision", test_new_decision);
  g_test_add_func ("/templates/roll-over-text", test_roll_over_text);
  g_test_add_func ("/templates/roll-over-example", test_roll_over_example);
  return g_test_run ();
}
