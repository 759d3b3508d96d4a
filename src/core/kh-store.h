/* kh-store.h — the SQLite library of documents and the units directory
 *
 * One database per user holds every document (its .kehoach JSON in
 * documents.body, plus the columns the library list needs), the units
 * directory and a full-text index of folded text for search.
 *
 * Every write is one transaction (BEGIN IMMEDIATE … COMMIT): a crash or a
 * kill loses at most the write in flight. Opening a database never changes
 * a file that is corrupt, not a database, or from a newer version of the
 * application; an older database is copied to "<path>.bak-v<N>" before it
 * is migrated.
 */
#pragma once

#include <gio/gio.h>

#include "kh-document.h"

G_BEGIN_DECLS

#define KH_STORE_ERROR (kh_store_error_quark ())

typedef enum {
  KH_STORE_ERROR_NOT_FOUND,     /* no document or unit with that id */
  KH_STORE_ERROR_CORRUPT,       /* not a database, damaged, or a stored body that cannot be read */
  KH_STORE_ERROR_NEWER_SCHEMA,  /* made by a newer version: refused, not touched */
  KH_STORE_ERROR_IO,            /* the file system refused (permissions, disk full, …) */
  KH_STORE_ERROR_EXISTS,        /* a unit with that name already exists */
  KH_STORE_ERROR_FAILED,        /* anything else SQLite reports */
} KhStoreError;

GQuark kh_store_error_quark (void);

/* The schema version this build creates and understands. */
#define KH_STORE_SCHEMA_VERSION 2

#define KH_TYPE_STORE (kh_store_get_type ())
G_DECLARE_FINAL_TYPE (KhStore, kh_store, KH, STORE, GObject)

/* Opens (creating it and its schema when the file does not exist) the
 * database at path. Refuses a corrupt or non-SQLite file
 * (KH_STORE_ERROR_CORRUPT) and a database of a newer schema
 * (KH_STORE_ERROR_NEWER_SCHEMA) without writing to them. */
KhStore     *kh_store_open                (const char  *path,
                                           GError     **error);
/* $XDG_DATA_HOME/kehoach/kehoach.db */
char        *kh_store_default_path        (void);
/* Opens the default database. On first run (no file yet) the database is
 * built aside and put in place only once complete, with every *.kehoach of
 * examples_dir and the units of units.json (in the parent directory of
 * examples_dir: a JSON array of {"name", "short_name"}) imported in one
 * transaction. examples_dir may be NULL (nothing imported). */
KhStore     *kh_store_open_default        (const char  *examples_dir,
                                           GError     **error);
/* The same first-run logic for any path (used by kh_store_open_default and
 * by tools and tests that want their own database). */
KhStore     *kh_store_open_with_examples  (const char  *path,
                                           const char  *examples_dir,
                                           GError     **error);

const char  *kh_store_get_path            (KhStore     *self);

/* Documents. Lists are GListModels of KhDocumentInfo, most recently
 * modified first. "documents-changed" is emitted after each committed
 * save, import or deletion. */
GListModel  *kh_store_list_documents      (KhStore     *self,
                                           GError     **error);
guint        kh_store_count_documents     (KhStore     *self,
                                           GError     **error);
KhDocument  *kh_store_load_document       (KhStore     *self,
                                           gint64       id,
                                           GError     **error);
/* Inserts a document whose "id" is 0 and sets its id; otherwise updates
 * the stored document with that id (KH_STORE_ERROR_NOT_FOUND when it was
 * deleted meanwhile). */
gboolean     kh_store_save_document       (KhStore     *self,
                                           KhDocument  *document,
                                           GError     **error);
/* The same, and *body (when not NULL) is the .kehoach text written. */
gboolean     kh_store_save_document_full  (KhStore     *self,
                                           KhDocument  *document,
                                           char       **body,
                                           GError     **error);
gboolean     kh_store_delete_document     (KhStore     *self,
                                           gint64       id,
                                           GError     **error);
/* Case- and diacritic-insensitive search (đ = d) of the titles and the
 * text of the documents; every word of query must start a word of the
 * document. Best matches first. A query without any letter or digit
 * matches nothing. Any text is a valid query. */
GListModel  *kh_store_search              (KhStore     *self,
                                           const char  *query,
                                           GError     **error);
/* Imports a .kehoach file as a new document; returns its id, or 0 with
 * error set and the database unchanged. */
gint64       kh_store_import_file         (KhStore     *self,
                                           GFile       *file,
                                           GError     **error);
/* Writes the document as a .kehoach file (replacing file atomically). */
gboolean     kh_store_export_document     (KhStore     *self,
                                           gint64       id,
                                           GFile       *file,
                                           GError     **error);

/* Units directory: a GListModel of KhUnit in the user's order.
 * "units-changed" is emitted after each committed change. */
GListModel  *kh_store_list_units          (KhStore     *self,
                                           GError     **error);
/* Appends a unit; returns its id, or 0 with error set (KH_STORE_ERROR_EXISTS
 * for a name already in the directory). short_name may be NULL. */
gint64       kh_store_add_unit            (KhStore     *self,
                                           const char  *name,
                                           const char  *short_name,
                                           GError     **error);
gboolean     kh_store_update_unit         (KhStore     *self,
                                           gint64       id,
                                           const char  *name,
                                           const char  *short_name,
                                           GError     **error);
gboolean     kh_store_remove_unit         (KhStore     *self,
                                           gint64       id,
                                           GError     **error);
/* Moves a unit to position index (0-based; past the end means last). */
gboolean     kh_store_move_unit           (KhStore     *self,
                                           gint64       id,
                                           guint        index,
                                           GError     **error);

G_END_DECLS
