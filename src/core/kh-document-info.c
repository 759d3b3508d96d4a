/* kh-document-info.c — one row of the document library */
#include "kh-document-info.h"

struct _KhDocumentInfo
{
  GObject parent_instance;

  gint64 id;
  KhDocumentKind kind;
  char *title;
  int year;
  KhDocumentStatus status;
  gint64 modified;
};

G_DEFINE_FINAL_TYPE (KhDocumentInfo, kh_document_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_YEAR,
  PROP_STATUS,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_document_info_finalize (GObject *object)
{
  KhDocumentInfo *self = KH_DOCUMENT_INFO (object);

  g_free (self->title);

  G_OBJECT_CLASS (kh_document_info_parent_class)->finalize (object);
}

static void
kh_document_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KhDocumentInfo *self = KH_DOCUMENT_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_document_info_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KhDocumentInfo *self = KH_DOCUMENT_INFO (object);

  /* All properties are construct-only: no notification is ever due. */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    case PROP_MODIFIED:
      self->modified = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_document_info_class_init (KhDocumentInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = kh_document_info_finalize;
  object_class->get_property = kh_document_info_get_property;
  object_class->set_property = kh_document_info_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KH_TYPE_DOCUMENT_KIND,
                       KH_DOCUMENT_KIND_DECISION, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KH_TYPE_DOCUMENT_STATUS,
                       KH_DOCUMENT_STATUS_DRAFT, flags);
  properties[PROP_MODIFIED] =
    g_param_spec_int64 ("modified", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_document_info_init (KhDocumentInfo *self)
{
  self->title = g_strdup ("");
}

KhDocumentInfo *
kh_document_info_new (gint64            id,
                      KhDocumentKind    kind,
                      const char       *title,
                      int               year,
                      KhDocumentStatus  status,
                      gint64            modified)
{
  return g_object_new (KH_TYPE_DOCUMENT_INFO,
                       "id", id,
                       "kind", kind,
                       "title", title ? title : "",
                       "year", CLAMP (year, 0, 9999),
                       "status", status,
                       "modified", modified,
                       NULL);
}

gint64
kh_document_info_get_id (KhDocumentInfo *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_INFO (self), 0);
  return self->id;
}

KhDocumentKind
kh_document_info_get_kind (KhDocumentInfo *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_INFO (self), KH_DOCUMENT_KIND_DECISION);
  return self->kind;
}

const char *
kh_document_info_get_title (KhDocumentInfo *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_INFO (self), NULL);
  return self->title;
}

int
kh_document_info_get_year (KhDocumentInfo *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_INFO (self), 0);
  return self->year;
}

KhDocumentStatus
kh_document_info_get_status (KhDocumentInfo *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_INFO (self), KH_DOCUMENT_STATUS_DRAFT);
  return self->status;
}

gint64
kh_document_info_get_modified (KhDocumentInfo *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_INFO (self), 0);
  return self->modified;
}

GDateTime *
kh_document_info_dup_modified_date_time (KhDocumentInfo *self)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (KH_IS_DOCUMENT_INFO (self), NULL);

  utc = g_date_time_new_from_unix_utc (self->modified / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  return g_date_time_to_local (utc);
}
