/* kh-store.c — the SQLite library of documents and the units directory
 *
 * Durability: the database is in WAL mode with synchronous=FULL, so every
 * COMMIT is on disk (the WAL is fsync'ed) before the call returns. NORMAL
 * would survive a killed process too, but could drop the last commits on a
 * power cut or an OS crash, and the design promises that nothing is lost
 * beyond the edit being typed; one fsync per edit is cheap next to typing.
 *
 * Safety of the user's file: an existing file is first opened read-only to
 * read its schema version and run PRAGMA quick_check. Only a sound database
 * of this or an older schema is then opened for writing.
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "kh-store.h"
#include "kh-document-info.h"
#include "kh-document-io.h"
#include "kh-unit.h"
#include "kh-vntext.h"

G_DEFINE_QUARK (kh-store-error-quark, kh_store_error)

/* How long a writer waits for another connection's lock (ms). */
#define BUSY_TIMEOUT_MS 5000

/* PRAGMA application_id of our databases ("KHDB"): tells them apart from
 * other applications' SQLite files, which must never be migrated. */
#define KH_DB_APPLICATION_ID 0x4B484442

/* Forward migrations: migrations[N] turns schema N into schema N + 1.
 * Append a script to move to a new schema; never edit a shipped one. */
static const char * const migrations[] = {
  /* 0 → 1: the first schema.
   * modified/created are UNIX times in microseconds. body is the whole
   * .kehoach text (FORMAT.md), the other document columns are copies of
   * what the library list shows. documents_fts holds kh_vn_fold() of the
   * title and of the document text, its rowid is documents.id. */
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  year INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  body TEXT NOT NULL"
  ");"
  "CREATE INDEX documents_by_modified ON documents (modified);"
  "CREATE TABLE units ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  short_name TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 (title, content);"
  "PRAGMA application_id = " G_STRINGIFY (KH_DB_APPLICATION_ID) ";",

  /* 1 → 2: search_hash is the digest of the title and search text that
   * documents_fts was last filled from, so that a save which leaves them
   * unchanged (most edits of a large plan change one cell) skips folding
   * and re-indexing them. Rows of schema 1 have '' and are re-indexed on
   * their next save. */
  "ALTER TABLE documents ADD COLUMN search_hash TEXT NOT NULL DEFAULT '';",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KH_STORE_SCHEMA_VERSION);

typedef enum {
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_LIST,
  STMT_COUNT,
  STMT_LOAD,
  STMT_INSERT,
  STMT_UPDATE,
  STMT_SEARCH_HASH,
  STMT_DELETE,
  STMT_FTS_INSERT,
  STMT_FTS_DELETE,
  STMT_SEARCH,
  STMT_UNIT_LIST,
  STMT_UNIT_ADD,
  STMT_UNIT_UPDATE,
  STMT_UNIT_REMOVE,
  STMT_UNIT_SET_POSITION,
  N_STMTS
} StmtId;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_LIST] =
    "SELECT id, kind, title, year, status, modified FROM documents"
    " ORDER BY modified DESC, id DESC",
  [STMT_COUNT] = "SELECT count(*) FROM documents",
  [STMT_LOAD] = "SELECT body FROM documents WHERE id = ?1",
  [STMT_INSERT] =
    "INSERT INTO documents (kind, title, year, status, created, modified, body, search_hash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)",
  [STMT_UPDATE] =
    "UPDATE documents SET kind = ?2, title = ?3, year = ?4, status = ?5,"
    " modified = ?6, body = ?7, search_hash = ?8 WHERE id = ?1",
  [STMT_SEARCH_HASH] = "SELECT search_hash FROM documents WHERE id = ?1",
  [STMT_DELETE] = "DELETE FROM documents WHERE id = ?1",
  [STMT_FTS_INSERT] =
    "INSERT INTO documents_fts (rowid, title, content) VALUES (?1, ?2, ?3)",
  [STMT_FTS_DELETE] = "DELETE FROM documents_fts WHERE rowid = ?1",
  /* Title words weigh more than words of the body. */
  [STMT_SEARCH] =
    "SELECT d.id, d.kind, d.title, d.year, d.status, d.modified"
    " FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid"
    " WHERE documents_fts MATCH ?1"
    " ORDER BY bm25 (documents_fts, 5.0, 1.0), d.modified DESC",
  [STMT_UNIT_LIST] =
    "SELECT id, name, short_name FROM units ORDER BY position, id",
  [STMT_UNIT_ADD] =
    "INSERT INTO units (name, short_name, position)"
    " VALUES (?1, ?2, (SELECT coalesce (max (position), 0) + 1 FROM units))",
  [STMT_UNIT_UPDATE] =
    "UPDATE units SET name = ?2, short_name = ?3 WHERE id = ?1",
  [STMT_UNIT_REMOVE] = "DELETE FROM units WHERE id = ?1",
  [STMT_UNIT_SET_POSITION] = "UPDATE units SET position = ?2 WHERE id = ?1",
};

