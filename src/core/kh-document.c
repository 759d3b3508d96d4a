/* kh-document.c — a document: a decision (possibly with its plan) or a plan */
#include "kh-document.h"

struct _KhDocument
{
  KhModelObject parent_instance;

  gint64 id;
  KhDocumentKind kind;
  KhDocumentStatus status;
  char *parent_agency;
  char *agency;
  char *agency_abbrev;
  int number;
  char *place;
  int day;
  int month;
  int date_year;
  int year;
  char *summary;
  KhSigner *signer;
  GListStore *recipients;
  char *archive;
  char *archive_initials;
  KhDecision *decision;
  KhPlan *plan;
};

G_DEFINE_FINAL_TYPE (KhDocument, kh_document, KH_TYPE_MODEL_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_PARENT_AGENCY,
  PROP_AGENCY,
  PROP_AGENCY_ABBREV,
  PROP_NUMBER,
  PROP_PLACE,
  PROP_DAY,
  PROP_MONTH,
  PROP_DATE_YEAR,
  PROP_YEAR,
  PROP_SUMMARY,
  PROP_SIGNER,
  PROP_RECIPIENTS,
  PROP_ARCHIVE,
  PROP_ARCHIVE_INITIALS,
  PROP_DECISION,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_document_dispose (GObject *object)
{
  KhDocument *self = KH_DOCUMENT (object);

  kh_model_object_replace_child (KH_MODEL_OBJECT (self), (gpointer *) &self->signer, NULL);
  kh_model_object_replace_child (KH_MODEL_OBJECT (self), (gpointer *) &self->decision, NULL);
  kh_model_object_replace_child (KH_MODEL_OBJECT (self), (gpointer *) &self->plan, NULL);

  G_OBJECT_CLASS (kh_document_parent_class)->dispose (object);
}

/* Every document has a signer block, possibly empty. */
static void
kh_document_constructed (GObject *object)
{
  KhDocument *self = KH_DOCUMENT (object);

  G_OBJECT_CLASS (kh_document_parent_class)->constructed (object);

  if (self->signer == NULL)
    {
      g_autoptr(KhSigner) signer = kh_signer_new ();

      kh_model_object_replace_child (KH_MODEL_OBJECT (self), (gpointer *) &self->signer, signer);
    }
}

static void
kh_document_finalize (GObject *object)
{
  KhDocument *self = KH_DOCUMENT (object);

  g_free (self->parent_agency);
  g_free (self->agency);
  g_free (self->agency_abbrev);
  g_free (self->place);
  g_free (self->summary);
  g_clear_object (&self->recipients);
  g_free (self->archive);
  g_free (self->archive_initials);

  G_OBJECT_CLASS (kh_document_parent_class)->finalize (object);
}

static void
kh_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KhDocument *self = KH_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PARENT_AGENCY:
      g_value_set_string (value, self->parent_agency);
      break;

    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;

    case PROP_AGENCY_ABBREV:
      g_value_set_string (value, self->agency_abbrev);
      break;

    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;

    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;

    case PROP_DATE_YEAR:
      g_value_set_int (value, self->date_year);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_SIGNER:
      g_value_set_object (value, self->signer);
      break;

    case PROP_RECIPIENTS:
      g_value_set_object (value, self->recipients);
      break;

    case PROP_ARCHIVE:
      g_value_set_string (value, self->archive);
      break;

    case PROP_ARCHIVE_INITIALS:
      g_value_set_string (value, self->archive_initials);
      break;

    case PROP_DECISION:
      g_value_set_object (value, self->decision);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KhDocument *self = KH_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      kh_document_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      kh_document_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      kh_document_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PARENT_AGENCY:
      kh_document_set_parent_agency (self, g_value_get_string (value));
      break;

    case PROP_AGENCY:
      kh_document_set_agency (self, g_value_get_string (value));
      break;

    case PROP_AGENCY_ABBREV:
      kh_document_set_agency_abbrev (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      kh_document_set_number (self, g_value_get_int (value));
      break;

    case PROP_PLACE:
      kh_document_set_place (self, g_value_get_string (value));
      break;

    case PROP_DAY:
      kh_document_set_day (self, g_value_get_int (value));
      break;

    case PROP_MONTH:
      kh_document_set_month (self, g_value_get_int (value));
      break;

    case PROP_DATE_YEAR:
      kh_document_set_date_year (self, g_value_get_int (value));
      break;

    case PROP_YEAR:
      kh_document_set_year (self, g_value_get_int (value));
      break;

    case PROP_SUMMARY:
      kh_document_set_summary (self, g_value_get_string (value));
      break;

    case PROP_SIGNER:
      kh_model_object_replace_child (KH_MODEL_OBJECT (self), (gpointer *) &self->signer, g_value_get_object (value));
      break;

    case PROP_ARCHIVE:
      kh_document_set_archive (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVE_INITIALS:
      kh_document_set_archive_initials (self, g_value_get_string (value));
      break;

    case PROP_DECISION:
      kh_document_set_decision (self, g_value_get_object (value));
      break;

    case PROP_PLAN:
      kh_document_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_document_class_init (KhDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kh_document_constructed;
  object_class->dispose = kh_document_dispose;
  object_class->finalize = kh_document_finalize;
  object_class->get_property = kh_document_get_property;
  object_class->set_property = kh_document_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Store id, 0 when not stored",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | KH_PARAM_NOT_CONTENT);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "Decision or plan",
                       KH_TYPE_DOCUMENT_KIND, KH_DOCUMENT_KIND_DECISION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, "Draft or issued",
                       KH_TYPE_DOCUMENT_STATUS, KH_DOCUMENT_STATUS_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARENT_AGENCY] =
    g_param_spec_string ("parent-agency", NULL, "The parent agency (cơ quan chủ quản), or empty",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AGENCY] =
    g_param_spec_string ("agency", NULL, "The issuing agency, upper case",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AGENCY_ABBREV] =
    g_param_spec_string ("agency-abbrev", NULL, "Abbreviation of the issuing agency, used in the symbol",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, "Document number, 0 while blank",
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, "Place name of the date line",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, "Day of issue, 0 while blank",
                      0, 31, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MONTH] =
    g_param_spec_int ("month", NULL, "Month of issue, 0 while blank",
                      0, 12, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE_YEAR] =
    g_param_spec_int ("date-year", NULL, "Year of issue",
                      0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, "The plan year",
                      0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, "The summary (trích yếu)",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SIGNER] =
    g_param_spec_object ("signer", NULL, "The signature block",
                         KH_TYPE_SIGNER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RECIPIENTS] =
    g_param_spec_object ("recipients", NULL, "The recipient lines",
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ARCHIVE] =
    g_param_spec_string ("archive", NULL, "The archive line (Lưu: ...)",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ARCHIVE_INITIALS] =
    g_param_spec_string ("archive-initials", NULL, "The drafter's initials after the archive line",
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DECISION] =
    g_param_spec_object ("decision", NULL, "The decision part, or NULL",
                         KH_TYPE_DECISION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, "The plan part, or NULL",
                         KH_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_document_init (KhDocument *self)
{
  self->kind = KH_DOCUMENT_KIND_DECISION;
  self->status = KH_DOCUMENT_STATUS_DRAFT;
  self->parent_agency = g_strdup ("");
  self->agency = g_strdup ("");
  self->agency_abbrev = g_strdup ("");
  self->place = g_strdup ("");
  self->summary = g_strdup ("");
  self->recipients = kh_model_object_create_list (KH_MODEL_OBJECT (self), KH_TYPE_RECIPIENT);
  self->archive = g_strdup ("");
  self->archive_initials = g_strdup ("");
}

KhDocument *
kh_document_new (KhDocumentKind kind)
{
  return g_object_new (KH_TYPE_DOCUMENT,
                       "kind", kind,
                       NULL);
}

/* A deep copy: every list and child object is copied too. */
KhDocument *
kh_document_copy (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return kh_model_object_copy (KH_MODEL_OBJECT (self));
}

gint64
kh_document_get_id (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), 0);

  return self->id;
}

void
kh_document_set_id (KhDocument *self,
                    gint64      id)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

KhDocumentKind
kh_document_get_kind (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), 0);

  return self->kind;
}

