/* kh-application.h — the Kế hoạch application */
#pragma once

#include <adwaita.h>

#include "kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_APPLICATION (kh_application_get_type ())
G_DECLARE_FINAL_TYPE (KhApplication, kh_application, KH, APPLICATION, AdwApplication)

KhApplication *kh_application_new       (void);
KhStore       *kh_application_get_store (KhApplication *self);

G_END_DECLS
