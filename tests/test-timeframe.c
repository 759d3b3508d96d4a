/* test-timeframe.c — reading "Thời gian thực hiện": the seed documents' time
 * frames and phrases for every rule, round trips through the canonical wording
 * and JSON, and the spans of text each part was read from. */
#include <string.h>

#include "kh-timeframe.h"

typedef struct {
  const char *text;
  int year;            /* the plan year */
  const char *kinds;   /* the parts' kinds in order, comma-separated */
  const char *start;   /* kh_schedule_get_range(), ISO; NULL: no dates */
  const char *end;
  const char *note;    /* a substring of the note; "" means the note is empty */
  const char *read;    /* the text the first part was read from; NULL: not checked */
  const char *rule;    /* the first recurring part: "quarterly periods=1,2 due=15/last" */
} Case;

/* Every time frame cell of the three seed documents (and the cells joined back
 * where a page break split them). */
static const Case seed_cases[] = {
  /* 000: Hưng Yên, plan year 2024 */
  { "Thường xuyên hoặc khi văn bản QPPL của tỉnh, của Bộ được ban hành", 2024, "continuous,event",
    "2024-01-01", "2024-12-31", "hoặc khi văn bản QPPL của tỉnh, của Bộ được ban hành", "Thường xuyên", NULL },
  { "Thường xuyên (có xét đến việc đảm bảo tính thời sự của thông tin)", 2024, "continuous",
    "2024-01-01", "2024-12-31", "(có xét đến việc đảm bảo tính thời sự của thông tin)", "Thường xuyên", NULL },
  { "Thường xuyên", 2024, "continuous", "2024-01-01", "2024-12-31", "", "Thường xuyên", NULL },
  { "Theo Kế hoạch", 2024, "event", NULL, NULL, "Theo Kế hoạch", "Theo Kế hoạch", NULL },
  { "Khi có hướng dẫn", 2024, "event", NULL, NULL, "Khi có hướng dẫn", "Khi có hướng dẫn", NULL },
  /* 002: Hà Tĩnh, plan year 2023 */
  { "Trước ngày 30/3 năm 2023", 2023, "deadline", "2023-03-30", "2023-03-30", "", "Trước ngày 30/3 năm 2023", NULL },
  { "Thường xuyên trong năm 2023", 2023, "continuous", "2023-01-01", "2023-12-31", "",
    "Thường xuyên trong năm 2023", NULL },
  { "Tháng 3 năm 2023", 2023, "span", "2023-03-01", "2023-03-31", "", "Tháng 3 năm 2023", NULL },
  { "Tháng 3 đến tháng 7 năm 2023", 2023, "span", "2023-03-01", "2023-07-31", "",
    "Tháng 3 đến tháng 7 năm 2023", NULL },
  { "Tháng 7 năm 2023", 2023, "span", "2023-07-01", "2023-07-31", "", "Tháng 7 năm 2023", NULL },
  { "Tháng 8, năm 2023", 2023, "span", "2023-08-01", "2023-08-31", "", "Tháng 8, năm 2023", NULL },
  /* the doubled phrase of a bad copy */
  { "Thường xuyên trong năm 2023  Thường xuyên trong năm 2023", 2023, "continuous",
    "2023-01-01", "2023-12-31", "", "Thường xuyên trong năm 2023", NULL },
  /* a cell split by a page break: both rows, then the cell joined */
  { "Trước ngày", 2023, "unknown", NULL, NULL, "Trước ngày", "Trước ngày", NULL },
  { "10/4/2023 theo Kế hoạch Rà soát, đơn giản hóa thủ tục hành chính nội bộ của Sở", 2023, "span",
    "2023-04-10", "2023-04-10", "theo Kế hoạch Rà soát, đơn giản hóa thủ tục hành chính nội bộ của Sở",
    "10/4/2023", NULL },
  { "Trước ngày 10/4/2023 theo Kế hoạch Rà soát, đơn giản hóa thủ tục hành chính nội bộ của Sở", 2023,
    "deadline", "2023-04-10", "2023-04-10", "theo Kế hoạch Rà soát, đơn giản hóa thủ tục hành chính nội bộ của Sở",
    "Trước ngày 10/4/2023", NULL },
  { "Theo Kế hoạch Rà soát, đơn giản hóa thủ tục hành chính nội bộ của Sở", 2023, "event", NULL, NULL,
    "Theo Kế hoạch Rà soát", "Theo Kế hoạch Rà soát, đơn giản hóa thủ tục hành chính nội bộ của Sở", NULL },
  { "Quý III,IV", 2023, "span", "2023-07-01", "2023-12-31", "", "Quý III,IV", NULL },
  { "Thường xuyên", 2023, "continuous", "2023-01-01", "2023-12-31", "", "Thường xuyên", NULL },
  { "trong năm 2023", 2023, "span", "2023-01-01", "2023-12-31", "", "trong năm 2023", NULL },
  { "Thường xuyên trong năm", 2023, "continuous", "2023-01-01", "2023-12-31", "", "Thường xuyên trong năm", NULL },
  { "2023", 2023, "span", "2023-01-01", "2023-12-31", "", "2023", NULL },
  { "Trong năm 2023", 2023, "span", "2023-01-01", "2023-12-31", "", "Trong năm 2023", NULL },
  { "Theo Chương trình, Kế hoạch của UBND tỉnh", 2023, "event", NULL, NULL,
    "Theo Chương trình, Kế hoạch của UBND tỉnh", "Theo Chương trình, Kế hoạch của UBND tỉnh", NULL },
  { "Theo quy định tại Thông tư 01/2020/TT-VPCP", 2023, "event", NULL, NULL,
    "Theo quy định tại Thông tư 01/2020/TT-VPCP", "Theo quy định tại Thông tư 01/2020/TT-VPCP", NULL },
  /* 003: Hưng Yên, plan year 2024 */
  { "Ngay sau khi có quyết định công", 2024, "event", NULL, NULL, "Ngay sau khi có quyết định công",
    "Ngay sau khi có quyết định công", NULL },
  { "bộ của UBND tỉnh", 2024, "unknown", NULL, NULL, "bộ của UBND tỉnh", "bộ của UBND tỉnh", NULL },
  { "Ngay sau khi có quyết định công bộ của UBND tỉnh", 2024, "event", NULL, NULL,
    "Ngay sau khi có quyết định công bộ của UBND tỉnh", "Ngay sau khi có quyết định công bộ của UBND tỉnh", NULL },
  { "Năm 2024", 2024, "span", "2024-01-01", "2024-12-31", "", "Năm 2024", NULL },
  /* the spec's other examples */
  { "Thường xuyên trong năm", 2024, "continuous", "2024-01-01", "2024-12-31", "", NULL, NULL },
  { "Ngay sau khi có quyết định công bố của UBND tỉnh", 2024, "event", NULL, NULL,
    "quyết định công bố", "Ngay sau khi có quyết định công bố của UBND tỉnh", NULL },
  /* a product cell of 002 that states its own reporting rule */
  { "Báo cáo Quý I, II, III, cả năm gửi UBND tỉnh trước ngày 17 hàng tháng cuối quý năm.", 2023,
    "recurring", "2023-01-01", "2023-12-31", "Báo cáo gửi UBND tỉnh", NULL, "quarterly due=17/last" },
};

