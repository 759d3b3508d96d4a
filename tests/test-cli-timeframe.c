/* test-cli-timeframe.c — "kehoach-cli timeframe" as a script uses it
 *
 * The path of the built kehoach-cli is the last argument (meson passes it).
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "kh-test-util.h"

static const char *cli_path;

static void
test_text (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "timeframe", "Quý III,IV", "--year", "2023", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "kind: span\n"));
  g_assert_nonnull (strstr (out, "span 2023-07-01..2023-12-31 \"Quý III,IV\"\n"));
  g_assert_nonnull (strstr (out, "wording: Quý III, IV năm 2023\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* words without quotes are one text; the recurrence and its deadline */
  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "timeframe", "--year", "2024", "Hàng", "quý,", "trước", "ngày", "15",
                        "tháng", "cuối", "quý", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "kind: recurring\n"));
  g_assert_nonnull (strstr (out, "recurring 2024-01-01..2024-12-31 quarterly, before day 15 of the last month"));
}

static void
test_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *schedule;
  JsonArray *parts, *occurrences;

  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "timeframe", "--json", "--year", "2024",
                        "Thường xuyên hoặc khi có hướng dẫn", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "continuous");
  g_assert_cmpstr (json_object_get_string_member (root, "start"), ==, "2024-01-01");
  g_assert_cmpstr (json_object_get_string_member (root, "end"), ==, "2024-12-31");
  g_assert_cmpstr (json_object_get_string_member (root, "wording"), ==,
                   "Thường xuyên trong năm 2024 hoặc khi có hướng dẫn");
  occurrences = json_object_get_array_member (root, "occurrences");
  g_assert_cmpuint (json_array_get_length (occurrences), ==, 1);
  schedule = json_object_get_object_member (root, "schedule");
  g_assert_cmpstr (json_object_get_string_member (schedule, "note"), ==, "hoặc khi có hướng dẫn");
  parts = json_object_get_array_member (schedule, "parts");
  g_assert_cmpuint (json_array_get_length (parts), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (parts, 1), "kind"), ==, "event");
}

static void
test_usage_errors (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "timeframe", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "timeframe"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (kh_test_run_cli (cli_path, &out, &err, "timeframe", "Quý I", "--year", "0", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];
  g_test_add_func ("/cli-timeframe/text", test_text);
  g_test_add_func ("/cli-timeframe/json", test_json);
  g_test_add_func ("/cli-timeframe/usage-errors", test_usage_errors);
  return g_test_run ();
}
