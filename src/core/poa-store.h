/* poa-store.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-review.h"
#include "poa-types.h"

G_BEGIN_DECLS

#define POA_STORE_ERROR (poa_store_error_quark ())

typedef enum
{
  POA_STORE_ERROR_NOT_A_DATABASE,
  POA_STORE_ERROR_NEWER_SCHEMA,
  POA_STORE_ERROR_CORRUPT,
  POA_STORE_ERROR_READ_ONLY,
  POA_STORE_ERROR_NO_SPACE,
  POA_STORE_ERROR_BUSY,
  POA_STORE_ERROR_IO,
  POA_STORE_ERROR_NOT_FOUND,
  POA_STORE_ERROR_INVALID,
  POA_STORE_ERROR_FAILED,
  POA_STORE_ERROR_FOREIGN,
  POA_STORE_ERROR_REPLACED,
  POA_STORE_ERROR_NOT_CURRENT,
  POA_STORE_ERROR_STRAY_WAL,
} PoaStoreError;

/* The schema version this program writes; PRAGMA user_version holds the file's. */
#define POA_STORE_SCHEMA_VERSION 6

/* One line of the list of plans. */
typedef struct
{
  gint64  id;
  guint   year;
  char   *area;
  guint   n_activities;
} PoaPlanSummary;

void poa_plan_summary_free (PoaPlanSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaPlanSummary, poa_plan_summary_free)

#define POA_TYPE_STORE (poa_store_get_type ())

G_DECLARE_FINAL_TYPE (PoaStore, poa_store, POA, STORE, GObject)

GQuark      poa_store_error_quark        (void);
char       *poa_store_default_path       (void);
char       *poa_store_resolve_path       (const char  *explicit_path,
                                          GError     **error);
PoaStore   *poa_store_open               (const char  *path,
                                          GError     **error);
PoaStore   *poa_store_open_current       (const char  *path,
                                          GError     **error);
const char *poa_store_get_path           (PoaStore    *self);
const char *poa_store_get_notice         (PoaStore    *self);
gboolean    poa_store_backup             (PoaStore    *self,
                                          const char  *dest,
                                          GError     **error);
gboolean    poa_store_restore            (PoaStore    *self,
                                          const char  *backup,
                                          char       **kept,
                                          GError     **error);
gboolean    poa_store_restore_file       (const char  *path,
                                          const char  *backup,
                                          char       **kept,
                                          GError     **error);
GPtrArray  *poa_store_list_plans         (PoaStore    *self,
                                          GError     **error);
gint64      poa_store_resolve_plan       (PoaStore    *self,
                                          gint64       requested,
                                          GError     **error);
/* Called by poa_store_load_plan_in_parts() with the first part of a plan. */
typedef gboolean (*PoaStoreFirstReadFunc) (PoaPlan  *plan,
                                           gpointer  data);

PoaPlan    *poa_store_load_plan          (PoaStore    *self,
                                          gint64       plan_id,
                                          GError     **error);
PoaPlan    *poa_store_load_plan_in_parts (PoaStore              *self,
                                          gint64                 plan_id,
                                          guint                  first,
                                          PoaStoreFirstReadFunc  first_read,
                                          gpointer               data,
                                          GPtrArray            **rest,
                                          GError               **error);
/* Called by poa_store_read_plan(): the plan without its activities, then each activity. */
typedef gboolean (*PoaStoreHeaderFunc)   (PoaPlan      *plan,
                                          gboolean      follow_up,
                                          gpointer      data,
                                          GError      **error);
typedef gboolean (*PoaStoreActivityFunc) (PoaActivity  *activity,
                                          gpointer      data,
                                          GError      **error);

gboolean    poa_store_read_plan          (PoaStore              *self,
                                          gint64                 plan_id,
                                          PoaStoreHeaderFunc     header,
                                          PoaStoreActivityFunc   each,
                                          gpointer               data,
                                          GError               **error);
gint64      poa_store_insert_plan        (PoaStore    *self,
                                          PoaPlan     *plan,
                                          GError     **error);