void
kh_document_set_kind (KhDocument     *self,
                      KhDocumentKind  kind)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (kh_enum_to_nick (KH_TYPE_DOCUMENT_KIND, kind) != NULL);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

KhDocumentStatus
kh_document_get_status (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), 0);

  return self->status;
}

void
kh_document_set_status (KhDocument       *self,
                        KhDocumentStatus  status)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (kh_enum_to_nick (KH_TYPE_DOCUMENT_STATUS, status) != NULL);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
kh_document_get_parent_agency (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->parent_agency;
}

void
kh_document_set_parent_agency (KhDocument *self,
                               const char *parent_agency)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));

  if (kh_model_object_set_string (&self->parent_agency, parent_agency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_AGENCY]);
}

const char *
kh_document_get_agency (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->agency;
}

void
kh_document_set_agency (KhDocument *self,
                        const char *agency)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));

  if (kh_model_object_set_string (&self->agency, agency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY]);
}

const char *
kh_document_get_agency_abbrev (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->agency_abbrev;
}

void
kh_document_set_agency_abbrev (KhDocument *self,
                               const char *agency_abbrev)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));

  if (kh_model_object_set_string (&self->agency_abbrev, agency_abbrev))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY_ABBREV]);
}

int
kh_document_get_number (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), 0);

  return self->number;
}

