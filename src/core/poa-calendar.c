/* poa-calendar.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-calendar"

#include "config.h"

#include <string.h>

#include "poa-calendar.h"

struct _PoaCalendar
{
  gatomicrefcount ref_count;
  guint           programmed[12];
  guint           achieved[12];
  /* NULL when empty, so that an empty calendar needs no allocation but the struct. */
  char           *notes[12];
  char           *justifications[4];
};

G_DEFINE_BOXED_TYPE (PoaCalendar, poa_calendar, poa_calendar_ref, poa_calendar_unref)

PoaCalendar *
poa_calendar_new (void)
{
  PoaCalendar *self = g_new0 (PoaCalendar, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

/**
 * poa_calendar_copy:
 * @self: (nullable): a calendar, or %NULL for an empty one
 *
 * Returns: (transfer full): a new calendar with the same figures, which the caller may change
 *   until it hands it on.
 */
PoaCalendar *
poa_calendar_copy (const PoaCalendar *self)
{
  PoaCalendar *copy = poa_calendar_new ();

  if (self == NULL)
    return copy;

  memcpy (copy->programmed, self->programmed, sizeof copy->programmed);
  memcpy (copy->achieved, self->achieved, sizeof copy->achieved);
  for (guint i = 0; i < 12; i++)
    copy->notes[i] = g_strdup (self->notes[i]);
  for (guint i = 0; i < 4; i++)
    copy->justifications[i] = g_strdup (self->justifications[i]);
  return copy;
}

PoaCalendar *
poa_calendar_ref (PoaCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
poa_calendar_unref (PoaCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < 12; i++)
    g_free (self->notes[i]);
  for (guint i = 0; i < 4; i++)
    g_free (self->justifications[i]);
  g_free (self);
}

/**
 * poa_calendar_equal:
 * @a: (nullable): a calendar; %NULL is an empty one
 * @b: (nullable): another
 */
gboolean
poa_calendar_equal (const PoaCalendar *a,
                    const PoaCalendar *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return poa_calendar_is_empty (a != NULL ? a : b);

  if (memcmp (a->programmed, b->programmed, sizeof a->programmed) != 0 ||
      memcmp (a->achieved, b->achieved, sizeof a->achieved) != 0)
    return FALSE;
  for (guint i = 0; i < 12; i++)
    if (g_strcmp0 (a->notes[i], b->notes[i]) != 0)
      return FALSE;
  for (guint i = 0; i < 4; i++)
    if (g_strcmp0 (a->justifications[i], b->justifications[i]) != 0)
      return FALSE;
  return TRUE;
}

/**
 * poa_calendar_is_empty:
 * @self: (nullable): a calendar
 *
 * Whether no month holds anything and no quarter is justified.
 */
gboolean
poa_calendar_is_empty (const PoaCalendar *self)
{
  if (self == NULL)
    return TRUE;

  for (guint m = 1; m <= 12; m++)
    if (poa_calendar_month_holds_something (self, m))
      return FALSE;
  return !poa_calendar_has_justifications (self);
}

/**
 * poa_calendar_get_programmed:
 * @self: (nullable): a calendar
 * @month: 1 (Enero) to 12 (Diciembre)
 */
guint
poa_calendar_get_programmed (const PoaCalendar *self,
                             guint              month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return self != NULL ? self->programmed[month - 1] : 0;
}

guint
poa_calendar_get_achieved (const PoaCalendar *self,
                           guint              month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return self != NULL ? self->achieved[month - 1] : 0;
}

/**
 * poa_calendar_get_note:
 *
 * Returns: (not nullable): the month's note, "" when none.
 */
const char *
poa_calendar_get_note (const PoaCalendar *self,
                       guint              month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return self != NULL && self->notes[month - 1] != NULL ? self->notes[month - 1] : "";
}

/* Whether the month has a figure or a note: only those are written to the file and the store. */
gboolean
poa_calendar_month_holds_something (const PoaCalendar *self,
                                    guint              month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  return self != NULL &&
         (self->programmed[month - 1] > 0 || self->achieved[month - 1] > 0 ||
          self->notes[month - 1] != NULL);
}

/**
 * poa_calendar_get_justification:
 * @quarter: 1 to 4
 *
 * Returns: (not nullable): the quarter's justification, "" when none.
 */
const char *
poa_calendar_get_justification (const PoaCalendar *self,
                                guint              quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, "");

  return self != NULL && self->justifications[quarter - 1] != NULL ? self->justifications[quarter - 1] : "";
}

static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/**
 * poa_calendar_set_month:
 * @self: a calendar nobody else holds yet
 * @note: (nullable): the note; %NULL or "" for none
 */
void
poa_calendar_set_month (PoaCalendar *self,
                        guint        month,
                        guint        programmed,
                        guint        achieved,
                        const char  *note)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (month >= 1 && month <= 12);

  self->programmed[month - 1] = programmed;
  self->achieved[month - 1] = achieved;
  replace_text (&self->notes[month - 1], note);
}

