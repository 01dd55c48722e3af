/* test-default-plan.c — the embedded default plan against the customer's document.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-check.h"
#include "poa-date.h"
#include "poa-default-plan.h"
#include "poa-indicator.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-signature.h"

/* The reference document (tests/data/POA-2026-Migrantes-y-Ex-braceros.txt) is read here on its
 * own, independently of the embedded plan file, and every field compared. */
typedef struct
{
  GPtrArray *activities;  /* GStrv per row of the first table */
  GPtrArray *schedule;    /* GStrv per row of the cronograma */
  GPtrArray *budget;      /* GStrv per partida */
  char      *header[4];   /* Dirección, Área, Objetivo, Objetivos específicos */
} Reference;

static char *
header_value (const char *line,
              const char *label)
{
  g_autofree char *prefix = g_strdup_printf ("**%s:**", label);

  if (!g_str_has_prefix (line, prefix))
    return NULL;
  return g_strstrip (g_strdup (line + strlen (prefix)));
}

static void
reference_load (Reference *ref)
{
  static const char *labels[4] = { "Dirección", "Área", "Objetivo", "Objetivos específicos" };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "POA-2026-Migrantes-y-Ex-braceros.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *section;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  ref->activities = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  ref->schedule = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  ref->budget = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  section = ref->activities;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_auto(GStrv) fields = NULL;

      for (guint h = 0; h < 4; h++)
        if (ref->header[h] == NULL)
          ref->header[h] = header_value (line, labels[h]);

      if (g_str_has_prefix (line, "# Cronograma"))
        section = ref->schedule;
      else if (g_str_has_prefix (line, "# Indicador"))
        section = NULL;
      else if (g_str_has_prefix (line, "## Presupuesto"))
        section = ref->budget;

      if (section == NULL || !g_ascii_isdigit (line[0]))
        continue;

      fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) < 3)
        continue;
      g_ptr_array_add (section, g_steal_pointer (&fields));
    }
}

static void
reference_clear (Reference *ref)
{
  g_ptr_array_unref (ref->activities);
  g_ptr_array_unref (ref->schedule);
  g_ptr_array_unref (ref->budget);
  for (guint h = 0; h < 4; h++)
    g_free (ref->header[h]);
}

static void
assert_date (const GDate *date,
             const char  *dmy)
{
  GDate expected;

  g_assert_true (poa_date_parse_dmy (dmy, &expected));
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_compare (date, &expected), ==, 0);
}

static guint
to_uint (const char *text)
{
  guint64 value = 0;

  g_assert_true (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL));
  return (guint)value;
}

