/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical message is a crash (abort(), so that libFuzzer keeps the
 * input), and so is a warning of Gongkai's own. libgsf warns of every
 * damaged zip member, and unrefs a NULL date for a zip member whose DOS
 * time is impossible: inputs, not findings in Gongkai. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  const char *domain = NULL, *message = "";

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  g_log_writer_default (level, fields, n_fields, user_data);
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_FLAG_FATAL)) ||
      ((level & G_LOG_LEVEL_CRITICAL) && strstr (message, "g_date_time_unref") == NULL) ||
      ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gongkai") == 0))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}
