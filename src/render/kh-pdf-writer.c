/* kh-pdf-writer.c — a small PDF 1.5 writer for pages of positioned glyphs and rules
 *
 * Written for speed on the printable document: cairo 1.16's PDF surface
 * records, analyses and replays every call, splits Vietnamese text over two
 * font subsets and prints every number with printf. Here each TrueType face
 * becomes one Type0/CIDFontType2 font whose CIDs are the glyph ids, each
 * show one BT…ET with TJ arrays of 2-byte glyph ids, and numbers are
 * formatted by hand. Fonts are subset by keeping the glyph ids: only 'glyf' and 'loca'
 * are rewritten, holding the glyphs used and the components of composite
 * glyphs.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

#include "kh-pdf-writer.h"

/* Objects written by finish, numbered up front so pages can point at them */
enum {
  OBJ_CATALOG = 1,
  OBJ_PAGES,
  OBJ_RESOURCES,
  OBJ_INFO,
  OBJ_FIRST_FREE
};

/* Positions closer than this (pt) are the same position. */
#define POS_EPS 0.001
/* A glyph closer than this (in 1/1000 em, 0.013 pt at 13 pt) to where the
 * previous glyph's advance leaves the pen needs no TJ adjustment. Pango
 * rounds each advance to 1/1024 pt, so a tighter tolerance would adjust
 * every few glyphs; cairo uses the same one. */
#define ADVANCE_EPS 1.0

typedef struct {
  hb_blob_t  *blob;
  const guint8 *data;
  guint       len;
} Table;

/* One embedded TrueType face: a Type0 font of any size. */
typedef struct {
  hb_face_t  *face;
  guint       index;        /* resource name /F<index> */
  Table       head, hhea, maxp, hmtx, loca, glyf;
  guint       num_glyphs;
  guint       upem;
  guint       n_hmetrics;
  gboolean    long_loca;
  double      italic_angle;
  double     *advance;      /* per glyph: in 1/1000 em, as /W gives it */
  guint8     *used;         /* per glyph: shown */
  char      **text;         /* per glyph: its ToUnicode text, or NULL */
} PdfFont;

/* What a PangoFont is to the writer: a face at a size, or refused (font NULL). */
typedef struct {
  PdfFont *font;
  double   size;
} FontUse;

struct _KhPdfWriter
{
  GObject          parent_instance;

  GString         *out;         /* the file so far */
  GArray          *offsets;     /* guint64 per object number; [0] unused */
  GArray          *pages;       /* guint, page object numbers */
  GPtrArray       *fonts;       /* PdfFont */
  GHashTable      *font_by_face;/* hb_face_t → PdfFont */
  GHashTable      *uses;        /* PangoFont (ref) → FontUse */
  GString         *content;     /* the current page's content stream */
  GString         *path;        /* segments waiting for a stroke */
  GZlibCompressor *zlib;
  GByteArray      *zbuf;
  double           page_width, page_height;
  gboolean         in_page, finished;
  GError          *error;       /* the first failure, reported by finish */

  /* the show being written */
  PdfFont         *cur_font;
  double           cur_size, pen_x;
  double           line_x, line_y;  /* the start of the text line, as written */
  gboolean         have_line, in_array, in_string;

  char            *title, *author, *creator, *lang;
  GDateTime       *created;
};

G_DEFINE_FINAL_TYPE (KhPdfWriter, kh_pdf_writer, G_TYPE_OBJECT)

static const char hex_digits[] = "0123456789ABCDEF";

static inline guint
be16 (const guint8 *p)
{
  return (guint) p[0] << 8 | p[1];
}

static inline guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static inline void
put16 (guint8 *p,
       guint   v)
{
  p[0] = v >> 8;
  p[1] = v;
}

static inline void
put32 (guint8  *p,
       guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* Numbers: three decimals at most, no exponent, no trailing zeros; printf
 * per number was most of cairo's time. */
static void
append_num (GString *s,
            double   v)
{
  char buf[32];
  char *p = buf + sizeof buf;
  gint64 m = (gint64) (v * 1000 + (v < 0 ? -0.5 : 0.5));
  gboolean negative = m < 0;
  guint64 u = negative ? (guint64) -m : (guint64) m;
  guint64 ip = u / 1000, fp = u % 1000;

  if (fp != 0)
    {
      int digits = 3;

      while (fp % 10 == 0)
        {
          fp /= 10;
          digits--;
        }
      while (digits-- > 0)
        {
          *--p = '0' + fp % 10;
          fp /= 10;
        }
      *--p = '.';
    }
  do
    {
      *--p = '0' + ip % 10;
      ip /= 10;
    }
  while (ip != 0);
  if (negative && u != 0)
    *--p = '-';
  g_string_append_len (s, p, buf + sizeof buf - p);
}

/* The value append_num writes. */
static inline double
written_num (double v)
{
  return (double) (gint64) (v * 1000 + (v < 0 ? -0.5 : 0.5)) / 1000;
}

static void
append_uint (GString *s,
             guint64  v)
{
  char buf[24];
  char *p = buf + sizeof buf;

  do
    {
      *--p = '0' + v % 10;
      v /= 10;
    }
  while (v != 0);
  g_string_append_len (s, p, buf + sizeof buf - p);
}

static void
append_hex16 (GString *s,
              guint    v)
{
  char buf[4] = {
    hex_digits[(v >> 12) & 15], hex_digits[(v >> 8) & 15],
    hex_digits[(v >> 4) & 15], hex_digits[v & 15],
  };

  g_string_append_len (s, buf, 4);
}

/* A glyph id as the two bytes of a literal string, written in place: the
 * one call per glyph. Half the size of hex, so half the deflating. */
static inline void
append_glyph (GString *s,
              guint    glyph)
{
  char *p;

  if (G_UNLIKELY (s->len + 5 > s->allocated_len))
    {
      gsize len = s->len;

      g_string_set_size (s, len + 5);
      g_string_truncate (s, len);
    }
  p = s->str + s->len;
  for (int i = 0; i < 2; i++)
    {
      guint8 byte = i == 0 ? glyph >> 8 : glyph;

      /* A bare CR in a string would be read as a line feed */
      if (G_UNLIKELY (byte == '(' || byte == ')' || byte == '\\' || byte == '\r'))
        {
          *p++ = '\\';
          byte = byte == '\r' ? 'r' : byte;
        }
      *p++ = byte;
    }
  *p = '\0';
  s->len = p - s->str;
}

/* A PDF text string: UTF-16BE with a byte order mark, in hex. */
static void
append_text_string (GString    *s,
                    const char *utf8,
                    gssize      len)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;

  utf16 = g_utf8_to_utf16 (utf8, len, NULL, &n, NULL);
  g_string_append (s, "<FEFF");
  for (glong i = 0; utf16 != NULL && i < n; i++)
    append_hex16 (s, utf16[i]);
  g_string_append_c (s, '>');
}

