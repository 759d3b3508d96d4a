/* test-document-io.c — the .kehoach format: exact output, lossless round
 * trip, and a clear error (never a half-built document) for bad files */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "kh-core.h"
#include "kh-test-document.h"
#include "kh-test-util.h"

/* Replaces the single occurrence of @from in @text. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* Reading @text fails with @code, naming @message_part when not NULL. */
static void
deserialize_error (const char *text,
                   gssize      length,
                   int         code,
                   const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) doc = kh_document_deserialize (text, length, &error);

  g_assert_error (error, KH_FORMAT_ERROR, code);
  g_assert_null (doc);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not name “%s”", error->message, message_part);
}

static void
test_exact_output (void)
{
  g_autoptr(KhDocument) doc = kh_document_new (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(KhTaskTable) table = kh_task_table_new ();
  g_autoptr(KhTaskGroup) group = kh_task_group_new ("");
  g_autoptr(KhColumn) column = kh_column_new (KH_COLUMN_NUMBER, "Stt");
  g_autofree char *text = NULL;
  const char *expected =
    "{\n"
    "  \"format\": \"kehoach\",\n"
    "  \"version\": 1,\n"
    "  \"document\": {\n"
    "    \"kind\": \"plan\",\n"
    "    \"status\": \"draft\",\n"
    "    \"parent_agency\": \"\",\n"
    "    \"agency\": \"SỞ NỘI VỤ\",\n"
    "    \"agency_abbrev\": \"SNV\",\n"
    "    \"number\": 0,\n"
    "    \"place\": \"\",\n"
    "    \"date\": {\n"
    "      \"day\": 0,\n"
    "      \"month\": 3,\n"
    "      \"year\": 2025\n"
    "    },\n"
    "    \"year\": 2025,\n"
    "    \"summary\": \"Kế hoạch \\\"thử\\\"\\n\",\n"
    "    \"signer\": {\n"
    "      \"prefix\": \"\",\n"
    "      \"authority\": \"\",\n"
    "      \"title\": \"GIÁM ĐỐC\",\n"
    "      \"name\": \"\"\n"
    "    },\n"
    "    \"recipients\": [\n"
    "      \"Như trên\"\n"
    "    ],\n"
    "    \"archive\": \"VT\",\n"
    "    \"archive_initials\": \"\",\n"
    "    \"decision\": null,\n"
    "    \"plan\": {\n"
    "      \"summary\": \"\",\n"
    "      \"issued_by\": \"\",\n"
    "      \"narrative\": [],\n"
    "      \"tables\": [\n"
    "        {\n"
    "          \"title\": \"\",\n"
    "          \"appendix\": false,\n"
    "          \"landscape\": true,\n"
    "          \"columns\": [\n"
    "            {\n"
    "              \"field\": \"number\",\n"
    "              \"header\": \"Stt\"\n"
    "            }\n"
    "          ],\n"
    "          \"groups\": [\n"
    "            {\n"
    "              \"title\": \"\",\n"
    "              \"tasks\": [\n"
    "                {\n"
    "                  \"content\": \"Tab\\there\",\n"
    "                  \"product\": \"\",\n"
    "                  \"lead\": \"\",\n"
    "                  \"cooperating\": \"\",\n"
    "                  \"timeframe\": \"Quý I\",\n"
    "                  \"status\": \"in-progress\",\n"
    "                  \"progress\": 10,\n"
    "                  \"notes\": \"\\u0001\",\n"
    "                  \"schedule\": null\n"
    "                }\n"
    "              ]\n"
    "            }\n"
    "          ]\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  }\n"
    "}\n";
  KhTask *task;

  kh_document_set_agency (doc, "SỞ NỘI VỤ");
  kh_document_set_agency_abbrev (doc, "SNV");
  kh_document_set_month (doc, 3);
  kh_document_set_date_year (doc, 2025);
  kh_document_set_year (doc, 2025);
  kh_document_set_summary (doc, "Kế hoạch \"thử\"\n");
  kh_signer_set_title (kh_document_get_signer (doc), "GIÁM ĐỐC");
  kh_document_add_recipient (doc, "Như trên");
  kh_document_set_archive (doc, "VT");
  kh_task_table_set_landscape (table, TRUE);
  g_list_store_append (G_LIST_STORE (kh_task_table_get_columns (table)), column);
  task = test_task_append (group, "Tab\there", "", "Quý I");
  kh_task_set_status (task, KH_TASK_STATUS_IN_PROGRESS);
  kh_task_set_progress (task, 10);
  kh_task_set_notes (task, "\001");
  g_list_store_append (G_LIST_STORE (kh_task_table_get_groups (table)), group);
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table);
  kh_document_set_plan (doc, plan);

  text = kh_document_serialize (doc);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_round_trip (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autoptr(KhDocument) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = kh_document_serialize (doc);
  g_autofree char *second = NULL;
  g_auto(GStrv) lines = NULL;

  read = kh_document_deserialize (first, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpint (kh_document_get_id (read), ==, 0);
  g_assert_true (kh_document_equal (doc, read));
  g_assert_nonnull (kh_task_get_schedule (test_document_get_task (read, 1)));

  second = kh_document_serialize (read);
  g_assert_cmpstr (first, ==, second);

  g_assert_true (g_str_has_suffix (first, "}\n"));
  lines = g_strsplit (first, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_suffix (lines[i], " "));
}

/* A user-set schedule is kept as it is, whatever JSON it holds, and
 * written the way other JSON writers write numbers. */
static void
test_schedule_values (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autoptr(JsonNode) schedule = json_from_string ("{\"a\": 0.1, \"b\": 2.0, \"c\": -1e-05, \"d\": 3, "
                                                   "\"e\": true, \"f\": [], \"g\": {}, \"h\": null, "
                                                   "\"i\": [1, \"x\"]}", NULL);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(KhDocument) read = NULL;
  g_autoptr(GError) error = NULL;
  static const char *expected[] = {
    "\"a\": 0.1,", "\"b\": 2.0,", "\"c\": -1e-05,", "\"d\": 3,", "\"e\": true,",
    "\"f\": [],", "\"g\": {},", "\"h\": null,",
    "\"i\": [\n                      1,\n                      \"x\"\n                    ]\n",
  };

  kh_task_set_schedule (test_document_get_task (doc, 0), schedule);
  text = kh_document_serialize (doc);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” not in the output", expected[i]);

  read = kh_document_deserialize (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (kh_document_equal (doc, read));
  again = kh_document_serialize (read);
  g_assert_cmpstr (text, ==, again);
}

/* The store keeps the "document" object alone. */
static void
test_document_object (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);
  g_autoptr(JsonNode) file = json_from_string (text, NULL);
  g_autoptr(JsonNode) object = kh_document_to_json (doc);
  g_autoptr(KhDocument) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (json_node_equal (object, json_object_get_member (json_node_get_object (file), "document")));
  read = kh_document_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_true (kh_document_equal (doc, read));
}

static void
test_plain_plan_round_trip (void)
{
  g_autoptr(KhDocument) doc = kh_document_new (KH_DOCUMENT_KIND_PLAN);
  g_autofree char *text = kh_document_serialize (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) read = kh_document_deserialize (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_null (kh_document_get_decision (read));
  g_assert_null (kh_document_get_plan (read));
  g_assert_cmpint (kh_document_get_kind (read), ==, KH_DOCUMENT_KIND_PLAN);
  g_assert_true (kh_document_equal (doc, read));
}

static void
test_unknown_members_ignored (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);
  g_autofree char *extended = replace_once (text, "\"archive\": \"VT, VP\",",
                                            "\"archive\": \"VT, VP\", \"future_field\": [1, {\"x\": null}],");
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) read = kh_document_deserialize (extended, -1, &error);

  g_assert_no_error (error);
  g_assert_true (kh_document_equal (doc, read));
}

static void
test_bad_json (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);
  g_autofree char *deep = NULL;

  deserialize_error ("", 0, KH_FORMAT_ERROR_INVALID_JSON, NULL);
  deserialize_error ("{\"format\": \"kehoach\",", -1, KH_FORMAT_ERROR_INVALID_JSON, NULL);
  deserialize_error ("not json at all", -1, KH_FORMAT_ERROR_INVALID_JSON, NULL);

  /* a truncated file, cut at several places */
  for (gsize cut = 1; cut < strlen (text) - 1; cut += strlen (text) / 7)
    deserialize_error (text, (gssize) cut, KH_FORMAT_ERROR_INVALID_JSON, NULL);

  /* not UTF-8 */
  deserialize_error ("{\"format\": \"keho\xe1" "\x00" "ch\"}", 22, KH_FORMAT_ERROR_INVALID_JSON, "UTF-8");
  deserialize_error ("{\"format\": \"\xff\"}", -1, KH_FORMAT_ERROR_INVALID_JSON, "UTF-8");

  /* absurdly deep nesting is refused, not a stack overflow */
  deep = g_strnfill (100000, '[');
  deserialize_error (deep, -1, KH_FORMAT_ERROR_INVALID_JSON, NULL);
}

