/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-page.h"

G_BEGIN_DECLS

#define GK_TYPE_GLOSSARY_PAGE (gk_glossary_page_get_type ())

G_DECLARE_FINAL_TYPE (GkGlossaryPage, gk_glossary_page, GK, GLOSSARY_PAGE, GkPage)

GtkWidget *gk_glossary_page_new        (GkDocument     *document);
GtkWidget *gk_glossary_page_get_editor (GkGlossaryPage *self);

G_END_DECLS
