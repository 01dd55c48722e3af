/* poa-activity.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-activity"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity-private.h"
#include "poa-date.h"
#include "poa-util.h"

G_DEFINE_FINAL_TYPE (PoaActivity, poa_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  /* One property per PoaActivityText, in the same order. */
  PROP_NAME,
  PROP_STRATEGIC_AXIS,
  PROP_STRATEGIC_LINE,
  PROP_ACTION_LINE,
  PROP_SPECIFIC_ACTIVITY,
  PROP_RESPONSIBLE,
  PROP_UNIT,
  /* One property per PoaActivityGoal, in the same order. */
  PROP_ANNUAL_GOAL,
  PROP_PROGRAMMED,
  PROP_ACHIEVED,
  PROP_START,
  PROP_END,
  PROP_MONTHS,
  PROP_CALENDAR,
  N_PROPS
};

#define PROP_FIRST_TEXT PROP_NAME
#define PROP_FIRST_GOAL PROP_ANNUAL_GOAL

static GParamSpec *properties[N_PROPS];

/* Keys are the plan file's keys and the store's column names. */
static const struct {
  const char *key;
  const char *label;
} text_fields[POA_ACTIVITY_N_TEXTS] = {
  { "name",              N_("Activity / General project") },
  { "strategic_axis",    N_("Strategic axis") },
  { "strategic_line",    N_("Strategic line") },
  { "action_line",       N_("Action line") },
  { "specific_activity", N_("Specific activity") },
  { "responsible",       N_("Responsible") },
  { "unit",              N_("Unit of measure") },
};

static const struct {
  const char *key;
  const char *label;
} goal_fields[POA_ACTIVITY_N_GOALS] = {
  { "annual_goal", N_("Annual goal") },
  { "programmed",  N_("Programmed goal") },
  { "achieved",    N_("Achieved goal") },
};

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (g_date_valid (a) != g_date_valid (b))
    return FALSE;

  return !g_date_valid (a) || g_date_compare (a, b) == 0;
}

static gboolean
set_date (PoaActivity *self,
          GDate       *field,
          const GDate *date,
          guint        prop_id)
{
  GDate value;

  g_date_clear (&value, 1);
  if (date != NULL && g_date_valid (date))
    value = *date;

  if (dates_equal (field, &value))
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

static void
poa_activity_finalize (GObject *object)
{
  PoaActivity *self = (PoaActivity *)object;

  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_ref_string_release);
  g_clear_pointer (&self->calendar, poa_calendar_unref);

  G_OBJECT_CLASS (poa_activity_parent_class)->finalize (object);
}

