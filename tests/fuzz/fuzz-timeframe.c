/* fuzz-timeframe.c — libFuzzer target for the time frame reader
 *
 * Any bytes, read with a plan year taken from the first byte: the reader must not
 * crash or leak (ASan/UBSan), its spans must stay inside the input, its note must
 * be UTF-8, and its schedule must survive the JSON round trip and be worded.
 */
#include <stdint.h>
#include <string.h>

#include "kh-timeframe.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(KhSchedule) schedule = NULL;
  g_autoptr(KhSchedule) back = NULL;
  g_autoptr(KhSchedule) reread = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autofree char *wording = NULL;
  GDate start, end;
  int year = 2024;

  if (size > 0)
    {
      /* Mostly real years, sometimes one the reader cannot date with. */
      year = data[0] % 16 == 0 ? 0 : 1990 + data[0] % 60;
      data++;
      size--;
    }

  schedule = kh_timeframe_read_len ((const char *) data, (gssize) size, year);
  if (kh_schedule_get_n_parts (schedule) == 0)
    __builtin_trap ();
  for (guint i = 0; i < kh_schedule_get_n_parts (schedule); i++)
    {
      const KhSchedulePart *part = kh_schedule_get_part (schedule, i);

      if (part->offset > size || part->length > size - part->offset)
        __builtin_trap ();
    }
  if (!g_utf8_validate (kh_schedule_get_note (schedule), -1, NULL))
    __builtin_trap ();

  kh_schedule_get_range (schedule, &start, &end);
  occurrences = kh_schedule_get_occurrences (schedule);

  node = kh_schedule_to_json (schedule);
  back = kh_schedule_from_json (node, NULL);
  if (back == NULL || !kh_schedule_equal (schedule, back))
    __builtin_trap ();

  wording = kh_schedule_to_wording (schedule);
  if (!g_utf8_validate (wording, -1, NULL))
    __builtin_trap ();
  reread = kh_timeframe_read (wording, year);
  return 0;
}
