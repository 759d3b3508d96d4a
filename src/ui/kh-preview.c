/* kh-preview.c — the PDF preview of the printable document
 *
 * Two kinds of work leave the main thread:
 *  - a document render (GTask thread): layout, PDF bytes, poppler document
 *    and page sizes, for a copy of the document made on the main thread
 *    (the model is not thread-safe). Each one carries a generation number;
 *    only the result of the latest generation is shown.
 *  - page renders (one worker thread shared by every preview, since a
 *    poppler document must not be used by two threads at once): one page
 *    rasterised at the wanted pixel size into a cairo image surface, which
 *    the main thread wraps into a GdkMemoryTexture without copying.
 * Only the pages near the visible area get textures; the others are dropped
 * again, so a document of hundreds of pages costs a few textures.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "kh-preview.h"
#include "kh-lint.h"
#include "kh-preview-page.h"
#include "kh-render.h"

/* Quiet time after the last edit before the document is rendered again. */
#define DEBOUNCE_MS 300
/* Space around and between the pages, as in the template. */
#define PAGE_SPACING 16

struct _KhPreview
{
  GtkWidget             parent_instance;

  /* template children (main_box bound so that dispose_template unparents it) */
  GtkWidget            *main_box;
  GtkWidget            *page_entry;
  GtkWidget            *n_pages_label;
  GtkWidget            *zoom_button;
  GtkWidget            *busy_box;
  GtkWidget            *busy_spinner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  GtkWidget            *page_box;
  AdwStatusPage        *error_page;
  GtkWidget            *check_button;
  GtkWidget            *check_icon;
  GtkLabel             *check_label;

  KhDocument           *document;
  KhRenderOptions       options;
  gulong                changed_id;
  guint                 debounce_id;

  /* document renders */
  GCancellable         *render_cancellable;
  guint                 generation;      /* of the latest render started */
  gboolean              render_running;  /* a render (maybe stale) is running */
  gboolean              render_queued;   /* the latest waits for it to end */
  guint                 n_requested;
  guint                 n_completed;
  KhRenderedDocument   *rendered;        /* of the render on screen */
  PopplerDocument      *pdf;
  guint                 pdf_serial;      /* bumped with every new pdf */
  gboolean              shown_is_latest; /* the latest render reached the screen */

  /* pages */
  GPtrArray            *slots;           /* PageSlot */
  double                zoom;
  KhPreviewZoomMode     zoom_mode;
  guint                 page;
  gboolean              busy;
  guint                 sync_id;
  gboolean              scrolling;       /* we move the adjustment ourselves */
  gboolean              user_scrolled;   /* the current page follows the scroll */
  gboolean              has_anchor;      /* scroll to this once laid out: */
  guint                 anchor_page;
  double                anchor_fraction; /* of the page's height */
  double                anchor_offset;   /* pixels */

  GtkFileChooserNative *export_dialog;
  GtkPrintOperation    *print_operation;
  gboolean              print_pending;   /* print once the latest render lands */
};

G_DEFINE_FINAL_TYPE (KhPreview, kh_preview, GTK_TYPE_WIDGET)

G_DEFINE_QUARK (kh-preview-error-quark, kh_preview_error)

G_DEFINE_ENUM_TYPE (KhPreviewZoomMode, kh_preview_zoom_mode,
  G_DEFINE_ENUM_VALUE (KH_PREVIEW_ZOOM_FREE, "free"),
  G_DEFINE_ENUM_VALUE (KH_PREVIEW_ZOOM_FIT_WIDTH, "fit-width"),
  G_DEFINE_ENUM_VALUE (KH_PREVIEW_ZOOM_FIT_PAGE, "fit-page"))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Page renders: one thread, first come first served. */
static GThreadPool *page_pool;

static const double zoom_steps[] = {
  0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

static void schedule_sync (KhPreview *self);
static void print_rendered (KhPreview *self);

/* Page slots */

typedef struct {
  KhPreviewPage *page;
  GtkWidget     *picture;
  GCancellable  *job;            /* page render in flight, or NULL */
  int            job_width;      /* the pixel width it renders at */
  guint          texture_serial; /* pdf_serial of the page's texture */
} PageSlot;

static void
page_slot_cancel_job (PageSlot *slot)
{
  if (slot->job != NULL)
    g_cancellable_cancel (slot->job);
  g_clear_object (&slot->job);
}

static void
page_slot_free (gpointer data)
{
  PageSlot *slot = data;

  page_slot_cancel_job (slot);
  g_clear_object (&slot->page);
  g_free (slot);
}

/* Document renders (worker thread) */

typedef struct {
  KhDocument     *document;   /* a private copy */
  KhRenderOptions options;
  guint           generation;
} RenderJob;

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_clear_object (&job->document);
  g_free (job);
}

