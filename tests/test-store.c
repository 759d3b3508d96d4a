/* test-store.c — the SQLite library: documents, search, units, and the
 * promises about the user's file (refused untouched, backed up before a
 * migration, nothing half-imported). */
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kh-core.h"
#include "kh-document-info.h"
#include "kh-store.h"
#include "kh-test-util.h"

/* A fresh temporary folder per test, removed afterwards. */
typedef KhTestDbFixture Fixture;

static KhDocument *
make_document (KhDocumentKind  kind,
               const char     *summary,
               int             year)
{
  KhDocument *document = kh_document_new (kind);

  kh_document_set_summary (document, summary);
  kh_document_set_year (document, year);
  kh_document_set_agency (document, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  kh_document_set_agency_abbrev (document, "SKHCN");
  kh_document_set_place (document, "Hưng Yên");
  return document;
}

/* A plan with narrative and a task table, so that a round trip covers the
 * nested lists. */
static KhDocument *
make_rich_document (void)
{
  KhDocument *document = make_document (KH_DOCUMENT_KIND_PLAN,
                                        "Kế hoạch cải cách hành chính năm 2025", 2025);
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(KhNode) part = kh_node_new (KH_NODE_KIND_PART, "MỤC ĐÍCH, YÊU CẦU", "");
  g_autoptr(KhNode) section = kh_node_new (KH_NODE_KIND_SECTION, "", "Nâng cao chất lượng phục vụ.");
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  g_autoptr(KhTaskGroup) group = kh_task_group_new ("Rà soát thủ tục");
  g_autoptr(KhTask) task = kh_task_new ();

  kh_plan_set_summary (plan, "Cải cách hành chính năm 2025");
  g_list_store_append (G_LIST_STORE (kh_node_get_children (part)), section);
  g_list_store_append (G_LIST_STORE (kh_plan_get_narrative (plan)), part);
  kh_task_set_content (task, "Rà soát, đơn giản hóa thủ tục hành chính");
  kh_task_set_lead (task, "Văn phòng Sở");
  kh_task_set_timeframe (task, "Quý II");
  kh_task_set_progress (task, 40);
  g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (group)), task);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_groups (table)), group);
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table);
  kh_document_set_plan (document, plan);
  kh_document_set_status (document, KH_DOCUMENT_STATUS_ISSUED);
  return document;
}

static KhStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KhStore *store = kh_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
save_new (KhStore    *store,
          KhDocument *document)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kh_store_save_document (store, document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kh_document_get_id (document), >, 0);
  return kh_document_get_id (document);
}

static guint
count_documents (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = kh_store_count_documents (store, &error);

  g_assert_no_error (error);
  return n;
}

static int
raw_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The ids of a list of KhDocumentInfo, in order. */
static GArray *
model_ids (GListModel *model)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_nonnull (model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (model, i);
      gint64 id = kh_document_info_get_id (info);
      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_search (KhStore    *store,
               const char *query,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = kh_store_search (store, query, &error);
  g_autoptr(GArray) ids = NULL;

  g_assert_no_error (error);
  ids = model_ids (found);
  if (expected == 0)
    {
      g_assert_cmpuint (ids->len, ==, 0);
      return;
    }
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected);
}

static void
count_signal (gpointer  store,
              guint    *count)
{
  (*count)++;
}

/* Tests ------------------------------------------------------------------ */