static void
test_matches_the_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  GListModel *activities;
  GListModel *budget;
  Reference ref = { 0 };

  g_assert_no_error (error);
  reference_load (&ref);

  g_assert_cmpuint (poa_plan_get_year (plan), ==, 2026);
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_DIRECTION), ==, ref.header[0]);
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_AREA), ==, ref.header[1]);
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_OBJECTIVE), ==, ref.header[2]);
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_SPECIFIC_OBJECTIVES), ==, ref.header[3]);

  activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  g_assert_cmpuint (ref.activities->len, ==, 16);
  g_assert_cmpuint (ref.schedule->len, ==, 16);
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 16);

  for (guint i = 0; i < 16; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      GStrv row = g_ptr_array_index (ref.activities, i);
      GStrv schedule = g_ptr_array_index (ref.schedule, i);

      g_test_message ("activity %u", i + 1);
      g_assert_cmpuint (poa_activity_get_number (activity), ==, to_uint (row[0]));
      g_assert_cmpuint (to_uint (schedule[0]), ==, i + 1);

      /* The first table's six columns, text for text. */
      for (guint t = 0; t <= POA_ACTIVITY_SPECIFIC_ACTIVITY; t++)
        {
          const char *cell = t + 1 < g_strv_length (row) ? row[t + 1] : "";
          g_autofree char *expected = g_strstrip (g_strdup (cell));
          g_assert_cmpstr (poa_activity_get_text (activity, t), ==, expected);
        }

      /* The cronograma row: N°, Actividad, Responsable, Meta anual, Programada N° and %,
       * Alcanzada N° and %, the months, Inicio, Fin. It has one cell fewer than its heading:
       * the Unidad de medida column repeats the Meta anual and is read as empty. */
      g_assert_cmpstr (poa_activity_get_text (activity, POA_ACTIVITY_RESPONSIBLE), ==, schedule[2]);
      g_assert_cmpstr (poa_activity_get_text (activity, POA_ACTIVITY_UNIT), ==, "");
      g_assert_cmpuint (poa_activity_get_goal (activity, POA_ACTIVITY_ANNUAL_GOAL), ==, to_uint (schedule[4]));
      g_assert_cmpuint (poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED), ==, to_uint (schedule[5]));
      g_assert_cmpuint (poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED), ==, to_uint (schedule[7]));
      assert_date (poa_activity_get_start (activity), schedule[20]);
      assert_date (poa_activity_get_end (activity), schedule[21]);

      /* Months are shaded from the dates, clipped to the plan year. */
      g_assert_cmphex (poa_activity_get_months (activity), ==,
                       poa_months_from_range (poa_activity_get_start (activity),
                                              poa_activity_get_end (activity), 2026));
    }

  budget = G_LIST_MODEL (poa_plan_get_budget (plan));
  g_assert_cmpuint (g_list_model_get_n_items (budget), ==, ref.budget->len);
  g_assert_cmpuint (ref.budget->len, ==, 5);
  for (guint i = 0; i < ref.budget->len; i++)
    {
      g_autoptr(PoaBudgetLine) line = g_list_model_get_item (budget, i);
      GStrv row = g_ptr_array_index (ref.budget, i);
      g_autofree char *amount = g_strdup (row[2]);
      gint64 centavos = -1;

      /* The document escapes its dollar signs: "\$ 5,000.00". */
      g_strdelimit (amount, "\\", ' ');
      g_assert_true (poa_money_parse (amount, &centavos, NULL));
      g_assert_cmpstr (poa_budget_line_get_code (line), ==, row[0]);
      g_assert_cmpstr (poa_budget_line_get_name (line), ==, row[1]);
      g_assert_cmpint (poa_budget_line_get_centavos (line), ==, centavos);
    }

  reference_clear (&ref);
}

static void
test_sums_and_total (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  double index = 0;

  g_assert_cmpuint (poa_plan_sum_goal (plan, POA_ACTIVITY_ANNUAL_GOAL), ==, 198);
  g_assert_cmpuint (poa_plan_sum_goal (plan, POA_ACTIVITY_PROGRAMMED), ==, 198);
  g_assert_cmpuint (poa_plan_sum_goal (plan, POA_ACTIVITY_ACHIEVED), ==, 23);
  g_assert_cmpint (poa_plan_get_budget_total (plan), ==, 9000000);  /* $ 90,000.00 */

  g_assert_true (poa_plan_get_efficiency_index (plan, &index));
  g_assert_cmpfloat_with_epsilon (index, 100.0 * 23 / 198, 1e-9);
}

static void
test_signatures_and_indicator (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);

  g_assert_cmpstr (poa_signature_get_role (poa_plan_get_signature (plan, 0)), ==, "Elaboró");
  g_assert_cmpstr (poa_signature_get_title (poa_plan_get_signature (plan, 0)), ==,
                   "Titular del Departamento de Migrantes y Ex braceros");
  g_assert_cmpstr (poa_signature_get_role (poa_plan_get_signature (plan, 1)), ==, "Revisó");
  g_assert_cmpstr (poa_signature_get_name (poa_plan_get_signature (plan, 1)), ==,
                   "Ing. Paulo César Tarango Rojero");
  g_assert_cmpstr (poa_signature_get_title (poa_plan_get_signature (plan, 1)), ==,
                   "Titular Unidad de Planeación");
  g_assert_cmpstr (poa_signature_get_role (poa_plan_get_signature (plan, 2)), ==, "Aprobó");
  g_assert_cmpstr (poa_signature_get_name (poa_plan_get_signature (plan, 2)), ==,
                   "Lic. J. Santos Ramiro Hinojosa Aguay");
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_MUNICIPALITY), ==, "Sombrerete, Zac.");
  g_assert_cmpstr (poa_plan_get_text (plan, POA_PLAN_ADMINISTRATION), ==, "2024 - 2027");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (poa_plan_get_indicators (plan))), ==, 1);
}