typedef struct {
  KhRenderedDocument *rendered;
  PopplerDocument    *pdf;
  GArray             *sizes;  /* graphene_size_t, in points */
} RenderResult;

static void
render_result_free (gpointer data)
{
  RenderResult *result = data;

  g_clear_object (&result->rendered);
  g_clear_object (&result->pdf);
  g_clear_pointer (&result->sizes, g_array_unref);
  g_free (result);
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(KhRenderedDocument) rendered = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *pdf;
  RenderResult *result;
  GError *error = NULL;
  int n_pages;

  rendered = kh_render_layout (job->document, &job->options, &error);
  if (rendered == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  stream = g_memory_output_stream_new_resizable ();
  if (!kh_rendered_document_write_pdf (rendered, stream, cancellable, &error) ||
      !g_output_stream_close (stream, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));

  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (pdf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (RenderResult, 1);
  result->rendered = g_steal_pointer (&rendered);
  result->pdf = pdf;
  n_pages = poppler_document_get_n_pages (pdf);
  result->sizes = g_array_sized_new (FALSE, FALSE, sizeof (graphene_size_t), MAX (n_pages, 0));
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      double width = 0, height = 0;
      graphene_size_t size;

      if (page != NULL)
        {
          poppler_page_get_size (page, &width, &height);
          g_object_unref (page);
        }
      graphene_size_init (&size, MAX (width, 1.0), MAX (height, 1.0));
      g_array_append_val (result->sizes, size);
    }
  g_task_return_pointer (task, result, render_result_free);
}

/* Page renders (worker thread) */

typedef struct {
  PopplerDocument *pdf;
  guint            serial;
  guint            index;
  int              width;    /* pixels */
  int              height;
  double           x_scale;  /* pixels per point */
  double           y_scale;
} PageJob;

static void
page_job_free (gpointer data)
{
  PageJob *job = data;

  g_clear_object (&job->pdf);
  g_free (job);
}

static void
render_page_in_thread (gpointer data,
                       gpointer user_data)
{
  g_autoptr(GTask) task = data;
  PageJob *job = g_task_get_task_data (task);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (g_task_return_error_if_cancelled (task))
    return;

  page = poppler_document_get_page (job->pdf, job->index);
  if (page == NULL)
    {
      g_task_return_new_error (task, KH_RENDER_ERROR, KH_RENDER_ERROR_INVALID_PAGE,
                               "No page %u in the rendered document", job->index + 1);
      return;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width, job->height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, job->x_scale, job->y_scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (page);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (task, KH_RENDER_ERROR, KH_RENDER_ERROR_FAILED,
                               "%s", cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }
  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

/* Wraps the surface's pixels: the bytes keep the surface alive. */
static GdkTexture *
texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  /* GDK_MEMORY_DEFAULT is CAIRO_FORMAT_ARGB32's layout. */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
page_rendered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KhPreview *self = KH_PREVIEW (source);
  GTask *task = G_TASK (result);
  PageJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  PageSlot *slot;

  surface = g_task_propagate_pointer (task, &error);
  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Preview of page %u failed: %s", job->index + 1, error->message);
      return;
    }

  /* The page may be gone, or wanted at another size, by now. */
  if (self->slots == NULL || job->serial != self->pdf_serial || job->index >= self->slots->len)
    {
      cairo_surface_destroy (surface);
      return;
    }
  slot = g_ptr_array_index (self->slots, job->index);
  if (slot->job != g_task_get_cancellable (task))
    {
      cairo_surface_destroy (surface);
      return;
    }

  g_clear_object (&slot->job);
  texture = texture_new_for_surface (surface);
  cairo_surface_destroy (surface);
  slot->texture_serial = job->serial;
  kh_preview_page_set_texture (slot->page, texture);
}

/* Starts rendering page index unless its texture, or a render of it, is
 * already at the wanted size. */
static void
ensure_page_texture (KhPreview *self,
                     guint      index)
{
  PageSlot *slot = g_ptr_array_index (self->slots, index);
  GdkTexture *texture = kh_preview_page_get_texture (slot->page);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double width_pt, height_pt;
  PageJob *job;
  GTask *task;
  int width, height;

  if (self->pdf == NULL)
    return;

  kh_preview_page_get_pixel_size (slot->page, scale, &width, &height);
  if (texture != NULL && slot->texture_serial == self->pdf_serial &&
      gdk_texture_get_width (texture) == width)
    return;
  if (slot->job != NULL && slot->job_width == width)
    return;

  page_slot_cancel_job (slot);
  slot->job = g_cancellable_new ();
  slot->job_width = width;

  kh_preview_page_get_size (slot->page, &width_pt, &height_pt);
  job = g_new0 (PageJob, 1);
  job->pdf = g_object_ref (self->pdf);
  job->serial = self->pdf_serial;
  job->index = index;
  job->width = width;
  job->height = height;
  job->x_scale = width / width_pt;
  job->y_scale = height / height_pt;

  task = g_task_new (self, slot->job, page_rendered_cb, NULL);
  g_task_set_source_tag (task, ensure_page_texture);
  g_task_set_task_data (task, job, page_job_free);
  g_thread_pool_push (page_pool, task, NULL);
}

static void
drop_page_texture (KhPreview *self,
                   guint      index)
{
  PageSlot *slot = g_ptr_array_index (self->slots, index);

  page_slot_cancel_job (slot);
  kh_preview_page_set_texture (slot->page, NULL);
}

/* State shown in the toolbar */

static void
update_actions (KhPreview *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "pages") == 0;
  guint n_pages = shown ? kh_preview_get_n_pages (self) : 0;

  gtk_widget_action_set_enabled (widget, "preview.previous-page", n_pages > 0 && self->page > 0);
  gtk_widget_action_set_enabled (widget, "preview.next-page", self->page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "preview.zoom-in", shown && self->zoom < KH_PREVIEW_ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "preview.zoom-out", shown && self->zoom > KH_PREVIEW_ZOOM_MIN);
  gtk_widget_action_set_enabled (widget, "preview.zoom-set", shown);
  gtk_widget_action_set_enabled (widget, "preview.zoom-fit-width", shown);
  gtk_widget_action_set_enabled (widget, "preview.zoom-fit-page", shown);
  gtk_widget_action_set_enabled (widget, "preview.export-pdf", self->document != NULL);
  gtk_widget_action_set_enabled (widget, "preview.print", self->document != NULL);
  gtk_widget_set_sensitive (self->page_entry, n_pages > 0);
  gtk_widget_set_sensitive (self->zoom_button, shown);
}

