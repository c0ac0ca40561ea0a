/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GK_DOCUMENT_ERROR (gk_document_error_quark ())

typedef enum {
  GK_DOCUMENT_ERROR_INVALID,        /* malformed or inconsistent content */
  GK_DOCUMENT_ERROR_NOT_DISCLOSURE, /* not a Gongkai file at all */
  GK_DOCUMENT_ERROR_NEWER_VERSION,  /* written by a newer Gongkai */
  GK_DOCUMENT_ERROR_NOT_EDITABLE,   /* a derived cell, or a row that cannot take the edit */
  GK_DOCUMENT_ERROR_EXISTS,         /* a row or project that is already there */
  GK_DOCUMENT_ERROR_OVERFLOW,       /* a sum beyond what an amount can hold */
} GkDocumentError;

GQuark gk_document_error_quark (void);

G_END_DECLS
