/* test-model.c — the document model: notifications, change bubbling,
 * deep copy and comparison, helpers */
#include <string.h>

#include "kh-core.h"
#include "kh-test-document.h"

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notify_on_real_change (void)
{
  g_autoptr(KhTask) task = kh_task_new ();
  guint notified = 0;

  g_signal_connect (task, "notify::content", G_CALLBACK (notify_count_cb), &notified);

  kh_task_set_content (task, "Hội nghị");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (kh_task_get_content (task), ==, "Hội nghị");

  kh_task_set_content (task, "Hội nghị");
  g_assert_cmpuint (notified, ==, 1);

  /* NULL is stored as "", never as NULL */
  kh_task_set_content (task, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (kh_task_get_content (task), ==, "");
  kh_task_set_content (task, "");
  g_assert_cmpuint (notified, ==, 2);

  /* through the property system too */
  g_object_set (task, "content", "Tập huấn", NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpstr (kh_task_get_content (task), ==, "Tập huấn");
}

static void
test_defaults (void)
{
  g_autoptr(KhDocument) doc = kh_document_new (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhTask) task = kh_task_new ();
  g_autoptr(KhNode) node = kh_node_new (KH_NODE_KIND_POINT, NULL, "a");

  g_assert_cmpint (kh_document_get_kind (doc), ==, KH_DOCUMENT_KIND_PLAN);
  g_assert_cmpint (kh_document_get_status (doc), ==, KH_DOCUMENT_STATUS_DRAFT);
  g_assert_cmpint (kh_document_get_id (doc), ==, 0);
  g_assert_cmpstr (kh_document_get_agency (doc), ==, "");
  g_assert_nonnull (kh_document_get_signer (doc));
  g_assert_cmpstr (kh_signer_get_name (kh_document_get_signer (doc)), ==, "");
  g_assert_null (kh_document_get_decision (doc));
  g_assert_null (kh_document_get_plan (doc));
  g_assert_cmpuint (g_list_model_get_n_items (kh_document_get_recipients (doc)), ==, 0);
  g_assert_cmpstr (kh_document_get_type_abbrev (doc), ==, "KH");

  g_assert_cmpint (kh_task_get_status (task), ==, KH_TASK_STATUS_PLANNED);
  g_assert_cmpint (kh_task_get_progress (task), ==, 0);
  g_assert_null (kh_task_get_schedule (task));

  g_assert_cmpint (kh_node_get_kind (node), ==, KH_NODE_KIND_POINT);
  g_assert_cmpstr (kh_node_get_title (node), ==, "");
  g_assert_cmpstr (kh_node_get_text (node), ==, "a");
}

static void
test_changed_from_deep_edit (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  KhTask *task = test_document_get_task (doc, 1);
  guint changed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);

  kh_task_set_lead (task, "Văn phòng Sở");
  g_assert_cmpuint (changed, ==, 1);
  kh_task_set_lead (task, "Văn phòng Sở");
  g_assert_cmpuint (changed, ==, 1);
  kh_task_set_progress (task, 55);
  g_assert_cmpuint (changed, ==, 2);

  kh_signer_set_name (kh_document_get_signer (doc), "Nguyễn Văn A");
  g_assert_cmpuint (changed, ==, 3);

  kh_document_set_number (doc, 9);
  g_assert_cmpuint (changed, ==, 4);
}

static void
test_changed_from_list_edits (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  KhTaskTable *table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
  KhTaskGroup *group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  GListStore *tasks = G_LIST_STORE (kh_task_group_get_tasks (group));
  g_autoptr(KhTask) added = kh_task_new ();
  g_autoptr(KhTask) removed = NULL;
  KhTask *items[3];
  guint changed = 0;

  g_object_unref (group);
  g_object_unref (table);
  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);

  g_list_store_insert (tasks, 1, added);
  g_assert_cmpuint (changed, ==, 1);
  kh_task_set_notes (added, "mới");
  g_assert_cmpuint (changed, ==, 2);

  removed = g_list_model_get_item (G_LIST_MODEL (tasks), 0);
  g_list_store_remove (tasks, 0);
  g_assert_cmpuint (changed, ==, 3);
  /* a removed task is no longer part of the document */
  kh_task_set_notes (removed, "đã xoá");
  g_assert_cmpuint (changed, ==, 3);

  /* the task that moved to position 0 still reports */
  kh_task_set_notes (added, "vẫn theo dõi");
  g_assert_cmpuint (changed, ==, 4);

  /* several items in one splice: one change */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = kh_task_new ();
  g_list_store_splice (tasks, 0, 1, (gpointer *) items, G_N_ELEMENTS (items));
  g_assert_cmpuint (changed, ==, 5);
  kh_task_set_content (items[2], "x");
  g_assert_cmpuint (changed, ==, 6);
  kh_task_set_content (added, "removed by the splice");
  g_assert_cmpuint (changed, ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i]);

  /* deep lists: a point under a clause of an article */
  {
    KhArticle *article = g_list_model_get_item (kh_decision_get_articles (kh_document_get_decision (doc)), 1);
    KhNode *clause = g_list_model_get_item (kh_article_get_body (article), 0);

    test_node_append (kh_node_get_children (clause), KH_NODE_KIND_POINT, "", "c) mới");
    g_assert_cmpuint (changed, ==, 7);
    g_object_unref (clause);
    g_object_unref (article);
  }

  kh_document_add_recipient (doc, "Lưu trữ");
  g_assert_cmpuint (changed, ==, 8);
}

