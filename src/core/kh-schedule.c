/* kh-schedule.c — KhSchedule: parts, occurrences, canonical wording, JSON */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kh-schedule.h"

struct _KhSchedule {
  gatomicrefcount ref_count;
  int plan_year;
  GArray *parts;   /* of KhSchedulePart */
  char *note;
};

G_DEFINE_BOXED_TYPE (KhSchedule, kh_schedule, kh_schedule_ref, kh_schedule_unref)
G_DEFINE_QUARK (kh-schedule-error-quark, kh_schedule_error)

static const GEnumValue kind_values[] = {
  { KH_SCHEDULE_KIND_SPAN, "KH_SCHEDULE_KIND_SPAN", "span" },
  { KH_SCHEDULE_KIND_DEADLINE, "KH_SCHEDULE_KIND_DEADLINE", "deadline" },
  { KH_SCHEDULE_KIND_CONTINUOUS, "KH_SCHEDULE_KIND_CONTINUOUS", "continuous" },
  { KH_SCHEDULE_KIND_RECURRING, "KH_SCHEDULE_KIND_RECURRING", "recurring" },
  { KH_SCHEDULE_KIND_EVENT, "KH_SCHEDULE_KIND_EVENT", "event" },
  { KH_SCHEDULE_KIND_UNKNOWN, "KH_SCHEDULE_KIND_UNKNOWN", "unknown" },
  { 0, NULL, NULL },
};

static const GEnumValue recurrence_values[] = {
  { KH_RECURRENCE_NONE, "KH_RECURRENCE_NONE", "none" },
  { KH_RECURRENCE_MONTHLY, "KH_RECURRENCE_MONTHLY", "monthly" },
  { KH_RECURRENCE_QUARTERLY, "KH_RECURRENCE_QUARTERLY", "quarterly" },
  { KH_RECURRENCE_HALF_YEARLY, "KH_RECURRENCE_HALF_YEARLY", "half-yearly" },
  { KH_RECURRENCE_YEARLY, "KH_RECURRENCE_YEARLY", "yearly" },
  { 0, NULL, NULL },
};

GType
kh_schedule_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("KhScheduleKind"),
                                                         kind_values));
  return type_id;
}

GType
kh_recurrence_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("KhRecurrence"),
                                                         recurrence_values));
  return type_id;
}

static const char *
nick_of (const GEnumValue *values, int value)
{
  for (guint i = 0; values[i].value_nick != NULL; i++)
    if (values[i].value == value)
      return values[i].value_nick;
  return NULL;
}

static gboolean
value_of (const GEnumValue *values, const char *nick, int *value)
{
  for (guint i = 0; nick != NULL && values[i].value_nick != NULL; i++)
    if (g_str_equal (values[i].value_nick, nick))
      {
        *value = values[i].value;
        return TRUE;
      }
  return FALSE;
}

void
kh_schedule_part_init (KhSchedulePart *part,
                       KhScheduleKind  kind)
{
  g_return_if_fail (part != NULL);

  memset (part, 0, sizeof *part);
  part->kind = kind;
  g_date_clear (&part->start, 1);
  g_date_clear (&part->end, 1);
  part->recurrence = KH_RECURRENCE_NONE;
}

KhSchedule *
kh_schedule_new (int plan_year)
{
  KhSchedule *self = g_new0 (KhSchedule, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->plan_year = plan_year;
  self->parts = g_array_new (FALSE, FALSE, sizeof (KhSchedulePart));
  self->note = g_strdup ("");
  return self;
}

KhSchedule *
kh_schedule_ref (KhSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, NULL);

  g_atomic_ref_count_inc (&schedule->ref_count);
  return schedule;
}

void
kh_schedule_unref (KhSchedule *schedule)
{
  g_return_if_fail (schedule != NULL);

  if (g_atomic_ref_count_dec (&schedule->ref_count))
    {
      g_array_unref (schedule->parts);
      g_free (schedule->note);
      g_free (schedule);
    }
}

