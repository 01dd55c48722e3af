/* poa-util.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "poa-util.h"

/**
 * _poa_set_text:
 * @field: a string owned by a model object; %NULL stands for ""
 * @text: (nullable): the new text
 *
 * Like g_set_str() (GLib 2.76, newer than Debian 12), treating "" and %NULL alike.
 *
 * Returns: %TRUE if @field changed, and its owner should notify.
 */
gboolean
_poa_set_text (char       **field,
               const char  *text)
{
  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (*field, text) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

/**
 * _poa_text_is_digits:
 *
 * Returns: whether @text is a whole number written as ASCII digits only, and not empty: a Nº,
 *   a figure as the office types it.
 */
gboolean
_poa_text_is_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;

  return TRUE;
}
