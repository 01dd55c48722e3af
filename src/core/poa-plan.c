/* poa-plan.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-indicator.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-signature.h"
#include "poa-util.h"

/* A POA: one area's plan for one year. The plan owns its lists; the store fills them, the
 * views bind to them, and nothing else keeps a copy. */
struct _PoaPlan
{
  GObject     parent_instance;

  gint64      id;
  guint       year;
  char       *texts[POA_PLAN_N_TEXTS];
  guint       semaforo_green;
  guint       semaforo_yellow;
  guint       tolerance_low;
  guint       tolerance_high;

  GListStore *signatures;
  GListStore *activities;
  GListStore *indicators;
  GListStore *budget;

  /* The planning unit's review and the change record, appended to only (poa-review.h). */
  PoaReviewStatus review_status;
  GPtrArray  *review_steps;
  GPtrArray  *history;
  /* The planning unit's observations (PoaObservation), appended to only, and the quarters it
   * closed (bit Q − 1 for quarter Q): their month figures change only with a justification. */
  GPtrArray  *observations;
  guint       closed_quarters;
};

G_DEFINE_FINAL_TYPE (PoaPlan, poa_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_YEAR,
  /* One property per PoaPlanText, in the same order. */
  PROP_MUNICIPALITY,
  PROP_ADMINISTRATION,
  PROP_DIRECTION,
  PROP_AREA,
  PROP_OBJECTIVE,
  PROP_SPECIFIC_OBJECTIVES,
  PROP_OBSERVATIONS,
  PROP_SEMAFORO_GREEN,
  PROP_SEMAFORO_YELLOW,
  PROP_TOLERANCE_LOW,
  PROP_TOLERANCE_HIGH,
  PROP_REVIEW_STATUS,
  PROP_CLOSED_QUARTERS,
  N_PROPS
};

#define PROP_FIRST_TEXT PROP_MUNICIPALITY

static GParamSpec *properties[N_PROPS];

