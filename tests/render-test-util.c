/* render-test-util.c — reading rendered PDFs back with poppler-glib */
#include <string.h>

#include "render-test-util.h"

PopplerDocument *
kh_pdf_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

KhPdfPage *
kh_pdf_page_load (PopplerDocument *doc,
                  int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index);
  KhPdfPage *p = g_new0 (KhPdfPage, 1);

  g_assert_nonnull (page);
  poppler_page_get_size (page, &p->width, &p->height);
  p->text = poppler_page_get_text (page);
  p->n_chars = g_utf8_strlen (p->text, -1);
  poppler_page_get_text_layout (page, &p->rects, &p->n_rects);
  p->attrs = poppler_page_get_text_attributes (page);
  return p;
}

void
kh_pdf_page_free (KhPdfPage *page)
{
  if (page == NULL)
    return;
  g_free (page->text);
  g_free (page->rects);
  poppler_page_free_text_attributes (page->attrs);
  g_free (page);
}

void
kh_pdf_run_clear (KhPdfRun *run)
{
  g_clear_pointer (&run->font_name, g_free);
}

gboolean
kh_pdf_page_find (KhPdfPage  *page,
                  const char *needle,
                  glong       start_char,
                  KhPdfRun   *run,
                  glong      *found_at)
{
  const char *start = g_utf8_offset_to_pointer (page->text, MIN (start_char, page->n_chars));
  const char *hit = strstr (start, needle);
  glong first, last;

  if (hit == NULL)
    return FALSE;
  first = g_utf8_pointer_to_offset (page->text, hit);
  last = first + g_utf8_strlen (needle, -1);
  if (found_at != NULL)
    *found_at = first;
  if (run == NULL)
    return TRUE;

  memset (run, 0, sizeof *run);
  run->x1 = run->y1 = G_MAXDOUBLE;
  run->x2 = run->y2 = -G_MAXDOUBLE;
  for (glong i = first; i < last && i < (glong) page->n_rects; i++)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (page->text, i));

      if (g_unichar_isspace (c))
        continue;
      run->x1 = MIN (run->x1, page->rects[i].x1);
      run->y1 = MIN (run->y1, page->rects[i].y1);
      run->x2 = MAX (run->x2, page->rects[i].x2);
      run->y2 = MAX (run->y2, page->rects[i].y2);
    }
  for (GList *l = page->attrs; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      if (a->start_index <= first && first <= a->end_index)
        {
          run->font_name = g_strdup (a->font_name);
          run->font_size = a->font_size;
          break;
        }
    }
  return TRUE;
}

char *
kh_pdf_document_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);
  int n = poppler_document_get_n_pages (doc);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
  return g_string_free (all, FALSE);
}

char *
kh_pdf_squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
kh_pdf_file_contains (const char *path,
                      const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len, n = strlen (needle);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}
