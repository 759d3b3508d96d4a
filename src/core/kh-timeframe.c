/* kh-timeframe.c — the reader of "Thời gian thực hiện"
 *
 * Three passes, all linear:
 *  1. fold the text to lower-case ASCII without diacritics, keeping for every
 *     folded byte the offset of the original character it came from;
 *  2. cut the folded text into words, numbers and punctuation;
 *  3. at each token try the phrase readers below in order (each looks ahead a
 *     bounded number of tokens); the first that matches consumes its tokens.
 * Tokens no reader consumed become the note; an event phrase in the note
 * ("khi có hướng dẫn", "theo Kế hoạch ...") adds an event part.
 */
#include "config.h"

#include <string.h>

#include "kh-timeframe.h"

/* ---- Folding ------------------------------------------------------------ */

#define FOLD_DROP 0            /* a combining mark: no folded byte */
#define FOLD_TABLE_FIRST 0x80
#define FOLD_TABLE_LAST 0x1EFF

static guint8 fold_table[FOLD_TABLE_LAST - FOLD_TABLE_FIRST + 1];

static gpointer
build_fold_table (gpointer data)
{
  for (gunichar c = FOLD_TABLE_FIRST; c <= FOLD_TABLE_LAST; c++)
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      guint8 folded = '?';

      if ((c >= 0x300 && c <= 0x36F) || (c >= 0x1DC0 && c <= 0x1DFF))
        folded = FOLD_DROP;
      else if (c == 0x110 || c == 0x111)   /* Đ đ do not decompose */
        folded = 'd';
      else if (g_unichar_isspace (c))
        folded = ' ';
      else if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0 &&
               decomposed[0] < 0x80 && g_ascii_isalpha ((char) decomposed[0]))
        folded = (guint8) g_ascii_tolower ((char) decomposed[0]);
      fold_table[c - FOLD_TABLE_FIRST] = folded;
    }
  return data;
}

