/* kh-window.h — the main window: the library of documents and the open one */
#pragma once

#include <adwaita.h>

#include "kh-application.h"
#include "kh-edit-session.h"

G_BEGIN_DECLS

#define KH_TYPE_WINDOW (kh_window_get_type ())
G_DECLARE_FINAL_TYPE (KhWindow, kh_window, KH, WINDOW, AdwApplicationWindow)

KhWindow      *kh_window_new            (KhApplication *app);
/* The documents the sidebar lists now (KhDocumentInfo). */
GListModel    *kh_window_get_documents  (KhWindow      *self);
/* The open document's session, or NULL. */
KhEditSession *kh_window_get_session    (KhWindow      *self);
/* Imports a .kehoach file into the store and opens it; errors are shown. */
gboolean       kh_window_import_file    (KhWindow      *self,
                                         GFile         *file);

G_END_DECLS