static void
update_page_entry (KhPreview *self)
{
  guint n_pages = kh_preview_get_n_pages (self);
  g_autofree char *current = NULL;
  g_autofree char *total = NULL;

  current = n_pages > 0 ? g_strdup_printf ("%u", self->page + 1) : g_strdup ("");
  total = g_strdup_printf ("/ %u", n_pages);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), current);
  gtk_label_set_label (GTK_LABEL (self->n_pages_label), total);
}

static void
update_busy (KhPreview *self)
{
  /* The latest request has a cancellable until its render ends. */
  gboolean busy = self->debounce_id != 0 || self->render_cancellable != NULL;

  if (busy == self->busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (self->busy_box, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->busy_spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_current_page (KhPreview *self,
                  guint      page)
{
  if (self->page == page)
    return;

  self->page = page;
  update_page_entry (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
show_error_dialog (KhPreview  *self,
                   const char *heading,
                   const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Geometry: zoom, anchor, visible pages */

static gboolean
page_bounds (KhPreview       *self,
             guint            index,
             graphene_rect_t *bounds)
{
  PageSlot *slot = g_ptr_array_index (self->slots, index);

  return gtk_widget_compute_bounds (slot->picture, self->page_box, bounds);
}

/* The scroll position of a page's top: page_box's coordinates start below
 * its top margin, the scrolled content above it. */
static double
page_top (const graphene_rect_t *bounds)
{
  return bounds->origin.y + PAGE_SPACING;
}

static void
set_zoom_internal (KhPreview *self,
                   double     zoom)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_autofree char *label = NULL;
  graphene_rect_t bounds;

  zoom = CLAMP (zoom, KH_PREVIEW_ZOOM_MIN, KH_PREVIEW_ZOOM_MAX);
  if (fabs (self->zoom - zoom) < 1e-4)
    return;

  /* Keep the point at the top of the view where it is in the document. */
  if (!self->has_anchor && self->page < self->slots->len && page_bounds (self, self->page, &bounds) &&
      bounds.size.height > 0)
    {
      self->has_anchor = TRUE;
      self->anchor_page = self->page;
      self->anchor_fraction = (gtk_adjustment_get_value (vadj) - page_top (&bounds)) / bounds.size.height;
      self->anchor_offset = 0;
    }

  self->zoom = zoom;
  for (guint i = 0; i < self->slots->len; i++)
    {
      PageSlot *slot = g_ptr_array_index (self->slots, i);

      kh_preview_page_set_zoom (slot->page, zoom);
    }

  label = g_strdup_printf ("%.0f%%", zoom * 100);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->zoom_button), label);
  update_actions (self);
  schedule_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
apply_fit_zoom (KhPreview *self)
{
  double view_width = gtk_adjustment_get_page_size (gtk_scrolled_window_get_hadjustment (self->scroller));
  double view_height = gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (self->scroller));
  double max_width = 0, max_height = 0;
  double zoom;

  if (self->zoom_mode == KH_PREVIEW_ZOOM_FREE || self->slots->len == 0 || view_width <= 0)
    return;

  for (guint i = 0; i < self->slots->len; i++)
    {
      PageSlot *slot = g_ptr_array_index (self->slots, i);
      double width, height;

      kh_preview_page_get_size (slot->page, &width, &height);
      max_width = MAX (max_width, width);
      max_height = MAX (max_height, height);
    }

  zoom = (view_width - 2 * PAGE_SPACING) / (max_width * KH_PREVIEW_PIXELS_PER_POINT);
  if (self->zoom_mode == KH_PREVIEW_ZOOM_FIT_PAGE)
    zoom = MIN (zoom, (view_height - 2 * PAGE_SPACING) / (max_height * KH_PREVIEW_PIXELS_PER_POINT));
  set_zoom_internal (self, zoom);
}

static void
scroll_to (KhPreview *self,
           double     value)
{
  self->scrolling = TRUE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), value);
  self->scrolling = FALSE;
}

/* Applies the anchor once its page is laid out at the current zoom. */
static void
apply_anchor (KhPreview *self)
{
  PageSlot *slot;
  graphene_rect_t bounds;
  int height;

  if (!self->has_anchor)
    return;
  if (self->anchor_page >= self->slots->len)
    {
      self->has_anchor = FALSE;
      return;
    }

  slot = g_ptr_array_index (self->slots, self->anchor_page);
  height = gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (slot->page));
  if (!page_bounds (self, self->anchor_page, &bounds) || fabs (bounds.size.height - height) > 1)
    return;

  scroll_to (self, page_top (&bounds) + self->anchor_fraction * bounds.size.height + self->anchor_offset);
  self->has_anchor = FALSE;
}

