/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-narrative-private.h"

/* What one composition of 情况说明 keeps for the next: the paragraphs of
 * each block (a project's), with what they were written from. */

/* Object data: the blocks of the last composition, kept for the next. */
#define GK_NARRATIVE_MEMOS "gk-narrative-memos"

typedef struct
{
  GBytes      *inputs;
  GkMoneyUnit  stored_unit;
  GkMoneyUnit  text_unit;
  GPtrArray   *paragraphs;  /* GkParagraph, shared with the compositions */
} Block;

typedef struct
{
  GHashTable *blocks;  /* owner → Block, as last composed */
  GHashTable *next;    /* owner → Block, of the composition under way */
  gboolean    used;
} Memo;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_bytes_unref (block->inputs);
  g_ptr_array_unref (block->paragraphs);
  g_free (block);
}

static void
memo_free (gpointer data)
{
  Memo *memo = data;

  g_hash_table_unref (memo->blocks);
  g_clear_pointer (&memo->next, g_hash_table_unref);
  g_free (memo);
}

void
gk_composer_init_memos (GkComposer *c)
{
  c->memos = g_object_get_data (G_OBJECT (c->document), GK_NARRATIVE_MEMOS);
  if (c->memos == NULL)
    {
      c->memos = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, memo_free);
      g_object_set_data_full (G_OBJECT (c->document), GK_NARRATIVE_MEMOS, c->memos,
                              (GDestroyNotify) g_hash_table_unref);
    }
  c->memos_used = g_ptr_array_new ();
}

/**
 * gk_narrative_forget:
 * @document: a document
 *
 * Drops what the compositions of @document kept for the next one, the
 * paragraphs of each project among them: for a reader that is done
 * composing, such as the summary after a PDF, whose memory the pages
 * still being drawn need more. The next composition writes everything.
 */
void
gk_narrative_forget (GkDocument *document)
{
  g_return_if_fail (GK_IS_DOCUMENT (document));

  g_object_set_data (G_OBJECT (document), GK_NARRATIVE_MEMOS, NULL);
}

/* What is kept of the last composition is what it used: the blocks of a
 * project since deleted go with it. */
void
gk_composer_finish (GkComposer *c)
{
  for (guint i = 0; i < c->memos_used->len; i++)
    {
      Memo *memo = g_ptr_array_index (c->memos_used, i);

      g_hash_table_unref (memo->blocks);
      memo->blocks = g_steal_pointer (&memo->next);
      memo->used = FALSE;
    }
  g_clear_pointer (&c->memos_used, g_ptr_array_unref);
  g_clear_pointer (&c->block_inputs, g_bytes_unref);
}

/* Whether @block was composed from @inputs. Empty inputs have no data at
 * all (NULL), which memcmp() must not be given. */
static gboolean
same_inputs (Block         *block,
             gconstpointer  inputs,
             gsize          size)
{
  return g_bytes_get_size (block->inputs) == size &&
         (size == 0 || memcmp (g_bytes_get_data (block->inputs, NULL), inputs, size) == 0);
}

/* A composition that keeps nothing takes a block the last one kept as it
 * is, and leaves it where it is. */
static gboolean
block_reuse (GkComposer    *c,
             Memo          *memo,
             gpointer       owner,
             gconstpointer  inputs,
             gsize          size)
{
  Block *block = memo != NULL ? g_hash_table_lookup (memo->blocks, owner) : NULL;

  c->block_owner = owner;
  if (block == NULL || block->stored_unit != c->stored_unit || block->text_unit != c->text_unit ||
      !same_inputs (block, inputs, size))
    return FALSE;
  for (guint i = 0; i < block->paragraphs->len; i++)
    g_ptr_array_add (c->section->paragraphs, gk_paragraph_ref (g_ptr_array_index (block->paragraphs, i)));
  c->paragraph = NULL;
  c->block_owner = NULL;
  return TRUE;
}

gboolean
gk_composer_block_begin (GkComposer   *c,
                         const char   *memo_name,
                         gpointer      owner,
                         gconstpointer inputs,
                         gsize         size)
{
  Memo *memo = g_hash_table_lookup (c->memos, memo_name);
  Block *block;

  g_assert (c->section != NULL && c->block_memo == NULL);

  if (c->unkept)
    return block_reuse (c, memo, owner, inputs, size);

  if (memo == NULL)
    {
      memo = g_new0 (Memo, 1);
      memo->blocks = g_hash_table_new_full (NULL, NULL, g_object_unref, block_free);
      g_hash_table_insert (c->memos, (gpointer) memo_name, memo);
    }
  if (!memo->used)
    {
      memo->used = TRUE;
      memo->next = g_hash_table_new_full (NULL, NULL, g_object_unref, block_free);
      g_ptr_array_add (c->memos_used, memo);
    }

  block = g_hash_table_lookup (memo->next, owner);
  if (block == NULL)
    block = g_hash_table_lookup (memo->blocks, owner);
  if (block != NULL && block->stored_unit == c->stored_unit && block->text_unit == c->text_unit &&
      same_inputs (block, inputs, size))
    {
      for (guint i = 0; i < block->paragraphs->len; i++)
        g_ptr_array_add (c->section->paragraphs, gk_paragraph_ref (g_ptr_array_index (block->paragraphs, i)));
      if (!g_hash_table_contains (memo->next, owner))
        {
          gpointer key;

          g_hash_table_steal_extended (memo->blocks, owner, &key, (gpointer *) &block);
          g_hash_table_insert (memo->next, key, block);
        }
      c->paragraph = NULL;
      return TRUE;
    }

  c->block_memo = memo;
  c->block_owner = owner;
  c->block_inputs = g_bytes_new (inputs, size);
  c->block_start = c->section->paragraphs->len;
  return FALSE;
}

void
gk_composer_block_end (GkComposer *c)
{
  Memo *memo = c->block_memo;
  Block *block;

  if (c->unkept)
    {
      g_assert (c->block_owner != NULL);
      c->paragraph = NULL;
      c->block_owner = NULL;
      return;
    }
  g_assert (memo != NULL);

  block = g_new0 (Block, 1);
  block->inputs = g_steal_pointer (&c->block_inputs);
  block->stored_unit = c->stored_unit;
  block->text_unit = c->text_unit;
  block->paragraphs = g_ptr_array_new_full (c->section->paragraphs->len - c->block_start, gk_paragraph_unref);
  for (guint i = c->block_start; i < c->section->paragraphs->len; i++)
    g_ptr_array_add (block->paragraphs, gk_paragraph_ref (g_ptr_array_index (c->section->paragraphs, i)));
  g_hash_table_replace (memo->next, g_object_ref (c->block_owner), block);
  /* What follows is not the block's: it must not write into it. */
  c->paragraph = NULL;
  c->block_memo = NULL;
  c->block_owner = NULL;
}