/* Fonts */

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->blob, hb_blob_destroy);
}

static void
pdf_font_free (gpointer data)
{
  PdfFont *font = data;

  table_clear (&font->head);
  table_clear (&font->hhea);
  table_clear (&font->maxp);
  table_clear (&font->hmtx);
  table_clear (&font->loca);
  table_clear (&font->glyf);
  for (guint i = 0; font->text != NULL && i < font->num_glyphs; i++)
    g_free (font->text[i]);
  g_free (font->text);
  g_free (font->used);
  g_free (font->advance);
  hb_face_destroy (font->face);
  g_free (font);
}

static void
table_load (Table      *table,
            hb_face_t  *face,
            const char *tag)
{
  unsigned int len = 0;

  table->blob = hb_face_reference_table (face, hb_tag_from_string (tag, 4));
  table->data = (const guint8 *) hb_blob_get_data (table->blob, &len);
  table->len = table->data != NULL ? len : 0;
}

static gboolean
face_has_table (hb_face_t  *face,
                const char *tag)
{
  hb_blob_t *blob = hb_face_reference_table (face, hb_tag_from_string (tag, 4));
  gboolean has = hb_blob_get_length (blob) > 0;

  hb_blob_destroy (blob);
  return has;
}

/* NULL when the face is no TrueType font this writer can subset. */
static PdfFont *
pdf_font_new (hb_face_t *face)
{
  PdfFont *font = g_new0 (PdfFont, 1);
  guint loca_entries;

  font->face = hb_face_reference (face);
  table_load (&font->head, face, "head");
  table_load (&font->hhea, face, "hhea");
  table_load (&font->maxp, face, "maxp");
  table_load (&font->hmtx, face, "hmtx");
  table_load (&font->loca, face, "loca");
  table_load (&font->glyf, face, "glyf");

  /* Variable fonts would need their instance drawn, not the default one;
   * colour fonts their colours */
  if (font->head.len < 54 || font->hhea.len < 36 || font->maxp.len < 6 || font->glyf.len == 0
      || face_has_table (face, "fvar") || face_has_table (face, "COLR") || face_has_table (face, "CBDT")
      || face_has_table (face, "sbix") || face_has_table (face, "SVG "))
    goto refuse;
  font->upem = be16 (font->head.data + 18);
  font->long_loca = be16 (font->head.data + 50) != 0;
  font->num_glyphs = be16 (font->maxp.data + 4);
  font->n_hmetrics = be16 (font->hhea.data + 34);
  loca_entries = font->loca.len / (font->long_loca ? 4 : 2);
  if (font->upem < 16 || font->num_glyphs == 0 || font->n_hmetrics == 0
      || font->n_hmetrics > font->num_glyphs || font->hmtx.len < font->n_hmetrics * 4
      || loca_entries < font->num_glyphs + 1)
    goto refuse;

  {
    hb_blob_t *post = hb_face_reference_table (face, HB_TAG ('p', 'o', 's', 't'));
    unsigned int len = 0;
    const guint8 *data = (const guint8 *) hb_blob_get_data (post, &len);

    /* A 16.16 fixed-point number */
    if (data != NULL && len >= 8)
      font->italic_angle = (gint32) be32 (data + 4) / 65536.0;
    hb_blob_destroy (post);
  }

  font->advance = g_new (double, font->num_glyphs);
  for (guint g = 0; g < font->num_glyphs; g++)
    font->advance[g] = written_num (be16 (font->hmtx.data + MIN (g, font->n_hmetrics - 1) * 4)
                                    * 1000.0 / font->upem);
  font->used = g_new0 (guint8, font->num_glyphs);
  font->text = g_new0 (char *, font->num_glyphs);
  return font;

refuse:
  pdf_font_free (font);
  return NULL;
}


/* Where a glyph's outline is in 'glyf'; FALSE when it has none. */
static gboolean
pdf_font_glyph_range (const PdfFont *font,
                      guint          glyph,
                      guint         *start,
                      guint         *end)
{
  if (font->long_loca)
    {
      *start = be32 (font->loca.data + glyph * 4);
      *end = be32 (font->loca.data + glyph * 4 + 4);
    }
  else
    {
      *start = be16 (font->loca.data + glyph * 2) * 2;
      *end = be16 (font->loca.data + glyph * 2 + 2) * 2;
    }
  return *start < *end && *end <= font->glyf.len;
}