/* Phrases for every rule of the spec and every kind. */
static const Case own_cases[] = {
  /* quarters: Roman, Arabic, words, lists, ranges, years */
  { "Quý I", 2024, "span", "2024-01-01", "2024-03-31", "", "Quý I", NULL },
  { "Quý II", 2024, "span", "2024-04-01", "2024-06-30", "", NULL, NULL },
  { "Quý III năm 2023", 2024, "span", "2023-07-01", "2023-09-30", "", "Quý III năm 2023", NULL },
  { "Quý IV/2024", 2023, "span", "2024-10-01", "2024-12-31", "", "Quý IV/2024", NULL },
  { "quý 3", 2024, "span", "2024-07-01", "2024-09-30", "", NULL, NULL },
  { "Quý 1, 2", 2024, "span", "2024-01-01", "2024-06-30", "", NULL, NULL },
  { "Quý I và II", 2024, "span", "2024-01-01", "2024-06-30", "", "Quý I và II", NULL },
  { "Quý I và quý II năm 2025", 2024, "span", "2025-01-01", "2025-06-30", "", NULL, NULL },
  { "Quý I và III", 2024, "span,span", "2024-01-01", "2024-09-30", "", NULL, NULL },
  { "Quý II - III", 2024, "span", "2024-04-01", "2024-09-30", "", NULL, NULL },
  { "Từ quý II đến quý IV năm 2024", 2023, "span", "2024-04-01", "2024-12-31", "", NULL, NULL },
  { "Quý tư", 2024, "span", "2024-10-01", "2024-12-31", "", NULL, NULL },
  { "Quý I, II, III, IV", 2024, "span", "2024-01-01", "2024-12-31", "", NULL, NULL },
  { "Quý IV năm 2024 đến quý I năm 2025", 2024, "span", "2024-10-01", "2025-03-31", "", NULL, NULL },
  /* months: single, lists, ranges, "tháng 3/2024" */
  { "Tháng 12", 2024, "span", "2024-12-01", "2024-12-31", "", "Tháng 12", NULL },
  { "tháng 02/2024", 2023, "span", "2024-02-01", "2024-02-29", "", "tháng 02/2024", NULL },
  { "Tháng 2 năm 2023", 2024, "span", "2023-02-01", "2023-02-28", "", NULL, NULL },
  { "tháng 3, 4", 2024, "span", "2024-03-01", "2024-04-30", "", "tháng 3, 4", NULL },
  { "Tháng 3, 4 và 5 năm 2024", 2023, "span", "2024-03-01", "2024-05-31", "", NULL, NULL },
  { "Tháng 3 và tháng 9", 2024, "span,span", "2024-03-01", "2024-09-30", "", NULL, NULL },
  { "từ tháng 3 - tháng 7", 2024, "span", "2024-03-01", "2024-07-31", "", "từ tháng 3 - tháng 7", NULL },
  { "tháng 3-7/2024", 2023, "span", "2024-03-01", "2024-07-31", "", NULL, NULL },
  { "Từ tháng 11 đến tháng 2 năm 2025", 2024, "span", "2024-11-01", "2025-02-28", "", NULL, NULL },
  { "Từ tháng 10 năm 2024 đến tháng 3", 2024, "span", "2024-10-01", "2025-03-31", "", NULL, NULL },
  { "Tháng 6 tới tháng 8", 2024, "span", "2024-06-01", "2024-08-31", "", NULL, NULL },
  { "Từ tháng 3 năm 2024", 2024, "span", "2024-03-01", "2024-12-31", "", NULL, NULL },
  { "Đầu quý III", 2024, "span", "2024-07-01", "2024-07-31", "", NULL, NULL },
  { "Cuối quý II", 2024, "span", "2024-06-01", "2024-06-30", "", NULL, NULL },
  { "Cuối tháng 6", 2024, "span", "2024-06-21", "2024-06-30", "", "Cuối tháng 6", NULL },
  { "Đầu tháng 2/2025", 2024, "span", "2025-02-01", "2025-02-10", "", NULL, NULL },
  { "Từ cuối tháng 3 đến giữa tháng 4", 2024, "span", "2024-03-21", "2024-04-20", "", NULL, NULL },
  /* halves and years */
  { "6 tháng đầu năm", 2024, "span", "2024-01-01", "2024-06-30", "", "6 tháng đầu năm", NULL },
  { "6 tháng cuối năm", 2024, "span", "2024-07-01", "2024-12-31", "", NULL, NULL },
  { "06 tháng cuối năm 2025", 2024, "span", "2025-07-01", "2025-12-31", "", NULL, NULL },
  { "Sáu tháng đầu năm", 2023, "span", "2023-01-01", "2023-06-30", "", NULL, NULL },
  { "Nửa cuối năm", 2023, "span", "2023-07-01", "2023-12-31", "", NULL, NULL },
  { "9 tháng đầu năm", 2024, "span", "2024-01-01", "2024-09-30", "", NULL, NULL },
  { "Cuối năm 2024", 2023, "span", "2024-10-01", "2024-12-31", "", NULL, NULL },
  { "Đầu năm", 2024, "span", "2024-01-01", "2024-03-31", "", NULL, NULL },
  { "Cả năm", 2024, "span", "2024-01-01", "2024-12-31", "", NULL, NULL },
  { "Năm 2023 - 2024", 2024, "span", "2023-01-01", "2024-12-31", "", NULL, NULL },
  /* dates: numeric, words, the plan year filling in */
  { "Ngày 15/3/2024", 2024, "span", "2024-03-15", "2024-03-15", "", NULL, NULL },
  { "ngày 15 tháng 12 năm 2024", 2023, "span", "2024-12-15", "2024-12-15", "", "ngày 15 tháng 12 năm 2024", NULL },
  { "Ngày 5 tháng 6", 2024, "span", "2024-06-05", "2024-06-05", "", NULL, NULL },
  { "30-3-2024", 2024, "span", "2024-03-30", "2024-03-30", "", NULL, NULL },
  { "2024-03-30", 2023, "span", "2024-03-30", "2024-03-30", "", NULL, NULL },
  { "30/3/24", 2023, "span", "2024-03-30", "2024-03-30", "", NULL, NULL },
  { "Từ ngày 01/3 đến ngày 30/6/2024", 2024, "span", "2024-03-01", "2024-06-30", "",
    "Từ ngày 01/3 đến ngày 30/6/2024", NULL },
  { "Từ 01/3-30/6/2024", 2023, "span", "2024-03-01", "2024-06-30", "", NULL, NULL },
  { "từ ngày 15/11/2023 đến 15/02/2024", 2023, "span", "2023-11-15", "2024-02-15", "", NULL, NULL },
  { "Từ 15/11 đến 15/2/2024", 2024, "span", "2023-11-15", "2024-02-15", "", NULL, NULL },
  { "từ ngày 1 đến ngày 15/3/2024", 2024, "span", "2024-03-01", "2024-03-15", "", NULL, NULL },
  { "29/2", 2023, "span", "2023-02-28", "2023-02-28", "", NULL, NULL },
  /* deadlines */
  { "Trước ngày 30/3/2023", 2023, "deadline", "2023-03-30", "2023-03-30", "", NULL, NULL },
  { "Trước 15/6", 2024, "deadline", "2024-06-15", "2024-06-15", "", "Trước 15/6", NULL },
  { "Chậm nhất ngày 15/12", 2024, "deadline", "2024-12-15", "2024-12-15", "", "Chậm nhất ngày 15/12", NULL },
  { "Chậm nhất là ngày 31/10/2024", 2024, "deadline", "2024-10-31", "2024-10-31", "", NULL, NULL },
  { "Không quá ngày 30/6/2024", 2024, "deadline", "2024-06-30", "2024-06-30", "", NULL, NULL },
  { "Hoàn thành trước ngày 15 tháng 9 năm 2024", 2024, "deadline", "2024-09-15", "2024-09-15", "", NULL, NULL },
  { "Trước tháng 6/2024", 2024, "deadline", "2024-05-31", "2024-05-31", "", NULL, NULL },
  { "Trước quý III", 2024, "deadline", "2024-06-30", "2024-06-30", "", NULL, NULL },
  { "Chậm nhất tháng 6", 2024, "deadline", "2024-06-30", "2024-06-30", "", NULL, NULL },
  { "Đến hết quý II", 2024, "deadline", "2024-06-30", "2024-06-30", "", NULL, NULL },
  { "Đến ngày 31/12/2024", 2024, "deadline", "2024-12-31", "2024-12-31", "", NULL, NULL },
  { "Hết tháng 6", 2024, "deadline", "2024-06-30", "2024-06-30", "", "Hết tháng 6", NULL },
  { "Từ nay đến hết năm 2024", 2024, "deadline", "2024-12-31", "2024-12-31", "Từ nay", "đến hết năm 2024", NULL },
  { "Trước ngày 15/3/2024 và trước ngày 15/9/2024", 2024, "deadline,deadline", "2024-03-15", "2024-09-15", "",
    NULL, NULL },
  /* continuous */
  { "Thường xuyên trong năm 2023", 2024, "continuous", "2023-01-01", "2023-12-31", "", NULL, NULL },
  { "Thường xuyên, liên tục", 2024, "continuous", "2024-01-01", "2024-12-31", "", NULL, NULL },
  { "Thường xuyên trong quý III, IV", 2024, "continuous", "2024-07-01", "2024-12-31", "", NULL, NULL },
  { "Thường xuyên từ tháng 3 đến tháng 10", 2024, "continuous", "2024-03-01", "2024-10-31", "", NULL, NULL },
  { "Liên tục", 2024, "continuous", "2024-01-01", "2024-12-31", "", NULL, NULL },
  { "Hàng ngày", 2024, "continuous", "2024-01-01", "2024-12-31", "", NULL, NULL },
  { "Suốt năm 2025", 2024, "continuous", "2025-01-01", "2025-12-31", "", NULL, NULL },
  { "Thường xuyên; quý IV tổng kết", 2024, "continuous,span", "2024-01-01", "2024-12-31", "tổng kết", NULL, NULL },
  /* recurring */
  { "Hàng quý, trước ngày 15 tháng cuối quý", 2024, "recurring", "2024-01-01", "2024-12-31", "",
    "Hàng quý, trước ngày 15 tháng cuối quý", "quarterly due=15/last" },
  { "Hằng quý", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL, "quarterly" },
  { "Hàng tháng", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL, "monthly" },
  { "Hàng năm", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL, "yearly" },
  { "Định kỳ hàng tháng, trước ngày 25", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL,
    "monthly due=25/1" },
  { "Trước ngày 15 hàng tháng", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL, "monthly due=15/1" },
  { "Ngày 20 hàng tháng", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL, "monthly due=20/1" },
  { "trước ngày 17 hàng tháng cuối quý", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL,
    "quarterly due=17/last" },
  { "Hàng quý, trước ngày 10 tháng đầu quý", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL,
    "quarterly due=10/1" },
  { "Mỗi quý, chậm nhất ngày 20 của tháng thứ 2", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL,
    "quarterly due=20/2" },
  { "Định kỳ 6 tháng", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL, "half-yearly" },
  { "6 tháng một lần, trước ngày 15 tháng cuối kỳ", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL,
    "half-yearly due=15/last" },
  { "3 tháng 1 lần", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL, "quarterly" },
  { "Hàng năm, trước ngày 15/12", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL, "yearly due=15/12" },
  { "Trước ngày 15 tháng 12 hàng năm", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL,
    "yearly due=15/12" },
  { "Hàng quý (quý I, II, III)", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL,
    "quarterly periods=1,2,3" },
  { "Hàng quý trong năm 2025", 2024, "recurring", "2025-01-01", "2025-12-31", "", NULL, "quarterly" },
  { "Hằng quý, trước ngày 15 tháng cuối quý năm 2025", 2024, "recurring", "2025-01-01", "2025-12-31", "",
    NULL, "quarterly due=15/last" },
  { "Báo cáo quý I, II trước ngày 15 tháng cuối quý", 2024, "recurring", "2024-01-01", "2024-12-31",
    "Báo cáo", NULL, "quarterly periods=1,2 due=15/last" },
  /* events */
  { "Đột xuất", 2024, "event", NULL, NULL, "Đột xuất", "Đột xuất", NULL },
  { "Khi được yêu cầu", 2024, "event", NULL, NULL, "Khi được yêu cầu", NULL, NULL },
  { "Định kỳ hằng quý và đột xuất", 2024, "recurring,event", "2024-01-01", "2024-12-31", "và đột xuất",
    "Định kỳ hằng quý", "quarterly" },
  { "Sau khi Kế hoạch được phê duyệt", 2024, "event", NULL, NULL, "phê duyệt", NULL, NULL },
  { "Căn cứ tình hình thực tế", 2024, "event", NULL, NULL, "tình hình thực tế", NULL, NULL },
  { "Theo Kế hoạch năm 2024 của UBND tỉnh", 2024, "span", "2024-01-01", "2024-12-31", "Theo Kế hoạch",
    "năm 2024", NULL },
  { "Quý IV hoặc khi có chỉ đạo", 2024, "span,event", "2024-10-01", "2024-12-31", "hoặc khi có chỉ đạo",
    "Quý IV", NULL },
  { "Theo Kế hoạch số 223/KH-UBND ngày 30/6/2021", 2024, "event", NULL, NULL, "ngày 30/6/2021", NULL, NULL },
  /* unknown */
  { "", 2024, "unknown", NULL, NULL, "", NULL, NULL },
  { "   ", 2024, "unknown", NULL, NULL, "", NULL, NULL },
  { "Đang cập nhật", 2024, "unknown", NULL, NULL, "Đang cập nhật", "Đang cập nhật", NULL },
  { "Tháng 13", 2024, "unknown", NULL, NULL, "Tháng 13", NULL, NULL },
  { "ngày 31/2/2024", 2024, "unknown", NULL, NULL, "31/2/2024", NULL, NULL },
  { "Từ 30/6/2024 đến 1/3/2024", 2024, "unknown", NULL, NULL, "30/6/2024", NULL, NULL },
  /* without diacritics, any case, stray spaces and punctuation */
  { "Thuong xuyen", 2024, "continuous", "2024-01-01", "2024-12-31", "", NULL, NULL },
  { "THƯỜNG XUYÊN TRONG NĂM 2023", 2024, "continuous", "2023-01-01", "2023-12-31", "", NULL, NULL },
  { "Quy III", 2024, "span", "2024-07-01", "2024-09-30", "", NULL, NULL },
  { "truoc ngay 30/3/2024", 2024, "deadline", "2024-03-30", "2024-03-30", "", NULL, NULL },
  { "thang 3 den thang 7 nam 2023", 2024, "span", "2023-03-01", "2023-07-31", "", NULL, NULL },
  { "hang quy, truoc ngay 15 thang cuoi quy", 2024, "recurring", "2024-01-01", "2024-12-31", "", NULL,
    "quarterly due=15/last" },
  { "  Quý   II ,  III  .", 2024, "span", "2024-04-01", "2024-09-30", "", "Quý   II ,  III", NULL },
  { "- Quý III, IV;", 2024, "span", "2024-07-01", "2024-12-31", "", "Quý III, IV", NULL },
  { "Tháng 3 – tháng 7", 2024, "span", "2024-03-01", "2024-07-31", "", "Tháng 3 – tháng 7", NULL },
  { "Trước ngày\n10/4/2023", 2023, "deadline", "2023-04-10", "2023-04-10", "", NULL, NULL },
  { "Quý\u00a0III,\tIV", 2024, "span", "2024-07-01", "2024-12-31", "", NULL, NULL },
  /* decomposed diacritics (NFD) read the same; the span still ends after the marks */
  { "Thu\u031bo\u031b\u0300ng xuye\u0302n", 2024, "continuous", "2024-01-01", "2024-12-31", "",
    "Thu\u031bo\u031b\u0300ng xuye\u0302n", NULL },
  /* several parts */
  { "Quý I năm 2024, quý II năm 2025", 2024, "span,span", "2024-01-01", "2025-06-30", "", "Quý I năm 2024", NULL },
  { "Thường xuyên, báo cáo hàng quý", 2024, "continuous,recurring", "2024-01-01", "2024-12-31", "báo cáo",
    NULL, "quarterly" },
};