static void
update_visible_pages (KhPreview *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (vadj);
  double view = gtk_adjustment_get_page_size (vadj);
  guint current = self->page;
  gboolean found_current = FALSE;

  if (view <= 0 || self->slots->len == 0)
    return;

  /* The visible pages first, then half a view above and one below; the
   * textures of pages further than two views away are dropped. */
  for (int pass = 0; pass < 3; pass++)
    {
      double top = pass == 0 ? value : value - view / 2;
      double bottom = pass == 0 ? value + view : value + 2 * view;

      if (pass == 2)
        {
          top = value - 2 * view;
          bottom = value + 3 * view;
        }

      for (guint i = 0; i < self->slots->len; i++)
        {
          graphene_rect_t bounds;
          double page_y, page_bottom;

          if (!page_bounds (self, i, &bounds))
            continue;
          page_y = page_top (&bounds);
          page_bottom = page_y + bounds.size.height;

          if (pass == 0 && !found_current && page_bottom > value + MIN (view / 3, 48))
            {
              current = i;
              found_current = TRUE;
            }

          if (pass < 2 && page_bottom >= top && page_y <= bottom)
            ensure_page_texture (self, i);
          else if (pass == 2 && (page_bottom < top || page_y > bottom))
            drop_page_texture (self, i);
        }
    }

  if (self->user_scrolled && found_current)
    set_current_page (self, current);
  self->user_scrolled = FALSE;
}

static gboolean
sync_idle (gpointer data)
{
  KhPreview *self = KH_PREVIEW (data);

  self->sync_id = 0;
  apply_fit_zoom (self);
  apply_anchor (self);
  update_visible_pages (self);
  return G_SOURCE_REMOVE;
}

/* After layout: the allocations are only final once the frame is done. */
static void
schedule_sync (KhPreview *self)
{
  if (self->sync_id == 0 && self->slots != NULL)
    self->sync_id = g_idle_add (sync_idle, self);
}

static void
on_adjustment_changed (KhPreview *self)
{
  schedule_sync (self);
}

static void
on_value_changed (KhPreview *self)
{
  if (!self->scrolling)
    {
      self->user_scrolled = TRUE;
      /* The user's scroll wins over a pending jump. */
      self->has_anchor = FALSE;
    }
  schedule_sync (self);
}

/* Pages */

