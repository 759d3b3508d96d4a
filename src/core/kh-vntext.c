/* kh-vntext.c — Vietnamese text rules of the printed document
 *
 * All wording here is document text fixed by Nghị định 30/2020/NĐ-CP and
 * the seeds, not interface text: it is never translated.
 */
#include "kh-vntext.h"

#include <string.h>

#define MAX_YEAR 9999

static gboolean
date_is_valid (int day, int month, int year)
{
  if (year < 1 || year > MAX_YEAR || month < 0 || month > 12 || day < 0)
    return FALSE;
  if (month == 0)
    return day <= 31;
  return day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

/* Nghị định 30: months 1 and 2 take a leading zero, 3..12 do not. */
static void
append_month (GString *out, int month)
{
  if (month <= 2)
    g_string_append_printf (out, "%02d", month);
  else
    g_string_append_printf (out, "%d", month);
}

/* A blank field of the long date sits between two words, each normally
 * followed/preceded by a space; the spaces make up KH_VN_BLANK_GAP. */
static void
append_gap (GString *out)
{
  for (int i = 0; i < KH_VN_BLANK_GAP; i++)
    g_string_append_c (out, ' ');
}

static void
append_long_date (GString *out, int day, int month, int year)
{
  g_string_append (out, "ngày");
  if (day == 0)
    append_gap (out);
  else
    g_string_append_printf (out, " %02d ", day);

  g_string_append (out, "tháng");
  if (month == 0)
    append_gap (out);
  else
    {
      g_string_append_c (out, ' ');
      append_month (out, month);
      g_string_append_c (out, ' ');
    }

  g_string_append_printf (out, "năm %d", year);
}

char *
kh_vn_format_date (int day, int month, int year)
{
  GString *out;

  if (!date_is_valid (day, month, year))
    return NULL;

  out = g_string_new (NULL);
  append_long_date (out, day, month, year);
  return g_string_free (out, FALSE);
}

/* Returns a trimmed NFC copy (precomposed, as the renderer's fonts want
 * it), or NULL when nothing but spaces is left or text is not UTF-8. */
static char *
dup_trimmed (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (copy == NULL)
    return NULL;
  g_strstrip (copy);
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

char *
kh_vn_format_place_date (const char *place, int day, int month, int year)
{
  g_autofree char *trimmed = dup_trimmed (place);
  GString *out;

  if (!date_is_valid (day, month, year))
    return NULL;
  if (place != NULL && !g_utf8_validate (place, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  if (trimmed != NULL)
    g_string_append_printf (out, "%s, ", trimmed);
  append_long_date (out, day, month, year);
  return g_string_free (out, FALSE);
}

static void
append_short_blank (GString *out)
{
  for (int i = 0; i < KH_VN_SHORT_BLANK_WIDTH; i++)
    g_string_append_c (out, ' ');
}

static void
append_short_date (GString *out, int day, int month, int year)
{
  if (day == 0)
    append_short_blank (out);
  else
    g_string_append_printf (out, "%02d", day);
  g_string_append_c (out, '/');
  if (month == 0)
    append_short_blank (out);
  else
    append_month (out, month);
  g_string_append_printf (out, "/%d", year);
}

char *
kh_vn_format_short_date (int day, int month, int year)
{
  GString *out;

  if (!date_is_valid (day, month, year))
    return NULL;

  out = g_string_new (NULL);
  append_short_date (out, day, month, year);
  return g_string_free (out, FALSE);
}

/* Reads 1..max_digits ASCII digits; advances *p. */
static gboolean
read_number (const char **p, int max_digits, int min_digits, int *value)
{
  int n = 0;
  int digits = 0;

  while (g_ascii_isdigit (**p) && digits < max_digits)
    {
      n = n * 10 + (**p - '0');
      (*p)++;
      digits++;
    }
  if (digits < min_digits || g_ascii_isdigit (**p))
    return FALSE;
  *value = n;
  return TRUE;
}

gboolean
kh_vn_parse_short_date (const char *text, int *day, int *month, int *year)
{
  const char *p = text;
  char sep;
  int d, m, y;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;
  if (!read_number (&p, 2, 1, &d))
    return FALSE;
  sep = *p;
  if (sep != '/' && sep != '-' && sep != '.')
    return FALSE;
  p++;
  if (!read_number (&p, 2, 1, &m) || *p != sep)
    return FALSE;
  p++;
  /* A two-digit year ("8/6/10") is ambiguous in a legal citation. */
  if (!read_number (&p, 4, 4, &y))
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  if (d < 1 || m < 1 || !date_is_valid (d, m, y))
    return FALSE;

  if (day != NULL)
    *day = d;
  if (month != NULL)
    *month = m;
  if (year != NULL)
    *year = y;
  return TRUE;
}

/* Comparison key for names typed by users: NFC, trimmed, single spaces,
 * case-folded. */
static char *
name_key (const char *text)
{
  g_autofree char *nfc = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  GPtrArray *kept;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  words = g_strsplit_set (nfc, " \t\r\n", -1);
  kept = g_ptr_array_new ();
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);
  joined = g_strjoinv (" ", (char **) kept->pdata);
  g_ptr_array_free (kept, TRUE);

  return g_utf8_casefold (joined, -1);
}

static const struct {
  const char *name;
  const char *abbrev;
} type_abbrevs[] = {
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
};

const char *
kh_vn_type_abbrev (const char *type_name)
{
  g_autofree char *key = name_key (type_name);

  if (key == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (type_abbrevs); i++)
    {
      g_autofree char *candidate = name_key (type_abbrevs[i].name);

      if (strcmp (key, candidate) == 0)
        return type_abbrevs[i].abbrev;
    }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static gboolean
valid_or_null (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

char *
kh_vn_format_symbol (const char *type_abbrev, const char *agency_abbrev)
{
  g_autofree char *type = dup_trimmed (type_abbrev);
  g_autofree char *agency = dup_trimmed (agency_abbrev);

  if (!valid_or_null (type_abbrev) || !valid_or_null (agency_abbrev))
    return NULL;

  if (type != NULL && agency != NULL)
    return g_strconcat (type, "-", agency, NULL);
  if (type != NULL)
    return g_steal_pointer (&type);
  if (agency != NULL)
    return g_steal_pointer (&agency);
  return g_strdup ("");
}

char *
kh_vn_format_number_symbol (int number, const char *type_abbrev, const char *agency_abbrev)
{
  g_autofree char *symbol = NULL;
  GString *out;

  if (number < 0)
    return NULL;
  symbol = kh_vn_format_symbol (type_abbrev, agency_abbrev);
  if (symbol == NULL)
    return NULL;

  out = g_string_new ("Số:");
  if (number == 0)
    append_gap (out);
  else
    g_string_append_printf (out, " %02d", number);
  if (*symbol != '\0')
    g_string_append_printf (out, "/%s", symbol);
  return g_string_free (out, FALSE);
}

char *
kh_vn_roman (int n)
{
  static const struct {
    int value;
    const char *digits;
  } table[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" },
    { 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" },
    { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out;

  if (n < 1 || n > 3999)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    while (n >= table[i].value)
      {
        g_string_append (out, table[i].digits);
        n -= table[i].value;
      }
  return g_string_free (out, FALSE);
}

/* The Vietnamese alphabet order used for points: no f, j, w, z, and đ
 * after d. The letters with marks (ă, â, ê, ô, ơ, ư) are not used. */
static const char *const point_letters[KH_VN_POINT_LETTER_COUNT] = {
  "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
  "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
};

#define POINT_LETTER_MAX_REPEAT 3

char *
kh_vn_point_letter (int index)
{
  GString *out;
  int repeat;

  if (index < 0 || index >= KH_VN_POINT_LETTER_COUNT * POINT_LETTER_MAX_REPEAT)
    return NULL;

  repeat = index / KH_VN_POINT_LETTER_COUNT + 1;
  out = g_string_new (NULL);
  for (int i = 0; i < repeat; i++)
    g_string_append (out, point_letters[index % KH_VN_POINT_LETTER_COUNT]);
  return g_string_free (out, FALSE);
}

/* Parses "YYYY-MM-DD" strictly (a real date). */
static gboolean
parse_iso_date (const char *text, int *day, int *month, int *year)
{
  const char *p = text;
  int d, m, y;

  while (g_ascii_isspace (*p))
    p++;
  if (!read_number (&p, 4, 4, &y) || *p++ != '-')
    return FALSE;
  if (!read_number (&p, 2, 2, &m) || *p++ != '-')
    return FALSE;
  if (!read_number (&p, 2, 2, &d))
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || d < 1 || m < 1 || !date_is_valid (d, m, y))
    return FALSE;

  *day = d;
  *month = m;
  *year = y;
  return TRUE;
}

/* Appends word + " " + value when value is not blank, with a space before
 * it if something precedes. */
static void
append_part (GString *out, const char *word, const char *value)
{
  g_autofree char *trimmed = dup_trimmed (value);

  if (trimmed == NULL)
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (word != NULL)
    g_string_append_printf (out, "%s ", word);
  g_string_append (out, trimmed);
}

/* The "số ... ngày ..." middle shared by both citation forms. FALSE on an
 * invalid date or invalid UTF-8. */
static gboolean
append_number_date (GString *out, const char *number, const char *iso_date)
{
  if (!valid_or_null (number))
    return FALSE;
  append_part (out, "số", number);

  if (!is_blank (iso_date))
    {
      g_autofree char *date = NULL;
      int d, m, y;

      if (!parse_iso_date (iso_date, &d, &m, &y))
        return FALSE;
      date = kh_vn_format_short_date (d, m, y);
      append_part (out, "ngày", date);
    }
  return TRUE;
}

char *
kh_vn_format_citation (const char *kind,
                       const char *number,
                       const char *iso_date,
                       const char *issuer,
                       const char *subject)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!valid_or_null (kind) || !valid_or_null (issuer) || !valid_or_null (subject))
    return NULL;

  append_part (out, NULL, kind);
  if (!append_number_date (out, number, iso_date))
    return NULL;
  append_part (out, "của", issuer);
  append_part (out, NULL, subject);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
kh_vn_format_citation_short (const char *number, const char *iso_date, const char *subject)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!valid_or_null (subject))
    return NULL;
  if (!append_number_date (out, number, iso_date))
    return NULL;
  append_part (out, NULL, subject);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
kh_vn_format_legal_basis (const char *group, const char * const *citations, gboolean last)
{
  g_autoptr(GString) out = g_string_new ("Căn cứ ");
  g_autofree char *lead = dup_trimmed (group);
  gboolean any = FALSE;

  if (citations == NULL || !valid_or_null (group))
    return NULL;

  if (lead != NULL)
    {
      /* A lead typed with its colon keeps only one. */
      gsize len = strlen (lead);

      if (len > 0 && lead[len - 1] == ':')
        lead[len - 1] = '\0';
      g_strchomp (lead);
      g_string_append_printf (out, "%s: ", lead);
    }

  for (guint i = 0; citations[i] != NULL; i++)
    {
      g_autofree char *wording = NULL;
      gsize len;

      if (!g_utf8_validate (citations[i], -1, NULL))
        return NULL;
      wording = dup_trimmed (citations[i]);
      if (wording == NULL)
        continue;
      len = strlen (wording);
      /* The paragraph's own punctuation is added below. */
      if (len > 0 && (wording[len - 1] == ';' || wording[len - 1] == '.'))
        {
          wording[len - 1] = '\0';
          g_strchomp (wording);
        }
      if (*wording == '\0')
        continue;

      if (any)
        g_string_append (out, "; ");
      g_string_append (out, wording);
      any = TRUE;
    }

  if (!any)
    return NULL;
  g_string_append_c (out, last ? '.' : ';');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The fold of text[0..len), by the Unicode tables, appended to @out. */
static void
fold_slow (const char *text,
           gssize      len,
           GString    *out)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *composed = NULL;
  GString *marks_dropped;
  gboolean after_latin = FALSE;

  /* Compatibility decomposition splits every precomposed vowel into its
   * base letter and marks (so NFD and precomposed input agree); it can
   * yield capitals ("㎒" → "MHz"), hence case-folding after it, and once
   * more decomposing what case-folding composed. */
  decomposed = g_utf8_normalize (text, len, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (decomposed, -1);
  g_free (decomposed);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);

  marks_dropped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (after_latin && (type == G_UNICODE_NON_SPACING_MARK ||
                          type == G_UNICODE_SPACING_MARK ||
                          type == G_UNICODE_ENCLOSING_MARK))
        continue;

      /* đ has no decomposition: it is its own letter with a stroke. */
      if (c == 0x0111)
        c = 'd';
      after_latin = g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN;
      g_string_append_unichar (marks_dropped, c);
    }
  raw = g_string_free (marks_dropped, FALSE);

  /* Marks of other scripts were kept: recompose them. */
  composed = g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
  g_string_append (out, composed);
}

/* The fold of the Vietnamese letters (and of the other Latin letters and
 * punctuation of these blocks) is plain ASCII: "ệ" → "e", "Đ" → "d",
 * "…" → "...". It is looked up here instead of normalizing each time.
 * An entry is "" when the character needs fold_slow(). */
static const struct {
  gunichar first;
  gunichar end;
} fold_ranges[] = {
  { 0x0080, 0x0250 },  /* Latin-1 Supplement, Latin Extended-A and -B */
  { 0x1E00, 0x1F00 },  /* Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ ... ỹ */
  { 0x2000, 0x2070 },  /* General Punctuation: “ ” – … */
};

#define FOLD_TABLE_SIZE ((0x0250 - 0x0080) + (0x1F00 - 0x1E00) + (0x2070 - 0x2000))
#define FOLD_ENTRY_MAX 7

static struct {
  guint8 len;
  char text[FOLD_ENTRY_MAX];
} fold_table[FOLD_TABLE_SIZE];

static int
fold_table_index (gunichar c)
{
  int base = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fold_ranges); i++)
    {
      if (c >= fold_ranges[i].first && c < fold_ranges[i].end)
        return base + (int) (c - fold_ranges[i].first);
      base += (int) (fold_ranges[i].end - fold_ranges[i].first);
    }
  return -1;
}

/* Filled from fold_slow() itself, so that both paths always agree. Only
 * a non-empty ASCII fold is kept: it starts with a base character that
 * nothing before it can combine with, so the text may be cut before it. */
static void
fold_table_init (void)
{
  static gsize initialized = 0;

  if (!g_once_init_enter (&initialized))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fold_ranges); i++)
    for (gunichar c = fold_ranges[i].first; c < fold_ranges[i].end; c++)
      {
        char utf8[6];
        int n = g_unichar_to_utf8 (c, utf8);
        g_autoptr(GString) folded = g_string_new (NULL);
        gboolean ascii;

        fold_slow (utf8, n, folded);
        ascii = folded->len > 0 && folded->len <= FOLD_ENTRY_MAX;
        for (gsize k = 0; ascii && k < folded->len; k++)
          ascii = (guchar) folded->str[k] < 0x80;
        if (ascii)
          {
            int index = fold_table_index (c);

            fold_table[index].len = (guint8) folded->len;
            memcpy (fold_table[index].text, folded->str, folded->len);
          }
      }

  g_once_init_leave (&initialized, 1);
}

