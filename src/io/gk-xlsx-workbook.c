/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gk-xlsx-package.h"
#include "gk-xlsx-reader.h"
#include "gk-xlsx-workbook.h"

/* A workbook comes from anywhere (a budget system, a colleague, a damaged
 * download): every part is size-checked before it is inflated, XML is
 * parsed without the network or external entities, and every index and
 * cell reference is checked before it is used. */


void
gk_xlsx_workbook_free (GkXlsxWorkbook *workbook)
{
  if (workbook == NULL)
    return;
  g_free (workbook->display_name);
  g_free (workbook->title);
  g_clear_pointer (&workbook->sheets, g_ptr_array_unref);
  g_clear_pointer (&workbook->number_formats, g_ptr_array_unref);
  g_free (workbook);
}

/* An empty workbook to which sheets made elsewhere are added. */
GkXlsxWorkbook *
gk_xlsx_workbook_new (const char *display_name)
{
  GkXlsxWorkbook *workbook = g_new0 (GkXlsxWorkbook, 1);

  workbook->display_name = g_strdup (display_name);
  workbook->sheets = g_ptr_array_new_with_free_func (gk_xlsx_sheet_free);
  workbook->number_formats = g_ptr_array_new_with_free_func (g_free);
  return workbook;
}

const GkXlsxCell *
gk_xlsx_sheet_get_cell (GkXlsxSheet *sheet,
                        guint        row,
                        guint        column)
{
  static const GkXlsxCell blank = { GK_XLSX_CELL_BLANK, NULL, 0, FALSE, FALSE };
  GArray *cells;

  g_return_val_if_fail (sheet != NULL, &blank);

  if (row >= sheet->rows->len)
    return &blank;
  cells = g_ptr_array_index (sheet->rows, row);
  if (cells == NULL || column >= cells->len)
    return &blank;
  return &g_array_index (cells, GkXlsxCell, column);
}

char *
gk_xlsx_cell_name (guint row,
                   guint column)
{
  char letters[8];
  guint n = 0;
  GString *name = g_string_new (NULL);

  column++;
  while (column > 0 && n < sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (name, letters[--n]);
  g_string_append_printf (name, "%u", row + 1);
  return g_string_free (name, FALSE);
}

/* The built-in number formats a cell format may name by number only. */
static const char *
builtin_number_format (guint id)
{
  switch (id)
    {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 14: return "yyyy-mm-dd";
    case 49: return "@";
    default: return "General";
    }
}

const char *
gk_xlsx_workbook_number_format (GkXlsxWorkbook *workbook,
                                guint           style)
{
  g_return_val_if_fail (workbook != NULL, "General");

  if (style >= workbook->number_formats->len)
    return "General";
  return g_ptr_array_index (workbook->number_formats, style);
}

/* Package --------------------------------------------------------------- */

typedef GkXlsxPackage Package;

static GsfInput *
find_member (GsfInfile  *dir,
             const char *name)
{
  GsfInput *child = gsf_infile_child_by_name (dir, name);
  int n;

  if (child != NULL)
    return child;
  /* Some writers do not keep the case of the part names. */
  n = gsf_infile_num_children (dir);
  for (int i = 0; i < n; i++)
    {
      const char *other = gsf_infile_name_by_index (dir, i);
      if (other != NULL && g_ascii_strcasecmp (other, name) == 0)
        return gsf_infile_child_by_index (dir, i);
    }
  return NULL;
}

/* A part to read, NULL without an error when the part is absent. Its size
 * counts towards the package's before a byte of it is inflated. `sheet`
 * names the sheet a part holds, for the messages. */
GsfInput *
gk_xlsx_package_open_part (GkXlsxPackage  *pkg,
                           const char     *part,
                           const char     *sheet,
                           gsf_off_t       max_size,
                           GError        **error)
{
  g_auto(GStrv) names = g_strsplit (part[0] == '/' ? part + 1 : part, "/", -1);
  GsfInput *input = NULL;
  GsfInfile *dir = pkg->zip;
  gsf_off_t size;

  for (guint i = 0; names[i] != NULL; i++)
    {
      GsfInput *child = find_member (dir, names[i]);

      g_clear_object (&input);
      input = child;
      if (input == NULL)
        return NULL;
      if (names[i + 1] != NULL)
        {
          if (!GSF_IS_INFILE (input))
            {
              g_object_unref (input);
              return NULL;
            }
          dir = GSF_INFILE (input);
        }
    }
  if (input == NULL)
    return NULL;

  size = gsf_input_size (input);
  if (size < 0 || size > max_size)
    {
      g_object_unref (input);
      if (sheet != NULL)
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                     _("“%s”: the sheet “%s” (%s) is larger than a table can be (over %u MB unpacked); the file is damaged or not a budget workbook"),
                     pkg->display_name, sheet, part, (guint) (max_size / (1024 * 1024)));
      else
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                     _("“%s”: the part %s is larger than a workbook of tables can be (over %u MB unpacked); the file is damaged or not a budget workbook"),
                     pkg->display_name, part, (guint) (max_size / (1024 * 1024)));
      return NULL;
    }
  if (pkg->n_read + size > GK_XLSX_MAX_PACKAGE_SIZE)
    {
      g_object_unref (input);
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                   _("“%s”: its parts unpack to more than %u MB in all (at %s), more than a workbook of tables can be; the file is damaged or not a budget workbook"),
                   pkg->display_name, GK_XLSX_MAX_PACKAGE_SIZE / (1024 * 1024), part);
      return NULL;
    }
  pkg->n_read += size;
  return input;
}

