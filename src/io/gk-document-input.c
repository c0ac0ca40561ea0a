/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-error.h"
#include "gk-document-input.h"
#include "gk-document-io.h"
#include "gk-export.h"
#include "gk-pdf-import.h"

static void
set_too_large (gsize    max_size,
               GError **error)
{
  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
               _("The file is too large to be a disclosure (over %u MB)"),
               (guint) (max_size / (1024 * 1024)));
}

static gboolean
refuse_file_type (GFileInfo  *info,
                  GError    **error)
{
  const char *name = g_file_info_get_display_name (info);

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      return TRUE;
    case G_FILE_TYPE_DIRECTORY:
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
          (!g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) ||
           !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_EXECUTE)))
        g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                     _("The folder “%s” cannot be opened: there is no permission to read it; ask for access to it, or copy its files into a folder you can read"),
                     name);
      else
        g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                     _("“%s” is a folder; choose a .gongkai file in it"), name);
      return FALSE;
    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* What a link is left as when it cannot be followed. */
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("“%s” is a link that leads to no file: what it points to does not exist, or the links go round in a loop; choose the file itself"),
                   name);
      return FALSE;
    default:
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("“%s” is a device or a pipe, not a file; choose a .gongkai file"), name);
      return FALSE;
    }
}

/**
 * gk_document_read_contents:
 * @file: the file to read
 * @max_size: the most bytes it may hold
 * @cancellable: (nullable): a #GCancellable
 * @length: (out): the number of bytes read
 * @error: a #GK_DOCUMENT_ERROR for a file that is not a regular one or is
 *   larger than @max_size, or the I/O error
 *
 * Only regular files are read: a device such as /dev/zero never ends, and
 * opening a pipe nobody writes to never returns. The size limit holds while
 * reading, since a file can grow, or say it is smaller than it is.
 *
 * Returns: (transfer full): the contents, with a NUL after them
 */
char *
gk_document_read_contents (GFile         *file,
                           gsize          max_size,
                           GCancellable  *cancellable,
                           gsize         *length,
                           GError       **error)
{
  static const char attributes[] = G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                   G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                   G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                   G_FILE_ATTRIBUTE_ACCESS_CAN_READ ","
                                   G_FILE_ATTRIBUTE_ACCESS_CAN_EXECUTE;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInfo) opened = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize allocated, filled = 0;

  info = g_file_query_info (file, attributes, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL || !refuse_file_type (info, error))
    return NULL;
  if ((guint64) MAX (g_file_info_get_size (info), 0) > max_size)
    {
      set_too_large (max_size, error);
      return NULL;
    }
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  /* The file may have been replaced between the two looks. */
  opened = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_TYPE, cancellable, NULL);
  if (opened != NULL && g_file_info_has_attribute (opened, G_FILE_ATTRIBUTE_STANDARD_TYPE))
    {
      g_file_info_set_display_name (opened, g_file_info_get_display_name (info));
      if (!refuse_file_type (opened, error))
        return NULL;
    }

  allocated = MIN ((gsize) MAX (g_file_info_get_size (info), 0) + 1, max_size + 1);
  allocated = MAX (allocated, 4096);
  buffer = g_malloc (allocated + 1);
  for (;;)
    {
      gssize n;

      if (filled == allocated)
        {
          if (allocated > max_size)
            {
              set_too_large (max_size, error);
              return NULL;
            }
          allocated = MIN (allocated * 2, max_size + 1);
          buffer = g_realloc (buffer, allocated + 1);
        }
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + filled, allocated - filled,
                               cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      filled += n;
    }
  if (filled > max_size)
    {
      set_too_large (max_size, error);
      return NULL;
    }
  buffer[filled] = '\0';
  *length = filled;
  return g_steal_pointer (&buffer);
}


static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

/**
 * gk_document_open:
 * @file: a disclosure in any form Gongkai reads
 * @cancellable: (nullable): a #GCancellable
 * @error: why @file cannot be read as a disclosure
 *
 * The one way in for a file of any kind, chosen by its name: an Excel
 * workbook or a published PDF is imported, anything else is read as a .gongkai file (which
 * says clearly that it is not one when it is not).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GkDocument *
gk_document_open (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  /* A workbook and a published PDF go through the same recognition of
   * tables. */
  if (name != NULL && (has_suffix (name, ".xlsx") || gk_pdf_import_is_pdf_name (name)))
    return gk_import_xlsx_file (file, NULL, cancellable, error);
  return gk_document_load (file, cancellable, error);
}
