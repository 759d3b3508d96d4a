/* kh-preview-page.c — one page of the preview, as a GdkPaintable */
#include "config.h"

#include <math.h>

#include "kh-preview-page.h"

struct _KhPreviewPage
{
  GObject     parent_instance;

  guint       index;
  double      width;
  double      height;
  double      zoom;
  GdkTexture *texture;
};

static void kh_preview_page_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhPreviewPage, kh_preview_page, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      kh_preview_page_paintable_init))

enum {
  PROP_0,
  PROP_INDEX,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_ZOOM,
  PROP_TEXTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
to_pixels (double points,
           double zoom)
{
  return MAX (1, (int) ceil (points * zoom * KH_PREVIEW_PIXELS_PER_POINT));
}

static void
kh_preview_page_snapshot (GdkPaintable *paintable,
                          GdkSnapshot  *snapshot,
                          double        width,
                          double        height)
{
  KhPreviewPage *self = KH_PREVIEW_PAGE (paintable);

  if (self->texture != NULL)
    gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static int
kh_preview_page_get_intrinsic_width (GdkPaintable *paintable)
{
  KhPreviewPage *self = KH_PREVIEW_PAGE (paintable);

  return to_pixels (self->width, self->zoom);
}

static int
kh_preview_page_get_intrinsic_height (GdkPaintable *paintable)
{
  KhPreviewPage *self = KH_PREVIEW_PAGE (paintable);

  return to_pixels (self->height, self->zoom);
}

static void
kh_preview_page_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = kh_preview_page_snapshot;
  iface->get_intrinsic_width = kh_preview_page_get_intrinsic_width;
  iface->get_intrinsic_height = kh_preview_page_get_intrinsic_height;
}

static void
kh_preview_page_finalize (GObject *object)
{
  KhPreviewPage *self = KH_PREVIEW_PAGE (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (kh_preview_page_parent_class)->finalize (object);
}

static void
kh_preview_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KhPreviewPage *self = KH_PREVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_preview_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KhPreviewPage *self = KH_PREVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      self->index = g_value_get_uint (value);
      break;
    case PROP_WIDTH:
      kh_preview_page_set_size (self, g_value_get_double (value), self->height);
      break;
    case PROP_HEIGHT:
      kh_preview_page_set_size (self, self->width, g_value_get_double (value));
      break;
    case PROP_ZOOM:
      kh_preview_page_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_TEXTURE:
      kh_preview_page_set_texture (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_preview_page_class_init (KhPreviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kh_preview_page_finalize;
  object_class->get_property = kh_preview_page_get_property;
  object_class->set_property = kh_preview_page_set_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL, 1.0, G_MAXDOUBLE, 595.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL, 1.0, G_MAXDOUBLE, 842.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.01, 100.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_preview_page_init (KhPreviewPage *self)
{
  self->width = 595.0;
  self->height = 842.0;
  self->zoom = 1.0;
}

KhPreviewPage *
kh_preview_page_new (guint  index,
                     double width,
                     double height)
{
  return g_object_new (KH_TYPE_PREVIEW_PAGE,
                       "index", index,
                       "width", width,
                       "height", height,
                       NULL);
}

guint
kh_preview_page_get_index (KhPreviewPage *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW_PAGE (self), 0);

  return self->index;
}

void
kh_preview_page_get_size (KhPreviewPage *self,
                          double        *width,
                          double        *height)
{
  g_return_if_fail (KH_IS_PREVIEW_PAGE (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

void
kh_preview_page_set_size (KhPreviewPage *self,
                          double         width,
                          double         height)
{
  gboolean width_changed, height_changed;

  g_return_if_fail (KH_IS_PREVIEW_PAGE (self));
  g_return_if_fail (width >= 1.0 && height >= 1.0);

  width_changed = self->width != width;
  height_changed = self->height != height;
  if (!width_changed && !height_changed)
    return;

  self->width = width;
  self->height = height;
  gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
  if (width_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
  if (height_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
}

double
kh_preview_page_get_zoom (KhPreviewPage *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW_PAGE (self), 1.0);

  return self->zoom;
}

void
kh_preview_page_set_zoom (KhPreviewPage *self,
                          double         zoom)
{
  g_return_if_fail (KH_IS_PREVIEW_PAGE (self));
  g_return_if_fail (zoom > 0.0);

  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
kh_preview_page_get_pixel_size (KhPreviewPage *self,
                                int            scale_factor,
                                int           *width,
                                int           *height)
{
  g_return_if_fail (KH_IS_PREVIEW_PAGE (self));

  scale_factor = MAX (scale_factor, 1);
  if (width != NULL)
    *width = to_pixels (self->width, self->zoom * scale_factor);
  if (height != NULL)
    *height = to_pixels (self->height, self->zoom * scale_factor);
}

GdkTexture *
kh_preview_page_get_texture (KhPreviewPage *self)
{
  g_return_val_if_fail (KH_IS_PREVIEW_PAGE (self), NULL);

  return self->texture;
}

void
kh_preview_page_set_texture (KhPreviewPage *self,
                             GdkTexture    *texture)
{
  g_return_if_fail (KH_IS_PREVIEW_PAGE (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;

  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}
