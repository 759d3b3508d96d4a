/* test-document-reader.c — kh_document_deserialize reads a valid file in
 * one flat pass and hands anything unusual to the json-glib reader: both
 * must give the same document, and the same error, as the json-glib
 * reader (kh_document_from_json) alone. */
#include "config.h"

#include <string.h>

#include "kh-core.h"
#include "kh-test-document.h"
#include "kh-test-util.h"

/* The document as the json-glib reader makes it from @text. */
static KhDocument *
read_with_json_glib (const char  *text,
                     GError     **error)
{
  g_autoptr(JsonNode) root = json_from_string (text, error);

  if (root == NULL)
    return NULL;
  return kh_document_from_json (json_object_get_member (json_node_get_object (root), "document"),
                                error);
}

/* Reads @text both ways and checks that the documents are the same. */
static KhDocument *
assert_reads_as_json_glib (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDocument) expected = read_with_json_glib (text, &error);
  g_autoptr(KhDocument) read = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *read_text = NULL;

  g_assert_no_error (error);
  read = kh_document_deserialize (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (kh_document_equal (read, expected));
  expected_text = kh_document_serialize (expected);
  read_text = kh_document_serialize (read);
  g_assert_cmpstr (read_text, ==, expected_text);
  return g_steal_pointer (&read);
}

/* Replaces the first @from of @text with @to. */
static char *
replace_first (const char *text,
               const char *from,
               const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
test_examples (void)
{
  g_autoptr(GPtrArray) paths = kh_test_example_files ();

  if (paths == NULL)
    return;
  g_assert_cmpuint (paths->len, >, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(KhDocument) read = NULL;

      g_assert_true (g_file_get_contents (paths->pdata[i], &text, NULL, NULL));
      read = assert_reads_as_json_glib (text);
    }
}

static void
test_rich_document (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);
  g_autoptr(KhDocument) read = assert_reads_as_json_glib (text);

  g_assert_true (kh_document_equal (read, doc));
}

/* Every escape of JSON strings, and text written without them. */
static void
test_escapes (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(KhDocument) read = NULL;

  kh_document_set_summary (doc, "KẾ HOẠCH");
  text = kh_document_serialize (doc);
  escaped = replace_first (text, "\"KẾ HOẠCH\"",
                           "\"K\\u1EBE HO\\u1ea0CH \\\"\\\\\\/\\b\\f\\n\\r\\t \\ud83d\\ude00\"");
  read = assert_reads_as_json_glib (escaped);
  g_assert_cmpstr (kh_document_get_summary (read), ==, "KẾ HOẠCH \"\\/\b\f\n\r\t 😀");
}

/* What the flat pass leaves to json-glib is still read, and the same. */
static void
test_unusual_but_valid (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = NULL;
  static const struct {
    const char *from, *to;
  } cases[] = {
    /* numbers other than plain integers, in an opaque schedule */
    { "\"schedule\": null", "\"schedule\": {\"a\": 0.5, \"b\": 1e3, \"c\": -0, \"d\": 99999999999999999999}" },
    /* a member given twice */
    { "\"schedule\": null", "\"schedule\": {\"a\": 1, \"a\": 2}" },
    { "\"progress\": ", "\"progress\": 7, \"progress\": " },
    /* members the format does not know are ignored */
    { "\"notes\": ", "\"later\": [1, {\"x\": null}], \"notes\": " },
    /* what json-glib reads although RFC 8259 has no such text */
    { "\"lead\": \"", "\"lead\": \"\\u0000" },
    { "\"lead\": \"", "\"lead\": \"\\ud800" },
    { "\"lead\": \"", "\"lead\": \"\x01" },
    /* spacing */
    { "\"lead\": ", "\"lead\"\t:\r\n " },
  };

  text = kh_document_serialize (doc);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changed = replace_first (text, cases[i].from, cases[i].to);
      g_autoptr(KhDocument) read = NULL;

      g_test_message ("case %u", i);
      read = assert_reads_as_json_glib (changed);
    }
}

