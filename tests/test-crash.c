/* test-crash.c — the fault test of the store: a writer killed at a random
 * moment loses nothing it reported committed and leaves a sound database.
 *
 * The test runs itself as the writer ("--child DB FIRST"): it makes a long
 * series of edits, each its own committed store call, and after each one
 * writes "committed N" on stdout (one write(2) of less than PIPE_BUF, so a
 * line is there whole or not at all). The parent SIGKILLs it after a random
 * delay (most rounds: after its first commit, so that it dies amid edits),
 * then checks the file. The same database goes through every round,
 * so earlier rounds' edits must survive later kills too.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kh-core.h"
#include "kh-document-info.h"
#include "kh-store.h"

#define ROUNDS 30
#define EDITS_PER_ROUND 100000
#define MAX_DELAY_MS 150
/* How long a writer may take to make its first commit on a loaded machine. */
#define FIRST_COMMIT_TIMEOUT_MS 10000

static const char *self_exe;

/* Edit n is one of three kinds, so that inserts, updates and the units
 * table are all interrupted. */
typedef enum {
  EDIT_NEW_DOCUMENT,
  EDIT_UPDATE_DOCUMENT,
  EDIT_NEW_UNIT,
} EditKind;

static EditKind
edit_kind (gint64 n)
{
  return n % 3;
}

static char *
new_document_title (gint64 n)
{
  return g_strdup_printf ("Văn bản số %" G_GINT64_FORMAT, n);
}

static char *
update_title (gint64 n)
{
  return g_strdup_printf ("Lần sửa %" G_GINT64_FORMAT, n);
}

static char *
unit_name (gint64 n)
{
  return g_strdup_printf ("Đơn vị %" G_GINT64_FORMAT, n);
}

/* The writer ------------------------------------------------------------- */

