/* bench-timeframe.c — how fast "Thời gian thực hiện" is read
 *
 * Generates 100,000 phrases from templates of every kind (with and without
 * diacritics, with notes and page-break fragments), reads them all, and prints
 * phrases per second and nanoseconds per phrase; then reads one 10 kB cell.
 */
#include <stdio.h>
#include <time.h>

#include "kh-timeframe.h"

#define N_PHRASES 100000

/* CPU time of this process, in µs: steadier than the wall clock on a busy machine. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static const char *const roman[] = { "I", "II", "III", "IV" };

static char *
make_phrase (GRand *rand)
{
  int year = g_rand_int_range (rand, 2020, 2031);
  int m1 = g_rand_int_range (rand, 1, 13);
  int m2 = g_rand_int_range (rand, m1, 13);
  int d = g_rand_int_range (rand, 1, 29);
  int q1 = g_rand_int_range (rand, 0, 4);
  int q2 = g_rand_int_range (rand, q1, 4);

  switch (g_rand_int_range (rand, 0, 20))
    {
    case 0: return g_strdup ("Thường xuyên");
    case 1: return g_strdup_printf ("Thường xuyên trong năm %d", year);
    case 2: return g_strdup ("Thường xuyên hoặc khi văn bản QPPL của tỉnh, của Bộ được ban hành");
    case 3: return g_strdup_printf ("Trước ngày %d/%d năm %d", d, m1, year);
    case 4: return g_strdup_printf ("Trước ngày %d/%d/%d theo Kế hoạch Rà soát, đơn giản hóa thủ tục hành chính nội bộ của Sở", d, m1, year);
    case 5: return g_strdup_printf ("Tháng %d năm %d", m1, year);
    case 6: return g_strdup_printf ("Tháng %d đến tháng %d năm %d", m1, m2, year);
    case 7: return g_strdup_printf ("Quý %s,%s", roman[q1], roman[q2]);
    case 8: return g_strdup_printf ("Quý %s và %s năm %d", roman[q1], roman[q2], year);
    case 9: return g_strdup_printf ("Từ ngày %02d/%d đến ngày %d/%d/%d", d, m1, d, m2, year);
    case 10: return g_strdup ("Hàng quý, trước ngày 15 tháng cuối quý");
    case 11: return g_strdup_printf ("Báo cáo Quý I, II, III, cả năm gửi UBND tỉnh trước ngày %d hàng tháng cuối quý", d);
    case 12: return g_strdup ("Theo Chương trình, Kế hoạch của UBND tỉnh");
    case 13: return g_strdup ("Ngay sau khi có quyết định công bố của UBND tỉnh");
    case 14: return g_strdup_printf ("6 tháng %s năm %d", g_rand_boolean (rand) ? "đầu" : "cuối", year);
    case 15: return g_strdup_printf ("ngày %d tháng %d năm %d", d, m1, year);
    case 16: return g_strdup_printf ("truoc ngay %d/%d/%d", d, m1, year);
    case 17: return g_strdup_printf ("THƯỜNG XUYÊN TRONG NĂM %d  THƯỜNG XUYÊN TRONG NĂM %d", year, year);
    case 18: return g_strdup_printf ("Chậm nhất ngày %d/%d, tháng %d, %d", d, m1, m2, m2 < 12 ? m2 + 1 : 1);
    default: return g_strdup ("Trước ngày");
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240101);
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) big = g_string_new (NULL);
  gsize bytes = 0;
  guint parts = 0;
  gint64 t0, elapsed;
  double seconds;

  for (guint i = 0; i < N_PHRASES; i++)
    {
      char *phrase = make_phrase (rand);

      bytes += strlen (phrase);
      g_ptr_array_add (phrases, phrase);
    }

  /* Warm up the folding table and the allocator. */
  kh_schedule_unref (kh_timeframe_read ("Quý III, IV", 2024));

  t0 = cpu_time ();
  for (guint i = 0; i < phrases->len; i++)
    {
      KhSchedule *s = kh_timeframe_read (g_ptr_array_index (phrases, i), 2024);

      parts += kh_schedule_get_n_parts (s);
      kh_schedule_unref (s);
    }
  elapsed = cpu_time () - t0;
  seconds = elapsed / 1e6;

  printf ("timeframe: read %u phrases (%" G_GSIZE_FORMAT " bytes, %u parts) in %.3f s of CPU time\n",
          phrases->len, bytes, parts, seconds);
  printf ("timeframe: %.0f phrases/s, %.0f ns/phrase\n",
          phrases->len / seconds, elapsed * 1000.0 / phrases->len);

  /* One 10 kB cell: the reader is linear. */
  while (big->len < 10 * 1024)
    g_string_append (big, g_ptr_array_index (phrases, big->len % phrases->len));
  t0 = cpu_time ();
  for (int i = 0; i < 100; i++)
    kh_schedule_unref (kh_timeframe_read (big->str, 2024));
  elapsed = cpu_time () - t0;
  printf ("timeframe: a %" G_GSIZE_FORMAT "-byte text in %.1f µs (CPU time)\n", big->len, elapsed / 100.0);
  return 0;
}