static void
test_not_kehoach (void)
{
  deserialize_error ("[1, 2]", -1, KH_FORMAT_ERROR_NOT_KEHOACH, NULL);
  deserialize_error ("\"kehoach\"", -1, KH_FORMAT_ERROR_NOT_KEHOACH, NULL);
  deserialize_error ("{\"version\": 1, \"document\": {}}", -1, KH_FORMAT_ERROR_NOT_KEHOACH, NULL);
  deserialize_error ("{\"format\": \"kehoach2\", \"version\": 1}", -1, KH_FORMAT_ERROR_NOT_KEHOACH, NULL);
  deserialize_error ("{\"format\": 1, \"version\": 1}", -1, KH_FORMAT_ERROR_NOT_KEHOACH, NULL);
}

static void
test_versions (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);
  g_autofree char *future = replace_once (text, "\"version\": 1,", "\"version\": 2,");
  g_autofree char *zero = replace_once (text, "\"version\": 1,", "\"version\": 0,");
  g_autofree char *string = replace_once (text, "\"version\": 1,", "\"version\": \"1\",");
  g_autofree char *missing = replace_once (text, "\"version\": 1,", "");

  deserialize_error (future, -1, KH_FORMAT_ERROR_FUTURE_VERSION, "newer");
  deserialize_error (zero, -1, KH_FORMAT_ERROR_INVALID, "version");
  deserialize_error (string, -1, KH_FORMAT_ERROR_INVALID, "version");
  deserialize_error (missing, -1, KH_FORMAT_ERROR_INVALID, "version");
}