static void
clear_pages (KhPreview *self)
{
  guint old_n_pages = kh_preview_get_n_pages (self);

  for (guint i = 0; i < self->slots->len; i++)
    {
      PageSlot *slot = g_ptr_array_index (self->slots, i);

      gtk_box_remove (GTK_BOX (self->page_box), slot->picture);
    }
  g_ptr_array_set_size (self->slots, 0);
  g_clear_object (&self->rendered);
  g_clear_object (&self->pdf);
  self->pdf_serial++;
  self->shown_is_latest = FALSE;
  self->has_anchor = FALSE;
  self->page = 0;

  if (old_n_pages != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  update_page_entry (self);
  update_actions (self);
}

static PageSlot *
page_slot_new (KhPreview *self,
               guint      index,
               double     width,
               double     height)
{
  PageSlot *slot = g_new0 (PageSlot, 1);
  g_autofree char *description = g_strdup_printf (_("Page %u"), index + 1);

  slot->page = kh_preview_page_new (index, width, height);
  kh_preview_page_set_zoom (slot->page, self->zoom);
  slot->picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (slot->page));
  gtk_picture_set_can_shrink (GTK_PICTURE (slot->picture), FALSE);
  gtk_picture_set_alternative_text (GTK_PICTURE (slot->picture), description);
  gtk_widget_set_halign (slot->picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (slot->picture, "kh-preview-page");
  return slot;
}

/* Shows a new render, reusing the page widgets: until their new textures
 * arrive, pages keep the old ones, which avoids a white flash. */
static void
apply_result (KhPreview    *self,
              RenderResult *result)
{
  guint old_n_pages = self->slots->len;
  guint n_pages = result->sizes->len;

  g_set_object (&self->rendered, result->rendered);
  g_set_object (&self->pdf, result->pdf);
  self->pdf_serial++;

  while (self->slots->len > n_pages)
    {
      PageSlot *slot = g_ptr_array_index (self->slots, self->slots->len - 1);

      gtk_box_remove (GTK_BOX (self->page_box), slot->picture);
      g_ptr_array_remove_index (self->slots, self->slots->len - 1);
    }
  for (guint i = 0; i < n_pages; i++)
    {
      const graphene_size_t *size = &g_array_index (result->sizes, graphene_size_t, i);

      if (i < self->slots->len)
        {
          PageSlot *slot = g_ptr_array_index (self->slots, i);

          page_slot_cancel_job (slot);
          kh_preview_page_set_size (slot->page, size->width, size->height);
        }
      else
        {
          PageSlot *slot = page_slot_new (self, i, size->width, size->height);

          gtk_box_append (GTK_BOX (self->page_box), slot->picture);
          g_ptr_array_add (self->slots, slot);
        }
    }

  gtk_stack_set_visible_child_name (self->stack, "pages");
  if (self->page >= n_pages)
    set_current_page (self, n_pages > 0 ? n_pages - 1 : 0);
  if (n_pages != old_n_pages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  update_page_entry (self);
  update_actions (self);
  schedule_sync (self);
}

/* Rendering the document */

static void
cancel_render (KhPreview *self)
{
  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  /* Whatever is still running is now stale. */
  self->generation++;
  self->render_queued = FALSE;
}

static void launch_render (KhPreview *self);

static void
render_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  KhPreview *self = KH_PREVIEW (source);
  GTask *task = G_TASK (res);
  RenderJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  RenderResult *result;

  self->render_running = FALSE;
  result = g_task_propagate_pointer (task, &error);
  if (job->generation != self->generation)
    {
      /* Superseded by a newer request (or the preview was disposed). */
      g_clear_pointer (&result, render_result_free);
      if (self->render_queued)
        launch_render (self);
      return;
    }

  g_clear_object (&self->render_cancellable);
  update_busy (self);

  if (result == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_actions (self);
      if (self->print_pending)
        {
          self->print_pending = FALSE;
          show_error_dialog (self, _("Could Not Print"), error->message);
        }
      return;
    }

  apply_result (self, result);
  render_result_free (result);
  self->shown_is_latest = TRUE;
  self->n_completed++;
  g_signal_emit (self, signals[RENDERED], 0);

  if (self->print_pending && self->debounce_id == 0)
    {
      self->print_pending = FALSE;
      print_rendered (self);
    }
}

/* Copies the document as it is now and renders the copy in a thread. */
static void
launch_render (KhPreview *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  self->render_queued = FALSE;
  self->render_running = TRUE;

  /* The model lives on the main thread: the worker gets its own copy. */
  job = g_new0 (RenderJob, 1);
  job->document = kh_document_copy (self->document);
  job->options = self->options;
  job->generation = self->generation;

  task = g_task_new (self, self->render_cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, launch_render);
  g_task_set_task_data (task, job, render_job_free);
  g_task_run_in_thread (task, render_in_thread);
}

/* One render at a time: while a stale one finishes (a layout cannot be
 * interrupted), the newest request waits, and a burst of requests makes a
 * single render of the last state instead of piling up threads. */
static void
start_render (KhPreview *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  cancel_render (self);
  self->shown_is_latest = FALSE;

  if (self->document != NULL)
    {
      self->render_cancellable = g_cancellable_new ();
      self->n_requested++;
      if (self->render_running)
        self->render_queued = TRUE;
      else
        launch_render (self);
    }
  update_busy (self);
}

/* Before printing, the user sees how many findings of the document check
 * (F7) are left; notes alone are not worth the button. */
static void
update_check (KhPreview *self)
{
  g_autoptr(GListModel) issues = NULL;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  guint errors, problems;

  if (self->document == NULL)
    {
      gtk_widget_set_visible (self->check_button, FALSE);
      return;
    }
  issues = kh_lint_document (self->document);
  errors = kh_lint_count_severity (issues, KH_LINT_ERROR);
  problems = errors + kh_lint_count_severity (issues, KH_LINT_WARNING);
  gtk_widget_set_visible (self->check_button, problems > 0);
  if (problems == 0)
    return;

  count = g_strdup_printf ("%u", problems);
  gtk_label_set_label (self->check_label, count);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u problem to correct before issuing (F7)",
                                          "%u problems to correct before issuing (F7)", problems),
                             problems);
  gtk_widget_set_tooltip_text (self->check_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->check_icon),
                                errors > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  if (errors > 0)
    {
      gtk_widget_remove_css_class (self->check_icon, "warning");
      gtk_widget_add_css_class (self->check_icon, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->check_icon, "error");
      gtk_widget_add_css_class (self->check_icon, "warning");
    }
}

