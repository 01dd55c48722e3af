/* poa-signature.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_SIGNATURE (poa_signature_get_type ())

G_DECLARE_FINAL_TYPE (PoaSignature, poa_signature, POA, SIGNATURE, GObject)

PoaSignature *poa_signature_new           (const char *role,
                                  const char *name,
                                  const char *title);
PoaSignature *poa_signature_copy          (PoaSignature      *self);
gboolean poa_signature_equal       (PoaSignature      *a,
                                  PoaSignature      *b);
const char *poa_signature_get_role   (PoaSignature      *self);
void        poa_signature_set_role   (PoaSignature      *self,
                                  const char *role);
const char *poa_signature_get_name   (PoaSignature      *self);
void        poa_signature_set_name   (PoaSignature      *self,
                                  const char *name);
const char *poa_signature_get_title   (PoaSignature      *self);
void        poa_signature_set_title   (PoaSignature      *self,
                                  const char *title);

G_END_DECLS
