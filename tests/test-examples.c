/* test-examples.c — the three seed documents, as a new user's database holds
 * them: every part entered, page-broken rows joined, texts as written. */
#include <glib/gstdio.h>

#include "kh-core.h"
#include "kh-document-info.h"
#include "kh-store.h"

static char *tmpdir;
static KhStore *store;

/* The n-th item of a list, borrowed (the list keeps it alive). */
static gpointer
nth (GListModel *list, guint n)
{
  gpointer item;

  g_assert_cmpuint (n, <, g_list_model_get_n_items (list));
  item = g_list_model_get_item (list, n);
  g_object_unref (item);
  return item;
}

static KhDocument *
load_by_title (const char *title_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) docs = kh_store_list_documents (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      KhDocumentInfo *info = nth (docs, i);

      if (g_str_has_prefix (kh_document_info_get_title (info), title_start))
        {
          KhDocument *doc = kh_store_load_document (store, kh_document_info_get_id (info), &error);
          g_assert_no_error (error);
          return doc;
        }
    }
  g_assert_not_reached ();
}

static KhTaskTable *
first_table (KhDocument *doc)
{
  return nth (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
}

static KhTask *
task_at (KhTaskTable *table, guint group, guint task)
{
  return nth (kh_task_group_get_tasks (nth (kh_task_table_get_groups (table), group)), task);
}

static guint
count_citations (KhDecision *decision, GHashTable *distinct)
{
  GListModel *bases = kh_decision_get_bases (decision);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
    {
      GListModel *citations = kh_legal_basis_get_citations (nth (bases, i));

      for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
        {
          KhCitation *c = nth (citations, j);
          g_hash_table_add (distinct, g_strdup (kh_citation_get_number (c)));
          n++;
        }
    }
  return n;
}

static void
test_library (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (kh_store_count_documents (store, &error), ==, 3);
  g_assert_no_error (error);
}

/* 000: Hưng Yên, decision issuing the 2024 communication plan. */
static void
test_hung_yen_decision (void)
{
  g_autoptr(KhDocument) doc = load_by_title ("Ban hành Kế hoạch truyền thông");
  KhDecision *decision = kh_document_get_decision (doc);
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  KhLegalBasis *first;
  KhTaskTable *table;

  g_assert_cmpint (kh_document_get_kind (doc), ==, KH_DOCUMENT_KIND_DECISION);
  g_assert_cmpint (kh_document_get_year (doc), ==, 2024);
  g_assert_cmpint (kh_document_get_number (doc), ==, 0);      /* a draft: number blank */
  g_assert_cmpint (kh_document_get_day (doc), ==, 0);
  g_assert_cmpint (kh_document_get_month (doc), ==, 1);
  g_assert_cmpstr (kh_document_get_place (doc), ==, "Hưng Yên");
  g_assert_cmpstr (kh_decision_get_authority (decision), ==, "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ HƯNG YÊN");

  /* Three bases; the first groups six decrees of the Government. */
  g_assert_cmpuint (g_list_model_get_n_items (kh_decision_get_bases (decision)), ==, 3);
  first = nth (kh_decision_get_bases (decision), 0);
  g_assert_cmpstr (kh_legal_basis_get_group (first), ==, "các Nghị định của Chính phủ");
  g_assert_cmpuint (g_list_model_get_n_items (kh_legal_basis_get_citations (first)), ==, 6);
  g_assert_cmpuint (count_citations (decision, distinct), ==, 8);
  g_assert_cmpstr (kh_citation_get_date (nth (kh_legal_basis_get_citations (first), 1)), ==, "2010-06-08");

  g_assert_cmpuint (g_list_model_get_n_items (kh_decision_get_articles (decision)), ==, 3);
  g_assert_cmpstr (kh_signer_get_name (kh_document_get_signer (doc)), ==, "Trần Tùng Chuẩn");
  g_assert_cmpstr (kh_signer_get_title (kh_document_get_signer (doc)), ==, "GIÁM ĐỐC");
  g_assert_cmpuint (g_list_model_get_n_items (kh_document_get_recipients (doc)), ==, 4);
  g_assert_cmpstr (kh_document_get_archive (doc), ==, "VT, VP");
  g_assert_cmpstr (kh_document_get_archive_initials (doc), ==, "XT");

  /* One untitled group of seven tasks; task 3 was split by a page break. */
  table = first_table (doc);
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_groups (table)), ==, 1);
  g_assert_cmpuint (kh_task_table_get_n_tasks (table), ==, 7);
  g_assert_true (g_str_has_suffix (kh_task_get_content (task_at (table, 0, 2)),
                                   "phù hợp với tình hình thực tiễn của cơ quan"));
  g_assert_cmpstr (kh_task_get_lead (task_at (table, 0, 2)), ==, "Trung tâm Thông tin, thống kê và ứng dụng KH&CN");
  g_assert_cmpstr (kh_task_get_timeframe (task_at (table, 0, 6)), ==, "Khi có hướng dẫn");
  g_assert_cmpstr (kh_column_get_header (nth (kh_task_table_get_columns (table), 0)), ==, "Stt");
}