struct _KhStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  sqlite3_stmt *stmts[N_STMTS];
};

G_DEFINE_FINAL_TYPE (KhStore, kh_store, G_TYPE_OBJECT)

enum {
  SIGNAL_DOCUMENTS_CHANGED,
  SIGNAL_UNITS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A statement borrowed from the cache: reset (ending its read) and its
 * bindings cleared when it goes out of scope. */
typedef sqlite3_stmt KhStmt;

static void
kh_stmt_release (KhStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhStmt, kh_stmt_release)

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return KH_STORE_ERROR_CORRUPT;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return KH_STORE_ERROR_IO;
    default:
      return KH_STORE_ERROR_FAILED;
    }
}

/* what: a translated sentence saying what failed. */
static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, KH_STORE_ERROR, error_code_for (rc), "%s: %s", what, detail);
}

static void
set_corrupt_error (GError     **error,
                   const char  *path,
                   const char  *detail)
{
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT,
               _("The file %s is not a Kế hoạch database or is damaged (%s). It was not changed."),
               path, detail);
}

static void
set_newer_schema_error (GError     **error,
                        const char  *path,
                        int          version)
{
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NEWER_SCHEMA,
               _("The database %s was created by a newer version of Kế hoạch (schema %d); this version understands up to %d. It was not changed."),
               path, version, KH_STORE_SCHEMA_VERSION);
}

/* Runs a script of constant SQL (migrations, pragmas), one prepared
 * statement at a time. */
static int
exec_script (sqlite3    *db,
             const char *sql)
{
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v3 (db, tail, -1, 0, &stmt, &tail);
      if (rc != SQLITE_OK)
        return rc;
      if (stmt == NULL)   /* only white space or a comment was left */
        break;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return rc;
    }
  return SQLITE_OK;
}

/* Reads a one-integer result (PRAGMA user_version). */
static int
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static KhStmt *
get_stmt (KhStore  *self,
          StmtId    id,
          GError  **error)
{
  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[id], -1,
                                   SQLITE_PREPARE_PERSISTENT, &self->stmts[id], NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, self->db, rc, _("Could not read the database"));
          return NULL;
        }
    }
  sqlite3_reset (self->stmts[id]);
  return self->stmts[id];
}

