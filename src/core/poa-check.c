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
#include "poa-indicator.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-report.h"
#include "poa-signature.h"
#include "poa-validate.h"

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
  /* Or each finding written as its line, made in @line, for `check` (poa_check_plan_lines()). */
  PoaCheckLineFunc line_func;
  gpointer         line_data;
  GString         *line;
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
  return ++sink->count[severity] <= sink->limit && (sink->findings != NULL || sink->line_func != NULL);
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

  /* A line, as poa_finding_to_line() writes it, and no object: `check` of 100,000 activities
   * has some 140,000 findings to print. */
  if (sink->line_func != NULL)
    {
      GString *line = sink->line;

      g_string_assign (line, severity == POA_SEVERITY_ERROR ? "error\t" : "warning\t");
      if (where->code != NULL)
        {
          g_string_append (line, where->kind);
          if (where->code[0])
            {
              g_string_append_c (line, ' ');
              g_string_append (line, where->code);
            }
        }
      else if (g_str_equal (where->kind, "activity"))
        g_string_append_printf (line, "activity %u", where->number);
      else
        g_string_append (line, where->kind);
      g_string_append_c (line, '\t');

      va_start (args, format);
      g_string_append_vprintf (line, format, args);
      va_end (args);

      sink->line_func (line->str, line->len, sink->line_data);
      return;
    }

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

/* Whether check_text() has anything to say of @text: a scan of its bytes, no allocation. */
static gboolean
text_has_problem (const char *text)
{
  gsize length = strlen (text);

  return length > POA_TEXT_MAX_CHARS || poa_text_find_forbidden (text, length, NULL, NULL);
}

/* What a text may hold (poa_validate_text()), for texts stored before the rule: a warning,
 * since every export replaces such characters (poa_text_sanitize_for_xml()); and what a workbook
 * cell holds, an error, since the workbook cannot be written with it. The field is named by
 * @label, followed by @key when there is one (`signature 2: name`), written out only for a
 * finding: two scans of the bytes are all a clean text costs. */
