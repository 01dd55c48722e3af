/* poa-calendar.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Percents of the tolerance band (achieved ÷ programmed to date), plan settings. */
#define POA_TOLERANCE_DEFAULT_LOW  90
#define POA_TOLERANCE_DEFAULT_HIGH 110
#define POA_TOLERANCE_MAX          1000

#define POA_TYPE_CALENDAR (poa_calendar_get_type ())

/* An activity's follow-up: for each month (1 Enero … 12 Diciembre) the goal programmed for it,
 * what was achieved in it and a note; for each quarter (1 … 4) a justification. The activity's
 * meta programada and meta alcanzada stay its totals; the months break them down.
 *
 * A calendar is immutable once an activity holds it (it is shared by copies and by the undo
 * history): to change one, make a new one with poa_calendar_copy() and the setters, then hand
 * it to the activity as a whole, which is one edit for PoaDocument. */
typedef struct _PoaCalendar PoaCalendar;

GType        poa_calendar_get_type              (void) G_GNUC_CONST;
PoaCalendar *poa_calendar_new                   (void);
PoaCalendar *poa_calendar_copy                  (const PoaCalendar *self);
PoaCalendar *poa_calendar_ref                   (PoaCalendar       *self);
void         poa_calendar_unref                 (PoaCalendar       *self);
gboolean     poa_calendar_equal                 (const PoaCalendar *a,
                                                 const PoaCalendar *b);
gboolean     poa_calendar_is_empty              (const PoaCalendar *self);

guint        poa_calendar_get_programmed        (const PoaCalendar *self,
                                                 guint              month);
guint        poa_calendar_get_achieved          (const PoaCalendar *self,
                                                 guint              month);
const char  *poa_calendar_get_note              (const PoaCalendar *self,
                                                 guint              month);
gboolean     poa_calendar_month_holds_something (const PoaCalendar *self,
                                                 guint              month);
const char  *poa_calendar_get_justification     (const PoaCalendar *self,
                                                 guint              quarter);

void         poa_calendar_set_month             (PoaCalendar       *self,
                                                 guint              month,
                                                 guint              programmed,
                                                 guint              achieved,
                                                 const char        *note);
void         poa_calendar_set_justification     (PoaCalendar       *self,
                                                 guint              quarter,
                                                 const char        *text);

guint64      poa_calendar_sum_programmed        (const PoaCalendar *self,
                                                 guint              first_month,
                                                 guint              last_month);
guint64      poa_calendar_sum_achieved          (const PoaCalendar *self,
                                                 guint              first_month,
                                                 guint              last_month);
PoaCalendar *poa_calendar_spread_programmed     (const PoaCalendar *self,
                                                 guint              programmed,
                                                 guint              months);
gboolean     poa_calendar_has_programmed        (const PoaCalendar *self);
gboolean     poa_calendar_has_justifications    (const PoaCalendar *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaCalendar, poa_calendar_unref)

G_END_DECLS