static guint8
fold_char (gunichar c)
{
  if (c < 0x80)
    {
      if (c < 0x20 || c == 0x7F)
        return ' ';
      return (guint8) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
  if (c <= FOLD_TABLE_LAST)
    return fold_table[c - FOLD_TABLE_FIRST];
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
    return '-';
  if ((c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
    return ' ';
  if ((c >= 0x200B && c <= 0x200D) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) ||
      (c >= 0x20D0 && c <= 0x20FF))
    return FOLD_DROP;
  if (c == 0x2018 || c == 0x2019)
    return '\'';
  if (c == 0x201C || c == 0x201D)
    return '"';
  if (c == 0x2026)
    return '.';
  return '?';
}

/* Decodes one UTF-8 character; an invalid byte decodes as one U+FFFD. */
static gsize
decode_utf8 (const guchar *s, gsize len, gunichar *out)
{
  gsize n;
  gunichar c, min;

  if (s[0] < 0x80)
    {
      *out = s[0];
      return 1;
    }
  if ((s[0] & 0xE0) == 0xC0)
    n = 2, c = s[0] & 0x1F, min = 0x80;
  else if ((s[0] & 0xF0) == 0xE0)
    n = 3, c = s[0] & 0x0F, min = 0x800;
  else if ((s[0] & 0xF8) == 0xF0)
    n = 4, c = s[0] & 0x07, min = 0x10000;
  else
    goto invalid;
  if (n > len)
    goto invalid;
  for (gsize k = 1; k < n; k++)
    {
      if ((s[k] & 0xC0) != 0x80)
        goto invalid;
      c = (c << 6) | (s[k] & 0x3F);
    }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    goto invalid;
  *out = c;
  return n;

invalid:
  *out = 0xFFFD;
  return 1;
}

/* ---- Tokens ------------------------------------------------------------- */

typedef enum {
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokType;

typedef struct {
  TokType type;
  guint fs, fe;      /* the token in the folded text */
  int value;         /* TOK_NUM: the number, or -1 when too long; TOK_PUNCT: the char */
  int ndigits;
  guint readers;     /* the READS_ of the phrases that can start here */
} Tok;

/* Which phrase readers can start at a token, so that the others are not tried. */
enum {
  READS_RECURRING = 1 << 0,
  READS_DUE = 1 << 1,
  READS_CONTINUOUS = 1 << 2,
  READS_DEADLINE = 1 << 3,
  READS_SPAN = 1 << 4,
  /* and inside those: */
  READS_PERIOD = 1 << 5,   /* read_periods() */
  READS_DATE = 1 << 6,     /* read_date() */
  READS_FROM = 1 << 7,     /* "từ" of read_range() */
  READS_NUMBER = READS_RECURRING | READS_SPAN | READS_PERIOD | READS_DATE,
};

/* Time frames are short; a huge cell is read in its first megabyte only. */
#define MAX_READ_BYTES (1u << 20)
/* Lists ("Quý I, II, III") longer than this are not time frames. */
#define MAX_LIST 12

#define YEAR_MIN 1900
#define YEAR_MAX 2200

typedef struct {
  int sy, sm, sd;    /* start; sy 0: no year given */
  int ey, em, ed;    /* end; ed 0: the last day of em */
} Range;

typedef struct {
  KhScheduleKind kind;
  Range range;
  gboolean has_range;
  KhRecurrence recurrence;
  guint periods;
  int due_day;
  int due_month;
  int first, last;   /* the tokens read, inclusive */
} Item;

typedef struct {
  const char *text;
  gsize len;
  int plan_year;

  char *f;           /* folded text */
  gsize *map;        /* folded byte -> offset in text; map[nf] = end of what was read */
  guint nf;

  Tok *toks;
  int n;
} Reader;

static void
fold_text (Reader *r)
{
  static GOnce table_once = G_ONCE_INIT;
  const guchar *s = (const guchar *) r->text;
  gsize len = MIN (r->len, MAX_READ_BYTES);
  gsize i = 0;

  g_once (&table_once, build_fold_table, NULL);

  r->f = g_malloc (len + 1);
  r->map = g_new (gsize, len + 1);
  r->nf = 0;
  while (i < len)
    {
      gunichar c;
      gsize n = decode_utf8 (s + i, len - i, &c);
      guint8 folded = fold_char (c);

      if (folded != FOLD_DROP)
        {
          r->map[r->nf] = i;
          r->f[r->nf++] = (char) folded;
        }
      i += n;
    }
  r->map[r->nf] = i;
  r->f[r->nf] = '\0';
}

/* The words a time frame phrase can start with, and which phrases; sorted. */
static guint
starter_readers (const char *word, gsize len)
{
  static const struct { const char *word; guint readers; } starters[] = {
    { "bat", READS_SPAN | READS_FROM },
    { "ca", READS_SPAN | READS_PERIOD },
    { "cham", READS_DUE | READS_DEADLINE },
    { "cuoi", READS_SPAN | READS_PERIOD },
    { "dau", READS_SPAN | READS_PERIOD },
    { "den", READS_DEADLINE },
    { "dinh", READS_RECURRING },
    { "giua", READS_SPAN | READS_PERIOD },
    { "han", READS_DUE | READS_DEADLINE },
    { "hang", READS_RECURRING | READS_CONTINUOUS },
    { "het", READS_DEADLINE },
    { "hoan", READS_DEADLINE },
    { "ke", READS_SPAN | READS_FROM },
    { "khong", READS_DUE | READS_DEADLINE },
    { "lien", READS_CONTINUOUS },
    { "moi", READS_RECURRING | READS_CONTINUOUS },
    { "nam", READS_SPAN | READS_PERIOD },
    { "ngay", READS_DUE | READS_SPAN | READS_DATE },
    { "nua", READS_SPAN | READS_PERIOD },
    { "quanh", READS_CONTINUOUS },
    { "quy", READS_SPAN | READS_PERIOD },
    { "sau", READS_SPAN | READS_PERIOD },
    { "suot", READS_CONTINUOUS },
    { "thang", READS_SPAN | READS_PERIOD },
    { "thuong", READS_CONTINUOUS },
    { "toi", READS_DEADLINE },
    { "trong", READS_SPAN | READS_PERIOD },
    { "truoc", READS_DUE | READS_DEADLINE },
    { "tu", READS_SPAN | READS_FROM },
    { "vao", READS_DUE | READS_SPAN | READS_PERIOD },
  };

  guint lo = 0, hi = G_N_ELEMENTS (starters);

  /* A binary search: every word of the text is looked up. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const char *s = starters[mid].word;
      gsize k = 0;
      int c;

      while (k < len && s[k] != '\0' && s[k] == word[k])
        k++;
      c = (k < len ? (guchar) word[k] : 0) - (guchar) s[k];
      if (c == 0)
        return starters[mid].readers;
      if (c < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return 0;
}

static void
tokenize (Reader *r)
{
  guint i = 0;

  r->toks = g_new (Tok, r->nf + 1);
  r->n = 0;
  while (i < r->nf)
    {
      char c = r->f[i];
      Tok *t;

      if (c == ' ')
        {
          i++;
          continue;
        }
      t = &r->toks[r->n++];
      t->fs = i;
      t->ndigits = 0;
      if (g_ascii_isalpha (c))
        {
          while (i < r->nf && g_ascii_isalpha (r->f[i]))
            i++;
          t->type = TOK_WORD;
          t->value = 0;
          t->readers = starter_readers (r->f + t->fs, i - t->fs);
        }
      else if (g_ascii_isdigit (c))
        {
          int value = 0;

          while (i < r->nf && g_ascii_isdigit (r->f[i]))
            {
              if (t->ndigits < 9)
                value = value * 10 + (r->f[i] - '0');
              t->ndigits++;
              i++;
            }
          t->type = TOK_NUM;
          t->value = t->ndigits <= 9 ? value : -1;
          t->readers = READS_NUMBER;
        }
      else
        {
          t->type = TOK_PUNCT;
          t->value = c;
          t->readers = 0;
          i++;
        }
      t->fe = i;
    }
}

/* Matches the space-separated words of @phrase from token @i; returns the
 * token after them, or -1. Most tries fail on the first letter. */
static int
match (const Reader *r, int i, const char *phrase)
{
  const char *w = phrase;

  for (;;)
    {
      const char *t, *end;

      if (i < 0 || i >= r->n || r->toks[i].type != TOK_WORD)
        return -1;
      t = r->f + r->toks[i].fs;
      end = r->f + r->toks[i].fe;
      while (t < end && *t == *w)
        t++, w++;
      if (t != end || (*w != ' ' && *w != '\0'))
        return -1;
      i++;
      if (*w == '\0')
        return i;
      w++;
    }
}

static inline gboolean
is_word (const Reader *r, int i, const char *w)
{
  return match (r, i, w) >= 0;
}

/* The first of @phrases (NULL-terminated) that matches at @i. */
static int
match_any (const Reader *r, int i, const char *const *phrases, int *which)
{
  if (i < 0 || i >= r->n || r->toks[i].type != TOK_WORD)
    return -1;
  for (int k = 0; phrases[k] != NULL; k++)
    {
      int j = match (r, i, phrases[k]);

      if (j >= 0)
        {
          if (which)
            *which = k;
          return j;
        }
    }
  return -1;
}

static inline gboolean
is_punct (const Reader *r, int i, const char *chars)
{
  if (i < 0 || i >= r->n || r->toks[i].type != TOK_PUNCT)
    return FALSE;
  for (; *chars != '\0'; chars++)
    if (*chars == r->toks[i].value)
      return TRUE;
  return FALSE;
}

static inline gboolean
is_num (const Reader *r, int i, int min, int max, int max_digits)
{
  return i >= 0 && i < r->n && r->toks[i].type == TOK_NUM && r->toks[i].ndigits <= max_digits &&
         r->toks[i].value >= min && r->toks[i].value <= max;
}

/* Tokens @i and @i + 1 are written without a space between them. */
static inline gboolean
adjacent (const Reader *r, int i)
{
  return i >= 0 && i + 1 < r->n && r->toks[i].fe == r->toks[i + 1].fs;
}

/* Whether a phrase of @readers can start at @i: saves trying the words of each. */
static inline gboolean
can_start (const Reader *r, int i, guint readers)
{
  return i >= 0 && i < r->n && (r->toks[i].readers & readers) != 0;
}

static inline gboolean
is_year (const Reader *r, int i)
{
  return is_num (r, i, YEAR_MIN, YEAR_MAX, 4) && r->toks[i].ndigits == 4;
}

/* A part of a symbol or a longer number: "01/2020/TT-VPCP", "1.000". */
static gboolean
glued_to_symbol (const Reader *r, int i)
{
  return (adjacent (r, i - 1) && is_punct (r, i - 1, "/-.")) ||
         (adjacent (r, i) && is_punct (r, i + 1, "/-.") && adjacent (r, i + 1) &&
          (r->toks[i + 2].type == TOK_WORD || r->toks[i + 2].type == TOK_NUM));
}

/* Just after the symbol of a document ("số 223/KH-UBND ngày 30/6/2021"):
 * the date belongs to the reference, not to the time frame. */
static gboolean
after_reference (const Reader *r, int i)
{
  for (int k = i - 1; k >= 1 && k >= i - 3; k--)
    if (r->toks[k].type == TOK_WORD && is_punct (r, k - 1, "/-") && adjacent (r, k - 1))
      return TRUE;
  return FALSE;
}

/* ---- Periods and dates -------------------------------------------------- */

static void
range_months (Range *range, int year, int first_month, int last_month)
{
  range->sy = range->ey = year;
  range->sm = first_month;
  range->sd = 1;
  range->em = last_month;
  range->ed = 0;
}

static void
range_set_year (Range *range, int year)
{
  range->sy = range->ey = year;
}

/* "I", "II", "III", "IV", "1".."4", and after "quý" the words "một".."tư". */
static int
read_quarter (const Reader *r, int i, gboolean words, int *q)
{
  static const char *const roman[] = { "i", "ii", "iii", "iv", NULL };
  static const char *const names[] = { "mot", "hai", "ba", "bon", "tu", NULL };
  int k;

  if (match_any (r, i, roman, &k) >= 0)
    *q = k + 1;
  else if (is_num (r, i, 1, 4, 2))
    *q = r->toks[i].value;
  else if (words && match_any (r, i, names, &k) >= 0)
    *q = MIN (k + 1, 4);
  else
    return -1;
  return i + 1;
}

static int
read_month (const Reader *r, int i, int *m)
{
  if (!is_num (r, i, 1, 12, 2))
    return -1;
  *m = r->toks[i].value;
  return i + 1;
}

/* ", năm 2023", " năm 2023", "/2023"; returns @i and 0 when there is none. */
static int
read_year_suffix (const Reader *r, int i, int *year)
{
  int j = is_punct (r, i, ",") ? i + 1 : i;

  *year = 0;
  if (is_word (r, j, "nam") && is_year (r, j + 1))
    {
      *year = r->toks[j + 1].value;
      return j + 2;
    }
  if (is_punct (r, i, "/") && adjacent (r, i - 1) && adjacent (r, i) && is_year (r, i + 1))
    {
      *year = r->toks[i + 1].value;
      return i + 2;
    }
  return i;
}

typedef enum {
  UNIT_DAY,
  UNIT_MONTH,      /* numbers[] are months */
  UNIT_QUARTER,    /* numbers[] are quarters */
  UNIT_DAYS,       /* range: "cuối tháng 6" */
  UNIT_MONTHS,     /* range: "9 tháng đầu năm" */
  UNIT_HALF,       /* range: "6 tháng đầu năm" */
  UNIT_YEAR,       /* range: "năm 2024" */
} Unit;

typedef struct {
  Unit unit;
  int count;
  int numbers[MAX_LIST];   /* months or quarters, in the order written */
  int year;                /* 0: not given */
  Range range;             /* for the other units */
} Periods;

static void
periods_range (const Periods *p, int k, Range *out)
{
  if (p->unit == UNIT_MONTH)
    range_months (out, p->year, p->numbers[k], p->numbers[k]);
  else if (p->unit == UNIT_QUARTER)
    range_months (out, p->year, p->numbers[k] * 3 - 2, p->numbers[k] * 3);
  else
    *out = p->range;
}

/* A list of numbers after "tháng" or "quý": "3, 4 và 5", "III,IV", "I và quý II". */
static int
read_number_list (const Reader *r, int i, Unit unit, gboolean list, Periods *p)
{
  const char *unit_word = unit == UNIT_MONTH ? "thang" : "quy";
  int j, value;

  j = unit == UNIT_MONTH ? read_month (r, i, &value) : read_quarter (r, i, TRUE, &value);
  if (j < 0)
    return -1;
  p->unit = unit;
  p->count = 0;
  p->numbers[p->count++] = value;
  while (list && p->count < MAX_LIST)
    {
      int k = j;

      if (is_punct (r, k, ",&") || is_word (r, k, "va"))
        k++;
      else
        break;
      if (is_word (r, k, unit_word))
        k++;
      k = unit == UNIT_MONTH ? read_month (r, k, &value) : read_quarter (r, k, FALSE, &value);
      if (k < 0)
        break;
      p->numbers[p->count++] = value;
      j = k;
    }
  return read_year_suffix (r, j, &p->year);
}

/* "6 tháng đầu năm", "9 tháng cuối năm 2025" from the word after the number of
 * months (@n) at @j. */
static int
read_part_of_year (const Reader *r, int j, int n, Periods *p)
{
  int k, which, year;

  if ((k = match_any (r, j, (const char *const[]) { "dau nam", "cuoi nam", NULL }, &which)) < 0)
    return -1;
  year = is_year (r, k) ? r->toks[k].value : 0;
  p->unit = n == 6 ? UNIT_HALF : UNIT_MONTHS;
  range_months (&p->range, year, which == 0 ? 1 : 13 - n, which == 0 ? n : 12);
  p->year = year;
  p->count = 1;
  return year ? k + 1 : k;
}

static int
read_year_period (const Reader *r, int j, Periods *p)
{
  int year = is_year (r, j) && !glued_to_symbol (r, j) ? r->toks[j].value : 0;

  p->unit = UNIT_YEAR;
  p->count = 1;
  p->year = year;
  range_months (&p->range, year, 1, 12);
  return year ? j + 1 : j;
}

/* A period: "tháng 3, 4", "quý III,IV năm 2023", "6 tháng đầu năm",
 * "trong năm 2023", "năm 2024", "cả năm", "2024". Lists only when @list. */
static int
read_periods (const Reader *r, int i, gboolean list, Periods *p)
{
  static const char *const prefixes[] = { "trong suot", "trong", "vao", NULL };
  gboolean prefixed = FALSE;
  int j, k, n, which;

  memset (p, 0, sizeof *p);
  if (!can_start (r, i, READS_PERIOD))
    return -1;
  if ((j = match_any (r, i, prefixes, NULL)) >= 0)
    {
      prefixed = TRUE;
      i = j;
      if (!can_start (r, i, READS_PERIOD))
        return -1;
    }

  /* From a number: "6 tháng đầu năm", a bare "2024". */
  if (r->toks[i].type == TOK_NUM)
    {
      if (is_num (r, i, 1, 12, 2) && is_word (r, i + 1, "thang"))
        return read_part_of_year (r, i + 2, r->toks[i].value, p);
      if (is_year (r, i) && !glued_to_symbol (r, i))
        return read_year_period (r, i, p);
      return -1;
    }

  if (is_word (r, i, "thang"))
    return read_number_list (r, i + 1, UNIT_MONTH, list, p);
  if (is_word (r, i, "quy"))
    return read_number_list (r, i + 1, UNIT_QUARTER, list, p);

  /* "đầu quý II": its first month; "cuối quý III": its last month. */
  if ((j = match_any (r, i, (const char *const[]) { "dau quy", "cuoi quy", NULL }, &which)) >= 0 &&
      (k = read_quarter (r, j, FALSE, &n)) >= 0)
    {
      p->unit = UNIT_MONTH;
      p->count = 1;
      p->numbers[0] = which == 0 ? n * 3 - 2 : n * 3;
      return read_year_suffix (r, k, &p->year);
    }

  /* "đầu tháng 3": days 1-10, "giữa tháng 3": 11-20, "cuối tháng 3": 21 to the end. */
  if ((j = match_any (r, i, (const char *const[]) { "dau thang", "giua thang", "cuoi thang", NULL }, &which)) >= 0 &&
      (k = read_month (r, j, &n)) >= 0)
    {
      p->unit = UNIT_DAYS;
      p->count = 1;
      k = read_year_suffix (r, k, &p->year);
      range_months (&p->range, p->year, n, n);
      p->range.sd = which * 10 + 1;
      p->range.ed = which == 2 ? 0 : which * 10 + 10;
      return k;
    }

  /* "sáu tháng cuối năm", "nửa đầu năm" */
  if ((j = match_any (r, i, (const char *const[]) { "sau thang", "nua", NULL }, NULL)) >= 0)
    return read_part_of_year (r, j, 6, p);

  /* "đầu năm": the first quarter, "cuối năm": the last one. */
  if ((j = match_any (r, i, (const char *const[]) { "dau nam", "cuoi nam", NULL }, &which)) >= 0)
    {
      int year = is_year (r, j) ? r->toks[j].value : 0;

      p->unit = UNIT_QUARTER;
      p->count = 1;
      p->numbers[0] = which == 0 ? 1 : 4;
      p->year = year;
      return year ? j + 1 : j;
    }

  /* "năm 2024", "trong năm", "cả năm" */
  if (is_word (r, i, "nam") && (prefixed || is_year (r, i + 1)))
    return read_year_period (r, i + 1, p);
  if ((j = match (r, i, "ca nam")) >= 0)
    return read_year_period (r, j, p);
  return -1;
}

static gboolean
valid_day (int d, int m, int y)
{
  /* Without a year, 29/2 is allowed and clamped once the year is known. */
  return d >= 1 && m >= 1 && m <= 12 &&
         d <= g_date_get_days_in_month ((GDateMonth) m, (GDateYear) (y ? y : 2000));
}

/* A date: "30/3", "10/4/2023", "30-3-2023", "2024-03-30", "ngày 15 tháng 12 năm 2024",
 * "30/3 năm 2023". */
static int
read_date (const Reader *r, int i, Range *out)
{
  int d = 0, m = 0, y = 0, j;

  if (!can_start (r, i, READS_DATE))
    return -1;
  if (is_word (r, i, "ngay"))
    i++;

  if (is_year (r, i) && is_punct (r, i + 1, "-") && adjacent (r, i) && adjacent (r, i + 1) &&
      is_num (r, i + 2, 1, 12, 2) && is_punct (r, i + 3, "-") && adjacent (r, i + 2) &&
      adjacent (r, i + 3) && is_num (r, i + 4, 1, 31, 2))
    {
      y = r->toks[i].value;
      m = r->toks[i + 2].value;
      d = r->toks[i + 4].value;
      j = i + 5;
    }
  else if (is_num (r, i, 1, 31, 2) && is_punct (r, i + 1, "/-.") && adjacent (r, i) &&
           adjacent (r, i + 1) && is_num (r, i + 2, 1, 12, 2))
    {
      char sep = (char) r->toks[i + 1].value;

      d = r->toks[i].value;
      m = r->toks[i + 2].value;
      j = i + 3;
      if (is_punct (r, j, (char[]) { sep, '\0' }) && adjacent (r, j - 1) && adjacent (r, j) &&
          r->toks[j + 1].type == TOK_NUM)
        {
          const Tok *t = &r->toks[j + 1];

          if (t->ndigits == 4 && is_year (r, j + 1))
            y = t->value;
          else if (t->ndigits == 2)
            y = 2000 + t->value;
          else
            return -1;
          j += 2;
        }
      else if (sep != '/')
        return -1;   /* "3-7" is a range of months, not a date */
      /* "01/2020/TT-VPCP" is a symbol, "1.000.000" a number. */
      if (is_punct (r, j, "/.") && adjacent (r, j - 1) && adjacent (r, j) &&
          (r->toks[j + 1].type == TOK_WORD || r->toks[j + 1].type == TOK_NUM))
        return -1;
    }
  else if (is_num (r, i, 1, 31, 2) && is_word (r, i + 1, "thang") && is_num (r, i + 2, 1, 12, 2))
    {
      d = r->toks[i].value;
      m = r->toks[i + 2].value;
      j = i + 3;
    }
  else
    return -1;

  if (y == 0)
    j = read_year_suffix (r, j, &y);
  if (!valid_day (d, m, y))
    return -1;
  out->sy = out->ey = y;
  out->sm = out->em = m;
  out->sd = out->ed = d;
  return j;
}

/* A single period or date as one range, for the ends of "từ ... đến ...". */
static int
read_point (const Reader *r, int i, Range *out, Unit *unit)
{
  Periods p;
  int j;

  if ((j = read_date (r, i, out)) >= 0)
    {
      *unit = UNIT_DAY;
      return j;
    }
  if ((j = read_periods (r, i, FALSE, &p)) >= 0)
    {
      *unit = p.unit;
      periods_range (&p, 0, out);
      return j;
    }
  return -1;
}

static int
compare_md (int m1, int d1, int m2, int d2)
{
  /* ed 0 (last day) sorts after every day of its month. */
  if (m1 != m2)
    return m1 < m2 ? -1 : 1;
  d1 = d1 ? d1 : 32;
  d2 = d2 ? d2 : 32;
  return d1 < d2 ? -1 : d1 > d2;
}

/* "Từ ngày 01/3 đến ngày 30/6/2024", "Tháng 3 đến tháng 7 năm 2023", "từ tháng 3 -
 * tháng 7", "tháng 3-7/2024", "Quý II - III", "từ tháng 3 năm 2024" (to the year's end). */
static int
read_range (const Reader *r, int i, Range *out)
{
  static const char *const seps[] = { "cho den", "den het", "den", "toi", NULL };
  gboolean from = FALSE;
  Range start = { 0 }, end = { 0 };
  Unit unit, end_unit;
  int j, k, n, year;

  if (!can_start (r, i, READS_FROM | READS_PERIOD | READS_DATE))
    return -1;
  if ((j = match_any (r, i, (const char *const[]) { "ke tu", "bat dau tu", "tu", NULL }, NULL)) >= 0)
    {
      from = TRUE;
      i = j;
    }

  if ((j = read_point (r, i, &start, &unit)) < 0)
    {
      /* "từ ngày 1 đến ngày 15/3": the day alone, the month from the end. */
      if (!from || !is_word (r, i, "ngay") || !is_num (r, i + 1, 1, 31, 2))
        return -1;
      start.sd = r->toks[i + 1].value;
      start.sm = 0;
      unit = UNIT_DAY;
      j = i + 2;
    }

  if ((k = match_any (r, j, seps, NULL)) < 0 && is_punct (r, j, "-~"))
    k = j + 1;
  if (k < 0)
    {
      if (!from || start.sm == 0)
        return -1;
      *out = start;
      out->ey = start.sy;
      out->em = 12;
      out->ed = 0;
      return j;
    }

  if ((j = read_point (r, k, &end, &end_unit)) < 0)
    {
      /* The end in the unit of the start: "tháng 3-7/2024", "quý II - III", "2023 - 2024". */
      if (unit == UNIT_MONTH && (j = read_month (r, k, &n)) >= 0)
        range_months (&end, 0, n, n);
      else if (unit == UNIT_QUARTER && (j = read_quarter (r, k, FALSE, &n)) >= 0)
        range_months (&end, 0, n * 3 - 2, n * 3);
      else if (unit == UNIT_YEAR && is_year (r, k))
        {
          range_months (&end, r->toks[k].value, 1, 12);
          j = k + 1;
        }
      else
        return -1;
      if (end.ey == 0)
        {
          j = read_year_suffix (r, j, &year);
          range_set_year (&end, year);
        }
    }

  if (start.sm == 0)
    {
      start.sm = end.sm;
      start.sy = end.sy;
      if (start.sd > end.ed && end.ed != 0)
        return -1;
    }

  out->sy = start.sy;
  out->sm = start.sm;
  out->sd = start.sd;
  out->ey = end.ey;
  out->em = end.em;
  out->ed = end.ed;
  /* One year given: the other end is in the same year, or the year around it. */
  if (out->sy == 0 && out->ey != 0)
    out->sy = out->ey - (compare_md (out->sm, out->sd, out->em, out->ed) > 0);
  else if (out->ey == 0 && out->sy != 0)
    out->ey = out->sy + (compare_md (out->sm, out->sd, out->em, out->ed) > 0);
  return j;
}

/* The period of a continuity or a recurrence: "trong năm 2023", "quý III, IV",
 * "từ tháng 3 đến tháng 12". */
static int
read_scope (const Reader *r, int i, Item *item)
{
  Periods p;
  Range range;
  int j;

  if (is_punct (r, i, ",-:"))
    i++;
  if ((j = read_range (r, i, &range)) >= 0 ||
      ((is_word (r, i, "trong") || is_word (r, i, "tu")) && (j = read_range (r, i + 1, &range)) >= 0))
    {
      item->range = range;
      item->has_range = TRUE;
      return j;
    }
  if ((j = read_periods (r, i, TRUE, &p)) >= 0)
    {
      Range last;

      /* The whole of a listed scope: "thường xuyên trong quý III, IV". */
      periods_range (&p, 0, &item->range);
      periods_range (&p, p.count - 1, &last);
      if (p.unit == UNIT_MONTH || p.unit == UNIT_QUARTER)
        {
          item->range.em = last.em;
          range_set_year (&item->range, p.year);
        }
      item->has_range = TRUE;
      return j;
    }
  return -1;
}

/* ---- Recurrences -------------------------------------------------------- */

typedef struct {
  int day;
  int month;                 /* 1-based in the period, KH_DUE_MONTH_LAST, or 0: absolute */
  int absolute_month;        /* "trước ngày 15/12": 12 */
  KhRecurrence implied;      /* what the words imply on their own ("hàng tháng") */
} Due;

/* "quý", "của năm", "kỳ" ...: the recurrence, -1 when none. */
static int
period_word (const Reader *r, int i, int *next)
{
  static const char *const words[] = { "quy", "nam", "ky", "sau thang", NULL };
  static const KhRecurrence kinds[] = { KH_RECURRENCE_QUARTERLY, KH_RECURRENCE_YEARLY,
                                        KH_RECURRENCE_NONE, KH_RECURRENCE_HALF_YEARLY };
  int k, j;

  if (is_word (r, i, "cua"))
    i++;
  if ((j = match_any (r, i, (const char *const[]) { "moi", "hang", "cac", NULL }, NULL)) >= 0)
    i = j;
  if (is_num (r, i, 6, 6, 2) && is_word (r, i + 1, "thang"))
    {
      *next = i + 2;
      return KH_RECURRENCE_HALF_YEARLY;
    }
  if ((j = match_any (r, i, words, &k)) < 0)
    return -1;
  *next = j;
  return kinds[k];
}

/* The deadline inside each period: "trước ngày 15 tháng cuối quý", "trước ngày 17
 * hàng tháng cuối quý", "trước ngày 15 hàng tháng", "ngày 20 hàng tháng",
 * "trước ngày 15/12 hàng năm". Without a keyword it needs "ngày". After a
 * recurrence (@in_recurrence) "trước ngày 15 tháng 12" needs no "hàng năm". */
static int
read_due (const Reader *r, int i, gboolean in_recurrence, Due *due)
{
  static const char *const keywords[] = { "cham nhat vao", "cham nhat", "khong qua", "khong muon hon",
                                          "khong cham hon", "han chot", "truoc", "vao", NULL };
  gboolean every = FALSE;
  int j, k, n;

  memset (due, 0, sizeof *due);
  due->implied = KH_RECURRENCE_NONE;
  due->month = KH_DUE_MONTH_LAST;
  if ((j = match_any (r, i, keywords, NULL)) >= 0)
    {
      i = j;
      if (is_word (r, i, "ngay"))
        i++;
    }
  else if (!is_word (r, i, "ngay"))
    return -1;
  else
    i++;
  if (!is_num (r, i, 1, 31, 2))
    return -1;
  due->day = r->toks[i].value;
  i++;

  /* "15/12 hàng năm" */
  if (is_punct (r, i, "/") && adjacent (r, i - 1) && adjacent (r, i) && is_num (r, i + 1, 1, 12, 2) &&
      !(is_punct (r, i + 2, "/") && adjacent (r, i + 1)))
    {
      due->month = 0;
      due->absolute_month = r->toks[i + 1].value;
      i += 2;
      if ((j = match_any (r, i, (const char *const[]) { "hang nam", "moi nam", NULL }, NULL)) >= 0)
        {
          due->implied = KH_RECURRENCE_YEARLY;
          i = j;
        }
      return i;
    }

  j = i;
  if (is_word (r, j, "cua"))
    j++;
  if ((k = match_any (r, j, (const char *const[]) { "hang", "moi", "cac", NULL }, NULL)) >= 0)
    {
      every = TRUE;
      j = k;
    }
  if (!is_word (r, j, "thang"))
    return i;   /* only the day: the caller knows the period */
  j++;

  if ((k = match_any (r, j, (const char *const[]) { "cuoi cung", "cuoi", NULL }, NULL)) >= 0)
    due->month = KH_DUE_MONTH_LAST;
  else if ((k = match (r, j, "dau")) >= 0)
    due->month = 1;
  else if ((k = match (r, j, "giua")) >= 0)
    due->month = 2;
  else if (is_word (r, j, "thu") && is_num (r, j + 1, 1, 12, 2))
    {
      due->month = r->toks[j + 1].value;
      k = j + 2;
    }
  else if (!every && is_num (r, j, 1, 12, 2))
    {
      /* "trước ngày 15 tháng 12 hàng năm" */
      due->month = 0;
      due->absolute_month = r->toks[j].value;
      j++;
      if ((k = match_any (r, j, (const char *const[]) { "hang nam", "moi nam", NULL }, NULL)) >= 0)
        {
          due->implied = KH_RECURRENCE_YEARLY;
          return k;
        }
      return in_recurrence ? j : -1;   /* else a plain date */
    }
  else if (every)
    {
      /* "hàng tháng" */
      due->implied = KH_RECURRENCE_MONTHLY;
      due->month = 1;
      return j;
    }
  else
    return -1;

  /* "... của quý"; after a recurrence the period may go unsaid */
  if ((n = period_word (r, k, &j)) >= 0)
    {
      due->implied = n;
      k = j;
    }
  else if (!in_recurrence)
    return -1;
  /* A stray "năm" after the rule ("tháng cuối quý năm."), not a year. */
  if (is_word (r, k, "nam") && !is_year (r, k + 1))
    k++;
  return k;
}

static void
apply_due (Item *item, const Due *due)
{
  int months = 12 / MAX (kh_recurrence_periods_per_year (item->recurrence), 1);

  item->due_day = due->day;
  if (due->month != 0)
    item->due_month = due->month;
  else if (item->recurrence == KH_RECURRENCE_YEARLY)
    item->due_month = due->absolute_month;
  else
    item->due_month = (due->absolute_month - 1) % months + 1;
  if (item->recurrence == KH_RECURRENCE_MONTHLY)
    item->due_month = 1;
  else if (item->due_month > months)
    item->due_month = KH_DUE_MONTH_LAST;
}

/* "Hàng quý", "hằng tháng", "định kỳ 6 tháng", "6 tháng một lần", "mỗi năm", then
 * "(quý I, II, III)", "trong năm 2025", ", trước ngày 15 tháng cuối quý". */
static int
read_recurring (const Reader *r, int i, Item *item)
{
  static const char *const prefixes[] = { "dinh ky hang", "dinh ky moi", "dinh ky", "hang", "moi", NULL };
  static const char *const units[] = { "thang", "quy", "nam", "sau thang", "nua nam", NULL };
  static const KhRecurrence kinds[] = { KH_RECURRENCE_MONTHLY, KH_RECURRENCE_QUARTERLY,
                                        KH_RECURRENCE_YEARLY, KH_RECURRENCE_HALF_YEARLY,
                                        KH_RECURRENCE_HALF_YEARLY };
  Due due;
  int j, k = -1, which;

  if ((j = match_any (r, i, prefixes, NULL)) >= 0 && (k = match_any (r, j, units, &which)) >= 0 &&
      !(kinds[which] == KH_RECURRENCE_YEARLY && is_year (r, k)))
    item->recurrence = kinds[which];
  else if (j >= 0 && is_num (r, j, 6, 6, 2) && is_word (r, j + 1, "thang"))
    {
      /* "định kỳ 6 tháng" */
      item->recurrence = KH_RECURRENCE_HALF_YEARLY;
      k = j + 2;
    }
  else if (is_num (r, i, 1, 6, 1) && is_word (r, i + 1, "thang"))
    {
      /* "6 tháng một lần", "3 tháng 1 lần", "6 tháng/lần" */
      if ((k = match (r, i + 2, "mot lan")) < 0 &&
          !(is_num (r, i + 2, 1, 1, 1) && (k = match (r, i + 3, "lan")) >= 0) &&
          !(is_punct (r, i + 2, "/") && (k = match (r, i + 3, "lan")) >= 0))
        return -1;
      switch (r->toks[i].value)
        {
        case 1: item->recurrence = KH_RECURRENCE_MONTHLY; break;
        case 3: item->recurrence = KH_RECURRENCE_QUARTERLY; break;
        case 6: item->recurrence = KH_RECURRENCE_HALF_YEARLY; break;
        default: return -1;
        }
    }
  else
    return -1;
  item->kind = KH_SCHEDULE_KIND_RECURRING;

  /* Which periods: "(quý I, II, III)", "tháng 1, 4, 7, 10" */
  j = is_punct (r, k, "(") ? k + 1 : k;
  if ((item->recurrence == KH_RECURRENCE_QUARTERLY && is_word (r, j, "quy")) ||
      (item->recurrence == KH_RECURRENCE_MONTHLY && is_word (r, j, "thang")))
    {
      Periods p;
      int after = read_periods (r, j, TRUE, &p);

      if (after >= 0 && p.year == 0 && (p.unit == UNIT_MONTH || p.unit == UNIT_QUARTER))
        {
          for (int n = 0; n < p.count; n++)
            item->periods |= 1u << (p.numbers[n] - 1);
          if (item->periods == (1u << kh_recurrence_periods_per_year (item->recurrence)) - 1)
            item->periods = 0;
          k = after;
          if (j > 0 && is_punct (r, j - 1, "(") && is_punct (r, k, ")"))
            k++;
        }
    }

  /* The window: "trong năm 2025", "từ tháng 3 đến tháng 12 năm 2024" */
  if ((j = read_scope (r, k, item)) >= 0)
    k = j;

  /* ", trước ngày 15 tháng cuối quý", then maybe the window: "năm 2025" */
  j = is_punct (r, k, ",;:-") ? k + 1 : k;
  if ((j = read_due (r, j, TRUE, &due)) >= 0)
    {
      apply_due (item, &due);
      k = j;
      if (!item->has_range && (j = read_scope (r, k, item)) >= 0)
        k = j;
    }
  return k;
}

/* A deadline rule that implies its recurrence: "trước ngày 17 hàng tháng cuối quý". */
static int
read_due_recurring (const Reader *r, int i, Item *item)
{
  Due due;
  int j = read_due (r, i, FALSE, &due);

  if (j < 0 || due.implied == KH_RECURRENCE_NONE)
    return -1;
  item->kind = KH_SCHEDULE_KIND_RECURRING;
  item->recurrence = due.implied;
  apply_due (item, &due);
  /* "trước ngày 15 hàng tháng năm 2025" */
  i = read_scope (r, j, item);
  return i >= 0 ? i : j;
}

/* ---- Continuous, deadlines, spans --------------------------------------- */

static int
read_continuous (const Reader *r, int i, Item *item)
{
  static const char *const words[] = { "thuong xuyen", "lien tuc", "hang ngay", "hang tuan",
                                       "moi ngay", "moi tuan", "quanh nam", "suot nam", NULL };
  int j, k;

  if ((j = match_any (r, i, words, NULL)) < 0)
    return -1;
  /* "thường xuyên, liên tục" */
  if ((k = match_any (r, is_punct (r, j, ",") || is_word (r, j, "va") ? j + 1 : j, words, NULL)) >= 0)
    j = k;
  item->kind = KH_SCHEDULE_KIND_CONTINUOUS;
  if ((k = read_scope (r, j, item)) >= 0)
    j = k;
  return j;
}

/* "Trước ngày 30/3/2023", "Chậm nhất ngày 15/12", "Không quá 30/6", "trước tháng 6",
 * "đến hết quý II". "Trước" a period ends the day before the period starts. */
static int
read_deadline (const Reader *r, int i, Item *item)
{
  static const char *const keywords[] = { "hoan thanh truoc", "truoc", "cham nhat la",
                                          "cham nhat vao", "cham nhat", "khong qua",
                                          "khong muon hon", "khong cham hon", "han chot",
                                          "han cuoi", "den het", "het", "den", "toi", NULL };
  Range range;
  Unit unit;
  gboolean before;
  int j, k, which;

  if ((j = match_any (r, i, keywords, &which)) < 0)
    return -1;
  before = which <= 1;   /* the two phrases with "trước" */
  if (is_word (r, j, "la") || is_word (r, j, "vao"))
    j++;
  if ((k = read_point (r, j, &range, &unit)) < 0)
    return -1;

  item->kind = KH_SCHEDULE_KIND_DEADLINE;
  item->has_range = TRUE;
  item->range = range;
  if (unit != UNIT_DAY && before)
    {
      /* ed -1: resolve_range() takes the day before the period starts. */
      item->range.ey = range.sy;
      item->range.em = range.sm;
      item->range.ed = -1;
    }
  return k;
}

static int
read_span (const Reader *r, int i, Item *item, GArray *items)
{
  Periods p;
  Range range;
  int j;

  item->kind = KH_SCHEDULE_KIND_SPAN;
  item->has_range = TRUE;
  if ((j = read_range (r, i, &range)) >= 0)
    {
      item->range = range;
      return j;
    }
  if ((j = read_periods (r, i, TRUE, &p)) >= 0)
    {
      if (p.unit == UNIT_YEAR && after_reference (r, i))
        return -1;
      /* Consecutive months or quarters make one span; "Quý I và III" makes two. */
      for (int n = 0; n < p.count; n++)
        {
          Range one;

          periods_range (&p, n, &one);
          if (n > 0 && (p.unit == UNIT_MONTH || p.unit == UNIT_QUARTER) &&
              one.sm == item->range.em + 1)
            {
              item->range.em = one.em;
              continue;
            }
          if (n > 0)
            g_array_append_val (items, *item);   /* its tokens are set by the caller */
          item->range = one;
        }
      return j;
    }
  if ((j = read_date (r, i, &range)) >= 0 && !after_reference (r, i))
    {
      item->range = range;
      return j;
    }
  return -1;
}

/* ---- Resolving and assembling ------------------------------------------- */

static gboolean
year_ok (int year)
{
  return year >= 1 && year <= 9999;
}

static gboolean
set_date (GDate *date, int year, int month, int day)
{
  int last;

  if (!year_ok (year) || month < 1 || month > 12)
    return FALSE;
  last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  g_date_set_dmy (date, (GDateDay) (day <= 0 || day > last ? last : day), (GDateMonth) month,
                  (GDateYear) year);
  return TRUE;
}

/* Fills the missing years with the plan year and makes the dates. */
static gboolean
resolve_range (const Range *in, int plan_year, GDate *start, GDate *end)
{
  Range range = *in;

  if (range.sy == 0 && range.ey == 0)
    {
      range.sy = range.ey = plan_year;
      if (range.sm != 0 && range.ed >= 0 && compare_md (range.sm, range.sd, range.em, range.ed) > 0)
        range.ey++;
    }
  else if (range.sy == 0)
    range.sy = range.ey;
  else if (range.ey == 0)
    range.ey = range.sy;

  if (range.ed < 0)
    {
      /* "trước tháng 6": the day before the period starts */
      if (!set_date (end, range.ey, range.em, 1))
        return FALSE;
      g_date_subtract_days (end, 1);
      g_date_clear (start, 1);
      return TRUE;
    }
  if (!set_date (start, range.sy, range.sm, range.sd) || !set_date (end, range.ey, range.em, range.ed))
    return FALSE;
  return g_date_compare (start, end) <= 0;
}

static gboolean
resolve_item (const Reader *r, const Item *item, KhSchedulePart *part)
{
  GDate start, end;

  kh_schedule_part_init (part, item->kind);
  part->offset = r->map[r->toks[item->first].fs];
  part->length = r->map[r->toks[item->last].fe] - part->offset;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (item->has_range)
    {
      if (!resolve_range (&item->range, r->plan_year, &start, &end))
        return FALSE;
    }
  else if (item->kind != KH_SCHEDULE_KIND_EVENT)
    {
      /* No period written: the plan year ("Thường xuyên", "Hàng quý"). */
      if (!set_date (&start, r->plan_year, 1, 1) || !set_date (&end, r->plan_year, 12, 31))
        {
          /* A recurrence or continuity without any year still says what it is. */
          g_date_clear (&start, 1);
          g_date_clear (&end, 1);
          if (item->kind != KH_SCHEDULE_KIND_RECURRING && item->kind != KH_SCHEDULE_KIND_CONTINUOUS)
            return FALSE;
        }
    }

  part->end = end;
  if (item->kind != KH_SCHEDULE_KIND_DEADLINE)
    part->start = start;
  if (item->kind == KH_SCHEDULE_KIND_RECURRING)
    {
      part->recurrence = item->recurrence;
      part->periods = item->periods;
      part->due_day = item->due_day;
      part->due_month = item->due_day > 0 ? item->due_month : 0;
    }
  return TRUE;
}

/* The months a span covers, as period bits of @rec's recurrence; 0 when the span
 * is not aligned to its periods or not inside its window. */
static guint
span_period_bits (const KhSchedulePart *span, const KhSchedulePart *rec)
{
  int months = 12 / MAX (kh_recurrence_periods_per_year (rec->recurrence), 1);
  int m1, m2;
  guint bits = 0;

  if (span->kind != KH_SCHEDULE_KIND_SPAN || !g_date_valid (&span->start) ||
      !g_date_valid (&rec->start) || g_date_compare (&span->start, &rec->start) < 0 ||
      g_date_compare (&span->end, &rec->end) > 0 ||
      g_date_get_year (&span->start) != g_date_get_year (&span->end) ||
      g_date_get_day (&span->start) != 1 || !g_date_is_last_of_month (&span->end))
    return 0;
  m1 = g_date_get_month (&span->start);
  m2 = g_date_get_month (&span->end);
  if ((m1 - 1) % months != 0 || m2 % months != 0)
    return 0;
  for (int p = (m1 - 1) / months; p < m2 / months; p++)
    bits |= 1u << p;
  return bits;
}

/* "Báo cáo Quý I, II, III, cả năm ... trước ngày 17 hàng tháng cuối quý": the listed
 * periods say which occurrences there are; the year report falls in the last one.
 * The first recurrence over every period takes the aligned spans. */
static void
absorb_spans (GArray *parts)
{
  KhSchedulePart *rec = NULL;
  guint bits = 0, kept = 0;
  gsize begin, end;
  int n = 0;

  for (guint i = 0; i < parts->len && rec == NULL; i++)
    {
      KhSchedulePart *part = &g_array_index (parts, KhSchedulePart, i);

      if (part->kind == KH_SCHEDULE_KIND_RECURRING && part->periods == 0 &&
          kh_recurrence_periods_per_year (part->recurrence) > 1)
        rec = part;
    }
  if (rec == NULL)
    return;
  n = kh_recurrence_periods_per_year (rec->recurrence);
  begin = rec->offset;
  end = rec->offset + rec->length;
  for (guint i = 0; i < parts->len; i++)
    {
      KhSchedulePart *span = &g_array_index (parts, KhSchedulePart, i);
      guint b = span_period_bits (span, rec);

      if (b == 0)
        continue;
      bits |= b;
      begin = MIN (begin, span->offset);
      end = MAX (end, span->offset + span->length);
      span->kind = KH_SCHEDULE_KIND_UNKNOWN;   /* absorbed */
    }
  if (bits == 0)
    return;
  rec->periods = bits == (1u << n) - 1 ? 0 : bits;
  rec->offset = begin;
  rec->length = end - begin;
  for (guint i = 0; i < parts->len; i++)
    if (g_array_index (parts, KhSchedulePart, i).kind != KH_SCHEDULE_KIND_UNKNOWN)
      g_array_index (parts, KhSchedulePart, kept++) = g_array_index (parts, KhSchedulePart, i);
  g_array_set_size (parts, kept);
}

/* Words that carry nothing once the dates around them are read. */
static gboolean
is_filler (const Reader *r, int i)
{
  static const char *const fillers[] = { "va", "hoac", "den", "toi", "tu", "trong", "nam", "ngay",
                                         "vao", "la", "cua", "hoan", "thanh", "xong", "truoc",
                                         "thang", "quy", NULL };

  return r->toks[i].type == TOK_PUNCT || match_any (r, i, fillers, NULL) >= 0;
}

/* Appends original text, spaces collapsed. */
static void
append_text (GString *s, const char *text, gsize from, gsize to)
{
  gboolean space = s->len > 0;

  for (gsize i = from; i < to; i++)
    {
      guchar c = (guchar) text[i];

      if (c <= ' ' || c == 0x7F)
        {
          space = s->len > 0;
          continue;
        }
      if (space && s->str[s->len - 1] != ' ')
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, (char) c);
    }
}

typedef struct {
  int first, last;
  gboolean strong;     /* "khi", "đột xuất": an event whatever else was read */
  int trigger;         /* the token an event starts at, or -1 */
} Segment;

static void
find_trigger (const Reader *r, Segment *seg)
{
  static const char *const strong[] = { "khi", "dot xuat", "phat sinh", NULL };
  static const char *const weak[] = { "theo", "can cu", "tuy", NULL };

  seg->trigger = -1;
  seg->strong = FALSE;
  for (int i = seg->first; i <= seg->last; i++)
    if (match_any (r, i, strong, NULL) >= 0)
      {
        seg->trigger = i;
        seg->strong = TRUE;
        return;
      }
  for (int i = seg->first; i <= seg->last; i++)
    if (match_any (r, i, weak, NULL) >= 0)
      {
        seg->trigger = i;
        return;
      }
}

static int
part_compare (gconstpointer a, gconstpointer b)
{
  const KhSchedulePart *x = a, *y = b;

  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static KhSchedule *
assemble (Reader *r, GArray *items)
{
  g_autoptr(KhSchedule) schedule = kh_schedule_new (r->plan_year);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (KhSchedulePart));
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  g_autofree guint8 *used = g_new0 (guint8, r->n + 1);
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean dated = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      KhSchedulePart part;
      gboolean duplicate = FALSE;

      if (!resolve_item (r, item, &part))
        continue;
      for (int t = item->first; t <= item->last; t++)
        used[t] = TRUE;
      /* A phrase doubled by a bad copy is read once. */
      duplicate = parts->len > 0 &&
                  kh_schedule_part_equal (&g_array_index (parts, KhSchedulePart, parts->len - 1), &part);
      if (!duplicate)
        g_array_append_val (parts, part);
    }
  absorb_spans (parts);
  dated = parts->len > 0;

  /* The words left over: the note, and maybe an event. */
  for (int i = 0; i < r->n;)
    {
      Segment seg;
      gboolean content = FALSE;

      if (used[i])
        {
          i++;
          continue;
        }
      seg.first = i;
      while (i < r->n && !used[i])
        i++;
      seg.last = i - 1;
      while (seg.first <= seg.last && r->toks[seg.first].type == TOK_PUNCT &&
             !is_punct (r, seg.first, "(\""))
        seg.first++;
      while (seg.last >= seg.first && r->toks[seg.last].type == TOK_PUNCT &&
             !is_punct (r, seg.last, ")\""))
        seg.last--;
      for (int t = seg.first; t <= seg.last && !content; t++)
        content = !is_filler (r, t);
      if (!content)
        continue;
      find_trigger (r, &seg);
      g_array_append_val (segments, seg);
    }

  for (guint k = 0; k < segments->len; k++)
    {
      const Segment *seg = &g_array_index (segments, Segment, k);

      append_text (note, r->text, r->map[r->toks[seg->first].fs], r->map[r->toks[seg->last].fe]);
      if (seg->trigger >= 0 && (seg->strong || !dated))
        {
          KhSchedulePart event;

          kh_schedule_part_init (&event, KH_SCHEDULE_KIND_EVENT);
          /* The whole phrase ("Ngay sau khi ..."), without a leading "hoặc". */
          int from = seg->first;

          if ((is_word (r, from, "hoac") || is_word (r, from, "va")) && from < seg->last)
            from++;
          event.offset = r->map[r->toks[from].fs];
          event.length = r->map[r->toks[seg->last].fe] - event.offset;
          g_array_append_val (parts, event);
        }
    }

  if (parts->len == 0)
    {
      KhSchedulePart unknown;

      kh_schedule_part_init (&unknown, KH_SCHEDULE_KIND_UNKNOWN);
      g_string_truncate (note, 0);
      if (r->n > 0)
        {
          unknown.offset = r->map[r->toks[0].fs];
          unknown.length = r->map[r->toks[r->n - 1].fe] - unknown.offset;
          append_text (note, r->text, unknown.offset, unknown.offset + unknown.length);
        }
      g_array_append_val (parts, unknown);
    }

  g_array_sort (parts, part_compare);
  for (guint k = 0; k < parts->len; k++)
    kh_schedule_add_part (schedule, &g_array_index (parts, KhSchedulePart, k));
  {
    g_autofree char *valid = g_utf8_make_valid (note->str, (gssize) note->len);

    kh_schedule_set_note (schedule, valid);
  }
  return g_steal_pointer (&schedule);
}

KhSchedule *
kh_timeframe_read_len (const char *text,
                       gssize      length,
                       int         plan_year)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  Reader r = { 0 };
  KhSchedule *schedule;

  if (text == NULL)
    text = "", length = 0;
  r.text = text;
  r.len = length < 0 ? strlen (text) : (gsize) length;
  r.plan_year = plan_year;
  fold_text (&r);
  tokenize (&r);

  for (int i = 0; i < r.n;)
    {
      typedef int (*ReadFunc) (const Reader *, int, Item *);
      static const struct { ReadFunc read; guint mask; } readers[] = {
        { read_recurring, READS_RECURRING },
        { read_due_recurring, READS_DUE },
        { read_continuous, READS_CONTINUOUS },
        { read_deadline, READS_DEADLINE },
      };
      guint mask = r.toks[i].readers;
      Item item = { 0 };
      guint before = items->len;
      int j = -1;

      for (guint k = 0; k < G_N_ELEMENTS (readers) && j < 0; k++)
        if (mask & readers[k].mask)
          {
            memset (&item, 0, sizeof item);
            j = readers[k].read (&r, i, &item);
          }
      if (j < 0 && (mask & READS_SPAN))
        {
          memset (&item, 0, sizeof item);
          j = read_span (&r, i, &item, items);
        }
      if (j <= i)
        {
          i++;
          continue;
        }
      for (guint k = before; k < items->len; k++)
        {
          g_array_index (items, Item, k).first = i;
          g_array_index (items, Item, k).last = j - 1;
        }
      item.first = i;
      item.last = j - 1;
      g_array_append_val (items, item);
      i = j;
    }

  schedule = assemble (&r, items);
  g_free (r.toks);
  g_free (r.map);
  g_free (r.f);
  return schedule;
}

KhSchedule *
kh_timeframe_read (const char *text,
                   int         plan_year)
{
  return kh_timeframe_read_len (text, -1, plan_year);
}