static gboolean
debounce_cb (gpointer data)
{
  KhPreview *self = KH_PREVIEW (data);

  self->debounce_id = 0;
  start_render (self);
  update_check (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (KhPreview *self)
{
  self->shown_is_latest = FALSE;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
  update_busy (self);
}

/* Export and print */

static gboolean
write_pdf_file (KhDocument             *document,
                const KhRenderOptions  *options,
                GFile                  *file,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;

  if (!kh_render_document_to_stream (document, options, stream, cancellable, error) ||
      !g_output_stream_close (stream, cancellable, error))
    return FALSE;

  /* Written whole or not at all: replace_contents goes through a temporary. */
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}

typedef struct {
  KhDocument     *document;
  KhRenderOptions options;
  GFile          *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->document);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (write_pdf_file (job->document, &job->options, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KhPreview *self = KH_PREVIEW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error_dialog (self, _("Could Not Export the PDF"), error->message);
      return;
    }

  if (self->toast_overlay == NULL)
    return;
  name = g_file_get_basename (job->file);
  title = g_strdup_printf (_("Exported “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The summary, made safe as a file name. */
static char *
default_pdf_name (KhDocument *document)
{
  g_autofree char *title = kh_document_dup_title (document);
  g_autofree char *name = NULL;

  for (char *p = title; *p != '\0'; p++)
    if (*p == '/' || *p == '\\' || g_ascii_iscntrl (*p))
      *p = ' ';
  g_strstrip (title);
  if (*title == '\0')
    return g_strdup_printf ("%s.pdf", _("Document"));

  name = g_utf8_make_valid (title, -1);
  if (g_utf8_strlen (name, -1) > 100)
    {
      g_autofree char *shorter = g_utf8_substring (name, 0, 100);

      return g_strdup_printf ("%s.pdf", g_strstrip (shorter));
    }
  return g_strdup_printf ("%s.pdf", name);
}

static void
on_export_response (KhPreview *self,
                    int        response,
                    GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->export_dialog);
  if (file == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->document = kh_document_copy (self->document);
  job->options = self->options;
  job->file = g_steal_pointer (&file);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, on_export_response);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KhPreview *self = KH_PREVIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->document == NULL || self->export_dialog != NULL)
    return;

  self->export_dialog = gtk_file_chooser_native_new (_("Export PDF"),
                                                     GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     GTK_FILE_CHOOSER_ACTION_SAVE,
                                                     _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_dialog), filter);
  name = default_pdf_name (self->document);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_dialog), name);
  g_signal_connect_object (self->export_dialog, "response",
                           G_CALLBACK (on_export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
}

static void
on_request_page_setup (GtkPrintOperation  *operation,
                       GtkPrintContext    *context,
                       int                 page_nr,
                       GtkPageSetup       *setup,
                       KhRenderedDocument *rendered)
{
  double width, height;

  if (kh_rendered_document_get_page_size (rendered, page_nr, &width, &height))
    gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                          : GTK_PAGE_ORIENTATION_PORTRAIT);
}

/* The same drawing as the PDF, shrunk if the paper is smaller than the page. */
static void
on_draw_page (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page_nr,
              KhRenderedDocument *rendered)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (!kh_rendered_document_get_page_size (rendered, page_nr, &width, &height))
    return;

  scale = MIN (1.0, MIN (gtk_print_context_get_width (context) / width,
                         gtk_print_context_get_height (context) / height));
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  kh_rendered_document_draw_page (rendered, cr, page_nr);
  cairo_restore (cr);
}

static GtkPrintOperation *
print_operation_new (KhRenderedDocument *rendered)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, (int) kh_rendered_document_get_n_pages (rendered));
  /* The pages carry the nd30 margins: draw from the paper's corner, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, kh_rendered_document_get_title (rendered));
  g_signal_connect_data (operation, "request-page-setup", G_CALLBACK (on_request_page_setup),
                         g_object_ref (rendered), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_object_ref (rendered), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return operation;
}

static void
on_print_done (KhPreview               *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error_dialog (self, _("Could Not Print"), error != NULL ? error->message : "");
    }
  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);
}

static void
print_rendered (KhPreview *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->rendered == NULL || self->print_operation != NULL)
    return;

  self->print_operation = kh_preview_new_print_operation (self);
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (on_print_done), self,
                           G_CONNECT_SWAPPED);
  result = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      show_error_dialog (self, _("Could Not Print"), error->message);
      g_clear_object (&self->print_operation);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhPreview *self = KH_PREVIEW (widget);

  if (self->document == NULL)
    return;

  /* Print what the document says now, not a render from before the last edit. */
  if (self->shown_is_latest && self->debounce_id == 0 && self->rendered != NULL)
    {
      print_rendered (self);
      return;
    }
  self->print_pending = TRUE;
  start_render (self);
}