/* 002: Hà Tĩnh, decision issuing the 2023 plan with groups I–IX. */
static void
test_ha_tinh_decision (void)
{
  g_autoptr(KhDocument) doc = load_by_title ("Ban hành Kế hoạch kiểm soát thủ tục hành chính");
  KhDecision *decision = kh_document_get_decision (doc);
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const guint group_sizes[] = { 3, 3, 4, 7, 3, 2, 2, 12, 3 };
  KhArticle *article2;
  KhTaskTable *table;
  GListModel *groups;

  g_assert_cmpint (kh_document_get_year (doc), ==, 2023);
  g_assert_cmpstr (kh_document_get_place (doc), ==, "Hà Tĩnh");

  /* 9 "Căn cứ" paragraphs citing 14 distinct documents. */
  g_assert_cmpuint (g_list_model_get_n_items (kh_decision_get_bases (decision)), ==, 9);
  g_assert_cmpuint (count_citations (decision, distinct), ==, 14);
  g_assert_cmpuint (g_hash_table_size (distinct), ==, 14);
  g_assert_true (g_hash_table_contains (distinct, "468/QĐ-TTg"));
  g_assert_true (g_hash_table_contains (distinct, "2629/QĐ-UBND"));
  g_assert_cmpstr (kh_decision_get_proposal (decision), ==, "Theo đề nghị của Chánh Văn phòng sở");

  /* Điều 2 "Tổ chức thực hiện" has two numbered clauses. */
  g_assert_cmpuint (g_list_model_get_n_items (kh_decision_get_articles (decision)), ==, 3);
  article2 = nth (kh_decision_get_articles (decision), 1);
  g_assert_cmpstr (kh_article_get_title (article2), ==, "Tổ chức thực hiện");
  g_assert_cmpuint (g_list_model_get_n_items (kh_article_get_body (article2)), ==, 2);
  g_assert_cmpint (kh_node_get_kind (nth (kh_article_get_body (article2), 0)), ==, KH_NODE_KIND_SECTION);

  /* The plan: 9 groups I–IX holding 39 tasks. */
  table = first_table (doc);
  groups = kh_task_table_get_groups (table);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, G_N_ELEMENTS (group_sizes));
  for (guint i = 0; i < G_N_ELEMENTS (group_sizes); i++)
    g_assert_cmpuint (g_list_model_get_n_items (kh_task_group_get_tasks (nth (groups, i))), ==, group_sizes[i]);
  g_assert_cmpuint (kh_task_table_get_n_tasks (table), ==, 39);
  g_assert_cmpstr (kh_task_group_get_title (nth (groups, 1)), ==, "Đánh giá tác động TTHC");
  g_assert_cmpstr (kh_task_group_get_title (nth (groups, 8)), ==, "Chế độ thông tin, báo cáo");
  /* The seed's column order: TT | content | lead | cooperating | product | time. */
  g_assert_cmpint (kh_column_get_field (nth (kh_task_table_get_columns (table), 4)), ==, KH_COLUMN_PRODUCT);
  /* Rows joined across page breaks, the doubled phrase kept as written. */
  g_assert_true (g_str_has_prefix (kh_task_get_timeframe (task_at (table, 3, 1)),
                                   "Trước ngày 10/4/2023 theo Kế hoạch Rà soát"));
  g_assert_cmpstr (kh_task_get_timeframe (task_at (table, 3, 0)), ==,
                   "Thường xuyên trong năm 2023  Thường xuyên trong năm 2023");
  g_assert_cmpstr (kh_task_get_timeframe (task_at (table, 4, 1)), ==, "Quý III,IV");

  g_assert_cmpstr (kh_signer_get_prefix (kh_document_get_signer (doc)), ==, "KT.");
  g_assert_cmpstr (kh_signer_get_title (kh_document_get_signer (doc)), ==, "PHÓ GIÁM ĐỐC");
  g_assert_cmpstr (kh_signer_get_name (kh_document_get_signer (doc)), ==, "Phan Trọng Bình");
  g_assert_cmpstr (kh_document_get_archive (doc), ==, "VT, TCCB");
}