static const char *const kind_names[] = { "span", "deadline", "continuous", "recurring", "event", "unknown" };

static char *
iso (const GDate *d)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static char *
kinds_of (const KhSchedule *s)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < kh_schedule_get_n_parts (s); i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", kind_names[kh_schedule_get_part (s, i)->kind]);
  return g_string_free (out, FALSE);
}

static char *
rule_of (const KhSchedulePart *p)
{
  static const char *const names[] = { "none", "monthly", "quarterly", "half-yearly", "yearly" };
  GString *out = g_string_new (names[p->recurrence]);

  if (p->periods != 0)
    {
      g_string_append (out, " periods=");
      for (int k = 0, first = 1; k < 12; k++)
        if (p->periods & (1u << k))
          {
            g_string_append_printf (out, "%s%d", first ? "" : ",", k + 1);
            first = 0;
          }
    }
  if (p->due_day > 0)
    {
      if (p->due_month == KH_DUE_MONTH_LAST)
        g_string_append_printf (out, " due=%d/last", p->due_day);
      else
        g_string_append_printf (out, " due=%d/%d", p->due_day, p->due_month);
    }
  return g_string_free (out, FALSE);
}

static void
check_case (const Case *c)
{
  g_autoptr(KhSchedule) s = kh_timeframe_read (c->text, c->year);
  g_autofree char *kinds = kinds_of (s);
  GDate start, end;
  gboolean dated = kh_schedule_get_range (s, &start, &end);

  g_test_message ("«%s» [%d] -> %s, note «%s»", c->text, c->year, kinds, kh_schedule_get_note (s));
  g_assert_cmpstr (kinds, ==, c->kinds);
  g_assert_cmpint (kh_schedule_get_plan_year (s), ==, c->year);
  if (c->start == NULL)
    g_assert_false (dated);
  else
    {
      g_autofree char *s_iso = NULL, *e_iso = NULL;

      g_assert_true (dated);
      s_iso = iso (&start);
      e_iso = iso (&end);
      g_assert_cmpstr (s_iso, ==, c->start);
      g_assert_cmpstr (e_iso, ==, c->end);
    }

  if (c->note[0] == '\0')
    g_assert_cmpstr (kh_schedule_get_note (s), ==, "");
  else
    g_assert_nonnull (strstr (kh_schedule_get_note (s), c->note));

  /* Every part's span lies inside the text; the first one is the expected words. */
  for (guint i = 0; i < kh_schedule_get_n_parts (s); i++)
    {
      const KhSchedulePart *p = kh_schedule_get_part (s, i);

      g_assert_cmpuint (p->offset + p->length, <=, strlen (c->text));
      if (i == 0 && c->read != NULL)
        {
          g_autofree char *read = g_strndup (c->text + p->offset, p->length);
          g_assert_cmpstr (read, ==, c->read);
        }
    }

  if (c->rule != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < kh_schedule_get_n_parts (s) && !found; i++)
        {
          const KhSchedulePart *p = kh_schedule_get_part (s, i);

          if (p->kind == KH_SCHEDULE_KIND_RECURRING)
            {
              g_autofree char *rule = rule_of (p);
              g_assert_cmpstr (rule, ==, c->rule);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

static void
test_seed_phrases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_cases); i++)
    check_case (&seed_cases[i]);
}

