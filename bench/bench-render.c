/* bench-render.c — time of the document renderer, and of LibreOffice on
 * the same content
 *
 * Renders the three example documents and a generated 1,000-task plan to
 * PDF (layout and PDF writing, in memory) and prints the median time and
 * the pages per second. In the same run, writes each document as a flat
 * OpenDocument text (.fodt: same paragraphs, same tables, same page setup)
 * and times `soffice --headless --convert-to pdf` on it, when LibreOffice
 * is installed.
 *
 *   bench-render [EXAMPLES_DIR]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "kh-core.h"
#include "kh-render.h"
#include "kh-vntext.h"

#define RUNS 7

/* The 1,000-task plan */

static const char *sentence =
  "Tổ chức tuyên truyền, phổ biến các văn bản quy phạm pháp luật về kiểm soát thủ tục "
  "hành chính, cơ chế một cửa, một cửa liên thông đến cán bộ, công chức, viên chức";

static KhDocument *
thousand_task_plan (void)
{
  KhDocument *doc = kh_document_new (KH_DOCUMENT_KIND_PLAN);
  g_autoptr(KhPlan) plan = kh_plan_new ();
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  GListStore *groups = G_LIST_STORE (kh_task_table_get_groups (table));
  KhSigner *signer = kh_document_get_signer (doc);

  kh_document_set_parent_agency (doc, "UBND TỈNH HƯNG YÊN");
  kh_document_set_agency (doc, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  kh_document_set_agency_abbrev (doc, "SKHCN");
  kh_document_set_place (doc, "Hưng Yên");
  kh_document_set_month (doc, 1);
  kh_document_set_date_year (doc, 2024);
  kh_document_set_summary (doc, "Kiểm soát thủ tục hành chính năm 2024");
  kh_signer_set_title (signer, "GIÁM ĐỐC");
  kh_signer_set_name (signer, "Trần Tùng Chuẩn");
  kh_document_add_recipient (doc, "UBND tỉnh (để báo cáo)");
  kh_document_set_archive (doc, "VT, VP");

  g_list_store_remove_all (groups);
  for (guint g = 0; g < 10; g++)
    {
      g_autofree char *title = g_strdup_printf ("Nhóm nhiệm vụ số %u về cải cách hành chính", g + 1);
      g_autoptr(KhTaskGroup) group = kh_task_group_new (title);

      for (guint t = 0; t < 100; t++)
        {
          g_autoptr(KhTask) task = kh_task_new ();
          g_autofree char *content = g_strdup_printf ("Nhiệm vụ %u: %s%s", g * 100 + t + 1, sentence,
                                                      t % 3 == 0 ? " và người lao động trong cơ quan." : ".");

          kh_task_set_content (task, content);
          kh_task_set_product (task, t % 2 ? "Kế hoạch, báo cáo" : "Tin, bài viết, phóng sự");
          kh_task_set_lead (task, "Văn phòng Sở");
          kh_task_set_cooperating (task, "Các phòng, đơn vị thuộc Sở");
          kh_task_set_timeframe (task, t % 4 ? "Quý III, IV" : "Thường xuyên trong năm 2024");
          g_list_store_append (G_LIST_STORE (kh_task_group_get_tasks (group)), task);
        }
      g_list_store_append (groups, group);
    }
  kh_task_table_set_appendix (table, TRUE);
  kh_task_table_set_title (table, "Các nhiệm vụ năm 2024");
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table);
  kh_document_set_plan (doc, plan);
  return doc;
}

/* Flat ODT with the same content */

static void
odt_para (GString    *out,
          const char *style,
          const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append_printf (out, "<text:p text:style-name=\"%s\">%s</text:p>\n", style, escaped);
}

static void
odt_nodes (GString    *out,
           GListModel *nodes)
{
  for (guint i = 0; nodes != NULL && i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);
      g_autofree char *line = g_strdup_printf ("%s %s", kh_node_get_title (node), kh_node_get_text (node));

      odt_para (out, kh_node_get_title (node)[0] ? "Heading" : "Body", line);
      odt_nodes (out, kh_node_get_children (node));
    }
}

static void
odt_cell (GString    *out,
          const char *style,
          const char *text,
          guint       span)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  if (span > 1)
    g_string_append_printf (out, "<table:table-cell table:style-name=\"Cell\" table:number-columns-spanned=\"%u\" "
                            "office:value-type=\"string\"><text:p text:style-name=\"%s\">%s</text:p></table:table-cell>",
                            span, style, escaped);
  else
    g_string_append_printf (out, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">"
                            "<text:p text:style-name=\"%s\">%s</text:p></table:table-cell>", style, escaped);
  for (guint i = 1; i < span; i++)
    g_string_append (out, "<table:covered-table-cell/>");
}