enum {
  OBSERVATIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keys are the plan file's keys and the store's column names. */
static const struct {
  const char *key;
  const char *property;
  const char *label;
} text_fields[POA_PLAN_N_TEXTS] = {
  { "municipality",        "municipality",        N_("Municipality") },
  { "administration",      "administration",      N_("Administration period") },
  { "direction",           "direction",           N_("Directorate") },
  { "area",                "area",                N_("Area") },
  { "objective",           "objective",           N_("Objective") },
  { "specific_objectives", "specific-objectives", N_("Specific objectives") },
  { "observations",        "observations",        N_("Observations") },
};

/* The official roles of the three signature blocks, as the document prints them. */
static const char *signature_roles[POA_PLAN_N_SIGNATURES] = { "Elaboró", "Revisó", "Aprobó" };

static void
poa_plan_dispose (GObject *object)
{
  PoaPlan *self = (PoaPlan *)object;

  g_clear_object (&self->signatures);
  g_clear_object (&self->activities);
  g_clear_object (&self->indicators);
  g_clear_object (&self->budget);
  g_clear_pointer (&self->review_steps, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->observations, g_ptr_array_unref);

  G_OBJECT_CLASS (poa_plan_parent_class)->dispose (object);
}

static void
poa_plan_finalize (GObject *object)
{
  PoaPlan *self = (PoaPlan *)object;

  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (poa_plan_parent_class)->finalize (object);
}

static void
poa_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PoaPlan *self = POA_PLAN (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < PROP_FIRST_TEXT + POA_PLAN_N_TEXTS)
    g_value_set_string (value, poa_plan_get_text (self, prop_id - PROP_FIRST_TEXT));
  else if (prop_id == PROP_YEAR)
    g_value_set_uint (value, self->year);
  else if (prop_id == PROP_SEMAFORO_GREEN)
    g_value_set_uint (value, self->semaforo_green);
  else if (prop_id == PROP_SEMAFORO_YELLOW)
    g_value_set_uint (value, self->semaforo_yellow);
  else if (prop_id == PROP_TOLERANCE_LOW)
    g_value_set_uint (value, self->tolerance_low);
  else if (prop_id == PROP_TOLERANCE_HIGH)
    g_value_set_uint (value, self->tolerance_high);
  else if (prop_id == PROP_CLOSED_QUARTERS)
    g_value_set_uint (value, self->closed_quarters);
  else if (prop_id == PROP_REVIEW_STATUS)
    g_value_set_uint (value, self->review_status);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
poa_plan_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PoaPlan *self = POA_PLAN (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < PROP_FIRST_TEXT + POA_PLAN_N_TEXTS)
    poa_plan_set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
  else if (prop_id == PROP_YEAR)
    poa_plan_set_year (self, g_value_get_uint (value));
  else if (prop_id == PROP_SEMAFORO_GREEN)
    poa_plan_set_semaforo_green (self, g_value_get_uint (value));
  else if (prop_id == PROP_SEMAFORO_YELLOW)
    poa_plan_set_semaforo_yellow (self, g_value_get_uint (value));
  else if (prop_id == PROP_TOLERANCE_LOW)
    poa_plan_set_tolerance (self, g_value_get_uint (value), self->tolerance_high);
  else if (prop_id == PROP_CLOSED_QUARTERS)
    poa_plan_set_closed_quarters (self, g_value_get_uint (value));
  else if (prop_id == PROP_TOLERANCE_HIGH)
    poa_plan_set_tolerance (self, self->tolerance_low, g_value_get_uint (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
poa_plan_class_init (PoaPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = poa_plan_dispose;
  object_class->finalize = poa_plan_finalize;
  object_class->get_property = poa_plan_get_property;
  object_class->set_property = poa_plan_set_property;

  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL,
                       POA_YEAR_MIN, POA_YEAR_MAX, 2026,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_fields[i].property, NULL, NULL, "",
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The semáforo's thresholds are the plan's own settings, so that the planning unit can hold
   * each area to the standard it agreed. */
  properties[PROP_SEMAFORO_GREEN] =
    g_param_spec_uint ("semaforo-green", NULL, NULL,
                       0, POA_SEMAFORO_MAX, POA_SEMAFORO_DEFAULT_GREEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEMAFORO_YELLOW] =
    g_param_spec_uint ("semaforo-yellow", NULL, NULL,
                       0, POA_SEMAFORO_MAX, POA_SEMAFORO_DEFAULT_YELLOW,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The band of achieved ÷ programmed to date outside which a quarter needs a justification
   * (the PbRM-08c's 90–110 %). */
  properties[PROP_TOLERANCE_LOW] =
    g_param_spec_uint ("tolerance-low", NULL, NULL,
                       0, POA_TOLERANCE_MAX, POA_TOLERANCE_DEFAULT_LOW,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TOLERANCE_HIGH] =
    g_param_spec_uint ("tolerance-high", NULL, NULL,
                       0, POA_TOLERANCE_MAX, POA_TOLERANCE_DEFAULT_HIGH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A PoaReviewStatus; it changes only with a review step (poa_plan_add_review_step()). */
  properties[PROP_REVIEW_STATUS] =
    g_param_spec_uint ("review-status", NULL, NULL,
                       0, POA_REVIEW_N_STATUSES - 1, POA_REVIEW_BORRADOR,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Bit Q − 1 for quarter Q: the quarters the planning unit closed. */
  properties[PROP_CLOSED_QUARTERS] =
    g_param_spec_uint ("closed-quarters", NULL, NULL,
                       0, POA_CLOSED_QUARTERS_ALL, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An observation was added (poa_plan_add_observation()): the views that show them update. */
  signals[OBSERVATIONS_CHANGED] =
    g_signal_new ("observations-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
poa_plan_init (PoaPlan *self)
{
  self->year = 2026;
  self->semaforo_green = POA_SEMAFORO_DEFAULT_GREEN;
  self->semaforo_yellow = POA_SEMAFORO_DEFAULT_YELLOW;
  self->tolerance_low = POA_TOLERANCE_DEFAULT_LOW;
  self->tolerance_high = POA_TOLERANCE_DEFAULT_HIGH;
  self->signatures = g_list_store_new (POA_TYPE_SIGNATURE);
  self->activities = g_list_store_new (POA_TYPE_ACTIVITY);
  self->indicators = g_list_store_new (POA_TYPE_INDICATOR);
  self->budget = g_list_store_new (POA_TYPE_BUDGET_LINE);
  self->review_status = POA_REVIEW_BORRADOR;
  self->review_steps = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_review_step_free);
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_history_entry_free);
  self->observations = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_observation_free);

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      g_autoptr(PoaSignature) signature = poa_signature_new (signature_roles[i], NULL, NULL);
      g_list_store_append (self->signatures, signature);
    }
}

/**
 * poa_plan_new:
 * @year: the plan year
 *
 * Returns: (transfer full): an empty plan with the three official signature blocks.
 */
PoaPlan *
poa_plan_new (guint year)
{
  return g_object_new (POA_TYPE_PLAN, "year", year, NULL);
}

static void
copy_list (GListStore *from,
           GListStore *to,
           gpointer  (*copy) (gpointer))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (from));
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (from), i);
      g_ptr_array_add (items, copy (item));
    }

  g_list_store_splice (to, 0, g_list_model_get_n_items (G_LIST_MODEL (to)),
                       items->pdata, items->len);
}

/**
 * poa_plan_copy:
 *
 * Returns: (transfer full): a deep copy of the plan, with no store ids.
 */
PoaPlan *
poa_plan_copy (PoaPlan *self)
{
  PoaPlan *copy;

  g_return_val_if_fail (POA_IS_PLAN (self), NULL);

  copy = poa_plan_new (self->year);
  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    copy->texts[i] = g_strdup (self->texts[i]);
  copy->semaforo_green = self->semaforo_green;
  copy->semaforo_yellow = self->semaforo_yellow;
  copy->tolerance_low = self->tolerance_low;
  copy->tolerance_high = self->tolerance_high;
  copy->review_status = self->review_status;
  for (guint i = 0; i < self->review_steps->len; i++)
    g_ptr_array_add (copy->review_steps, poa_review_step_copy (g_ptr_array_index (self->review_steps, i)));
  for (guint i = 0; i < self->history->len; i++)
    g_ptr_array_add (copy->history, poa_history_entry_copy (g_ptr_array_index (self->history, i)));
  for (guint i = 0; i < self->observations->len; i++)
    g_ptr_array_add (copy->observations, poa_observation_copy (g_ptr_array_index (self->observations, i)));
  copy->closed_quarters = self->closed_quarters;

  copy_list (self->signatures, copy->signatures, (gpointer (*) (gpointer))poa_signature_copy);
  copy_list (self->activities, copy->activities, (gpointer (*) (gpointer))poa_activity_copy);
  copy_list (self->indicators, copy->indicators, (gpointer (*) (gpointer))poa_indicator_copy);
  copy_list (self->budget, copy->budget, (gpointer (*) (gpointer))poa_budget_line_copy);

  return copy;
}

/**
 * poa_plan_new_empty:
 * @like: (nullable): a plan of the same municipality, whose municipality and administration
 *   period the new plan takes
 * @year: the plan year
 * @area: the área the plan belongs to
 *
 * Returns: (transfer full): a plan with no activity, budget or indicator yet.
 */
PoaPlan *
poa_plan_new_empty (PoaPlan    *like,
                    guint       year,
                    const char *area)
{
  PoaPlan *plan;

  g_return_val_if_fail (like == NULL || POA_IS_PLAN (like), NULL);
  g_return_val_if_fail (year >= POA_YEAR_MIN && year <= POA_YEAR_MAX, NULL);

  plan = poa_plan_new (year);
  poa_plan_set_text (plan, POA_PLAN_AREA, area);
  if (like != NULL)
    {
      poa_plan_set_text (plan, POA_PLAN_MUNICIPALITY, poa_plan_get_text (like, POA_PLAN_MUNICIPALITY));
      poa_plan_set_text (plan, POA_PLAN_ADMINISTRATION, poa_plan_get_text (like, POA_PLAN_ADMINISTRATION));
    }

  return plan;
}

/* The same day a year later; g_date_add_years() makes 29 February 28 February. */
static void
move_date_one_year (PoaActivity *activity,
                    const GDate *date,
                    void       (*set) (PoaActivity *, const GDate *))
{
  GDate moved;

  if (date == NULL)
    return;

  moved = *date;
  g_date_add_years (&moved, 1);
  set (activity, &moved);
}

/* Next year's calendar: the months' programmed goals, nothing achieved, no notes and no
 * justifications. */
static void
clear_follow_up (PoaActivity *activity)
{
  PoaCalendar *calendar = poa_activity_get_calendar (activity);
  g_autoptr(PoaCalendar) next = NULL;

  if (calendar == NULL)
    return;

  next = poa_calendar_new ();
  for (guint m = 1; m <= 12; m++)
    poa_calendar_set_month (next, m, poa_calendar_get_programmed (calendar, m), 0, NULL);
  poa_activity_set_calendar (activity, next);
}

/**
 * poa_plan_copy_to_next_year:
 *
 * The starting point of next year's plan: the same texts, signatures, indicators, budget and
 * activities, with nothing achieved yet and every date one year later. The months shaded in
 * the cronograma stay the same months.
 *
 * Returns: (transfer full): the new plan, with no store ids.
 */
PoaPlan *
poa_plan_copy_to_next_year (PoaPlan *self)
{
  PoaPlan *copy;
  GListModel *activities;

  g_return_val_if_fail (POA_IS_PLAN (self), NULL);
  g_return_val_if_fail (self->year < POA_YEAR_MAX, NULL);

  copy = poa_plan_copy (self);
  poa_plan_set_year (copy, self->year + 1);

  /* Next year's plan starts its own review and its own record, whose first entry says where
   * it came from; the old plan keeps its record. */
  copy->review_status = POA_REVIEW_BORRADOR;
  g_ptr_array_set_size (copy->review_steps, 0);
  g_ptr_array_set_size (copy->history, 0);
  g_ptr_array_set_size (copy->observations, 0);
  copy->closed_quarters = 0;
  {
    g_autofree char *now = poa_review_now ();
    g_autofree char *by = poa_review_user_name (NULL);
    g_autofree char *before = g_strdup_printf ("%u", self->year);
    g_autofree char *after = g_strdup_printf ("%u", self->year + 1);
    /* Translators: the first entry of a plan copied to the next year; %u is the old year */
    g_autofree char *note = g_strdup_printf (_("copied from %u"), self->year);

    g_ptr_array_add (copy->history,
                     poa_history_entry_new (now, by, "plan", "year", before, after, note));
  }

  activities = G_LIST_MODEL (copy->activities);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, 0);
      clear_follow_up (activity);
      move_date_one_year (activity, poa_activity_get_start (activity), poa_activity_set_start);
      move_date_one_year (activity, poa_activity_get_end (activity), poa_activity_set_end);
    }