/* Errors are still worded by the json-glib reader. */
static void
test_errors (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);
  static const struct {
    const char *from, *to;
    int code;
    const char *message;
  } cases[] = {
    { "\"progress\": ", "\"progress\": 1.0, \"x\": ", KH_FORMAT_ERROR_INVALID,
      "document.plan.tables[0].groups[0].tasks[0].progress: expected an integer, found number" },
    { "\"progress\": ", "\"progress\": 101, \"x\": ", KH_FORMAT_ERROR_INVALID,
      "document.plan.tables[0].groups[0].tasks[0].progress: 101 is out of range (0–100)" },
    { "\"schedule\": null", "\"schedule\": 3", KH_FORMAT_ERROR_INVALID,
      "document.plan.tables[0].groups[0].tasks[0].schedule: expected an object or null, found number" },
    { "\"children\": []", "\"children\": [,]", KH_FORMAT_ERROR_INVALID_JSON, NULL },
    { "\"version\": 1", "\"version\": 1.0", KH_FORMAT_ERROR_INVALID,
      "version: expected an integer from 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changed = replace_first (text, cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDocument) read = kh_document_deserialize (changed, -1, &error);

      g_test_message ("case %u", i);
      g_assert_null (read);
      g_assert_nonnull (error);
      g_assert_true (error->domain == KH_FORMAT_ERROR);
      g_assert_cmpint (error->code, ==, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A task's schedule nested down to @depth brackets in all (a task is
 * read at depth 9). */
static char *
nested_to (const char *text,
           guint       depth)
{
  g_autoptr(GString) schedule = g_string_new ("\"schedule\": {\"a\": ");

  for (guint i = 10; i < depth; i++)
    g_string_append_c (schedule, '[');
  for (guint i = 10; i < depth; i++)
    g_string_append_c (schedule, ']');
  g_string_append_c (schedule, '}');
  return replace_first (text, "\"schedule\": null", schedule->str);
}

/* The flat pass goes exactly as deep as the file may nest. */
static void
test_depth (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);
  g_autofree char *deepest = nested_to (text, 256);
  g_autofree char *too_deep = nested_to (text, 257);
  g_autoptr(KhDocument) read = assert_reads_as_json_glib (deepest);
  g_autoptr(KhDocument) refused = NULL;
  g_autoptr(GError) error = NULL;

  refused = kh_document_deserialize (too_deep, -1, &error);
  g_assert_null (refused);
  g_assert_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_JSON);
  g_assert_cmpstr (error->message, ==, "The file is not valid JSON: nested more than 256 levels deep");
}

/* Text that is not UTF-8, inside a string or out of one. */
static void
test_not_utf8 (void)
{
  g_autoptr(KhDocument) doc = test_document_new_rich ();
  g_autofree char *text = kh_document_serialize (doc);
  const char *cases[][2] = {
    { "\"lead\": \"", "\"lead\": \"\xc3(" },
    { "\"lead\": \"", "\"lead\": \"\xed\xa0\x80" },   /* an encoded surrogate */
    { "\"lead\": ", "\"lead\": \xff" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changed = replace_first (text, cases[i][0], cases[i][1]);
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDocument) read = kh_document_deserialize (changed, -1, &error);

      g_test_message ("case %u", i);
      g_assert_null (read);
      g_assert_error (error, KH_FORMAT_ERROR, KH_FORMAT_ERROR_INVALID_JSON);
      g_assert_cmpstr (error->message, ==, "The file is not valid UTF-8 text");
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-reader/examples", test_examples);
  g_test_add_func ("/document-reader/rich-document", test_rich_document);
  g_test_add_func ("/document-reader/escapes", test_escapes);
  g_test_add_func ("/document-reader/unusual-but-valid", test_unusual_but_valid);
  g_test_add_func ("/document-reader/errors", test_errors);
  g_test_add_func ("/document-reader/depth", test_depth);
  g_test_add_func ("/document-reader/not-utf8", test_not_utf8);

  return g_test_run ();
}