void
poa_calendar_set_justification (PoaCalendar *self,
                                guint        quarter,
                                const char  *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (quarter >= 1 && quarter <= 4);

  replace_text (&self->justifications[quarter - 1], text);
}

static guint64
sum_months (const guint *figures,
            guint        first_month,
            guint        last_month)
{
  guint64 sum = 0;

  for (guint m = first_month; m <= last_month; m++)
    sum += figures[m - 1];
  return sum;
}

/**
 * poa_calendar_sum_programmed:
 * @first_month: 1 to 12
 * @last_month: @first_month to 12
 *
 * Returns: the goals programmed for the months @first_month to @last_month, both included.
 */
guint64
poa_calendar_sum_programmed (const PoaCalendar *self,
                             guint              first_month,
                             guint              last_month)
{
  g_return_val_if_fail (first_month >= 1 && last_month <= 12, 0);

  return self != NULL ? sum_months (self->programmed, first_month, last_month) : 0;
}

guint64
poa_calendar_sum_achieved (const PoaCalendar *self,
                           guint              first_month,
                           guint              last_month)
{
  g_return_val_if_fail (first_month >= 1 && last_month <= 12, 0);

  return self != NULL ? sum_months (self->achieved, first_month, last_month) : 0;
}

/* Whether any month has a goal programmed: an activity without is *sin calendarizar*. */
gboolean
poa_calendar_has_programmed (const PoaCalendar *self)
{
  if (self != NULL)
    for (guint m = 0; m < 12; m++)
      if (self->programmed[m] > 0)
        return TRUE;
  return FALSE;
}

gboolean
poa_calendar_has_justifications (const PoaCalendar *self)
{
  if (self != NULL)
    for (guint q = 0; q < 4; q++)
      if (self->justifications[q] != NULL)
        return TRUE;
  return FALSE;
}

/**
 * poa_calendar_spread_programmed:
 * @self: (nullable): the activity's calendar
 * @programmed: the meta programada to spread
 * @months: the cronograma's months, bit 0 being Enero
 *
 * What "repartir la meta programada en los meses del cronograma" proposes: @programmed over the
 * scheduled months in whole goals, as evenly as they go, the remainder one more to each of the
 * earliest months (20 over 12 months: 2 in January to August, 1 in September to December). The
 * other months program nothing; achieved figures, notes and justifications stay. The program
 * never does this by itself: the caller shows the result and the user accepts it, as one edit.
 *
 * Returns: (transfer full) (nullable): the new calendar, or %NULL when no month is scheduled.
 */
PoaCalendar *
poa_calendar_spread_programmed (const PoaCalendar *self,
                                guint              programmed,
                                guint              months)
{
  PoaCalendar *spread;
  guint n = 0, share, extra;

  for (guint m = 0; m < 12; m++)
    n += (months >> m) & 1;
  if (n == 0)
    return NULL;

  share = programmed / n;
  extra = programmed % n;
  spread = poa_calendar_copy (self);
  for (guint m = 0; m < 12; m++)
    {
      if ((months >> m) & 1)
        {
          spread->programmed[m] = share + (extra > 0 ? 1 : 0);
          extra -= extra > 0;
        }
      else
        spread->programmed[m] = 0;
    }

  return spread;
}