KhSchedule *
kh_schedule_copy (const KhSchedule *schedule)
{
  KhSchedule *copy;

  g_return_val_if_fail (schedule != NULL, NULL);

  copy = kh_schedule_new (schedule->plan_year);
  g_array_append_vals (copy->parts, schedule->parts->data, schedule->parts->len);
  kh_schedule_set_note (copy, schedule->note);
  return copy;
}

int
kh_schedule_get_plan_year (const KhSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, 0);
  return schedule->plan_year;
}

guint
kh_schedule_get_n_parts (const KhSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, 0);
  return schedule->parts->len;
}

const KhSchedulePart *
kh_schedule_get_part (const KhSchedule *schedule,
                      guint             index)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (index < schedule->parts->len, NULL);
  return &g_array_index (schedule->parts, KhSchedulePart, index);
}

void
kh_schedule_add_part (KhSchedule           *schedule,
                      const KhSchedulePart *part)
{
  g_return_if_fail (schedule != NULL);
  g_return_if_fail (part != NULL);
  g_array_append_vals (schedule->parts, part, 1);
}

const char *
kh_schedule_get_note (const KhSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, "");
  return schedule->note;
}

void
kh_schedule_set_note (KhSchedule *schedule,
                      const char *note)
{
  g_return_if_fail (schedule != NULL);

  g_free (schedule->note);
  schedule->note = g_strstrip (g_strdup (note ? note : ""));
}

static gboolean
part_is_dated (const KhSchedulePart *part)
{
  return g_date_valid (&part->end) &&
         part->kind != KH_SCHEDULE_KIND_EVENT && part->kind != KH_SCHEDULE_KIND_UNKNOWN;
}

KhScheduleKind
kh_schedule_get_primary_kind (const KhSchedule *schedule)
{
  gboolean has_event = FALSE;

  g_return_val_if_fail (schedule != NULL, KH_SCHEDULE_KIND_UNKNOWN);

  for (guint i = 0; i < schedule->parts->len; i++)
    {
      const KhSchedulePart *part = &g_array_index (schedule->parts, KhSchedulePart, i);

      if (part_is_dated (part))
        return part->kind;
      has_event |= part->kind == KH_SCHEDULE_KIND_EVENT;
    }
  return has_event ? KH_SCHEDULE_KIND_EVENT : KH_SCHEDULE_KIND_UNKNOWN;
}

gboolean
kh_schedule_has_kind (const KhSchedule *schedule,
                      KhScheduleKind    kind)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  for (guint i = 0; i < schedule->parts->len; i++)
    if (g_array_index (schedule->parts, KhSchedulePart, i).kind == kind)
      return TRUE;
  return FALSE;
}

/* A part's own start: a deadline starts (and ends) at its date. */
static const GDate *
part_start (const KhSchedulePart *part)
{
  return g_date_valid (&part->start) ? &part->start : &part->end;
}

gboolean
kh_schedule_get_range (const KhSchedule *schedule,
                       GDate            *start,
                       GDate            *end)
{
  gboolean found = FALSE;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  g_date_clear (start, 1);
  g_date_clear (end, 1);
  for (guint i = 0; i < schedule->parts->len; i++)
    {
      const KhSchedulePart *part = &g_array_index (schedule->parts, KhSchedulePart, i);

      if (!part_is_dated (part))
        continue;
      if (!found || g_date_compare (part_start (part), start) < 0)
        *start = *part_start (part);
      if (!found || g_date_compare (&part->end, end) > 0)
        *end = part->end;
      found = TRUE;
    }
  return found;
}

int
kh_recurrence_periods_per_year (KhRecurrence recurrence)
{
  switch (recurrence)
    {
    case KH_RECURRENCE_MONTHLY: return 12;
    case KH_RECURRENCE_QUARTERLY: return 4;
    case KH_RECURRENCE_HALF_YEARLY: return 2;
    case KH_RECURRENCE_YEARLY: return 1;
    case KH_RECURRENCE_NONE:
    default: return 0;
    }
}

static void
set_dmy (GDate *date, int day, int month, int year)
{
  int last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  g_date_set_dmy (date, (GDateDay) MIN (day, last), (GDateMonth) month, (GDateYear) year);
}

/* Whole years only: a window from a stray JSON file must not run for ever. */
#define MAX_RECURRENCE_YEARS 50