void
kh_document_set_number (KhDocument *self,
                        int         number)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (number >= 0);

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
kh_document_get_place (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->place;
}

void
kh_document_set_place (KhDocument *self,
                       const char *place)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));

  if (kh_model_object_set_string (&self->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

int
kh_document_get_day (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), 0);

  return self->day;
}

void
kh_document_set_day (KhDocument *self,
                     int         day)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (day >= 0 && day <= 31);

  if (self->day == day)
    return;

  self->day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

int
kh_document_get_month (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), 0);

  return self->month;
}

void
kh_document_set_month (KhDocument *self,
                       int         month)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (month >= 0 && month <= 12);

  if (self->month == month)
    return;

  self->month = month;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

int
kh_document_get_date_year (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), 0);

  return self->date_year;
}

void
kh_document_set_date_year (KhDocument *self,
                           int         date_year)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (date_year >= 0 && date_year <= 9999);

  if (self->date_year == date_year)
    return;

  self->date_year = date_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_YEAR]);
}

int
kh_document_get_year (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), 0);

  return self->year;
}

void
kh_document_set_year (KhDocument *self,
                      int         year)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (year >= 0 && year <= 9999);

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
kh_document_get_summary (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->summary;
}

void
kh_document_set_summary (KhDocument *self,
                         const char *summary)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));

  if (kh_model_object_set_string (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

KhSigner *
kh_document_get_signer (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->signer;
}

GListModel *
kh_document_get_recipients (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->recipients);
}

const char *
kh_document_get_archive (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->archive;
}

void
kh_document_set_archive (KhDocument *self,
                         const char *archive)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));

  if (kh_model_object_set_string (&self->archive, archive))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVE]);
}

const char *
kh_document_get_archive_initials (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->archive_initials;
}

void
kh_document_set_archive_initials (KhDocument *self,
                                  const char *archive_initials)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));

  if (kh_model_object_set_string (&self->archive_initials, archive_initials))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVE_INITIALS]);
}

KhDecision *
kh_document_get_decision (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->decision;
}

void
kh_document_set_decision (KhDocument *self,
                          KhDecision *decision)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (decision == NULL || KH_IS_DECISION (decision));

  if (kh_model_object_replace_child (KH_MODEL_OBJECT (self), (gpointer *) &self->decision, decision))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
}

KhPlan *
kh_document_get_plan (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return self->plan;
}

