/* poa-application.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "poa-opening.h"
#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_APPLICATION (poa_application_get_type ())

G_DECLARE_FINAL_TYPE (PoaApplication, poa_application, POA, APPLICATION, AdwApplication)

PoaApplication *poa_application_new       (const char     *db_path,
                                           gint64          plan_id,
                                           GApplicationFlags flags);
PoaSession     *poa_application_get_session (PoaApplication *self);
int             poa_application_run       (const char     *db_path,
                                           gint64          plan_id,
                                           PoaOpening     *opening);

G_END_DECLS
