/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-fields.h"

/* Converting a document between 万元 and 元 rescales every entered amount:
 * 万元 → 元 is exact; 元 → 万元 rounds to the cent of 万元 (half away from
 * zero) and counts the amounts that lost something. Everything is computed
 * first, so an overflow changes nothing; the conversion is one undoable
 * action. */

typedef struct
{
  GkRow    *row;        /* a cell … */
  guint     column;
  GObject  *object;     /* … or a property */
  const char *property;
  GkAmount  value;
} Change;

static gboolean
convert (GkAmount     amount,
         GkMoneyUnit  from,
         GkMoneyUnit  to,
         GkAmount    *out,
         guint       *n_rounded,
         GError     **error)
{
  gboolean rounded = FALSE;

  if (!gk_amount_convert (amount, from, to, out, &rounded))
    {
      g_autofree char *text = gk_amount_format (amount);
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_OVERFLOW,
                   _("%s is too large to be written in the new unit"), text);
      return FALSE;
    }
  if (rounded)
    (*n_rounded)++;
  return TRUE;
}

static gboolean
collect_rows (GListModel  *rows,
              GkMoneyUnit  from,
              GkMoneyUnit  to,
              GArray      *changes,
              guint       *n_rounded,
              GError     **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);

      for (guint c = 0; c < gk_row_get_n_columns (row); c++)
        {
          Change change = { row, c, NULL, NULL, 0 };
          GkAmount amount;

          if (!gk_row_is_cell_entered (row, c) || !gk_row_get_amount (row, c, &amount))
            continue;
          if (!convert (amount, from, to, &change.value, n_rounded, error))
            return FALSE;
          g_array_append_val (changes, change);
        }
    }
  return TRUE;
}

static gboolean
collect_fields (GObject     *object,
                GkMoneyUnit  from,
                GkMoneyUnit  to,
                GArray      *changes,
                guint       *n_rounded,
                GError     **error)
{
  guint n_fields;
  const GkField *fields = gk_fields_of (G_OBJECT_TYPE (object), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      Change change = { NULL, 0, object, fields[i].name, 0 };
      gint64 amount;

      if (fields[i].type != GK_FIELD_AMOUNT)
        continue;
      /* Areas are not money. */
      if (g_str_equal (fields[i].name, "building-area"))
        continue;
      /* Nothing entered, nothing to convert. */
      if (!gk_field_is_set (object, &fields[i]))
        continue;
      g_object_get (object, fields[i].name, &amount, NULL);
      if (!convert (amount, from, to, &change.value, n_rounded, error))
        return FALSE;
      g_array_append_val (changes, change);
    }
  return TRUE;
}

static gboolean
collect (GkDocument   *self,
         GkMoneyUnit   unit,
         GArray       *changes,
         guint        *n_rounded,
         GError      **error)
{
  GListModel *projects = G_LIST_MODEL (self->projects);
  GListModel *priors = gk_explanation_get_priors (self->explanation);
  GkMoneyUnit from = self->money_unit;
  guint rounded = 0;

  /* Project rows are 表七's rows, so the tables cover them. */
  for (guint i = 0; i < self->tables->len; i++)
    if (!collect_rows (G_LIST_MODEL (self->tables->pdata[i]), from, unit, changes, &rounded, error))
      return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GObject) project = g_list_model_get_item (projects, i);
      if (!collect_fields (project, from, unit, changes, &rounded, error))
        return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (priors); i++)
    {
      g_autoptr(GObject) prior = g_list_model_get_item (priors, i);
      if (!collect_fields (prior, from, unit, changes, &rounded, error))
        return FALSE;
    }
  if (!collect_fields (G_OBJECT (self->explanation), from, unit, changes, &rounded, error))
    return FALSE;
  /* A 决算's 年初预算 and the amounts of its facts are money too. */
  for (guint i = 0; i < g_list_model_get_n_items (gk_budget_get_figures (self->budget)); i++)
    {
      g_autoptr(GObject) figure = g_list_model_get_item (gk_budget_get_figures (self->budget), i);
      if (!collect_fields (figure, from, unit, changes, &rounded, error))
        return FALSE;
    }
  if (!collect_fields (G_OBJECT (self->final_facts), from, unit, changes, &rounded, error))
    return FALSE;
  *n_rounded = rounded;
  return TRUE;
}

/**
 * gk_document_check_money_unit:
 *
 * What gk_document_convert_money_unit() would do, without doing it: how
 * many amounts it would round, or the overflow that would stop it. Lets
 * the user be asked before figures lose anything.
 */
gboolean
gk_document_check_money_unit (GkDocument   *self,
                              GkMoneyUnit   unit,
                              guint        *n_rounded,
                              GError      **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  guint rounded = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  if (n_rounded != NULL)
    *n_rounded = 0;
  if (unit != self->money_unit && !collect (self, unit, changes, &rounded, error))
    return FALSE;
  if (n_rounded != NULL)
    *n_rounded = rounded;
  return TRUE;
}

/* Returns FALSE (and changes nothing) when an amount would overflow. */
gboolean
gk_document_convert_money_unit (GkDocument   *self,
                                GkMoneyUnit   unit,
                                guint        *n_rounded,
                                GError      **error)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  guint rounded = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  if (n_rounded != NULL)
    *n_rounded = 0;
  if (unit == self->money_unit)
    return TRUE;
  if (!collect (self, unit, changes, &rounded, error))
    return FALSE;

  gk_document_begin_action (self, _("Convert Money Unit"));
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);

      if (change->row != NULL)
        gk_document_set_amount (self, change->row, change->column, &change->value, NULL);
      else
        gk_document_set_int (self, change->object, change->property, change->value);
    }
  gk_document_set_int (self, self, "money-unit", unit);
  gk_document_end_action (self);

  if (n_rounded != NULL)
    *n_rounded = rounded;
  return TRUE;
}
