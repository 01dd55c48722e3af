/* poa-plan.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "poa-calendar.h"
#include "poa-review.h"
#include "poa-types.h"

G_BEGIN_DECLS

/* The texts of a plan's header, observations included. */
typedef enum
{
  POA_PLAN_MUNICIPALITY,
  POA_PLAN_ADMINISTRATION,
  POA_PLAN_DIRECTION,
  POA_PLAN_AREA,
  POA_PLAN_OBJECTIVE,
  POA_PLAN_SPECIFIC_OBJECTIVES,
  POA_PLAN_OBSERVATIONS,
  POA_PLAN_N_TEXTS
} PoaPlanText;

#define POA_PLAN_N_SIGNATURES 3

/* The semáforo's thresholds, in whole percent of the efficiency index: green from the first,
 * yellow from the second, red below. See poa-metrics.h. */
#define POA_SEMAFORO_DEFAULT_GREEN  90
#define POA_SEMAFORO_DEFAULT_YELLOW 70
#define POA_SEMAFORO_MAX            100
#define POA_YEAR_MIN 2000
#define POA_YEAR_MAX 2100

#define POA_TYPE_PLAN (poa_plan_get_type ())

G_DECLARE_FINAL_TYPE (PoaPlan, poa_plan, POA, PLAN, GObject)

PoaPlan     *poa_plan_new                  (guint         year);
PoaPlan     *poa_plan_copy                 (PoaPlan      *self);
PoaPlan     *poa_plan_new_empty            (PoaPlan      *like,
                                            guint         year,
                                            const char   *area);
PoaPlan     *poa_plan_copy_to_next_year    (PoaPlan      *self);
gboolean     poa_plan_equal                (PoaPlan      *a,
                                            PoaPlan      *b);

gint64       poa_plan_get_id               (PoaPlan      *self);
void         poa_plan_set_id               (PoaPlan      *self,
                                            gint64        id);
guint        poa_plan_get_year             (PoaPlan      *self);
void         poa_plan_set_year             (PoaPlan      *self,
                                            guint         year);
const char  *poa_plan_get_text             (PoaPlan      *self,
                                            PoaPlanText   field);
void         poa_plan_set_text             (PoaPlan      *self,
                                            PoaPlanText   field,
                                            const char   *text);
const char  *poa_plan_get_area             (PoaPlan      *self);
guint        poa_plan_get_semaforo_green   (PoaPlan      *self);
void         poa_plan_set_semaforo_green   (PoaPlan      *self,
                                            guint         percent);
guint        poa_plan_get_semaforo_yellow  (PoaPlan      *self);
void         poa_plan_set_semaforo_yellow  (PoaPlan      *self,
                                            guint         percent);
guint        poa_plan_get_tolerance_low    (PoaPlan      *self);
guint        poa_plan_get_tolerance_high   (PoaPlan      *self);
void         poa_plan_set_tolerance        (PoaPlan      *self,
                                            guint         low,
                                            guint         high);

GListStore  *poa_plan_get_signatures       (PoaPlan      *self);
PoaSignature*poa_plan_get_signature        (PoaPlan      *self,
                                            guint         position);
GListStore  *poa_plan_get_activities       (PoaPlan      *self);
GListStore  *poa_plan_get_indicators       (PoaPlan      *self);
GListStore  *poa_plan_get_budget           (PoaPlan      *self);

guint64      poa_plan_sum_goal             (PoaPlan      *self,
                                            guint         goal);
gint64       poa_plan_get_budget_total     (PoaPlan      *self);
gboolean     poa_plan_get_efficiency_index (PoaPlan      *self,
                                            double       *percent);

PoaReviewStatus poa_plan_get_review_status (PoaPlan         *self);
GPtrArray   *poa_plan_get_review_steps     (PoaPlan      *self);
void         poa_plan_set_review           (PoaPlan         *self,
                                            PoaReviewStatus  status,
                                            GPtrArray       *steps);
void         poa_plan_add_review_step      (PoaPlan       *self,
                                            PoaReviewStep *step);
GPtrArray   *poa_plan_get_history          (PoaPlan      *self);
void         poa_plan_add_history_entry    (PoaPlan         *self,
                                            PoaHistoryEntry *entry);

GPtrArray   *poa_plan_get_observations     (PoaPlan        *self);
void         poa_plan_add_observation      (PoaPlan        *self,
                                            PoaObservation *observation);
guint        poa_plan_get_closed_quarters  (PoaPlan        *self);
void         poa_plan_set_closed_quarters  (PoaPlan        *self,
                                            guint           quarters);

const char  *poa_plan_text_key             (PoaPlanText   field);
const char  *poa_plan_text_label           (PoaPlanText   field);

G_END_DECLS