/* Marks the glyphs a composite glyph is built of, and theirs. */
static void
mark_components (const PdfFont *font,
                 guint8        *keep,
                 guint          glyph,
                 int            depth)
{
  guint start, end, flags, p;

  if (depth > 16 || !pdf_font_glyph_range (font, glyph, &start, &end) || end - start < 10
      || (gint16) be16 (font->glyf.data + start) >= 0)
    return;
  p = start + 10;
  do
    {
      guint component;

      if (p + 4 > end)
        return;
      flags = be16 (font->glyf.data + p);
      component = be16 (font->glyf.data + p + 2);
      p += 4 + ((flags & 0x0001) ? 4 : 2);     /* ARG_1_AND_2_ARE_WORDS */
      if (flags & 0x0008)                     /* WE_HAVE_A_SCALE */
        p += 2;
      else if (flags & 0x0040)                /* WE_HAVE_AN_X_AND_Y_SCALE */
        p += 4;
      else if (flags & 0x0080)                /* WE_HAVE_A_TWO_BY_TWO */
        p += 8;
      if (component < font->num_glyphs && !keep[component])
        {
          keep[component] = 1;
          mark_components (font, keep, component, depth + 1);
        }
    }
  while (flags & 0x0020);                     /* MORE_COMPONENTS */
}

static guint32
table_checksum (const guint8 *data,
                gsize         len)
{
  guint32 sum = 0;
  gsize i;

  for (i = 0; i + 4 <= len; i += 4)
    sum += be32 (data + i);
  if (i < len)
    {
      guint8 last[4] = { 0 };

      memcpy (last, data + i, len - i);
      sum += be32 (last);
    }
  return sum;
}

typedef struct {
  const char   *tag;
  const guint8 *data;
  gsize         len;
} SfntTable;

static void
add_table (SfntTable    *tables,
           guint        *n_tables,
           const char   *tag,
           const guint8 *data,
           gsize         len)
{
  if (len > 0)
    tables[(*n_tables)++] = (SfntTable) { tag, data, len };
}

/* The face with the same glyph ids, holding only the outlines of the glyphs
 * shown and of their components; others are empty. */
static GBytes *
pdf_font_subset (const PdfFont *font)
{
  g_autofree guint8 *keep = g_memdup2 (font->used, font->num_glyphs);
  g_autoptr(GByteArray) glyf = g_byte_array_new ();
  g_autofree guint8 *loca = g_new (guint8, (font->num_glyphs + 1) * 4);
  g_autofree guint8 *head = g_memdup2 (font->head.data, font->head.len);
  guint8 post[32];
  static const guint8 zeros[4] = { 0 };
  Table cvt = { 0 }, fpgm = { 0 }, prep = { 0 }, os2 = { 0 }, name = { 0 }, post_src = { 0 };
  SfntTable tables[12];
  guint n_tables = 0, search = 1, selector = 0;
  GByteArray *out;
  gsize offset;

  keep[0] = 1;    /* .notdef */
  for (guint g = 0; g < font->num_glyphs; g++)
    if (font->used[g])
      mark_components (font, keep, g, 0);

  for (guint g = 0; g < font->num_glyphs; g++)
    {
      guint start, end;

      put32 (loca + g * 4, glyf->len);
      if (keep[g] && pdf_font_glyph_range (font, g, &start, &end))
        {
          g_byte_array_append (glyf, font->glyf.data + start, end - start);
          g_byte_array_append (glyf, zeros, (4 - glyf->len % 4) % 4);
        }
    }
  put32 (loca + font->num_glyphs * 4, glyf->len);

  put32 (head + 8, 0);          /* checkSumAdjustment, set below */
  put16 (head + 50, 1);         /* indexToLocFormat: long offsets */

  table_load (&cvt, font->face, "cvt ");
  table_load (&fpgm, font->face, "fpgm");
  table_load (&prep, font->face, "prep");
  table_load (&os2, font->face, "OS/2");
  table_load (&name, font->face, "name");
  table_load (&post_src, font->face, "post");

  /* Sorted by tag, as the table directory must be */
  add_table (tables, &n_tables, "OS/2", os2.data, os2.len);
  add_table (tables, &n_tables, "cvt ", cvt.data, cvt.len);
  add_table (tables, &n_tables, "fpgm", fpgm.data, fpgm.len);
  add_table (tables, &n_tables, "glyf", glyf->data, glyf->len);
  add_table (tables, &n_tables, "head", head, font->head.len);
  add_table (tables, &n_tables, "hhea", font->hhea.data, font->hhea.len);
  add_table (tables, &n_tables, "hmtx", font->hmtx.data, font->hmtx.len);
  add_table (tables, &n_tables, "loca", loca, (font->num_glyphs + 1) * 4);
  add_table (tables, &n_tables, "maxp", font->maxp.data, font->maxp.len);
  add_table (tables, &n_tables, "name", name.data, name.len);
  if (post_src.len >= 32)
    {
      /* Version 3: no glyph names, which are most of the table */
      memcpy (post, post_src.data, 32);
      put32 (post, 0x00030000);
      add_table (tables, &n_tables, "post", post, 32);
    }
  add_table (tables, &n_tables, "prep", prep.data, prep.len);

  while (search * 2 <= n_tables)
    {
      search *= 2;
      selector++;
    }
  out = g_byte_array_sized_new (12 + 16 * n_tables + glyf->len + 65536);
  g_byte_array_set_size (out, 12 + 16 * n_tables);
  put32 (out->data, 0x00010000);
  put16 (out->data + 4, n_tables);
  put16 (out->data + 6, search * 16);
  put16 (out->data + 8, selector);
  put16 (out->data + 10, n_tables * 16 - search * 16);
  offset = out->len;
  for (guint i = 0; i < n_tables; i++)
    {
      guint8 *record = out->data + 12 + 16 * i;

      memcpy (record, tables[i].tag, 4);
      put32 (record + 4, table_checksum (tables[i].data, tables[i].len));
      put32 (record + 8, offset);
      put32 (record + 12, tables[i].len);
      g_byte_array_append (out, tables[i].data, tables[i].len);
      g_byte_array_append (out, zeros, (4 - out->len % 4) % 4);
      offset = out->len;
    }
  for (guint i = 0; i < n_tables; i++)
    if (memcmp (out->data + 12 + 16 * i, "head", 4) == 0)
      put32 (out->data + be32 (out->data + 12 + 16 * i + 8) + 8,
             0xB1B0AFBA - table_checksum (out->data, out->len));

  table_clear (&cvt);
  table_clear (&fpgm);
  table_clear (&prep);
  table_clear (&os2);
  table_clear (&name);
  table_clear (&post_src);
  return g_byte_array_free_to_bytes (out);
}

