/* poa-indicator.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_INDICATOR (poa_indicator_get_type ())

G_DECLARE_FINAL_TYPE (PoaIndicator, poa_indicator, POA, INDICATOR, GObject)

PoaIndicator *poa_indicator_new           (const char *name,
                                  const char *variables,
                                  const char *formula);
PoaIndicator *poa_indicator_copy          (PoaIndicator      *self);
gboolean poa_indicator_equal       (PoaIndicator      *a,
                                  PoaIndicator      *b);
gint64      poa_indicator_get_id (PoaIndicator      *self);
void        poa_indicator_set_id (PoaIndicator      *self,
                                  gint64             id);
const char *poa_indicator_get_name   (PoaIndicator      *self);
void        poa_indicator_set_name   (PoaIndicator      *self,
                                  const char *name);
const char *poa_indicator_get_variables   (PoaIndicator      *self);
void        poa_indicator_set_variables   (PoaIndicator      *self,
                                  const char *variables);
const char *poa_indicator_get_formula   (PoaIndicator      *self);
void        poa_indicator_set_formula   (PoaIndicator      *self,
                                  const char *formula);

G_END_DECLS
