/* test-render-nfc.c — table text reaches the PDF in NFC, however typed
 *
 * Text pasted from some sources arrives decomposed (a base letter followed
 * by combining accents). The renderer composes it; text that is already
 * composed takes a shortcut past the normaliser. Both are read back from
 * the PDF with poppler and compared byte for byte, not after folding.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "kh-core.h"
#include "kh-render.h"
#include "render-test-util.h"

/* "Nhiệm vụ kiểm tra" with every accent as a combining mark (NFD). */
#define CONTENT_NFD "Nhie\xcc\xa3\xcc\x82m vu\xcc\xa3 kie\xcc\x82\xcc\x89m tra"
#define CONTENT_NFC "Nhiệm vụ kiểm tra"
/* Group title decomposed: "Nhóm cải cách" */
#define GROUP_NFD "Nho\xcc\x81m ca\xcc\x89i ca\xcc\x81\x63h"
#define GROUP_NFC "Nhóm cải cách"

static char *
render_text (KhDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "kh-test-render-nfc-XXXXXX.pdf", NULL);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  KhRenderOptions options;

  g_close (g_mkstemp (path), NULL);
  kh_render_options_init (&options);
  g_assert_true (kh_render_document_to_pdf (doc, &options, path, &error));
  g_assert_no_error (error);
  pdf = kh_pdf_open (path);
  text = kh_pdf_document_text (pdf);
  g_unlink (path);
  return kh_pdf_squeeze_spaces (text);
}

static KhDocument *
plan_with_task (const char *group_title,
                const char *content,
                const char *product,
                const char *lead)
{
  KhDocument *doc = kh_document_new (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  g_autoptr(KhTaskGroup) group = kh_task_group_new (group_title);
  g_autoptr(KhTask) task = kh_task_new ();
  GListStore *groups = G_LIST_STORE (kh_task_table_get_groups (table));

  kh_document_set_agency (doc, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  kh_document_set_summary (doc, "Kiểm soát thủ tục hành chính");
  kh_task_set_content (task, content);
  kh_task_set_product (task, product);
  kh_task_set_lead (task, lead);
  g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (group)), task);
  g_list_store_remove_all (groups);
  g_list_store_append (groups, group);
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table);
  kh_document_set_plan (doc, plan);
  return doc;
}

static void
test_decomposed_is_composed (void)
{
  g_autoptr(KhDocument) doc = plan_with_task (GROUP_NFD, CONTENT_NFD, "Báo cáo", "Văn phòng");
  g_autofree char *text = render_text (doc);

  g_assert_nonnull (strstr (text, CONTENT_NFC));
  g_assert_nonnull (strstr (text, GROUP_NFC));
  g_assert_null (strstr (text, "\xcc\xa3"));   /* no combining dot below left */
  g_assert_null (strstr (text, "\xcc\x81"));   /* no combining acute left */
}

static void
test_composed_is_kept (void)
{
  /* Latin-1 and Vietnamese letters (the shortcut), an en dash and a
   * Greek letter (the normaliser) */
  g_autoptr(KhDocument) doc = plan_with_task ("Nhóm một", "Rà soát, đánh giá thủ tục", "Báo cáo – tổng hợp",
                                              "Phòng Ω Đổi mới");
  g_autofree char *text = render_text (doc);

  g_assert_nonnull (strstr (text, "Rà soát, đánh giá thủ tục"));
  g_assert_nonnull (strstr (text, "Báo cáo – tổng hợp"));
  g_assert_nonnull (strstr (text, "Phòng Ω Đổi mới"));
  g_assert_nonnull (strstr (text, "Nhóm một"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/nfc/decomposed-is-composed", test_decomposed_is_composed);
  g_test_add_func ("/render/nfc/composed-is-kept", test_composed_is_kept);
  return g_test_run ();
}
