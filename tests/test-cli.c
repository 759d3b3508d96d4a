/* test-cli.c — kehoach-cli as a user runs it, against a temporary database
 *
 * The path of the built kehoach-cli is the last argument (meson passes it).
 */
#include <string.h>

#include <glib/gstdio.h>

#include "config.h"

#include "kh-core.h"
#include "kh-test-util.h"

static const char *cli_path;

typedef KhTestDbFixture Fixture;

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void run_cli_env (Run *run, char **envp, const char *db_path, va_list args);

/* Runs kehoach-cli --db DB ARGS... (NULL-terminated); no --db when db_path
 * is NULL. */
static void
run_cli (Run        *run,
         const char *db_path,
         ...)
{
  va_list args;

  va_start (args, db_path);
  run_cli_env (run, NULL, db_path, args);
  va_end (args);
}

/* The same with the environment envp (NULL: this process's). */
static void
run_cli_with_env (Run        *run,
                  char      **envp,
                  const char *db_path,
                  ...)
{
  va_list args;

  va_start (args, db_path);
  run_cli_env (run, envp, db_path, args);
  va_end (args);
}

static void
run_cli_env (Run        *run,
             char      **envp,
             const char *db_path,
             va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;

  g_ptr_array_add (argv, (char *) cli_path);
  if (db_path != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, (char *) db_path);
    }
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  run->status = kh_test_spawn (envp, (const char * const *) argv->pdata, &run->out, &run->err);
}