void
gk_xlsx_set_doctype_error (GkXlsxPackage  *pkg,
                           const char     *part,
                           GError        **error)
{
  g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
               _("“%s” is refused: its part %s carries a document type declaration (<!DOCTYPE …>), which spreadsheet programs never write and which can make a small file swell without limit"),
               pkg->display_name, part);
}

/* Workbooks never declare a document type; one that does is refused
 * before it is parsed, entities and all. */
gboolean
gk_xlsx_check_no_doctype (GkXlsxPackage  *pkg,
                          const char     *part,
                          const char     *data,
                          gsize           size,
                          GError        **error)
{
  static const char doctype[] = "<!DOCTYPE";
  const gsize n = sizeof doctype - 1;
  const char *end = data + size;

  for (const char *p = data; (p = memchr (p, '<', end - p)) != NULL; p++)
    if ((gsize) (end - p) >= n && memcmp (p, doctype, n) == 0)
      {
        gk_xlsx_set_doctype_error (pkg, part, error);
        return FALSE;
      }
  return TRUE;
}

/* The bytes of a part read whole, NULL without an error when the part is
 * absent. */
static GBytes *
read_part (Package     *pkg,
           const char  *part,
           GError     **error)
{
  g_autofree guint8 *data = NULL;
  GsfInput *input;
  gsf_off_t size;
  gboolean read;

  input = gk_xlsx_package_open_part (pkg, part, NULL, GK_XLSX_MAX_SMALL_PART_SIZE, error);
  if (input == NULL)
    return NULL;
  size = gsf_input_size (input);
  data = g_malloc (size + 1);
  read = size == 0 || gsf_input_read (input, size, data) != NULL;
  g_object_unref (input);
  if (!read)
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                   _("“%s” is damaged: its part %s cannot be unpacked"),
                   pkg->display_name, part);
      return NULL;
    }
  data[size] = '\0';
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/* NULL without an error when the part is absent. */
static xmlDoc *
parse_part (Package     *pkg,
            const char  *part,
            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;
  xmlDoc *doc;

  bytes = read_part (pkg, part, &local_error);
  if (bytes == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!gk_xlsx_check_no_doctype (pkg, part, data, size, error))
    return NULL;
  /* No network, no external entities, no messages on the terminal. */
  doc = xmlReadMemory (data, (int) size, part, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    {
      /* One in another encoding than the bytes searched for. */
      xmlFreeDoc (doc);
      gk_xlsx_set_doctype_error (pkg, part, error);
      return NULL;
    }
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();

      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                   _("“%s” is damaged: its part %s is not well-formed XML (line %d)"),
                   pkg->display_name, part, xml_error ? xml_error->line : 0);
      if (doc != NULL)
        xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/* SpreadsheetML comes with two sets of namespaces (transitional and
 * strict); element names are the same in both. */
static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         xmlStrcmp (node->name, (const xmlChar *) name) == 0;
}