static void
test_wrong_types_name_the_path (void)
{
  static const struct {
    const char *from;
    const char *to;
    const char *path;
  } cases[] = {
    { "\"lead\": \"Thanh tra Sở\"", "\"lead\": 5",
      "document.plan.tables[0].groups[0].tasks[1].lead: expected a string, found number" },
    { "\"content\": \"Cập nhật <dữ liệu> 'TTHC'\"", "\"content\": null",
      "document.plan.tables[1].groups[1].tasks[0].content:" },
    { "\"progress\": 40", "\"progress\": 40.5",
      "document.plan.tables[0].groups[0].tasks[0].progress: expected an integer" },
    { "\"progress\": 40", "\"progress\": 140",
      "document.plan.tables[0].groups[0].tasks[0].progress: 140 is out of range" },
    { "\"status\": \"in-progress\"", "\"status\": \"finished\"",
      "document.plan.tables[0].groups[0].tasks[0].status: unknown value “finished”" },
    { "\"landscape\": true", "\"landscape\": \"yes\"",
      "document.plan.tables[1].landscape: expected true or false" },
    { "\"field\": \"notes\"", "\"field\": \"colour\"",
      "document.plan.tables[1].columns[4].field: unknown value" },
    { "\"number\": \"92/2017/NĐ-CP\"", "\"number\": [\"92/2017/NĐ-CP\"]",
      "document.decision.bases[0].citations[1].number: expected a string, found array" },
    { "\"text\": \"Tổng hợp, báo cáo.\"", "\"text\": {}",
      "document.decision.articles[1].body[0].children[1].text: expected a string, found object" },
    { "\"kind\": \"dash\"", "\"kind\": \"bullet\"",
      "document.plan.narrative[0].children[0].children[0].kind: unknown value" },
    { "\"Như Điều 3\"", "3", "document.recipients[0]: expected a string" },
    { "\"day\": 5", "\"day\": 32", "document.date.day: 32 is out of range" },
    { "\"number\": 127", "\"number\": -1", "document.number: -1 is out of range" },
    { "\"signer\": {", "\"signer\": [], \"x\": {", "document.signer: expected an object, found array" },
    { "\"plan\": {", "\"plan\": true, \"x\": {", "document.plan: expected an object or null, found boolean" },
    { "\"schedule\": {", "\"schedule\": \"Quý III\", \"x\": {",
      "document.plan.tables[0].groups[0].tasks[1].schedule: expected an object or null, found string" },
    { "\"tasks\": [\n                {\n                  \"content\": \"Rà soát",
      "\"tasks\": [\n                7, {\n                  \"content\": \"Rà soát",
      "document.plan.tables[1].groups[0].tasks[0]: expected an object, found number" },
    { "\"document\": {", "\"document\": 3, \"x\": {", "document: expected an object" },
  };
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = replace_once (text, cases[i].from, cases[i].to);

      deserialize_error (bad, -1, KH_FORMAT_ERROR_INVALID, cases[i].path);
    }
}