static void
poa_activity_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PoaActivity *self = POA_ACTIVITY (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < PROP_FIRST_TEXT + POA_ACTIVITY_N_TEXTS)
    {
      g_value_set_string (value, poa_activity_get_text (self, prop_id - PROP_FIRST_TEXT));
      return;
    }

  if (prop_id >= PROP_FIRST_GOAL && prop_id < PROP_FIRST_GOAL + POA_ACTIVITY_N_GOALS)
    {
      g_value_set_uint (value, self->goals[prop_id - PROP_FIRST_GOAL]);
      return;
    }

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_START:
      g_value_set_boxed (value, poa_activity_get_start (self));
      break;

    case PROP_END:
      g_value_set_boxed (value, poa_activity_get_end (self));
      break;

    case PROP_MONTHS:
      g_value_set_uint (value, self->months);
      break;

    case PROP_CALENDAR:
      g_value_set_boxed (value, self->calendar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_activity_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PoaActivity *self = POA_ACTIVITY (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < PROP_FIRST_TEXT + POA_ACTIVITY_N_TEXTS)
    {
      poa_activity_set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }

  if (prop_id >= PROP_FIRST_GOAL && prop_id < PROP_FIRST_GOAL + POA_ACTIVITY_N_GOALS)
    {
      poa_activity_set_goal (self, prop_id - PROP_FIRST_GOAL, g_value_get_uint (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_NUMBER:
      poa_activity_set_number (self, g_value_get_uint (value));
      break;

    case PROP_START:
      poa_activity_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_END:
      poa_activity_set_end (self, g_value_get_boxed (value));
      break;

    case PROP_MONTHS:
      poa_activity_set_months (self, g_value_get_uint (value));
      break;

    case PROP_CALENDAR:
      poa_activity_set_calendar (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_activity_class_init (PoaActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = poa_activity_finalize;
  object_class->get_property = poa_activity_get_property;
  object_class->set_property = poa_activity_set_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Property names are the keys with dashes: "strategic-axis". */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STRATEGIC_AXIS] =
    g_param_spec_string ("strategic-axis", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STRATEGIC_LINE] =
    g_param_spec_string ("strategic-line", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION_LINE] =
    g_param_spec_string ("action-line", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPECIFIC_ACTIVITY] =
    g_param_spec_string ("specific-activity", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESPONSIBLE] =
    g_param_spec_string ("responsible", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANNUAL_GOAL] =
    g_param_spec_uint ("annual-goal", NULL, NULL,
                       0, POA_GOAL_MAX, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROGRAMMED] =
    g_param_spec_uint ("programmed", NULL, NULL,
                       0, POA_GOAL_MAX, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACHIEVED] =
    g_param_spec_uint ("achieved", NULL, NULL,
                       0, POA_GOAL_MAX, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MONTHS] =
    g_param_spec_uint ("months", NULL, NULL,
                       0, POA_MONTHS_ALL, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Replaced whole, never changed in place: a month's entry is one edit of this property,
   * which PoaDocument undoes like any other (see poa-calendar.h). NULL: nothing recorded. */
  properties[PROP_CALENDAR] =
    g_param_spec_boxed ("calendar", NULL, NULL, POA_TYPE_CALENDAR,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
poa_activity_init (PoaActivity *self)
{
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
}

PoaActivity *
poa_activity_new (void)
{
  return g_object_new (POA_TYPE_ACTIVITY, NULL);
}

/**
 * poa_activity_copy:
 *
 * Returns: a new activity with the same fields, and no store id.
 */
PoaActivity *
poa_activity_copy (PoaActivity *self)
{
  PoaActivity *copy;

  g_return_val_if_fail (POA_IS_ACTIVITY (self), NULL);

  copy = poa_activity_new ();
  copy->number = self->number;
  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    copy->texts[i] = self->texts[i] ? g_ref_string_acquire (self->texts[i]) : NULL;
  for (guint i = 0; i < POA_ACTIVITY_N_GOALS; i++)
    copy->goals[i] = self->goals[i];
  copy->start = self->start;
  copy->end = self->end;
  copy->months = self->months;
  copy->calendar = self->calendar != NULL ? poa_calendar_ref (self->calendar) : NULL;

  return copy;
}

/**
 * poa_activity_equal:
 *
 * Compares every field a plan file holds; the store id is not one of them.
 */
gboolean
poa_activity_equal (PoaActivity *a,
                    PoaActivity *b)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (a), FALSE);
  g_return_val_if_fail (POA_IS_ACTIVITY (b), FALSE);

  if (a->number != b->number || a->months != b->months)
    return FALSE;

  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    if (g_strcmp0 (poa_activity_get_text (a, i), poa_activity_get_text (b, i)) != 0)
      return FALSE;

  for (guint i = 0; i < POA_ACTIVITY_N_GOALS; i++)
    if (a->goals[i] != b->goals[i])
      return FALSE;

  return dates_equal (&a->start, &b->start) && dates_equal (&a->end, &b->end) &&
         poa_calendar_equal (a->calendar, b->calendar);
}

gint64
poa_activity_get_id (PoaActivity *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), 0);

  return self->id;
}

void
poa_activity_set_id (PoaActivity *self,
                     gint64       id)
{
  g_return_if_fail (POA_IS_ACTIVITY (self));

  self->id = id;
}

guint
poa_activity_get_number (PoaActivity *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), 0);

  return self->number;
}

void
poa_activity_set_number (PoaActivity *self,
                         guint        number)
{
  g_return_if_fail (POA_IS_ACTIVITY (self));

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

/**
 * poa_activity_get_text:
 *
 * Returns: (not nullable): the text, "" when empty.
 */
const char *
poa_activity_get_text (PoaActivity     *self,
                       PoaActivityText  field)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), "");
  g_return_val_if_fail (field < POA_ACTIVITY_N_TEXTS, "");

  return self->texts[field] != NULL ? self->texts[field] : "";
}