static void
add_recurring_occurrences (const KhSchedulePart *part,
                           int                   plan_year,
                           GArray               *out)
{
  int n = kh_recurrence_periods_per_year (part->recurrence);
  int months = n > 0 ? 12 / n : 12;
  GDate from, to;
  int first_year, last_year;

  if (n == 0)
    return;
  if (g_date_valid (&part->start) && g_date_valid (&part->end))
    {
      from = part->start;
      to = part->end;
    }
  else if (plan_year >= 1 && plan_year <= 9999)
    {
      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, 1, (GDateYear) plan_year);
      g_date_set_dmy (&to, 31, 12, (GDateYear) plan_year);
    }
  else
    return;

  first_year = g_date_get_year (&from);
  last_year = MIN ((int) g_date_get_year (&to), first_year + MAX_RECURRENCE_YEARS - 1);
  for (int year = first_year; year <= last_year; year++)
    for (int p = 0; p < n; p++)
      {
        KhOccurrence occ;
        int first_month = p * months + 1;
        int due_month;

        if (part->periods != 0 && !(part->periods & (1u << p)))
          continue;
        g_date_clear (&occ.start, 1);
        g_date_clear (&occ.end, 1);
        g_date_set_dmy (&occ.start, 1, (GDateMonth) first_month, (GDateYear) year);
        if (part->due_day > 0)
          {
            due_month = part->due_month == KH_DUE_MONTH_LAST || part->due_month > months
                        ? months : MAX (part->due_month, 1);
            set_dmy (&occ.end, part->due_day, first_month + due_month - 1, year);
          }
        else
          set_dmy (&occ.end, 31, first_month + months - 1, year);
        /* Occurrences are kept when they fall inside the window. */
        if (g_date_compare (&occ.end, &from) < 0 || g_date_compare (&occ.start, &to) > 0)
          continue;
        g_array_append_val (out, occ);
      }
}

static int
occurrence_compare (gconstpointer a, gconstpointer b)
{
  const KhOccurrence *x = a, *y = b;
  int c = g_date_compare (&x->start, &y->start);

  return c != 0 ? c : g_date_compare (&x->end, &y->end);
}

GArray *
kh_schedule_get_occurrences (const KhSchedule *schedule)
{
  GArray *out;

  g_return_val_if_fail (schedule != NULL, NULL);

  out = g_array_new (FALSE, FALSE, sizeof (KhOccurrence));
  for (guint i = 0; i < schedule->parts->len; i++)
    {
      const KhSchedulePart *part = &g_array_index (schedule->parts, KhSchedulePart, i);
      KhOccurrence occ;

      if (part->kind == KH_SCHEDULE_KIND_RECURRING)
        {
          add_recurring_occurrences (part, schedule->plan_year, out);
          continue;
        }
      if (!part_is_dated (part))
        continue;
      occ.start = *part_start (part);
      occ.end = part->end;
      g_array_append_val (out, occ);
    }
  g_array_sort (out, occurrence_compare);
  return out;
}

static gboolean
date_equal (const GDate *a, const GDate *b)
{
  if (g_date_valid (a) != g_date_valid (b))
    return FALSE;
  return !g_date_valid (a) || g_date_compare (a, b) == 0;
}

gboolean
kh_schedule_part_equal (const KhSchedulePart *a,
                        const KhSchedulePart *b)
{
  return a->kind == b->kind &&
         date_equal (&a->start, &b->start) &&
         date_equal (&a->end, &b->end) &&
         a->recurrence == b->recurrence &&
         a->periods == b->periods &&
         a->due_day == b->due_day &&
         (a->due_day == 0 || a->due_month == b->due_month);
}

gboolean
kh_schedule_equal (const KhSchedule *a,
                   const KhSchedule *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->parts->len != b->parts->len)
    return FALSE;
  for (guint i = 0; i < a->parts->len; i++)
    if (!kh_schedule_part_equal (&g_array_index (a->parts, KhSchedulePart, i),
                                 &g_array_index (b->parts, KhSchedulePart, i)))
      return FALSE;
  return TRUE;
}

/* ---- Wording ---------------------------------------------------------- */

static const char *const roman[] = { "I", "II", "III", "IV" };