/* Steps a statement that returns no row. */
static gboolean
run_stmt (KhStore     *self,
          KhStmt      *stmt,
          const char  *what,
          GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_simple (KhStore     *self,
            StmtId       id,
            const char  *what,
            GError     **error)
{
  g_autoptr(KhStmt) stmt = get_stmt (self, id, error);

  return stmt != NULL && run_stmt (self, stmt, what, error);
}

static gboolean
transaction_begin (KhStore  *self,
                   GError  **error)
{
  return run_simple (self, STMT_BEGIN, _("Could not start a change of the database"), error);
}

static gboolean
transaction_commit (KhStore  *self,
                    GError  **error)
{
  return run_simple (self, STMT_COMMIT, _("Could not save the change in the database"), error);
}

static void
transaction_rollback (KhStore *self)
{
  /* SQLite may already have rolled back by itself (a full disk). */
  if (!sqlite3_get_autocommit (self->db))
    run_simple (self, STMT_ROLLBACK, "rollback", NULL);
}

/* Ends the transaction of a change: when ok, commits it and emits signal
 * (documents- or units-changed); otherwise (error set) rolls it back. */
static gboolean
finish_change (KhStore   *self,
               gboolean   ok,
               guint      signal,
               GError   **error)
{
  if (!ok || !transaction_commit (self, error))
    {
      transaction_rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals[signal], 0);
  return TRUE;
}

static gboolean
bind_text (KhStmt     *stmt,
           int         index,
           const char *text)
{
  return sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

static const char *
column_text (KhStmt *stmt,
             int     column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

/* Opening ---------------------------------------------------------------- */

/* Looks at an existing file without writing to it: it must be a sound
 * SQLite database of a schema this version understands. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int application_id = 0;
  int rc;
  gboolean ok = FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not open the database %s: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      goto out;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  rc = query_int (db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    {
      if (error_code_for (rc) == KH_STORE_ERROR_CORRUPT)
        set_corrupt_error (error, path, sqlite3_errmsg (db));
      else
        g_set_error (error, KH_STORE_ERROR, error_code_for (rc),
                     _("Could not open the database %s: %s"), path, sqlite3_errmsg (db));
      goto out;
    }

  rc = query_int (db, "PRAGMA application_id", &application_id);
  if (rc != SQLITE_OK)
    {
      set_corrupt_error (error, path, sqlite3_errmsg (db));
      goto out;
    }
  /* Ours, or a schema-0 file (no application id, no schema version) that
   * the first migration adopts after a backup. Anything else is another
   * application's database. */
  if (application_id != KH_DB_APPLICATION_ID &&
      (application_id != 0 || version != 0))
    {
      set_corrupt_error (error, path, _("it belongs to another application"));
      goto out;
    }

  if (version > KH_STORE_SCHEMA_VERSION)
    {
      set_newer_schema_error (error, path, version);
      goto out;
    }

  rc = sqlite3_prepare_v3 (db, "PRAGMA quick_check", -1, 0, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (error_code_for (rc) == KH_STORE_ERROR_CORRUPT)
        set_corrupt_error (error, path, sqlite3_errmsg (db));
      else
        g_set_error (error, KH_STORE_ERROR, error_code_for (rc),
                     _("Could not open the database %s: %s"), path, sqlite3_errmsg (db));
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      set_corrupt_error (error, path, (const char *) sqlite3_column_text (stmt, 0));
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

/* Copies the whole database, as it is before migrating from schema
 * version, to "<path>.bak-v<version>". */
static gboolean
backup_database (KhStore  *self,
                 int       version,
                 GError  **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d", self->path, version);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  /* A backup left by an earlier, failed attempt holds the same schema. */
  if (g_remove (backup_path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not make the backup %s before updating the database: %s"),
                   backup_path, g_strerror (saved_errno));
      return FALSE;
    }

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
      if (rc == SQLITE_OK)
        rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not make the backup %s before updating the database: %s"),
                   backup_path, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_remove (backup_path);
      return FALSE;
    }

  sqlite3_close_v2 (dest);
  return TRUE;
}

static gboolean
migrate (KhStore   *self,
         gboolean   fresh,
         GError   **error)
{
  int version = 0;
  int rc;

  rc = query_int (self->db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the database"));
      return FALSE;
    }
  /* Another, newer instance may have migrated it since we looked. */
  if (version > KH_STORE_SCHEMA_VERSION)
    {
      set_newer_schema_error (error, self->path, version);
      return FALSE;
    }
  if (version == KH_STORE_SCHEMA_VERSION)
    return TRUE;

  /* A file we have just created holds nothing worth a backup. */
  if (!fresh && !backup_database (self, version, error))
    return FALSE;

  while (version < KH_STORE_SCHEMA_VERSION)
    {
      g_autofree char *set_version = NULL;
      int current = 0;

      if (!transaction_begin (self, error))
        return FALSE;

      /* Re-read under the write lock: a concurrent opener may have done
       * this step already. */
      rc = query_int (self->db, "PRAGMA user_version", &current);
      if (rc == SQLITE_OK && current != version)
        {
          transaction_rollback (self);
          version = current;
          continue;
        }

      /* PRAGMA takes no parameters; the value is our own integer. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (rc == SQLITE_OK)
        rc = exec_script (self->db, migrations[version]);
      if (rc == SQLITE_OK)
        rc = exec_script (self->db, set_version);
      if (rc != SQLITE_OK)
        {
          g_autofree char *what =
            g_strdup_printf (_("Could not update the database %s to schema %d"),
                             self->path, version + 1);
          set_sqlite_error (error, self->db, rc, what);
          transaction_rollback (self);
          return FALSE;
        }
      if (!transaction_commit (self, error))
        {
          transaction_rollback (self);
          return FALSE;
        }
      version++;
    }
  return TRUE;
}

KhStore *
kh_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(KhStore) self = NULL;
  GStatBuf st;
  gboolean fresh;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* An empty file is what SQLite itself calls an empty database. */
  fresh = g_stat (path, &st) != 0 || st.st_size == 0;
  if (!fresh && !check_existing_file (path, error))
    return NULL;

  self = g_object_new (KH_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not open the database %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Checked again on this connection before anything is written: the file
   * may have changed since the read-only look. */
  rc = query_int (self->db, "PRAGMA user_version", &version);
  if (rc == SQLITE_OK && version > KH_STORE_SCHEMA_VERSION)
    {
      set_newer_schema_error (error, path, version);
      return NULL;
    }

  if (rc == SQLITE_OK)
    rc = exec_script (self->db,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA foreign_keys = ON;");
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open the database %s"), path);
      set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }

  if (!migrate (self, fresh, error))
    return NULL;

  return g_steal_pointer (&self);
}

char *
kh_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kehoach", "kehoach.db", NULL);
}

/* Documents -------------------------------------------------------------- */

/* The digest kept in documents.search_hash: what the search entry of a
 * document is made of, before folding. It only tells an edit from no
 * edit of the user's own text, nothing to defend against: MD5 is
 * enough, and three times cheaper than SHA-256 on a large plan. */
static char *
dup_search_hash (const char *title,
                 const char *search_text)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);

  /* The title's own '\0' keeps "ab" + "c" apart from "a" + "bc". */
  g_checksum_update (checksum, (const guchar *) title, strlen (title) + 1);
  g_checksum_update (checksum, (const guchar *) search_text, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* *out: the search_hash of document @id, NULL when there is no such row. */
static gboolean
read_search_hash (KhStore     *self,
                  gint64       id,
                  char       **out,
                  GError     **error)
{
  g_autoptr(KhStmt) stmt = get_stmt (self, STMT_SEARCH_HASH, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = g_strdup (column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    *out = NULL;
  else
    {
      set_sqlite_error (error, self->db, rc, _("Could not save the document"));
      return FALSE;
    }
  return TRUE;
}

/* Writes (inserts when *id is 0) one document and its search entry; the
 * caller holds the transaction. *body_out, when asked for, is the body
 * written. */
static gboolean
write_document (KhStore     *self,
                KhDocument  *document,
                gint64      *id,
                char       **body_out,
                GError     **error)
{
  g_autofree char *body = kh_document_serialize (document);
  g_autofree char *title = kh_document_dup_title (document);
  g_autofree char *search_text = kh_document_dup_search_text (document);
  g_autofree char *search_hash = dup_search_hash (title, search_text);
  g_autofree char *folded_title = NULL;
  g_autofree char *folded_text = NULL;
  const char *kind = kh_enum_to_nick (KH_TYPE_DOCUMENT_KIND, kh_document_get_kind (document));
  const char *status = kh_enum_to_nick (KH_TYPE_DOCUMENT_STATUS, kh_document_get_status (document));
  gint64 now = g_get_real_time ();
  const char *what = _("Could not save the document");
  gboolean reindex = TRUE;

  if (*id == 0)
    {
      g_autoptr(KhStmt) stmt = get_stmt (self, STMT_INSERT, error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, kind);
      bind_text (stmt, 2, title);
      sqlite3_bind_int (stmt, 3, kh_document_get_year (document));
      bind_text (stmt, 4, status);
      sqlite3_bind_int64 (stmt, 5, now);
      bind_text (stmt, 6, body);
      bind_text (stmt, 7, search_hash);
      if (!run_stmt (self, stmt, what, error))
        return FALSE;
      *id = sqlite3_last_insert_rowid (self->db);
    }
  else
    {
      g_autoptr(KhStmt) stmt = NULL;
      g_autofree char *old_hash = NULL;

      /* Folding and indexing a large plan costs more than writing it:
       * when its title and text are unchanged (a task's status or
       * progress, the date, the number, a table's layout), its search
       * entry is kept. */
      if (!read_search_hash (self, *id, &old_hash, error))
        return FALSE;
      reindex = g_strcmp0 (old_hash, search_hash) != 0;

      stmt = get_stmt (self, STMT_UPDATE, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
      bind_text (stmt, 2, kind);
      bind_text (stmt, 3, title);
      sqlite3_bind_int (stmt, 4, kh_document_get_year (document));
      bind_text (stmt, 5, status);
      sqlite3_bind_int64 (stmt, 6, now);
      bind_text (stmt, 7, body);
      bind_text (stmt, 8, search_hash);
      if (!run_stmt (self, stmt, what, error))
        return FALSE;
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                       _("The document %lld is no longer in the database."), (long long) *id);
          return FALSE;
        }
    }

  if (body_out != NULL)
    *body_out = g_steal_pointer (&body);
  if (!reindex)
    return TRUE;

  folded_title = kh_vn_fold (title);
  folded_text = kh_vn_fold (search_text);
  {
    g_autoptr(KhStmt) stmt = get_stmt (self, STMT_FTS_DELETE, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, *id);
    if (!run_stmt (self, stmt, what, error))
      return FALSE;
  }
  {
    g_autoptr(KhStmt) stmt = get_stmt (self, STMT_FTS_INSERT, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, *id);
    /* NULL from kh_vn_fold() (invalid UTF-8) only leaves the text unsearchable. */
    bind_text (stmt, 2, folded_title);
    bind_text (stmt, 3, folded_text);
    if (!run_stmt (self, stmt, what, error))
      return FALSE;
  }
  return TRUE;
}

static KhDocumentInfo *
info_from_row (KhStmt *stmt)
{
  int kind = KH_DOCUMENT_KIND_DECISION;
  int status = KH_DOCUMENT_STATUS_DRAFT;

  /* An unknown nick (edited by hand) shows with the defaults. */
  kh_enum_from_nick (KH_TYPE_DOCUMENT_KIND, column_text (stmt, 1), &kind);
  kh_enum_from_nick (KH_TYPE_DOCUMENT_STATUS, column_text (stmt, 4), &status);

  return kh_document_info_new (sqlite3_column_int64 (stmt, 0),
                               kind,
                               column_text (stmt, 2),
                               sqlite3_column_int (stmt, 3),
                               status,
                               sqlite3_column_int64 (stmt, 5));
}

static GListModel *
collect_infos (KhStore  *self,
               KhStmt   *stmt,
               GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (KH_TYPE_DOCUMENT_INFO);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KhDocumentInfo) info = info_from_row (stmt);
      g_list_store_append (list, info);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the list of documents"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GListModel *
kh_store_list_documents (KhStore  *self,
                         GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  stmt = get_stmt (self, STMT_LIST, error);
  if (stmt == NULL)
    return NULL;
  return collect_infos (self, stmt, error);
}

guint
kh_store_count_documents (KhStore  *self,
                          GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KH_IS_STORE (self), 0);

  stmt = get_stmt (self, STMT_COUNT, error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the list of documents"));
      return 0;
    }
  return (guint) sqlite3_column_int64 (stmt, 0);
}

static void
set_no_document_error (GError **error,
                       gint64   id)
{
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
               _("There is no document %lld in the database."), (long long) id);
}

KhDocument *
kh_store_load_document (KhStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  KhDocument *document;
  int rc;

  g_return_val_if_fail (KH_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = get_stmt (self, STMT_LOAD, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_no_document_error (error, id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the document"));
      return NULL;
    }

  document = kh_document_deserialize ((const char *) sqlite3_column_text (stmt, 0),
                                      sqlite3_column_bytes (stmt, 0),
                                      &local_error);
  if (document == NULL)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT,
                   _("The document %lld in the database cannot be read: %s"),
                   (long long) id, local_error->message);
      return NULL;
    }
  kh_document_set_id (document, id);
  return document;
}

gboolean
kh_store_save_document (KhStore     *self,
                        KhDocument  *document,
                        GError     **error)
{
  return kh_store_save_document_full (self, document, NULL, error);
}

/**
 * kh_store_save_document_full:
 * @body: (out) (optional): the .kehoach text written, once committed
 *
 * kh_store_save_document(), also giving the text it wrote: one that
 * keeps it (the edit session's snapshot) needs not serialize the document
 * a second time.
 */
gboolean
kh_store_save_document_full (KhStore     *self,
                             KhDocument  *document,
                             char       **body,
                             GError     **error)
{
  g_autofree char *written = NULL;
  gint64 id;

  g_return_val_if_fail (KH_IS_STORE (self), FALSE);
  g_return_val_if_fail (KH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = kh_document_get_id (document);
  if (!transaction_begin (self, error))
    return FALSE;
  if (!write_document (self, document, &id, &written, error) ||
      !transaction_commit (self, error))
    {
      transaction_rollback (self);
      return FALSE;
    }

  /* Only once committed: a failed insert leaves the document unstored. */
  kh_document_set_id (document, id);
  if (body != NULL)
    *body = g_steal_pointer (&written);
  g_signal_emit (self, signals[SIGNAL_DOCUMENTS_CHANGED], 0);
  return TRUE;
}

static gboolean
delete_document_rows (KhStore  *self,
                      gint64    id,
                      GError  **error)
{
  const char *what = _("Could not delete the document");

  {
    g_autoptr(KhStmt) stmt = get_stmt (self, STMT_DELETE, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!run_stmt (self, stmt, what, error))
      return FALSE;
    if (sqlite3_changes (self->db) == 0)
      {
        set_no_document_error (error, id);
        return FALSE;
      }
  }
  {
    g_autoptr(KhStmt) stmt = get_stmt (self, STMT_FTS_DELETE, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!run_stmt (self, stmt, what, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
kh_store_delete_document (KhStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (KH_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;
  return finish_change (self, delete_document_rows (self, id, error), SIGNAL_DOCUMENTS_CHANGED, error);
}

/* The FTS5 query for user text: each word of the folded text becomes a
 * quoted prefix term ("word"*), so that no character the user types can be
 * read as FTS5 syntax (quotes, *, -, AND, NEAR, column filters ...).
 * NULL when the text has no word. */
static char *
build_match_expression (const char *query)
{
  g_autofree char *folded = kh_vn_fold (query);
  g_autoptr(GString) match = g_string_new (NULL);
  const char *p;

  if (folded == NULL)
    return NULL;

  p = folded;
  while (*p != '\0')
    {
      const char *start;

      /* Skip separators: anything that is not a letter, digit or mark. */
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);
          if (g_unichar_isalnum (c) || g_unichar_ismark (c))
            break;
          p = g_utf8_next_char (p);
        }
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);
          if (!g_unichar_isalnum (c) && !g_unichar_ismark (c))
            break;
          p = g_utf8_next_char (p);
        }

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      /* A word holds no '"', but a quoted FTS5 string escapes it by
       * doubling, should the word rules above ever change. */
      for (const char *q = start; q < p; q++)
        {
          if (*q == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *q);
        }
      g_string_append (match, "\"*");
    }

  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

GListModel *
kh_store_search (KhStore     *self,
                 const char  *query,
                 GError     **error)
{
  g_autofree char *match = NULL;
  g_autoptr(KhStmt) stmt = NULL;

  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  match = build_match_expression (query);
  if (match == NULL)
    return G_LIST_MODEL (g_list_store_new (KH_TYPE_DOCUMENT_INFO));

  stmt = get_stmt (self, STMT_SEARCH, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, match);
  return collect_infos (self, stmt, error);
}

static KhDocument *
read_document_file (GFile   *file,
                    GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  KhDocument *document;
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not read %s: %s"), name, local_error->message);
      return NULL;
    }
  document = kh_document_deserialize (contents, length, &local_error);
  if (document == NULL)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   _("%s is not a valid Kế hoạch file: %s"), name, local_error->message);
      return NULL;
    }
  return document;
}

gint64
kh_store_import_file (KhStore  *self,
                      GFile    *file,
                      GError  **error)
{
  g_autoptr(KhDocument) document = NULL;

  g_return_val_if_fail (KH_IS_STORE (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  document = read_document_file (file, error);
  if (document == NULL)
    return 0;

  /* An imported file is always a new document of this library. */
  kh_document_set_id (document, 0);
  if (!kh_store_save_document (self, document, error))
    return 0;
  return kh_document_get_id (document);
}

gboolean
kh_store_export_document (KhStore  *self,
                          gint64    id,
                          GFile    *file,
                          GError  **error)
{
  g_autoptr(KhDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (KH_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Read and written again, so that the file is in the current format. */
  document = kh_store_load_document (self, id, error);
  if (document == NULL)
    return FALSE;
  text = kh_document_serialize (document);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not write %s: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Units ------------------------------------------------------------------ */

GListModel *
kh_store_list_units (KhStore  *self,
                     GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  stmt = get_stmt (self, STMT_UNIT_LIST, error);
  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (KH_TYPE_UNIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KhUnit) unit = kh_unit_new (column_text (stmt, 1), column_text (stmt, 2));

      kh_unit_set_id (unit, sqlite3_column_int64 (stmt, 0));
      g_list_store_append (list, unit);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the units"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Trimmed copies of a unit's names, or FALSE with error set. */
static gboolean
check_unit_names (const char  *name,
                  const char  *short_name,
                  char       **out_name,
                  char       **out_short_name,
                  GError     **error)
{
  if (name == NULL || !g_utf8_validate (name, -1, NULL) ||
      (short_name != NULL && !g_utf8_validate (short_name, -1, NULL)))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                           _("The name of a unit must be valid text."));
      return FALSE;
    }
  *out_name = g_strstrip (g_strdup (name));
  *out_short_name = g_strstrip (g_strdup (short_name ? short_name : ""));
  if (**out_name == '\0')
    {
      g_clear_pointer (out_name, g_free);
      g_clear_pointer (out_short_name, g_free);
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                           _("A unit needs a name."));
      return FALSE;
    }
  return TRUE;
}

static void
set_no_unit_error (GError **error,
                   gint64   id)
{
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
               _("There is no unit %lld in the directory."), (long long) id);
}

/* After a statement on the unit id: FALSE, with KH_STORE_ERROR_NOT_FOUND,
 * when it changed no row (no such unit). */
static gboolean
check_unit_changed (KhStore  *self,
                    gint64    id,
                    GError  **error)
{
  if (sqlite3_changes (self->db) == 0)
    {
      set_no_unit_error (error, id);
      return FALSE;
    }
  return TRUE;
}

/* Steps the statement that writes the unit called name: a name already in
 * the directory is KH_STORE_ERROR_EXISTS, any other failure is what. */
static gboolean
step_unit_write (KhStore     *self,
                 KhStmt      *stmt,
                 const char  *name,
                 const char  *what,
                 GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS,
                   _("A unit named “%s” is already in the directory."), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_unit (KhStore     *self,
             const char  *name,
             const char  *short_name,
             gint64      *id,
             GError     **error)
{
  g_autoptr(KhStmt) stmt = get_stmt (self, STMT_UNIT_ADD, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  bind_text (stmt, 2, short_name);
  if (!step_unit_write (self, stmt, name, _("Could not add the unit"), error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gint64
kh_store_add_unit (KhStore     *self,
                   const char  *name,
                   const char  *short_name,
                   GError     **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_short_name = NULL;
  gint64 id = 0;

  g_return_val_if_fail (KH_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_unit_names (name, short_name, &clean_name, &clean_short_name, error))
    return 0;
  if (!transaction_begin (self, error))
    return 0;
  if (!finish_change (self, insert_unit (self, clean_name, clean_short_name, &id, error),
                      SIGNAL_UNITS_CHANGED, error))
    return 0;
  return id;
}

static gboolean
update_unit_row (KhStore     *self,
                 gint64       id,
                 const char  *name,
                 const char  *short_name,
                 GError     **error)
{
  g_autoptr(KhStmt) stmt = get_stmt (self, STMT_UNIT_UPDATE, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, short_name);
  if (!step_unit_write (self, stmt, name, _("Could not change the unit"), error))
    return FALSE;
  return check_unit_changed (self, id, error);
}

gboolean
kh_store_update_unit (KhStore     *self,
                      gint64       id,
                      const char  *name,
                      const char  *short_name,
                      GError     **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_short_name = NULL;

  g_return_val_if_fail (KH_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_unit_names (name, short_name, &clean_name, &clean_short_name, error))
    return FALSE;
  if (!transaction_begin (self, error))
    return FALSE;
  return finish_change (self, update_unit_row (self, id, clean_name, clean_short_name, error),
                        SIGNAL_UNITS_CHANGED, error);
}

static gboolean
remove_unit_row (KhStore  *self,
                 gint64    id,
                 GError  **error)
{
  g_autoptr(KhStmt) stmt = get_stmt (self, STMT_UNIT_REMOVE, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run_stmt (self, stmt, _("Could not remove the unit"), error))
    return FALSE;
  return check_unit_changed (self, id, error);
}

gboolean
kh_store_remove_unit (KhStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (KH_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;
  return finish_change (self, remove_unit_row (self, id, error), SIGNAL_UNITS_CHANGED, error);
}

static gboolean
move_unit_row (KhStore  *self,
               gint64    id,
               guint     index,
               GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint from = G_MAXUINT;

  {
    g_autoptr(KhStmt) stmt = get_stmt (self, STMT_UNIT_LIST, error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 unit_id = sqlite3_column_int64 (stmt, 0);

        if (unit_id == id)
          from = ids->len;
        g_array_append_val (ids, unit_id);
      }
    if (rc != SQLITE_DONE)
      {
        set_sqlite_error (error, self->db, rc, _("Could not change the unit"));
        return FALSE;
      }
  }
  if (from == G_MAXUINT)
    {
      set_no_unit_error (error, id);
      return FALSE;
    }

  g_array_remove_index (ids, from);
  g_array_insert_val (ids, MIN (index, ids->len), id);

  /* Renumbered 1..n: positions stay small and without gaps. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(KhStmt) stmt = get_stmt (self, STMT_UNIT_SET_POSITION, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, i + 1);
      if (!run_stmt (self, stmt, _("Could not change the unit"), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
kh_store_move_unit (KhStore  *self,
                    gint64    id,
                    guint     index,
                    GError  **error)
{
  g_return_val_if_fail (KH_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!transaction_begin (self, error))
    return FALSE;
  return finish_change (self, move_unit_row (self, id, index, error), SIGNAL_UNITS_CHANGED, error);
}

/* First run -------------------------------------------------------------- */

/* Adds the units of units.json, a JSON array of {"name", "short_name"}.
 * A missing file is no error: the directory then starts empty. */
static gboolean
import_units_file (KhStore     *self,
                   const char  *units_path,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonArray *array;

  if (!g_file_test (units_path, G_FILE_TEST_EXISTS))
    return TRUE;

  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, units_path, &local_error))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   _("Could not read the units directory %s: %s"), units_path,
                   local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   _("The units directory %s is not a list of units."), units_path);
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *name;
      const char *short_name;
      g_autofree char *clean_name = NULL;
      g_autofree char *clean_short_name = NULL;
      gint64 id;

      object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      name = object ? json_object_get_string_member_with_default (object, "name", NULL) : NULL;
      short_name = object ? json_object_get_string_member_with_default (object, "short_name", "") : "";
      if (!check_unit_names (name, short_name, &clean_name, &clean_short_name, &local_error) ||
          !insert_unit (self, clean_name, clean_short_name, &id, &local_error))
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                       _("The units directory %s is not valid at entry %u: %s"),
                       units_path, i + 1, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gint
compare_file_names (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Imports the examples and the units into a new database, in one
 * transaction. A broken example is reported and skipped: the first run
 * must not fail because of one shipped file. */
static gboolean
import_first_run_data (KhStore     *self,
                       const char  *examples_dir,
                       GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data_dir = NULL;
  g_autofree char *units_path = NULL;
  const char *name;

  if (examples_dir == NULL)
    return TRUE;

  dir = g_dir_open (examples_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".kehoach"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_file_names);

  if (!transaction_begin (self, error))
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (examples_dir, names->pdata[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(KhDocument) document = read_document_file (file, &local_error);
      gint64 id = 0;

      if (document == NULL)
        {
          g_warning ("%s", local_error->message);
          continue;
        }
      if (!write_document (self, document, &id, NULL, error))
        goto fail;
    }

  data_dir = g_path_get_dirname (examples_dir);
  units_path = g_build_filename (data_dir, "units.json", NULL);
  {
    g_autoptr(GError) local_error = NULL;

    if (!import_units_file (self, units_path, &local_error))
      {
        /* A broken units file must not cost the examples either. */
        if (!g_error_matches (local_error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            goto fail;
          }
        g_warning ("%s", local_error->message);
      }
  }

  if (!transaction_commit (self, error))
    goto fail;
  return TRUE;

fail:
  transaction_rollback (self);
  return FALSE;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
}

KhStore *
kh_store_open_with_examples (const char  *path,
                             const char  *examples_dir,
                             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *new_wal = NULL;
  g_autoptr(KhStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return kh_store_open (path, error);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  /* Built aside and moved in place only when complete: a first run cut
   * short starts again from scratch instead of leaving a half-filled
   * library behind. */
  new_path = g_strconcat (path, ".new", NULL);
  remove_database_files (new_path);
  store = kh_store_open (new_path, error);
  if (store == NULL)
    return NULL;
  if (!import_first_run_data (store, examples_dir, error))
    {
      g_clear_object (&store);
      remove_database_files (new_path);
      return NULL;
    }
  /* The last connection to close checkpoints and removes the WAL. */
  g_clear_object (&store);

  new_wal = g_strconcat (new_path, "-wal", NULL);
  if (g_file_test (new_wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not finish creating the database %s."), path);
      remove_database_files (new_path);
      return NULL;
    }

  /* link() does not replace a database another instance may have put in
   * place meanwhile; file systems without hard links get rename(). */
  if (link (new_path, path) == 0)
    g_remove (new_path);
  else if (errno == EEXIST)
    remove_database_files (new_path);
  else if (g_rename (new_path, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_IO,
                   _("Could not create the database %s: %s"), path, g_strerror (saved_errno));
      remove_database_files (new_path);
      return NULL;
    }

  return kh_store_open (path, error);
}

KhStore *
kh_store_open_default (const char  *examples_dir,
                       GError     **error)
{
  g_autofree char *path = kh_store_default_path ();

  return kh_store_open_with_examples (path, examples_dir, error);
}

const char *
kh_store_get_path (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);
  return self->path;
}

/* GObject ---------------------------------------------------------------- */

static void
kh_store_finalize (GObject *object)
{
  KhStore *self = KH_STORE (object);

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (kh_store_parent_class)->finalize (object);
}

static void
kh_store_class_init (KhStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_store_finalize;

  /* Emitted after a committed change of the list of documents: a
   * document added, saved, imported or deleted. */
  signals[SIGNAL_DOCUMENTS_CHANGED] =
    g_signal_new ("documents-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted after a committed change of the units directory. */
  signals[SIGNAL_UNITS_CHANGED] =
    g_signal_new ("units-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kh_store_init (KhStore *self)
{
}
