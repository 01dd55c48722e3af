/* poa-activity-private.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "poa-activity.h"

G_BEGIN_DECLS

/* The instance struct, for poa-activity.c and the store only; everyone else uses the public
 * API. The store reads the fields directly when it writes a row, and fills them directly when
 * it loads a plan, which may hold 100,000 activities: the setters would notify each field of
 * an activity nobody can be listening to yet, and would give each text its own copy instead
 * of the shared one below.
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
  /* The months' figures and the quarters' justifications; NULL when there are none. */
  PoaCalendar *calendar;
};

G_END_DECLS