  return copy;
}

static gboolean
lists_equal (GListStore *a,
             GListStore *b,
             gboolean  (*equal) (gpointer, gpointer))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  if (n != g_list_model_get_n_items (G_LIST_MODEL (b)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(GObject) y = g_list_model_get_item (G_LIST_MODEL (b), i);

      if (!equal (x, y))
        return FALSE;
    }

  return TRUE;
}

/**
 * poa_plan_equal:
 *
 * Compares every field a plan file holds, deeply; store ids are not among them.
 */
gboolean
poa_plan_equal (PoaPlan *a,
                PoaPlan *b)
{
  g_return_val_if_fail (POA_IS_PLAN (a), FALSE);
  g_return_val_if_fail (POA_IS_PLAN (b), FALSE);

  if (a->year != b->year ||
      a->semaforo_green != b->semaforo_green ||
      a->semaforo_yellow != b->semaforo_yellow ||
      a->tolerance_low != b->tolerance_low ||
      a->tolerance_high != b->tolerance_high ||
      a->review_status != b->review_status ||
      a->review_steps->len != b->review_steps->len ||
      a->history->len != b->history->len ||
      a->observations->len != b->observations->len ||
      a->closed_quarters != b->closed_quarters)
    return FALSE;

  for (guint i = 0; i < a->review_steps->len; i++)
    if (!poa_review_step_equal (g_ptr_array_index (a->review_steps, i),
                                g_ptr_array_index (b->review_steps, i)))
      return FALSE;
  for (guint i = 0; i < a->observations->len; i++)
    if (!poa_observation_equal (g_ptr_array_index (a->observations, i),
                                g_ptr_array_index (b->observations, i)))
      return FALSE;
  for (guint i = 0; i < a->history->len; i++)
    if (!poa_history_entry_equal (g_ptr_array_index (a->history, i),
                                  g_ptr_array_index (b->history, i)))
      return FALSE;

  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    if (g_strcmp0 (poa_plan_get_text (a, i), poa_plan_get_text (b, i)) != 0)
      return FALSE;

  return lists_equal (a->signatures, b->signatures, (gboolean (*) (gpointer, gpointer))poa_signature_equal) &&
         lists_equal (a->activities, b->activities, (gboolean (*) (gpointer, gpointer))poa_activity_equal) &&
         lists_equal (a->indicators, b->indicators, (gboolean (*) (gpointer, gpointer))poa_indicator_equal) &&
         lists_equal (a->budget, b->budget, (gboolean (*) (gpointer, gpointer))poa_budget_line_equal);
}