/**
 * poa_activity_ref_text:
 *
 * The text as the activity holds it, which never changes: another text set replaces it. For a
 * thread that reads an activity's texts while the activity may change, and for a cache that
 * needs to know whether a text is still the one it saw (two texts held at once are never at
 * the same address).
 *
 * Returns: (transfer full) (nullable): the text, a GRefString to release with
 *   g_ref_string_release(); %NULL when empty.
 */
char *
poa_activity_ref_text (PoaActivity     *self,
                       PoaActivityText  field)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), NULL);
  g_return_val_if_fail (field < POA_ACTIVITY_N_TEXTS, NULL);

  return self->texts[field] != NULL ? g_ref_string_acquire (self->texts[field]) : NULL;
}

/* Counts the texts set on any activity (see poa_activity_get_texts_serial()). */
static int texts_serial;

/**
 * poa_activity_get_texts_serial:
 *
 * A number that changes whenever poa_activity_set_text() changes a text of any activity: a
 * search that keeps every activity's folded texts need not look at 100,000 activities to know
 * that none was edited since it last did. (The store fills new activities directly, which no
 * one has seen yet.)
 *
 * Returns: the serial
 */
guint
poa_activity_get_texts_serial (void)
{
  return (guint)g_atomic_int_get (&texts_serial);
}

void
poa_activity_set_text (PoaActivity     *self,
                       PoaActivityText  field,
                       const char      *text)
{
  g_return_if_fail (POA_IS_ACTIVITY (self));
  g_return_if_fail (field < POA_ACTIVITY_N_TEXTS);

  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (self->texts[field], text) == 0)
    return;

  g_clear_pointer (&self->texts[field], g_ref_string_release);
  self->texts[field] = text ? g_ref_string_new (text) : NULL;
  g_atomic_int_inc (&texts_serial);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
}

const char *
poa_activity_get_name (PoaActivity *self)
{
  return poa_activity_get_text (self, POA_ACTIVITY_NAME);
}

guint
poa_activity_get_goal (PoaActivity     *self,
                       PoaActivityGoal  goal)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), 0);
  g_return_val_if_fail (goal < POA_ACTIVITY_N_GOALS, 0);

  return self->goals[goal];
}

void
poa_activity_set_goal (PoaActivity     *self,
                       PoaActivityGoal  goal,
                       guint            value)
{
  g_return_if_fail (POA_IS_ACTIVITY (self));
  g_return_if_fail (goal < POA_ACTIVITY_N_GOALS);
  g_return_if_fail (value <= POA_GOAL_MAX);

  if (self->goals[goal] == value)
    return;

  self->goals[goal] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_GOAL + goal]);
}

/**
 * poa_activity_get_start:
 *
 * Returns: (nullable): the start date, or %NULL when unknown.
 */
const GDate *
poa_activity_get_start (PoaActivity *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), NULL);

  return g_date_valid (&self->start) ? &self->start : NULL;
}

void
poa_activity_set_start (PoaActivity *self,
                        const GDate *date)
{
  g_return_if_fail (POA_IS_ACTIVITY (self));

  set_date (self, &self->start, date, PROP_START);
}

/**
 * poa_activity_get_end:
 *
 * Returns: (nullable): the end date, or %NULL when unknown.
 */
const GDate *
poa_activity_get_end (PoaActivity *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), NULL);

  return g_date_valid (&self->end) ? &self->end : NULL;
}

void
poa_activity_set_end (PoaActivity *self,
                      const GDate *date)
{
  g_return_if_fail (POA_IS_ACTIVITY (self));

  set_date (self, &self->end, date, PROP_END);
}

/**
 * poa_activity_get_months:
 *
 * Returns: the months the cronograma shades, bit 0 being Enero.
 */
guint
poa_activity_get_months (PoaActivity *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), 0);

  return self->months;
}

void
poa_activity_set_months (PoaActivity *self,
                         guint        months)
{
  g_return_if_fail (POA_IS_ACTIVITY (self));
  g_return_if_fail (months <= POA_MONTHS_ALL);

  if (self->months == months)
    return;

  self->months = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTHS]);
}

/**
 * poa_activity_has_month:
 * @month: 1 (Enero) to 12 (Diciembre)
 */
gboolean
poa_activity_has_month (PoaActivity *self,
                        guint        month)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  return (self->months & (1u << (month - 1))) != 0;
}