/* The document's contradictions are kept, and `check` reports them. */
static void
test_check_reports_the_contradictions (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(GListStore) findings = poa_check_plan (plan);
  gboolean seen_7 = FALSE, seen_14 = FALSE, seen_6 = FALSE, seen_7_months = FALSE;

  g_assert_cmpuint (poa_check_count (G_LIST_MODEL (findings), POA_SEVERITY_ERROR), ==, 1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(PoaFinding) f = g_list_model_get_item (G_LIST_MODEL (findings), i);
      const char *where = poa_finding_get_where (f);

      if (g_str_equal (where, "activity 7") && poa_finding_get_severity (f) == POA_SEVERITY_ERROR)
        {
          g_assert_cmpstr (poa_finding_get_field (f), ==, "end");
          g_assert_nonnull (strstr (poa_finding_get_message (f), "31/12/2025"));
          seen_7 = TRUE;
        }
      if (g_str_equal (where, "activity 7") && g_strcmp0 (poa_finding_get_field (f), "months") == 0)
        seen_7_months = TRUE;
      if (g_str_equal (where, "activity 14") && g_strcmp0 (poa_finding_get_field (f), "start") == 0)
        {
          g_assert_nonnull (strstr (poa_finding_get_message (f), "01/01/2025"));
          seen_14 = TRUE;
        }
      if (g_str_equal (where, "activity 6") && g_strcmp0 (poa_finding_get_field (f), "action_line") == 0)
        seen_6 = TRUE;
    }

  g_assert_true (seen_7);
  g_assert_true (seen_7_months);
  g_assert_true (seen_14);
  g_assert_true (seen_6);
}

static void
test_check_budget_and_numbers (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(PoaBudgetLine) bad = poa_budget_line_new ("21A1", "Mala", 100);
  g_autoptr(PoaBudgetLine) twice = poa_budget_line_new ("2111", "Otra vez", 100);
  g_autoptr(PoaActivity) activity = NULL;
  g_autoptr(GListStore) findings = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);

  g_list_store_append (poa_plan_get_budget (plan), bad);
  g_list_store_append (poa_plan_get_budget (plan), twice);
  activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 1);
  poa_activity_set_number (activity, 1);
  poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, 51);

  findings = poa_check_plan (plan);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(PoaFinding) f = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *line = poa_finding_to_line (f);
      g_string_append_printf (lines, "%s\n", line);
    }

  g_assert_nonnull (strstr (lines->str, "error\tbudget 21A1\t"));
  g_assert_nonnull (strstr (lines->str, "warning\tbudget 2111\t"));
  g_assert_nonnull (strstr (lines->str, "warning\tactivity 1\tthe Nº 1 is used by more than one activity"));
  g_assert_nonnull (strstr (lines->str, "warning\tactivity 1\tachieved goal (51) is above the programmed goal (50)"));
}

