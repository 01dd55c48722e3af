/* poa-document.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_DOCUMENT_ERROR (poa_document_error_quark ())

typedef enum
{
  POA_DOCUMENT_ERROR_INVALID,
  POA_DOCUMENT_ERROR_NOTHING_TO_UNDO,
  POA_DOCUMENT_ERROR_OPENING,
  POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED,  /* the plan is approved */
} PoaDocumentError;

/* What one step of an edit, undo or redo did, as PoaDocument::changed says it. */
typedef enum
{
  POA_CHANGE_EDITED,   /* a property of @object changed */
  POA_CHANGE_ADDED,    /* @object was put in its list of the plan, at @position */
  POA_CHANGE_REMOVED,  /* @object was taken out of its list, from @position */
  POA_CHANGE_MOVED,    /* @object moved in its list, from @from to @position */
} PoaChangeKind;

typedef struct
{
  PoaChangeKind  kind;
  GObject       *object;    /* the plan, a signature, an activity, a budget line, an indicator */
  const char    *property;  /* POA_CHANGE_EDITED: the property's name */
  guint          position;  /* POA_CHANGE_ADDED, _MOVED: where it is; _REMOVED: where it was */
  guint          from;      /* POA_CHANGE_MOVED: where it was */
} PoaChange;

gboolean     poa_changes_reorder      (GArray       *changes);

#define POA_TYPE_DOCUMENT (poa_document_get_type ())

G_DECLARE_FINAL_TYPE (PoaDocument, poa_document, POA, DOCUMENT, GObject)

GQuark       poa_document_error_quark (void);
PoaDocument *poa_document_new         (PoaStore     *store,
                                       PoaPlan      *plan);
PoaStore    *poa_document_get_store   (PoaDocument  *self);
PoaPlan     *poa_document_get_plan    (PoaDocument  *self);
PoaFindings *poa_document_get_findings (PoaDocument *self);

gboolean     poa_document_set_value   (PoaDocument  *self,
                                       gpointer      object,
                                       const char   *property,
                                       const GValue *value,
                                       GError      **error);
gboolean     poa_document_set_values  (PoaDocument  *self,
                                       gpointer      object,
                                       guint         n_values,
                                       const char  **properties,
                                       const GValue *values,
                                       GError      **error);
gboolean     poa_document_set_value_of_each (PoaDocument  *self,
                                             GPtrArray    *objects,
                                             const char   *property,
                                             const GValue *value,
                                             const char   *label,
                                             GError      **error);
gboolean     poa_document_set_text    (PoaDocument  *self,
                                       gpointer      object,
                                       const char   *property,
                                       const char   *text,
                                       GError      **error);
gboolean     poa_document_set_uint    (PoaDocument  *self,
                                       gpointer      object,
                                       const char   *property,
                                       guint         value,
                                       GError      **error);
gboolean     poa_document_set_int64   (PoaDocument  *self,
                                       gpointer      object,
                                       const char   *property,
                                       gint64        value,
                                       GError      **error);
gboolean     poa_document_set_date    (PoaDocument  *self,
                                       PoaActivity  *activity,
                                       const char   *property,
                                       const GDate  *date,
                                       GError      **error);

gboolean     poa_document_insert      (PoaDocument  *self,
                                       gpointer      item,
                                       guint         position,
                                       GError      **error);
gboolean     poa_document_remove      (PoaDocument  *self,
                                       gpointer      item,
                                       GError      **error);
gboolean     poa_document_move        (PoaDocument  *self,
                                       gpointer      item,
                                       guint         position,
                                       GError      **error);

void         poa_document_set_loading (PoaDocument  *self,
                                       gboolean      loading);
gboolean     poa_document_get_loading (PoaDocument  *self);

void         poa_document_set_justification   (PoaDocument *self,
                                               const char  *justification);
gboolean     poa_document_needs_justification (PoaDocument *self);
gboolean     poa_document_month_needs_justification (PoaDocument *self,
                                                     guint        month);

gboolean     poa_document_can_undo    (PoaDocument  *self);
gboolean     poa_document_can_redo    (PoaDocument  *self);
const char  *poa_document_get_undo_label (PoaDocument *self);
const char  *poa_document_get_redo_label (PoaDocument *self);
gboolean     poa_document_undo        (PoaDocument  *self,
                                       GError      **error);
gboolean     poa_document_redo        (PoaDocument  *self,
                                       GError      **error);

G_END_DECLS
