/* poa-check.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-catalog.h"
#include "poa-check.h"
#include "poa-check-private.h"
#include "poa-date.h"
#include "poa-plan.h"
#include "poa-signature.h"

/* The review a planning unit would make of a plan: what is contradictory (an error) and what
 * is missing or doubtful (a warning). The document is kept as written; these findings are how
 * its contradictions come to light, on the command line and in the window. */

struct _PoaFinding
{
  GObject      parent_instance;

  PoaSeverity  severity;
  char        *where;
  char        *message;
  const char  *field;
  GObject     *subject;
};

G_DEFINE_FINAL_TYPE (PoaFinding, poa_finding, G_TYPE_OBJECT)

/* See poa-check-private.h. */
static int plan_runs;
static int activity_runs;

static void
poa_finding_finalize (GObject *object)
{
  PoaFinding *self = (PoaFinding *)object;

  g_free (self->where);
  g_free (self->message);
  g_clear_object (&self->subject);

  G_OBJECT_CLASS (poa_finding_parent_class)->finalize (object);
}

static void
poa_finding_class_init (PoaFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = poa_finding_finalize;
}

static void
poa_finding_init (PoaFinding *self)
{
}

PoaSeverity
poa_finding_get_severity (PoaFinding *self)
{
  g_return_val_if_fail (POA_IS_FINDING (self), POA_SEVERITY_ERROR);

  return self->severity;
}

/**
 * poa_finding_get_where:
 *
 * Returns: `plan`, `activity N` (its Nº) or `budget CODE`, as the command line prints it.
 */
const char *
poa_finding_get_where (PoaFinding *self)
{
  g_return_val_if_fail (POA_IS_FINDING (self), NULL);

  return self->where;
}

/**
 * poa_finding_get_message:
 *
 * Returns: what is wrong, in the interface language.
 */
const char *
poa_finding_get_message (PoaFinding *self)
{
  g_return_val_if_fail (POA_IS_FINDING (self), NULL);

  return self->message;
}

/**
 * poa_finding_get_field:
 *
 * Returns: (nullable): the plan-file key of the field at fault ("end", "months", "code" …), so
 *   that the window can take the user to it.
 */
const char *
poa_finding_get_field (PoaFinding *self)
{
  g_return_val_if_fail (POA_IS_FINDING (self), NULL);

  return self->field;
}

/**
 * poa_finding_get_subject:
 *
 * Returns: (transfer none) (nullable): the #PoaActivity or #PoaBudgetLine at fault, or %NULL
 *   for the plan itself.
 */
GObject *
poa_finding_get_subject (PoaFinding *self)
{
  g_return_val_if_fail (POA_IS_FINDING (self), NULL);

  return self->subject;
}

/**
 * poa_finding_to_line:
 *
 * Returns: (transfer full): `error<TAB>WHERE<TAB>MESSAGE`, or `warning…`, the `check` format.
 */
char *
poa_finding_to_line (PoaFinding *self)
{
  g_return_val_if_fail (POA_IS_FINDING (self), NULL);

  return g_strdup_printf ("%s\t%s\t%s",
                          self->severity == POA_SEVERITY_ERROR ? "error" : "warning",
                          self->where, self->message);
}

/* Where findings go: a list, or only the counts. @limit keeps at most that many findings of
 * each severity (the window lists a few hundred of a plan's many); the counts are always whole.
 * A finding that is not kept costs no allocation. */
typedef struct
{
  GListStore *findings;
  guint       limit;
  guint       count[2];  /* by PoaSeverity */
} Sink;

/* "plan", "activity N" or "budget CODE", written out only for a finding that is kept. */
typedef struct
{
  const char *kind;
  guint       number;
  const char *code;
} Where;

#define WHERE_PLAN { "plan", 0, NULL }

/* Counts a finding of @severity: whether it is to be kept. */
static gboolean
keeps (Sink        *sink,
       PoaSeverity  severity)
{
  return ++sink->count[severity] <= sink->limit && sink->findings != NULL;
}

/* Counts a finding, and makes it only when it is kept: a finding left out costs no message,
 * no translation and no date written out (its arguments are not even evaluated), for a plan
 * of 100,000 activities has some 140,000 of them. */
#define ADD(sink, severity, ...) \
  G_STMT_START { if (keeps ((sink), (severity))) add ((sink), (severity), __VA_ARGS__); } G_STMT_END

/* Makes a finding kept (see ADD). */
G_GNUC_PRINTF (6, 7)
static void
add (Sink        *sink,
     PoaSeverity  severity,
     const Where *where,
     GObject     *subject,
     const char  *field,
     const char  *format,
     ...)
{
  g_autoptr(PoaFinding) finding = NULL;
  va_list args;

  finding = g_object_new (POA_TYPE_FINDING, NULL);
  finding->severity = severity;
  if (where->code != NULL)
    finding->where = where->code[0] ? g_strdup_printf ("%s %s", where->kind, where->code)
                                    : g_strdup (where->kind);
  else if (g_str_equal (where->kind, "activity"))
    finding->where = g_strdup_printf ("activity %u", where->number);
  else
    finding->where = g_strdup (where->kind);
  finding->field = field;
  finding->subject = subject ? g_object_ref (subject) : NULL;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_list_store_append (sink->findings, finding);
}