/* The window's list keeps a few findings of a big plan, and counts them all. */
static void
test_check_limited_counts_everything (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(GListStore) all = poa_check_plan (plan);
  g_autoptr(GListStore) kept = NULL;
  guint errors = 0, warnings = 0;

  kept = poa_check_plan_limited (plan, 5, &errors, &warnings);
  g_assert_cmpuint (errors, ==, poa_check_count (G_LIST_MODEL (all), POA_SEVERITY_ERROR));
  g_assert_cmpuint (warnings, ==, poa_check_count (G_LIST_MODEL (all), POA_SEVERITY_WARNING));
  g_assert_cmpuint (warnings, >, 5);
  g_assert_cmpuint (poa_check_count (G_LIST_MODEL (kept), POA_SEVERITY_WARNING), ==, 5);
  g_assert_cmpuint (poa_check_count (G_LIST_MODEL (kept), POA_SEVERITY_ERROR), ==, errors);

  /* The kept ones are the first of each kind, word for word. */
  for (guint i = 0, j = 0; i < g_list_model_get_n_items (G_LIST_MODEL (kept)); i++)
    {
      g_autoptr(PoaFinding) k = g_list_model_get_item (G_LIST_MODEL (kept), i);
      g_autoptr(PoaFinding) a = NULL;
      g_autofree char *kl = poa_finding_to_line (k);
      g_autofree char *al = NULL;

      do
        {
          g_clear_object (&a);
          a = g_list_model_get_item (G_LIST_MODEL (all), j++);
        }
      while (poa_finding_get_severity (a) != poa_finding_get_severity (k));
      al = poa_finding_to_line (a);
      g_assert_cmpstr (kl, ==, al);
    }

  g_clear_object (&kept);
  kept = poa_check_plan_limited (plan, 0, &errors, &warnings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kept)), ==, 0);
  g_assert_cmpuint (errors, ==, 1);
}

/* Returns the `check` lines of @plan, one per finding. */
static char *
check_lines (PoaPlan *plan)
{
  g_autoptr(GListStore) findings = poa_check_plan (plan);
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(PoaFinding) f = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *line = poa_finding_to_line (f);
      g_string_append_printf (lines, "%s|%s\n", line, poa_finding_get_field (f));
    }

  return g_string_free (lines, FALSE);
}

/* Issue 14, items 2 and 9: texts stored before the text rule get a warning naming the field
 * (exports replace the characters); texts longer than a workbook cell are an error. */
static void
test_check_reports_texts (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  g_autoptr(PoaIndicator) indicator = poa_indicator_new ("i", "v", "a\xc2\x85" "b");
  g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("2111", "Papel\x01", 100);
  g_autoptr(PoaActivity) first = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  g_autoptr(PoaActivity) second = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 1);
  g_autofree char *clean = check_lines (plan);
  g_autofree char *lines = NULL;
  g_autofree char *fits = g_strnfill (32767, 'x');
  g_autofree char *too_long = g_strnfill (32768, 'x');

  g_assert_null (strstr (clean, "U+"));
  g_assert_null (strstr (clean, "workbook cell"));

  poa_plan_set_text (plan, POA_PLAN_AREA, "A\vB");
  poa_activity_set_text (first, POA_ACTIVITY_NAME, "x\xef\xbf\xbe");
  poa_activity_set_text (second, POA_ACTIVITY_UNIT, too_long);
  poa_activity_set_text (second, POA_ACTIVITY_RESPONSIBLE, fits);
  poa_signature_set_name (poa_plan_get_signature (plan, 1), "Lic.\x1b[2J");
  g_list_store_append (poa_plan_get_indicators (plan), indicator);
  g_list_store_append (poa_plan_get_budget (plan), line);

  lines = check_lines (plan);
  g_test_message ("%s", lines);
  g_assert_nonnull (strstr (lines, "warning\tplan\t“Area” holds the character U+000B (at character 2), which a text may not hold; exports replace it|area\n"));
  g_assert_nonnull (strstr (lines, "warning\tactivity 1\t“Activity / General project” holds the character U+FFFE (at character 2)"));
  g_assert_nonnull (strstr (lines, "error\tactivity 2\t“Unit of measure” has 32768 characters, more than the 32767 a workbook cell holds|unit\n"));
  g_assert_nonnull (strstr (lines, "warning\tplan\t“signature 2: name” holds the character U+001B (at character 5)"));
  g_assert_nonnull (strstr (lines, "|signatures\n"));
  g_assert_nonnull (strstr (lines, "“indicator 2: formula” holds the character U+0085 (at character 2)"));
  g_assert_nonnull (strstr (lines, "warning\tbudget 2111\t“name” holds the character U+0001 (at character 6)"));
  /* One cell's worth is not too long. */
  g_assert_null (strstr (lines, "Responsible"));
  g_assert_null (strstr (lines, "|responsible\n"));
}