/* Zoom and navigation actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhPreview *self = KH_PREVIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom * 1.01)
      {
        kh_preview_set_zoom (self, zoom_steps[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KhPreview *self = KH_PREVIEW (widget);

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom * 0.99)
      {
        kh_preview_set_zoom (self, zoom_steps[i - 1]);
        return;
      }
}

static void
zoom_set_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kh_preview_set_zoom (KH_PREVIEW (widget), g_variant_get_double (parameter));
}

static void
zoom_fit_width_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kh_preview_set_zoom_mode (KH_PREVIEW (widget), KH_PREVIEW_ZOOM_FIT_WIDTH);
}

static void
zoom_fit_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  kh_preview_set_zoom_mode (KH_PREVIEW (widget), KH_PREVIEW_ZOOM_FIT_PAGE);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhPreview *self = KH_PREVIEW (widget);

  if (self->page + 1 < kh_preview_get_n_pages (self))
    kh_preview_set_page (self, self->page + 1);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KhPreview *self = KH_PREVIEW (widget);

  if (self->page > 0)
    kh_preview_set_page (self, self->page - 1);
}

static void
on_page_entry_activate (KhPreview *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)));
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (g_strstrip (text), 10, 1,
                                  MAX (kh_preview_get_n_pages (self), 1), &number, NULL) &&
      number <= kh_preview_get_n_pages (self))
    kh_preview_set_page (self, (guint) number - 1);
  else
    update_page_entry (self);
}

static void
on_scale_factor_changed (KhPreview *self)
{
  schedule_sync (self);
}

/* GObject */

static void
kh_preview_dispose (GObject *object)
{
  KhPreview *self = KH_PREVIEW (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  cancel_render (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  if (self->export_dialog != NULL)
    {
      /* Destroying it answers it: not to us any more. */
      g_signal_handlers_disconnect_by_data (self->export_dialog, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
      g_clear_object (&self->export_dialog);
    }
  if (self->print_operation != NULL)
    gtk_print_operation_cancel (self->print_operation);
  g_clear_object (&self->print_operation);
  /* Slots before the template: their pictures live in page_box. */
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_object (&self->rendered);
  g_clear_object (&self->pdf);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PREVIEW);

  G_OBJECT_CLASS (kh_preview_parent_class)->dispose (object);
}

static void
kh_preview_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KhPreview *self = KH_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_enum (value, self->zoom_mode);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, kh_preview_get_n_pages (self));
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_preview_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KhPreview *self = KH_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kh_preview_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      kh_preview_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_MODE:
      kh_preview_set_zoom_mode (self, g_value_get_enum (value));
      break;
    case PROP_PAGE:
      kh_preview_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_preview_class_init (KhPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_preview_dispose;
  object_class->get_property = kh_preview_get_property;
  object_class->set_property = kh_preview_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, KH_PREVIEW_ZOOM_MIN, KH_PREVIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_enum ("zoom-mode", NULL, NULL, KH_TYPE_PREVIEW_ZOOM_MODE,
                       KH_PREVIEW_ZOOM_FIT_WIDTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the pages of a new render are shown. */
  signals[RENDERED] =
    g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kehoach/KeHoach/ui/kh-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPreview, main_box);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, page_entry);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, busy_box);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, page_box);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, check_button);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, check_icon);
  gtk_widget_class_bind_template_child (widget_class, KhPreview, check_label);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-set", "d", zoom_set_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit-width", NULL, zoom_fit_width_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit-page", NULL, zoom_fit_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "preview.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "preview");

  page_pool = g_thread_pool_new (render_page_in_thread, NULL, 1, FALSE, NULL);
}

static void
load_css (GtkWidget *widget)
{
  static GtkCssProvider *provider;

  if (provider != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/kehoach/KeHoach/ui/kh-preview.css");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
kh_preview_init (KhPreview *self)
{
  GtkEventController *shortcuts;

  kh_render_options_init (&self->options);
  self->zoom = 1.0;
  self->zoom_mode = KH_PREVIEW_ZOOM_FIT_WIDTH;
  self->slots = g_ptr_array_new_with_free_func (page_slot_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css (GTK_WIDGET (self));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->zoom_button), "100%");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_value_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (on_adjustment_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);

  /* Page Up/Down turn pages, before the scrolled window scrolls by a view. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                                                          gtk_named_action_new ("preview.next-page")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                                                          gtk_named_action_new ("preview.previous-page")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_page_entry (self);
  update_actions (self);
}

/* Public API */

GtkWidget *
kh_preview_new (void)
{
  return g_object_new (KH_TYPE_PREVIEW, NULL);
}

KhDocument *
kh_preview_get_document (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), NULL);

  return self->document;
}

