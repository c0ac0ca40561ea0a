/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"
#include "gk-narrative.h"

G_BEGIN_DECLS

/* The facts of a 决算 a paragraph states, typed in its figure editor:
 * what a 年初预算 is for and why the 决算 differs from it
 * ("budget/<key>/purpose", "budget/<key>/reason"), and the counts and
 * texts of 三公, 预算绩效管理, 政府采购 and the vehicles and equipment held
 * ("final/<property>"). */
GStrv     gk_paragraph_fields_of       (const GkParagraph *paragraph);
char     *gk_paragraph_field_describe  (GkDocument        *document,
                                        const char        *source);
char     *gk_paragraph_field_text      (GkDocument        *document,
                                        const char        *source);
gboolean  gk_paragraph_field_apply     (GkDocument        *document,
                                        const char        *source,
                                        const char        *text,
                                        gboolean           check_only);

G_END_DECLS
