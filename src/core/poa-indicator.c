/* poa-indicator.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-indicator"

#include "config.h"

#include "poa-indicator.h"
#include "poa-util.h"

/* One indicator of the plan: its name, its variables and its formula, as the document writes them. */
struct _PoaIndicator
{
  GObject  parent_instance;

  gint64   id;
  char    *texts[3];
};

G_DEFINE_FINAL_TYPE (PoaIndicator, poa_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VARIABLES,
  PROP_FORMULA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_text (PoaIndicator *self,
          guint   prop_id)
{
  const char *text = self->texts[prop_id - PROP_NAME];

  return text != NULL ? text : "";
}

static void
set_text (PoaIndicator     *self,
          guint       prop_id,
          const char *text)
{
  if (_poa_set_text (&self->texts[prop_id - PROP_NAME], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
poa_indicator_finalize (GObject *object)
{
  PoaIndicator *self = (PoaIndicator *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (poa_indicator_parent_class)->finalize (object);
}

static void
poa_indicator_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, get_text (POA_INDICATOR (object), prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
poa_indicator_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_text (POA_INDICATOR (object), prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
poa_indicator_class_init (PoaIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = poa_indicator_finalize;
  object_class->get_property = poa_indicator_get_property;
  object_class->set_property = poa_indicator_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VARIABLES] =
    g_param_spec_string ("variables", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FORMULA] =
    g_param_spec_string ("formula", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
poa_indicator_init (PoaIndicator *self)
{
}

PoaIndicator *
poa_indicator_new (const char *name,
                 const char *variables,
                 const char *formula)
{
  return g_object_new (POA_TYPE_INDICATOR,
                       "name", name,
                       "variables", variables,
                       "formula", formula,
                       NULL);
}

PoaIndicator *
poa_indicator_copy (PoaIndicator *self)
{
  g_return_val_if_fail (POA_IS_INDICATOR (self), NULL);

  return poa_indicator_new (self->texts[0], self->texts[1], self->texts[2]);
}

gboolean
poa_indicator_equal (PoaIndicator *a,
                   PoaIndicator *b)
{
  g_return_val_if_fail (POA_IS_INDICATOR (a), FALSE);
  g_return_val_if_fail (POA_IS_INDICATOR (b), FALSE);

  for (guint prop_id = PROP_NAME; prop_id < N_PROPS; prop_id++)
    if (g_strcmp0 (get_text (a, prop_id), get_text (b, prop_id)) != 0)
      return FALSE;

  return TRUE;
}

gint64
poa_indicator_get_id (PoaIndicator *self)
{
  g_return_val_if_fail (POA_IS_INDICATOR (self), 0);

  return self->id;
}

void
poa_indicator_set_id (PoaIndicator *self,
                      gint64        id)
{
  g_return_if_fail (POA_IS_INDICATOR (self));

  self->id = id;
}

const char *
poa_indicator_get_name (PoaIndicator *self)
{
  g_return_val_if_fail (POA_IS_INDICATOR (self), "");

  return get_text (self, PROP_NAME);
}

void
poa_indicator_set_name (PoaIndicator     *self,
                    const char *name)
{
  g_return_if_fail (POA_IS_INDICATOR (self));

  set_text (self, PROP_NAME, name);
}

const char *
poa_indicator_get_variables (PoaIndicator *self)
{
  g_return_val_if_fail (POA_IS_INDICATOR (self), "");

  return get_text (self, PROP_VARIABLES);
}

void
poa_indicator_set_variables (PoaIndicator     *self,
                    const char *variables)
{
  g_return_if_fail (POA_IS_INDICATOR (self));

  set_text (self, PROP_VARIABLES, variables);
}

const char *
poa_indicator_get_formula (PoaIndicator *self)
{
  g_return_val_if_fail (POA_IS_INDICATOR (self), "");

  return get_text (self, PROP_FORMULA);
}

void
poa_indicator_set_formula (PoaIndicator     *self,
                    const char *formula)
{
  g_return_if_fail (POA_IS_INDICATOR (self));

  set_text (self, PROP_FORMULA, formula);
}
