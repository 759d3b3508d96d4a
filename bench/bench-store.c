/* bench-store.c — how long the interactive path takes on a large plan
 *
 * Loads the 2023 example and copies its first task until the plan has
 * 1,000 tasks (about 650 KB of JSON), then times, 20 times each: writing
 * and reading the .kehoach text, saving into the library (a new document,
 * then an update of it), folding the search text, and one edit with its
 * autosave through KhEditSession. Prints the mean and the worst run in ms.
 *
 * Usage: bench-store [EXAMPLES_DIR]
 * The database is written in a temporary directory on the real disk (its
 * fsyncs are part of what is measured) and removed afterwards.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "kh-core.h"
#include "kh-document-io.h"
#include "kh-edit-session.h"
#include "kh-store.h"
#include "kh-vntext.h"

#define N_TASKS 1000
#define N_RUNS 20
#define EXAMPLE "2023-kiem-soat-tthc-ha-tinh.kehoach"

typedef struct
{
  const char *name;
  double sum;
  double worst;
} Timing;

static void
timing_add (Timing *t,
            gint64  start)
{
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  t->sum += ms;
  t->worst = MAX (t->worst, ms);
}

static guint
count_tasks (KhPlan *plan)
{
  GListModel *tables = kh_plan_get_tables (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, i);
      GListModel *groups = kh_task_table_get_groups (table);

      for (guint j = 0; j < g_list_model_get_n_items (groups); j++)
        {
          g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, j);

          n += g_list_model_get_n_items (kh_task_group_get_tasks (group));
        }
    }
  return n;
}

/* The example with its first task copied until the plan has N_TASKS. */
static KhDocument *
build_large_plan (const char *examples_dir)
{
  g_autofree char *path = g_build_filename (examples_dir, EXAMPLE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_document_load_file (file, NULL, &error);
  g_autoptr(KhTaskTable) table = NULL;
  g_autoptr(KhTaskGroup) group = NULL;
  g_autoptr(KhTask) first = NULL;
  GListModel *tasks;
  KhPlan *plan;

  if (doc == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NULL;
    }
  plan = kh_document_get_plan (doc);
  if (plan == NULL || g_list_model_get_n_items (kh_plan_get_tables (plan)) == 0)
    {
      g_printerr ("%s: no task table\n", path);
      return NULL;
    }
  table = g_list_model_get_item (kh_plan_get_tables (plan), 0);
  group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  tasks = kh_task_group_get_tasks (group);
  first = g_list_model_get_item (tasks, 0);

  for (guint n = count_tasks (plan); n < N_TASKS; n++)
    {
      g_autoptr(KhTask) copy = kh_model_object_copy (KH_MODEL_OBJECT (first));

      g_list_store_append (G_LIST_STORE (tasks), copy);
    }
  return g_steal_pointer (&doc);
}

static void
on_documents_changed (KhStore  *store,
                      gboolean *saved)
{
  *saved = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *examples_dir = argc > 1 ? argv[1] : SOURCE_EXAMPLESDIR;
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(KhDocument) stored = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhEditSession) session = NULL;
  g_autoptr(KhTaskTable) table = NULL;
  g_autoptr(KhTaskGroup) group = NULL;
  g_autoptr(KhTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *search_text = NULL;
  Timing timings[] = {
    { "serialize" },
    { "deserialize" },
    { "store save (insert)" },
    { "store save (update)" },
    { "fold search text" },
    { "edit + autosave" },
  };
  enum { SERIALIZE, DESERIALIZE, INSERT, UPDATE, FOLD, EDIT };
  gboolean saved = FALSE;
  gint64 start;

  doc = build_large_plan (examples_dir);
  if (doc == NULL)
    return 1;

  dir = g_dir_make_tmp ("bench-store-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  db_path = g_build_filename (dir, "kehoach.db", NULL);
  store = kh_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  json = kh_document_serialize (doc);
  search_text = kh_document_dup_search_text (doc);
  printf ("%u tasks, %zu bytes of JSON, %zu bytes of search text, %d runs (ms)\n",
          count_tasks (kh_document_get_plan (doc)), strlen (json), strlen (search_text), N_RUNS);

  for (int run = 0; run < N_RUNS; run++)
    {
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;
      g_autoptr(KhDocument) read = NULL;

      start = g_get_monotonic_time ();
      text = kh_document_serialize (doc);
      timing_add (&timings[SERIALIZE], start);

      start = g_get_monotonic_time ();
      read = kh_document_deserialize (text, -1, &error);
      timing_add (&timings[DESERIALIZE], start);
      if (read == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      start = g_get_monotonic_time ();
      folded = kh_vn_fold (search_text);
      timing_add (&timings[FOLD], start);

      /* Each insert is a new document; the update rewrites the same one
       * with the same content, as an edit of another field would. */
      start = g_get_monotonic_time ();
      if (!kh_store_save_document (store, read, &error))
        break;
      timing_add (&timings[INSERT], start);

      start = g_get_monotonic_time ();
      if (!kh_store_save_document (store, read, &error))
        break;
      timing_add (&timings[UPDATE], start);
    }
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* One document of the library, edited as the editor does. */
  stored = kh_document_copy (doc);
  if (!kh_store_save_document (store, stored, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  session = kh_edit_session_new (store, stored);
  table = g_list_model_get_item (kh_plan_get_tables (kh_document_get_plan (stored)), 0);
  group = g_list_model_get_item (kh_task_table_get_groups (table), 0);
  task = g_list_model_get_item (kh_task_group_get_tasks (group), N_TASKS / 2);
  g_signal_connect (store, "documents-changed", G_CALLBACK (on_documents_changed), &saved);

  /* Left to itself, the session writes the edit once the user pauses. */
  kh_task_set_progress (task, 1);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);

  /* Timed: the edit and its write (as when the pause comes), not the pause. */
  for (int run = 0; run < N_RUNS; run++)
    {
      g_autofree char *content = g_strdup_printf ("Nhiệm vụ sửa lần %d", run);

      saved = FALSE;
      start = g_get_monotonic_time ();
      kh_task_set_content (task, content);
      if (!kh_edit_session_flush (session, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      timing_add (&timings[EDIT], start);
      g_assert (saved);
      kh_edit_session_close_step (session);
    }

  printf ("%-22s %9s %9s\n", "", "mean", "worst");
  for (guint i = 0; i < G_N_ELEMENTS (timings); i++)
    printf ("%-22s %9.2f %9.2f\n", timings[i].name, timings[i].sum / N_RUNS, timings[i].worst);

  g_clear_object (&session);
  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