/* dd/mm/yyyy into @buffer, without allocating: a check looks at every date of the plan. */
static const char *
dmy (const GDate *date,
     char         buffer[16])
{
  if (date == NULL)
    return "";

  g_snprintf (buffer, 16, "%02u/%02u/%04u",
              g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
  return buffer;
}

static void
check_dates (PoaPlan     *plan,
             PoaActivity *activity,
             const Where *where,
             Sink        *sink)
{
  const GDate *start = poa_activity_get_start (activity);
  const GDate *end = poa_activity_get_end (activity);
  guint year = poa_plan_get_year (plan);
  guint months = poa_activity_get_months (activity);
  GObject *subject = G_OBJECT (activity);
  char a[16], b[16];

  if (start == NULL)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "start", _("no start date"));
  if (end == NULL)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "end", _("no end date"));

  if (start != NULL && end != NULL && g_date_compare (end, start) < 0)
    ADD (sink, POA_SEVERITY_ERROR, where, subject, "end",
         _("ends on %s, before it starts on %s"), dmy (end, a), dmy (start, b));

  if (start != NULL && g_date_get_year (start) != year)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "start",
         _("starts on %s, outside the plan year %u"), dmy (start, a), year);
  if (end != NULL && g_date_get_year (end) != year)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "end",
         _("ends on %s, outside the plan year %u"), dmy (end, a), year);

  if (months == 0)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "months",
         _("no month is scheduled in the cronograma"));
  else if (start != NULL && end != NULL && g_date_compare (end, start) >= 0 &&
           (months & ~poa_months_from_range (start, end, year)) != 0)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "months",
         _("the cronograma schedules months outside its dates (%s to %s)"),
         dmy (start, a), dmy (end, b));
}

static void
check_goals (PoaActivity *activity,
             const Where *where,
             Sink        *sink)
{
  guint annual = poa_activity_get_goal (activity, POA_ACTIVITY_ANNUAL_GOAL);
  guint programmed = poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED);
  guint achieved = poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED);
  GObject *subject = G_OBJECT (activity);

  if (programmed == 0)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "programmed",
         _("the programmed goal is 0, so its progress cannot be measured"));
  else if (achieved > programmed)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "achieved",
         _("achieved goal (%u) is above the programmed goal (%u)"), achieved, programmed);

  if (programmed > annual)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "programmed",
         _("programmed goal (%u) is above the annual goal (%u)"), programmed, annual);
}

static void
check_activity (PoaPlan     *plan,
                PoaActivity *activity,
                Sink        *sink)
{
  Where where = { "activity", poa_activity_get_number (activity), NULL };

  if (poa_activity_get_name (activity)[0] == '\0')
    ADD (sink, POA_SEVERITY_ERROR, &where, G_OBJECT (activity), "name",
         _("the activity has no name"));

  for (guint i = POA_ACTIVITY_NAME + 1; i < POA_ACTIVITY_N_TEXTS; i++)
    if (poa_activity_get_text (activity, i)[0] == '\0')
      ADD (sink, POA_SEVERITY_WARNING, &where, G_OBJECT (activity), poa_activity_text_key (i),
           _("“%s” is empty"), poa_activity_text_label (i));

  check_goals (activity, &where, sink);
  check_dates (plan, activity, &where, sink);
}

/**
 * poa_check_activity:
 * @findings: (element-type PoaFinding): where to add what is found
 *
 * The findings about one activity on its own; those about the plan as a whole (a Nº used
 * twice) come from poa_check_plan().
 */
void
poa_check_activity (PoaPlan     *plan,
                    PoaActivity *activity,
                    GListStore  *findings)
{
  Sink sink = { findings, G_MAXUINT, { 0, 0 } };

  g_return_if_fail (POA_IS_PLAN (plan));
  g_return_if_fail (POA_IS_ACTIVITY (activity));
  g_return_if_fail (G_IS_LIST_STORE (findings));

  g_atomic_int_inc (&activity_runs);
  check_activity (plan, activity, &sink);
}

static void
check_header (PoaPlan *plan,
              Sink    *sink)
{
  static const PoaPlanText required[] = {
    POA_PLAN_DIRECTION, POA_PLAN_AREA, POA_PLAN_OBJECTIVE, POA_PLAN_SPECIFIC_OBJECTIVES,
  };
  static const Where where = WHERE_PLAN;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (poa_plan_get_text (plan, required[i])[0] == '\0')
      ADD (sink, POA_SEVERITY_WARNING, &where, NULL, poa_plan_text_key (required[i]),
           _("“%s” is empty"), poa_plan_text_label (required[i]));

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      PoaSignature *signature = poa_plan_get_signature (plan, i);

      if (poa_signature_get_name (signature)[0] == '\0')
        ADD (sink, POA_SEVERITY_WARNING, &where, G_OBJECT (signature), "signatures",
             _("the signature “%s” has no name"), poa_signature_get_role (signature));
    }

  if (poa_plan_get_semaforo_yellow (plan) > poa_plan_get_semaforo_green (plan))
    ADD (sink, POA_SEVERITY_WARNING, &where, NULL, "semaforo_yellow",
         _("the semáforo turns yellow from %u %%, above green from %u %%"),
         poa_plan_get_semaforo_yellow (plan), poa_plan_get_semaforo_green (plan));

  if (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_activities (plan))) == 0)
    ADD (sink, POA_SEVERITY_WARNING, &where, NULL, "activities", _("the plan has no activity"));
}

