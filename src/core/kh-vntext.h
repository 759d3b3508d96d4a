/* kh-vntext.h — Vietnamese text rules of the printed document
 *
 * Pure functions (GLib only) for the wording Nghị định 30/2020/NĐ-CP sets:
 * dates, number and symbol, point letters, Roman numerals, citations of
 * legal bases, and the case/diacritic folding used by search.
 *
 * Every "char *" result is newly allocated UTF-8, precomposed (NFC) even
 * when the input was decomposed, and is freed with g_free(). Functions
 * return NULL for invalid input (as documented on each) and never abort on
 * it; the strings they produce are document text and are not translated.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A blank (draft) field of the long date or of the number leaves this many
 * spaces between its neighbours: "ngày      tháng 01 năm 2024",
 * "Số:      /KH-SKHCN" — room to write the value in by hand. */
#define KH_VN_BLANK_GAP 6

/* A blank day or month of the short date is this many spaces:
 * "   /01/2024", so that "ngày " + it reads "ngày    /01/2024". */
#define KH_VN_SHORT_BLANK_WIDTH 3

/* Number of point letters a)..y) before the sequence doubles (aa, bb ...). */
#define KH_VN_POINT_LETTER_COUNT 23

/* Dates. day and month 0 mean "blank in a draft"; year must be 1..9999.
 * A day that the month (and year, for February) does not have, a month
 * above 12 or any negative value gives NULL. With the month blank, days
 * up to 31 are accepted. */
char     *kh_vn_format_date             (int         day,
                                         int         month,
                                         int         year);
/* "Hưng Yên, ngày 05 tháng 01 năm 2024". place is trimmed; NULL or blank
 * place gives the date alone. NULL when the date is invalid. */
char     *kh_vn_format_place_date       (const char *place,
                                         int         day,
                                         int         month,
                                         int         year);
/* Citation style "05/01/2024", "08/6/2010"; blanks "   /01/2024". */
char     *kh_vn_format_short_date       (int         day,
                                         int         month,
                                         int         year);
/* Parses "08/6/2010", "8-6-2010" or "8.6.2010" (one separator kind, year of
 * four digits, surrounding spaces allowed) into a real calendar date.
 * On failure returns FALSE and leaves the outputs untouched. Any output
 * pointer may be NULL. */
gboolean  kh_vn_parse_short_date        (const char *text,
                                         int        *day,
                                         int        *month,
                                         int        *year);

/* Number and symbol. */

/* Abbreviation of a document type ("Quyết định" → "QĐ"), per the nd30
 * table; matching ignores case, surrounding and repeated spaces.
 * "Công văn" gives "" (it has no type abbreviation). Unknown type → NULL.
 * The result is static: do not free it. */
const char *kh_vn_type_abbrev           (const char *type_name);
/* "KH-SKHCN". Either part may be NULL or empty: the other alone is
 * returned ("SKHCN" for a Công văn); both empty gives "". Abbreviations are
 * kept as written (the nd30 table itself has "TTr", "QyĐ"). */
char     *kh_vn_format_symbol           (const char *type_abbrev,
                                         const char *agency_abbrev);
/* "Số: 05/KH-SKHCN"; number 0 is a draft: "Số:      /KH-SKHCN";
 * "Số: 12/SKHCN" for a Công văn. Negative number → NULL. */
char     *kh_vn_format_number_symbol    (int         number,
                                         const char *type_abbrev,
                                         const char *agency_abbrev);

/* Numbering of the narrative. */

/* 1..3999 → "I" .. "MMMCMXCIX"; otherwise NULL. */
char     *kh_vn_roman                   (int         n);
/* 0-based: 0 → "a", 4 → "đ", 22 → "y"; then doubled "aa" .. "yy", then
 * tripled "aaa" .. "yyy". Negative or beyond the tripled run → NULL. */
char     *kh_vn_point_letter            (int         index);

/* Citations of legal bases. iso_date is "YYYY-MM-DD"; every argument may be
 * NULL or empty and is then left out together with its joining word
 * ("số", "ngày", "của"). subject is appended as written ("về ...",
 * "sửa đổi ..."). A non-empty iso_date that is not a real date → NULL. */
char     *kh_vn_format_citation         (const char *kind,
                                         const char *number,
                                         const char *iso_date,
                                         const char *issuer,
                                         const char *subject);
/* The grouped form under a shared lead:
 * "số 20/2008/NĐ-CP ngày 14/02/2008 về tiếp nhận, ...". */
char     *kh_vn_format_citation_short   (const char *number,
                                         const char *iso_date,
                                         const char *subject);
/* One legal-basis paragraph: "Căn cứ " + (group ? group ": " : "") +
 * the wordings joined by "; " + (last ? "." : ";"). citations is a
 * NULL-terminated array of wordings (full ones without a group, short ones
 * under a group); a trailing ';' or '.' and surrounding spaces of each are
 * dropped, empty ones are skipped. No non-empty wording → NULL. */
char     *kh_vn_format_legal_basis      (const char         *group,
                                         const char * const *citations,
                                         gboolean            last);

/* Case and diacritics. NULL text is treated as ""; invalid UTF-8 → NULL. */

/* Search key: case-folded, compatibility-decomposed, with every combining
 * mark on a Latin letter removed and đ/Đ → d ("Đề án" → "de an"). Accepts
 * precomposed and decomposed (NFD) input alike. */
char     *kh_vn_fold                    (const char *text);
/* TRUE when the folded needle occurs in the folded haystack; an empty
 * needle is found everywhere. Invalid UTF-8 in either → FALSE. */
gboolean  kh_vn_fold_contains           (const char *haystack,
                                         const char *needle);
/* "Sở Khoa học" → "SỞ KHOA HỌC" (đ → Đ). */
char     *kh_vn_upper                   (const char *text);
/* A summary (trích yếu) in sentence case: trimmed, its first letter raised,
 * the rest kept as written since it holds proper names ("ban hành Kế
 * hoạch của Sở" → "Ban hành Kế hoạch của Sở"). */
char     *kh_vn_sentence_case           (const char *text);
/* Signer and place names: each word (after a space or a hyphen) starts
 * upper case, the rest lower case; runs of spaces collapse to one and the
 * ends are trimmed. "trần tùng chuẩn" → "Trần Tùng Chuẩn". */
char     *kh_vn_title_case_name         (const char *text);

G_END_DECLS
