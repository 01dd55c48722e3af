/* poa-session.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-opening.h"
#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_SESSION (poa_session_get_type ())

/* What an import does when the database already holds a plan of the file's área and year. */
typedef enum
{
  POA_SESSION_IMPORT_REFUSE,     /* fail with G_IO_ERROR_EXISTS, so that the user can be asked */
  POA_SESSION_IMPORT_REPLACE,    /* replace that plan, keeping its change record */
  POA_SESSION_IMPORT_KEEP_BOTH,  /* add the file's plan beside it */
} PoaSessionImportMode;

G_DECLARE_FINAL_TYPE (PoaSession, poa_session, POA, SESSION, GObject)

PoaSession  *poa_session_new               (const char  *db_path,
                                            gint64       plan_id,
                                            PoaOpening  *opening);
PoaSession  *poa_session_new_for_store     (PoaStore    *store);

gboolean     poa_session_load              (PoaSession  *self,
                                            GError     **error);
gboolean     poa_session_finish_loading    (PoaSession  *self,
                                            GError     **error);

PoaStore    *poa_session_get_store         (PoaSession  *self);
char        *poa_session_take_notice       (PoaSession  *self);
PoaDocument *poa_session_get_document      (PoaSession  *self);
PoaPlan     *poa_session_get_plan          (PoaSession  *self);

gboolean     poa_session_open_plan         (PoaSession  *self,
                                            gint64       plan_id,
                                            GError     **error);
gboolean     poa_session_new_plan          (PoaSession  *self,
                                            guint        year,
                                            const char  *area,
                                            GError     **error);
gboolean     poa_session_copy_to_next_year (PoaSession  *self,
                                            GError     **error);
gboolean     poa_session_delete_plan       (PoaSession  *self,
                                            gboolean    *deleted,
                                            GError     **error);
gboolean     poa_session_import            (PoaSession  *self,
                                            const char  *path,
                                            GError     **error);
gboolean     poa_session_import_with_mode  (PoaSession  *self,
                                            const char  *path,
                                            PoaSessionImportMode mode,
                                            GError     **error);
gboolean     poa_session_import_plan       (PoaSession  *self,
                                            PoaPlan     *plan,
                                            const char  *path,
                                            PoaSessionImportMode mode,
                                            GError     **error);
gboolean     poa_session_restore           (PoaSession  *self,
                                            const char  *backup,
                                            char       **kept,
                                            GError     **error);

gint64       poa_session_find_same_plan  (PoaStore     *store,
                                         PoaPlan      *plan,
                                         char        **area,
                                         GError      **error);
void         poa_session_keep_history    (PoaPlan      *old,
                                         PoaPlan      *plan);

G_END_DECLS
