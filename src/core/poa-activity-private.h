/* poa-activity-private.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "poa-activity.h"

G_BEGIN_DECLS

/* The instance struct, for the store's bulk loading only: filling a new, unshared activity
 * field by field through the setters would emit a notification per field, and a plan may
 * hold 100,000 activities. Everyone else uses the public API.
 *
 * Texts are GRefStrings (NULL for empty): the columns of a plan repeat the same eje, línea and
 * responsable on many rows, and the store loads each distinct text once and shares it. */
struct _PoaActivity
{
  GObject  parent_instance;

  gint64   id;
  guint    number;
  char    *texts[POA_ACTIVITY_N_TEXTS];
  guint    goals[POA_ACTIVITY_N_GOALS];
  GDate    start;
  GDate    end;
  guint    months;
};

G_END_DECLS