/* Gives poa_store_import_plan() the plan's next activity, or %NULL after the last. */
typedef gboolean (*PoaStoreNextActivityFunc) (gpointer      data,
                                              PoaActivity **activity,
                                              GError      **error);

gint64      poa_store_import_plan        (PoaStore                 *self,
                                          gint64                    replace_id,
                                          PoaPlan                  *plan,
                                          PoaStoreNextActivityFunc  next,
                                          gpointer                  data,
                                          GError                  **error);
gboolean    poa_store_mark_opened        (PoaStore    *self,
                                          gint64       plan_id,
                                          GError     **error);
gboolean    poa_store_delete_plan        (PoaStore    *self,
                                          gint64       plan_id,
                                          GError     **error);

/* One user change is one transaction: begin, a few of the calls below, commit. */
gboolean    poa_store_begin              (PoaStore    *self,
                                          GError     **error);
gboolean    poa_store_commit             (PoaStore    *self,
                                          GError     **error);
void        poa_store_rollback           (PoaStore    *self);

gboolean    poa_store_update_plan        (PoaStore       *self,
                                          PoaPlan        *plan,
                                          GError        **error);
gboolean    poa_store_update_signature   (PoaStore       *self,
                                          PoaPlan        *plan,
                                          guint           position,
                                          GError        **error);
gboolean    poa_store_insert_activity    (PoaStore       *self,
                                          PoaPlan        *plan,
                                          guint           position,
                                          PoaActivity    *activity,
                                          GError        **error);
gboolean    poa_store_update_activity    (PoaStore       *self,
                                          PoaActivity    *activity,
                                          GError        **error);
gboolean    poa_store_delete_activity    (PoaStore       *self,
                                          PoaActivity    *activity,
                                          GError        **error);
gboolean    poa_store_move_activity      (PoaStore       *self,
                                          PoaActivity    *activity,
                                          guint           position,
                                          GError        **error);
gboolean    poa_store_insert_indicator   (PoaStore       *self,
                                          PoaPlan        *plan,
                                          guint           position,
                                          PoaIndicator   *indicator,
                                          GError        **error);
gboolean    poa_store_update_indicator   (PoaStore       *self,
                                          PoaIndicator   *indicator,
                                          GError        **error);
gboolean    poa_store_delete_indicator   (PoaStore       *self,
                                          PoaIndicator   *indicator,
                                          GError        **error);
gboolean    poa_store_move_indicator     (PoaStore       *self,
                                          PoaIndicator   *indicator,
                                          guint           position,
                                          GError        **error);
gboolean    poa_store_insert_budget_line (PoaStore       *self,
                                          PoaPlan        *plan,
                                          guint           position,
                                          PoaBudgetLine  *line,
                                          GError        **error);
gboolean    poa_store_update_budget_line (PoaStore       *self,
                                          PoaBudgetLine  *line,
                                          GError        **error);
gboolean    poa_store_delete_budget_line (PoaStore       *self,
                                          PoaBudgetLine  *line,
                                          GError        **error);
gboolean    poa_store_move_budget_line   (PoaStore       *self,
                                          PoaBudgetLine  *line,
                                          guint           position,
                                          GError        **error);

gint64      poa_store_replace_plan       (PoaStore    *self,
                                          gint64       old_id,
                                          PoaPlan     *plan,
                                          GError     **error);
gboolean    poa_store_record_changes     (PoaStore                      *self,
                                          gint64                         plan_id,
                                          const PoaHistoryEntry *const  *entries,
                                          guint                          n_entries,
                                          GError                       **error);
gboolean    poa_store_add_review_step    (PoaStore            *self,
                                          gint64               plan_id,
                                          const PoaReviewStep *step,
                                          GError             **error);
GPtrArray  *poa_store_load_year          (PoaStore             *self,
                                          guint                 year,
                                          GError              **error);
gboolean    poa_store_add_observation    (PoaStore             *self,
                                          gint64                plan_id,
                                          const PoaObservation *observation,
                                          GError              **error);

G_END_DECLS