static xmlNode *
first_child (xmlNode    *parent,
             const char *name)
{
  for (xmlNode *n = parent ? parent->children : NULL; n != NULL; n = n->next)
    if (is_element (n, name))
      return n;
  return NULL;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* "xl/worksheets/../styles.xml" → "xl/styles.xml" */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (base_dir[0] != '\0')
    joined = g_strconcat (base_dir, "/", target, NULL);
  else
    joined = g_strdup (target);

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

typedef struct
{
  char *id;
  char *type;
  char *target;   /* resolved part name */
} Relationship;

static void
relationship_free (gpointer data)
{
  Relationship *rel = data;
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

/* The relationships of `part` ("" for the package), from its _rels file. */
static GPtrArray *
read_relationships (Package     *pkg,
                    const char  *part,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *rels_name = NULL;
  GPtrArray *rels = g_ptr_array_new_with_free_func (relationship_free);
  g_autoptr(GError) local_error = NULL;
  xmlDoc *doc;

  if (part[0] == '\0')
    {
      dir = g_strdup ("");
      rels_name = g_strdup ("_rels/.rels");
    }
  else
    {
      dir = g_path_get_dirname (part);
      base = g_path_get_basename (part);
      if (g_str_equal (dir, "."))
        dir[0] = '\0';
      rels_name = dir[0] ? g_strdup_printf ("%s/_rels/%s.rels", dir, base)
                         : g_strdup_printf ("_rels/%s.rels", base);
    }

  doc = parse_part (pkg, rels_name, &local_error);
  if (doc == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          g_ptr_array_unref (rels);
          return NULL;
        }
      return rels;
    }
  for (xmlNode *n = xmlDocGetRootElement (doc)->children; n != NULL; n = n->next)
    {
      g_autofree char *mode = NULL;
      g_autofree char *target = NULL;
      Relationship *rel;

      if (!is_element (n, "Relationship"))
        continue;
      mode = get_attribute (n, "TargetMode");
      target = get_attribute (n, "Target");
      if (target == NULL || g_strcmp0 (mode, "External") == 0)
        continue;
      rel = g_new0 (Relationship, 1);
      rel->id = get_attribute (n, "Id");
      rel->type = get_attribute (n, "Type");
      rel->target = resolve_target (dir, target);
      g_ptr_array_add (rels, rel);
    }
  xmlFreeDoc (doc);
  return rels;
}

static const char *
relationship_by_type (GPtrArray  *rels,
                      const char *type_suffix)
{
  for (guint i = 0; i < rels->len; i++)
    {
      Relationship *rel = g_ptr_array_index (rels, i);
      if (rel->type != NULL && g_str_has_suffix (rel->type, type_suffix))
        return rel->target;
    }
  return NULL;
}

static const char *
relationship_by_id (GPtrArray  *rels,
                    const char *id)
{
  for (guint i = 0; id != NULL && i < rels->len; i++)
    {
      Relationship *rel = g_ptr_array_index (rels, i);
      if (g_strcmp0 (rel->id, id) == 0)
        return rel->target;
    }
  return NULL;
}

/* Parts ----------------------------------------------------------------- */

static GPtrArray *
read_number_formats (Package     *pkg,
                     const char  *part,
                     GError     **error)
{
  GPtrArray *formats = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GError) local_error = NULL;
  xmlNode *root, *list;
  xmlDoc *doc;

  if (part == NULL)
    return formats;
  doc = parse_part (pkg, part, &local_error);
  if (doc == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          g_ptr_array_unref (formats);
          return NULL;
        }
      return formats;
    }
  root = xmlDocGetRootElement (doc);
  list = first_child (root, "numFmts");
  for (xmlNode *n = list ? list->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *id = NULL;
      char *code;

      if (!is_element (n, "numFmt"))
        continue;
      id = get_attribute (n, "numFmtId");
      code = get_attribute (n, "formatCode");
      if (id != NULL && code != NULL)
        g_hash_table_replace (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)), code);
      else
        g_free (code);
    }
  list = first_child (root, "cellXfs");
  for (xmlNode *n = list ? list->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *id_text = NULL;
      guint id;
      const char *code;

      if (!is_element (n, "xf"))
        continue;
      id_text = get_attribute (n, "numFmtId");
      id = id_text ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
      code = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));
      g_ptr_array_add (formats, g_strdup (code ? code : builtin_number_format (id)));
    }
  xmlFreeDoc (doc);
  return formats;
}