/* Nghị định 30: days below 10 and months 1 and 2 take a leading zero. */
static void
append_day_month (GString *s, const GDate *d)
{
  int month = g_date_get_month (d);

  g_string_append_printf (s, "%02d/%s%d", g_date_get_day (d), month <= 2 ? "0" : "", month);
}

static void
append_date (GString *s, const GDate *d)
{
  append_day_month (s, d);
  g_string_append_printf (s, "/%d", g_date_get_year (d));
}

static gboolean
is_month_start (const GDate *d)
{
  return g_date_get_day (d) == 1;
}

static gboolean
is_month_end (const GDate *d)
{
  return g_date_is_last_of_month (d);
}

/* The period words of a span that covers whole months: "Quý III, IV năm 2023". */
static void
append_span (GString *s, const GDate *start, const GDate *end)
{
  int y1 = g_date_get_year (start), y2 = g_date_get_year (end);
  int m1 = g_date_get_month (start), m2 = g_date_get_month (end);

  if (g_date_compare (start, end) == 0)
    {
      g_string_append (s, "Ngày ");
      append_date (s, start);
      return;
    }
  if (!is_month_start (start) || !is_month_end (end))
    {
      g_string_append (s, "Từ ngày ");
      if (y1 == y2)
        append_day_month (s, start);
      else
        append_date (s, start);
      g_string_append (s, " đến ngày ");
      append_date (s, end);
      return;
    }
  if (y1 != y2 && m1 == 1 && m2 == 12)
    {
      g_string_append_printf (s, "Năm %d đến năm %d", y1, y2);
      return;
    }
  if (y1 != y2)
    {
      g_string_append_printf (s, "Tháng %d năm %d đến tháng %d năm %d", m1, y1, m2, y2);
      return;
    }
  if (m1 == 1 && m2 == 12)
    g_string_append_printf (s, "Năm %d", y1);
  else if ((m1 - 1) % 3 == 0 && m2 % 3 == 0)
    {
      g_string_append (s, "Quý ");
      for (int q = (m1 - 1) / 3; q < m2 / 3; q++)
        g_string_append_printf (s, "%s%s", q > (m1 - 1) / 3 ? ", " : "", roman[q]);
      g_string_append_printf (s, " năm %d", y1);
    }
  else if (m1 == m2)
    g_string_append_printf (s, "Tháng %d năm %d", m1, y1);
  else
    g_string_append_printf (s, "Tháng %d đến tháng %d năm %d", m1, m2, y1);
}

static gboolean
is_whole_year (const GDate *start, const GDate *end, int *year)
{
  if (!g_date_valid (start) || !g_date_valid (end))
    return FALSE;
  if (g_date_get_year (start) != g_date_get_year (end) ||
      g_date_get_day (start) != 1 || g_date_get_month (start) != 1 ||
      g_date_get_day (end) != 31 || g_date_get_month (end) != 12)
    return FALSE;
  *year = g_date_get_year (start);
  return TRUE;
}

/* Appends @text with its first letter lowered: it continues a sentence. */
static void
append_lowered (GString *s, const char *text)
{
  gunichar c = g_utf8_get_char (text);

  g_string_append_unichar (s, g_unichar_tolower (c));
  g_string_append (s, g_utf8_next_char (text));
}

