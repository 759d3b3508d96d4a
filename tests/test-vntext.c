/* test-vntext.c — the Vietnamese wording rules of Nghị định 30 and the seeds */
#include <string.h>

#include "kh-vntext.h"

/* ------------------------------------------------------------ dates */

typedef struct {
  int day, month, year;
  const char *expected;   /* NULL: the date must be rejected */
} DateCase;

static const DateCase long_dates[] = {
  /* every month: 1 and 2 take a leading zero, 3..12 do not */
  { 5, 1, 2024, "ngày 05 tháng 01 năm 2024" },
  { 28, 2, 2024, "ngày 28 tháng 02 năm 2024" },
  { 15, 3, 2024, "ngày 15 tháng 3 năm 2024" },
  { 15, 4, 2024, "ngày 15 tháng 4 năm 2024" },
  { 15, 5, 2024, "ngày 15 tháng 5 năm 2024" },
  { 15, 6, 2024, "ngày 15 tháng 6 năm 2024" },
  { 15, 7, 2024, "ngày 15 tháng 7 năm 2024" },
  { 15, 8, 2024, "ngày 15 tháng 8 năm 2024" },
  { 15, 9, 2024, "ngày 15 tháng 9 năm 2024" },
  { 15, 10, 2024, "ngày 15 tháng 10 năm 2024" },
  { 15, 11, 2024, "ngày 15 tháng 11 năm 2024" },
  { 15, 12, 2024, "ngày 15 tháng 12 năm 2024" },
  /* days: below 10 take a leading zero */
  { 1, 3, 2023, "ngày 01 tháng 3 năm 2023" },
  { 2, 5, 2023, "ngày 02 tháng 5 năm 2023" },
  { 9, 9, 2023, "ngày 09 tháng 9 năm 2023" },
  { 10, 10, 2023, "ngày 10 tháng 10 năm 2023" },
  { 19, 1, 2023, "ngày 19 tháng 01 năm 2023" },
  { 20, 2, 2023, "ngày 20 tháng 02 năm 2023" },
  { 30, 4, 2023, "ngày 30 tháng 4 năm 2023" },
  { 31, 12, 2023, "ngày 31 tháng 12 năm 2023" },
  { 29, 2, 2024, "ngày 29 tháng 02 năm 2024" },
  { 29, 2, 2000, "ngày 29 tháng 02 năm 2000" },
  /* drafts: blank day and/or month, six spaces to write in */
  { 0, 1, 2024, "ngày      tháng 01 năm 2024" },
  { 0, 3, 2023, "ngày      tháng 3 năm 2023" },
  { 0, 0, 2024, "ngày      tháng      năm 2024" },
  { 12, 0, 2024, "ngày 12 tháng      năm 2024" },
  { 31, 0, 2024, "ngày 31 tháng      năm 2024" },
  /* invalid */
  { 32, 1, 2024, NULL },
  { 32, 0, 2024, NULL },
  { 1, 13, 2024, NULL },
  { 30, 2, 2024, NULL },
  { 29, 2, 2023, NULL },
  { 29, 2, 1900, NULL },
  { 31, 4, 2024, NULL },
  { 31, 6, 2024, NULL },
  { 31, 9, 2024, NULL },
  { 31, 11, 2024, NULL },
  { -1, 1, 2024, NULL },
  { 1, -1, 2024, NULL },
  { 1, 1, 0, NULL },
  { 1, 1, -2024, NULL },
  { 1, 1, 10000, NULL },
};

static void
test_long_date (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (long_dates); i++)
    {
      const DateCase *c = &long_dates[i];
      g_autofree char *got = kh_vn_format_date (c->day, c->month, c->year);

      g_test_message ("%d/%d/%d", c->day, c->month, c->year);
      g_assert_cmpstr (got, ==, c->expected);
    }
}

static void
test_long_date_every_day (void)
{
  /* Every day of every month of a leap and a common year is accepted and
   * carries two digits; the day after the month's last is refused. */
  const int years[] = { 2023, 2024 };

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    for (int month = 1; month <= 12; month++)
      {
        int last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) years[y]);
        g_autofree char *after = kh_vn_format_date (last + 1, month, years[y]);

        for (int day = 1; day <= last; day++)
          {
            g_autofree char *got = kh_vn_format_date (day, month, years[y]);
            g_autofree char *prefix = g_strdup_printf ("ngày %c%c tháng ",
                                                       '0' + day / 10, '0' + day % 10);

            g_assert_nonnull (got);
            g_assert_true (g_str_has_prefix (got, prefix));
          }
        g_assert_null (after);
      }
}

static const DateCase short_dates[] = {
  { 5, 1, 2024, "05/01/2024" },
  { 14, 2, 2008, "14/02/2008" },
  { 28, 2, 2023, "28/02/2023" },
  { 27, 3, 2021, "27/3/2021" },
  { 23, 4, 2018, "23/4/2018" },
  { 9, 5, 2019, "09/5/2019" },
  { 8, 6, 2010, "08/6/2010" },
  { 7, 8, 2017, "07/8/2017" },
  { 30, 9, 2020, "30/9/2020" },
  { 31, 10, 2017, "31/10/2017" },
  { 23, 11, 2018, "23/11/2018" },
  { 6, 12, 2021, "06/12/2021" },
  { 26, 7, 2022, "26/7/2022" },
  { 0, 1, 2024, "   /01/2024" },
  { 0, 12, 2024, "   /12/2024" },
  { 5, 0, 2024, "05/   /2024" },
  { 0, 0, 2024, "   /   /2024" },
  { 29, 2, 2023, NULL },
  { 0, 13, 2024, NULL },
  { 1, 1, 0, NULL },
};

static void
test_short_date (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (short_dates); i++)
    {
      const DateCase *c = &short_dates[i];
      g_autofree char *got = kh_vn_format_short_date (c->day, c->month, c->year);

      g_test_message ("%d/%d/%d", c->day, c->month, c->year);
      g_assert_cmpstr (got, ==, c->expected);
    }
}

