/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-start-page.h"

/* What a window shows before it has a document: New…, Open…, New From
 * Last Year’s File… and the disclosures opened lately, each with its file
 * name, its folder and its unit's name, read from the head of the file. */

#define RECENT_LIMIT 8
/* The unit is one of the first members a file has; a template of the
 * user's own can come before it. */
#define HEAD_LIMIT (64 * 1024)

struct _GkStartPage
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkMenuButton *menu_button;
  GtkWidget    *new_button;
  GtkWidget    *open_button;
  GtkWidget    *next_year_button;
  GtkWidget    *recent_heading;
  GtkListBox   *recent_list;

  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (GkStartPage, gk_start_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MENU_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
head_read_more (const char *file_contents,
                goffset     file_size,
                gpointer    user_data)
{
  return file_size < HEAD_LIMIT;
}

/* The value of the top-level "unit" member, as the writer indents it. */
static char *
find_unit (const char *head,
           gsize       length)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\n  \"unit\" : (\"(?:[^\"\\\\\\n]|\\\\.)*\")", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!g_regex_match_full (regex, head, length, 0, 0, &match, NULL))
    return NULL;
  quoted = g_match_info_fetch (match, 1);
  node = json_from_string (quoted, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static void
head_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AdwActionRow) row = user_data;
  g_autofree char *head = NULL;
  g_autofree char *unit = NULL;
  gsize length = 0;

  if (!g_file_load_partial_contents_finish (G_FILE (source), result, &head, &length, NULL, NULL))
    return;
  unit = find_unit (head, length);
  if (unit != NULL && unit[0] != '\0')
    {
      const char *folder = g_object_get_data (G_OBJECT (row), "gk-folder");
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", unit, folder);

      adw_action_row_set_subtitle (row, subtitle);
    }
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (ta, tb);
}

static GtkWidget *
recent_row (GkStartPage   *self,
            GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
  g_autofree char *modified = g_date_time_format (gtk_recent_info_get_modified (info), "%Y-%m-%d %H:%M");
  g_autofree char *subtitle = g_strdup_printf ("%s — %s", folder, modified);
  GtkWidget *row = adw_action_row_new ();

  /* File names are the user's: no markup in them. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (uri));
  g_object_set_data_full (G_OBJECT (row), "gk-folder", g_steal_pointer (&folder), g_free);
  g_file_load_partial_contents_async (file, self->cancellable, head_read_more,
                                      head_loaded, g_object_ref (row));
  return row;
}

static void
gk_start_page_update_recent (GkStartPage *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;
  guint n = 0;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (items, compare_recent);
  for (const GList *l = items; l != NULL && n < RECENT_LIMIT; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (!g_str_has_suffix (gtk_recent_info_get_uri (info), ".gongkai") || !gtk_recent_info_exists (info))
        continue;
      gtk_list_box_append (self->recent_list, recent_row (self, info));
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (self->recent_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), n > 0);
}

void
gk_start_page_set_menu_model (GkStartPage *self,
                              GMenuModel  *menu)
{
  g_return_if_fail (GK_IS_START_PAGE (self));

  if (gtk_menu_button_get_menu_model (self->menu_button) == menu)
    return;
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENU_MODEL]);
}

/* The list of recent disclosures, one activatable row each. */
GtkListBox *
gk_start_page_get_recent (GkStartPage *self)
{
  g_return_val_if_fail (GK_IS_START_PAGE (self), NULL);
  return self->recent_list;
}

/* @name: "new", "open" or "next-year" */
GtkWidget *
gk_start_page_get_button (GkStartPage *self,
                          const char  *name)
{
  g_return_val_if_fail (GK_IS_START_PAGE (self), NULL);

  if (g_strcmp0 (name, "new") == 0)
    return self->new_button;
  if (g_strcmp0 (name, "open") == 0)
    return self->open_button;
  if (g_strcmp0 (name, "next-year") == 0)
    return self->next_year_button;
  return NULL;
}

static void
gk_start_page_dispose (GObject *object)
{
  GkStartPage *self = GK_START_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_START_PAGE);

  G_OBJECT_CLASS (gk_start_page_parent_class)->dispose (object);
}

static void
gk_start_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkStartPage *self = GK_START_PAGE (object);

  switch (prop_id)
    {
    case PROP_MENU_MODEL:
      g_value_set_object (value, gtk_menu_button_get_menu_model (self->menu_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_start_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkStartPage *self = GK_START_PAGE (object);

  switch (prop_id)
    {
    case PROP_MENU_MODEL:
      gk_start_page_set_menu_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_start_page_class_init (GkStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_start_page_dispose;
  object_class->get_property = gk_start_page_get_property;
  object_class->set_property = gk_start_page_set_property;

  /* The window's primary menu, for the header bar. */
  properties[PROP_MENU_MODEL] =
    g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-start-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, GkStartPage, box);
  gtk_widget_class_bind_template_child (widget_class, GkStartPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GkStartPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, GkStartPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, GkStartPage, next_year_button);
  gtk_widget_class_bind_template_child (widget_class, GkStartPage, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, GkStartPage, recent_list);
}

static void
gk_start_page_init (GkStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (gk_start_page_update_recent), self, G_CONNECT_SWAPPED);
  gk_start_page_update_recent (self);
}