static void
check_budget (PoaPlan *plan,
              Sink    *sink)
{
  GListModel *budget = G_LIST_MODEL (poa_plan_get_budget (plan));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (budget); i++)
    {
      g_autoptr(PoaBudgetLine) line = g_list_model_get_item (budget, i);
      const char *code = poa_budget_line_get_code (line);
      Where where = { "budget", 0, code };
      GObject *subject = G_OBJECT (line);
      PoaPartidaStatus status;

      status = poa_catalog_classify (code, NULL);
      if (status == POA_PARTIDA_MALFORMED)
        ADD (sink, POA_SEVERITY_ERROR, &where, subject, "code",
             _("the partida code “%s” must have four digits, like 2111"), code);
      else if (status == POA_PARTIDA_UNLISTED)
        /* A warning, not an error: the catalog holds only the names that could be checked. */
        ADD (sink, POA_SEVERITY_WARNING, &where, subject, "code",
             _("the partida genérica %.3s is not in the CONAC catalog POA knows; check the code"),
             code);

      if (status != POA_PARTIDA_MALFORMED && !g_hash_table_add (seen, (gpointer)code))
        ADD (sink, POA_SEVERITY_WARNING, &where, subject, "code",
             _("the partida %s appears more than once"), code);

      if (poa_budget_line_get_name (line)[0] == '\0')
        ADD (sink, POA_SEVERITY_WARNING, &where, subject, "name", _("the partida has no name"));

      if (poa_budget_line_get_centavos (line) == 0)
        ADD (sink, POA_SEVERITY_WARNING, &where, subject, "amount", _("the amount is $ 0.00"));
    }
}

static void
check_plan (PoaPlan *plan,
            Sink    *sink)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  guint n = g_list_model_get_n_items (activities);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);

  check_header (plan, sink);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      guint number = poa_activity_get_number (activity);

      check_activity (plan, activity, sink);

      if (!g_hash_table_add (numbers, GUINT_TO_POINTER (number)))
        {
          Where where = { "activity", number, NULL };
          ADD (sink, POA_SEVERITY_WARNING, &where, G_OBJECT (activity), "number",
               _("the Nº %u is used by more than one activity"), number);
        }
    }

  check_budget (plan, sink);
}

/**
 * poa_check_plan:
 *
 * Returns: (transfer full): the findings about @plan, in the order of the document: the
 *   header, then each activity, then the budget.
 */
GListStore *
poa_check_plan (PoaPlan *plan)
{
  Sink sink = { NULL, G_MAXUINT, { 0, 0 } };

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);

  g_atomic_int_inc (&plan_runs);
  sink.findings = g_list_store_new (POA_TYPE_FINDING);
  check_plan (plan, &sink);
  return sink.findings;
}

/**
 * poa_check_plan_limited:
 * @limit: how many findings of each severity to keep
 * @n_errors: (out) (optional): how many errors there are in all
 * @n_warnings: (out) (optional): how many warnings there are in all
 *
 * Like poa_check_plan(), but keeps only the first @limit errors and the first @limit warnings:
 * what a window can list, at a cost that follows what is kept rather than the plan's size.
 *
 * Returns: (transfer full): the findings kept, in the order of the document.
 */
GListStore *
poa_check_plan_limited (PoaPlan *plan,
                        guint    limit,
                        guint   *n_errors,
                        guint   *n_warnings)
{
  Sink sink = { NULL, limit, { 0, 0 } };

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);

  g_atomic_int_inc (&plan_runs);
  sink.findings = g_list_store_new (POA_TYPE_FINDING);
  check_plan (plan, &sink);

  if (n_errors != NULL)
    *n_errors = sink.count[POA_SEVERITY_ERROR];
  if (n_warnings != NULL)
    *n_warnings = sink.count[POA_SEVERITY_WARNING];
  return sink.findings;
}

guint
poa_check_count (GListModel  *findings,
                 PoaSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (findings), 0);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PoaFinding) finding = g_list_model_get_item (findings, i);
      count += finding->severity == severity;
    }

  return count;
}

void
_poa_check_get_runs (guint *plan,
                     guint *activity)
{
  if (plan != NULL)
    *plan = (guint)g_atomic_int_get (&plan_runs);
  if (activity != NULL)
    *activity = (guint)g_atomic_int_get (&activity_runs);
}