static void
assert_success (Run *run)
{
  if (run->status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* A failure is one line on stderr, nothing on stdout. */
static void
assert_failure (Run *run,
                int  status)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "kehoach-cli: error: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  /* The only line break is the final one. */
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static gint64
parse_id (const char *out)
{
  guint64 id = 0;
  g_autofree char *line = g_strdup (out);

  g_strchomp (line);
  g_assert_true (g_ascii_string_to_unsigned (line, 10, 1, G_MAXINT64, &id, NULL));
  return (gint64) id;
}

/* A plan whose outline the test knows: numbered narrative and a table. */
static char *
write_sample (Fixture    *fx,
              const char *name,
              const char *summary)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KhDocument) document = kh_document_new (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(KhNode) part1 = kh_node_new (KH_NODE_KIND_PART, "MỤC ĐÍCH, YÊU CẦU", "");
  g_autoptr(KhNode) part2 = kh_node_new (KH_NODE_KIND_PART, "NHIỆM VỤ", "");
  g_autoptr(KhNode) section = kh_node_new (KH_NODE_KIND_SECTION, "Mục đích", "");
  g_autoptr(KhNode) point_a = kh_node_new (KH_NODE_KIND_POINT, "", "Giám sát chặt chẽ.");
  g_autoptr(KhNode) point_b = kh_node_new (KH_NODE_KIND_POINT, "", "Tiếp nhận đơn thư.");
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  g_autoptr(KhTaskGroup) group = kh_task_group_new ("Rà soát thủ tục");
  g_autoptr(KhTask) task = kh_task_new ();
  g_autoptr(GError) error = NULL;

  kh_document_set_summary (document, summary);
  kh_document_set_year (document, 2024);
  kh_document_set_agency (document, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  kh_document_set_agency_abbrev (document, "SKHCN");
  kh_document_set_place (document, "Hưng Yên");
  g_list_store_append (G_LIST_STORE (kh_node_get_children (section)), point_a);
  g_list_store_append (G_LIST_STORE (kh_node_get_children (section)), point_b);
  g_list_store_append (G_LIST_STORE (kh_node_get_children (part1)), section);
  g_list_store_append (G_LIST_STORE (kh_plan_get_narrative (plan)), part1);
  g_list_store_append (G_LIST_STORE (kh_plan_get_narrative (plan)), part2);
  kh_task_set_content (task, "Rà soát, đơn giản hóa thủ tục hành chính");
  kh_task_set_lead (task, "Văn phòng Sở");
  kh_task_set_timeframe (task, "Quý II");
  g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (group)), task);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_groups (table)), group);
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table);
  kh_document_set_plan (document, plan);

  kh_document_save_file (document, file, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_import_list_show (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *sample = write_sample (fx, "sample.kehoach", "Kế hoạch kiểm soát thủ tục năm 2024");
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_autofree char *expected_list = NULL;
  g_autofree char *id_text = NULL;
  const char *outline[] = {
    "Document 1 (plan, draft)\n",
    "Summary: Kế hoạch kiểm soát thủ tục năm 2024\n",
    "Number: Số:      /KH-SKHCN\n",
    "    I. MỤC ĐÍCH, YÊU CẦU\n"
    "      1. Mục đích\n"
    "        a) Giám sát chặt chẽ.\n"
    "        b) Tiếp nhận đơn thư.\n"
    "    II. NHIỆM VỤ\n",
    "    I. Rà soát thủ tục\n"
    "      1. Rà soát, đơn giản hóa thủ tục hành chính\n",
    "        Lead: Văn phòng Sở\n",
    "        Time frame: Quý II\n",
  };
  gint64 id;

  run_cli (&import, fx->db_path, "import", sample, NULL);
  assert_success (&import);
  id = parse_id (import.out);
  g_assert_cmpint (id, ==, 1);

  run_cli (&list, fx->db_path, "list", NULL);
  assert_success (&list);
  expected_list = g_strdup_printf ("%" G_GINT64_FORMAT "\tplan\tKế hoạch kiểm soát thủ tục năm 2024\n", id);
  g_assert_cmpstr (list.out, ==, expected_list);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  run_cli (&show, fx->db_path, "show", id_text, NULL);
  assert_success (&show);
  for (guint i = 0; i < G_N_ELEMENTS (outline); i++)
    {
      if (strstr (show.out, outline[i]) == NULL)
        g_test_message ("missing from the outline:\n%s\nin:\n%s", outline[i], show.out);
      g_assert_nonnull (strstr (show.out, outline[i]));
    }
}

static void
test_export_round_trip (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *sample = write_sample (fx, "sample.kehoach", "Kế hoạch truyền thông");
  g_autofree char *first = g_build_filename (fx->dir, "first.kehoach", NULL);
  g_autofree char *second = g_build_filename (fx->dir, "second.kehoach", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_auto(Run) import1 = { 0 };
  g_auto(Run) export1 = { 0 };
  g_auto(Run) import2 = { 0 };
  g_auto(Run) export2 = { 0 };
  g_autoptr(GError) error = NULL;
  gsize first_len, second_len;

  run_cli (&import1, fx->db_path, "import", sample, NULL);
  assert_success (&import1);
  g_strchomp (import1.out);
  run_cli (&export1, fx->db_path, "export", import1.out, first, NULL);
  assert_success (&export1);
  g_assert_cmpstr (export1.out, ==, "");

  run_cli (&import2, fx->db_path, "import", first, NULL);
  assert_success (&import2);
  g_strchomp (import2.out);
  g_assert_cmpstr (import2.out, !=, import1.out);
  run_cli (&export2, fx->db_path, "export", import2.out, second, NULL);
  assert_success (&export2);

  g_file_get_contents (first, &first_text, &first_len, &error);
  g_assert_no_error (error);
  g_file_get_contents (second, &second_text, &second_len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first_len, >, 0);
  g_assert_cmpmem (first_text, first_len, second_text, second_len);
}

static void
test_search (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *a = write_sample (fx, "a.kehoach", "Kế hoạch kiểm soát thủ tục hành chính");
  g_autofree char *b = write_sample (fx, "b.kehoach", "Kế hoạch phổ biến pháp luật");
  g_auto(Run) import_a = { 0 };
  g_auto(Run) import_b = { 0 };
  g_auto(Run) plain = { 0 };
  g_auto(Run) accented = { 0 };
  g_auto(Run) two_args = { 0 };
  g_auto(Run) hostile = { 0 };
  g_auto(Run) none = { 0 };
  g_autofree char *expected = NULL;

  run_cli (&import_a, fx->db_path, "import", a, NULL);
  assert_success (&import_a);
  run_cli (&import_b, fx->db_path, "import", b, NULL);
  assert_success (&import_b);
  g_strchomp (import_a.out);
  expected = g_strdup_printf ("%s\tplan\tKế hoạch kiểm soát thủ tục hành chính\n", import_a.out);

  run_cli (&plain, fx->db_path, "search", "kiem soat", NULL);
  assert_success (&plain);
  g_assert_cmpstr (plain.out, ==, expected);
  run_cli (&accented, fx->db_path, "search", "KIỂM SOÁT", NULL);
  assert_success (&accented);
  g_assert_cmpstr (accented.out, ==, expected);
  run_cli (&two_args, fx->db_path, "search", "kiểm", "soát", NULL);
  assert_success (&two_args);
  g_assert_cmpstr (two_args.out, ==, expected);

  run_cli (&hostile, fx->db_path, "search", "\"kiểm* AND (", NULL);
  assert_success (&hostile);
  run_cli (&none, fx->db_path, "search", "không có gì", NULL);
  assert_success (&none);
  g_assert_cmpstr (none.out, ==, "");
}

static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *bad_json = g_build_filename (fx->dir, "bad.kehoach", NULL);
  g_autofree char *not_db = g_build_filename (fx->dir, "notes.txt", NULL);
  g_autofree char *out_file = g_build_filename (fx->dir, "out.kehoach", NULL);
  g_autofree char *missing = g_build_filename (fx->dir, "missing.kehoach", NULL);
  g_autofree char *not_db_before = NULL;
  g_autofree char *not_db_after = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    const char *db;
    const char *args[4];
    int status;
  } cases[] = {
    { fx->db_path, { NULL }, 2 },
    { fx->db_path, { "frobnicate", NULL }, 2 },
    { fx->db_path, { "--no-such-option", "list", NULL }, 2 },
    { fx->db_path, { "list", "extra", NULL }, 2 },
    { fx->db_path, { "show", NULL }, 2 },
    { fx->db_path, { "show", "abc", NULL }, 2 },
    { fx->db_path, { "show", "-3", NULL }, 2 },
    { fx->db_path, { "show", "999", NULL }, 1 },
    { fx->db_path, { "import", NULL }, 2 },
    { fx->db_path, { "import", missing, NULL }, 1 },
    { fx->db_path, { "import", bad_json, NULL }, 1 },
    { fx->db_path, { "export", "1", NULL }, 2 },
    { fx->db_path, { "export", "999", out_file, NULL }, 1 },
    { fx->db_path, { "search", NULL }, 2 },
    { not_db, { "list", NULL }, 1 },
  };

  g_file_set_contents (bad_json, "{\"format\": \"kehoach\", \"version\": 1, \"document\": [", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (not_db, "Ghi chú, không phải cơ sở dữ liệu\n", -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (not_db, &not_db_before, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i].db, cases[i].args[0], cases[i].args[1],
               cases[i].args[2], cases[i].args[3], NULL);
      g_test_message ("case %u: %s", i, run.err);
      assert_failure (&run, cases[i].status);
    }

  g_assert_false (g_file_test (out_file, G_FILE_TEST_EXISTS));
  g_file_get_contents (not_db, &not_db_after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (not_db_before, ==, not_db_after);

  /* Nothing was imported by the failed imports. */
  {
    g_auto(Run) list = { 0 };

    run_cli (&list, fx->db_path, "list", NULL);
    assert_success (&list);
    g_assert_cmpstr (list.out, ==, "");
  }
}

/* Without --db: the user's library, created on first use with the
 * examples (those of the source tree when kehoach is not installed). */
static void
test_default_database (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fx->dir, "kehoach", "kehoach.db", NULL);
  const char *examples_dir = g_file_test (EXAMPLESDIR, G_FILE_TEST_IS_DIR) ? EXAMPLESDIR : SOURCE_EXAMPLESDIR;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", fx->dir, TRUE);
  g_auto(GStrv) lines = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  guint n_examples = 0;
  const char *name;

  dir = g_dir_open (examples_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".kehoach"))
      n_examples++;
  g_assert_cmpuint (n_examples, >, 0);

  run_cli_with_env (&first, envp, NULL, "list", NULL);
  assert_success (&first);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));
  lines = g_strsplit (first.out, "\n", -1);
  /* n lines, each ended by a line break. */
  g_assert_cmpuint (g_strv_length (lines), ==, n_examples + 1);
  for (guint i = 0; i < n_examples; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_true (g_str_equal (fields[1], "decision") || g_str_equal (fields[1], "plan"));
      g_assert_cmpstr (fields[2], !=, "");
    }

  /* The second run opens the same library: the examples are not added again. */
  run_cli_with_env (&again, envp, NULL, "list", NULL);
  assert_success (&again);
  g_assert_cmpstr (again.out, ==, first.out);

  {
    g_autofree char *kehoach_dir = g_build_filename (fx->dir, "kehoach", NULL);
    kh_test_remove_tree (kehoach_dir);
  }
}

