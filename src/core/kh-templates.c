/* kh-templates.c — new documents as a Sở starts them
 *
 * The texts are document text (always Vietnamese), not UI strings.
 */
#include "config.h"

#include "kh-core.h"
#include "kh-templates.h"
#include "kh-vntext.h"

int
kh_templates_plan_year (GDateTime *now)
{
  int year = g_date_time_get_year (now);

  return g_date_time_get_month (now) >= 10 ? year + 1 : year;
}

static const char *
or_empty (const char *s)
{
  return s ? s : "";
}

static KhDocument *
new_document (KhDocumentKind            kind,
              const KhDocumentDefaults *defaults,
              GDateTime                *now)
{
  KhDocument *doc = kh_document_new (kind);
  KhSigner *signer = kh_document_get_signer (doc);
  int year = kh_templates_plan_year (now);

  kh_document_set_status (doc, KH_DOCUMENT_STATUS_DRAFT);
  kh_document_set_parent_agency (doc, or_empty (defaults->parent_agency));
  kh_document_set_agency (doc, or_empty (defaults->agency));
  kh_document_set_agency_abbrev (doc, or_empty (defaults->agency_abbrev));
  kh_document_set_place (doc, or_empty (defaults->place));
  /* A draft: number and day are filled in when the document is signed. */
  kh_document_set_number (doc, 0);
  kh_document_set_day (doc, 0);
  kh_document_set_month (doc, g_date_time_get_month (now));
  kh_document_set_date_year (doc, g_date_time_get_year (now));
  kh_document_set_year (doc, year);

  kh_signer_set_prefix (signer, or_empty (defaults->signer_prefix));
  kh_signer_set_authority (signer, or_empty (defaults->signer_authority));
  kh_signer_set_title (signer, or_empty (defaults->signer_title));
  kh_signer_set_name (signer, or_empty (defaults->signer_name));

  if (defaults->recipients != NULL)
    for (guint i = 0; defaults->recipients[i] != NULL; i++)
      kh_document_add_recipient (doc, defaults->recipients[i]);
  kh_document_set_archive (doc, "VT");

  return doc;
}

static void
append_node (GListModel *list,
             KhNodeKind  kind,
             const char *title,
             const char *text)
{
  g_autoptr(KhNode) node = kh_node_new (kind, title, text);

  g_list_store_append (G_LIST_STORE (list), node);
}

static KhPlan *
new_plan (int year, gboolean with_narrative)
{
  KhPlan *plan = kh_plan_new ();
  g_autoptr(KhTaskTable) table = kh_task_table_new_default ();
  GListModel *narrative = kh_plan_get_narrative (plan);

  if (with_narrative)
    {
      g_autofree char *goal = g_strdup_printf ("Triển khai thực hiện có hiệu quả các nhiệm vụ năm %d.", year);

      append_node (narrative, KH_NODE_KIND_PART, "MỤC ĐÍCH, YÊU CẦU", "");
      {
        g_autoptr(KhNode) part = g_list_model_get_item (narrative, 0);
        append_node (kh_node_get_children (part), KH_NODE_KIND_SECTION, "Mục đích", goal);
        append_node (kh_node_get_children (part), KH_NODE_KIND_SECTION, "Yêu cầu", "");
      }
      append_node (narrative, KH_NODE_KIND_PART, "NỘI DUNG", "");
      append_node (narrative, KH_NODE_KIND_PART, "TỔ CHỨC THỰC HIỆN", "");
    }
  g_list_store_append (G_LIST_STORE (kh_plan_get_tables (plan)), table);
  return plan;
}

KhDocument *
kh_templates_new_plan (const KhDocumentDefaults *defaults,
                       GDateTime                *now)
{
  KhDocument *doc = new_document (KH_DOCUMENT_KIND_PLAN, defaults, now);
  g_autoptr(KhPlan) plan = new_plan (kh_document_get_year (doc), TRUE);
  g_autofree char *summary = g_strdup_printf ("Kế hoạch năm %d", kh_document_get_year (doc));

  kh_document_set_summary (doc, summary);
  kh_document_set_plan (doc, plan);
  return doc;
}

KhDocument *
kh_templates_new_decision_with_plan (const KhDocumentDefaults *defaults,
                                     GDateTime                *now)
{
  KhDocument *doc = new_document (KH_DOCUMENT_KIND_DECISION, defaults, now);
  int year = kh_document_get_year (doc);
  g_autoptr(KhDecision) decision = kh_decision_new ();
  g_autoptr(KhPlan) plan = new_plan (year, FALSE);
  g_autofree char *agency = g_strdup (or_empty (defaults->agency));
  g_autofree char *authority = NULL;
  g_autofree char *summary = g_strdup_printf ("Ban hành Kế hoạch năm %d", year);
  g_autofree char *plan_summary = g_strdup_printf ("Kế hoạch năm %d", year);
  g_autofree char *article1 = NULL;
  const char *article_texts[3];

  /* "GIÁM ĐỐC SỞ ..." from "SỞ ...": the head of the issuing agency. */
  authority = g_strdup_printf ("GIÁM ĐỐC %s", agency);
  g_strstrip (authority);
  kh_decision_set_authority (decision, authority);
  kh_decision_set_proposal (decision, "Theo đề nghị của Chánh Văn phòng Sở");

  article1 = g_strdup_printf ("Ban hành kèm theo Quyết định này Kế hoạch năm %d.", year);
  article_texts[0] = article1;
  article_texts[1] = "Quyết định này có hiệu lực kể từ ngày ký.";
  article_texts[2] = "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.";
  for (guint i = 0; i < G_N_ELEMENTS (article_texts); i++)
    {
      g_autoptr(KhArticle) article = kh_article_new ();

      append_node (kh_article_get_body (article), KH_NODE_KIND_PARAGRAPH, "", article_texts[i]);
      g_list_store_append (G_LIST_STORE (kh_decision_get_articles (decision)), article);
    }

  /* "issued by" (Giám đốc Sở ...) is left to the user: the agency's name
   * in sentence case cannot be derived from its upper-case form. */
  kh_plan_set_summary (plan, plan_summary);
  kh_document_set_summary (doc, summary);
  kh_document_set_decision (doc, decision);
  kh_document_set_plan (doc, plan);
  return doc;
}

