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

/* What one activity's row says on a date: one story, never a semáforo red beside "on
 * schedule". Until its whole meta is due, the schedule to date speaks; once it is (its
 * scheduled months are over, or the year is), the semáforo grades the meta. */
typedef enum
{
  POA_PROGRESS_UNSCHEDULED,  /* no month scheduled and the year not over: nothing to judge */
  POA_PROGRESS_NOTHING_DUE,  /* no whole goal owed yet by the date */
  POA_PROGRESS_ON_SCHEDULE,  /* owes some goals and has done them */
  POA_PROGRESS_LATE,         /* has done fewer goals than it owes by the date */
  POA_PROGRESS_DUE,          /* its whole meta is due: judged by the semáforo */
} PoaProgressState;

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
PoaProgressState poa_activity_get_progress_state (PoaActivity       *activity,
                                                 PoaPlan           *plan,
                                                 const GDate       *date,
                                                 PoaScheduleStatus *status,
                                                 PoaSemaforo       *level);
PoaSemaforo  poa_progress_state_color_level   (PoaProgressState   state,
                                               PoaSemaforo        level);
guint        poa_plan_count_late              (PoaPlan           *plan,
                                               const GDate       *date);

G_END_DECLS
