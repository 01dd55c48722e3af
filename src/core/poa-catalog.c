/* poa-catalog.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-catalog"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "poa-budget-line.h"
#include "poa-catalog.h"
#include "poa-money.h"
#include "poa-core-resources.h"
#include "poa-plan.h"

/* The CONAC Clasificador por Objeto del Gasto shipped with the program (data/conac-cog.tsv,
 * compiled into the core's resources): capítulos (2000), conceptos (2100) and partidas
 * genéricas (211) with their official names. The fourth digit of a partida específica (2111)
 * is each government's own, so a code is known by its first three digits. The file holds only
 * names that could be checked; a code outside it is "unlisted", not wrong. */

#define CATALOG_PATH RESOURCE_PATH "/conac-cog.tsv"

/* code → official name; loaded once, kept for the life of the program. */
static GHashTable *
catalog (void)
{
  static gsize loaded = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_auto(GStrv) lines = NULL;
      GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      bytes = g_resource_lookup_data (poa_core_get_resource (), CATALOG_PATH,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("%s: %s", CATALOG_PATH, error->message);

      lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;

          fields = g_strsplit (lines[i], "\t", 2);
          if (g_strv_length (fields) != 2 || fields[1][0] == '\0')
            {
              /* A mistake in the shipped file; the tests catch it before anyone sees it. */
              g_critical ("%s, line %u: not CODE<TAB>NAME", CATALOG_PATH, i + 1);
              continue;
            }
          g_hash_table_insert (entries, g_strdup (fields[0]), g_strdup (fields[1]));
        }

      table = entries;
      g_once_init_leave (&loaded, 1);
    }

  return table;
}

/**
 * poa_catalog_lookup:
 * @key: a capítulo ("2000"), a concepto ("2100") or a partida genérica ("211")
 *
 * Returns: (nullable): its official name, or %NULL when the catalog does not hold it.
 */
const char *
poa_catalog_lookup (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (catalog (), key);
}

/**
 * poa_catalog_is_well_formed:
 * @code: a partida code as the office writes it
 *
 * Returns: whether @code is four digits, the first of them a capítulo (1 to 9).
 */
gboolean
poa_catalog_is_well_formed (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (strlen (code) != 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;

  return code[0] != '0';
}

/**
 * poa_catalog_classify:
 * @code: a partida code as the office writes it (2111)
 * @generic_name: (out) (optional) (nullable): the official name of its partida genérica
 *
 * Returns: whether the code is malformed, well formed but unlisted, or known.
 */
PoaPartidaStatus
poa_catalog_classify (const char  *code,
                      const char **generic_name)
{
  char generic[4];
  const char *name;

  g_return_val_if_fail (code != NULL, POA_PARTIDA_MALFORMED);

  if (generic_name != NULL)
    *generic_name = NULL;

  if (!poa_catalog_is_well_formed (code))
    return POA_PARTIDA_MALFORMED;

  memcpy (generic, code, 3);
  generic[3] = '\0';
  name = poa_catalog_lookup (generic);
  if (generic_name != NULL)
    *generic_name = name;

  return name != NULL ? POA_PARTIDA_KNOWN : POA_PARTIDA_UNLISTED;
}

/**
 * poa_catalog_chapter_of:
 *
 * Returns: the capítulo of a well-formed code (2111 → 2000), or 0 for a malformed one.
 */
guint
poa_catalog_chapter_of (const char *code)
{
  g_return_val_if_fail (code != NULL, 0);

  return poa_catalog_is_well_formed (code) ? (guint)(code[0] - '0') * 1000 : 0;
}

/**
 * poa_catalog_chapter_name:
 * @chapter: 1000 … 9000
 *
 * Returns: (nullable): the capítulo's official name.
 */
const char *
poa_catalog_chapter_name (guint chapter)
{
  char key[8];

  if (chapter < 1000 || chapter > 9000 || chapter % 1000 != 0)
    return NULL;

  g_snprintf (key, sizeof key, "%u", chapter);
  return poa_catalog_lookup (key);
}

/**
 * poa_budget_chapter_totals:
 *
 * The budget summed by capítulo, for the Presupuesto page and the exports.
 *
 * Returns: (transfer full) (element-type PoaChapterTotal): one total per capítulo that has a
 *   line, in the catalog's order, then (chapter 0) the lines whose code is malformed.
 */
GArray *
poa_budget_chapter_totals (PoaPlan *plan)
{
  gint64 sums[10] = { 0 };
  gboolean present[10] = { FALSE };
  GListModel *budget;
  GArray *totals;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);

  budget = G_LIST_MODEL (poa_plan_get_budget (plan));
  for (guint i = 0; i < g_list_model_get_n_items (budget); i++)
    {
      g_autoptr(PoaBudgetLine) line = g_list_model_get_item (budget, i);
      guint slot = poa_catalog_chapter_of (poa_budget_line_get_code (line)) / 1000;

      sums[slot] = poa_money_add (sums[slot], poa_budget_line_get_centavos (line));
      present[slot] = TRUE;
    }

  totals = g_array_new (FALSE, FALSE, sizeof (PoaChapterTotal));
  for (guint slot = 1; slot <= 10; slot++)
    {
      PoaChapterTotal total = { (slot % 10) * 1000, sums[slot % 10] };

      if (present[slot % 10])
        g_array_append_val (totals, total);
    }

  return totals;
}
