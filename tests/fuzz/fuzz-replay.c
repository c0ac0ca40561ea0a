/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Without libFuzzer (the gcc build): runs a harness once over every file
 * of its corpus, so that an input that once crashed stays a test. */
#include "config.h"

#include "fuzz-common.h"

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GError) error = NULL;
      const char *name;

      dir = g_dir_open (argv[i], 0, &error);
      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *data = NULL;
          gsize size;

          if (!g_file_get_contents (path, &data, &size, &error))
            g_error ("%s", error->message);
          g_print ("# %s\n", path);
          LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
          n++;
        }
    }
  g_print ("1..1\nok 1 - %u inputs\n", n);
  return 0;
}