static const char *
task_field (KhTask       *task,
            KhColumnField field)
{
  switch (field)
    {
    case KH_COLUMN_CONTENT: return kh_task_get_content (task);
    case KH_COLUMN_PRODUCT: return kh_task_get_product (task);
    case KH_COLUMN_LEAD: return kh_task_get_lead (task);
    case KH_COLUMN_COOPERATING: return kh_task_get_cooperating (task);
    case KH_COLUMN_TIMEFRAME: return kh_task_get_timeframe (task);
    case KH_COLUMN_NOTES: return kh_task_get_notes (task);
    default: return "";
    }
}

static void
odt_table (GString     *out,
           KhTaskTable *table,
           guint        index)
{
  GListModel *columns = kh_task_table_get_columns (table);
  GListModel *groups = kh_task_table_get_groups (table);
  guint n = g_list_model_get_n_items (columns);

  if (kh_task_table_get_appendix (table))
    {
      odt_para (out, "Break", "PHỤ LỤC");
      odt_para (out, "Centre", kh_task_table_get_title (table));
    }
  g_string_append_printf (out, "<table:table table:name=\"T%u\" table:style-name=\"Table\">"
                          "<table:table-column table:number-columns-repeated=\"%u\"/>\n"
                          "<table:table-header-rows><table:table-row>", index, n);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(KhColumn) column = g_list_model_get_item (columns, c);

      odt_cell (out, "Centre", kh_column_get_header (column), 1);
    }
  g_string_append (out, "</table:table-row></table:table-header-rows>\n");
  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
      GListModel *tasks = kh_task_group_get_tasks (group);

      if (kh_task_group_get_title (group)[0] != '\0')
        {
          g_autofree char *roman = kh_vn_roman (g + 1);

          g_string_append (out, "<table:table-row>");
          odt_cell (out, "Centre", roman, 1);
          odt_cell (out, "Centre", kh_task_group_get_title (group), n - 1);
          g_string_append (out, "</table:table-row>\n");
        }
      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(KhTask) task = g_list_model_get_item (tasks, t);

          g_string_append (out, "<table:table-row>");
          for (guint c = 0; c < n; c++)
            {
              g_autoptr(KhColumn) column = g_list_model_get_item (columns, c);
              g_autofree char *number = g_strdup_printf ("%u", t + 1);

              if (kh_column_get_field (column) == KH_COLUMN_NUMBER)
                odt_cell (out, "Cell", number, 1);
              else
                odt_cell (out, "Cell", task_field (task, kh_column_get_field (column)), 1);
            }
          g_string_append (out, "</table:table-row>\n");
        }
    }
  g_string_append (out, "</table:table>\n");
}

