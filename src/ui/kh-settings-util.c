/* kh-settings-util.c — the application's settings as render options */
#include "config.h"

#include "kh-settings-util.h"

void
kh_render_options_from_settings (KhRenderOptions *options,
                                 GSettings       *settings)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  kh_render_options_init (options);
  /* The schema's ranges are the decree's, so the values need no check. */
  options->font_size = g_settings_get_int (settings, "font-size");
  options->margin_top = g_settings_get_double (settings, "margin-top");
  options->margin_bottom = g_settings_get_double (settings, "margin-bottom");
  options->margin_left = g_settings_get_double (settings, "margin-left");
  options->margin_right = g_settings_get_double (settings, "margin-right");
}