gint64
poa_plan_get_id (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), 0);

  return self->id;
}

void
poa_plan_set_id (PoaPlan *self,
                 gint64   id)
{
  g_return_if_fail (POA_IS_PLAN (self));

  self->id = id;
}

guint
poa_plan_get_year (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), 0);

  return self->year;
}

void
poa_plan_set_year (PoaPlan *self,
                   guint    year)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (year >= POA_YEAR_MIN && year <= POA_YEAR_MAX);

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * poa_plan_get_text:
 *
 * Returns: (not nullable): the text, "" when empty.
 */
const char *
poa_plan_get_text (PoaPlan     *self,
                   PoaPlanText  field)
{
  g_return_val_if_fail (POA_IS_PLAN (self), "");
  g_return_val_if_fail (field < POA_PLAN_N_TEXTS, "");

  return self->texts[field] != NULL ? self->texts[field] : "";
}

void
poa_plan_set_text (PoaPlan     *self,
                   PoaPlanText  field,
                   const char  *text)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (field < POA_PLAN_N_TEXTS);

  if (_poa_set_text (&self->texts[field], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
}

const char *
poa_plan_get_area (PoaPlan *self)
{
  return poa_plan_get_text (self, POA_PLAN_AREA);
}

/**
 * poa_plan_get_semaforo_green:
 *
 * Returns: the efficiency index, in whole percent, from which the semáforo is green.
 */
guint
poa_plan_get_semaforo_green (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), POA_SEMAFORO_DEFAULT_GREEN);

  return self->semaforo_green;
}