static char *
document_to_fodt (KhDocument *doc)
{
  GString *out = g_string_new (NULL);
  KhDecision *decision = kh_document_get_decision (doc);
  KhPlan *plan = kh_document_get_plan (doc);
  KhSigner *signer = kh_document_get_signer (doc);
  GListModel *recipients = kh_document_get_recipients (doc);
  g_autofree char *number = kh_vn_format_number_symbol (0, kh_document_get_type_abbrev (doc),
                                                        kh_document_get_agency_abbrev (doc));
  g_autofree char *date = kh_vn_format_place_date (kh_document_get_place (doc), kh_document_get_day (doc),
                                                   kh_document_get_month (doc), kh_document_get_date_year (doc));

  g_string_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
    "<office:font-face-decls><style:font-face style:name=\"Serif\" svg:font-family=\"'Liberation Serif'\"/></office:font-face-decls>\n"
    "<office:styles><style:default-style style:family=\"paragraph\">"
    "<style:text-properties style:font-name=\"Serif\" fo:font-size=\"13pt\" fo:language=\"vi\" fo:country=\"VN\"/>"
    "</style:default-style></office:styles>\n"
    "<office:automatic-styles>\n"
    "<style:style style:name=\"Body\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"justify\" "
    "fo:text-indent=\"1cm\" fo:margin-bottom=\"6pt\"/></style:style>\n"
    "<style:style style:name=\"Heading\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"justify\" "
    "fo:text-indent=\"1cm\" fo:margin-bottom=\"6pt\" fo:keep-with-next=\"always\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
    "<style:style style:name=\"Italic\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"justify\" "
    "fo:text-indent=\"1cm\" fo:margin-bottom=\"6pt\"/><style:text-properties fo:font-style=\"italic\"/></style:style>\n"
    "<style:style style:name=\"Centre\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\"/>"
    "<style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
    "<style:style style:name=\"Break\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\" "
    "fo:break-before=\"page\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
    "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties fo:border=\"0.5pt solid #000000\" "
    "fo:padding=\"0.1cm\"/></style:style>\n"
    "<style:style style:name=\"Table\" style:family=\"table\"><style:table-properties style:width=\"16.5cm\" table:align=\"margins\"/></style:style>\n"
    "<style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" "
    "fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"3cm\" fo:margin-right=\"1.5cm\"/></style:page-layout>\n"
    "</office:automatic-styles>\n"
    "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/></office:master-styles>\n"
    "<office:body><office:text>\n");

  /* Header block as a two-column table without rules. */
  g_string_append (out, "<table:table table:name=\"Header\"><table:table-column table:number-columns-repeated=\"2\"/><table:table-row>"
                        "<table:table-cell office:value-type=\"string\">");
  odt_para (out, "Centre", kh_document_get_parent_agency (doc));
  odt_para (out, "Centre", kh_document_get_agency (doc));
  odt_para (out, "Centre", number);
  g_string_append (out, "</table:table-cell><table:table-cell office:value-type=\"string\">");
  odt_para (out, "Centre", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  odt_para (out, "Centre", "Độc lập - Tự do - Hạnh phúc");
  odt_para (out, "Centre", date);
  g_string_append (out, "</table:table-cell></table:table-row></table:table>\n");

  odt_para (out, "Centre", decision != NULL ? "QUYẾT ĐỊNH" : "KẾ HOẠCH");
  odt_para (out, "Centre", kh_document_get_summary (doc));
  if (decision != NULL)
    {
      GListModel *bases = kh_decision_get_bases (decision);
      GListModel *articles = kh_decision_get_articles (decision);

      odt_para (out, "Centre", kh_decision_get_authority (decision));
      for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
        {
          g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);
          GListModel *citations = kh_legal_basis_get_citations (basis);
          g_autoptr(GString) text = g_string_new (kh_legal_basis_get_text (basis));

          for (guint c = 0; text->len == 0 && c < g_list_model_get_n_items (citations); c++)
            {
              g_autoptr(KhCitation) citation = g_list_model_get_item (citations, c);
              g_autofree char *wording = kh_vn_format_citation (kh_citation_get_kind (citation),
                                                                kh_citation_get_number (citation),
                                                                kh_citation_get_date (citation),
                                                                kh_citation_get_issuer (citation),
                                                                kh_citation_get_subject (citation));

              g_string_append_printf (text, "Căn cứ %s;", wording != NULL ? wording : "");
            }
          odt_para (out, "Italic", text->str);
        }
      odt_para (out, "Italic", kh_decision_get_proposal (decision));
      odt_para (out, "Centre", "QUYẾT ĐỊNH:");
      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);
          g_autofree char *title = g_strdup_printf ("Điều %u. %s", i + 1, kh_article_get_title (article));

          odt_para (out, "Heading", title);
          odt_nodes (out, kh_article_get_body (article));
        }
    }

  /* Signature and recipients side by side. */
  g_string_append (out, "<table:table table:name=\"Signature\"><table:table-column table:number-columns-repeated=\"2\"/><table:table-row>"
                        "<table:table-cell office:value-type=\"string\">");
  odt_para (out, "Italic", "Nơi nhận:");
  for (guint i = 0; i < g_list_model_get_n_items (recipients); i++)
    {
      g_autoptr(KhRecipient) recipient = g_list_model_get_item (recipients, i);
      g_autofree char *line = g_strdup_printf ("- %s;", kh_recipient_get_text (recipient));

      odt_para (out, "Standard", line);
    }
  g_string_append (out, "</table:table-cell><table:table-cell office:value-type=\"string\">");
  odt_para (out, "Centre", kh_signer_get_title (signer));
  odt_para (out, "Centre", "");
  odt_para (out, "Centre", "");
  odt_para (out, "Centre", kh_signer_get_name (signer));
  g_string_append (out, "</table:table-cell></table:table-row></table:table>\n");

  if (plan != NULL)
    {
      GListModel *tables = kh_plan_get_tables (plan);

      if (decision != NULL)
        {
          odt_para (out, "Break", "KẾ HOẠCH");
          odt_para (out, "Centre", kh_plan_get_summary (plan));
        }
      odt_nodes (out, kh_plan_get_narrative (plan));
      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);

          odt_table (out, table, t);
        }
    }

  g_string_append (out, "</office:text></office:body></office:document>\n");
  return g_string_free (out, FALSE);
}

/* Timing */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Median ms (wall clock, and CPU in *cpu) of layout + PDF in memory; the
 * page count in *n_pages. */
