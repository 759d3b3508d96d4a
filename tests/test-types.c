/* test-types.c — enum nicks are the stable names used in files */
#include "kh-types.h"

static void
test_nick_round_trip (void)
{
  struct { GType (*type) (void); int value; const char *nick; } cases[] = {
    { kh_document_kind_get_type, KH_DOCUMENT_KIND_DECISION, "decision" },
    { kh_document_kind_get_type, KH_DOCUMENT_KIND_PLAN, "plan" },
    { kh_document_status_get_type, KH_DOCUMENT_STATUS_ISSUED, "issued" },
    { kh_node_kind_get_type, KH_NODE_KIND_POINT, "point" },
    { kh_task_status_get_type, KH_TASK_STATUS_IN_PROGRESS, "in-progress" },
    { kh_column_field_get_type, KH_COLUMN_COOPERATING, "cooperating" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int value = -1;

      g_assert_cmpstr (kh_enum_to_nick (cases[i].type (), cases[i].value), ==, cases[i].nick);
      g_assert_true (kh_enum_from_nick (cases[i].type (), cases[i].nick, &value));
      g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_unknown_nick (void)
{
  int value = 42;

  g_assert_false (kh_enum_from_nick (KH_TYPE_TASK_STATUS, "finished", &value));
  g_assert_false (kh_enum_from_nick (KH_TYPE_TASK_STATUS, NULL, &value));
  g_assert_cmpint (value, ==, 42);
  g_assert_null (kh_enum_to_nick (KH_TYPE_NODE_KIND, 99));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/types/nick-round-trip", test_nick_round_trip);
  g_test_add_func ("/types/unknown-nick", test_unknown_nick);
  return g_test_run ();
}