void
poa_plan_set_semaforo_green (PoaPlan *self,
                             guint    percent)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (percent <= POA_SEMAFORO_MAX);

  if (self->semaforo_green == percent)
    return;

  self->semaforo_green = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEMAFORO_GREEN]);
}

/**
 * poa_plan_get_semaforo_yellow:
 *
 * Returns: the efficiency index, in whole percent, from which the semáforo is yellow rather
 *   than red.
 */
guint
poa_plan_get_semaforo_yellow (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), POA_SEMAFORO_DEFAULT_YELLOW);

  return self->semaforo_yellow;
}

void
poa_plan_set_semaforo_yellow (PoaPlan *self,
                              guint    percent)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (percent <= POA_SEMAFORO_MAX);

  if (self->semaforo_yellow == percent)
    return;

  self->semaforo_yellow = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEMAFORO_YELLOW]);
}

guint
poa_plan_get_tolerance_low (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), POA_TOLERANCE_DEFAULT_LOW);

  return self->tolerance_low;
}

guint
poa_plan_get_tolerance_high (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), POA_TOLERANCE_DEFAULT_HIGH);

  return self->tolerance_high;
}

/**
 * poa_plan_set_tolerance:
 * @low: whole percent, at most %POA_TOLERANCE_MAX
 * @high: whole percent, at most %POA_TOLERANCE_MAX
 *
 * Sets the tolerance band. A band with @low above @high is held as given: `check` and the
 * report treat it as empty (every status is below or above).
 */