/* "lint": a clean example passes; last year's summary fails the run with
 * one finding a line and the totals; --json carries the stable codes. */
static void
test_lint (Fixture       *fx,
           gconstpointer  data)
{
  g_autofree char *example = kh_test_example_path ("2024-tuyen-truyen-cchc.kehoach");
  g_autofree char *stale = write_sample (fx, "stale.kehoach", "Kế hoạch kiểm soát thủ tục năm 2023");
  g_autofree char *missing = g_build_filename (fx->dir, "missing.kehoach", NULL);
  g_auto(Run) import = { 0 };
  g_auto(Run) clean = { 0 };
  g_auto(Run) found = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) error = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *issues;
  gboolean summary_found = FALSE;
  guint n_lines;

  run_cli (&import, fx->db_path, "import", example, NULL);
  assert_success (&import);
  g_strchomp (import.out);
  run_cli (&clean, fx->db_path, "lint", import.out, NULL);
  assert_success (&clean);
  g_assert_cmpstr (clean.out, ==, "No problems found.\n");

  run_cli (&found, fx->db_path, "lint", stale, NULL);
  g_assert_cmpint (found.status, ==, 1);
  g_assert_cmpstr (found.err, ==, "");
  g_assert_nonnull (strstr (found.out, "warning: General information: The summary names the year 2023, but the plan is for 2024.\n"));
  lines = g_strsplit (found.out, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >=, 3);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  /* The totals: one line per finding before them. */
  g_assert_true (g_str_has_prefix (lines[n_lines - 2], "0 errors, "));
  {
    g_autofree char *expected = g_strdup_printf ("%u warnings, 0 notes", n_lines - 2);
    g_assert_true (g_str_has_suffix (lines[n_lines - 2], expected));
  }

  run_cli (&json, fx->db_path, "lint", "--json", stale, NULL);
  g_assert_cmpint (json.status, ==, 1);
  json_parser_load_from_data (parser, json.out, -1, &parse_error);
  g_assert_no_error (parse_error);
  issues = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (issues), ==, n_lines - 2);
  for (guint i = 0; i < json_array_get_length (issues); i++)
    {
      JsonObject *issue = json_array_get_object_element (issues, i);

      if (g_strcmp0 (json_object_get_string_member (issue, "code"), "summary-year") == 0)
        {
          summary_found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (issue, "severity"), ==, "warning");
          g_assert_cmpstr (json_object_get_string_member (issue, "section"), ==, "general");
        }
    }
  g_assert_true (summary_found);

  run_cli (&error, fx->db_path, "lint", missing, NULL);
  assert_failure (&error, 1);
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };
  const char *commands[] = { "list", "show ID", "import FILE", "export ID FILE", "search TEXT", "--db PATH" };

  run_cli (&run, NULL, "--help", NULL);
  assert_success (&run);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));

  {
    g_auto(Run) command_help = { 0 };

    run_cli (&command_help, NULL, "export", "--help", NULL);
    assert_success (&command_help);
    g_assert_true (g_str_has_prefix (command_help.out, "Usage: kehoach-cli [--db PATH] export ID FILE\n"));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2 || !g_file_test (argv[argc - 1], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("usage: test-cli [GTEST-OPTIONS] PATH-OF-KEHOACH-CLI\n");
      return 2;
    }
  cli_path = argv[argc - 1];

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, kh_test_db_fixture_set_up, func, kh_test_db_fixture_tear_down)
  ADD ("import-list-show", test_import_list_show);
  ADD ("export-round-trip", test_export_round_trip);
  ADD ("search", test_search);
  ADD ("errors", test_errors);
  ADD ("default-database", test_default_database);
  ADD ("lint", test_lint);
#undef ADD
  g_test_add_func ("/cli/help", test_help);

  return g_test_run ();
}
