/* kh-test-document.h — a document that fills every field of the model,
 * shared by the model and file-format tests. Header-only: each test is a
 * single source file. */
#pragma once

#include "kh-core.h"

static inline KhNode *
test_node_append (GListModel *list,
                  KhNodeKind  kind,
                  const char *title,
                  const char *text)
{
  g_autoptr(KhNode) node = kh_node_new (kind, title, text);

  g_list_store_append (G_LIST_STORE (list), node);
  return node;  /* owned by the list */
}

static inline KhTask *
test_task_append (KhTaskGroup *group,
                  const char  *content,
                  const char  *lead,
                  const char  *timeframe)
{
  g_autoptr(KhTask) task = kh_task_new ();

  kh_task_set_content (task, content);
  kh_task_set_lead (task, lead);
  kh_task_set_timeframe (task, timeframe);
  g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (group)), task);
  return task;  /* owned by the group */
}

/* A decision with its plan: two legal bases (one grouped, one with its
 * own wording), articles with clauses and points, a narrative three levels
 * deep, two tables (the second a landscape appendix with custom columns),
 * and tasks using every field, one with a user-set schedule. */
static inline KhDocument *
test_document_new_rich (void)
{
  KhDocument *doc = kh_document_new (KH_DOCUMENT_KIND_DECISION);
  KhSigner *signer = kh_document_get_signer (doc);
  g_autoptr(KhDecision) decision = kh_decision_new ();
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(KhLegalBasis) basis1 = kh_legal_basis_new ();
  g_autoptr(KhLegalBasis) basis2 = kh_legal_basis_new ();
  g_autoptr(KhCitation) cit1 = kh_citation_new ();
  g_autoptr(KhCitation) cit2 = kh_citation_new ();
  g_autoptr(KhArticle) art1 = kh_article_new ();
  g_autoptr(KhArticle) art2 = kh_article_new ();
  g_autoptr(KhTaskTable) table1 = kh_task_table_new_default ();
  g_autoptr(KhTaskTable) table2 = kh_task_table_new ();
  g_autoptr(KhColumn) col1 = kh_column_new (KH_COLUMN_NUMBER, "TT");
  g_autoptr(KhColumn) col2 = kh_column_new (KH_COLUMN_CONTENT, "Nội dung công việc");
  g_autoptr(KhColumn) col3 = kh_column_new (KH_COLUMN_STATUS, "Tình trạng");
  g_autoptr(KhColumn) col4 = kh_column_new (KH_COLUMN_PROGRESS, "Tiến độ (%)");
  g_autoptr(KhColumn) col5 = kh_column_new (KH_COLUMN_NOTES, "Ghi chú");
  g_autoptr(KhTaskGroup) group2 = kh_task_group_new ("Rà soát, đơn giản hóa TTHC");
  g_autoptr(KhTaskGroup) group3 = kh_task_group_new ("");
  g_autoptr(JsonNode) schedule = json_from_string ("{\"parts\": [{\"kind\": \"span\", "
                                                   "\"start\": \"2024-03-01\", \"end\": \"2024-06-30\"}], "
                                                   "\"note\": \"theo \\\"Kế hoạch\\\"\", \"weight\": 0.5}",
                                                   NULL);
  KhTaskGroup *group1;
  KhNode *part, *section;
  KhTask *task;

  kh_document_set_id (doc, 42);
  kh_document_set_status (doc, KH_DOCUMENT_STATUS_ISSUED);
  kh_document_set_parent_agency (doc, "UBND TỈNH HƯNG YÊN");
  kh_document_set_agency (doc, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  kh_document_set_agency_abbrev (doc, "SKHCN");
  kh_document_set_number (doc, 127);
  kh_document_set_place (doc, "Hưng Yên");
  kh_document_set_day (doc, 5);
  kh_document_set_month (doc, 1);
  kh_document_set_date_year (doc, 2024);
  kh_document_set_year (doc, 2024);
  kh_document_set_summary (doc, "  Ban hành Kế hoạch truyền thông về kiểm soát TTHC năm 2024 ");
  kh_signer_set_prefix (signer, "KT.");
  kh_signer_set_authority (signer, "GIÁM ĐỐC");
  kh_signer_set_title (signer, "PHÓ GIÁM ĐỐC");
  kh_signer_set_name (signer, "Phan Trọng Bình");
  kh_document_add_recipient (doc, "Như Điều 3");
  kh_document_add_recipient (doc, "UBND tỉnh (để b/cáo)");
  kh_document_set_archive (doc, "VT, VP");
  kh_document_set_archive_initials (doc, "XT");

  kh_decision_set_authority (decision, "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  kh_decision_set_proposal (decision, "Theo đề nghị của Chánh Văn phòng Sở");
  kh_legal_basis_set_group (basis1, "các Nghị định của Chính phủ");
  kh_citation_set_kind (cit1, "Nghị định");
  kh_citation_set_number (cit1, "63/2010/NĐ-CP");
  kh_citation_set_date (cit1, "2010-06-08");
  kh_citation_set_issuer (cit1, "Chính phủ");
  kh_citation_set_subject (cit1, "về kiểm soát thủ tục hành chính");
  kh_citation_set_kind (cit2, "Nghị định");
  kh_citation_set_number (cit2, "92/2017/NĐ-CP");
  kh_citation_set_date (cit2, "2017-08-07");
  g_list_store_append (G_LIST_STORE (kh_legal_basis_get_citations (basis1)), cit1);
  g_list_store_append (G_LIST_STORE (kh_legal_basis_get_citations (basis1)), cit2);
  kh_legal_basis_set_text (basis2, "Quyết định số 12/QĐ-UBND ngày 15/01/2024 của UBND tỉnh");
  g_list_store_append (G_LIST_STORE (kh_decision_get_bases (decision)), basis1);
  g_list_store_append (G_LIST_STORE (kh_decision_get_bases (decision)), basis2);
  test_node_append (kh_article_get_body (art1), KH_NODE_KIND_PARAGRAPH, "",
                    "Ban hành kèm theo Quyết định này Kế hoạch truyền thông.");
  kh_article_set_title (art2, "Tổ chức thực hiện");
  section = test_node_append (kh_article_get_body (art2), KH_NODE_KIND_SECTION, "",
                              "Văn phòng Sở có trách nhiệm:");
  test_node_append (kh_node_get_children (section), KH_NODE_KIND_POINT, "", "Theo dõi, đôn đốc;");
  test_node_append (kh_node_get_children (section), KH_NODE_KIND_POINT, "", "Tổng hợp, báo cáo.");
  g_list_store_append (G_LIST_STORE (kh_decision_get_articles (decision)), art1);
  g_list_store_append (G_LIST_STORE (kh_decision_get_articles (decision)), art2);
  kh_document_set_decision (doc, decision);

  kh_plan_set_summary (plan, "Truyền thông về kiểm soát thủ tục hành chính năm 2024");
  kh_plan_set_issued_by (plan, "Giám đốc Sở Khoa học và Công nghệ");
  part = test_node_append (kh_plan_get_narrative (plan), KH_NODE_KIND_PART, "MỤC ĐÍCH, YÊU CẦU", "");
  section = test_node_append (kh_node_get_children (part), KH_NODE_KIND_SECTION, "Mục đích", "");
  test_node_append (kh_node_get_children (section), KH_NODE_KIND_DASH, "",
                    "Nâng cao nhận thức \"đúng\" về\tTTHC\\ và\ncải cách.");
  test_node_append (kh_plan_get_narrative (plan), KH_NODE_KIND_PART, "NHIỆM VỤ",
                    "Chi tiết tại Phụ lục kèm theo.");

  group1 = g_list_model_get_item (kh_task_table_get_groups (table1), 0);
  g_object_unref (group1);  /* still owned by the table */
  kh_task_group_set_title (group1, "Truyền thông");
  task = test_task_append (group1, "Đăng tải tin bài trên Cổng TTĐT Sở", "Văn phòng Sở", "Thường xuyên");
  kh_task_set_product (task, "Tin bài");
  kh_task_set_cooperating (task, "Các phòng, đơn vị thuộc Sở");
  kh_task_set_status (task, KH_TASK_STATUS_IN_PROGRESS);
  kh_task_set_progress (task, 40);
  kh_task_set_notes (task, "Ghi chú 📌");
  task = test_task_append (group1, "Hội nghị tập huấn", "Thanh tra Sở", "Quý III, IV");
  kh_task_set_schedule (task, schedule);
  kh_task_set_status (task, KH_TASK_STATUS_DONE);
  kh_task_set_progress (task, 100);
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table1);

  kh_task_table_set_title (table2, "DANH MỤC THỦ TỤC HÀNH CHÍNH RÀ SOÁT");
  kh_task_table_set_appendix (table2, TRUE);
  kh_task_table_set_landscape (table2, TRUE);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_columns (table2)), col1);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_columns (table2)), col2);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_columns (table2)), col3);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_columns (table2)), col4);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_columns (table2)), col5);
  task = test_task_append (group2, "Rà soát TTHC lĩnh vực KH&CN", "Phòng QLKH", "Trước ngày 30/6/2024");
  kh_task_set_status (task, KH_TASK_STATUS_CANCELLED);
  test_task_append (group3, "Cập nhật <dữ liệu> 'TTHC'", "", "");
  g_list_store_append (G_LIST_STORE (kh_task_table_get_groups (table2)), group2);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_groups (table2)), group3);
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table2);
  kh_document_set_plan (doc, plan);

  return doc;
}

/* The n-th task of the first group of the first table. */
static inline KhTask *
test_document_get_task (KhDocument *doc,
                        guint       n)
{
  g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
  g_autoptr(KhTaskGroup) group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  g_autoptr(KhTask) task = g_list_model_get_item (kh_task_group_get_tasks (group), n);

  return task;  /* owned by the group */
}