void
poa_plan_set_tolerance (PoaPlan *self,
                        guint    low,
                        guint    high)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (low <= POA_TOLERANCE_MAX && high <= POA_TOLERANCE_MAX);

  if (self->tolerance_low != low)
    {
      self->tolerance_low = low;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOLERANCE_LOW]);
    }
  if (self->tolerance_high != high)
    {
      self->tolerance_high = high;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOLERANCE_HIGH]);
    }
}

/**
 * poa_plan_get_signatures:
 *
 * Returns: (transfer none): the three signature blocks, Elaboró, Revisó and Aprobó.
 */
GListStore *
poa_plan_get_signatures (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), NULL);

  return self->signatures;
}

/**
 * poa_plan_get_signature:
 * @position: 0 (Elaboró), 1 (Revisó) or 2 (Aprobó)
 *
 * Returns: (transfer none): the signature block.
 */
PoaSignature *
poa_plan_get_signature (PoaPlan *self,
                        guint    position)
{
  g_autoptr(PoaSignature) signature = NULL;

  g_return_val_if_fail (POA_IS_PLAN (self), NULL);
  g_return_val_if_fail (position < POA_PLAN_N_SIGNATURES, NULL);

  /* The plan's list holds a reference for as long as the plan lives. */
  signature = g_list_model_get_item (G_LIST_MODEL (self->signatures), position);
  return signature;
}

/**
 * poa_plan_get_activities:
 *
 * Returns: (transfer none): the activities, in the order of the document.
 */
GListStore *
poa_plan_get_activities (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), NULL);

  return self->activities;
}

/**
 * poa_plan_get_indicators:
 *
 * Returns: (transfer none): the indicators of the plan.
 */
GListStore *
poa_plan_get_indicators (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), NULL);

  return self->indicators;
}

/**
 * poa_plan_get_budget:
 *
 * Returns: (transfer none): the budget lines (partidas).
 */
GListStore *
poa_plan_get_budget (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), NULL);

  return self->budget;
}

/**
 * poa_plan_sum_goal:
 * @goal: a #PoaActivityGoal
 *
 * Returns: the sum of that meta over every activity.
 */
guint64
poa_plan_sum_goal (PoaPlan *self,
                   guint    goal)
{
  guint n;
  guint64 sum = 0;

  g_return_val_if_fail (POA_IS_PLAN (self), 0);
  g_return_val_if_fail (goal < POA_ACTIVITY_N_GOALS, 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->activities));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (self->activities), i);
      sum += poa_activity_get_goal (activity, goal);
    }

  return sum;
}

/**
 * poa_plan_get_budget_total:
 *
 * Returns: the sum of the budget lines, in whole centavos.
 */
gint64
poa_plan_get_budget_total (PoaPlan *self)
{
  guint n;
  gint64 total = 0;

  g_return_val_if_fail (POA_IS_PLAN (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->budget));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (self->budget), i);
      total = poa_money_add (total, poa_budget_line_get_centavos (line));
    }

  return total;
}

/**
 * poa_plan_get_efficiency_index:
 * @percent: (out) (optional): Σ achieved ÷ Σ programmed × 100
 *
 * The document's Índice de Eficiencia: Actividades Logradas ÷ Actividades Programadas × 100.
 *
 * Returns: %FALSE when nothing is programmed, and the index is undefined.
 */
gboolean
poa_plan_get_efficiency_index (PoaPlan *self,
                               double  *percent)
{
  guint64 programmed, achieved;

  g_return_val_if_fail (POA_IS_PLAN (self), FALSE);

  programmed = poa_plan_sum_goal (self, POA_ACTIVITY_PROGRAMMED);
  achieved = poa_plan_sum_goal (self, POA_ACTIVITY_ACHIEVED);

  if (percent != NULL)
    *percent = programmed > 0 ? 100.0 * (double)achieved / (double)programmed : 0.0;

  return programmed > 0;
}

const char *
poa_plan_text_key (PoaPlanText field)
{
  g_return_val_if_fail (field < POA_PLAN_N_TEXTS, NULL);

  return text_fields[field].key;
}