static void
test_own_phrases (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (own_cases), >=, 80);
  for (guint i = 0; i < G_N_ELEMENTS (own_cases); i++)
    check_case (&own_cases[i]);
}

static gboolean
in_seed_table (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_cases); i++)
    if (g_str_equal (seed_cases[i].text, text))
      return TRUE;
  return FALSE;
}

/* Every "Thời gian thực hiện" cell of the seed documents is in seed_cases: a new
 * seed document with a new phrase fails here until the phrase is added. */
static void
test_seed_documents_covered (void)
{
  const char *dir = g_getenv ("KH_SEEDS_DIR");
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint cells = 0;

  if (dir == NULL || (d = g_dir_open (dir, 0, NULL)) == NULL)
    {
      g_test_skip ("KH_SEEDS_DIR not found");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean in_table = FALSE;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_auto(GStrv) fields = NULL;
          char *cell;
          guint n;

          if (strstr (lines[l], "Thời gian thực hiện") != NULL)
            {
              in_table = TRUE;
              continue;
            }
          if (!in_table || strchr (lines[l], '\t') == NULL)
            continue;
          fields = g_strsplit (lines[l], "\t", -1);
          n = g_strv_length (fields);
          if (n < 6)
            continue;
          cell = g_strstrip (fields[n - 1]);
          if (cell[0] == '\0' || g_str_has_prefix (cell, "<b>"))
            continue;
          if (!in_seed_table (cell))
            g_error ("%s: time frame «%s» is not in the test table", name, cell);
          cells++;
        }
    }
  /* 7 + 42 + 8 cells in the three documents */
  g_assert_cmpuint (cells, >=, 50);
}