static int
run_child (const char *db_path,
           gint64      first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (db_path, &error);
  g_autoptr(KhDocument) edited = NULL;

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }

  /* The document every update edits is the first one ever made. */
  edited = kh_store_load_document (store, 1, NULL);
  if (edited == NULL)
    {
      edited = kh_document_new (KH_DOCUMENT_KIND_PLAN);
      kh_document_set_summary (edited, "Kế hoạch được sửa nhiều lần");
      if (!kh_store_save_document (store, edited, &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
    }

  for (gint64 n = first; n < first + EDITS_PER_ROUND; n++)
    {
      g_autofree char *line = NULL;
      gboolean ok = FALSE;

      switch (edit_kind (n))
        {
        case EDIT_NEW_DOCUMENT:
          {
            g_autoptr(KhDocument) document = kh_document_new (KH_DOCUMENT_KIND_DECISION);
            g_autofree char *title = new_document_title (n);

            kh_document_set_summary (document, title);
            kh_document_set_year (document, 2024);
            ok = kh_store_save_document (store, document, &error);
          }
          break;
        case EDIT_UPDATE_DOCUMENT:
          {
            g_autofree char *title = update_title (n);

            kh_document_set_summary (edited, title);
            ok = kh_store_save_document (store, edited, &error);
          }
          break;
        case EDIT_NEW_UNIT:
          {
            g_autofree char *name = unit_name (n);

            ok = kh_store_add_unit (store, name, "", &error) > 0;
          }
          break;
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
      line = g_strdup_printf ("committed %" G_GINT64_FORMAT "\n", n);
      if (write (STDOUT_FILENO, line, strlen (line)) != (gssize) strlen (line))
        return 1;
    }
  return 0;
}

/* The parent ------------------------------------------------------------- */

/* Spawns a writer, kills it delay_ms after it started (or, with
 * after_first_commit, after its first reported commit), and adds the edits
 * it reported to committed. */
static void
run_round (const char *db_path,
           gint64      first,
           gboolean    after_first_commit,
           guint       delay_ms,
           GArray     *committed)
{
  g_autofree char *first_text = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  const char *argv[] = { self_exe, "--child", db_path, first_text, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GPid pid;
  int out_fd;
  int status;
  char buffer[4096];
  gssize got;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* Reading while waiting keeps the writer from blocking on a full pipe. */
  g_unix_set_fd_nonblocking (out_fd, TRUE, NULL);
  if (after_first_commit)
    {
      gint64 give_up = g_get_monotonic_time () + FIRST_COMMIT_TIMEOUT_MS * (gint64) 1000;

      while (strchr (output->str, '\n') == NULL && g_get_monotonic_time () < give_up)
        {
          while ((got = read (out_fd, buffer, sizeof buffer)) > 0)
            g_string_append_len (output, buffer, got);
          g_usleep (1000);
        }
      g_assert_nonnull (strchr (output->str, '\n'));
    }
  {
    gint64 deadline = g_get_monotonic_time () + delay_ms * (gint64) 1000;

    while (g_get_monotonic_time () < deadline)
      {
        while ((got = read (out_fd, buffer, sizeof buffer)) > 0)
          g_string_append_len (output, buffer, got);
        g_usleep (1000);
      }
  }

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  /* A writer that stopped by itself has failed. */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  g_unix_set_fd_nonblocking (out_fd, FALSE, NULL);
  while ((got = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, got);
  close (out_fd);

  lines = g_strsplit (output->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 n;

      if (lines[i][0] == '\0')
        continue;
      g_assert_true (g_str_has_prefix (lines[i], "committed "));
      n = g_ascii_strtoll (lines[i] + strlen ("committed "), NULL, 10);
      g_assert_cmpint (n, >=, first);
      g_array_append_val (committed, n);
    }
}

static void
assert_sound_file (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* The search index matches the documents it indexes. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO documents_fts (documents_fts)"
                                     " VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM documents)"
                                           " = (SELECT count(*) FROM documents_fts)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
assert_edits_present (const char *db_path,
                      GArray     *committed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (db_path, &error);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) unit_list = NULL;
  g_autoptr(KhDocument) edited = NULL;
  gint64 last_update = -1;
  gint64 stored_update;
  const char *summary;

  g_assert_no_error (error);
  list = kh_store_list_documents (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KhDocumentInfo) info = g_list_model_get_item (list, i);
      g_hash_table_add (titles, g_strdup (kh_document_info_get_title (info)));
    }
  unit_list = kh_store_list_units (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (unit_list); i++)
    {
      g_autoptr(KhUnit) unit = g_list_model_get_item (unit_list, i);
      g_hash_table_add (units, g_strdup (kh_unit_get_name (unit)));
    }

  for (guint i = 0; i < committed->len; i++)
    {
      gint64 n = g_array_index (committed, gint64, i);

      switch (edit_kind (n))
        {
        case EDIT_NEW_DOCUMENT:
          {
            g_autofree char *title = new_document_title (n);
            g_assert_true (g_hash_table_contains (titles, title));
          }
          break;
        case EDIT_UPDATE_DOCUMENT:
          last_update = MAX (last_update, n);
          break;
        case EDIT_NEW_UNIT:
          {
            g_autofree char *name = unit_name (n);
            g_assert_true (g_hash_table_contains (units, name));
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (last_update < 0)
    return;
  /* The edited document holds the last reported update, or one made just
   * before the kill that had no time to be reported. */
  edited = kh_store_load_document (store, 1, &error);
  g_assert_no_error (error);
  summary = kh_document_get_summary (edited);
  g_assert_true (g_str_has_prefix (summary, "Lần sửa "));
  stored_update = g_ascii_strtoll (summary + strlen ("Lần sửa "), NULL, 10);
  g_assert_cmpint (stored_update, >=, last_update);
}

static void
test_kill_during_edits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kh-crash-XXXXXX", &error);
  g_autofree char *db_path = NULL;
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint killed_with_commits = 0;

  g_assert_no_error (error);
  db_path = g_build_filename (dir, "kehoach.db", NULL);

  /* The store exists before the first round, so that even a writer killed
   * at once finds a database. */
  {
    g_autoptr(KhStore) store = kh_store_open (db_path, &error);
    g_assert_no_error (error);
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      guint before = committed->len;
      /* One round in five kills the writer at any moment of its start-up
       * (opening and checking the file); the others amid its edits. */
      gboolean during_edits = round % 5 != 0;
      guint delay = g_test_rand_int_range (0, MAX_DELAY_MS);

      run_round (db_path, (gint64) (round + 1) * EDITS_PER_ROUND, during_edits, delay, committed);
      if (committed->len > before)
        killed_with_commits++;
      assert_sound_file (db_path);
      assert_edits_present (db_path, committed);
    }

  g_test_message ("%u rounds, %u with reported commits, %u edits checked",
                  ROUNDS, killed_with_commits, committed->len);
  g_assert_cmpuint (killed_with_commits, >=, ROUNDS - ROUNDS / 5);

  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    return run_child (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/kill-during-edits", test_kill_during_edits);
  return g_test_run ();
}
