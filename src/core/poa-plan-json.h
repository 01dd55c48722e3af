/* poa-plan-json.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_PLAN_JSON_ERROR (poa_plan_json_error_quark ())

typedef enum
{
  POA_PLAN_JSON_ERROR_READ,
  POA_PLAN_JSON_ERROR_SYNTAX,
  POA_PLAN_JSON_ERROR_FORMAT,
  POA_PLAN_JSON_ERROR_INVALID,
  POA_PLAN_JSON_ERROR_WRITE,
} PoaPlanJsonError;

GQuark    poa_plan_json_error_quark  (void);
PoaPlan  *poa_plan_json_parse        (const char  *data,
                                      gsize        length,
                                      const char  *filename,
                                      GError     **error);
PoaPlan  *poa_plan_json_load         (const char  *path,
                                      GError     **error);
char     *poa_plan_json_to_string    (PoaPlan     *plan);
gboolean  poa_plan_json_save         (PoaPlan     *plan,
                                      const char  *path,
                                      GError     **error);

/* Reading a big plan file an activity at a time (poa-plan-json.c). */
typedef struct _PoaPlanJsonReader PoaPlanJsonReader;

PoaPlanJsonReader *poa_plan_json_reader_open     (const char          *path,
                                                  GError             **error);
PoaPlan           *poa_plan_json_reader_get_plan (PoaPlanJsonReader   *self);
gboolean           poa_plan_json_reader_next     (PoaPlanJsonReader   *self,
                                                  PoaActivity        **activity,
                                                  GError             **error);
void               poa_plan_json_reader_free     (PoaPlanJsonReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaPlanJsonReader, poa_plan_json_reader_free)

/* Writing a plan file an activity at a time. */
typedef struct _PoaPlanJsonWriter PoaPlanJsonWriter;

PoaPlanJsonWriter *poa_plan_json_writer_begin    (PoaPlan             *plan,
                                                  gboolean             follow_up,
                                                  const char          *path,
                                                  GError             **error);
gboolean           poa_plan_json_writer_add      (PoaPlanJsonWriter   *self,
                                                  PoaActivity         *activity,
                                                  GError             **error);
gboolean           poa_plan_json_writer_commit   (PoaPlanJsonWriter   *self,
                                                  GError             **error);
void               poa_plan_json_writer_free     (PoaPlanJsonWriter   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaPlanJsonWriter, poa_plan_json_writer_free)

G_END_DECLS
