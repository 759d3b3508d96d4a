/* kh-test-timeline.h — plans for the timeline tests and benchmark: many
 * tasks with every kind of time frame the seeds hold. Header-only. */
#pragma once

#include "kh-core.h"

/* The date d/m/y (valid arguments only). */
static inline GDate
kh_test_dmy (int d,
             int m,
             int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static const char * const kh_test_timeframes[] = {
  "Quý I năm 2024",
  "Trước ngày 30/3/2024",
  "Thường xuyên",
  "Hàng quý, trước ngày 15 tháng cuối quý",
  "Khi có hướng dẫn",
  "Tháng 3 đến tháng 7 năm 2024",
  "Quý III, IV",
  "6 tháng cuối năm",
  "Tháng 8, năm 2024",
  "không rõ",
};

static const char * const kh_test_units[] = {
  "Văn phòng Sở",
  "Thanh tra Sở",
  "Phòng Thông tin thống kê KHCN&ĐMST",
  "Trung tâm Thông tin, thống kê và ứng dụng KH&CN",
  "Chi cục Tiêu chuẩn Đo lường Chất lượng",
  "Phòng Quản lý khoa học",
  "Phòng Kế hoạch - Tài chính",
  "Bộ phận Một cửa",
  "Phòng Quản lý công nghệ",
};

/* A 2024 plan: @n_groups titled groups of @per_group tasks each; task k of
 * the plan is "Nhiệm vụ số k …", led by unit k mod 9, time frame k mod 10. */
static inline KhDocument *
kh_test_timeline_document_new (guint n_groups,
                               guint per_group)
{
  KhDocument *doc = kh_document_new (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  GListStore *groups = G_LIST_STORE (kh_task_table_get_groups (table));
  guint k = 0;

  kh_document_set_year (doc, 2024);
  kh_document_set_summary (doc, "Kế hoạch cải cách hành chính năm 2024");
  g_list_store_remove_all (groups);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *title = g_strdup_printf ("Nhóm nhiệm vụ thứ %u về cải cách hành chính", g + 1);
      g_autoptr(KhTaskGroup) group = kh_task_group_new (title);
      GListStore *tasks = G_LIST_STORE (kh_task_group_get_tasks (group));

      for (guint t = 0; t < per_group; t++, k++)
        {
          g_autoptr(KhTask) task = kh_task_new ();
          g_autofree char *content = g_strdup_printf ("Nhiệm vụ số %u: rà soát, đánh giá thủ tục hành chính "
                                                      "thuộc phạm vi quản lý của Sở", k + 1);

          kh_task_set_content (task, content);
          kh_task_set_lead (task, kh_test_units[k % G_N_ELEMENTS (kh_test_units)]);
          kh_task_set_cooperating (task, "Các phòng, đơn vị thuộc Sở");
          kh_task_set_timeframe (task, kh_test_timeframes[k % G_N_ELEMENTS (kh_test_timeframes)]);
          kh_task_set_status (task, (KhTaskStatus) (k % 4));
          g_list_store_append (tasks, task);
        }
      g_list_store_append (groups, group);
    }
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table);
  kh_document_set_plan (doc, plan);
  return doc;
}