void
kh_document_set_plan (KhDocument *self,
                      KhPlan     *plan)
{
  g_return_if_fail (KH_IS_DOCUMENT (self));
  g_return_if_fail (plan == NULL || KH_IS_PLAN (plan));

  if (kh_model_object_replace_child (KH_MODEL_OBJECT (self), (gpointer *) &self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/* Same content, compared deeply; the store id is ignored. */
gboolean
kh_document_equal (KhDocument *a,
                   KhDocument *b)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (KH_IS_DOCUMENT (b), FALSE);

  return kh_model_object_equal (KH_MODEL_OBJECT (a), KH_MODEL_OBJECT (b));
}

/* The abbreviation of the document type, as in the symbol "QĐ-SKHCN". */
const char *
kh_document_get_type_abbrev (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  switch (self->kind)
    {
    case KH_DOCUMENT_KIND_DECISION:
      return "QĐ";
    case KH_DOCUMENT_KIND_PLAN:
      return "KH";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The title shown in lists: the summary, trimmed. */
char *
kh_document_dup_title (KhDocument *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  return g_strstrip (g_strdup (self->summary));
}

void
kh_document_add_recipient (KhDocument *self,
                           const char *text)
{
  g_autoptr(KhRecipient) recipient = NULL;

  g_return_if_fail (KH_IS_DOCUMENT (self));

  recipient = kh_recipient_new (text);
  g_list_store_append (self->recipients, recipient);
}

static void
add_text (GString    *out,
          const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, text);
}

static void
add_nodes (GString    *out,
           GListModel *nodes)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(KhNode) node = g_list_model_get_item (nodes, i);

      add_text (out, kh_node_get_title (node));
      add_text (out, kh_node_get_text (node));
      add_nodes (out, kh_node_get_children (node));
    }
}

static void
add_decision (GString    *out,
              KhDecision *decision)
{
  GListModel *bases = kh_decision_get_bases (decision);
  GListModel *articles = kh_decision_get_articles (decision);

  add_text (out, kh_decision_get_authority (decision));
  for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
    {
      g_autoptr(KhLegalBasis) basis = g_list_model_get_item (bases, i);
      GListModel *citations = kh_legal_basis_get_citations (basis);

      add_text (out, kh_legal_basis_get_group (basis));
      add_text (out, kh_legal_basis_get_text (basis));
      for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
        {
          g_autoptr(KhCitation) citation = g_list_model_get_item (citations, j);
          const char *parts[] = {
            kh_citation_get_kind (citation),
            kh_citation_get_number (citation),
            kh_citation_get_issuer (citation),
            kh_citation_get_subject (citation),
          };
          g_autoptr(GString) line = g_string_new (NULL);

          for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
            if (parts[k][0] != '\0')
              g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", parts[k]);
          add_text (out, line->str);
        }
    }
  add_text (out, kh_decision_get_proposal (decision));
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(KhArticle) article = g_list_model_get_item (articles, i);

      add_text (out, kh_article_get_title (article));
      add_nodes (out, kh_article_get_body (article));
    }
}

static void
add_plan (GString *out,
          KhPlan  *plan)
{
  GListModel *tables = kh_plan_get_tables (plan);

  add_text (out, kh_plan_get_summary (plan));
  add_nodes (out, kh_plan_get_narrative (plan));
  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(KhTaskTable) table = g_list_model_get_item (tables, i);
      GListModel *groups = kh_task_table_get_groups (table);

      add_text (out, kh_task_table_get_title (table));
      for (guint j = 0; j < g_list_model_get_n_items (groups); j++)
        {
          g_autoptr(KhTaskGroup) group = g_list_model_get_item (groups, j);
          GListModel *tasks = kh_task_group_get_tasks (group);

          add_text (out, kh_task_group_get_title (group));
          for (guint k = 0; k < g_list_model_get_n_items (tasks); k++)
            {
              g_autoptr(KhTask) task = g_list_model_get_item (tasks, k);

              add_text (out, kh_task_get_content (task));
              add_text (out, kh_task_get_product (task));
              add_text (out, kh_task_get_lead (task));
              add_text (out, kh_task_get_cooperating (task));
              add_text (out, kh_task_get_timeframe (task));
              add_text (out, kh_task_get_notes (task));
            }
        }
    }
}

/* Every text of the document, one per line, empty ones skipped: what the
 * full-text search indexes. */
char *
kh_document_dup_search_text (KhDocument *self)
{
  GString *out;

  g_return_val_if_fail (KH_IS_DOCUMENT (self), NULL);

  out = g_string_new (NULL);
  add_text (out, self->summary);
  add_text (out, self->parent_agency);
  add_text (out, self->agency);
  add_text (out, self->agency_abbrev);
  add_text (out, self->place);
  if (self->decision != NULL)
    add_decision (out, self->decision);
  if (self->plan != NULL)
    add_plan (out, self->plan);
  add_text (out, kh_signer_get_title (self->signer));
  add_text (out, kh_signer_get_name (self->signer));

  return g_string_free (out, FALSE);
}
