/* kh-window.h — the main window: the library of documents and the open one */
#pragma once

#include <adwaita.h>

#include "kh-application.h"

G_BEGIN_DECLS

#define KH_TYPE_WINDOW (kh_window_get_type ())
G_DECLARE_FINAL_TYPE (KhWindow, kh_window, KH, WINDOW, AdwApplicationWindow)

KhWindow   *kh_window_new            (KhApplication *app);
GListModel *kh_window_get_documents  (KhWindow      *self);

G_END_DECLS
