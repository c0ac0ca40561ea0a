/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-checker.h"
#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_PAGE (gk_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (GkPage, gk_page, GK, PAGE, GtkWidget)

struct _GkPageClass
{
  GtkWidgetClass parent_class;
};

GkDocument *gk_page_get_document (GkPage     *self);
GkChecker  *gk_page_get_checker  (GkPage     *self);
void        gk_page_set_checker  (GkPage     *self,
                                  GkChecker  *checker);
void        gk_page_toast        (GkPage     *self,
                                  const char *message);

G_END_DECLS