static void
check_text (Sink        *sink,
            const Where *where,
            GObject     *subject,
            const char  *field,
            const char  *text,
            const char  *label,
            const char  *key)
{
  gsize length = strlen (text);
  gunichar c;
  gsize position;
  glong n_chars = 0;
  gboolean forbidden, too_long;

  forbidden = poa_text_find_forbidden (text, length, &c, &position);
  too_long = length > POA_TEXT_MAX_CHARS && (n_chars = g_utf8_strlen (text, length)) > POA_TEXT_MAX_CHARS;
  if (!forbidden && !too_long)
    return;

  {
    g_autofree char *name = key != NULL ? g_strdup_printf ("%s: %s", label, key) : g_strdup (label);

    if (too_long)
      ADD (sink, POA_SEVERITY_ERROR, where, subject, field,
           _("“%s” has %ld characters, more than the %d a workbook cell holds"),
           name, n_chars, POA_TEXT_MAX_CHARS);
    if (forbidden)
      ADD (sink, POA_SEVERITY_WARNING, where, subject, field,
           _("“%s” holds the character U+%04X (at character %u), which a text may "
             "not hold; exports replace it"),
           name, c, (guint)(position + 1));
  }
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

/* "marzo, abril y noviembre": the months of a month set (bit 0 being Enero), in the
 * interface's language. */
static char *
month_names (guint months)
{
  GString *names = g_string_new (NULL);
  guint n = 0, total = 0;

  for (guint m = 1; m <= 12; m++)
    if (months & (1u << (m - 1)))
      total++;

  for (guint m = 1; m <= 12; m++)
    if (months & (1u << (m - 1)))
      {
        n++;
        if (n > 1)
          /* Translators: between the last two months of a list: "marzo y abril" */
          g_string_append (names, n == total ? _(" and ") : ", ");
        g_string_append (names, poa_month_name (m));
      }
  return g_string_free (names, FALSE);
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
  else if (start != NULL && end != NULL && g_date_compare (end, start) >= 0)
    {
      /* The months the dates cover, clipped to the plan year, as the cronograma shades them
       * from dates alone: a click on the Gantt that schedules or drops a month shows here
       * (issue 15). */
      guint dated = poa_months_from_range (start, end, year);

      if ((months & ~dated) != 0)
        {
          g_autofree char *names = month_names (months & ~dated);

          ADD (sink, POA_SEVERITY_WARNING, where, subject, "months",
               _("the cronograma schedules %s, outside its dates (%s to %s)"),
               names, dmy (start, a), dmy (end, b));
        }
      if ((dated & ~months) != 0)
        {
          g_autofree char *names = month_names (dated & ~months);

          ADD (sink, POA_SEVERITY_WARNING, where, subject, "months",
               _("the cronograma leaves out %s, within its dates (%s to %s)"),
               names, dmy (start, a), dmy (end, b));
        }
    }
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

/* The follow-up (issue 16): the months against the totals, the cronograma and today, and the
 * justifications the quarters that ended outside the tolerance band owe. Warnings but for the
 * months achieving more than the total (below): a month in the future or outside the cronograma may be right (an activity done early), and a
 * missing justification does not make the plan wrong to export or print. An error would make
 * `check` fail (exit 1) for every plan past a quarter's end until someone writes a text, which
 * would stop the scripts that check a plan before exporting it. */
static void
check_follow_up (PoaPlan     *plan,
                 PoaActivity *activity,
                 const Where *where,
                 Sink        *sink)
{
  PoaCalendar *calendar = poa_activity_get_calendar (activity);
  guint programmed = poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED);
  guint year = poa_plan_get_year (plan);
  GObject *subject = G_OBJECT (activity);
  guint64 months_programmed, months_achieved;
  GDate today;
  guint current_month;

  if (calendar == NULL)
    return;

  /* An error: the plan file such a plan exports would be refused by import (the spec's rule),
   * so the export → import round trip would break. The capture moves the total with the
   * month; only a lowered total can leave the months above it. */
  months_achieved = poa_calendar_sum_achieved (calendar, 1, 12);
  if (months_achieved > poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED))
    ADD (sink, POA_SEVERITY_ERROR, where, subject, "achieved",
         _("the months achieved %llu, more than the achieved goal (%u)"),
         (unsigned long long)months_achieved, poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED));

  months_programmed = poa_calendar_sum_programmed (calendar, 1, 12);
  if (months_programmed > 0 && months_programmed != programmed)
    ADD (sink, POA_SEVERITY_WARNING, where, subject, "calendar",
         _("the months’ programmed goals add up to %llu, not to the programmed goal (%u)"),
         (unsigned long long)months_programmed, programmed);

  /* Today only for an activity with a calendar: a plan of 100,000 without one asks nothing. */
  poa_date_get_today (&today);
  if (g_date_get_year (&today) != year)
    current_month = g_date_get_year (&today) < year ? 0 : 12;
  else
    current_month = g_date_get_month (&today);

  for (guint m = 1; m <= 12; m++)
    {
      gboolean has_figures = poa_calendar_get_programmed (calendar, m) > 0 ||
                             poa_calendar_get_achieved (calendar, m) > 0;

      if (poa_calendar_get_achieved (calendar, m) > 0 && m > current_month)
        ADD (sink, POA_SEVERITY_WARNING, where, subject, "calendar",
             _("%s has achieved figures, but the month has not begun yet"), poa_month_name (m));
      if (has_figures && !poa_activity_has_month (activity, m))
        ADD (sink, POA_SEVERITY_WARNING, where, subject, "calendar",
             _("%s has figures, but the cronograma does not schedule the activity then"),
             poa_month_name (m));
    }

  for (guint q = 1; q <= 4; q++)
    {
      PoaReportLine line;

      if (!poa_report_quarter_ended (year, q, &today))
        break;
      if (poa_calendar_get_justification (calendar, q)[0] != '\0')
        continue;

      poa_report_compute_line (activity, q, poa_plan_get_tolerance_low (plan),
                               poa_plan_get_tolerance_high (plan), TRUE, &line);
      if (line.justification_required && line.status == POA_REPORT_BELOW)
        ADD (sink, POA_SEVERITY_WARNING, where, subject, "justifications",
             _("quarter %u ended below the tolerance band (%u %% to %u %%) with no justification"),
             q, poa_plan_get_tolerance_low (plan), poa_plan_get_tolerance_high (plan));
      else if (line.justification_required)
        ADD (sink, POA_SEVERITY_WARNING, where, subject, "justifications",
             _("quarter %u ended above the tolerance band (%u %% to %u %%) with no justification"),
             q, poa_plan_get_tolerance_low (plan), poa_plan_get_tolerance_high (plan));
    }
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
           _("The field “%s” is empty"), poa_activity_text_label (i));

  /* The label is translated only for a text with something to report: a gettext call per
   * text made `check` of 100,000 activities a third slower. */
  for (guint i = 0; i < POA_ACTIVITY_N_TEXTS; i++)
    if (text_has_problem (poa_activity_get_text (activity, i)))
      check_text (sink, &where, G_OBJECT (activity), poa_activity_text_key (i),
                  poa_activity_get_text (activity, i), poa_activity_text_label (i), NULL);

  check_goals (activity, &where, sink);
  check_dates (plan, activity, &where, sink);
  check_follow_up (plan, activity, &where, sink);
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
  Sink sink = { findings, G_MAXUINT, { 0, 0 }, NULL, NULL, NULL };

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
           _("The field “%s” is empty"), poa_plan_text_label (required[i]));

  /* An error like the months above the total: import refuses such a band, so the plan's own
   * file would not come back. */
  if (poa_plan_get_tolerance_low (plan) > poa_plan_get_tolerance_high (plan))
    ADD (sink, POA_SEVERITY_ERROR, &where, NULL, "tolerance_low",
         _("the tolerance band starts at %u %%, above its end at %u %%"),
         poa_plan_get_tolerance_low (plan), poa_plan_get_tolerance_high (plan));

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      PoaSignature *signature = poa_plan_get_signature (plan, i);

      if (poa_signature_get_name (signature)[0] == '\0')
        ADD (sink, POA_SEVERITY_WARNING, &where, G_OBJECT (signature), "signatures",
             _("the signature “%s” has no name"), poa_signature_get_role (signature));
    }

  for (guint i = 0; i < POA_PLAN_N_TEXTS; i++)
    check_text (sink, &where, NULL, poa_plan_text_key (i), poa_plan_get_text (plan, i),
                poa_plan_text_label (i), NULL);

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      PoaSignature *signature = poa_plan_get_signature (plan, i);
      g_autofree char *label = g_strdup_printf (_("signature %u"), i + 1);

      check_text (sink, &where, G_OBJECT (signature), "signatures",
                  poa_signature_get_role (signature), label, "role");
      check_text (sink, &where, G_OBJECT (signature), "signatures",
                  poa_signature_get_name (signature), label, "name");
      check_text (sink, &where, G_OBJECT (signature), "signatures",
                  poa_signature_get_title (signature), label, "title");
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_indicators (plan))); i++)
    {
      g_autoptr(PoaIndicator) indicator =
        g_list_model_get_item (G_LIST_MODEL (poa_plan_get_indicators (plan)), i);
      g_autofree char *label = g_strdup_printf (_("indicator %u"), i + 1);

      check_text (sink, &where, G_OBJECT (indicator), "indicators",
                  poa_indicator_get_name (indicator), label, "name");
      check_text (sink, &where, G_OBJECT (indicator), "indicators",
                  poa_indicator_get_variables (indicator), label, "variables");
      check_text (sink, &where, G_OBJECT (indicator), "indicators",
                  poa_indicator_get_formula (indicator), label, "formula");
    }

  if (poa_plan_get_semaforo_yellow (plan) > poa_plan_get_semaforo_green (plan))
    ADD (sink, POA_SEVERITY_WARNING, &where, NULL, "semaforo_yellow",
         _("the semáforo turns yellow from %u %%, above green from %u %%"),
         poa_plan_get_semaforo_yellow (plan), poa_plan_get_semaforo_green (plan));

}