static void
test_create_reopen (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(KhDocument) document = make_document (KH_DOCUMENT_KIND_DECISION, "Ban hành Kế hoạch", 2024);
  gint64 id;

  {
    g_autoptr(KhStore) store = open_store (fx->db_path);

    g_assert_true (g_file_test (fx->db_path, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpstr (kh_store_get_path (store), ==, fx->db_path);
    g_assert_cmpuint (count_documents (store), ==, 0);
    id = save_new (store, document);
  }

  g_assert_cmpint (raw_user_version (fx->db_path), ==, KH_STORE_SCHEMA_VERSION);

  {
    g_autoptr(KhStore) store = open_store (fx->db_path);
    g_autoptr(KhDocument) loaded = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (count_documents (store), ==, 1);
    loaded = kh_store_load_document (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kh_document_get_summary (loaded), ==, "Ban hành Kế hoạch");
  }

  /* A first open of an existing database of the current schema makes no backup. */
  {
    g_autofree char *backup = g_strdup_printf ("%s.bak-v0", fx->db_path);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
}

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(KhDocument) document = make_rich_document ();
  g_autoptr(KhDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_text = NULL;
  g_autofree char *loaded_text = NULL;
  gint64 id;

  id = save_new (store, document);
  loaded = kh_store_load_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_document_get_id (loaded), ==, id);
  g_assert_true (kh_model_object_equal (KH_MODEL_OBJECT (document), KH_MODEL_OBJECT (loaded)));
  saved_text = kh_document_serialize (document);
  loaded_text = kh_document_serialize (loaded);
  g_assert_cmpstr (saved_text, ==, loaded_text);

  /* An update keeps the id and replaces the content. */
  kh_document_set_summary (loaded, "Kế hoạch đã sửa");
  g_assert_true (kh_store_save_document (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kh_document_get_id (loaded), ==, id);
  g_assert_cmpuint (count_documents (store), ==, 1);
  g_clear_object (&document);
  document = kh_store_load_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kh_document_get_summary (document), ==, "Kế hoạch đã sửa");

  /* Unknown ids. */
  g_clear_object (&document);
  document = kh_store_load_document (store, id + 100, &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_assert_null (document);
}

static void
test_list (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(KhDocument) a = make_document (KH_DOCUMENT_KIND_DECISION, "  Quyết định A  ", 2023);
  g_autoptr(KhDocument) b = make_document (KH_DOCUMENT_KIND_PLAN, "Kế hoạch B", 2024);
  g_autoptr(KhDocument) c = make_document (KH_DOCUMENT_KIND_PLAN, "Kế hoạch C", 2025);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(KhDocumentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ida, idb, idc;
  guint changes = 0;

  g_signal_connect (store, "documents-changed", G_CALLBACK (count_signal), &changes);
  kh_document_set_status (c, KH_DOCUMENT_STATUS_ISSUED);
  ida = save_new (store, a);
  idb = save_new (store, b);
  idc = save_new (store, c);
  g_assert_cmpuint (changes, ==, 3);

  list = kh_store_list_documents (store, &error);
  g_assert_no_error (error);
  ids = model_ids (list);
  g_assert_cmpuint (ids->len, ==, 3);
  /* Most recently changed first. */
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, idc);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, idb);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, ida);

  info = g_list_model_get_item (list, 0);
  g_assert_cmpint (kh_document_info_get_kind (info), ==, KH_DOCUMENT_KIND_PLAN);
  g_assert_cmpstr (kh_document_info_get_title (info), ==, "Kế hoạch C");
  g_assert_cmpint (kh_document_info_get_year (info), ==, 2025);
  g_assert_cmpint (kh_document_info_get_status (info), ==, KH_DOCUMENT_STATUS_ISSUED);
  g_assert_cmpint (kh_document_info_get_modified (info), >, 0);
  g_clear_object (&info);
  info = g_list_model_get_item (list, 2);
  g_assert_cmpstr (kh_document_info_get_title (info), ==, "Quyết định A");
  g_assert_cmpint (kh_document_info_get_kind (info), ==, KH_DOCUMENT_KIND_DECISION);
  g_assert_cmpint (kh_document_info_get_status (info), ==, KH_DOCUMENT_STATUS_DRAFT);

  /* Editing the oldest moves it to the top. */
  kh_document_set_year (a, 2026);
  g_assert_true (kh_store_save_document (store, a, &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  g_clear_pointer (&ids, g_array_unref);
  list = kh_store_list_documents (store, &error);
  g_assert_no_error (error);
  ids = model_ids (list);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ida);
  g_assert_cmpuint (changes, ==, 4);
}

static void
test_delete (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(KhDocument) a = make_document (KH_DOCUMENT_KIND_PLAN, "Kế hoạch phòng cháy", 2024);
  g_autoptr(KhDocument) b = make_document (KH_DOCUMENT_KIND_PLAN, "Kế hoạch chuyển đổi số", 2024);
  g_autoptr(KhDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ida, idb;
  guint changes = 0;

  ida = save_new (store, a);
  idb = save_new (store, b);
  g_signal_connect (store, "documents-changed", G_CALLBACK (count_signal), &changes);

  g_assert_true (kh_store_delete_document (store, ida, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (count_documents (store), ==, 1);
  loaded = kh_store_load_document (store, ida, &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_search (store, "phong chay", 0);
  assert_search (store, "chuyen doi", idb);

  g_assert_false (kh_store_delete_document (store, ida, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 1);

  /* Saving a document deleted meanwhile does not resurrect it silently. */
  kh_document_set_year (a, 2030);
  g_assert_false (kh_store_save_document (store, a, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_documents (store), ==, 1);
}

static void
test_search (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(KhDocument) a = make_document (KH_DOCUMENT_KIND_DECISION,
                                           "Ban hành Kế hoạch kiểm soát thủ tục hành chính", 2024);
  g_autoptr(KhDocument) b = make_document (KH_DOCUMENT_KIND_PLAN,
                                           "Kế hoạch tiếp nhận đơn thư của công dân", 2024);
  g_autoptr(KhDocument) c = make_document (KH_DOCUMENT_KIND_PLAN,
                                           "Kế hoạch truyền thông", 2024);
  g_autoptr(KhDecision) decision = kh_decision_new ();
  g_autoptr(GError) error = NULL;
  const char * const hostile[] = {
    "\"", "\"\"", "*", "AND", "OR", "NOT", "-", "- kiểm", "kiểm AND", "(", ")",
    "NEAR(a b)", "title:kiem", "{title}: x", "^kiem", "'; DROP TABLE documents; --",
    "kiểm\" OR \"", "a*b", "+", "\\", "%", "_", "", "   ", NULL,
  };
  gint64 ida, idb, idc;

  /* The body text is searched too, not only the title. */
  kh_decision_set_proposal (decision, "Theo đề nghị của Chánh Văn phòng Sở");
  kh_document_set_decision (a, decision);
  ida = save_new (store, a);
  idb = save_new (store, b);
  idc = save_new (store, c);

  assert_search (store, "kiem soat", ida);
  assert_search (store, "KIỂM SOÁT", ida);
  assert_search (store, "Kiểm   soát,", ida);
  assert_search (store, "kiể", ida);            /* prefix of a word */
  assert_search (store, "chanh van phong", ida);
  assert_search (store, "đơn", idb);
  assert_search (store, "don", idb);
  assert_search (store, "ĐƠN THƯ", idb);
  assert_search (store, "truyen", idc);
  assert_search (store, "kiem truyen", 0);      /* every word must match */
  assert_search (store, "soát -kiểm", ida);     /* "-" is no operator */
  assert_search (store, "xyz", 0);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GListModel) found = kh_store_search (store, hostile[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
    }

  /* Updates and deletions keep the index in step. */
  kh_document_set_summary (c, "Kế hoạch phổ biến pháp luật");
  g_assert_true (kh_store_save_document (store, c, &error));
  g_assert_no_error (error);
  assert_search (store, "truyen thong", 0);
  assert_search (store, "pho bien", idc);
}

static void
test_search_ranking (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(KhDocument) in_body = make_document (KH_DOCUMENT_KIND_PLAN, "Kế hoạch năm 2024", 2024);
  g_autoptr(KhDocument) in_title = make_document (KH_DOCUMENT_KIND_PLAN, "Kế hoạch số hóa hồ sơ", 2024);
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_body, id_title;

  kh_plan_set_summary (plan, "Lưu trữ và số hóa tài liệu");
  kh_document_set_plan (in_body, plan);
  id_body = save_new (store, in_body);
  id_title = save_new (store, in_title);

  found = kh_store_search (store, "so hoa", &error);
  g_assert_no_error (error);
  ids = model_ids (found);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id_title);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, id_body);
}

static void
test_units (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(GListModel) units = NULL;
  g_autoptr(KhUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 office, inspect, centre;
  guint changes = 0;

  g_signal_connect (store, "units-changed", G_CALLBACK (count_signal), &changes);

  office = kh_store_add_unit (store, "Văn phòng Sở", "VP", &error);
  g_assert_no_error (error);
  inspect = kh_store_add_unit (store, " Thanh tra Sở ", NULL, &error);
  g_assert_no_error (error);
  centre = kh_store_add_unit (store, "Trung tâm Thông tin", "TTTT", &error);
  g_assert_no_error (error);
  g_assert_cmpint (office, >, 0);
  g_assert_cmpuint (changes, ==, 3);

  g_assert_cmpint (kh_store_add_unit (store, "Văn phòng Sở", "X", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_add_unit (store, "   ", "X", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_add_unit (store, "\xff\xfe", "X", &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 3);

  units = kh_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 3);
  unit = g_list_model_get_item (units, 1);
  g_assert_cmpint (kh_unit_get_id (unit), ==, inspect);
  g_assert_cmpstr (kh_unit_get_name (unit), ==, "Thanh tra Sở");
  g_assert_cmpstr (kh_unit_get_short_name (unit), ==, "");
  g_clear_object (&unit);
  g_clear_object (&units);

  g_assert_true (kh_store_update_unit (store, inspect, "Thanh tra Sở", "TTr", &error));
  g_assert_no_error (error);
  g_assert_false (kh_store_update_unit (store, inspect, "Văn phòng Sở", "VP", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (kh_store_update_unit (store, centre + 50, "Không có", "", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (kh_store_remove_unit (store, office, &error));
  g_assert_no_error (error);
  g_assert_false (kh_store_remove_unit (store, office, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 5);

  /* A removed name is free again; new units go last. */
  g_assert_cmpint (kh_store_add_unit (store, "Văn phòng Sở", "VP", &error), >, centre);
  g_assert_no_error (error);

  units = kh_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 3);
  unit = g_list_model_get_item (units, 0);
  g_assert_cmpstr (kh_unit_get_name (unit), ==, "Thanh tra Sở");
  g_assert_cmpstr (kh_unit_get_short_name (unit), ==, "TTr");
  g_clear_object (&unit);
  unit = g_list_model_get_item (units, 2);
  g_assert_cmpstr (kh_unit_get_name (unit), ==, "Văn phòng Sở");
  g_clear_object (&unit);
  g_clear_object (&units);

  /* Reordering: Thanh tra, Trung tâm, Văn phòng → Văn phòng, Thanh tra, Trung tâm. */
  {
    const char *expected[] = { "Văn phòng Sở", "Thanh tra Sở", "Trung tâm Thông tin" };
    g_autoptr(KhUnit) last = NULL;

    units = kh_store_list_units (store, &error);
    g_assert_no_error (error);
    last = g_list_model_get_item (units, 2);
    g_clear_object (&units);

    g_assert_true (kh_store_move_unit (store, kh_unit_get_id (last), 0, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changes, ==, 7);
    units = kh_store_list_units (store, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        unit = g_list_model_get_item (units, i);
        g_assert_cmpstr (kh_unit_get_name (unit), ==, expected[i]);
        g_clear_object (&unit);
      }
    g_clear_object (&units);

    /* Past the end is last. */
    g_assert_true (kh_store_move_unit (store, kh_unit_get_id (last), 99, &error));
    g_assert_no_error (error);
    units = kh_store_list_units (store, &error);
    g_assert_no_error (error);
    unit = g_list_model_get_item (units, 2);
    g_assert_cmpint (kh_unit_get_id (unit), ==, kh_unit_get_id (last));

    g_assert_false (kh_store_move_unit (store, 424242, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_newer_schema (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fx->db_path, "-wal", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.bak-v%d", fx->db_path, KH_STORE_SCHEMA_VERSION + 1);
  g_autofree char *expected = NULL;

  /* A later Kế hoạch: our application id, a higher schema. */
  raw_exec (fx->db_path,
            "PRAGMA application_id = 1263027266;"
            "CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from 2030');"
            "PRAGMA user_version = 7;");
  before = read_bytes (fx->db_path);

  store = kh_store_open (fx->db_path, &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  expected = g_strdup_printf ("schema 7); this version understands up to %d. It was not changed.",
                              KH_STORE_SCHEMA_VERSION);
  g_assert_true (g_str_has_suffix (error->message, expected));
  g_assert_nonnull (strstr (error->message, fx->db_path));

  after = read_bytes (fx->db_path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (raw_user_version (fx->db_path), ==, 7);
}

static void
assert_refused_untouched (const char *path)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = kh_store_open (path, &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "It was not changed"));

  /* Neither does the first-run path build over it. */
  g_clear_error (&error);
  store = kh_store_open_with_examples (path, NULL, &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_corrupt (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (fx->dir, "notes.txt", NULL);
  g_autofree char *random_path = g_build_filename (fx->dir, "random.db", NULL);
  g_autofree char *truncated_path = g_build_filename (fx->dir, "truncated.db", NULL);
  g_autofree char *damaged_path = g_build_filename (fx->dir, "damaged.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240101);
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint8 random[8192];
  const guint8 *data_bytes;
  gsize size;

  g_file_set_contents (text_path, "Kế hoạch năm 2024\nkhông phải cơ sở dữ liệu\n", -1, &error);
  g_assert_no_error (error);
  assert_refused_untouched (text_path);

  for (guint i = 0; i < sizeof random; i++)
    random[i] = g_rand_int_range (rand, 0, 256);
  g_file_set_contents (random_path, (const char *) random, sizeof random, &error);
  g_assert_no_error (error);
  assert_refused_untouched (random_path);

  /* Other applications' SQLite databases are not ours to migrate. */
  {
    g_autofree char *foreign_path = g_build_filename (fx->dir, "places.sqlite", NULL);
    g_autofree char *tagged_path = g_build_filename (fx->dir, "tagged.sqlite", NULL);

    raw_exec (foreign_path, "CREATE TABLE moz_places (url TEXT); PRAGMA user_version = 3;");
    assert_refused_untouched (foreign_path);
    raw_exec (tagged_path, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
    assert_refused_untouched (tagged_path);
  }

  /* A real library of several pages, cut in the middle or with pages
   * overwritten. */
  {
    g_autoptr(KhStore) store = open_store (fx->db_path);

    for (int i = 0; i < 20; i++)
      {
        g_autoptr(KhDocument) document = make_rich_document ();
        save_new (store, document);
      }
  }
  db_bytes = read_bytes (fx->db_path);
  data_bytes = g_bytes_get_data (db_bytes, &size);
  g_assert_cmpuint (size, >, 8 * 4096);

  g_file_set_contents (truncated_path, (const char *) data_bytes, size / 2, &error);
  g_assert_no_error (error);
  assert_refused_untouched (truncated_path);

  {
    g_autofree guint8 *damaged = g_memdup2 (data_bytes, size);

    for (gsize i = 4096; i < size; i++)
      damaged[i] = g_rand_int_range (rand, 0, 256);
    g_file_set_contents (damaged_path, (const char *) damaged, size, &error);
    g_assert_no_error (error);
    assert_refused_untouched (damaged_path);
  }
}

static void
test_migration_backup (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *backup = g_strdup_printf ("%s.bak-v0", fx->db_path);
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhDocument) document = make_document (KH_DOCUMENT_KIND_PLAN, "Sau khi nâng cấp", 2024);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A database of schema 0: something an earlier version left. */
  raw_exec (fx->db_path,
            "CREATE TABLE earlier (note TEXT);"
            "INSERT INTO earlier VALUES ('kept through the migration');");
  g_assert_cmpint (raw_user_version (fx->db_path), ==, 0);

  store = kh_store_open (fx->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  save_new (store, document);
  g_assert_cmpint (raw_user_version (fx->db_path), ==, KH_STORE_SCHEMA_VERSION);

  /* The backup is the database as it was: schema 0, no documents table. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (raw_user_version (backup), ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT note FROM earlier", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "kept through the migration");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM documents", -1, &stmt, NULL), !=, SQLITE_OK);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A migration that fails is rolled back whole: the database stays at its
 * old schema with its data, and the backup is there. */
static void
test_migration_failure (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *backup = g_strdup_printf ("%s.bak-v0", fx->db_path);
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Schema 1 creates "documents": a schema-0 file that has one already
   * makes the migration fail half-way. */
  raw_exec (fx->db_path,
            "CREATE TABLE documents (note TEXT);"
            "INSERT INTO documents VALUES ('older data');");

  store = kh_store_open (fx->db_path, &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED);
  g_assert_null (store);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (raw_user_version (fx->db_path), ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (fx->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT note FROM documents", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "older data");
  sqlite3_finalize (stmt);
  /* Nothing of schema 1 is left behind. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM units", -1, &stmt, NULL), !=, SQLITE_OK);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_import_bad_files (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(KhDocument) document = make_rich_document ();
  g_autofree char *good = NULL;
  g_autofree char *half = NULL;
  const char *bad[] = {
    "",
    "không phải JSON",
    "[1, 2, 3]",
    "{\"format\": \"word\", \"version\": 1, \"document\": {}}",
    "{\"format\": \"kehoach\", \"version\": 99, \"document\": {}}",
    "{\"format\": \"kehoach\", \"version\": 1}",
    NULL,   /* the first half of a good file */
  };
  guint changes = 0;

  save_new (store, document);
  good = kh_document_serialize (document);
  half = g_strndup (good, strlen (good) / 2);
  bad[G_N_ELEMENTS (bad) - 1] = half;
  g_signal_connect (store, "documents-changed", G_CALLBACK (count_signal), &changes);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/bad-%u.kehoach", fx->dir, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, bad[i], -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (kh_store_import_file (store, file, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_cmpuint (count_documents (store), ==, 1);
    }

  {
    g_autofree char *path = g_build_filename (fx->dir, "missing.kehoach", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (kh_store_import_file (store, file, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO);
  }

  g_assert_cmpuint (count_documents (store), ==, 1);
  g_assert_cmpuint (changes, ==, 0);
}

static void
test_export_import (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(KhDocument) document = make_rich_document ();
  g_autofree char *first_path = g_build_filename (fx->dir, "first.kehoach", NULL);
  g_autofree char *second_path = g_build_filename (fx->dir, "second.kehoach", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(KhDocument) imported = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, new_id;

  id = save_new (store, document);
  g_assert_true (kh_store_export_document (store, id, first, &error));
  g_assert_no_error (error);

  new_id = kh_store_import_file (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, id);
  g_assert_cmpuint (count_documents (store), ==, 2);

  g_assert_true (kh_store_export_document (store, new_id, second, &error));
  g_assert_no_error (error);
  first_bytes = read_bytes (first_path);
  second_bytes = read_bytes (second_path);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  imported = kh_store_load_document (store, new_id, &error);
  g_assert_no_error (error);
  g_assert_true (kh_model_object_equal (KH_MODEL_OBJECT (document), KH_MODEL_OBJECT (imported)));

  g_assert_false (kh_store_export_document (store, new_id + 10, second, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A folder that does not exist. */
  {
    g_autofree char *nowhere_path = g_build_filename (fx->dir, "no", "such", "x.kehoach", NULL);
    g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);

    g_assert_false (kh_store_export_document (store, id, nowhere, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO);
  }
}

static char *
source_data_dir (void)
{
  const char *root = g_getenv ("KH_SOURCE_ROOT");

  return g_build_filename (root ? root : ".", "data", NULL);
}

static void
test_first_run (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *data_dir = source_data_dir ();
  g_autofree char *examples_dir = g_build_filename (data_dir, "examples", NULL);
  g_autofree char *units_path = g_build_filename (data_dir, "units.json", NULL);
  g_autofree char *path = g_build_filename (fx->dir, "new", "folder", "kehoach.db", NULL);
  g_autofree char *new_path = g_strconcat (path, ".new", NULL);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) units = NULL;
  guint expected_units = 0;
  const char *name;

  dir = g_dir_open (examples_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file_path = g_build_filename (examples_dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(KhDocument) example = NULL;

      if (!g_str_has_suffix (name, ".kehoach"))
        continue;
      example = kh_document_load_file (file, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (titles, kh_document_dup_title (example));
    }
  g_assert_cmpuint (titles->len, >, 0);

  if (g_file_test (units_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      json_parser_load_from_file (parser, units_path, &error);
      g_assert_no_error (error);
      expected_units = json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
    }

  {
    g_autoptr(KhStore) store = kh_store_open_with_examples (path, examples_dir, &error);

    g_assert_no_error (error);
    g_assert_nonnull (store);
    list = kh_store_list_documents (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, titles->len);
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(KhDocumentInfo) info = g_list_model_get_item (list, i);
        g_assert_true (g_ptr_array_find_with_equal_func (titles, kh_document_info_get_title (info),
                                                         g_str_equal, NULL));
      }
    units = kh_store_list_units (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (units), ==, expected_units);

    /* The examples are searchable from the start. */
    g_clear_object (&list);
    list = kh_store_search (store, "kiem soat thu tuc", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  }
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  /* Opening again imports nothing twice. */
  {
    g_autoptr(KhStore) store = kh_store_open_with_examples (path, examples_dir, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_documents (store), ==, titles->len);
  }
}

static void
test_first_run_without_examples (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fx->dir, "no-examples", "examples", NULL);
  g_autoptr(KhStore) store = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GError) error = NULL;

  store = kh_store_open_with_examples (fx->db_path, missing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (store), ==, 0);
  units = kh_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 0);
}

static void
test_default_path (void)
{
  g_autofree char *path = kh_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "kehoach", "kehoach.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* Saves re-index a document only when its text changed: the entry must
 * still follow every change of the title and the text, and survive saves
 * that change neither. */
static void
test_search_follows_saves (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(KhStore) store = open_store (fx->db_path);
  g_autoptr(KhDocument) document = make_rich_document ();
  g_autoptr(GError) error = NULL;
  gint64 id = save_new (store, document);

  assert_search (store, "don gian hoa", id);

  /* Not text: the entry is kept, and still found. */
  kh_document_set_status (document, KH_DOCUMENT_STATUS_DRAFT);
  g_assert_true (kh_store_save_document (store, document, &error));
  g_assert_no_error (error);
  assert_search (store, "don gian hoa", id);
  g_assert_true (kh_store_save_document (store, document, &error));
  g_assert_no_error (error);
  assert_search (store, "don gian hoa", id);

  /* The text changed: the old words are gone, the new ones found. */
  kh_document_set_place (document, "Thái Bình");
  g_assert_true (kh_store_save_document (store, document, &error));
  g_assert_no_error (error);
  assert_search (store, "hung yen", 0);
  assert_search (store, "thai binh", id);

  /* The title. */
  kh_document_set_summary (document, "Kế hoạch số hóa hồ sơ");
  g_assert_true (kh_store_save_document (store, document, &error));
  g_assert_no_error (error);
  assert_search (store, "so hoa ho so", id);

  /* The same text in another document is indexed for it too. */
  {
    g_autoptr(KhDocument) twin = kh_document_copy (document);
    gint64 twin_id;

    kh_document_set_id (twin, 0);
    kh_document_set_summary (twin, "Kế hoạch khảo sát");
    twin_id = save_new (store, twin);
    assert_search (store, "khao sat", twin_id);
  }
}

/* A database of schema 1 (before documents.search_hash) is migrated with
 * its documents searchable, and their next save re-indexes them. */
static void
test_migration_search_hash (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *backup = g_strdup_printf ("%s.bak-v1", fx->db_path);
  g_autoptr(KhDocument) document = make_rich_document ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(KhStore) store = open_store (fx->db_path);

    id = save_new (store, document);
  }
  /* Back to what schema 1 had. */
  raw_exec (fx->db_path,
            "ALTER TABLE documents DROP COLUMN search_hash;"
            "PRAGMA user_version = 1;");

  {
    g_autoptr(KhStore) store = open_store (fx->db_path);
    g_autoptr(KhDocument) loaded = NULL;

    g_assert_cmpint (raw_user_version (fx->db_path), ==, KH_STORE_SCHEMA_VERSION);
    g_assert_cmpint (raw_user_version (backup), ==, 1);
    assert_search (store, "don gian hoa", id);

    loaded = kh_store_load_document (store, id, &error);
    g_assert_no_error (error);
    g_assert_true (kh_document_equal (loaded, document));

    kh_document_set_place (loaded, "Thái Bình");
    g_assert_true (kh_store_save_document (store, loaded, &error));
    g_assert_no_error (error);
    assert_search (store, "thai binh", id);
    assert_search (store, "hung yen", 0);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, kh_test_db_fixture_set_up, func, kh_test_db_fixture_tear_down)

  ADD ("create-reopen", test_create_reopen);
  ADD ("round-trip", test_round_trip);
  ADD ("list", test_list);
  ADD ("delete", test_delete);
  ADD ("search", test_search);
  ADD ("search-ranking", test_search_ranking);
  ADD ("units", test_units);
  ADD ("newer-schema", test_newer_schema);
  ADD ("corrupt", test_corrupt);
  ADD ("migration-backup", test_migration_backup);
  ADD ("migration-failure", test_migration_failure);
  ADD ("migration-search-hash", test_migration_search_hash);
  ADD ("search-follows-saves", test_search_follows_saves);
  ADD ("import-bad-files", test_import_bad_files);
  ADD ("export-import", test_export_import);
  ADD ("first-run", test_first_run);
  ADD ("first-run-without-examples", test_first_run_without_examples);
  g_test_add_func ("/store/default-path", test_default_path);

#undef ADD

  return g_test_run ();
}