/* The PostScript name (name ID 6), as a PDF name may hold it. */
static char *
pdf_font_ps_name (const PdfFont *font)
{
  Table name = { 0 };
  GString *result = g_string_new (NULL);

  table_load (&name, font->face, "name");
  if (name.len >= 6)
    {
      guint count = be16 (name.data + 2), strings = be16 (name.data + 4);

      for (guint i = 0; i < count && 6 + (i + 1) * 12 <= name.len && result->len == 0; i++)
        {
          const guint8 *record = name.data + 6 + i * 12;
          guint platform = be16 (record), id = be16 (record + 6);
          guint len = be16 (record + 8), start = strings + be16 (record + 10);
          gboolean utf16 = platform == 0 || platform == 3;

          if (id != 6 || start + len > name.len || (platform != 1 && !utf16))
            continue;
          for (guint k = utf16 ? 1 : 0; k < len; k += utf16 ? 2 : 1)
            {
              guint8 c = name.data[start + k];

              if (c > 32 && c < 127 && strchr ("[](){}<>/%#", c) == NULL)
                g_string_append_c (result, c);
            }
        }
    }
  table_clear (&name);
  if (result->len == 0)
    g_string_append (result, "Font");
  return g_string_free (result, FALSE);
}

/* Whether Pango draws the font as its outlines: no fontconfig embolden
 * or slant matrix, an upright unskewed size. */
static gboolean
font_use_init (FontUse   *use,
               PangoFont *font)
{
  cairo_scaled_font_t *scaled;
  cairo_matrix_t matrix;
  FcPattern *pattern;
  FcBool embolden = FcFalse;
  FcMatrix *fc_matrix = NULL;

  if (!PANGO_IS_CAIRO_FONT (font) || !PANGO_IS_FC_FONT (font))
    return FALSE;
  pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (font));
  if (pattern == NULL
      || (FcPatternGetBool (pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden)
      || (FcPatternGetMatrix (pattern, FC_MATRIX, 0, &fc_matrix) == FcResultMatch
          && (fc_matrix->xx != 1 || fc_matrix->yy != 1 || fc_matrix->xy != 0 || fc_matrix->yx != 0)))
    return FALSE;
  scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  if (scaled == NULL || cairo_scaled_font_status (scaled) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  cairo_scaled_font_get_font_matrix (scaled, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx != matrix.yy || !(matrix.xx > 0))
    return FALSE;
  use->size = matrix.xx;
  return TRUE;
}

static FontUse *
writer_font_use (KhPdfWriter *self,
                 PangoFont   *font)
{
  FontUse *use = g_hash_table_lookup (self->uses, font);
  hb_font_t *hb_font;
  hb_face_t *face;

  if (use != NULL)
    return use;
  use = g_new0 (FontUse, 1);
  g_hash_table_insert (self->uses, g_object_ref (font), use);
  if (!font_use_init (use, font) || (hb_font = pango_font_get_hb_font (font)) == NULL)
    return use;
  face = hb_font_get_face (hb_font);
  use->font = g_hash_table_lookup (self->font_by_face, face);
  if (use->font == NULL)
    {
      use->font = pdf_font_new (face);
      if (use->font == NULL)
        return use;
      use->font->index = self->fonts->len;
      g_ptr_array_add (self->fonts, use->font);
      g_hash_table_insert (self->font_by_face, face, use->font);
    }
  return use;
}

/* The object */

static void
kh_pdf_writer_finalize (GObject *object)
{
  KhPdfWriter *self = KH_PDF_WRITER (object);

  g_hash_table_unref (self->uses);
  g_hash_table_unref (self->font_by_face);
  g_ptr_array_unref (self->fonts);
  g_array_unref (self->offsets);
  g_array_unref (self->pages);
  g_string_free (self->out, TRUE);
  g_string_free (self->content, TRUE);
  g_string_free (self->path, TRUE);
  g_byte_array_unref (self->zbuf);
  g_object_unref (self->zlib);
  g_free (self->title);
  g_free (self->author);
  g_free (self->creator);
  g_free (self->lang);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kh_pdf_writer_parent_class)->finalize (object);
}

static void
kh_pdf_writer_class_init (KhPdfWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_pdf_writer_finalize;
}

