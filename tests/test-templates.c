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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/templates/plan-year", test_plan_year);
  g_test_add_func ("/templates/new-plan", test_new_plan);
  g_test_add_func ("/templates/new-decision", test_new_decision);
  return g_test_run ();
}