/* The header's last finding, apart: a plan read an activity at a time knows it only at the end
 * (poa_check_lines_end()), where it still comes before the budget's. */
static void
check_no_activity (Sink *sink)
{
  static const Where where = WHERE_PLAN;

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

      check_text (sink, &where, subject, "code", code, "code", NULL);
      check_text (sink, &where, subject, "name", poa_budget_line_get_name (line), "name", NULL);
    }

  /* Each line is within its ceiling (the store's CHECK), but not their sum. */
  {
    g_autoptr(GError) total_error = NULL;
    static const Where total_where = { "budget", 0, "" };

    if (!poa_money_check_total (poa_plan_get_budget_total (plan), &total_error))
      ADD (sink, POA_SEVERITY_ERROR, &total_where, NULL, "amount", "%s", total_error->message);
  }
}

/* An activity, and its Nº against those of the activities before it (@numbers). */
static void
check_activity_in_plan (PoaPlan     *plan,
                        PoaActivity *activity,
                        GHashTable  *numbers,
                        Sink        *sink)
{
  guint number = poa_activity_get_number (activity);

  check_activity (plan, activity, sink);

  if (!g_hash_table_add (numbers, GUINT_TO_POINTER (number)))
    {
      Where where = { "activity", number, NULL };
      ADD (sink, POA_SEVERITY_WARNING, &where, G_OBJECT (activity), "number",
           _("the Nº %u is used by more than one activity"), number);
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
  if (n == 0)
    check_no_activity (sink);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      check_activity_in_plan (plan, activity, numbers, sink);
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
  Sink sink = { NULL, G_MAXUINT, { 0, 0 }, NULL, NULL, NULL };

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);

  g_atomic_int_inc (&plan_runs);
  sink.findings = g_list_store_new (POA_TYPE_FINDING);
  check_plan (plan, &sink);
  return sink.findings;
}

