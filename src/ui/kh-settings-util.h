/* kh-settings-util.h — reading the application's settings into the
 * options of the lower layers (which know nothing of GSettings keys) */
#pragma once

#include <gio/gio.h>

#include "kh-render.h"

G_BEGIN_DECLS

/* Fills options from the "font-size" and "margin-*" keys of settings (an
 * io.github.kehoach.KeHoach GSettings); the options no key holds keep
 * their kh_render_options_init() defaults. */
void kh_render_options_from_settings (KhRenderOptions *options,
                                      GSettings       *settings);

G_END_DECLS
