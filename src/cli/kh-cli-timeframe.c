/* kh-cli-timeframe.c — "kehoach-cli timeframe TEXT [--year YEAR] [--json]"
 *
 * Prints how a "Thời gian thực hiện" text is read: the kind, each part with its
 * ISO dates and the words it was read from, the note and the canonical wording.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kh-cli.h"
#include "kh-timeframe.h"

static char *
iso_date (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static const char *
kind_nick (KhScheduleKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KH_TYPE_SCHEDULE_KIND);

  return g_enum_get_value (klass, kind)->value_nick;
}

static const char *
recurrence_nick (KhRecurrence recurrence)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KH_TYPE_RECURRENCE);

  return g_enum_get_value (klass, recurrence)->value_nick;
}

static void
print_text (const KhSchedule *schedule, const char *text)
{
  g_autofree char *wording = kh_schedule_to_wording (schedule);

  g_print ("%s: %s\n", _("kind"), kind_nick (kh_schedule_get_primary_kind (schedule)));
  for (guint i = 0; i < kh_schedule_get_n_parts (schedule); i++)
    {
      const KhSchedulePart *part = kh_schedule_get_part (schedule, i);
      g_autofree char *start = iso_date (&part->start);
      g_autofree char *end = iso_date (&part->end);
      g_autofree char *read = g_strndup (text + part->offset, part->length);
      g_autoptr(GString) line = g_string_new (kind_nick (part->kind));

      if (*start != '\0' || *end != '\0')
        g_string_append_printf (line, " %s..%s", start, end);
      if (part->kind == KH_SCHEDULE_KIND_RECURRING)
        {
          g_string_append_printf (line, " %s", recurrence_nick (part->recurrence));
          if (part->periods != 0)
            {
              g_string_append_printf (line, " %s=", _("periods"));
              for (int p = 0, first = 1; p < 12; p++)
                if (part->periods & (1u << p))
                  {
                    g_string_append_printf (line, "%s%d", first ? "" : ",", p + 1);
                    first = 0;
                  }
            }
          /* Translators: the deadline inside each period of a recurrence */
          if (part->due_day > 0 && part->due_month == KH_DUE_MONTH_LAST)
            g_string_append_printf (line, _(", before day %d of the last month"), part->due_day);
          else if (part->due_day > 0 && part->recurrence == KH_RECURRENCE_MONTHLY)
            g_string_append_printf (line, _(", before day %d"), part->due_day);
          else if (part->due_day > 0)
            g_string_append_printf (line, _(", before day %d of month %d of the period"),
                                    part->due_day, part->due_month);
        }
      g_print ("%s \"%s\"\n", line->str, read);
    }
  g_print ("%s: %s\n", _("note"), kh_schedule_get_note (schedule));
  g_print ("%s: %s\n", _("wording"), wording);
}

static void
print_json (const KhSchedule *schedule, const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) occurrences = kh_schedule_get_occurrences (schedule);
  g_autofree char *wording = kh_schedule_to_wording (schedule);
  GDate start, end;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_nick (kh_schedule_get_primary_kind (schedule)));
  kh_schedule_get_range (schedule, &start, &end);
  {
    g_autofree char *s = iso_date (&start);
    g_autofree char *e = iso_date (&end);

    json_builder_set_member_name (builder, "start");
    json_builder_add_string_value (builder, s);
    json_builder_set_member_name (builder, "end");
    json_builder_add_string_value (builder, e);
  }
  json_builder_set_member_name (builder, "wording");
  json_builder_add_string_value (builder, wording);
  json_builder_set_member_name (builder, "occurrences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < occurrences->len; i++)
    {
      g_autofree char *s = iso_date (&g_array_index (occurrences, KhOccurrence, i).start);
      g_autofree char *e = iso_date (&g_array_index (occurrences, KhOccurrence, i).end);

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, s);
      json_builder_add_string_value (builder, e);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "schedule");
  json_builder_add_value (builder, kh_schedule_to_json (schedule));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  kh_cli_print_json (root);
}

int
kh_cli_timeframe (KhCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(KhSchedule) schedule = NULL;
  g_autofree char *text = NULL;
  gboolean json = FALSE;
  int year = g_date_time_get_year (now);
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The plan year, for dates written without one (default: this year)"), N_("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the reading as JSON"), NULL },
    { NULL }
  };

  if (!kh_cli_parse_options ("TEXT", entries, &argc, &argv))
    return KH_CLI_EXIT_USAGE;
  if (argc < 2)
    return kh_cli_command_usage (argv[0]);
  if (year < 1 || year > 9999)
    return kh_cli_usage_error (_("The year must be from 1 to 9999."));

  /* "timeframe Quý III, IV" without quotes means the words together. */
  text = g_strjoinv (" ", argv + 1);
  if (!g_utf8_validate (text, -1, NULL))
    return kh_cli_usage_error (_("The text is not valid UTF-8."));

  schedule = kh_timeframe_read (text, year);
  if (json)
    print_json (schedule, text);
  else
    print_text (schedule, text);
  return KH_CLI_EXIT_OK;
}