static void
test_changed_after_replacing_parts (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autoptr(KhPlan) old_plan = g_object_ref (kh_document_get_plan (doc));
  g_autoptr(KhPlan) new_plan = kh_plan_new ();
  guint changed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);

  kh_document_set_plan (doc, new_plan);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (kh_document_get_plan (doc) == new_plan);

  kh_plan_set_summary (old_plan, "no longer in the document");
  g_assert_cmpuint (changed, ==, 1);
  kh_plan_set_summary (new_plan, "in the document");
  g_assert_cmpuint (changed, ==, 2);

  kh_document_set_plan (doc, new_plan);
  g_assert_cmpuint (changed, ==, 2);

  kh_document_set_decision (doc, NULL);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_null (kh_document_get_decision (doc));
}

static void
test_no_leak_of_children (void)
{
  KhDocument *doc = test_document_new_rich ();
  KhTask *task = test_document_get_task (doc, 0);
  KhSigner *signer = kh_document_get_signer (doc);

  g_object_add_weak_pointer (G_OBJECT (task), (gpointer *) &task);
  g_object_add_weak_pointer (G_OBJECT (signer), (gpointer *) &signer);
  g_object_add_weak_pointer (G_OBJECT (doc), (gpointer *) &doc);

  g_object_unref (doc);
  g_assert_null (doc);
  g_assert_null (task);
  g_assert_null (signer);
}

static void
test_child_outlives_document (void)
{
  KhDocument *doc = test_document_new_rich ();
  g_autoptr(KhTask) task = g_object_ref (test_document_get_task (doc, 0));

  g_object_unref (doc);
  /* the handlers into the finalized document must be gone */
  kh_task_set_content (task, "still usable");
  g_assert_cmpstr (kh_task_get_content (task), ==, "still usable");
}

static void
test_deep_copy_independent (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autoptr(KhDocument) copy = kh_document_copy (doc);
  KhTask *task = test_document_get_task (copy, 1);
  guint changed = 0;

  g_assert_cmpint (kh_document_get_id (doc), ==, 42);
  g_assert_cmpint (kh_document_get_id (copy), ==, 0);
  g_assert_true (kh_document_equal (doc, copy));
  g_assert_true (kh_document_get_plan (copy) != kh_document_get_plan (doc));
  g_assert_true (kh_document_get_signer (copy) != kh_document_get_signer (doc));
  g_assert_true (task != test_document_get_task (doc, 1));
  g_assert_nonnull (kh_task_get_schedule (task));
  g_assert_true (json_node_equal (kh_task_get_schedule (task),
                                  kh_task_get_schedule (test_document_get_task (doc, 1))));
  g_assert_cmpstr (kh_document_get_summary (copy), ==, kh_document_get_summary (doc));

  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);
  kh_task_set_content (task, "Đã sửa trong bản sao");
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpstr (kh_task_get_content (test_document_get_task (doc, 1)), ==, "Hội nghị tập huấn");
  g_assert_false (kh_document_equal (doc, copy));

  /* the copy bubbles its own changes */
  {
    guint copy_changed = 0;

    g_signal_connect (copy, "changed", G_CALLBACK (count_cb), &copy_changed);
    kh_signer_set_title (kh_document_get_signer (copy), "GIÁM ĐỐC");
    kh_task_set_notes (task, "n");
    g_assert_cmpuint (copy_changed, ==, 2);
    g_assert_cmpuint (changed, ==, 0);
  }
}

