/* kh-test-util.c — temporary folders, the example documents and running
 * kehoach-cli for the tests */
#include "kh-test-util.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

char *
kh_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
kh_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        kh_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
kh_test_db_fixture_set_up (KhTestDbFixture *fx,
                           gconstpointer    data)
{
  fx->dir = kh_test_make_tmp_dir ("kh-test-XXXXXX");
  fx->db_path = g_build_filename (fx->dir, "kehoach.db", NULL);
}

void
kh_test_db_fixture_tear_down (KhTestDbFixture *fx,
                              gconstpointer    data)
{
  kh_test_remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->db_path);
}

char *
kh_test_example_path (const char *name)
{
  return g_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples", name, NULL);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
kh_test_example_files (void)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *paths;
  const char *name;

  if (g_getenv ("KH_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("KH_SOURCE_ROOT is not set");
      return NULL;
    }
  dir_path = g_build_filename (g_getenv ("KH_SOURCE_ROOT"), "data", "examples", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  paths = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".kehoach"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

int
kh_test_spawn (char              **envp,
               const char * const *argv,
               char              **out,
               char              **err)
{
  g_autoptr(GError) error = NULL;
  /* Stdout not captured would mix into this test's TAP output. */
  GSpawnFlags flags = out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, envp, flags, NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

int
kh_test_run_cli (const char  *cli,
                 char       **out,
                 char       **err,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) cli);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return kh_test_spawn (NULL, (const char * const *) argv->pdata, out, err);
}
