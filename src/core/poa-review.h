/* poa-review.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_REVIEW_ERROR (poa_review_error_quark ())

/* Every quarter closed: bits 0 to 3. */
#define POA_CLOSED_QUARTERS_ALL 0xf

typedef enum
{
  POA_REVIEW_ERROR_NOT_ALLOWED,            /* the step does not follow from the status */
  POA_REVIEW_ERROR_NOTE_REQUIRED,          /* a return without observations */
  POA_REVIEW_ERROR_JUSTIFICATION_REQUIRED, /* a change to an approved plan without one */
} PoaReviewError;

/* The planning unit's review of a plan; the plan file's words are their keys. */
typedef enum
{
  POA_REVIEW_BORRADOR,
  POA_REVIEW_ENVIADO,
  POA_REVIEW_OBSERVADO,
  POA_REVIEW_APROBADO,
  POA_REVIEW_N_STATUSES
} PoaReviewStatus;

typedef enum
{
  POA_REVIEW_SUBMIT,   /* borrador or observado → enviado */
  POA_REVIEW_RETURN,   /* enviado → observado, with a note */
  POA_REVIEW_APPROVE,  /* enviado → aprobado */
} PoaReviewAction;

/* One step of the review: when (ISO 8601 date-time), who, the status it reached, the note. */
typedef struct
{
  char            *date;
  char            *by;
  PoaReviewStatus  status;
  char            *note;
} PoaReviewStep;

/* One entry of the change record: WHERE as `check` names it, FIELD a key of the plan file,
 * BEFORE and AFTER as text. */
typedef struct
{
  char *date;
  char *by;
  char *where;
  char *field;
  char *before;
  char *after;
  char *justification;
} PoaHistoryEntry;

/* One observation of the planning unit: when, who, WHERE as `check` names it (`plan`, `activity
 * 3`), and the text. Appended only, like the review's steps. */
typedef struct
{
  char *date;
  char *by;
  char *where;
  char *text;
} PoaObservation;

#define POA_TYPE_OBSERVATION   (poa_observation_get_type ())
#define POA_TYPE_REVIEW_STEP   (poa_review_step_get_type ())
#define POA_TYPE_HISTORY_ENTRY (poa_history_entry_get_type ())

GQuark           poa_review_error_quark      (void);
GType            poa_review_step_get_type    (void) G_GNUC_CONST;
GType            poa_history_entry_get_type  (void) G_GNUC_CONST;
GType            poa_observation_get_type    (void) G_GNUC_CONST;

PoaObservation  *poa_observation_new         (const char      *date,
                                              const char      *by,
                                              const char      *where,
                                              const char      *text);
PoaObservation  *poa_observation_copy        (const PoaObservation *observation);
void             poa_observation_free        (PoaObservation  *observation);
gboolean         poa_observation_equal       (const PoaObservation *a,
                                              const PoaObservation *b);
gboolean         poa_review_where_is_valid   (const char      *where);

char            *poa_closed_quarters_text    (guint            quarters);
gboolean         poa_closed_quarters_parse   (const char      *text,
                                              guint           *quarters);

const char      *poa_review_status_key       (PoaReviewStatus  status);
const char      *poa_review_status_label     (PoaReviewStatus  status);
gboolean         poa_review_status_from_key  (const char      *key,
                                              PoaReviewStatus *status);
gboolean         poa_review_action_from_verb (const char      *verb,
                                              PoaReviewAction *action);
gboolean         poa_review_next_status      (PoaReviewStatus  from,
                                              PoaReviewAction  action,
                                              const char      *note,
                                              PoaReviewStatus *to,
                                              GError         **error);
gboolean         poa_review_allows_change    (PoaReviewStatus  status,
                                              const char      *justification,
                                              GError         **error);

char            *poa_review_now              (void);
char            *poa_review_user_name        (const char      *preferred);
char            *poa_review_preferred_user_name     (void);
gboolean         poa_review_set_preferred_user_name (const char *name);
gboolean         poa_review_date_is_valid    (const char      *date);

PoaReviewStep   *poa_review_step_new         (const char      *date,
                                              const char      *by,
                                              PoaReviewStatus  status,
                                              const char      *note);
PoaReviewStep   *poa_review_step_copy        (const PoaReviewStep *step);
void             poa_review_step_free        (PoaReviewStep   *step);
gboolean         poa_review_step_equal       (const PoaReviewStep *a,
                                              const PoaReviewStep *b);

PoaHistoryEntry *poa_history_entry_new       (const char      *date,
                                              const char      *by,
                                              const char      *where,
                                              const char      *field,
                                              const char      *before,
                                              const char      *after,
                                              const char      *justification);
PoaHistoryEntry *poa_history_entry_copy      (const PoaHistoryEntry *entry);
void             poa_history_entry_free      (PoaHistoryEntry *entry);
gboolean         poa_history_entry_equal     (const PoaHistoryEntry *a,
                                              const PoaHistoryEntry *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaReviewStep, poa_review_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaHistoryEntry, poa_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaObservation, poa_observation_free)

G_END_DECLS