/* Makes room for @n more bytes at the end of @out. */
static inline char *
fold_reserve (GString *out,
              gsize    n)
{
  if (out->len + n >= out->allocated_len)
    {
      gsize len = out->len;

      g_string_set_size (out, len + n);
      out->len = len;
    }
  return out->str + out->len;
}

char *
kh_vn_fold (const char *text)
{
  GString *out;
  const guchar *p;
  const guchar *slow = NULL;       /* start of the run that needs fold_slow() */
  const guchar *last_fast = NULL;  /* the last character folded by the fast path */
  gsize last_fast_len = 0;         /* out->len before it */

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  fold_table_init ();
  out = g_string_sized_new (strlen (text) + FOLD_ENTRY_MAX);

  /* Most of a Vietnamese text is ASCII or a precomposed letter: those are
   * folded one by one, straight into the buffer. Anything else (combining
   * marks, other scripts, compatibility characters) is folded by
   * fold_slow() in runs, each with the character before it, which its
   * marks may belong to. */
  for (p = (const guchar *) text; *p != '\0';)
    {
      const guchar *next;
      int index = -1;

      if (*p < 0x80)
        {
          /* A run of ASCII, lower-cased as it is copied. */
          const guchar *end = p;
          char *q;

          while (*end != '\0' && *end < 0x80)
            end++;
          if (slow != NULL)
            {
              fold_slow ((const char *) slow, p - slow, out);
              slow = NULL;
            }
          q = fold_reserve (out, end - p);
          for (const guchar *c = p; c < end; c++)
            *q++ = (char) (*c >= 'A' && *c <= 'Z' ? *c + ('a' - 'A') : *c);
          out->len += end - p;
          last_fast = end - 1;
          last_fast_len = out->len - 1;
          p = end;
          continue;
        }

      /* The text is valid UTF-8: the table covers 2- and 3-byte forms. */
      if (*p < 0xE0)
        {
          index = fold_table_index (((gunichar) (p[0] & 0x1F) << 6) | (p[1] & 0x3F));
          next = p + 2;
        }
      else if (*p < 0xF0)
        {
          index = fold_table_index (((gunichar) (p[0] & 0x0F) << 12) |
                                    ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F));
          next = p + 3;
        }
      else
        next = p + 4;

      if (index >= 0 && fold_table[index].len > 0)
        {
          if (slow != NULL)
            {
              fold_slow ((const char *) slow, p - slow, out);
              slow = NULL;
            }
          last_fast = p;
          last_fast_len = out->len;
          memcpy (fold_reserve (out, FOLD_ENTRY_MAX), fold_table[index].text, FOLD_ENTRY_MAX);
          out->len += fold_table[index].len;
        }
      else if (slow == NULL)
        {
          if (last_fast != NULL)
            {
              g_string_truncate (out, last_fast_len);
              slow = last_fast;
            }
          else
            slow = p;
        }
      p = next;
    }
  if (slow != NULL)
    fold_slow ((const char *) slow, p - slow, out);
  out->str[out->len] = '\0';

  return g_string_free (out, FALSE);
}