/**
 * poa_plan_text_label:
 *
 * Returns: the field's name in the interface language.
 */
const char *
poa_plan_text_label (PoaPlanText field)
{
  g_return_val_if_fail (field < POA_PLAN_N_TEXTS, NULL);

  return _(text_fields[field].label);
}

/**
 * poa_plan_get_review_status:
 *
 * Returns: where the planning unit's review of the plan is; a plan never reviewed is a draft.
 */
PoaReviewStatus
poa_plan_get_review_status (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), POA_REVIEW_BORRADOR);

  return self->review_status;
}

/**
 * poa_plan_get_review_steps:
 *
 * Returns: (transfer none) (element-type PoaReviewStep): the review's steps, oldest first.
 */
GPtrArray *
poa_plan_get_review_steps (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), NULL);

  return self->review_steps;
}

/**
 * poa_plan_set_review:
 * @status: the status the steps end in
 * @steps: (transfer full) (element-type PoaReviewStep) (nullable): the steps, oldest first
 *
 * Sets the whole review at once, as read from a file or the store.
 */
void
poa_plan_set_review (PoaPlan         *self,
                     PoaReviewStatus  status,
                     GPtrArray       *steps)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (status < POA_REVIEW_N_STATUSES);

  g_ptr_array_set_size (self->review_steps, 0);
  if (steps != NULL)
    {
      for (guint i = 0; i < steps->len; i++)
        g_ptr_array_add (self->review_steps, poa_review_step_copy (g_ptr_array_index (steps, i)));
      g_ptr_array_unref (steps);
    }

  if (self->review_status != status)
    {
      self->review_status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_STATUS]);
    }
}

/**
 * poa_plan_add_review_step:
 * @step: (transfer full): the step; its status becomes the plan's
 */
void
poa_plan_add_review_step (PoaPlan       *self,
                          PoaReviewStep *step)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (step != NULL && step->status < POA_REVIEW_N_STATUSES);

  g_ptr_array_add (self->review_steps, step);
  if (self->review_status != step->status)
    {
      self->review_status = step->status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_STATUS]);
    }
}

/**
 * poa_plan_get_history:
 *
 * Returns: (transfer none) (element-type PoaHistoryEntry): the change record, oldest first.
 *   Append with poa_plan_add_history_entry(); nothing removes an entry.
 */
GPtrArray *
poa_plan_get_history (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), NULL);

  return self->history;
}

/**
 * poa_plan_add_history_entry:
 * @entry: (transfer full): the entry, appended
 */
void
poa_plan_add_history_entry (PoaPlan         *self,
                            PoaHistoryEntry *entry)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (entry != NULL);

  g_ptr_array_add (self->history, entry);
}

/**
 * poa_plan_get_observations:
 *
 * Returns: (transfer none) (element-type PoaObservation): the planning unit's observations,
 *   oldest first. Append with poa_plan_add_observation(); nothing removes one.
 */
GPtrArray *
poa_plan_get_observations (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), NULL);

  return self->observations;
}

/**
 * poa_plan_add_observation:
 * @observation: (transfer full): the observation, appended
 */
void
poa_plan_add_observation (PoaPlan        *self,
                          PoaObservation *observation)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (observation != NULL);

  g_ptr_array_add (self->observations, observation);
  g_signal_emit (self, signals[OBSERVATIONS_CHANGED], 0);
}

/**
 * poa_plan_get_closed_quarters:
 *
 * Returns: the quarters the planning unit closed, bit Q − 1 for quarter Q.
 */
guint
poa_plan_get_closed_quarters (PoaPlan *self)
{
  g_return_val_if_fail (POA_IS_PLAN (self), 0);

  return self->closed_quarters;
}

void
poa_plan_set_closed_quarters (PoaPlan *self,
                              guint    quarters)
{
  g_return_if_fail (POA_IS_PLAN (self));
  g_return_if_fail (quarters <= POA_CLOSED_QUARTERS_ALL);

  if (self->closed_quarters == quarters)
    return;

  self->closed_quarters = quarters;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED_QUARTERS]);
}