static char *
read_title (Package *pkg,
            const char *part)
{
  xmlDoc *doc;
  char *title = NULL;

  if (part == NULL)
    return NULL;
  doc = parse_part (pkg, part, NULL);
  if (doc == NULL)
    return NULL;
  for (xmlNode *n = xmlDocGetRootElement (doc)->children; n != NULL; n = n->next)
    if (is_element (n, "title"))
      {
        title = node_text (n);
        break;
      }
  xmlFreeDoc (doc);
  return title;
}

/* Opening --------------------------------------------------------------- */

static gboolean
looks_like_text (const guint8 *data,
                 gsize         size)
{
  const char *end;

  if (size == 0)
    return FALSE;
  /* A cut in the middle of a character at the end is not a reason. */
  if (!g_utf8_validate ((const char *) data, size, &end) && (gsize) ((const guint8 *) end - data) + 4 < size)
    return FALSE;
  for (gsize i = 0; i < (gsize) ((const guint8 *) end - data); i++)
    if (data[i] < 0x20 && data[i] != '\n' && data[i] != '\r' && data[i] != '\t')
      return FALSE;
  return TRUE;
}

/* Says what the file is when it is not a zip archive, which is what
 * people most often import by mistake. */
static gboolean
check_signature (GsfInput    *input,
                 const char  *display_name,
                 GError     **error)
{
  guint8 head[512];
  gsf_off_t size = gsf_input_size (input);
  gsize n = (gsize) MIN (size, (gsf_off_t) sizeof head);

  if (size <= 0)
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NOT_WORKBOOK,
                   _("“%s” is empty; it is not an Excel workbook"), display_name);
      return FALSE;
    }
  if (gsf_input_read (input, n, head) == NULL || gsf_input_seek (input, 0, G_SEEK_SET))
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                   _("“%s” cannot be read"), display_name);
      return FALSE;
    }
  if (n >= 4 && memcmp (head, "PK", 2) == 0)
    return TRUE;
  if (n >= 8 && memcmp (head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NOT_WORKBOOK,
                 _("“%s” is an Excel 97–2003 workbook (.xls) or a password-protected one; open it in a spreadsheet program, save it as an Excel Workbook (.xlsx) without a password, and import that"),
                 display_name);
  else if (looks_like_text (head, n))
    g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NOT_WORKBOOK,
                 _("“%s” is a text file (such as CSV), not an Excel workbook; open it in a spreadsheet program, save it as an Excel Workbook (.xlsx), and import that"),
                 display_name);
  else
    g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NOT_WORKBOOK,
                 _("“%s” is not an Excel workbook (.xlsx)"), display_name);
  return FALSE;
}