static void
test_equal_detects_differences (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autoptr(KhDocument) other = NULL;
  g_autoptr(JsonNode) schedule = json_from_string ("{\"parts\": []}", NULL);
  KhNode *node;

  g_assert_true (kh_document_equal (doc, doc));

  /* the id is not content */
  other = kh_document_copy (doc);
  kh_document_set_id (other, 7);
  g_assert_true (kh_document_equal (doc, other));
  g_clear_object (&other);

  other = kh_document_copy (doc);
  kh_task_set_schedule (test_document_get_task (other, 1), schedule);
  g_assert_false (kh_document_equal (doc, other));
  g_clear_object (&other);

  other = kh_document_copy (doc);
  kh_task_set_schedule (test_document_get_task (other, 1), NULL);
  g_assert_false (kh_document_equal (doc, other));
  g_clear_object (&other);

  other = kh_document_copy (doc);
  node = g_list_model_get_item (kh_plan_get_narrative (kh_document_get_plan (other)), 0);
  kh_node_set_kind (node, KH_NODE_KIND_SECTION);
  g_object_unref (node);
  g_assert_false (kh_document_equal (doc, other));
  g_clear_object (&other);

  other = kh_document_copy (doc);
  g_list_store_remove (G_LIST_STORE (kh_document_get_recipients (other)), 1);
  g_assert_false (kh_document_equal (doc, other));
  g_clear_object (&other);

  other = kh_document_copy (doc);
  kh_document_set_decision (other, NULL);
  g_assert_false (kh_document_equal (doc, other));
  g_assert_false (kh_document_equal (other, doc));
  g_clear_object (&other);

  other = kh_document_copy (doc);
  kh_document_set_day (other, 6);
  g_assert_false (kh_document_equal (doc, other));
}

static void
test_default_table (void)
{
  static const struct {
    KhColumnField field;
    const char *header;
  } expected[] = {
    { KH_COLUMN_NUMBER, "Stt" },
    { KH_COLUMN_CONTENT, "Nhiệm vụ" },
    { KH_COLUMN_PRODUCT, "Sản phẩm" },
    { KH_COLUMN_LEAD, "Đơn vị chủ trì" },
    { KH_COLUMN_COOPERATING, "Đơn vị phối hợp" },
    { KH_COLUMN_TIMEFRAME, "Thời gian thực hiện" },
  };
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  GListModel *columns = kh_task_table_get_columns (table);
  g_autoptr(KhTaskGroup) group = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpint (kh_column_get_field (column), ==, expected[i].field);
      g_assert_cmpstr (kh_column_get_header (column), ==, expected[i].header);
    }
  g_assert_cmpuint (g_list_model_get_n_items (kh_task_table_get_groups (table)), ==, 1);
  group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  g_assert_cmpstr (kh_task_group_get_title (group), ==, "");
  g_assert_false (kh_task_table_get_appendix (table));
  g_assert_false (kh_task_table_get_landscape (table));
  g_assert_cmpuint (kh_task_table_get_n_tasks (table), ==, 0);

  test_task_append (group, "a", "", "");
  test_task_append (group, "b", "", "");
  g_assert_cmpuint (kh_task_table_get_n_tasks (table), ==, 2);
}

