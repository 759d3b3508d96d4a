/* kh-timeframe.h — reading "Thời gian thực hiện" text into a KhSchedule
 *
 * The reader is a pure function of (text, plan year): it folds diacritics and
 * case, tokenizes, and reads every kind of time frame the office staff write
 * ("Quý III, IV", "Trước ngày 30/3 năm 2023", "Thường xuyên trong năm 2023",
 * "Hàng quý, trước ngày 15 tháng cuối quý", "Khi có hướng dẫn" ...). The plan
 * year fills a missing year. Each part of the result records the byte span of
 * @text it was read from; the words that are not dates are kept as the note.
 * It runs in linear time and never recurses on its input.
 */
#pragma once

#include "kh-schedule.h"

G_BEGIN_DECLS

/* Never returns NULL: a text with nothing to read gives one UNKNOWN part.
 * @text may be NULL (read as ""); invalid UTF-8 is tolerated. */
KhSchedule *kh_timeframe_read     (const char *text,
                                   int         plan_year);
/* The same for @length bytes of @text (-1: up to the first NUL). */
KhSchedule *kh_timeframe_read_len (const char *text,
                                   gssize      length,
                                   int         plan_year);

G_END_DECLS
