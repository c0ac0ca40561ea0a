/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-page.h"

#include "gk-checker.h"

G_BEGIN_DECLS

#define GK_TYPE_CHECKS_PAGE (gk_checks_page_get_type ())

G_DECLARE_FINAL_TYPE (GkChecksPage, gk_checks_page, GK, CHECKS_PAGE, GkPage)

GtkWidget  *gk_checks_page_new            (GkChecker    *checker);
GkChecker  *gk_checks_page_get_checker    (GkChecksPage *self);
GtkListBox *gk_checks_page_get_list       (GkChecksPage *self);
gboolean    gk_checks_page_is_empty       (GkChecksPage *self);
gboolean    gk_checks_page_show_finding   (GkChecksPage *self,
                                           GkFinding    *finding);
const char *gk_checks_page_page_of_finding (GkFinding  *finding);
gboolean    gk_checks_page_focus_finding  (GtkWidget    *page,
                                           GkFinding    *finding);
char       *gk_checks_page_describe_place (GkDocument    *document,
                                           const GkPlace *place);

G_END_DECLS