static void
round_trip_case (const Case *c)
{
  g_autoptr(KhSchedule) s = kh_timeframe_read (c->text, c->year);
  g_autofree char *wording = kh_schedule_to_wording (s);
  g_autoptr(KhSchedule) again = kh_timeframe_read (wording, c->year);
  g_autofree char *wording_again = kh_schedule_to_wording (again);

  g_test_message ("«%s» -> «%s»", c->text, wording);
  if (!kh_schedule_equal (s, again))
    g_error ("«%s» was worded «%s», which reads differently", c->text, wording);
  g_assert_cmpstr (wording_again, ==, wording);
  g_assert_cmpstr (kh_schedule_get_note (again), ==, kh_schedule_get_note (s));
}

static void
test_wording_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_cases); i++)
    round_trip_case (&seed_cases[i]);
  for (guint i = 0; i < G_N_ELEMENTS (own_cases); i++)
    round_trip_case (&own_cases[i]);
}

static void
test_canonical_wording (void)
{
  static const struct { const char *text; int year; const char *wording; } cases[] = {
    { "Quý III,IV", 2023, "Quý III, IV năm 2023" },
    { "Trước ngày 30/3 năm 2023", 2023, "Trước ngày 30/3/2023" },
    { "Thường xuyên", 2023, "Thường xuyên trong năm 2023" },
    { "Tháng 3 đến tháng 7 năm 2023", 2023, "Tháng 3 đến tháng 7 năm 2023" },
    { "hang quy, truoc ngay 15 thang cuoi quy", 2023, "Hàng quý, trước ngày 15 tháng cuối quý" },
    { "Tháng 8, năm 2023", 2023, "Tháng 8 năm 2023" },
    { "Trong năm 2023", 2023, "Năm 2023" },
    { "Từ 1/3 đến 15/6/2024", 2024, "Từ ngày 01/3 đến ngày 15/6/2024" },
    { "Trước ngày 5/2/2024", 2024, "Trước ngày 05/02/2024" },
    { "Thường xuyên hoặc khi có chỉ đạo", 2024, "Thường xuyên trong năm 2024 hoặc khi có chỉ đạo" },
    { "Khi có hướng dẫn", 2024, "Khi có hướng dẫn" },
    { "Hàng quý (quý I, III)", 2024, "Hàng quý (quý I, III)" },
    { "Hàng năm, trước ngày 15/12", 2024, "Hàng năm, trước ngày 15 tháng 12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhSchedule) s = kh_timeframe_read (cases[i].text, cases[i].year);
      g_autofree char *wording = kh_schedule_to_wording (s);

      g_assert_cmpstr (wording, ==, cases[i].wording);
    }
}

static void
test_json_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (own_cases); i++)
    {
      g_autoptr(KhSchedule) s = kh_timeframe_read (own_cases[i].text, own_cases[i].year);
      g_autoptr(JsonNode) node = kh_schedule_to_json (s);
      g_autoptr(GError) error = NULL;
      g_autoptr(KhSchedule) back = kh_schedule_from_json (node, &error);
      g_autoptr(JsonNode) node_again = NULL;
      g_autofree char *a = NULL, *b = NULL;

      g_assert_no_error (error);
      g_assert_true (kh_schedule_equal (s, back));
      g_assert_cmpstr (kh_schedule_get_note (back), ==, kh_schedule_get_note (s));
      node_again = kh_schedule_to_json (back);
      a = json_to_string (node, FALSE);
      b = json_to_string (node_again, FALSE);
      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_occurrences (void)
{
  g_autoptr(KhSchedule) s = kh_timeframe_read ("Hàng quý, trước ngày 15 tháng cuối quý", 2024);
  g_autoptr(KhSchedule) masked = kh_timeframe_read ("Báo cáo quý I, III trước ngày 17 tháng cuối quý", 2023);
  g_autoptr(KhSchedule) monthly = kh_timeframe_read ("Ngày 31 hàng tháng", 2024);
  g_autoptr(KhSchedule) both = kh_timeframe_read ("Quý IV; trước ngày 30/3", 2024);
  g_autoptr(GArray) occ = kh_schedule_get_occurrences (s);
  g_autoptr(GArray) occ_masked = kh_schedule_get_occurrences (masked);
  g_autoptr(GArray) occ_monthly = kh_schedule_get_occurrences (monthly);
  g_autoptr(GArray) occ_both = kh_schedule_get_occurrences (both);
  const char *expected[] = { "2024-03-15", "2024-06-15", "2024-09-15", "2024-12-15" };

  g_assert_cmpuint (occ->len, ==, 4);
  for (guint i = 0; i < occ->len; i++)
    {
      g_autofree char *end = iso (&g_array_index (occ, KhOccurrence, i).end);
      g_assert_cmpstr (end, ==, expected[i]);
    }

  g_assert_cmpuint (occ_masked->len, ==, 2);
  {
    g_autofree char *first = iso (&g_array_index (occ_masked, KhOccurrence, 0).end);
    g_autofree char *second = iso (&g_array_index (occ_masked, KhOccurrence, 1).end);
    g_assert_cmpstr (first, ==, "2023-03-17");
    g_assert_cmpstr (second, ==, "2023-09-17");
  }

  /* "ngày 31" in a short month is its last day */
  g_assert_cmpuint (occ_monthly->len, ==, 12);
  {
    g_autofree char *feb = iso (&g_array_index (occ_monthly, KhOccurrence, 1).end);
    g_assert_cmpstr (feb, ==, "2024-02-29");
  }

  /* in date order, a deadline drawn at its date */
  g_assert_cmpuint (occ_both->len, ==, 2);
  {
    g_autofree char *d = iso (&g_array_index (occ_both, KhOccurrence, 0).start);
    g_autofree char *q = iso (&g_array_index (occ_both, KhOccurrence, 1).start);
    g_assert_cmpstr (d, ==, "2024-03-30");
    g_assert_cmpstr (q, ==, "2024-10-01");
  }
  g_assert_cmpint (kh_schedule_get_primary_kind (both), ==, KH_SCHEDULE_KIND_SPAN);
}

/* What the UI underlines: each part's span, in the original bytes (diacritics,
 * decomposed marks, odd spaces and all). */
static void
test_spans (void)
{
  static const struct { const char *text; const char *reads[3]; } cases[] = {
    { "Quý I năm 2024, quý II năm 2025", { "Quý I năm 2024", "quý II năm 2025" } },
    { "Thường xuyên hoặc khi văn bản QPPL được ban hành", { "Thường xuyên", "khi văn bản QPPL được ban hành" } },
    { "Trước ngày 10/4/2023 theo Kế hoạch", { "Trước ngày 10/4/2023" } },
    { "Ngay sau khi có quyết định", { "Ngay sau khi có quyết định" } },
    { "Báo cáo: Hàng quý, trước ngày 15 tháng cuối quý.", { "Hàng quý, trước ngày 15 tháng cuối quý" } },
    { "Tha\u0301ng 3\u00a0\u2013 tha\u0301ng 7", { "Tha\u0301ng 3\u00a0\u2013 tha\u0301ng 7" } },
    { "(1) Quý IV; (2) trước ngày 30/6", { "Quý IV", "trước ngày 30/6" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhSchedule) s = kh_timeframe_read (cases[i].text, 2024);
      guint n = 0;

      while (n < G_N_ELEMENTS (cases[i].reads) && cases[i].reads[n] != NULL)
        n++;
      g_assert_cmpuint (kh_schedule_get_n_parts (s), ==, n);
      for (guint k = 0; k < n; k++)
        {
          const KhSchedulePart *p = kh_schedule_get_part (s, k);
          g_autofree char *read = g_strndup (cases[i].text + p->offset, p->length);

          g_assert_cmpstr (read, ==, cases[i].reads[k]);
        }
    }
}

static void
test_primary_kind (void)
{
  static const struct { const char *text; KhScheduleKind kind; } cases[] = {
    { "Thường xuyên hoặc khi văn bản QPPL được ban hành", KH_SCHEDULE_KIND_CONTINUOUS },
    { "Khi có hướng dẫn", KH_SCHEDULE_KIND_EVENT },
    { "Quý IV hoặc khi có chỉ đạo", KH_SCHEDULE_KIND_SPAN },
    { "Đang cập nhật", KH_SCHEDULE_KIND_UNKNOWN },
    { "Hàng quý", KH_SCHEDULE_KIND_RECURRING },
    { "Trước ngày 30/3", KH_SCHEDULE_KIND_DEADLINE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhSchedule) s = kh_timeframe_read (cases[i].text, 2024);
      g_assert_cmpint (kh_schedule_get_primary_kind (s), ==, cases[i].kind);
    }
}

/* Bad bytes and hostile text never crash, and every span stays inside the text. */
static void
test_robust (void)
{
  static const char *const texts[] = {
    "\xff\xfe Quý \xc3 III", "Quý\xe1\xba", "ngày 99/99/99999", "tháng 3-", "từ", "từ ngày",
    "Quý I, II, III, IV, I, II, III, IV, I, II, III, IV, I, II, III, IV, I", "/////", "---",
    "99999999999999999999 tháng 3", "Hàng quý (", "trước ngày 15 hàng", "(((((", "năm 0", "năm 99999",
  };
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(KhSchedule) s = NULL;
  gint64 t0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(KhSchedule) r = kh_timeframe_read (texts[i], 2024);

      g_assert_nonnull (r);
      g_assert_true (g_utf8_validate (kh_schedule_get_note (r), -1, NULL));
      for (guint k = 0; k < kh_schedule_get_n_parts (r); k++)
        g_assert_cmpuint (kh_schedule_get_part (r, k)->offset + kh_schedule_get_part (r, k)->length, <=,
                          strlen (texts[i]));
    }

  /* NUL bytes inside a counted text */
  {
    static const char with_nul[] = "Quý III\0 và IV";
    g_autoptr(KhSchedule) r = kh_timeframe_read_len (with_nul, sizeof with_nul - 1, 2024);
    g_assert_cmpint (kh_schedule_get_primary_kind (r), ==, KH_SCHEDULE_KIND_SPAN);
  }

  /* A plan year the reader cannot date: still the kinds, no dates invented */
  {
    g_autoptr(KhSchedule) r = kh_timeframe_read ("Quý III", 0);
    g_autoptr(KhSchedule) c = kh_timeframe_read ("Thường xuyên", 0);
    GDate a, b;

    g_assert_cmpint (kh_schedule_get_primary_kind (r), ==, KH_SCHEDULE_KIND_UNKNOWN);
    g_assert_false (kh_schedule_get_range (c, &a, &b));
    g_assert_true (kh_schedule_has_kind (c, KH_SCHEDULE_KIND_CONTINUOUS));
  }

  /* 10 kB of mixed phrases: linear, well under a millisecond on a normal machine
   * (asserted loosely here, for slow CI and sanitizers). */
  while (big->len < 10000)
    g_string_append (big, "Quý III, IV năm 2023; trước ngày 30/3/2024 theo Kế hoạch số 12/KH-UBND; hàng quý, ");
  t0 = g_get_monotonic_time ();
  s = kh_timeframe_read (big->str, 2024);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 50000);
  g_assert_true (kh_schedule_has_kind (s, KH_SCHEDULE_KIND_RECURRING));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeframe/seed-phrases", test_seed_phrases);
  g_test_add_func ("/timeframe/seed-documents-covered", test_seed_documents_covered);
  g_test_add_func ("/timeframe/own-phrases", test_own_phrases);
  g_test_add_func ("/timeframe/canonical-wording", test_canonical_wording);
  g_test_add_func ("/timeframe/wording-round-trip", test_wording_round_trip);
  g_test_add_func ("/timeframe/json-round-trip", test_json_round_trip);
  g_test_add_func ("/timeframe/occurrences", test_occurrences);
  g_test_add_func ("/timeframe/spans", test_spans);
  g_test_add_func ("/timeframe/primary-kind", test_primary_kind);
  g_test_add_func ("/timeframe/robust", test_robust);
  return g_test_run ();
}