static void
append_recurring (GString *s, const KhSchedulePart *part, int plan_year)
{
  static const char *const unit_words[] = { "", "tháng", "quý", "kỳ", "năm" };
  int n = kh_recurrence_periods_per_year (part->recurrence);
  int year;

  switch (part->recurrence)
    {
    case KH_RECURRENCE_MONTHLY: g_string_append (s, "Hàng tháng"); break;
    case KH_RECURRENCE_QUARTERLY: g_string_append (s, "Hàng quý"); break;
    case KH_RECURRENCE_HALF_YEARLY: g_string_append (s, "6 tháng một lần"); break;
    case KH_RECURRENCE_YEARLY:
    case KH_RECURRENCE_NONE:
    default: g_string_append (s, "Hàng năm"); break;
    }

  if (part->periods != 0 && (part->recurrence == KH_RECURRENCE_MONTHLY ||
                             part->recurrence == KH_RECURRENCE_QUARTERLY))
    {
      gboolean first = TRUE;

      g_string_append_printf (s, " (%s ", unit_words[part->recurrence]);
      for (int p = 0; p < n; p++)
        if (part->periods & (1u << p))
          {
            if (!first)
              g_string_append (s, ", ");
            if (part->recurrence == KH_RECURRENCE_QUARTERLY)
              g_string_append (s, roman[p]);
            else
              g_string_append_printf (s, "%d", p + 1);
            first = FALSE;
          }
      g_string_append_c (s, ')');
    }

  if (g_date_valid (&part->start) && g_date_valid (&part->end) &&
      !(is_whole_year (&part->start, &part->end, &year) && year == plan_year))
    {
      g_autoptr(GString) window = g_string_new (NULL);

      append_span (window, &part->start, &part->end);
      g_string_append (s, " trong ");
      append_lowered (s, window->str);
    }

  if (part->due_day <= 0)
    return;
  g_string_append_printf (s, ", trước ngày %d", part->due_day);
  switch (part->recurrence)
    {
    case KH_RECURRENCE_MONTHLY:
      break;
    case KH_RECURRENCE_YEARLY:
      g_string_append_printf (s, " tháng %d", part->due_month == KH_DUE_MONTH_LAST ? 12 : part->due_month);
      break;
    case KH_RECURRENCE_QUARTERLY:
    case KH_RECURRENCE_HALF_YEARLY:
    case KH_RECURRENCE_NONE:
    default:
      if (part->due_month == KH_DUE_MONTH_LAST)
        g_string_append_printf (s, " tháng cuối %s", unit_words[part->recurrence]);
      else if (part->due_month <= 1)
        g_string_append_printf (s, " tháng đầu %s", unit_words[part->recurrence]);
      else
        g_string_append_printf (s, " tháng thứ %d của %s", part->due_month, unit_words[part->recurrence]);
      break;
    }
}

static void
append_part (GString *s, const KhSchedulePart *part, int plan_year)
{
  int year;

  switch (part->kind)
    {
    case KH_SCHEDULE_KIND_SPAN:
      if (g_date_valid (&part->start) && g_date_valid (&part->end))
        append_span (s, &part->start, &part->end);
      break;
    case KH_SCHEDULE_KIND_DEADLINE:
      if (g_date_valid (&part->end))
        {
          g_string_append (s, "Trước ngày ");
          append_date (s, &part->end);
        }
      break;
    case KH_SCHEDULE_KIND_CONTINUOUS:
      g_string_append (s, "Thường xuyên");
      if (is_whole_year (&part->start, &part->end, &year))
        g_string_append_printf (s, " trong năm %d", year);
      else if (g_date_valid (&part->start) && g_date_valid (&part->end))
        {
          g_autoptr(GString) span = g_string_new (NULL);

          append_span (span, &part->start, &part->end);
          g_string_append (s, g_str_has_prefix (span->str, "Từ") ? " " : " trong ");
          append_lowered (s, span->str);
        }
      break;
    case KH_SCHEDULE_KIND_RECURRING:
      append_recurring (s, part, plan_year);
      break;
    case KH_SCHEDULE_KIND_EVENT:
    case KH_SCHEDULE_KIND_UNKNOWN:
    default:
      break;
    }
}

char *
kh_schedule_to_wording (const KhSchedule *schedule)
{
  GString *s;

  g_return_val_if_fail (schedule != NULL, NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < schedule->parts->len; i++)
    {
      g_autoptr(GString) part = g_string_new (NULL);

      append_part (part, &g_array_index (schedule->parts, KhSchedulePart, i), schedule->plan_year);
      if (part->len == 0)
        continue;
      if (s->len > 0)
        {
          g_string_append (s, "; ");
          append_lowered (s, part->str);
        }
      else
        g_string_append (s, part->str);
    }

  if (schedule->note[0] != '\0')
    {
      gunichar c = g_utf8_get_char (schedule->note);

      /* "... hoặc khi ...", "... (có xét ...)" go on; "Báo cáo ..." is a sentence. */
      if (s->len > 0)
        {
          g_string_append (s, g_unichar_isupper (c) ? ". " : " ");
          g_string_append (s, schedule->note);
        }
      else
        g_string_append (s, schedule->note);   /* an event alone: the user's words */
    }
  return g_string_free (s, FALSE);
}

