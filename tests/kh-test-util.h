/* kh-test-util.h — what the tests of the library and of kehoach-cli share:
 * temporary folders, the example documents, and running kehoach-cli as a
 * user does */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GTest fixture: a fresh temporary folder and the path of a database
 * in it (not created), all removed after the test. */
typedef struct {
  char *dir;
  char *db_path;
} KhTestDbFixture;

void  kh_test_db_fixture_set_up    (KhTestDbFixture *fx,
                                    gconstpointer    data);
void  kh_test_db_fixture_tear_down (KhTestDbFixture *fx,
                                    gconstpointer    data);

/* A new empty temporary folder named after tmpl ("kh-cli-XXXXXX"). */
char *kh_test_make_tmp_dir (const char *tmpl);
/* Removes path and everything below it. */
void  kh_test_remove_tree  (const char *path);

/* data/examples/name in the source tree (KH_SOURCE_ROOT). */
char      *kh_test_example_path  (const char *name);
/* The paths of every .kehoach file in data/examples, sorted; NULL, with the test
 * marked skipped, when KH_SOURCE_ROOT is not set. */
GPtrArray *kh_test_example_files (void);

/* Runs argv (argv[0] the program) in the environment envp (NULL: this
 * process's) and returns its exit status, asserting that it started and
 * exited. Its output goes to out and err; where out is NULL it is
 * discarded. */
int   kh_test_spawn        (char              **envp,
                            const char * const *argv,
                            char              **out,
                            char              **err);
/* Runs the kehoach-cli at cli with the NULL-terminated arguments. */
int   kh_test_run_cli      (const char  *cli,
                            char       **out,
                            char       **err,
                            ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
