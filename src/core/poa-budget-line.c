/* poa-budget-line.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-budget-line"

#include "config.h"

#include "poa-budget-line.h"
#include "poa-money.h"
#include "poa-util.h"

/* One partida of the budget: its code in the spending catalog, the office's name for it, and
 * the amount in whole centavos. */
struct _PoaBudgetLine
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
  gint64   centavos;
};

G_DEFINE_FINAL_TYPE (PoaBudgetLine, poa_budget_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_CENTAVOS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
poa_budget_line_finalize (GObject *object)
{
  PoaBudgetLine *self = (PoaBudgetLine *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (poa_budget_line_parent_class)->finalize (object);
}

static void
poa_budget_line_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PoaBudgetLine *self = POA_BUDGET_LINE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, poa_budget_line_get_code (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, poa_budget_line_get_name (self));
      break;

    case PROP_CENTAVOS:
      g_value_set_int64 (value, self->centavos);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_budget_line_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PoaBudgetLine *self = POA_BUDGET_LINE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      poa_budget_line_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      poa_budget_line_set_name (self, g_value_get_string (value));
      break;

    case PROP_CENTAVOS:
      poa_budget_line_set_centavos (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_budget_line_class_init (PoaBudgetLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = poa_budget_line_finalize;
  object_class->get_property = poa_budget_line_get_property;
  object_class->set_property = poa_budget_line_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CENTAVOS] =
    g_param_spec_int64 ("centavos", NULL, NULL,
                        0, POA_MONEY_MAX_CENTAVOS, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
poa_budget_line_init (PoaBudgetLine *self)
{
}

PoaBudgetLine *
poa_budget_line_new (const char *code,
                     const char *name,
                     gint64      centavos)
{
  return g_object_new (POA_TYPE_BUDGET_LINE,
                       "code", code,
                       "name", name,
                       "centavos", centavos,
                       NULL);
}

PoaBudgetLine *
poa_budget_line_copy (PoaBudgetLine *self)
{
  g_return_val_if_fail (POA_IS_BUDGET_LINE (self), NULL);

  return poa_budget_line_new (self->code, self->name, self->centavos);
}

gboolean
poa_budget_line_equal (PoaBudgetLine *a,
                       PoaBudgetLine *b)
{
  g_return_val_if_fail (POA_IS_BUDGET_LINE (a), FALSE);
  g_return_val_if_fail (POA_IS_BUDGET_LINE (b), FALSE);

  return g_strcmp0 (poa_budget_line_get_code (a), poa_budget_line_get_code (b)) == 0 &&
         g_strcmp0 (poa_budget_line_get_name (a), poa_budget_line_get_name (b)) == 0 &&
         a->centavos == b->centavos;
}

gint64
poa_budget_line_get_id (PoaBudgetLine *self)
{
  g_return_val_if_fail (POA_IS_BUDGET_LINE (self), 0);

  return self->id;
}

void
poa_budget_line_set_id (PoaBudgetLine *self,
                        gint64         id)
{
  g_return_if_fail (POA_IS_BUDGET_LINE (self));

  self->id = id;
}

const char *
poa_budget_line_get_code (PoaBudgetLine *self)
{
  g_return_val_if_fail (POA_IS_BUDGET_LINE (self), "");

  return self->code ? self->code : "";
}

void
poa_budget_line_set_code (PoaBudgetLine *self,
                          const char    *code)
{
  g_return_if_fail (POA_IS_BUDGET_LINE (self));

  if (_poa_set_text (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
poa_budget_line_get_name (PoaBudgetLine *self)
{
  g_return_val_if_fail (POA_IS_BUDGET_LINE (self), "");

  return self->name ? self->name : "";
}

void
poa_budget_line_set_name (PoaBudgetLine *self,
                          const char    *name)
{
  g_return_if_fail (POA_IS_BUDGET_LINE (self));

  if (_poa_set_text (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * poa_budget_line_get_centavos:
 *
 * Returns: the amount, in whole centavos.
 */
gint64
poa_budget_line_get_centavos (PoaBudgetLine *self)
{
  g_return_val_if_fail (POA_IS_BUDGET_LINE (self), 0);

  return self->centavos;
}

void
poa_budget_line_set_centavos (PoaBudgetLine *self,
                              gint64         centavos)
{
  g_return_if_fail (POA_IS_BUDGET_LINE (self));
  g_return_if_fail (centavos >= 0 && centavos <= POA_MONEY_MAX_CENTAVOS);

  if (self->centavos == centavos)
    return;

  self->centavos = centavos;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTAVOS]);
}