/**
 * poa_activity_get_calendar:
 *
 * Returns: (transfer none) (nullable): the months' figures and the justifications, %NULL when
 *   nothing is recorded. Never change it: set a new one.
 */
PoaCalendar *
poa_activity_get_calendar (PoaActivity *self)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), NULL);

  return self->calendar;
}

/**
 * poa_activity_set_calendar:
 * @calendar: (nullable) (transfer none): the new follow-up; the activity keeps a reference,
 *   so it must not be changed afterwards
 */
void
poa_activity_set_calendar (PoaActivity *self,
                           PoaCalendar *calendar)
{
  g_return_if_fail (POA_IS_ACTIVITY (self));

  if (poa_calendar_is_empty (calendar))
    calendar = NULL;

  if (self->calendar == calendar || poa_calendar_equal (self->calendar, calendar))
    {
      /* Same figures: keep whichever is held, but take the new one so that the property
       * reads back what was set. */
      if (calendar != NULL && self->calendar != calendar)
        {
          poa_calendar_unref (self->calendar);
          self->calendar = poa_calendar_ref (calendar);
        }
      return;
    }

  g_clear_pointer (&self->calendar, poa_calendar_unref);
  self->calendar = calendar != NULL ? poa_calendar_ref (calendar) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALENDAR]);
}

/**
 * poa_activity_get_achieved_without_month:
 *
 * Returns: the meta alcanzada the months do not account for (*sin mes*): all of it for a plan
 *   written before the follow-up existed. Never below zero.
 */
guint
poa_activity_get_achieved_without_month (PoaActivity *self)
{
  guint64 months;

  g_return_val_if_fail (POA_IS_ACTIVITY (self), 0);

  months = poa_calendar_sum_achieved (self->calendar, 1, 12);
  return months >= self->goals[POA_ACTIVITY_ACHIEVED] ? 0 : self->goals[POA_ACTIVITY_ACHIEVED] - (guint)months;
}

static gboolean
ratio_percent (guint   numerator,
               guint   denominator,
               double *percent)
{
  if (denominator == 0)
    {
      if (percent != NULL)
        *percent = 0.0;
      return FALSE;
    }

  if (percent != NULL)
    *percent = 100.0 * numerator / denominator;
  return TRUE;
}

/**
 * poa_activity_get_programmed_percent:
 * @percent: (out) (optional): meta programada ÷ meta anual × 100
 *
 * Returns: %FALSE when the annual goal is zero and there is no percentage.
 */
gboolean
poa_activity_get_programmed_percent (PoaActivity *self,
                                     double      *percent)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), FALSE);

  return ratio_percent (self->goals[POA_ACTIVITY_PROGRAMMED],
                        self->goals[POA_ACTIVITY_ANNUAL_GOAL],
                        percent);
}

/**
 * poa_activity_get_achieved_percent:
 * @percent: (out) (optional): meta alcanzada ÷ meta programada × 100
 *
 * Returns: %FALSE when nothing is programmed and there is no percentage.
 */
gboolean
poa_activity_get_achieved_percent (PoaActivity *self,
                                   double      *percent)
{
  g_return_val_if_fail (POA_IS_ACTIVITY (self), FALSE);

  return ratio_percent (self->goals[POA_ACTIVITY_ACHIEVED],
                        self->goals[POA_ACTIVITY_PROGRAMMED],
                        percent);
}

const char *
poa_activity_text_key (PoaActivityText field)
{
  g_return_val_if_fail (field < POA_ACTIVITY_N_TEXTS, NULL);

  return text_fields[field].key;
}

/**
 * poa_activity_text_label:
 *
 * Returns: the field's name in the interface language.
 */
const char *
poa_activity_text_label (PoaActivityText field)
{
  g_return_val_if_fail (field < POA_ACTIVITY_N_TEXTS, NULL);

  return _(text_fields[field].label);
}

const char *
poa_activity_goal_key (PoaActivityGoal goal)
{
  g_return_val_if_fail (goal < POA_ACTIVITY_N_GOALS, NULL);

  return goal_fields[goal].key;
}

const char *
poa_activity_goal_label (PoaActivityGoal goal)
{
  g_return_val_if_fail (goal < POA_ACTIVITY_N_GOALS, NULL);

  return _(goal_fields[goal].label);
}