static void
test_missing_members (void)
{
  static const struct {
    const char *member;
    const char *path;
  } cases[] = {
    { "    \"archive\": \"VT, VP\",\n", "document.archive: required member is missing" },
    { "    \"year\": 2024,\n", "document.year: required member is missing" },
    { "          \"appendix\": true,\n", "document.plan.tables[1].appendix: required member is missing" },
    { "      \"proposal\": \"Theo đề nghị của Chánh Văn phòng Sở\",\n",
      "document.decision.proposal: required member is missing" },
    { "                  \"notes\": \"Ghi chú 📌\",\n",
      "document.plan.tables[0].groups[0].tasks[0].notes: required member is missing" },
    { "    \"decision\": {", "document.decision: required member is missing" },
  };
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* "decision" is removed by renaming it, keeping the JSON valid */
      g_autofree char *bad = replace_once (text, cases[i].member,
                                           g_str_has_suffix (cases[i].member, "{")
                                           ? "    \"decisions\": {" : "");

      deserialize_error (bad, -1, KH_FORMAT_ERROR_INVALID, cases[i].path);
    }
  deserialize_error ("{\"format\": \"kehoach\", \"version\": 1}", -1,
                     KH_FORMAT_ERROR_INVALID, "document: required member is missing");
}

static void
test_too_large_buffer (void)
{
  gsize size = KH_FORMAT_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (size);

  /* valid-looking JSON would still take long to parse: size alone decides */
  memset (data, ' ', size);
  data[0] = '{';
  deserialize_error (data, (gssize) size, KH_FORMAT_ERROR_TOO_LARGE, NULL);
}

static void
test_too_large_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kh-io-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KhDocument) doc = NULL;
  gint64 start;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.kehoach", NULL);

  /* 50 MB: a valid start, then a long string */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  {
    static const char head[] = "{\"format\": \"kehoach\", \"version\": 1, \"document\": \"";
    g_autofree char *chunk = g_strnfill (1024 * 1024, 'x');

    g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
    for (int i = 0; i < 50; i++)
      g_assert_cmpint (write (fd, chunk, 1024 * 1024), ==, 1024 * 1024);
  }
  g_assert_cmpint (close (fd), ==, 0);

  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  doc = kh_document_load_file (file, NULL, &error);
  g_assert_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_TOO_LARGE);
  g_assert_null (doc);
  /* refused from its size, not after reading 50 MB */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_save_and_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kh-io-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autoptr(KhDocument) read = NULL;
  g_autoptr(KhDocument) nothing = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.kehoach", NULL);
  file = g_file_new_for_path (path);

  /* an existing file is replaced whole */
  g_assert_true (g_file_set_contents (path, "old contents, longer than nothing", -1, NULL));
  g_assert_true (kh_document_save_file (doc, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  expected = kh_document_serialize (doc);
  g_assert_cmpstr (contents, ==, expected);

  read = kh_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kh_document_equal (doc, read));

  parent = g_file_new_for_path (dir);
  missing = g_file_get_child (parent, "missing.kehoach");
  nothing = kh_document_load_file (missing, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (nothing);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_examples (void)
{
  g_autoptr(GPtrArray) paths = kh_test_example_files ();

  if (paths == NULL)
    return;
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *contents = NULL;
      g_autofree char *again = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDocument) doc = NULL;

      doc = kh_document_load_file (file, NULL, &error);
      if (doc == NULL)
        g_error ("%s: %s", path, error->message);
      g_assert_cmpstr (kh_document_get_agency (doc), !=, "");

      /* examples are written as the app writes them: an export is
       * byte-identical to the file */
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      again = kh_document_serialize (doc);
      if (g_strcmp0 (contents, again) != 0)
        g_error ("%s: exporting the imported file changes it", path);
    }

  if (paths->len == 0)
    g_test_skip ("no data/examples/*.kehoach yet");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document-io/exact-output", test_exact_output);
  g_test_add_func ("/document-io/round-trip", test_round_trip);
  g_test_add_func ("/document-io/schedule-values", test_schedule_values);
  g_test_add_func ("/document-io/document-object", test_document_object);
  g_test_add_func ("/document-io/plain-plan-round-trip", test_plain_plan_round_trip);
  g_test_add_func ("/document-io/unknown-members-ignored", test_unknown_members_ignored);
  g_test_add_func ("/document-io/bad-json", test_bad_json);
  g_test_add_func ("/document-io/not-kehoach", test_not_kehoach);
  g_test_add_func ("/document-io/versions", test_versions);
  g_test_add_func ("/document-io/wrong-types", test_wrong_types_name_the_path);
  g_test_add_func ("/document-io/missing-members", test_missing_members);
  g_test_add_func ("/document-io/too-large-buffer", test_too_large_buffer);
  g_test_add_func ("/document-io/too-large-file", test_too_large_file);
  g_test_add_func ("/document-io/save-and-load-file", test_save_and_load_file);
  g_test_add_func ("/document-io/examples", test_examples);
  return g_test_run ();
}
