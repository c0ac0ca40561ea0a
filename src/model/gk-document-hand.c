/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-explanation-private.h"
#include "gk-narrative.h"

/* Hand-written paragraphs of 情况说明, as an undoable edit of the document. */

typedef struct
{
  GkCommand  base;
  char      *id;
  char      *texts[2];   /* [0] before, [1] after; NULL: composed */
} HandCommand;

static void
hand_apply (GkDocument *self,
            GkCommand  *command,
            gboolean    undo)
{
  HandCommand *c = (HandCommand *) command;

  gk_explanation_set_hand_written (self->explanation, c->id, c->texts[undo ? 0 : 1]);
}

static void
hand_free (GkCommand *command)
{
  HandCommand *c = (HandCommand *) command;

  g_free (c->id);
  g_free (c->texts[0]);
  g_free (c->texts[1]);
  g_free (c);
}

void
gk_document_set_hand_written (GkDocument *self,
                              const char *id,
                              const char *text)
{
  HandCommand *c;
  const char *before;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (id != NULL && id[0] != '\0');

  if (text != NULL && text[0] == '\0')
    text = NULL;
  before = gk_explanation_get_hand_written (self->explanation, id);
  if (g_strcmp0 (before, text) == 0)
    return;

  c = g_new0 (HandCommand, 1);
  c->base.apply = hand_apply;
  c->base.free = hand_free;
  c->id = g_strdup (id);
  c->texts[0] = g_strdup (before);
  c->texts[1] = g_strdup (text);
  gk_document_begin_action (self, text != NULL ? _("Rewrite Paragraph") : _("Restore Composed Paragraph"));
  gk_document_record (self, &c->base);
  gk_document_end_action (self);
}

/* Switching a composed paragraph off and on. */

typedef struct
{
  GkCommand  base;
  char      *id;
  gboolean   off;
} OffCommand;

static void
off_apply (GkDocument *self,
           GkCommand  *command,
           gboolean    undo)
{
  OffCommand *c = (OffCommand *) command;

  gk_explanation_set_paragraph_off (self->explanation, c->id, undo ? !c->off : c->off);
}

static void
off_free (GkCommand *command)
{
  OffCommand *c = (OffCommand *) command;

  g_free (c->id);
  g_free (c);
}

/**
 * gk_document_set_paragraph_off:
 * @id: a composed paragraph's id
 * @off: whether 情况说明 leaves it out
 *
 * Undoable. A paragraph switched off is left out of 情况说明 and its
 * checks; switched on again, it is composed as before.
 */
void
gk_document_set_paragraph_off (GkDocument *self,
                               const char *id,
                               gboolean    off)
{
  OffCommand *c;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (id != NULL && id[0] != '\0');

  if (gk_explanation_get_paragraph_off (self->explanation, id) == !!off)
    return;
  c = g_new0 (OffCommand, 1);
  c->base.apply = off_apply;
  c->base.free = off_free;
  c->id = g_strdup (id);
  c->off = !!off;
  gk_document_begin_action (self, off ? _("Leave Out Paragraph") : _("Bring Back Paragraph"));
  gk_document_record (self, &c->base);
  gk_document_end_action (self);
}
