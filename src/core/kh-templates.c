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