static void
kh_pdf_writer_init (KhPdfWriter *self)
{
  guint64 none = 0;

  self->out = g_string_sized_new (1 << 20);
  self->offsets = g_array_new (FALSE, TRUE, sizeof (guint64));
  for (guint i = 0; i < OBJ_FIRST_FREE; i++)
    g_array_append_val (self->offsets, none);
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->fonts = g_ptr_array_new_with_free_func (pdf_font_free);
  self->font_by_face = g_hash_table_new (NULL, NULL);
  self->uses = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->content = g_string_sized_new (1 << 16);
  self->path = g_string_new (NULL);
  /* Level 3: on the content of the 1,000-task plan as fast as level 1
   * and 3% smaller; level 6 is 10% smaller at nearly twice the time. */
  self->zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 3);
  self->zbuf = g_byte_array_new ();
  /* A PDF 1.5 header, and bytes above 127 so that tools treat the file as binary */
  g_string_append (self->out, "%PDF-1.5\n%\xc2\xb5\xc2\xb6\n");
}

KhPdfWriter *
kh_pdf_writer_new (void)
{
  return g_object_new (KH_TYPE_PDF_WRITER, NULL);
}

void
kh_pdf_writer_set_info (KhPdfWriter *self,
                        const char  *title,
                        const char  *author,
                        const char  *creator,
                        GDateTime   *created,
                        const char  *lang)
{
  g_return_if_fail (KH_IS_PDF_WRITER (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->author);
  self->author = g_strdup (author);
  g_free (self->creator);
  self->creator = g_strdup (creator);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created != NULL ? g_date_time_ref (created) : NULL;
  g_free (self->lang);
  self->lang = g_strdup (lang);
}

/* Objects */

static guint
new_object (KhPdfWriter *self)
{
  guint64 none = 0;

  g_array_append_val (self->offsets, none);
  return self->offsets->len - 1;
}

static void
begin_object (KhPdfWriter *self,
              guint        number)
{
  g_array_index (self->offsets, guint64, number) = self->out->len;
  append_uint (self->out, number);
  g_string_append (self->out, " 0 obj\n");
}

static gboolean
deflate_bytes (KhPdfWriter *self,
               const void  *data,
               gsize        len,
               GError     **error)
{
  gsize read_total = 0;

  g_converter_reset (G_CONVERTER (self->zlib));
  g_byte_array_set_size (self->zbuf, 0);
  for (;;)
    {
      gsize room = MAX (len / 2, 4096), bytes_read = 0, bytes_written = 0, at = self->zbuf->len;
      GConverterResult result;

      g_byte_array_set_size (self->zbuf, at + room);
      result = g_converter_convert (G_CONVERTER (self->zlib),
                                    (const guint8 *) data + read_total, len - read_total,
                                    self->zbuf->data + at, room, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, error);
      if (result == G_CONVERTER_ERROR)
        return FALSE;
      read_total += bytes_read;
      g_byte_array_set_size (self->zbuf, at + bytes_written);
      if (result == G_CONVERTER_FINISHED)
        return TRUE;
    }
}

/* A stream object; dict holds the entries besides /Length and /Filter. */
static gboolean
write_stream (KhPdfWriter *self,
              guint        number,
              const char  *dict,
              const void  *data,
              gsize        len,
              GError     **error)
{
  if (!deflate_bytes (self, data, len, error))
    return FALSE;
  begin_object (self, number);
  g_string_append (self->out, "<< /Length ");
  append_uint (self->out, self->zbuf->len);
  g_string_append (self->out, " /Filter /FlateDecode ");
  g_string_append (self->out, dict);
  g_string_append (self->out, ">>\nstream\n");
  g_string_append_len (self->out, (const char *) self->zbuf->data, self->zbuf->len);
  g_string_append (self->out, "\nendstream\nendobj\n");
  return TRUE;
}

/* Pages */

void
kh_pdf_writer_begin_page (KhPdfWriter *self,
                          double       width,
                          double       height)
{
  g_return_if_fail (KH_IS_PDF_WRITER (self));
  g_return_if_fail (!self->finished);
  g_return_if_fail (isfinite (width) && width > 0 && isfinite (height) && height > 0);

  if (self->in_page)
    kh_pdf_writer_end_page (self);
  self->in_page = TRUE;
  self->page_width = width;
  self->page_height = height;
  g_string_truncate (self->content, 0);
  g_string_truncate (self->path, 0);
}

static void
close_array (KhPdfWriter *self)
{
  if (self->in_string)
    g_string_append_c (self->content, ')');
  if (self->in_array)
    g_string_append (self->content, "]TJ\n");
  self->in_string = self->in_array = FALSE;
}

/* One glyph at (x, y), pt, y down. */
static void
show_glyph (KhPdfWriter *self,
            guint        glyph,
            double       x,
            double       y)
{
  GString *s = self->content;
  double py = self->page_height - y, dx = x - self->pen_x;

  /* A new line, or a jump too far for a TJ adjustment to read well: Td
   * from the previous line's start (from the origin in a new BT), which
   * is shorter than a Tm and, its rounding taken into account, as exact */
  if (!self->have_line || fabs (py - self->line_y) > POS_EPS
      || dx < -self->cur_size || dx > 4 * self->cur_size)
    {
      double tx = written_num (x - self->line_x), ty = written_num (py - self->line_y);

      close_array (self);
      append_num (s, tx);
      g_string_append_c (s, ' ');
      append_num (s, ty);
      g_string_append (s, " Td\n");
      self->line_x += tx;
      self->line_y += ty;
      self->pen_x = self->line_x;
      self->have_line = TRUE;
    }
  else if (fabs (dx) * 1000 > ADVANCE_EPS * self->cur_size)
    {
      /* In thousandths of the size, positive moving left */
      double adjust = written_num (-dx * 1000 / self->cur_size);

      if (self->in_string)
        g_string_append_c (s, ')');
      self->in_string = FALSE;
      if (!self->in_array)
        g_string_append_c (s, '[');
      self->in_array = TRUE;
      append_num (s, adjust);
      self->pen_x -= adjust * self->cur_size / 1000;
    }
  if (!self->in_array)
    g_string_append_c (s, '[');
  if (!self->in_string)
    g_string_append_c (s, '(');
  self->in_array = self->in_string = TRUE;
  append_glyph (s, glyph);
  self->pen_x += self->cur_font->advance[glyph] * self->cur_size / 1000;
}

/* The glyphs of a cluster: text[0, len) shown by glyphs[0, n). */
static void
show_cluster (KhPdfWriter         *self,
            const char          *text,
            int                  len,
            const cairo_glyph_t *glyphs,
            int                  n)
{
  PdfFont *font = self->cur_font;
  gboolean mapped = FALSE;

  /* A glyph's ToUnicode entry is the text it first stood for alone */
  if (n == 1 && len > 0 && len <= 64)
    {
      char **entry = &font->text[glyphs[0].index];

      if (*entry == NULL)
        *entry = g_strndup (text, len);
      mapped = strncmp (*entry, text, len) == 0 && (*entry)[len] == '\0';
    }

  if (!mapped)
    {
      close_array (self);
      g_string_append (self->content, "/Span <</ActualText ");
      append_text_string (self->content, text, len);
      g_string_append (self->content, ">> BDC\n");
    }
  for (int i = 0; i < n; i++)
    {
      font->used[glyphs[i].index] = 1;
      show_glyph (self, glyphs[i].index, glyphs[i].x, glyphs[i].y);
    }
  if (!mapped)
    {
      close_array (self);
      g_string_append (self->content, "EMC\n");
    }
}

gboolean
kh_pdf_writer_show_glyphs (KhPdfWriter                *self,
                           PangoFont                  *font,
                           const char                 *utf8,
                           int                         utf8_len,
                           const cairo_glyph_t        *glyphs,
                           int                         n_glyphs,
                           const cairo_text_cluster_t *clusters,
                           int                         n_clusters)
{
  FontUse *use;
  int text_at = 0, glyph_at = 0;

  g_return_val_if_fail (KH_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (PANGO_IS_FONT (font), FALSE);
  g_return_val_if_fail (self->in_page, FALSE);

  if (utf8_len < 0)
    utf8_len = utf8 != NULL ? strlen (utf8) : 0;
  use = writer_font_use (self, font);
  if (use->font == NULL || !g_utf8_validate_len (utf8, utf8_len, NULL))
    return FALSE;
  for (int i = 0; i < n_glyphs; i++)
    if (glyphs[i].index >= use->font->num_glyphs || !isfinite (glyphs[i].x) || !isfinite (glyphs[i].y))
      return FALSE;
  for (int i = 0; i < n_clusters; i++)
    {
      if (clusters[i].num_bytes < 0 || clusters[i].num_glyphs < 0)
        return FALSE;
      text_at += clusters[i].num_bytes;
      glyph_at += clusters[i].num_glyphs;
    }
  if (text_at != utf8_len || glyph_at != n_glyphs)
    return FALSE;
  if (n_glyphs == 0)
    return TRUE;

  self->cur_font = use->font;
  self->cur_size = use->size;
  self->have_line = self->in_array = self->in_string = FALSE;
  /* BT starts the text line at the origin */
  self->line_x = self->line_y = self->pen_x = 0;
  g_string_append (self->content, "BT\n/F");
  append_uint (self->content, use->font->index);
  g_string_append_c (self->content, ' ');
  append_num (self->content, use->size);
  g_string_append (self->content, " Tf\n");

  /* A cluster without glyphs (Pango's line-final space, which it does
   * not draw) is left out, as cairo does: a reader finds no text where
   * nothing is drawn. */
  text_at = glyph_at = 0;
  for (int i = 0; i < n_clusters; i++)
    {
      if (clusters[i].num_glyphs > 0)
        show_cluster (self, utf8 + text_at, clusters[i].num_bytes, glyphs + glyph_at, clusters[i].num_glyphs);
      text_at += clusters[i].num_bytes;
      glyph_at += clusters[i].num_glyphs;
    }
  close_array (self);
  g_string_append (self->content, "ET\n");
  return TRUE;
}

void
kh_pdf_writer_line (KhPdfWriter *self,
                    double       x0,
                    double       y0,
                    double       x1,
                    double       y1)
{
  g_return_if_fail (KH_IS_PDF_WRITER (self));
  g_return_if_fail (self->in_page);

  if (!isfinite (x0) || !isfinite (y0) || !isfinite (x1) || !isfinite (y1))
    return;
  append_num (self->path, x0);
  g_string_append_c (self->path, ' ');
  append_num (self->path, self->page_height - y0);
  g_string_append (self->path, " m ");
  append_num (self->path, x1);
  g_string_append_c (self->path, ' ');
  append_num (self->path, self->page_height - y1);
  g_string_append (self->path, " l\n");
}

void
kh_pdf_writer_stroke (KhPdfWriter *self,
                      double       line_width,
                      gboolean     square_caps)
{
  g_return_if_fail (KH_IS_PDF_WRITER (self));
  g_return_if_fail (self->in_page);
  g_return_if_fail (isfinite (line_width) && line_width >= 0);

  if (self->path->len == 0)
    return;
  append_num (self->content, line_width);
  g_string_append (self->content, square_caps ? " w 2 J\n" : " w 0 J\n");
  g_string_append_len (self->content, self->path->str, self->path->len);
  g_string_append (self->content, "S\n");
  g_string_truncate (self->path, 0);
}

static gboolean
write_page (KhPdfWriter *self,
            GError     **error)
{
  guint contents = new_object (self), page = new_object (self);

  self->in_page = FALSE;
  g_string_truncate (self->path, 0);
  if (!write_stream (self, contents, "", self->content->str, self->content->len, error))
    return FALSE;
  begin_object (self, page);
  g_string_append (self->out, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ");
  append_num (self->out, self->page_width);
  g_string_append_c (self->out, ' ');
  append_num (self->out, self->page_height);
  g_string_append (self->out, "] /Resources 3 0 R /Contents ");
  append_uint (self->out, contents);
  g_string_append (self->out, " 0 R >>\nendobj\n");
  g_array_append_val (self->pages, page);
  return TRUE;
}

void
kh_pdf_writer_end_page (KhPdfWriter *self)
{
  g_return_if_fail (KH_IS_PDF_WRITER (self));
  g_return_if_fail (self->in_page);

  if (self->error == NULL)
    write_page (self, &self->error);
  else
    self->in_page = FALSE;
}

/* Finishing */

static gboolean
write_font (KhPdfWriter *self,
            PdfFont     *font,
            GString     *resources,
            GError     **error)
{
  guint file = new_object (self), descriptor = new_object (self), cid = new_object (self);
  guint to_unicode = new_object (self), type0 = new_object (self);
  g_autoptr(GBytes) subset = pdf_font_subset (font);
  g_autofree char *ps_name = pdf_font_ps_name (font);
  g_autoptr(GString) s = g_string_new (NULL);
  char tag[7];
  guint32 hash = g_str_hash (ps_name) ^ (font->index * 2654435761u);
  double scale = 1000.0 / font->upem;
  const guint8 *head = font->head.data, *hhea = font->hhea.data;
  guint n_mapped = 0;
  gsize len;
  const void *data = g_bytes_get_data (subset, &len);

  /* A subset tag: six capitals, different for each font of the file */
  for (int i = 0; i < 6; i++)
    {
      tag[i] = 'A' + hash % 26;
      hash = hash / 26 + (guint32) (font->index + i) * 7919u;
    }
  tag[6] = '\0';

  g_string_append (s, "/Length1 ");
  append_uint (s, len);
  g_string_append_c (s, ' ');
  if (!write_stream (self, file, s->str, data, len, error))
    return FALSE;

  begin_object (self, descriptor);
  g_string_append_printf (self->out,
                          "<< /Type /FontDescriptor /FontName /%s+%s /Flags %d\n"
                          "/FontBBox [%d %d %d %d] /ItalicAngle %d\n"
                          "/Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %u 0 R >>\nendobj\n",
                          tag, ps_name, 4 | (font->italic_angle != 0 ? 64 : 0),
                          (int) lround ((gint16) be16 (head + 36) * scale),
                          (int) lround ((gint16) be16 (head + 38) * scale),
                          (int) lround ((gint16) be16 (head + 40) * scale),
                          (int) lround ((gint16) be16 (head + 42) * scale),
                          (int) lround (font->italic_angle),
                          (int) lround ((gint16) be16 (hhea + 4) * scale),
                          (int) lround ((gint16) be16 (hhea + 6) * scale),
                          (int) lround ((gint16) be16 (head + 42) * scale),
                          file);

  begin_object (self, cid);
  g_string_append_printf (self->out,
                          "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s+%s\n"
                          "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>\n"
                          "/FontDescriptor %u 0 R /CIDToGIDMap /Identity\n/W [",
                          tag, ps_name, descriptor);
  for (guint g = 0; g < font->num_glyphs; g++)
    if (font->used[g])
      {
        /* Consecutive glyphs share one array */
        if (g == 0 || !font->used[g - 1])
          {
            g_string_append_c (self->out, '\n');
            append_uint (self->out, g);
            g_string_append (self->out, " [");
          }
        else
          g_string_append_c (self->out, ' ');
        append_num (self->out, font->advance[g]);
        if (g + 1 == font->num_glyphs || !font->used[g + 1])
          g_string_append_c (self->out, ']');
      }
  g_string_append (self->out, "] >>\nendobj\n");

  g_string_truncate (s, 0);
  g_string_append (s,
                   "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  for (guint g = 0; g < font->num_glyphs; g++)
    if (font->text[g] != NULL)
      {
        g_autofree gunichar2 *utf16 = NULL;
        glong n = 0;

        /* At most 100 entries a block */
        if (n_mapped % 100 == 0)
          {
            guint left = 0;

            if (n_mapped > 0)
              g_string_append (s, "endbfchar\n");
            for (guint k = g; k < font->num_glyphs && left < 100; k++)
              left += font->text[k] != NULL;
            append_uint (s, left);
            g_string_append (s, " beginbfchar\n");
          }
        n_mapped++;
        utf16 = g_utf8_to_utf16 (font->text[g], -1, NULL, &n, NULL);
        g_string_append_c (s, '<');
        append_hex16 (s, g);
        g_string_append (s, "> <");
        for (glong i = 0; i < n; i++)
          append_hex16 (s, utf16[i]);
        g_string_append (s, ">\n");
      }
  if (n_mapped > 0)
    g_string_append (s, "endbfchar\n");
  g_string_append (s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  if (!write_stream (self, to_unicode, "", s->str, s->len, error))
    return FALSE;

  begin_object (self, type0);
  g_string_append_printf (self->out,
                          "<< /Type /Font /Subtype /Type0 /BaseFont /%s+%s /Encoding /Identity-H\n"
                          "/DescendantFonts [%u 0 R] /ToUnicode %u 0 R >>\nendobj\n",
                          tag, ps_name, cid, to_unicode);
  g_string_append_printf (resources, "/F%u %u 0 R ", font->index, type0);
  return TRUE;
}

/* A PDF date: D:YYYYMMDDHHmmSS+HH'mm' */
static char *
pdf_date (GDateTime *date)
{
  g_autofree char *stamp = g_date_time_format (date, "%Y%m%d%H%M%S");
  GTimeSpan offset = g_date_time_get_utc_offset (date) / G_TIME_SPAN_MINUTE;

  if (offset == 0)
    return g_strdup_printf ("D:%sZ", stamp);
  return g_strdup_printf ("D:%s%c%02d'%02d'", stamp, offset < 0 ? '-' : '+',
                          (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
}

/* A PDF literal string of printable ASCII, such as a language tag. */
static void
append_literal (GString    *s,
                const char *text)
{
  g_string_append_c (s, '(');
  for (const char *p = text; *p != '\0'; p++)
    if (*p >= 32 && *p < 127)
      {
        if (*p == '(' || *p == ')' || *p == '\\')
          g_string_append_c (s, '\\');
        g_string_append_c (s, *p);
      }
  g_string_append_c (s, ')');
}

GBytes *
kh_pdf_writer_finish (KhPdfWriter *self,
                      GError     **error)
{
  g_autoptr(GString) resources = g_string_new ("<< /ProcSet [/PDF /Text] /Font << ");
  g_autofree char *id = NULL;
  gsize xref;
  GBytes *result;

  g_return_val_if_fail (KH_IS_PDF_WRITER (self), NULL);
  g_return_val_if_fail (!self->finished, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->finished = TRUE;
  if (self->in_page)
    kh_pdf_writer_end_page (self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }
  for (guint i = 0; i < self->fonts->len; i++)
    if (!write_font (self, g_ptr_array_index (self->fonts, i), resources, error))
      return NULL;

  begin_object (self, OBJ_RESOURCES);
  g_string_append_len (self->out, resources->str, resources->len);
  g_string_append (self->out, ">> >>\nendobj\n");

  begin_object (self, OBJ_PAGES);
  g_string_append (self->out, "<< /Type /Pages /Kids [");
  for (guint i = 0; i < self->pages->len; i++)
    {
      append_uint (self->out, g_array_index (self->pages, guint, i));
      g_string_append (self->out, " 0 R ");
    }
  g_string_append (self->out, "] /Count ");
  append_uint (self->out, self->pages->len);
  g_string_append (self->out, " >>\nendobj\n");

  begin_object (self, OBJ_INFO);
  g_string_append (self->out, "<< /Producer ");
  append_text_string (self->out, "Kế hoạch", -1);
  if (self->title != NULL)
    {
      g_string_append (self->out, "\n/Title ");
      append_text_string (self->out, self->title, -1);
    }
  if (self->author != NULL)
    {
      g_string_append (self->out, "\n/Author ");
      append_text_string (self->out, self->author, -1);
    }
  if (self->creator != NULL)
    {
      g_string_append (self->out, "\n/Creator ");
      append_text_string (self->out, self->creator, -1);
    }
  if (self->created != NULL)
    {
      g_autofree char *date = pdf_date (self->created);

      g_string_append (self->out, "\n/CreationDate ");
      append_literal (self->out, date);
    }
  g_string_append (self->out, " >>\nendobj\n");

  begin_object (self, OBJ_CATALOG);
  g_string_append (self->out, "<< /Type /Catalog /Pages 2 0 R");
  if (self->lang != NULL)
    {
      g_string_append (self->out, " /Lang ");
      append_literal (self->out, self->lang);
    }
  g_string_append (self->out, " >>\nendobj\n");

  xref = self->out->len;
  g_string_append (self->out, "xref\n0 ");
  append_uint (self->out, self->offsets->len);
  g_string_append (self->out, "\n0000000000 65535 f \n");
  for (guint i = 1; i < self->offsets->len; i++)
    g_string_append_printf (self->out, "%010" G_GUINT64_FORMAT " 00000 n \n",
                            g_array_index (self->offsets, guint64, i));

  /* The file identifier: a digest of what the file is about, not of its
   * megabytes */
  {
    g_autoptr(GString) seed = g_string_new (self->title);
    g_autofree char *date = self->created != NULL ? g_date_time_format_iso8601 (self->created) : NULL;

    g_string_append_printf (seed, "|%s|%s|%" G_GSIZE_FORMAT "|%u", self->author ? self->author : "",
                            date ? date : "", self->out->len, self->pages->len);
    id = g_compute_checksum_for_string (G_CHECKSUM_MD5, seed->str, seed->len);
  }
  g_string_append (self->out, "trailer\n<< /Size ");
  append_uint (self->out, self->offsets->len);
  g_string_append_printf (self->out, " /Root 1 0 R /Info 4 0 R /ID [<%s> <%s>] >>\nstartxref\n", id, id);
  append_uint (self->out, xref);
  g_string_append (self->out, "\n%%EOF\n");

  result = g_string_free_to_bytes (self->out);
  self->out = g_string_new (NULL);
  return result;
}
