/* kh-document-io.h — the .kehoach file format (see FORMAT.md)
 *
 * One serializer for both the .kehoach files and the store's documents.body:
 * kh_document_serialize() gives the whole file text, deterministic, so that a
 * second export of an imported file is byte-identical to the first.
 * kh_document_deserialize() either returns a complete document or fails with
 * a KH_FORMAT_ERROR naming the JSON path of the problem.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kh-document.h"

G_BEGIN_DECLS

#define KH_FORMAT_VERSION 1

/* Files larger than this are refused before parsing. */
#define KH_FORMAT_MAX_SIZE (32 * 1024 * 1024)

#define KH_FORMAT_ERROR (kh_format_error_quark ())

typedef enum {
  KH_FORMAT_ERROR_INVALID_JSON,    /* not JSON, not UTF-8, or truncated */
  KH_FORMAT_ERROR_NOT_KEHOACH,     /* JSON, but "format" is not "kehoach" */
  KH_FORMAT_ERROR_FUTURE_VERSION,  /* written by a newer version */
  KH_FORMAT_ERROR_INVALID,         /* a member is missing or of the wrong type or range */
  KH_FORMAT_ERROR_TOO_LARGE,       /* more than KH_FORMAT_MAX_SIZE bytes */
} KhFormatError;

GQuark      kh_format_error_quark          (void);

char       *kh_document_serialize          (KhDocument    *doc);
KhDocument *kh_document_deserialize        (const char    *data,
                                            gssize         length,
                                            GError       **error);

/* The "document" object alone, for the store (documents.body) */
JsonNode   *kh_document_to_json            (KhDocument    *doc);
KhDocument *kh_document_from_json          (JsonNode      *node,
                                            GError       **error);

KhDocument *kh_document_load_file          (GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean    kh_document_save_file          (KhDocument    *doc,
                                            GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
