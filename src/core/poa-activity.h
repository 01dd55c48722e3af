/* poa-activity.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-calendar.h"
#include "poa-types.h"

G_BEGIN_DECLS

/* The texts of an activity, in the order of the two official tables. */
typedef enum
{
  POA_ACTIVITY_NAME,
  POA_ACTIVITY_STRATEGIC_AXIS,
  POA_ACTIVITY_STRATEGIC_LINE,
  POA_ACTIVITY_ACTION_LINE,
  POA_ACTIVITY_SPECIFIC_ACTIVITY,
  POA_ACTIVITY_RESPONSIBLE,
  POA_ACTIVITY_UNIT,
  POA_ACTIVITY_N_TEXTS
} PoaActivityText;

/* The whole-number metas of an activity. */
typedef enum
{
  POA_ACTIVITY_ANNUAL_GOAL,
  POA_ACTIVITY_PROGRAMMED,
  POA_ACTIVITY_ACHIEVED,
  POA_ACTIVITY_N_GOALS
} PoaActivityGoal;

/* Largest meta accepted anywhere (the schema checks it too). */
#define POA_GOAL_MAX 1000000000u

#define POA_TYPE_ACTIVITY (poa_activity_get_type ())

G_DECLARE_FINAL_TYPE (PoaActivity, poa_activity, POA, ACTIVITY, GObject)

PoaActivity   *poa_activity_new                (void);
PoaActivity   *poa_activity_copy               (PoaActivity      *self);
gboolean       poa_activity_equal              (PoaActivity      *a,
                                                PoaActivity      *b);

gint64         poa_activity_get_id             (PoaActivity      *self);
void           poa_activity_set_id             (PoaActivity      *self,
                                                gint64            id);
guint          poa_activity_get_number         (PoaActivity      *self);
void           poa_activity_set_number         (PoaActivity      *self,
                                                guint             number);

const char    *poa_activity_get_text           (PoaActivity      *self,
                                                PoaActivityText   field);
char          *poa_activity_ref_text           (PoaActivity      *self,
                                                PoaActivityText   field);
guint          poa_activity_get_texts_serial   (void);
void           poa_activity_set_text           (PoaActivity      *self,
                                                PoaActivityText   field,
                                                const char       *text);
const char    *poa_activity_get_name           (PoaActivity      *self);

guint          poa_activity_get_goal           (PoaActivity      *self,
                                                PoaActivityGoal   goal);
void           poa_activity_set_goal           (PoaActivity      *self,
                                                PoaActivityGoal   goal,
                                                guint             value);

const GDate   *poa_activity_get_start          (PoaActivity      *self);
void           poa_activity_set_start          (PoaActivity      *self,
                                                const GDate      *date);
const GDate   *poa_activity_get_end            (PoaActivity      *self);
void           poa_activity_set_end            (PoaActivity      *self,
                                                const GDate      *date);

guint          poa_activity_get_months         (PoaActivity      *self);
void           poa_activity_set_months         (PoaActivity      *self,
                                                guint             months);
gboolean       poa_activity_has_month          (PoaActivity      *self,
                                                guint             month);

PoaCalendar   *poa_activity_get_calendar       (PoaActivity      *self);
void           poa_activity_set_calendar       (PoaActivity      *self,
                                                PoaCalendar      *calendar);
guint          poa_activity_get_achieved_without_month (PoaActivity *self);

gboolean       poa_activity_get_programmed_percent (PoaActivity  *self,
                                                    double       *percent);
gboolean       poa_activity_get_achieved_percent   (PoaActivity  *self,
                                                    double       *percent);

const char    *poa_activity_text_key           (PoaActivityText   field);
const char    *poa_activity_text_label         (PoaActivityText   field);
const char    *poa_activity_goal_key           (PoaActivityGoal   goal);
const char    *poa_activity_goal_label         (PoaActivityGoal   goal);

G_END_DECLS