gboolean
kh_vn_fold_contains (const char *haystack, const char *needle)
{
  g_autofree char *h = kh_vn_fold (haystack);
  g_autofree char *n = kh_vn_fold (needle);

  if (h == NULL || n == NULL)
    return FALSE;
  return strstr (h, n) != NULL;
}

char *
kh_vn_upper (const char *text)
{
  g_autofree char *nfc = NULL;
  g_autofree char *upper = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  /* Upper-casing NFC text keeps each vowel precomposed ("ở" → "Ở"). */
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  upper = g_utf8_strup (nfc, -1);
  return g_utf8_normalize (upper, -1, G_NORMALIZE_NFC);
}

char *
kh_vn_sentence_case (const char *text)
{
  g_autofree char *trimmed = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  trimmed = dup_trimmed (text);
  if (trimmed == NULL)
    return g_strdup ("");

  /* Raise the first letter, past any opening quote or bracket. */
  for (p = trimmed; *p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  if (*p == '\0')
    return g_steal_pointer (&trimmed);

  out = g_string_new_len (trimmed, p - trimmed);
  g_string_append_unichar (out, g_unichar_totitle (g_utf8_get_char (p)));
  g_string_append (out, g_utf8_next_char (p));
  return g_string_free (out, FALSE);
}

char *
kh_vn_title_case_name (const char *text)
{
  g_autofree char *nfc = NULL;
  g_autofree char *lower = NULL;
  GString *out;
  gboolean word_start = TRUE;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  lower = g_utf8_strdown (nfc, -1);

  out = g_string_new (NULL);
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          word_start = TRUE;
          continue;
        }
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      if (word_start && g_unichar_isalpha (c))
        {
          g_string_append_unichar (out, g_unichar_totitle (c));
          word_start = FALSE;
        }
      else
        {
          g_string_append_unichar (out, c);
          /* "Bà Rịa-Vũng Tàu": a hyphen starts a new word too. */
          word_start = c == '-';
        }
    }

  {
    g_autofree char *raw = g_string_free (out, FALSE);

    return g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
  }
}