static double
time_render (KhDocument *doc,
             guint      *n_pages,
             double     *cpu)
{
  double times[RUNS], cpus[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(KhRenderedDocument) rd = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      rd = kh_render_layout (doc, NULL, &error);
      if (rd == NULL || !kh_rendered_document_write_pdf (rd, stream, NULL, &error))
        g_error ("render: %s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpus[i] = cpu_ms () - cpu_start;
      *n_pages = kh_rendered_document_get_n_pages (rd);
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  qsort (cpus, RUNS, sizeof (double), compare_doubles);
  *cpu = cpus[RUNS / 2];
  return times[RUNS / 2];
}

/* Wall time of one LibreOffice conversion, ms, and its CPU time in *cpu;
 * negative on failure. */
static double
time_libreoffice (const char *soffice,
                  const char *profile_uri,
                  const char *dir,
                  const char *fodt,
                  double     *cpu)
{
  double cpu_start = children_cpu_ms ();
  g_autoptr(GError) error = NULL;
  g_autofree char *env_profile = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  const char *argv[] = { soffice, env_profile, "--headless", "--convert-to", "pdf", "--outdir", dir, fodt, NULL };
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    return -1;
  *cpu = children_cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *examples_dir = argc > 1 ? argv[1] : SOURCE_EXAMPLESDIR;
  const char *names[] = {
    "2024-truyen-thong-kiem-soat-tthc.kehoach",
    "2023-kiem-soat-tthc-ha-tinh.kehoach",
    "2024-tuyen-truyen-cchc.kehoach",
  };
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *tmp = NULL;
  g_autofree char *profile_uri = NULL;
  KhDocument *docs[G_N_ELEMENTS (names) + 1];
  const char *labels[G_N_ELEMENTS (names) + 1];
  double worst_ratio = G_MAXDOUBLE;
  guint n_docs = 0;

  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (examples_dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      docs[n_docs] = kh_document_load_file (file, NULL, &error);
      if (docs[n_docs] == NULL)
        g_error ("%s: %s", path, error->message);
      labels[n_docs++] = names[i];
    }
  docs[n_docs] = thousand_task_plan ();
  labels[n_docs++] = "generated: 1,000-task plan";

  if (soffice != NULL)
    {
      g_autoptr(GError) error = NULL;

      tmp = g_dir_make_tmp ("kh-bench-XXXXXX", &error);
      g_assert_no_error (error);
      profile_uri = g_strdup_printf ("file://%s/profile", tmp);
    }
  else
    g_print ("LibreOffice not found (soffice, libreoffice): the comparison column is skipped. "
             "Install libreoffice-writer-nogui to compare.\n");

  /* Fontconfig's first load is not part of any render. */
  {
    guint pages;
    double cpu;

    time_render (docs[0], &pages, &cpu);
  }

  /* Wall-clock times suffer from a busy machine; CPU times much less. */
  g_print ("%-42s %5s %9s %9s %8s %11s %11s %7s\n", "document", "pages", "ours ms", "(cpu ms)", "pages/s",
           soffice != NULL ? "LO ms" : "", soffice != NULL ? "(LO cpu ms)" : "", soffice != NULL ? "ratio" : "");
  for (guint i = 0; i < n_docs; i++)
    {
      guint pages = 0;
      double cpu = 0;
      double ms = time_render (docs[i], &pages, &cpu);

      g_print ("%-42s %5u %9.1f %9.1f %8.0f", labels[i], pages, ms, cpu, pages / (ms / 1000.0));
      if (soffice != NULL)
        {
          g_autofree char *fodt_text = document_to_fodt (docs[i]);
          g_autofree char *fodt = g_strdup_printf ("%s/doc%u.fodt", tmp, i);
          double lo, lo_cpu = 0;

          g_file_set_contents (fodt, fodt_text, -1, NULL);
          if (i == 0)
            time_libreoffice (soffice, profile_uri, tmp, fodt, &lo_cpu);   /* creates the profile */
          lo = time_libreoffice (soffice, profile_uri, tmp, fodt, &lo_cpu);
          if (lo < 0)
            g_print (" %11s", "failed");
          else
            {
              g_print (" %11.0f %11.0f %6.0fx", lo, lo_cpu, lo / ms);
              worst_ratio = MIN (worst_ratio, lo / ms);
            }
        }
      g_print ("\n");
      if (i + 1 == n_docs)
        g_print ("target: < 100 ms for the 1,000-task plan: %s (wall %.0f ms, cpu %.0f ms)\n",
                 ms < 100 ? "met" : "NOT met", ms, cpu);
    }
  if (soffice != NULL && worst_ratio < G_MAXDOUBLE)
    g_print ("target: ours >= 20x faster than LibreOffice: %s (worst %.0fx)\n",
             worst_ratio >= 20 ? "met" : "NOT met", worst_ratio);

  for (guint i = 0; i < n_docs; i++)
    g_object_unref (docs[i]);
  if (tmp != NULL)
    {
      const char *rm[] = { "rm", "-rf", tmp, NULL };

      g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  return 0;
}
