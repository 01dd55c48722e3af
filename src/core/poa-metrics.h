/* poa-metrics.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-types.h"

G_BEGIN_DECLS

/* The semáforo of an efficiency index, from the plan's thresholds. */
typedef enum
{
  POA_SEMAFORO_NONE,    /* nothing programmed: there is no index to judge */
  POA_SEMAFORO_RED,
  POA_SEMAFORO_YELLOW,
  POA_SEMAFORO_GREEN,
} PoaSemaforo;

/* Where an activity stands against its cronograma on a given date. */
typedef struct
{
  double share;           /* share of its scheduled months elapsed, 0 to 1 */
  double expected;        /* programmed goal × share: what should be done by the date */
  guint  expected_whole;  /* the whole goals that should be done: expected rounded down */
  guint  behind;          /* expected_whole − achieved when that is positive, else 0 */
} PoaScheduleStatus;

PoaSemaforo  poa_semaforo_for_percent         (double             percent,
                                               guint              green_from,
                                               guint              yellow_from);
PoaSemaforo  poa_plan_get_semaforo            (PoaPlan           *plan,
                                               double            *percent);
PoaSemaforo  poa_activity_get_semaforo        (PoaActivity       *activity,
                                               PoaPlan           *plan,
                                               double            *percent);
const char  *poa_semaforo_label               (PoaSemaforo        level);
const char  *poa_semaforo_label_spanish       (PoaSemaforo        level);
guint32      poa_semaforo_rgb                 (PoaSemaforo        level);

gboolean     poa_months_elapsed_share         (guint              months,
                                               guint              year,
                                               const GDate       *date,
                                               double            *share);
gboolean     poa_activity_get_schedule_status (PoaActivity       *activity,
                                               guint              year,
                                               const GDate       *date,
                                               PoaScheduleStatus *status);
guint        poa_plan_count_late              (PoaPlan           *plan,
                                               const GDate       *date);

G_END_DECLS