/* Issue 14, item 8: a total past its ceiling (stored before it, or by lines each within theirs)
 * is an error; the ceiling itself is not. */
static void
test_check_reports_a_total_past_its_ceiling (void)
{
  g_autoptr(PoaPlan) plan = poa_plan_new (2026);
  g_autofree char *at_ceiling = NULL;
  g_autofree char *past = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("2111", "Papel", POA_MONEY_MAX_CENTAVOS);
      g_list_store_append (poa_plan_get_budget (plan), line);
    }
  at_ceiling = check_lines (plan);
  g_assert_null (strstr (at_ceiling, "total"));

  {
    g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("2112", "Tinta", 1);
    g_list_store_append (poa_plan_get_budget (plan), line);
  }
  past = check_lines (plan);
  g_assert_nonnull (strstr (past, "error\tbudget\tthe budget total, $ 10,000,000,000,000.01, is more than "
                                  "$ 10,000,000,000,000.00, the most a plan may hold|amount\n"));
}

/* Issue 15: months that disagree with the dates are reported by name. The 2026 plan's months
 * are its dates clipped to 2026, so only activity 7 (reversed dates, no month) speaks of
 * months; a month dropped from activity 3 or added to activity 2 is reported. */
static void
test_check_reports_months_against_dates (void)
{
  g_autoptr(PoaPlan) plan = poa_default_plan_new (NULL);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  g_autoptr(PoaActivity) second = g_list_model_get_item (activities, 1);
  g_autoptr(PoaActivity) third = g_list_model_get_item (activities, 2);
  g_autoptr(GListStore) findings = poa_check_plan (plan);
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(PoaFinding) f = g_list_model_get_item (G_LIST_MODEL (findings), i);

      if (g_strcmp0 (poa_finding_get_field (f), "months") == 0)
        g_assert_cmpstr (poa_finding_get_where (f), ==, "activity 7");
    }
  g_clear_object (&findings);

  /* Activity 3 runs 01/01–31/12: all twelve months (0xfff); November (bit 10) clicked off. */
  g_assert_cmpuint (poa_activity_get_months (third), ==, 0xfff);
  poa_activity_set_months (third, 0xfff & ~(1u << 10));
  /* Activity 2 runs 01/01–30/09: November and December added. */
  g_assert_cmpuint (poa_activity_get_months (second), ==, 0x1ff);
  poa_activity_set_months (second, 0x1ff | (1u << 10) | (1u << 11));

  findings = poa_check_plan (plan);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
    {
      g_autoptr(PoaFinding) f = g_list_model_get_item (G_LIST_MODEL (findings), i);
      g_autofree char *line = poa_finding_to_line (f);
      g_string_append_printf (lines, "%s\n", line);
    }

  g_assert_nonnull (strstr (lines->str, "warning\tactivity 3\tthe cronograma leaves out November, "
                                        "within its dates (01/01/2026 to 31/12/2026)\n"));
  g_assert_nonnull (strstr (lines->str, "warning\tactivity 2\tthe cronograma schedules November "
                                        "and December, outside its dates (01/01/2026 to 30/09/2026)\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/default-plan/matches-the-document", test_matches_the_document);
  g_test_add_func ("/default-plan/sums-and-total", test_sums_and_total);
  g_test_add_func ("/default-plan/signatures-and-indicator", test_signatures_and_indicator);
  g_test_add_func ("/check/reports-the-document-contradictions", test_check_reports_the_contradictions);
  g_test_add_func ("/check/budget-codes-and-repeated-numbers", test_check_budget_and_numbers);
  g_test_add_func ("/check/limited-keeps-few-and-counts-all", test_check_limited_counts_everything);
  g_test_add_func ("/check/reports-texts", test_check_reports_texts);
  g_test_add_func ("/check/reports-months-against-dates", test_check_reports_months_against_dates);
  g_test_add_func ("/check/reports-a-total-past-its-ceiling", test_check_reports_a_total_past_its_ceiling);

  return g_test_run ();
}