/**
 * poa_check_plan_lines:
 * @func: (scope call): given each finding's line, in the order of poa_check_plan()
 * @n_errors: (out) (optional): how many errors there are
 * @n_warnings: (out) (optional): how many warnings there are
 *
 * What `check` prints: the findings of poa_check_plan() as lines, each made when found and
 * handed on, no finding kept.
 */
void
poa_check_plan_lines (PoaPlan          *plan,
                      PoaCheckLineFunc  func,
                      gpointer          data,
                      guint            *n_errors,
                      guint            *n_warnings)
{
  g_autoptr(GString) line = g_string_new (NULL);
  Sink sink = { NULL, G_MAXUINT, { 0, 0 }, func, data, line };

  g_return_if_fail (POA_IS_PLAN (plan));
  g_return_if_fail (func != NULL);

  g_atomic_int_inc (&plan_runs);
  check_plan (plan, &sink);

  if (n_errors != NULL)
    *n_errors = sink.count[POA_SEVERITY_ERROR];
  if (n_warnings != NULL)
    *n_warnings = sink.count[POA_SEVERITY_WARNING];
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
  Sink sink = { NULL, limit, { 0, 0 }, NULL, NULL, NULL };

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

/* `check` of a plan read an activity at a time (poa_store_read_plan()). */
struct _PoaCheckLines
{
  PoaPlan    *plan;
  GString    *line;
  GHashTable *numbers;
  Sink        sink;
  guint       n_activities;
};

/**
 * poa_check_lines_begin:
 * @plan: the plan, whose own activities are not looked at: each is given to
 *   poa_check_lines_add()
 * @func: (scope notified): given each finding's line, in the order of poa_check_plan()
 *
 * The lines of poa_check_plan_lines() for a plan whose activities come one at a time, so that
 * `check` never holds them all: the header's findings now, each activity's as it is added, the
 * budget's at poa_check_lines_end().
 */
PoaCheckLines *
poa_check_lines_begin (PoaPlan          *plan,
                       PoaCheckLineFunc  func,
                       gpointer          data)
{
  PoaCheckLines *self;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  g_atomic_int_inc (&plan_runs);
  self = g_new0 (PoaCheckLines, 1);
  self->plan = g_object_ref (plan);
  self->line = g_string_new (NULL);
  self->numbers = g_hash_table_new (NULL, NULL);
  self->sink = (Sink) { NULL, G_MAXUINT, { 0, 0 }, func, data, self->line };
  check_header (plan, &self->sink);
  return self;
}

void
poa_check_lines_add (PoaCheckLines *self,
                     PoaActivity   *activity)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (POA_IS_ACTIVITY (activity));

  self->n_activities++;
  check_activity_in_plan (self->plan, activity, self->numbers, &self->sink);
}

/**
 * poa_check_lines_end:
 * @n_errors: (out) (optional): how many errors there are
 * @n_warnings: (out) (optional): how many warnings there are
 *
 * The budget's findings (and that the plan has no activity, if none was added); frees @self.
 */
void
poa_check_lines_end (PoaCheckLines *self,
                     guint         *n_errors,
                     guint         *n_warnings)
{
  g_return_if_fail (self != NULL);

  if (self->n_activities == 0)
    check_no_activity (&self->sink);
  check_budget (self->plan, &self->sink);

  if (n_errors != NULL)
    *n_errors = self->sink.count[POA_SEVERITY_ERROR];
  if (n_warnings != NULL)
    *n_warnings = self->sink.count[POA_SEVERITY_WARNING];

  g_object_unref (self->plan);
  g_string_free (self->line, TRUE);
  g_hash_table_unref (self->numbers);
  g_free (self);
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