void
kh_preview_set_document (KhPreview  *self,
                         KhDocument *document)
{
  g_return_if_fail (KH_IS_PREVIEW (self));
  g_return_if_fail (document == NULL || KH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  cancel_render (self);
  self->print_pending = FALSE;
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  clear_pages (self);

  if (document != NULL)
    {
      self->changed_id = g_signal_connect_swapped (document, "changed",
                                                   G_CALLBACK (on_document_changed), self);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      start_render (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_busy (self);
    }
  update_check (self);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

double
kh_preview_get_zoom (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), 1.0);

  return self->zoom;
}

void
kh_preview_set_zoom (KhPreview *self,
                     double     zoom)
{
  g_return_if_fail (KH_IS_PREVIEW (self));

  g_object_freeze_notify (G_OBJECT (self));
  kh_preview_set_zoom_mode (self, KH_PREVIEW_ZOOM_FREE);
  set_zoom_internal (self, zoom);
  g_object_thaw_notify (G_OBJECT (self));
}

KhPreviewZoomMode
kh_preview_get_zoom_mode (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), KH_PREVIEW_ZOOM_FREE);

  return self->zoom_mode;
}

void
kh_preview_set_zoom_mode (KhPreview         *self,
                          KhPreviewZoomMode  mode)
{
  g_return_if_fail (KH_IS_PREVIEW (self));
  g_return_if_fail (mode <= KH_PREVIEW_ZOOM_FIT_PAGE);

  if (self->zoom_mode == mode)
    return;

  self->zoom_mode = mode;
  /* Fit now if laid out, otherwise once the view has a size. */
  apply_fit_zoom (self);
  schedule_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

guint
kh_preview_get_n_pages (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), 0);

  return self->slots != NULL ? self->slots->len : 0;
}

guint
kh_preview_get_page (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), 0);

  return self->page;
}

void
kh_preview_set_page (KhPreview *self,
                     guint      page)
{
  g_return_if_fail (KH_IS_PREVIEW (self));

  if (page >= kh_preview_get_n_pages (self))
    return;

  /* Scrolls once the page is laid out (it may have just been added). */
  self->has_anchor = TRUE;
  self->anchor_page = page;
  self->anchor_fraction = 0;
  self->anchor_offset = -PAGE_SPACING / 2;
  set_current_page (self, page);
  apply_anchor (self);
  schedule_sync (self);
}

gboolean
kh_preview_get_busy (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), FALSE);

  return self->busy;
}

void
kh_preview_refresh (KhPreview *self)
{
  g_return_if_fail (KH_IS_PREVIEW (self));

  if (self->document != NULL)
    start_render (self);
}

KhRenderedDocument *
kh_preview_get_rendered_document (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), NULL);

  return self->rendered;
}

void
kh_preview_get_render_counts (KhPreview *self,
                              guint     *requested,
                              guint     *completed)
{
  g_return_if_fail (KH_IS_PREVIEW (self));

  if (requested != NULL)
    *requested = self->n_requested;
  if (completed != NULL)
    *completed = self->n_completed;
}

gboolean
kh_preview_export_pdf (KhPreview  *self,
                       GFile      *file,
                       GError    **error)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, KH_PREVIEW_ERROR, KH_PREVIEW_ERROR_NO_DOCUMENT,
                           _("There is no document to export."));
      return FALSE;
    }
  return write_pdf_file (self->document, &self->options, file, NULL, error);
}

GtkPrintOperation *
kh_preview_new_print_operation (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), NULL);

  return self->rendered != NULL ? print_operation_new (self->rendered) : NULL;
}

const KhRenderOptions *
kh_preview_get_render_options (KhPreview *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW (self), NULL);

  return &self->options;
}

void
kh_preview_set_render_options (KhPreview             *self,
                               const KhRenderOptions *options)
{
  KhRenderOptions defaults;

  g_return_if_fail (KH_IS_PREVIEW (self));

  if (options == NULL)
    {
      kh_render_options_init (&defaults);
      options = &defaults;
    }
  if (self->options.font_size == options->font_size &&
      self->options.margin_top == options->margin_top &&
      self->options.margin_bottom == options->margin_bottom &&
      self->options.margin_left == options->margin_left &&
      self->options.margin_right == options->margin_right &&
      self->options.landscape_wide_tables == options->landscape_wide_tables)
    return;

  self->options = *options;
  self->shown_is_latest = FALSE;
  if (self->document != NULL)
    start_render (self);
}