/* 003: Hưng Yên, a plan issued alone with its task table as an appendix. */
static void
test_hung_yen_plan (void)
{
  g_autoptr(KhDocument) doc = load_by_title ("Tuyên truyền cải cách hành chính năm 2024");
  KhPlan *plan = kh_document_get_plan (doc);
  GListModel *narrative = kh_plan_get_narrative (plan);
  KhNode *part2, *contents;
  KhTaskTable *table;

  g_assert_cmpint (kh_document_get_kind (doc), ==, KH_DOCUMENT_KIND_PLAN);
  g_assert_null (kh_document_get_decision (doc));
  g_assert_cmpstr (kh_document_get_place (doc), ==, "Hưng Yên");

  /* Two "Căn cứ" paragraphs and the lead-in, three parts, the closing line. */
  g_assert_cmpuint (g_list_model_get_n_items (narrative), ==, 7);
  g_assert_true (g_str_has_prefix (kh_node_get_text (nth (narrative, 0)), "Căn cứ Kế hoạch số 184/KH-UBND"));
  g_assert_cmpstr (kh_node_get_title (nth (narrative, 3)), ==, "MỤC TIÊU, YÊU CẦU");
  part2 = nth (narrative, 4);
  g_assert_cmpstr (kh_node_get_title (part2), ==, "ĐỐI TƯỢNG, NỘI DUNG TUYÊN TRUYỀN");
  /* Section 2 "Nội dung tuyên truyền": a lead-in and points a, b, c, d, đ, e, g. */
  contents = nth (kh_node_get_children (part2), 1);
  g_assert_cmpstr (kh_node_get_title (contents), ==, "Nội dung tuyên truyền");
  {
    guint points = 0;

    for (guint i = 0; i < g_list_model_get_n_items (kh_node_get_children (contents)); i++)
      if (kh_node_get_kind (nth (kh_node_get_children (contents), i)) == KH_NODE_KIND_POINT)
        points++;
    g_assert_cmpuint (points, ==, 7);
  }
  g_assert_true (g_str_has_prefix (kh_node_get_text (nth (narrative, 6)), "Trong quá trình triển khai"));

  table = first_table (doc);
  g_assert_true (kh_task_table_get_appendix (table));
  g_assert_cmpstr (kh_task_table_get_title (table), ==, "CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024");
  g_assert_cmpuint (kh_task_table_get_n_tasks (table), ==, 7);
  /* Task 5's time frame was split by a page break ("… công" / "bộ của …"). */
  g_assert_cmpstr (kh_task_get_timeframe (task_at (table, 0, 4)), ==,
                   "Ngay sau khi có quyết định công bộ của UBND tỉnh");
  g_assert_cmpuint (g_list_model_get_n_items (kh_document_get_recipients (doc)), ==, 6);
  g_assert_cmpstr (kh_signer_get_name (kh_document_get_signer (doc)), ==, "Nguyễn Xuân Hải");
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *examples = NULL;
  g_autofree char *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* What a new user's database holds. */
  tmpdir = g_dir_make_tmp ("kh-examples-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "kehoach.db", NULL);
  examples = g_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples", NULL);
  store = kh_store_open_with_examples (db, examples, &error);
  g_assert_no_error (error);

  g_test_add_func ("/examples/library", test_library);
  g_test_add_func ("/examples/hung-yen-decision-2024", test_hung_yen_decision);
  g_test_add_func ("/examples/ha-tinh-decision-2023", test_ha_tinh_decision);
  g_test_add_func ("/examples/hung-yen-plan-2024", test_hung_yen_plan);
  status = g_test_run ();

  g_clear_object (&store);
  for (const char *const *s = (const char *const[]) { "", "-wal", "-shm", NULL }; *s; s++)
    {
      g_autofree char *p = g_strconcat (db, *s, NULL);
      g_remove (p);
    }
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
