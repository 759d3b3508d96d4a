/* test-edit-session.c — autosave and undo/redo of an open document */
#include <glib/gstdio.h>

#include "kh-core.h"
#include "kh-edit-session.h"
#include "kh-store.h"

typedef struct {
  char          *dir;
  char          *path;
  KhStore       *store;
  KhEditSession *session;
  gint64         id;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for ms milliseconds, as an idle user would. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("kh-session-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = kh_store_open (f->path, &error);
  g_assert_no_error (error);

  file = g_file_new_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples",
                                    "2023-kiem-soat-tthc-ha-tinh.kehoach", NULL);
  doc = kh_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kh_store_save_document (f->store, doc, &error));
  g_assert_no_error (error);
  f->id = kh_document_get_id (doc);
  f->session = kh_edit_session_new (f->store, doc);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  for (const char *const *s = (const char *const[]) { "", "-wal", "-shm", NULL }; *s; s++)
    {
      g_autofree char *p = g_strconcat (f->path, *s, NULL);
      g_remove (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* What another process opening the database now would read. */
static char *
stored_summary (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) other = kh_store_open (f->path, &error);
  g_autoptr(KhDocument) doc = NULL;

  g_assert_no_error (error);
  doc = kh_store_load_document (other, f->id, &error);
  g_assert_no_error (error);
  return g_strdup (kh_document_get_summary (doc));
}

static KhTask *
first_task (KhDocument *doc)
{
  g_autoptr(KhTaskTable) table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (doc)), 0);
  g_autoptr(KhTaskGroup) group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  KhTask *task = g_list_model_get_item (kh_task_group_get_tasks (group), 0);

  g_object_unref (task);  /* the group keeps it alive */
  return task;
}

static void
test_autosave (Fixture *f, gconstpointer data)
{
  KhDocument *doc = kh_edit_session_get_document (f->session);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  kh_document_set_summary (doc, "Kế hoạch đã sửa");
  /* Written once the user pauses. */
  wait_ms (KH_EDIT_SESSION_GROUP_MS + 200);
  after = stored_summary (f);
  g_assert_cmpstr (after, ==, "Kế hoạch đã sửa");

  /* A deep edit is saved too. */
  kh_task_set_timeframe (first_task (doc), "Quý IV");
  wait_ms (KH_EDIT_SESSION_GROUP_MS + 200);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KhStore) other = kh_store_open (f->path, &error);
    g_autoptr(KhDocument) stored = kh_store_load_document (other, f->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kh_task_get_timeframe (first_task (stored)), ==, "Quý IV");
  }
}

static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  KhDocument *doc = kh_edit_session_get_document (f->session);
  g_autofree char *original = g_strdup (kh_document_get_summary (doc));
  g_autofree char *stored = NULL;

  g_assert_false (kh_edit_session_get_can_undo (f->session));

  /* Typing letter by letter is one step. */
  kh_document_set_summary (doc, "K");
  kh_document_set_summary (doc, "Kế");
  kh_document_set_summary (doc, "Kế hoạch");
  spin ();
  kh_edit_session_close_step (f->session);
  kh_task_set_content (first_task (doc), "Nhiệm vụ mới");
  spin ();
  g_assert_true (kh_edit_session_get_can_undo (f->session));

  /* Undo the task edit: the summary stays. */
  g_assert_true (kh_edit_session_undo (f->session, NULL));
  doc = kh_edit_session_get_document (f->session);
  g_assert_cmpstr (kh_document_get_summary (doc), ==, "Kế hoạch");
  g_assert_cmpstr (kh_task_get_content (first_task (doc)), !=, "Nhiệm vụ mới");
  g_assert_true (kh_edit_session_get_can_redo (f->session));

  /* Undo the typing: back to the original, in the store too. */
  g_assert_true (kh_edit_session_undo (f->session, NULL));
  doc = kh_edit_session_get_document (f->session);
  g_assert_cmpstr (kh_document_get_summary (doc), ==, original);
  stored = stored_summary (f);
  g_assert_cmpstr (stored, ==, original);
  g_assert_cmpint (kh_document_get_id (doc), ==, f->id);
  g_assert_false (kh_edit_session_get_can_undo (f->session));
  g_assert_true (kh_edit_session_undo (f->session, NULL));  /* nothing left: no-op */

  /* Redo both. */
  g_assert_true (kh_edit_session_redo (f->session, NULL));
  g_assert_true (kh_edit_session_redo (f->session, NULL));
  doc = kh_edit_session_get_document (f->session);
  g_assert_cmpstr (kh_document_get_summary (doc), ==, "Kế hoạch");
  g_assert_cmpstr (kh_task_get_content (first_task (doc)), ==, "Nhiệm vụ mới");
  g_assert_false (kh_edit_session_get_can_redo (f->session));

  /* A new edit after an undo clears redo. */
  g_assert_true (kh_edit_session_undo (f->session, NULL));
  kh_document_set_year (kh_edit_session_get_document (f->session), 2025);
  spin ();
  g_assert_false (kh_edit_session_get_can_redo (f->session));
}

/* Someone typing without a pause still has their text written. */
static void
test_save_while_typing (Fixture *f, gconstpointer data)
{
  KhDocument *doc = kh_edit_session_get_document (f->session);
  gint64 start = g_get_monotonic_time ();
  g_autofree char *stored = NULL;
  guint n = 0;

  while (g_get_monotonic_time () - start < (KH_EDIT_SESSION_SAVE_MS + 500) * 1000)
    {
      g_autofree char *text = g_strdup_printf ("Gõ liên tục %u", ++n);
      kh_document_set_summary (doc, text);
      wait_ms (KH_EDIT_SESSION_GROUP_MS / 4);
    }
  stored = stored_summary (f);
  g_assert_true (g_str_has_prefix (stored, "Gõ liên tục "));
}

static void
test_disposing_saves (Fixture *f, gconstpointer data)
{
  g_autofree char *stored = NULL;

  kh_document_set_summary (kh_edit_session_get_document (f->session), "Sửa rồi đóng ngay");
  g_clear_object (&f->session);  /* no main loop iteration in between */
  stored = stored_summary (f);
  g_assert_cmpstr (stored, ==, "Sửa rồi đóng ngay");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/edit-session/autosave", Fixture, NULL, fixture_set_up, test_autosave, fixture_tear_down);
  g_test_add ("/edit-session/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/edit-session/save-while-typing", Fixture, NULL, fixture_set_up, test_save_while_typing, fixture_tear_down);
  g_test_add ("/edit-session/disposing-saves", Fixture, NULL, fixture_set_up, test_disposing_saves, fixture_tear_down);
  return g_test_run ();
}
