/* kh-schedule.h — a task's schedule: what "Thời gian thực hiện" means in dates
 *
 * A schedule is a list of parts (a span, a deadline, a recurrence, an event ...)
 * plus the note: the words of the time frame that were not dates ("theo Kế hoạch
 * Rà soát ..."). kh_timeframe_read() builds one from the text the user typed; the
 * UI builds one when the user picks dates, and kh_schedule_to_wording() then gives
 * the canonical Vietnamese text for it.
 *
 * KhSchedule is a reference-counted boxed type. Build it with kh_schedule_new(),
 * kh_schedule_add_part() and kh_schedule_set_note(), then treat it as immutable
 * once shared (take kh_schedule_copy() to change a shared one).
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  KH_SCHEDULE_KIND_SPAN,        /* from start to end: a bar */
  KH_SCHEDULE_KIND_DEADLINE,    /* done by end ("Trước ngày 30/3/2023"): start unset */
  KH_SCHEDULE_KIND_CONTINUOUS,  /* throughout start..end ("Thường xuyên") */
  KH_SCHEDULE_KIND_RECURRING,   /* repeats inside start..end ("Hàng quý") */
  KH_SCHEDULE_KIND_EVENT,       /* triggered from outside the plan: no dates */
  KH_SCHEDULE_KIND_UNKNOWN,     /* nothing could be read */
} KhScheduleKind;

typedef enum {
  KH_RECURRENCE_NONE,
  KH_RECURRENCE_MONTHLY,
  KH_RECURRENCE_QUARTERLY,
  KH_RECURRENCE_HALF_YEARLY,
  KH_RECURRENCE_YEARLY,
} KhRecurrence;

/* The month of a period that holds a recurrence's due day
 * ("trước ngày 15 tháng cuối quý" = due_day 15, due_month KH_DUE_MONTH_LAST). */
#define KH_DUE_MONTH_LAST (-1)

typedef struct {
  KhScheduleKind kind;
  GDate start;             /* invalid (g_date_valid() FALSE) when unset */
  GDate end;               /* the deadline's date for a deadline */
  /* KH_SCHEDULE_KIND_RECURRING only: */
  KhRecurrence recurrence;
  guint periods;           /* bit n-1 set: the n-th period of the year (quarter 1..4,
                            * month 1..12, half 1..2); 0 = every period */
  int due_day;             /* 1..31; 0 = the occurrence is the whole period */
  int due_month;           /* 1-based month within the period, or KH_DUE_MONTH_LAST */
  /* Where in the input text the part was read from (both 0 when set by the user). */
  gsize offset;            /* in bytes */
  gsize length;            /* in bytes */
} KhSchedulePart;

/* One occurrence of a part: the dates a timeline draws. For a deadline start == end. */
typedef struct {
  GDate start;
  GDate end;
} KhOccurrence;

#define KH_SCHEDULE_ERROR (kh_schedule_error_quark ())

typedef enum {
  KH_SCHEDULE_ERROR_INVALID,   /* malformed JSON */
} KhScheduleError;

#define KH_TYPE_SCHEDULE      (kh_schedule_get_type ())
#define KH_TYPE_SCHEDULE_KIND (kh_schedule_kind_get_type ())
#define KH_TYPE_RECURRENCE    (kh_recurrence_get_type ())

typedef struct _KhSchedule KhSchedule;

GType   kh_schedule_get_type        (void) G_GNUC_CONST;
GType   kh_schedule_kind_get_type   (void) G_GNUC_CONST;
GType   kh_recurrence_get_type      (void) G_GNUC_CONST;
GQuark  kh_schedule_error_quark     (void);

/* How many times a year @recurrence comes round: 12, 4, 2, 1; 0 for none. */
int         kh_recurrence_periods_per_year (KhRecurrence recurrence);

/* A part of @kind with no dates and no recurrence. */
void        kh_schedule_part_init       (KhSchedulePart *part,
                                         KhScheduleKind  kind);

/* Same kind, dates and recurrence; a due month counts only with a due day. */
gboolean    kh_schedule_part_equal      (const KhSchedulePart *a,
                                         const KhSchedulePart *b);

KhSchedule *kh_schedule_new             (int                    plan_year);
KhSchedule *kh_schedule_ref             (KhSchedule            *schedule);
void        kh_schedule_unref           (KhSchedule            *schedule);
KhSchedule *kh_schedule_copy            (const KhSchedule      *schedule);

int         kh_schedule_get_plan_year   (const KhSchedule      *schedule);
guint       kh_schedule_get_n_parts     (const KhSchedule      *schedule);
const KhSchedulePart *
            kh_schedule_get_part        (const KhSchedule      *schedule,
                                         guint                  index);
void        kh_schedule_add_part        (KhSchedule            *schedule,
                                         const KhSchedulePart  *part);
/* The text not read as dates, trimmed; "" when none. Never NULL. */
const char *kh_schedule_get_note        (const KhSchedule      *schedule);
void        kh_schedule_set_note        (KhSchedule            *schedule,
                                         const char            *note);

/* The kind that decides how the task is drawn: the first part that has dates,
 * else EVENT when there is an event part, else UNKNOWN. */
KhScheduleKind kh_schedule_get_primary_kind (const KhSchedule *schedule);
gboolean    kh_schedule_has_kind        (const KhSchedule      *schedule,
                                         KhScheduleKind         kind);
/* The overall dates of the dated parts (a deadline counts as its date).
 * Returns FALSE, leaving @start and @end cleared, when no part has dates. */
gboolean    kh_schedule_get_range       (const KhSchedule      *schedule,
                                         GDate                 *start,
                                         GDate                 *end);
/* Every occurrence of every dated part, in date order: one per span, deadline or
 * continuous part, one per period for a recurring part. */
GArray     *kh_schedule_get_occurrences (const KhSchedule      *schedule);

/* Same kinds, dates and recurrences in the same order (offsets and the note
 * are not compared). */
gboolean    kh_schedule_equal           (const KhSchedule      *a,
                                         const KhSchedule      *b);

/* Canonical Vietnamese wording ("Quý III, IV năm 2023", "Trước ngày 30/3/2023",
 * "Hàng quý, trước ngày 15 tháng cuối quý"), the note appended. */
char       *kh_schedule_to_wording      (const KhSchedule      *schedule);

/* The "schedule" member of a task in a .kehoach file. Every member is written:
 *   { "plan_year": 2024, "note": "",
 *     "parts": [ { "kind": "recurring", "start": "2024-01-01", "end": "2024-12-31",
 *                  "recurrence": "quarterly", "periods": [1, 2, 3],
 *                  "due_day": 15, "due_month": -1, "offset": 0, "length": 0 } ] }
 * kind and recurrence are the enum nicks; dates are ISO or ""; periods are
 * 1-based ([] = every period); due_month -1 is the last month of the period.
 * kh_schedule_from_json() names the JSON path of what it rejects. */
JsonNode   *kh_schedule_to_json         (const KhSchedule      *schedule);
KhSchedule *kh_schedule_from_json       (JsonNode              *node,
                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhSchedule, kh_schedule_unref)

G_END_DECLS