static void
test_n_tasks_over_groups (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  GListModel *tables = kh_plan_get_tables (kh_document_get_plan (doc));
  g_autoptr(KhTaskTable) first = g_list_model_get_item (tables, 0);
  g_autoptr(KhTaskTable) second = g_list_model_get_item (tables, 1);

  g_assert_cmpuint (kh_task_table_get_n_tasks (first), ==, 2);
  g_assert_cmpuint (kh_task_table_get_n_tasks (second), ==, 2);
}

static void
test_title_and_search_text (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *title = kh_document_dup_title (doc);
  g_autofree char *text = kh_document_dup_search_text (doc);
  static const char *expected[] = {
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",                       /* agency */
    "Nghị định 63/2010/NĐ-CP Chính phủ về kiểm soát thủ tục hành chính",  /* citation */
    "Quyết định số 12/QĐ-UBND",                       /* basis wording */
    "Theo đề nghị của Chánh Văn phòng Sở",             /* proposal */
    "Tổng hợp, báo cáo.",                             /* point of an article */
    "MỤC ĐÍCH, YÊU CẦU",                              /* narrative title */
    "cải cách.",                                      /* deep narrative text */
    "Rà soát TTHC lĩnh vực KH&CN",                    /* task of the appendix */
    "Các phòng, đơn vị thuộc Sở",                      /* cooperating */
    "Quý III, IV",                                    /* time frame */
    "Ghi chú 📌",                                      /* notes */
  };

  g_assert_cmpstr (title, ==, "Ban hành Kế hoạch truyền thông về kiểm soát TTHC năm 2024");
  g_assert_cmpstr (kh_document_get_type_abbrev (doc), ==, "QĐ");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("search text lacks “%s”:\n%s", expected[i], text);
  /* empty fields leave no empty lines */
  g_assert_null (strstr (text, "\n\n"));
}

static void
test_unit (void)
{
  g_autoptr(KhUnit) unit = kh_unit_new ("Văn phòng Sở", "VP");
  g_autoptr(KhUnit) copy = NULL;

  kh_unit_set_id (unit, 3);
  g_assert_cmpstr (kh_unit_get_name (unit), ==, "Văn phòng Sở");
  g_assert_cmpstr (kh_unit_get_short_name (unit), ==, "VP");
  copy = kh_unit_copy (unit);
  g_assert_cmpint (kh_unit_get_id (copy), ==, 0);
  g_assert_cmpstr (kh_unit_get_short_name (copy), ==, "VP");
}

/* The prefixes the signature editors offer, in their order, and back. */
static void
test_signer_prefixes (void)
{
  static const char *const expected[] = { "", "TM.", "KT.", "TL.", "TUQ.", "Q." };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (kh_signer_prefix_at (i), ==, expected[i]);
      g_assert_cmpint (kh_signer_prefix_index (expected[i]), ==, i);
    }
  g_assert_null (kh_signer_prefix_at (G_N_ELEMENTS (expected)));
  g_assert_cmpint (kh_signer_prefix_index (NULL), ==, 0);
  g_assert_cmpint (kh_signer_prefix_index ("T/M."), ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/notify-on-real-change", test_notify_on_real_change);
  g_test_add_func ("/model/defaults", test_defaults);
  g_test_add_func ("/model/changed/deep-edit", test_changed_from_deep_edit);
  g_test_add_func ("/model/changed/list-edits", test_changed_from_list_edits);
  g_test_add_func ("/model/changed/replacing-parts", test_changed_after_replacing_parts);
  g_test_add_func ("/model/no-leak-of-children", test_no_leak_of_children);
  g_test_add_func ("/model/child-outlives-document", test_child_outlives_document);
  g_test_add_func ("/model/copy/independent", test_deep_copy_independent);
  g_test_add_func ("/model/equal/differences", test_equal_detects_differences);
  g_test_add_func ("/model/task-table/default", test_default_table);
  g_test_add_func ("/model/task-table/n-tasks", test_n_tasks_over_groups);
  g_test_add_func ("/model/document/title-and-search-text", test_title_and_search_text);
  g_test_add_func ("/model/unit", test_unit);
  g_test_add_func ("/model/signer/prefixes", test_signer_prefixes);
  return g_test_run ();
}