static void
ensure_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      gsf_init ();
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
read_package (GkXlsxWorkbook  *workbook,
              Package         *pkg,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) package_rels = NULL;
  g_autoptr(GPtrArray) workbook_rels = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GPtrArray) formats = NULL;
  g_autofree char *workbook_part = NULL;
  gboolean ok = FALSE;
  xmlNode *sheets;
  xmlDoc *doc;

  package_rels = read_relationships (pkg, "", error);
  if (package_rels == NULL)
    return FALSE;
  workbook_part = g_strdup (relationship_by_type (package_rels, "/officeDocument"));
  if (workbook_part == NULL)
    workbook_part = g_strdup ("xl/workbook.xml");

  doc = parse_part (pkg, workbook_part, &local_error);
  if (doc == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NOT_WORKBOOK,
                     _("“%s” is a zip archive but not an Excel workbook (it has no workbook part %s)"),
                     workbook->display_name, workbook_part);
      return FALSE;
    }

  workbook_rels = read_relationships (pkg, workbook_part, error);
  if (workbook_rels == NULL)
    goto out;
  strings = gk_xlsx_read_shared_strings (pkg, relationship_by_type (workbook_rels, "/sharedStrings"), error);
  if (strings == NULL)
    goto out;
  formats = read_number_formats (pkg, relationship_by_type (workbook_rels, "/styles"), error);
  if (formats == NULL)
    goto out;
  g_ptr_array_extend_and_steal (workbook->number_formats, g_steal_pointer (&formats));
  workbook->title = read_title (pkg, relationship_by_type (package_rels, "/core-properties"));

  sheets = first_child (xmlDocGetRootElement (doc), "sheets");
  for (xmlNode *n = sheets ? sheets->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;
      g_autofree char *state = NULL;
      const char *part;
      GkXlsxSheet *sheet;

      if (!is_element (n, "sheet"))
        continue;
      name = get_attribute (n, "name");
      /* r:id; xmlGetProp() ignores the prefix */
      id = get_attribute (n, "id");
      state = get_attribute (n, "state");
      part = relationship_by_id (workbook_rels, id);
      if (part == NULL)
        {
          g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                       _("“%s” is damaged: the sheet “%s” is listed but not in the package"),
                       workbook->display_name, name ? name : "");
          goto out;
        }
      sheet = gk_xlsx_read_sheet (pkg, name ? name : "", part, strings, error);
      if (sheet == NULL)
        goto out;
      sheet->hidden = state != NULL && !g_str_equal (state, "visible");
      g_ptr_array_add (workbook->sheets, sheet);
    }
  ok = TRUE;

out:
  xmlFreeDoc (doc);
  return ok;
}

static GkXlsxWorkbook *
open_input (GsfInput    *input,
            char        *display_name,
            GError     **error)
{
  g_autoptr(GkXlsxWorkbook) workbook = NULL;
  g_autoptr(GError) local_error = NULL;
  GsfInfile *zip;
  Package pkg = { 0 };
  gboolean ok;

  ensure_initialized ();

  workbook = g_new0 (GkXlsxWorkbook, 1);
  workbook->display_name = display_name;
  workbook->sheets = g_ptr_array_new_with_free_func (gk_xlsx_sheet_free);
  workbook->number_formats = g_ptr_array_new_with_free_func (g_free);

  if (!check_signature (input, workbook->display_name, error))
    return NULL;
  zip = gsf_infile_zip_new (input, &local_error);
  if (zip == NULL)
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                   _("“%s” is a damaged or incomplete zip archive, so its sheets cannot be read (%s)"),
                   workbook->display_name, local_error ? local_error->message : "");
      return NULL;
    }
  pkg.zip = zip;
  pkg.display_name = workbook->display_name;
  ok = read_package (workbook, &pkg, error);
  g_object_unref (zip);
  return ok ? g_steal_pointer (&workbook) : NULL;
}

GkXlsxWorkbook *
gk_xlsx_workbook_open (const char  *path,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  GkXlsxWorkbook *workbook;
  GsfInput *input;

  g_return_val_if_fail (path != NULL, NULL);

  ensure_initialized ();
  display_name = g_filename_display_name (path);
  input = gsf_input_stdio_new (path, &local_error);
  if (input == NULL)
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NOT_WORKBOOK,
                   _("Cannot read “%s”: %s"), display_name,
                   local_error ? local_error->message : g_strerror (ENOENT));
      return NULL;
    }
  workbook = open_input (input, g_steal_pointer (&display_name), error);
  g_object_unref (input);
  return workbook;
}

/* The same from bytes in memory: a workbook taken from the clipboard or
 * from a test. */
GkXlsxWorkbook *
gk_xlsx_workbook_open_data (const guint8  *data,
                            gsize          size,
                            const char    *display_name,
                            GError       **error)
{
  GkXlsxWorkbook *workbook;
  GsfInput *input;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  ensure_initialized ();
  input = gsf_input_memory_new (data, size, FALSE);
  workbook = open_input (input, g_strdup (display_name), error);
  g_object_unref (input);
  return workbook;
}