static void
test_place_date (void)
{
  static const struct {
    const char *place;
    int day, month, year;
    const char *expected;
  } cases[] = {
    { "Hưng Yên", 5, 1, 2024, "Hưng Yên, ngày 05 tháng 01 năm 2024" },
    { "Hà Tĩnh", 0, 3, 2023, "Hà Tĩnh, ngày      tháng 3 năm 2023" },
    { "Bà Rịa - Vũng Tàu", 15, 3, 2024, "Bà Rịa - Vũng Tàu, ngày 15 tháng 3 năm 2024" },
    { "  Hưng Yên  ", 0, 1, 2024, "Hưng Yên, ngày      tháng 01 năm 2024" },
    { NULL, 5, 1, 2024, "ngày 05 tháng 01 năm 2024" },
    { "", 5, 1, 2024, "ngày 05 tháng 01 năm 2024" },
    { "   ", 5, 1, 2024, "ngày 05 tháng 01 năm 2024" },
    { "Hưng Yên", 30, 2, 2024, NULL },
    { "H\xff", 5, 1, 2024, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_format_place_date (cases[i].place, cases[i].day,
                                                      cases[i].month, cases[i].year);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_parse_short_date (void)
{
  static const struct {
    const char *text;
    gboolean ok;
    int day, month, year;
  } cases[] = {
    { "08/6/2010", TRUE, 8, 6, 2010 },
    { "8-6-2010", TRUE, 8, 6, 2010 },
    { "8.6.2010", TRUE, 8, 6, 2010 },
    { "14/02/2008", TRUE, 14, 2, 2008 },
    { " 28/2/2023 ", TRUE, 28, 2, 2023 },
    { "29/02/2024", TRUE, 29, 2, 2024 },
    { "31/12/9999", TRUE, 31, 12, 9999 },
    { "29/02/2023", FALSE, 0, 0, 0 },
    { "31/4/2024", FALSE, 0, 0, 0 },
    { "32/1/2024", FALSE, 0, 0, 0 },
    { "1/13/2024", FALSE, 0, 0, 0 },
    { "0/1/2024", FALSE, 0, 0, 0 },
    { "1/0/2024", FALSE, 0, 0, 0 },
    { "8/6/10", FALSE, 0, 0, 0 },
    { "8/6-2010", FALSE, 0, 0, 0 },
    { "008/6/2010", FALSE, 0, 0, 0 },
    { "8/6/20100", FALSE, 0, 0, 0 },
    { "8/6/2010x", FALSE, 0, 0, 0 },
    { "   /01/2024", FALSE, 0, 0, 0 },
    { "2010-06-08", FALSE, 0, 0, 0 },
    { "ngày 8/6/2010", FALSE, 0, 0, 0 },
    { "", FALSE, 0, 0, 0 },
    { NULL, FALSE, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int d = -7, m = -7, y = -7;
      gboolean ok = kh_vn_parse_short_date (cases[i].text, &d, &m, &y);

      g_test_message ("case %u", i);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpint (d, ==, cases[i].day);
          g_assert_cmpint (m, ==, cases[i].month);
          g_assert_cmpint (y, ==, cases[i].year);
        }
      else
        {
          /* outputs untouched on failure */
          g_assert_cmpint (d, ==, -7);
          g_assert_cmpint (m, ==, -7);
          g_assert_cmpint (y, ==, -7);
        }
    }

  /* optional outputs */
  g_assert_true (kh_vn_parse_short_date ("08/6/2010", NULL, NULL, NULL));
}

static void
test_short_date_round_trip (void)
{
  /* Whatever the formatter writes for a full date, the parser reads back. */
  for (int year = 2023; year <= 2024; year++)
    for (int month = 1; month <= 12; month++)
      for (int day = 1; day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year); day++)
        {
          g_autofree char *text = kh_vn_format_short_date (day, month, year);
          int d, m, y;

          g_assert_true (kh_vn_parse_short_date (text, &d, &m, &y));
          g_assert_cmpint (d, ==, day);
          g_assert_cmpint (m, ==, month);
          g_assert_cmpint (y, ==, year);
        }
}

/* ------------------------------------------------- number and symbol */

static void
test_type_abbrev (void)
{
  static const struct {
    const char *name;
    const char *abbrev;
  } cases[] = {
    { "Quyết định", "QĐ" },
    { "Kế hoạch", "KH" },
    { "Thông báo", "TB" },
    { "Báo cáo", "BC" },
    { "Tờ trình", "TTr" },
    { "Công văn", "" },
    { "Chương trình", "CTr" },
    { "Hướng dẫn", "HD" },
    { "Phương án", "PA" },
    { "Đề án", "ĐA" },
    { "Biên bản", "BB" },
    { "Công điện", "CĐ" },
    { "Nghị quyết", "NQ" },
    { "Chỉ thị", "CT" },
    { "Quy chế", "QC" },
    { "Quy định", "QyĐ" },
    /* case, spacing and decomposed input */
    { "QUYẾT ĐỊNH", "QĐ" },
    { "quyết định", "QĐ" },
    { "kế HOẠCH", "KH" },
    { "  Đề   án ", "ĐA" },
    { "ĐỀ ÁN", "ĐA" },
    { "CÔNG VĂN", "" },
    { "Ke\xcc\x82\xcc\x81 hoa\xcc\xa3\x63h", "KH" },  /* NFD "Kế hoạch" */
    /* unknown or wrong: a tone is part of the word */
    { "Quyet dinh", NULL },
    { "Quý định", NULL },
    { "Thông tư", NULL },
    { "", NULL },
    { NULL, NULL },
    { "K\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpstr (kh_vn_type_abbrev (cases[i].name), ==, cases[i].abbrev);
    }
}

static void
test_symbol (void)
{
  static const struct {
    const char *type, *agency, *expected;
  } cases[] = {
    { "KH", "SKHCN", "KH-SKHCN" },
    { "QĐ", "SKHCN", "QĐ-SKHCN" },
    { "QĐ", "UBND", "QĐ-UBND" },
    { "TTr", "SKHCN", "TTr-SKHCN" },
    { " KH ", " SKHCN ", "KH-SKHCN" },
    { "", "SKHCN", "SKHCN" },
    { NULL, "SKHCN", "SKHCN" },
    { "KH", NULL, "KH" },
    { "KH", "  ", "KH" },
    { NULL, NULL, "" },
    { "K\xff", "SKHCN", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_format_symbol (cases[i].type, cases[i].agency);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_number_symbol (void)
{
  static const struct {
    int number;
    const char *type, *agency, *expected;
  } cases[] = {
    { 5, "KH", "SKHCN", "Số: 05/KH-SKHCN" },
    { 15, "QĐ", "SKHCN", "Số: 15/QĐ-SKHCN" },
    { 1, "QĐ", "UBND", "Số: 01/QĐ-UBND" },
    { 9, "TB", "SKHCN", "Số: 09/TB-SKHCN" },
    { 10, "BC", "SKHCN", "Số: 10/BC-SKHCN" },
    { 184, "KH", "UBND", "Số: 184/KH-UBND" },
    { 2683, "QĐ", "UBND", "Số: 2683/QĐ-UBND" },
    { 0, "KH", "SKHCN", "Số:      /KH-SKHCN" },
    { 0, "QĐ", "SKHCN", "Số:      /QĐ-SKHCN" },
    { 12, "", "SKHCN", "Số: 12/SKHCN" },
    { 12, NULL, "SKHCN", "Số: 12/SKHCN" },
    { 0, NULL, "SKHCN", "Số:      /SKHCN" },
    { 7, NULL, NULL, "Số: 07" },
    { -1, "KH", "SKHCN", NULL },
    { 3, "KH", "S\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_format_number_symbol (cases[i].number, cases[i].type,
                                                         cases[i].agency);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  /* The type table feeds the symbol: a Công văn has none. */
  {
    g_autofree char *cv = kh_vn_format_number_symbol (12, kh_vn_type_abbrev ("Công văn"), "SKHCN");
    g_autofree char *kh = kh_vn_format_number_symbol (5, kh_vn_type_abbrev ("Kế hoạch"), "SKHCN");

    g_assert_cmpstr (cv, ==, "Số: 12/SKHCN");
    g_assert_cmpstr (kh, ==, "Số: 05/KH-SKHCN");
  }
}

/* ------------------------------------------------------ numbering */

/* Reference parser written independently of the formatter: the value of
 * each symbol, subtracted when a larger one follows. */
static int
roman_value (const char *text)
{
  int total = 0;
  size_t len = strlen (text);

  for (size_t i = 0; i < len; i++)
    {
      int v, next = 0;

      switch (text[i])
        {
        case 'I': v = 1; break;
        case 'V': v = 5; break;
        case 'X': v = 10; break;
        case 'L': v = 50; break;
        case 'C': v = 100; break;
        case 'D': v = 500; break;
        case 'M': v = 1000; break;
        default: return -1;
        }
      if (i + 1 < len)
        switch (text[i + 1])
          {
          case 'I': next = 1; break;
          case 'V': next = 5; break;
          case 'X': next = 10; break;
          case 'L': next = 50; break;
          case 'C': next = 100; break;
          case 'D': next = 500; break;
          case 'M': next = 1000; break;
          default: return -1;
          }
      total += v < next ? -v : v;
    }
  return total;
}

static void
test_roman (void)
{
  static const struct {
    int n;
    const char *expected;
  } cases[] = {
    { 1, "I" }, { 2, "II" }, { 3, "III" }, { 4, "IV" }, { 5, "V" },
    { 6, "VI" }, { 9, "IX" }, { 10, "X" }, { 14, "XIV" }, { 19, "XIX" },
    { 40, "XL" }, { 44, "XLIV" }, { 49, "XLIX" }, { 90, "XC" }, { 99, "XCIX" },
    { 400, "CD" }, { 500, "D" }, { 900, "CM" }, { 1990, "MCMXC" },
    { 2024, "MMXXIV" }, { 3888, "MMMDCCCLXXXVIII" }, { 3999, "MMMCMXCIX" },
    { 0, NULL }, { -1, NULL }, { 4000, NULL }, { G_MAXINT, NULL }, { G_MININT, NULL },
  };
  g_autoptr(GRegex) canonical = g_regex_new ("^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$",
                                             0, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_roman (cases[i].n);

      g_test_message ("%d", cases[i].n);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  /* The whole range reads back to its value and is in canonical form. */
  for (int n = 1; n <= 3999; n++)
    {
      g_autofree char *got = kh_vn_roman (n);

      g_assert_nonnull (got);
      g_assert_cmpint (roman_value (got), ==, n);
      g_assert_true (g_regex_match (canonical, got, 0, NULL));
    }
}

static void
test_point_letter (void)
{
  /* nd30: a, b, c, d, đ, e, g ... y — no f, j, w, z; đ right after d. */
  static const char *const order[] = {
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
  };
  static const struct {
    int index;
    const char *expected;
  } beyond[] = {
    { 23, "aa" }, { 24, "bb" }, { 27, "đđ" }, { 45, "yy" },
    { 46, "aaa" }, { 50, "đđđ" }, { 68, "yyy" },
    { 69, NULL }, { -1, NULL }, { G_MAXINT, NULL }, { G_MININT, NULL },
  };

  g_assert_cmpint (G_N_ELEMENTS (order), ==, KH_VN_POINT_LETTER_COUNT);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *got = kh_vn_point_letter ((int) i);

      g_assert_cmpstr (got, ==, order[i]);
      g_assert_null (strpbrk (got, "fjwz"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (beyond); i++)
    {
      g_autofree char *got = kh_vn_point_letter (beyond[i].index);

      g_test_message ("%d", beyond[i].index);
      g_assert_cmpstr (got, ==, beyond[i].expected);
    }
}

/* ------------------------------------------------------ citations */

typedef struct {
  const char *kind, *number, *iso_date, *issuer, *subject;
  const char *expected;
  gboolean in_seeds;   /* the expected wording occurs verbatim in a seed */
} CitationCase;

static const CitationCase citations[] = {
  { "Nghị định", "20/2008/NĐ-CP", "2008-02-14", "Chính phủ",
    "về tiếp nhận, xử lý phản ánh kiến nghị của cá nhân, tổ chức về quy định hành chính",
    "Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về tiếp nhận, xử lý phản ánh "
    "kiến nghị của cá nhân, tổ chức về quy định hành chính", TRUE },
  { "Nghị định", "63/2010/NĐ-CP", "2010-06-08", "Chính phủ", "về kiểm soát thủ tục hành chính",
    "Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính", TRUE },
  { "Nghị định", "92/2017/NĐ-CP", "2017-08-07", "Chính phủ",
    "về sửa đổi, bổ sung một số điều của các Nghị định liên quan đến kiểm soát thủ tục hành chính",
    "Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ về sửa đổi, bổ sung một số điều "
    "của các Nghị định liên quan đến kiểm soát thủ tục hành chính", TRUE },
  { "Nghị định", "61/2018/NĐ-CP", "2018-04-23", "Chính phủ",
    "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, "
    "một cửa liên thông trong giải quyết thủ tục hành chính", TRUE },
  { "Nghị định", "107/2021/NĐ-CP", "2021-12-06", "Chính phủ",
    "sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ "
    "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của "
    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một "
    "cửa liên thông trong giải quyết thủ tục hành chính", TRUE },
  { "Nghị định", "45/2020/NĐ-CP", "2020-04-08", "Chính phủ",
    "về thực hiện thủ tục hành chính trên môi trường điện tử",
    "Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành chính "
    "trên môi trường điện tử", TRUE },
  { "Quyết định", "468/QĐ-TTg", "2021-03-27", "Thủ tướng Chính phủ",
    "phê duyệt Đề án đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết "
    "thủ tục hành chính",
    "Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ phê duyệt Đề án đổi mới "
    "việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính", TRUE },
  { "Thông tư", "02/2017/TT-VPCP", "2017-10-31", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
    "hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính",
    "Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ "
    "hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính", TRUE },
  { "Thông tư", "01/2018/TT-VPCP", "2018-11-23", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
    "hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính "
    "phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ "
    "hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính "
    "phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính", TRUE },
  { "Quyết định", "2683/QĐ-UBND", "2023-12-12", "UBND tỉnh Hưng Yên",
    "về việc ban hành Kế hoạch truyền thông về hoạt động kiểm soát thủ tục hành chính, triển khai "
    "cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử "
    "năm 2024",
    "Quyết định số 2683/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Hưng Yên về việc ban hành Kế hoạch "
    "truyền thông về hoạt động kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa "
    "liên thông và thực hiện thủ tục hành chính trên môi trường điện tử năm 2024", TRUE },
  { "Quyết định", "23/2021/QĐ-UBND", "2021-03-26", "UBND tỉnh Hưng Yên",
    "về việc quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Khoa học và Công nghệ",
    "Quyết định số 23/2021/QĐ-UBND ngày 26/3/2021 của UBND tỉnh Hưng Yên về việc quy định chức "
    "năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Khoa học và Công nghệ", TRUE },
  { "Kế hoạch", "184/KH-UBND", "2021-12-07", "UBND tỉnh",
    "về cải cách hành chính nhà nước tỉnh Hưng Yên, giai đoạn 2021-2025",
    "Kế hoạch số 184/KH-UBND ngày 07/12/2021 của UBND tỉnh về cải cách hành chính nhà nước tỉnh "
    "Hưng Yên, giai đoạn 2021-2025", TRUE },
  { "Kế hoạch", "193/KH-UBND", "2023-12-26", "UBND tỉnh",
    "về Tuyên truyền cải cách hành chính tỉnh Hưng Yên năm 2024",
    "Kế hoạch số 193/KH-UBND ngày 26/12/2023 của UBND tỉnh về Tuyên truyền cải cách hành chính "
    "tỉnh Hưng Yên năm 2024", TRUE },
  { "Kế hoạch", "223/KH-UBND", "2021-06-30", "UBND tỉnh",
    "về triển khai thực hiện Đề án đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông "
    "trong giải quyết TTHC trên địa bàn tỉnh",
    "Kế hoạch số 223/KH-UBND ngày 30/6/2021 của UBND tỉnh về triển khai thực hiện Đề án đổi mới "
    "việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC trên địa bàn tỉnh", TRUE },
  /* optional parts */
  { "Thông tư", "01/2020/TT-VPCP", "2020-10-21", "Văn phòng Chính phủ", NULL,
    "Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ", TRUE },
  { "Quyết định", "2629/QĐ-UBND", "2022-12-23", "UBND tỉnh", "",
    "Quyết định số 2629/QĐ-UBND ngày 23/12/2022 của UBND tỉnh", TRUE },
  { "Nghị định", "61/2018/NĐ-CP", "2018-04-23", NULL, NULL,
    "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", TRUE },
  { "Luật", NULL, NULL, NULL, "Ban hành văn bản quy phạm pháp luật năm 2015",
    "Luật Ban hành văn bản quy phạm pháp luật năm 2015", FALSE },
  { "Quyết định", "15/QĐ-SKHCN", NULL, "Giám đốc Sở", NULL,
    "Quyết định số 15/QĐ-SKHCN của Giám đốc Sở", FALSE },
  { "Quyết định", NULL, "2024-01-05", NULL, NULL,
    "Quyết định ngày 05/01/2024", FALSE },
  { "  Kế hoạch ", " 5/KH-SKHCN ", " 2024-01-05 ", " Sở Khoa học và Công nghệ ", " về a ",
    "Kế hoạch số 5/KH-SKHCN ngày 05/01/2024 của Sở Khoa học và Công nghệ về a", FALSE },
  { NULL, NULL, NULL, NULL, NULL, "", FALSE },
  /* an invalid date is refused, not printed */
  { "Nghị định", "1/2020/NĐ-CP", "2020-02-30", NULL, NULL, NULL, FALSE },
  { "Nghị định", "1/2020/NĐ-CP", "30/01/2020", NULL, NULL, NULL, FALSE },
  { "Nghị định", "1/2020/NĐ-CP", "2020-1-30", NULL, NULL, NULL, FALSE },
  { "Nghị định", "1/2020/NĐ-CP", "2020-01-30x", NULL, NULL, NULL, FALSE },
  { "Nghị\xff", NULL, NULL, NULL, NULL, NULL, FALSE },
};

static void
test_citation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (citations); i++)
    {
      const CitationCase *c = &citations[i];
      g_autofree char *got = kh_vn_format_citation (c->kind, c->number, c->iso_date,
                                                    c->issuer, c->subject);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, c->expected);
    }
}

typedef struct {
  const char *number, *iso_date, *subject, *expected;
} ShortCitationCase;

/* The six Nghị định of seed 000, grouped under "các Nghị định của Chính phủ". */
static const ShortCitationCase short_citations[] = {
  { "20/2008/NĐ-CP", "2008-02-14",
    "về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính",
    "số 20/2008/NĐ-CP ngày 14/02/2008 về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ "
    "chức về quy định hành chính" },
  { "63/2010/NĐ-CP", "2010-06-08", "về kiểm soát thủ tục hành chính",
    "số 63/2010/NĐ-CP ngày 08/6/2010 về kiểm soát thủ tục hành chính" },
  { "92/2017/NĐ-CP", "2017-08-07",
    "sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính",
    "số 92/2017/NĐ-CP ngày 07/8/2017 sửa đổi, bổ sung một số điều của các nghị định liên quan "
    "đến kiểm soát thủ tục hành chính" },
  { "61/2018/NĐ-CP", "2018-04-23",
    "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "số 61/2018/NĐ-CP ngày 23/4/2018 về thực hiện cơ chế một cửa, một cửa liên thông trong "
    "giải quyết thủ tục hành chính" },
  { "45/2020/NĐ-CP", "2020-04-08", "về thực hiện thủ tục hành chính trên môi trường điện tử",
    "số 45/2020/NĐ-CP ngày 08/4/2020 về thực hiện thủ tục hành chính trên môi trường điện tử" },
  { "107/2021/NĐ-CP", "2021-12-06",
    "sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 về thực hiện "
    "cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "số 107/2021/NĐ-CP ngày 06/12/2021 sửa đổi, bổ sung một số điều của Nghị định số "
    "61/2018/NĐ-CP ngày 23/4/2018 về thực hiện cơ chế một cửa, một cửa liên thông trong giải "
    "quyết thủ tục hành chính" },
};

static void
test_citation_short (void)
{
  static const ShortCitationCase extra[] = {
    { "37/2015/QĐ-UBND", "2015-08-12", NULL, "số 37/2015/QĐ-UBND ngày 12/8/2015" },
    { "02/2019/QĐ-UBND", "2019-01-09", "", "số 02/2019/QĐ-UBND ngày 09/01/2019" },
    { NULL, "2019-01-09", NULL, "ngày 09/01/2019" },
    { "12/KH-UBND", NULL, "về a", "số 12/KH-UBND về a" },
    { NULL, NULL, NULL, "" },
    { "1/2020/NĐ-CP", "2019-02-29", NULL, NULL },
    { "1/2020/NĐ-CP", NULL, "v\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (short_citations); i++)
    {
      const ShortCitationCase *c = &short_citations[i];
      g_autofree char *got = kh_vn_format_citation_short (c->number, c->iso_date, c->subject);

      g_assert_cmpstr (got, ==, c->expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      const ShortCitationCase *c = &extra[i];
      g_autofree char *got = kh_vn_format_citation_short (c->number, c->iso_date, c->subject);

      g_test_message ("extra %u", i);
      g_assert_cmpstr (got, ==, c->expected);
    }
}

/* Builds a legal basis from citation cases by index. */
static char *
basis_from_citations (const char *group, const int *indices, guint n, gboolean last)
{
  g_autoptr(GPtrArray) wordings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      if (group != NULL)
        {
          const ShortCitationCase *c = &short_citations[indices[i]];
          g_ptr_array_add (wordings, kh_vn_format_citation_short (c->number, c->iso_date, c->subject));
        }
      else
        {
          const CitationCase *c = &citations[indices[i]];
          g_ptr_array_add (wordings, kh_vn_format_citation (c->kind, c->number, c->iso_date,
                                                             c->issuer, c->subject));
        }
    }
  g_ptr_array_add (wordings, NULL);
  return kh_vn_format_legal_basis (group, (const char * const *) wordings->pdata, last);
}

/* Expected paragraphs copied from the seeds (italic markers removed). */
static const char seed000_nghi_dinh[] =
  "Căn cứ các Nghị định của Chính phủ: số 20/2008/NĐ-CP ngày 14/02/2008 về tiếp nhận, xử lý "
  "phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính; số 63/2010/NĐ-CP ngày "
  "08/6/2010 về kiểm soát thủ tục hành chính; số 92/2017/NĐ-CP ngày 07/8/2017 sửa đổi, bổ sung "
  "một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính; số 61/2018/NĐ-CP "
  "ngày 23/4/2018 về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành "
  "chính; số 45/2020/NĐ-CP ngày 08/4/2020 về thực hiện thủ tục hành chính trên môi trường điện "
  "tử; số 107/2021/NĐ-CP ngày 06/12/2021 sửa đổi, bổ sung một số điều của Nghị định số "
  "61/2018/NĐ-CP ngày 23/4/2018 về thực hiện cơ chế một cửa, một cửa liên thông trong giải "
  "quyết thủ tục hành chính;";

static const char seed002_first[] =
  "Căn cứ Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ về tiếp nhận, xử lý phản ánh "
  "kiến nghị của cá nhân, tổ chức về quy định hành chính;";

static const char seed002_second[] =
  "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành "
  "chính; Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ về sửa đổi, bổ sung một số "
  "điều của các Nghị định liên quan đến kiểm soát thủ tục hành chính;";

static const char seed002_thong_tu[] =
  "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính "
  "phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính; Thông tư số 01/2018/TT-VPCP ngày "
  "23/11/2018 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn thi hành một số quy định "
  "của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một "
  "cửa liên thông trong giải quyết thủ tục hành chính;";

static const char seed003_last[] =
  "Căn cứ Kế hoạch số 193/KH-UBND ngày 26/12/2023 của UBND tỉnh về Tuyên truyền cải cách hành "
  "chính tỉnh Hưng Yên năm 2024.";

static void
test_legal_basis_seeds (void)
{
  static const int all_six[] = { 0, 1, 2, 3, 4, 5 };
  static const int first[] = { 0 };
  static const int second[] = { 1, 2 };
  static const int thong_tu[] = { 7, 8 };
  static const int last[] = { 12 };
  g_autofree char *grouped = basis_from_citations ("các Nghị định của Chính phủ", all_six, 6, FALSE);
  g_autofree char *b1 = basis_from_citations (NULL, first, 1, FALSE);
  g_autofree char *b2 = basis_from_citations (NULL, second, 2, FALSE);
  g_autofree char *b3 = basis_from_citations (NULL, thong_tu, 2, FALSE);
  g_autofree char *b4 = basis_from_citations (NULL, last, 1, TRUE);

  g_assert_cmpstr (grouped, ==, seed000_nghi_dinh);
  g_assert_cmpstr (b1, ==, seed002_first);
  g_assert_cmpstr (b2, ==, seed002_second);
  g_assert_cmpstr (b3, ==, seed002_thong_tu);
  g_assert_cmpstr (b4, ==, seed003_last);
}

static void
test_legal_basis_edges (void)
{
  static const struct {
    const char *group;
    const char *items[4];
    gboolean last;
    const char *expected;
  } cases[] = {
    { NULL, { "Luật Tổ chức chính quyền địa phương", NULL }, FALSE,
      "Căn cứ Luật Tổ chức chính quyền địa phương;" },
    { NULL, { "Luật Tổ chức chính quyền địa phương", NULL }, TRUE,
      "Căn cứ Luật Tổ chức chính quyền địa phương." },
    /* the paragraph's punctuation replaces the wording's own */
    { NULL, { "Luật A;", " Luật B. ", NULL }, TRUE, "Căn cứ Luật A; Luật B." },
    { NULL, { "", "  ", "Luật A", NULL }, FALSE, "Căn cứ Luật A;" },
    { "các Quyết định của UBND tỉnh:", { "số 1", "số 2", NULL }, FALSE,
      "Căn cứ các Quyết định của UBND tỉnh: số 1; số 2;" },
    { "  ", { "Luật A", NULL }, FALSE, "Căn cứ Luật A;" },
    { NULL, { NULL }, FALSE, NULL },
    { NULL, { "", " ; ", NULL }, FALSE, NULL },
    { "nhóm", { NULL }, TRUE, NULL },
    { NULL, { "Lu\xff", NULL }, FALSE, NULL },
    { "nh\xff", { "Luật A", NULL }, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_format_legal_basis (cases[i].group, cases[i].items,
                                                       cases[i].last);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
  g_assert_null (kh_vn_format_legal_basis (NULL, NULL, TRUE));
}

/* The expected wordings above were copied by hand: check that each occurs
 * verbatim in the seed documents, so a typo cannot make a test agree with
 * a wrong formatter. */
static void
test_wordings_in_seeds (void)
{
  const char *dir = g_getenv ("KH_SEEDS_DIR");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GRegex) italics = g_regex_new ("\\*", 0, 0, NULL);
  g_autofree char *plain = NULL;
  const char *name;
  const char *paragraphs[] = { seed000_nghi_dinh, seed002_first, seed002_second,
                               seed002_thong_tu, seed003_last };

  if (dir == NULL || (listing = g_dir_open (dir, 0, NULL)) == NULL)
    {
      g_test_skip ("KH_SEEDS_DIR not set or not readable");
      return;
    }
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &text, NULL, NULL))
        g_string_append (all, text);
    }
  plain = g_regex_replace_literal (italics, all->str, -1, 0, "", 0, NULL);
  g_assert_nonnull (strstr (plain, "Căn cứ"));

  for (guint i = 0; i < G_N_ELEMENTS (citations); i++)
    if (citations[i].in_seeds)
      {
        g_test_message ("citation %u", i);
        g_assert_nonnull (strstr (plain, citations[i].expected));
      }
  for (guint i = 0; i < G_N_ELEMENTS (short_citations); i++)
    g_assert_nonnull (strstr (plain, short_citations[i].expected));
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    g_assert_nonnull (strstr (plain, paragraphs[i]));
}

/* ------------------------------------------------ case and diacritics */

/* Every Vietnamese vowel with each tone (none, huyền, sắc, hỏi, ngã, nặng),
 * precomposed. */
static const struct {
  char base;
  const char *lower;
  const char *upper;
} vowels[] = {
  { 'a', "aàáảãạ", "AÀÁẢÃẠ" },
  { 'a', "ăằắẳẵặ", "ĂẰẮẲẴẶ" },
  { 'a', "âầấẩẫậ", "ÂẦẤẨẪẬ" },
  { 'e', "eèéẻẽẹ", "EÈÉẺẼẸ" },
  { 'e', "êềếểễệ", "ÊỀẾỂỄỆ" },
  { 'i', "iìíỉĩị", "IÌÍỈĨỊ" },
  { 'o', "oòóỏõọ", "OÒÓỎÕỌ" },
  { 'o', "ôồốổỗộ", "ÔỒỐỔỖỘ" },
  { 'o', "ơờớởỡợ", "ƠỜỚỞỠỢ" },
  { 'u', "uùúủũụ", "UÙÚỦŨỤ" },
  { 'u', "ưừứửữự", "ƯỪỨỬỮỰ" },
  { 'y', "yỳýỷỹỵ", "YỲÝỶỸỴ" },
  { 'd', "đ", "Đ" },
};

static void
test_fold_every_vowel (void)
{
  GHashTable *seen = g_hash_table_new (NULL, NULL);

  for (guint v = 0; v < G_N_ELEMENTS (vowels); v++)
    {
      const char *lp = vowels[v].lower;
      const char *up = vowels[v].upper;
      char expected[2] = { vowels[v].base, '\0' };

      /* same number of single code points in both cases */
      g_assert_cmpint (g_utf8_strlen (lp, -1), ==, g_utf8_strlen (up, -1));

      for (; *lp != '\0'; lp = g_utf8_next_char (lp), up = g_utf8_next_char (up))
        {
          char lower[8] = { 0 }, upper[8] = { 0 };
          g_autofree char *nfd_lower = NULL;
          g_autofree char *nfd_upper = NULL;
          g_autofree char *f_lower = NULL, *f_upper = NULL;
          g_autofree char *f_nfd_lower = NULL, *f_nfd_upper = NULL;
          g_autofree char *up_of_lower = NULL;

          g_unichar_to_utf8 (g_utf8_get_char (lp), lower);
          g_unichar_to_utf8 (g_utf8_get_char (up), upper);
          /* every letter listed once: the table has no duplicates */
          g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (g_utf8_get_char (lp))));
          g_hash_table_add (seen, GUINT_TO_POINTER (g_utf8_get_char (lp)));

          nfd_lower = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
          nfd_upper = g_utf8_normalize (upper, -1, G_NORMALIZE_NFD);
          f_lower = kh_vn_fold (lower);
          f_upper = kh_vn_fold (upper);
          f_nfd_lower = kh_vn_fold (nfd_lower);
          f_nfd_upper = kh_vn_fold (nfd_upper);
          up_of_lower = kh_vn_upper (lower);

          g_test_message ("%s / %s", lower, upper);
          g_assert_cmpstr (f_lower, ==, expected);
          g_assert_cmpstr (f_upper, ==, expected);
          g_assert_cmpstr (f_nfd_lower, ==, expected);
          g_assert_cmpstr (f_nfd_upper, ==, expected);
          g_assert_cmpstr (up_of_lower, ==, upper);
        }
    }
  /* 12 vowels × 6 tones + đ */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 73);
  g_hash_table_unref (seen);
}

static void
test_fold_text (void)
{
  static const struct {
    const char *text, *expected;
  } cases[] = {
    { "Sở Khoa học và Công nghệ Hưng Yên", "so khoa hoc va cong nghe hung yen" },
    { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cong hoa xa hoi chu nghia viet nam" },
    { "Độc lập - Tự do - Hạnh phúc", "doc lap - tu do - hanh phuc" },
    { "ĐỀ ÁN", "de an" },
    { "Đ", "d" },
    { "đ", "d" },
    { "Quyết định số 15/QĐ-SKHCN", "quyet dinh so 15/qd-skhcn" },
    { "Ủy ban nhân dân", "uy ban nhan dan" },
    { "Uỷ ban", "uy ban" },          /* old tone placement folds the same */
    { "Hoà", "hoa" },
    /* decomposed (NFD) input */
    { "Vie\xcc\x82\xcc\xa3t Nam", "viet nam" },
    { "D\xcc\x9b\xcc\x80", "d" },     /* stray marks on a Latin letter */
    { "KH&CN 2024", "kh&cn 2024" },
    { "", "" },
    { NULL, "" },
    /* other scripts: lower-cased, their marks kept */
    { "ΑΒΓ", "αβγ" },
    { "Straße", "strasse" },
    { "ПРИВЕТ", "привет" },
    { "\xef\xac\x81le", "file" },     /* ligature "ﬁ" */
    { "Ｓở", "so" },                   /* full-width letter */
    { "\xff", NULL },
    { "ab\xc3", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_fold (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_fold_contains (void)
{
  static const struct {
    const char *haystack, *needle;
    gboolean expected;
  } cases[] = {
    { "Kế hoạch truyền thông về kiểm soát thủ tục hành chính", "thu tuc", TRUE },
    { "Kế hoạch truyền thông về kiểm soát thủ tục hành chính", "KIỂM SOÁT", TRUE },
    { "Kế hoạch truyền thông về kiểm soát thủ tục hành chính", "Kiem Soat", TRUE },
    { "Đề án đổi mới", "de an", TRUE },
    { "Đề án đổi mới", "DOI MOI", TRUE },
    { "Vie\xcc\x82\xcc\xa3t Nam", "Việt", TRUE },
    { "Việt Nam", "Vie\xcc\x82\xcc\xa3t", TRUE },
    { "Sở Khoa học", "khoa hoc va", FALSE },
    { "Sở Khoa học", "", TRUE },
    { "Sở Khoa học", NULL, TRUE },
    { NULL, "so", FALSE },
    { NULL, NULL, TRUE },
    { "Sở \xff", "so", FALSE },
    { "Sở", "s\xff", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (kh_vn_fold_contains (cases[i].haystack, cases[i].needle), ==,
                       cases[i].expected);
    }
}

static void
test_upper (void)
{
  static const struct {
    const char *text, *expected;
  } cases[] = {
    { "Sở Khoa học", "SỞ KHOA HỌC" },
    { "Sở Khoa học và Công nghệ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ" },
    { "đề án", "ĐỀ ÁN" },
    { "Ủy ban nhân dân tỉnh Hưng Yên", "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" },
    { "Cộng hòa xã hội chủ nghĩa Việt Nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
    { "kế hoạch", "KẾ HOẠCH" },
    { "Phó giám đốc", "PHÓ GIÁM ĐỐC" },
    { "ubnd tỉnh 2024", "UBND TỈNH 2024" },
    { "Vie\xcc\x82\xcc\xa3t", "VIỆT" },   /* NFD in, NFC out */
    { "", "" },
    { NULL, "" },
    { "\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_upper (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_sentence_case (void)
{
  static const struct {
    const char *text, *expected;
  } cases[] = {
    { "ban hành Kế hoạch của Sở Khoa học và Công nghệ", "Ban hành Kế hoạch của Sở Khoa học và Công nghệ" },
    { "tuyên truyền cải cách hành chính năm 2024", "Tuyên truyền cải cách hành chính năm 2024" },
    { "  đổi mới TTHC ", "Đổi mới TTHC" },
    { "ủy ban", "Ủy ban" },
    { "Về việc X", "Về việc X" },
    { "\u201cmột cửa\u201d", "\u201cMột cửa\u201d" },
    { "(kèm theo)", "(Kèm theo)" },
    { "2024: năm", "2024: Năm" },
    { "u\xcc\x9b\xcc\x81ng du\xcc\xa3ng", "Ứng dụng" },   /* NFD in, NFC out */
    { "123", "123" },
    { "", "" },
    { NULL, "" },
    { "b\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_sentence_case (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* Decomposed input (as pasted from some editors) comes out precomposed. */
static void
test_nfc_output (void)
{
  const char *nfd_place = "Hu\xcc\x9bng Ye\xcc\x82n";
  const char *nfd_issuer = "Chi\xcc\x81nh phu\xcc\x89";
  const char *nfd_kind = "Nghi\xcc\xa3 \xc4\x91i\xcc\xa3nh";
  const char *nfd_agency = "S\xc4\x90";
  const char *wordings[] = { "Lua\xcc\xa3\xcc\x82t A", NULL };
  g_autofree char *place = kh_vn_format_place_date (nfd_place, 5, 1, 2024);
  g_autofree char *citation = kh_vn_format_citation (nfd_kind, "1/2020/NĐ-CP", NULL, nfd_issuer, NULL);
  g_autofree char *number = kh_vn_format_number_symbol (3, "QĐ", nfd_agency);
  g_autofree char *basis = kh_vn_format_legal_basis (nfd_issuer, wordings, TRUE);

  g_assert_cmpstr (place, ==, "Hưng Yên, ngày 05 tháng 01 năm 2024");
  g_assert_cmpstr (citation, ==, "Nghị định số 1/2020/NĐ-CP của Chính phủ");
  g_assert_cmpstr (number, ==, "Số: 03/QĐ-SĐ");
  g_assert_cmpstr (basis, ==, "Căn cứ Chính phủ: Luật A.");
}

static void
test_title_case_name (void)
{
  static const struct {
    const char *text, *expected;
  } cases[] = {
    { "trần tùng chuẩn", "Trần Tùng Chuẩn" },
    { "PHAN TRỌNG BÌNH", "Phan Trọng Bình" },
    { "đặng thị ánh", "Đặng Thị Ánh" },
    { "  nguyễn   văn  ấn ", "Nguyễn Văn Ấn" },
    { "ưng hoàng phúc", "Ưng Hoàng Phúc" },
    { "bà rịa - vũng tàu", "Bà Rịa - Vũng Tàu" },
    { "bà rịa-vũng tàu", "Bà Rịa-Vũng Tàu" },
    { "hưng\tyên", "Hưng Yên" },
    { "tra\xcc\x82\xcc\x80n", "Trần" },    /* NFD in, NFC out */
    { "", "" },
    { "   ", "" },
    { NULL, "" },
    { "tr\xff", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kh_vn_title_case_name (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vntext/date/long", test_long_date);
  g_test_add_func ("/vntext/date/long-every-day", test_long_date_every_day);
  g_test_add_func ("/vntext/date/short", test_short_date);
  g_test_add_func ("/vntext/date/place", test_place_date);
  g_test_add_func ("/vntext/date/parse-short", test_parse_short_date);
  g_test_add_func ("/vntext/date/short-round-trip", test_short_date_round_trip);
  g_test_add_func ("/vntext/number/type-abbrev", test_type_abbrev);
  g_test_add_func ("/vntext/number/symbol", test_symbol);
  g_test_add_func ("/vntext/number/number-symbol", test_number_symbol);
  g_test_add_func ("/vntext/numbering/roman", test_roman);
  g_test_add_func ("/vntext/numbering/point-letter", test_point_letter);
  g_test_add_func ("/vntext/citation/full", test_citation);
  g_test_add_func ("/vntext/citation/short", test_citation_short);
  g_test_add_func ("/vntext/citation/legal-basis-seeds", test_legal_basis_seeds);
  g_test_add_func ("/vntext/citation/legal-basis-edges", test_legal_basis_edges);
  g_test_add_func ("/vntext/citation/wordings-in-seeds", test_wordings_in_seeds);
  g_test_add_func ("/vntext/case/fold-every-vowel", test_fold_every_vowel);
  g_test_add_func ("/vntext/case/fold-text", test_fold_text);
  g_test_add_func ("/vntext/case/fold-contains", test_fold_contains);
  g_test_add_func ("/vntext/case/upper", test_upper);
  g_test_add_func ("/vntext/case/title-case-name", test_title_case_name);
  g_test_add_func ("/vntext/case/sentence-case", test_sentence_case);
  g_test_add_func ("/vntext/case/nfc-output", test_nfc_output);
  return g_test_run ();
}