/* Rewrites "năm <from>" (any case, with or without diacritics, as typed)
 * and, with dates_too, dates d/m/<from> in the text to the next year. */
char *
kh_templates_roll_over_text (const char *text,
                             int         from_year,
                             gboolean    dates_too)
{
  g_autofree char *year = g_strdup_printf ("%d", from_year);
  g_autofree char *next = g_strdup_printf ("%d", from_year + 1);
  GString *out;
  const char *p;
  size_t year_len = strlen (year);

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 8);
  for (p = text; *p != '\0'; )
    {
      const char *hit = strstr (p, year);
      gboolean word_start, word_end, after_nam = FALSE, in_date = FALSE;
      const char *q;

      if (hit == NULL)
        break;
      word_start = hit == text || !g_ascii_isdigit (hit[-1]);
      word_end = !g_ascii_isdigit (hit[year_len]);

      /* "năm 2023", "Năm 2023", "nam 2023": the word before the year. */
      for (q = hit; q > text && q[-1] == ' '; q--)
        ;
      if (q < hit)
        {
          const char *w = q;
          g_autofree char *word = NULL;
          g_autofree char *folded = NULL;

          while (w > text && w[-1] != ' ' && w[-1] != '\n' && w[-1] != '(')
            w--;
          word = g_strndup (w, q - w);
          folded = kh_vn_fold (word);
          after_nam = g_strcmp0 (folded, "nam") == 0;
        }
      /* "30/3/2023": a date whose year is the plan year. */
      if (dates_too && hit - text >= 2 && hit[-1] == '/' && g_ascii_isdigit (hit[-2]) &&
          hit[year_len] != '/')  /* not a document number: 01/2023/QĐ-UBND */
        in_date = TRUE;

      g_string_append_len (out, p, hit - p);
      if (word_start && word_end && (after_nam || in_date))
        g_string_append (out, next);
      else
        g_string_append_len (out, hit, year_len);
      p = hit + year_len;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static void
roll_string (GObject    *object,
             const char *property,
             int         from_year,
             gboolean    dates_too)
{
  g_autofree char *value = NULL;
  g_autofree char *rolled = NULL;

  g_object_get (object, property, &value, NULL);
  if (value == NULL || *value == '\0')
    return;
  rolled = kh_templates_roll_over_text (value, from_year, dates_too);
  if (g_strcmp0 (rolled, value) != 0)
    g_object_set (object, property, rolled, NULL);
}

static void
roll_nodes (GListModel *nodes,
            int         from_year)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);

      roll_string (G_OBJECT (node), "title", from_year, FALSE);
      roll_string (G_OBJECT (node), "text", from_year, FALSE);
      roll_nodes (kh_node_get_children (node), from_year);
    }
}

KhDocument *
kh_templates_roll_over (KhDocument *document)
{
  KhDocument *next;
  KhPlan *plan;
  KhDecision *decision;
  int year;

  g_return_val_if_fail (KH_IS_DOCUMENT (document), NULL);

  next = kh_document_copy (document);
  year = kh_document_get_year (document);

  kh_document_set_year (next, year + 1);
  if (kh_document_get_date_year (next) > 0)
    kh_document_set_date_year (next, kh_document_get_date_year (next) + 1);
  kh_document_set_number (next, 0);
  kh_document_set_day (next, 0);
  kh_document_set_status (next, KH_DOCUMENT_STATUS_DRAFT);
  roll_string (G_OBJECT (next), "summary", year, FALSE);

  decision = kh_document_get_decision (next);
  if (decision != NULL)
    {
      GListModel *articles = kh_decision_get_articles (decision);

      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);

          roll_string (G_OBJECT (article), "title", year, FALSE);
          roll_nodes (kh_article_get_body (article), year);
        }
    }

  plan = kh_document_get_plan (next);
  if (plan != NULL)
    {
      GListModel *tables = kh_plan_get_tables (plan);

      roll_string (G_OBJECT (plan), "summary", year, FALSE);
      roll_nodes (kh_plan_get_narrative (plan), year);
      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, t);
          GListModel *groups = kh_task_table_get_groups (table);

          roll_string (G_OBJECT (table), "title", year, FALSE);
          for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
            {
              g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, g);
              GListModel *tasks = kh_task_group_get_tasks (group);

              roll_string (G_OBJECT (group), "title", year, FALSE);
              for (guint k = 0; k < g_list_model_get_n_items (tasks); k++)
                {
                  g_autoptr(KhTask) task = g_list_model_get_item (tasks, k);

                  roll_string (G_OBJECT (task), "content", year, FALSE);
                  roll_string (G_OBJECT (task), "product", year, FALSE);
                  roll_string (G_OBJECT (task), "timeframe", year, TRUE);
                  kh_task_set_schedule (task, NULL);
                  kh_task_set_status (task, KH_TASK_STATUS_PLANNED);
                  kh_task_set_progress (task, 0);
                }
            }
        }
    }
  return next;
}