/* ---- JSON ------------------------------------------------------------- */

static char *
date_to_iso (const GDate *d)
{
  if (!g_date_valid (d))
    return g_strdup ("");
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static gboolean
date_from_iso (const char *iso, GDate *d)
{
  int y, m, day;

  g_date_clear (d, 1);
  if (iso[0] == '\0')
    return TRUE;
  /* Exactly YYYY-MM-DD. */
  if (strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  y = atoi (iso);
  m = atoi (iso + 5);
  day = atoi (iso + 8);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (d, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

JsonNode *
kh_schedule_to_json (const KhSchedule *schedule)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (schedule != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "plan_year");
  json_builder_add_int_value (b, schedule->plan_year);
  json_builder_set_member_name (b, "note");
  json_builder_add_string_value (b, schedule->note);
  json_builder_set_member_name (b, "parts");
  json_builder_begin_array (b);
  for (guint i = 0; i < schedule->parts->len; i++)
    {
      const KhSchedulePart *part = &g_array_index (schedule->parts, KhSchedulePart, i);
      g_autofree char *start = date_to_iso (&part->start);
      g_autofree char *end = date_to_iso (&part->end);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, nick_of (kind_values, part->kind));
      json_builder_set_member_name (b, "start");
      json_builder_add_string_value (b, start);
      json_builder_set_member_name (b, "end");
      json_builder_add_string_value (b, end);
      json_builder_set_member_name (b, "recurrence");
      json_builder_add_string_value (b, nick_of (recurrence_values, part->recurrence));
      json_builder_set_member_name (b, "periods");
      json_builder_begin_array (b);
      for (int p = 0; p < 12; p++)
        if (part->periods & (1u << p))
          json_builder_add_int_value (b, p + 1);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "due_day");
      json_builder_add_int_value (b, part->due_day);
      json_builder_set_member_name (b, "due_month");
      json_builder_add_int_value (b, part->due_month);
      json_builder_set_member_name (b, "offset");
      json_builder_add_int_value (b, (gint64) part->offset);
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, (gint64) part->length);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
invalid (GError **error, const char *path, const char *what)
{
  g_set_error (error, KH_SCHEDULE_ERROR, KH_SCHEDULE_ERROR_INVALID,
               /* Translators: "schedule.parts[0].start: expected an ISO date" */
               _("%s: expected %s"), path, what);
  return FALSE;
}

static JsonNode *
member (JsonObject *obj, const char *name, JsonNodeType type)
{
  JsonNode *node = json_object_get_member (obj, name);

  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

static gboolean
get_int (JsonObject *obj, const char *name, const char *path, gint64 min, gint64 max,
         gint64 *out, GError **error)
{
  JsonNode *node = member (obj, name, JSON_NODE_VALUE);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      g_autofree char *what = g_strdup_printf (_("an integer from %lld to %lld"),
                                               (long long) min, (long long) max);
      return invalid (error, where, what);
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static const char *
get_string (JsonObject *obj, const char *name, const char *path, GError **error)
{
  JsonNode *node = member (obj, name, JSON_NODE_VALUE);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      invalid (error, where, _("a string"));
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
part_from_json (JsonNode *node, const char *path, KhSchedulePart *part, GError **error)
{
  JsonObject *obj;
  JsonNode *periods;
  const char *s;
  gint64 v;
  int value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, path, _("an object"));
  obj = json_node_get_object (node);

  if (!(s = get_string (obj, "kind", path, error)))
    return FALSE;
  if (!value_of (kind_values, s, &value))
    {
      g_autofree char *where = g_strdup_printf ("%s.kind", path);
      return invalid (error, where, _("a schedule kind"));
    }
  kh_schedule_part_init (part, value);

  if (!(s = get_string (obj, "start", path, error)))
    return FALSE;
  if (!date_from_iso (s, &part->start))
    {
      g_autofree char *where = g_strdup_printf ("%s.start", path);
      return invalid (error, where, _("an ISO date or \"\""));
    }
  if (!(s = get_string (obj, "end", path, error)))
    return FALSE;
  if (!date_from_iso (s, &part->end))
    {
      g_autofree char *where = g_strdup_printf ("%s.end", path);
      return invalid (error, where, _("an ISO date or \"\""));
    }

  if (!(s = get_string (obj, "recurrence", path, error)))
    return FALSE;
  if (!value_of (recurrence_values, s, &value))
    {
      g_autofree char *where = g_strdup_printf ("%s.recurrence", path);
      return invalid (error, where, _("a recurrence"));
    }
  part->recurrence = value;

  periods = member (obj, "periods", JSON_NODE_ARRAY);
  if (periods == NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.periods", path);
      return invalid (error, where, _("an array"));
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (periods)); i++)
    {
      JsonNode *p = json_array_get_element (json_node_get_array (periods), i);
      gint64 n;

      if (!JSON_NODE_HOLDS_VALUE (p) || json_node_get_value_type (p) != G_TYPE_INT64 ||
          (n = json_node_get_int (p)) < 1 || n > MAX (kh_recurrence_periods_per_year (part->recurrence), 1))
        {
          g_autofree char *where = g_strdup_printf ("%s.periods[%u]", path, i);
          return invalid (error, where, _("a period number of the recurrence"));
        }
      part->periods |= 1u << (n - 1);
    }

  if (!get_int (obj, "due_day", path, 0, 31, &v, error))
    return FALSE;
  part->due_day = (int) v;
  if (!get_int (obj, "due_month", path, KH_DUE_MONTH_LAST, 12, &v, error))
    return FALSE;
  part->due_month = (int) v;
  if (!get_int (obj, "offset", path, 0, G_MAXINT32, &v, error))
    return FALSE;
  part->offset = (gsize) v;
  if (!get_int (obj, "length", path, 0, G_MAXINT32, &v, error))
    return FALSE;
  part->length = (gsize) v;

  if (part->kind == KH_SCHEDULE_KIND_DEADLINE && !g_date_valid (&part->end))
    {
      g_autofree char *where = g_strdup_printf ("%s.end", path);
      return invalid (error, where, _("the deadline's date"));
    }
  /* A span has both dates; a continuity or recurrence read without a plan year may
   * have none; whatever has both must not end before it starts. */
  if ((part->kind == KH_SCHEDULE_KIND_SPAN &&
       (!g_date_valid (&part->start) || !g_date_valid (&part->end))) ||
      ((part->kind == KH_SCHEDULE_KIND_CONTINUOUS || part->kind == KH_SCHEDULE_KIND_RECURRING) &&
       g_date_valid (&part->start) != g_date_valid (&part->end)) ||
      (g_date_valid (&part->start) && g_date_valid (&part->end) &&
       g_date_compare (&part->start, &part->end) > 0))
    {
      g_autofree char *where = g_strdup_printf ("%s.start", path);
      return invalid (error, where, _("a start date not after the end date"));
    }
  return TRUE;
}

KhSchedule *
kh_schedule_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(KhSchedule) schedule = NULL;
  JsonObject *obj;
  JsonNode *parts;
  const char *note;
  gint64 year;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "schedule", _("an object"));
      return NULL;
    }
  obj = json_node_get_object (node);
  if (!get_int (obj, "plan_year", "schedule", 0, 9999, &year, error))
    return NULL;
  if (!(note = get_string (obj, "note", "schedule", error)))
    return NULL;
  parts = member (obj, "parts", JSON_NODE_ARRAY);
  if (parts == NULL)
    {
      invalid (error, "schedule.parts", _("an array"));
      return NULL;
    }

  schedule = kh_schedule_new ((int) year);
  kh_schedule_set_note (schedule, note);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (parts)); i++)
    {
      g_autofree char *path = g_strdup_printf ("schedule.parts[%u]", i);
      KhSchedulePart part;

      if (!part_from_json (json_array_get_element (json_node_get_array (parts), i), path, &part, error))
        return NULL;
      kh_schedule_add_part (schedule, &part);
    }
  return g_steal_pointer (&schedule);
}
