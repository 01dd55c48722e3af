/* poa-document.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-document"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-budget-line.h"
#include "poa-change-record.h"
#include "poa-date.h"
#include "poa-document.h"
#include "poa-findings.h"
#include "poa-indicator.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-signature.h"
#include "poa-store.h"
#include "poa-validate.h"

/* A plan open for editing: every change goes through here, is committed to the store at once
 * as one transaction (there is no Save), and can be undone and redone for the whole session.
 *
 * An edit is a list of steps. A step changes the model (a property of one object, or an item
 * inserted, removed or moved in one of the plan's lists) and then writes that change to the
 * store. If the store refuses, the transaction is rolled back and the model steps are reverted
 * in reverse order, so the model and the file never disagree. Undo runs the same steps
 * backwards.
 *
 * The objects' notifications are held until the transaction is over: a listener sees the
 * values committed, never one that the store may still refuse, and after a refusal it hears
 * nothing. Then "changed" says what the edit, undo or redo did, object by object, so that
 * each view redoes only that; the findings of `check` are the document's, forgotten for what
 * changed and computed again once, when first asked for. */

typedef enum
{
  STEP_SET,
  STEP_INSERT,
  STEP_REMOVE,
  STEP_MOVE,
} StepKind;

typedef struct
{
  StepKind    kind;
  GObject    *object;     /* the object changed, or the item inserted, removed or moved */
  GParamSpec *pspec;      /* STEP_SET */
  GValue      old_value;  /* STEP_SET */
  GValue      new_value;  /* STEP_SET */
  guint       from;       /* STEP_REMOVE, STEP_MOVE */
  guint       to;         /* STEP_INSERT, STEP_MOVE */
} Step;

typedef struct
{
  char      *label;
  GPtrArray *steps;
  char      *justification;  /* why an approved plan was changed; its undo and redo say it too */
} Edit;

struct _PoaDocument
{
  GObject    parent_instance;

  PoaStore  *store;
  PoaPlan   *plan;
  PoaFindings *findings;
  GPtrArray *undo;
  GPtrArray *redo;
  gboolean   opening;   /* part of the plan is still being read: no edit yet */
  char      *justification;  /* for the next edit (poa_document_set_justification()) */
};

G_DEFINE_FINAL_TYPE (PoaDocument, poa_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (poa-document-error-quark, poa_document_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
step_free (Step *step)
{
  g_clear_object (&step->object);
  if (G_IS_VALUE (&step->old_value))
    g_value_unset (&step->old_value);
  if (G_IS_VALUE (&step->new_value))
    g_value_unset (&step->new_value);
  g_free (step);
}

static Edit *
edit_new (char *label)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->label = label;
  edit->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  return edit;
}

static void
edit_free (Edit *edit)
{
  g_ptr_array_unref (edit->steps);
  g_free (edit->label);
  g_free (edit->justification);
  g_free (edit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Edit, edit_free)

static Step *
add_step (Edit     *edit,
          StepKind  kind,
          gpointer  object)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->object = g_object_ref (object);
  g_ptr_array_add (edit->steps, step);
  return step;
}

static void
add_set_step (Edit         *edit,
              GObject      *object,
              GParamSpec   *pspec,
              const GValue *new_value)
{
  Step *step = add_step (edit, STEP_SET, object);

  step->pspec = pspec;
  g_value_init (&step->old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &step->old_value);
  g_value_init (&step->new_value, pspec->value_type);
  g_value_copy (new_value, &step->new_value);
}

/* What the document knows of each type of the model: where its objects are in the plan, how
 * the store writes them, and how the history names them. */
typedef struct
{
  GType        (*get_type) (void);
  /* Writes the object's fields to its row. */
  gboolean     (*update)   (PoaDocument *self, GObject *object, GError **error);
  /* "activity 5", for "Change activity 5". */
  char        *(*describe) (GObject *object);

  /* For the objects the user adds, deletes and moves: the plan's list of them, the store's
   * functions for that, the undo label of an addition, and whether they are numbered by
   * their place (1, 2, 3 …). NULL for the others. */
  GListStore  *(*get_list) (PoaPlan *plan);
  gboolean     (*insert)   (PoaDocument *self, GObject *item, guint position, GError **error);
  gboolean     (*delete)   (PoaDocument *self, GObject *item, GError **error);
  gboolean     (*move)     (PoaDocument *self, GObject *item, guint position, GError **error);
  const char   *add_label;
  gboolean      numbered;
} ModelType;

/* The store's functions for the items of one of the plan's lists, as the table calls them. */
#define LIST_ITEM_FUNCS(name, Type, TYPE)                                                     \
  static gboolean                                                                           \
  name##_insert (PoaDocument *self, GObject *item, guint position, GError **error)          \
  {                                                                                         \
    return poa_store_insert_##name (self->store, self->plan, position, TYPE (item), error);  \
  }                                                                                         \
  static gboolean                                                                           \
  name##_delete (PoaDocument *self, GObject *item, GError **error)                          \
  {                                                                                         \
    return poa_store_delete_##name (self->store, TYPE (item), error);                        \
  }                                                                                         \
  static gboolean                                                                           \
  name##_move (PoaDocument *self, GObject *item, guint position, GError **error)            \
  {                                                                                         \
    return poa_store_move_##name (self->store, TYPE (item), position, error);                \
  }                                                                                         \
  static gboolean                                                                           \
  name##_update (PoaDocument *self, GObject *item, GError **error)                          \
  {                                                                                         \
    return poa_store_update_##name (self->store, TYPE (item), error);                        \
  }

LIST_ITEM_FUNCS (activity, PoaActivity, POA_ACTIVITY)
LIST_ITEM_FUNCS (budget_line, PoaBudgetLine, POA_BUDGET_LINE)
LIST_ITEM_FUNCS (indicator, PoaIndicator, POA_INDICATOR)

static gboolean find_item (GListModel *list,
                           gpointer    item,
                           guint      *position);

static gboolean
plan_update (PoaDocument  *self,
             GObject      *object,
             GError      **error)
{
  return poa_store_update_plan (self->store, POA_PLAN (object), error);
}

/* A signature's row is found by its place among the plan's. */
static gboolean
signature_update (PoaDocument  *self,
                  GObject      *object,
                  GError      **error)
{
  guint position = 0;

  if (!find_item (G_LIST_MODEL (poa_plan_get_signatures (self->plan)), object, &position))
    g_return_val_if_reached (FALSE);
  return poa_store_update_signature (self->store, self->plan, position, error);
}

static char *
describe_activity (GObject *object)
{
  return g_strdup_printf (_("activity %u"), poa_activity_get_number (POA_ACTIVITY (object)));
}

static char *
describe_budget_line (GObject *object)
{
  return g_strdup_printf (_("partida %s"), poa_budget_line_get_code (POA_BUDGET_LINE (object)));
}

static char *
describe_indicator (GObject *object)
{
  return g_strdup (_("an indicator"));
}

static char *
describe_signature (GObject *object)
{
  return g_strdup (_("a signature"));
}

static char *
describe_plan (GObject *object)
{
  return g_strdup (_("the general data"));
}

static const ModelType model_types[] = {
  { poa_activity_get_type, activity_update, describe_activity,
    poa_plan_get_activities, activity_insert, activity_delete, activity_move,
    N_("Add activity"), TRUE },
  { poa_budget_line_get_type, budget_line_update, describe_budget_line,
    poa_plan_get_budget, budget_line_insert, budget_line_delete, budget_line_move,
    N_("Add partida"), FALSE },
  { poa_indicator_get_type, indicator_update, describe_indicator,
    poa_plan_get_indicators, indicator_insert, indicator_delete, indicator_move,
    N_("Add indicator"), FALSE },
  { poa_signature_get_type, signature_update, describe_signature },
  { poa_plan_get_type, plan_update, describe_plan },
};

static const ModelType *
model_type_of (gpointer object)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_types); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (object, model_types[i].get_type ()))
      return &model_types[i];

  return NULL;
}

/* The plan's list that holds @item, or NULL when its type is not in a list. */
static GListStore *
list_for (PoaDocument *self,
          GObject     *item)
{
  const ModelType *type = model_type_of (item);

  return type != NULL && type->get_list != NULL ? type->get_list (self->plan) : NULL;
}

static gboolean
find_item (GListModel *list,
           gpointer    item,
           guint      *position)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
model_apply (PoaDocument *self,
             Step        *step,
             gboolean     forward)
{
  GListStore *list;

  switch (step->kind)
    {
    case STEP_SET:
      g_object_set_property (step->object, step->pspec->name,
                             forward ? &step->new_value : &step->old_value);
      break;

    case STEP_INSERT:
      list = list_for (self, step->object);
      if (forward)
        g_list_store_insert (list, step->to, step->object);
      else
        g_list_store_remove (list, step->to);
      break;

    case STEP_REMOVE:
      list = list_for (self, step->object);
      if (forward)
        g_list_store_remove (list, step->from);
      else
        g_list_store_insert (list, step->from, step->object);
      break;

    case STEP_MOVE:
      list = list_for (self, step->object);
      g_list_store_remove (list, forward ? step->from : step->to);
      g_list_store_insert (list, forward ? step->to : step->from, step->object);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
store_apply (PoaDocument  *self,
             Step         *step,
             gboolean      forward,
             GError      **error)
{
  switch (step->kind)
    {
    case STEP_SET:
      return model_type_of (step->object)->update (self, step->object, error);

    case STEP_INSERT:
      return forward ? model_type_of (step->object)->insert (self, step->object, step->to, error)
                     : model_type_of (step->object)->delete (self, step->object, error);

    case STEP_REMOVE:
      return forward ? model_type_of (step->object)->delete (self, step->object, error)
                     : model_type_of (step->object)->insert (self, step->object, step->from, error);

    case STEP_MOVE:
      return model_type_of (step->object)->move (self, step->object,
                                                 forward ? step->to : step->from, error);

    default:
      g_assert_not_reached ();
    }
}

/* Lets the notifications held for the first @n steps of @edit go: as they are once the edit is
 * committed, or to nobody once the model is back as it was. */
static void
release_notify (Edit     *edit,
                guint     n,
                gboolean  heard)
{
  guint notify_id = g_signal_lookup ("notify", G_TYPE_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      Step *step = g_ptr_array_index (edit->steps, i);

      if (step->kind != STEP_SET)
        continue;

      if (heard)
        g_object_thaw_notify (step->object);
      else
        {
          g_autoptr(GArray) blocked = g_array_new (FALSE, FALSE, sizeof (gulong));
          gulong handler;

          /* GObject cannot drop what it holds: every handler of "notify" is blocked while it
           * sends it, and only those, so that what others blocked stays so. */
          while ((handler = g_signal_handler_find (step->object, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_UNBLOCKED,
                                                   notify_id, 0, NULL, NULL, NULL)) != 0)
            {
              g_signal_handler_block (step->object, handler);
              g_array_append_val (blocked, handler);
            }
          g_object_thaw_notify (step->object);
          for (guint j = 0; j < blocked->len; j++)
            g_signal_handler_unblock (step->object, g_array_index (blocked, gulong, j));
        }
    }
}

/* The plan file's key of the list @item is in, for the change record. */
static const char *
list_key (GObject *item)
{
  if (POA_IS_ACTIVITY (item))
    return "activities";
  if (POA_IS_BUDGET_LINE (item))
    return "budget";
  if (POA_IS_INDICATOR (item))
    return "indicators";
  return "signatures";
}

/* How the change record names @item put in or taken out of its list: its name, and a budget
 * line its code too. */
static char *
item_name (GObject *item)
{
  if (POA_IS_ACTIVITY (item))
    return g_strdup (poa_activity_get_name (POA_ACTIVITY (item)));
  if (POA_IS_BUDGET_LINE (item))
    return g_strdup_printf ("%s %s", poa_budget_line_get_code (POA_BUDGET_LINE (item)),
                            poa_budget_line_get_name (POA_BUDGET_LINE (item)));
  if (POA_IS_INDICATOR (item))
    return g_strdup (poa_indicator_get_name (POA_INDICATOR (item)));
  return g_strdup (poa_signature_get_role (POA_SIGNATURE (item)));
}

/* The change record of running @edit forwards or backwards, once its steps are in the model:
 * every value that visibly changed, old and new as they now are (an undo is a change back, not
 * an erasure), and every item put in or taken out of a list, its name before or after. A move
 * shows as the numbers it changed; a budget line's move, which changes no value, as nothing. */
static GPtrArray *
edit_history (PoaDocument *self,
              Edit        *edit,
              gboolean     forward)
{
  g_autofree char *now = poa_review_now ();
  g_autofree char *by = poa_review_user_name (NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)poa_history_entry_free);
  guint n = edit->steps->len;

  for (guint i = 0; i < n; i++)
    {
      Step *step = g_ptr_array_index (edit->steps, forward ? i : n - 1 - i);
      PoaHistoryEntry *entry = NULL;

      switch (step->kind)
        {
        case STEP_SET:
          entry = poa_history_entry_for_edit (self->plan, step->object, step->pspec->name,
                                              forward ? &step->old_value : &step->new_value,
                                              forward ? &step->new_value : &step->old_value,
                                              now, by, edit->justification);
          break;

        case STEP_INSERT:
        case STEP_REMOVE:
          {
            gboolean added = (step->kind == STEP_INSERT) == forward;
            g_autofree char *where = poa_history_where (self->plan, step->object);
            g_autofree char *name = item_name (step->object);

            entry = poa_history_entry_new (now, by, where, list_key (step->object),
                                           added ? "" : name, added ? name : "",
                                           edit->justification);
          }
          break;

        case STEP_MOVE:
          break;

        default:
          g_assert_not_reached ();
        }

      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }

  return entries;
}

/* The quarters whose month figures (programmed, achieved) @step changes: bit Q − 1 for Q. */
static guint
quarters_changed (const Step *step)
{
  const PoaCalendar *before;
  const PoaCalendar *after;
  guint quarters = 0;

  if (step->kind != STEP_SET || !POA_IS_ACTIVITY (step->object) ||
      step->pspec->value_type != POA_TYPE_CALENDAR)
    return 0;

  before = g_value_get_boxed (&step->old_value);
  after = g_value_get_boxed (&step->new_value);
  for (guint month = 1; month <= 12; month++)
    {
      guint programmed_before = before != NULL ? poa_calendar_get_programmed (before, month) : 0;
      guint programmed_after = after != NULL ? poa_calendar_get_programmed (after, month) : 0;
      guint achieved_before = before != NULL ? poa_calendar_get_achieved (before, month) : 0;
      guint achieved_after = after != NULL ? poa_calendar_get_achieved (after, month) : 0;

      if (programmed_before != programmed_after || achieved_before != achieved_after)
        quarters |= 1u << ((month - 1) / 3);
    }

  return quarters;
}

/* Whether @step is the planning unit closing or reopening quarters: a setting of its own, not
 * a change to what the area planned. */
static gboolean
is_closing_quarters (const Step *step)
{
  return step->kind == STEP_SET && POA_IS_PLAN (step->object) &&
         g_str_equal (step->pspec->name, "closed-quarters");
}

/* An approved plan is read-only: a change to it, or the undo or redo of one, is a
 * modificación and goes through only with its justification. So is a change to the month
 * figures of a quarter the planning unit closed, whatever the plan's status. */
static gboolean
refuse_unjustified (PoaDocument  *self,
                    Edit         *edit,
                    GError      **error)
{
  PoaReviewStatus status = poa_plan_get_review_status (self->plan);
  guint closed = poa_plan_get_closed_quarters (self->plan);
  g_autofree char *stripped = g_strstrip (g_strdup (edit->justification != NULL ? edit->justification : ""));
  gboolean only_closing = TRUE;
  guint touched = 0;

  if (*stripped != '\0')
    return FALSE;

  for (guint i = 0; i < edit->steps->len; i++)
    {
      const Step *step = g_ptr_array_index (edit->steps, i);

      only_closing = only_closing && is_closing_quarters (step);
      touched |= quarters_changed (step) & closed;
    }

  if (status == POA_REVIEW_APROBADO && !only_closing)
    {
      g_set_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED,
                   _("The plan is “%s”: a change to it requires a justification"),
                   poa_review_status_label (status));
      return TRUE;
    }

  if (touched != 0)
    {
      guint quarter = 1;

      while (!(touched & (1u << (quarter - 1))))
        quarter++;
      g_set_error (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED,
                   _("Quarter %u is closed: a change to its month figures requires a justification"),
                   quarter);
      return TRUE;
    }

  return FALSE;
}

/* Runs @edit's steps forwards (do, redo) or backwards (undo) as one transaction, the change
 * record's entries with them. */
static gboolean
run_edit (PoaDocument  *self,
          Edit         *edit,
          gboolean      forward,
          GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint n = edit->steps->len;
  guint done = 0;

  if (!poa_store_begin (self->store, error))
    return FALSE;

  /* Nobody hears of a value before the store has accepted it. */
  for (guint i = 0; i < n; i++)
    {
      Step *step = g_ptr_array_index (edit->steps, i);

      if (step->kind == STEP_SET)
        g_object_freeze_notify (step->object);
    }

  for (; done < n; done++)
    {
      Step *step = g_ptr_array_index (edit->steps, forward ? done : n - 1 - done);

      model_apply (self, step, forward);
      if (!store_apply (self, step, forward, error))
        {
          done++;
          goto failed;
        }
    }

  /* In the edit's own transaction: an edit is never in the plan without its record. */
  entries = edit_history (self, edit, forward);
  if (entries->len > 0 &&
      !poa_store_record_changes (self->store, poa_plan_get_id (self->plan),
                                 (const PoaHistoryEntry *const *)entries->pdata, entries->len,
                                 error))
    goto failed;

  if (poa_store_commit (self->store, error))
    {
      /* The plan takes the entries. */
      g_ptr_array_set_free_func (entries, NULL);
      for (guint i = 0; i < entries->len; i++)
        poa_plan_add_history_entry (self->plan, g_ptr_array_index (entries, i));
      release_notify (edit, n, TRUE);
      return TRUE;
    }

failed:
  poa_store_rollback (self->store);

  /* The file is as it was; put the model back the same way, last step first. */
  while (done-- > 0)
    {
      Step *step = g_ptr_array_index (edit->steps, forward ? done : n - 1 - done);
      model_apply (self, step, !forward);
    }

  release_notify (edit, n, FALSE);
  return FALSE;
}

static void
change_clear (PoaChange *change)
{
  g_clear_object (&change->object);
}

/* What running @edit forwards or backwards did, in the order it was done. */
static GArray *
edit_changes (Edit     *edit,
              gboolean  forward)
{
  guint n = edit->steps->len;
  GArray *changes = g_array_sized_new (FALSE, TRUE, sizeof (PoaChange), n);

  g_array_set_clear_func (changes, (GDestroyNotify)change_clear);
  g_array_set_size (changes, n);

  for (guint i = 0; i < n; i++)
    {
      Step *step = g_ptr_array_index (edit->steps, forward ? i : n - 1 - i);
      PoaChange *change = &g_array_index (changes, PoaChange, i);

      change->object = g_object_ref (step->object);
      switch (step->kind)
        {
        case STEP_SET:
          change->kind = POA_CHANGE_EDITED;
          change->property = step->pspec->name;
          break;

        case STEP_INSERT:
          change->kind = forward ? POA_CHANGE_ADDED : POA_CHANGE_REMOVED;
          change->position = step->to;
          break;

        case STEP_REMOVE:
          change->kind = forward ? POA_CHANGE_REMOVED : POA_CHANGE_ADDED;
          change->position = step->from;
          break;

        case STEP_MOVE:
          change->kind = POA_CHANGE_MOVED;
          change->from = forward ? step->from : step->to;
          change->position = forward ? step->to : step->from;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return changes;
}

/* After @edit ran: the findings of what it changed are forgotten, and "changed" says what. */
static void
announce (PoaDocument *self,
          Edit        *edit,
          gboolean     forward)
{
  g_autoptr(GArray) changes = edit_changes (edit, forward);

  if (self->findings != NULL)
    for (guint i = 0; i < changes->len; i++)
      poa_findings_invalidate (self->findings, g_array_index (changes, PoaChange, i).object);

  g_signal_emit (self, signals[CHANGED], 0, changes);
}

static void
notify_history (PoaDocument *self,
                gboolean     could_undo,
                gboolean     could_redo)
{
  if (could_undo != poa_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != poa_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
refuse_while_opening (PoaDocument  *self,
                      GError      **error)
{
  if (!self->opening)
    return FALSE;

  g_set_error_literal (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_OPENING,
                       _("The plan is still being opened; try again in a moment"));
  return TRUE;
}

/* Applies a new edit and records it for undo; a new edit ends what could be redone. */
static gboolean
do_edit (PoaDocument  *self,
         Edit         *edit,
         GError      **error)
{
  gboolean could_undo = poa_document_can_undo (self);
  gboolean could_redo = poa_document_can_redo (self);

  /* The justification given is this edit's, whatever becomes of it. */
  edit->justification = g_steal_pointer (&self->justification);

  if (edit->steps->len == 0)
    {
      edit_free (edit);
      return TRUE;
    }

  if (refuse_while_opening (self, error) || refuse_unjustified (self, edit, error))
    {
      edit_free (edit);
      return FALSE;
    }

  if (!run_edit (self, edit, TRUE, error))
    {
      edit_free (edit);
      return FALSE;
    }

  g_ptr_array_add (self->undo, edit);
  g_ptr_array_set_size (self->redo, 0);
  notify_history (self, could_undo, could_redo);
  announce (self, edit, TRUE);
  return TRUE;
}

static char *
describe (GObject *object)
{
  return model_type_of (object)->describe (object);
}

/* After the activities' order changes, their Nº follow their places: 1, 2, 3 … @order is the
 * list as it will be once the edit's structural step is applied. */
static void
add_renumber_steps (Edit      *edit,
                    GPtrArray *order)
{
  GParamSpec *pspec = g_object_class_find_property (g_type_class_peek (POA_TYPE_ACTIVITY), "number");

  for (guint i = 0; i < order->len; i++)
    {
      PoaActivity *activity = g_ptr_array_index (order, i);

      if (poa_activity_get_number (activity) != i + 1)
        {
          GValue value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_UINT);
          g_value_set_uint (&value, i + 1);
          add_set_step (edit, G_OBJECT (activity), pspec, &value);
          g_value_unset (&value);
        }
    }
}

static GPtrArray *
list_snapshot (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  GPtrArray *items = g_ptr_array_new_full (n + 1, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  return items;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

/* The text rule (poa_validate_text()) and a workbook cell's size, for a text given to the
 * document: every caller's text goes through here, the command line's and the window's. The
 * field is named as the plan file and the findings name it ("activity 5: “name” …"). */
static gboolean
check_text (GObject     *object,
            GParamSpec  *pspec,
            const char  *text,
            GError     **error)
{
  g_autofree char *key = g_strdelimit (g_strdup (pspec->name), "-", '_');
  g_autoptr(GError) text_error = NULL;

  if (poa_validate_text (text, -1, key, &text_error) &&
      poa_validate_text_length (text, key, &text_error))
    return TRUE;

  {
    g_autofree char *what = describe (object);

    return invalid (error, "%s: %s", what, text_error->message);
  }
}

/* Every text property of @item, which is being added to the plan. */
static gboolean
check_item_texts (GObject  *item,
                  GError  **error)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *text = NULL;

      if (pspecs[i]->value_type != G_TYPE_STRING || !(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_object_get (item, pspecs[i]->name, &text, NULL);
      if (!check_text (item, pspecs[i], text, error))
        return FALSE;
    }

  return TRUE;
}

/* The plan's budget total once @line holds @centavos (@adding: once @line is added too) is at
 * most the ceiling (poa_money_check_total()). A plan already past it, from before the ceiling,
 * may still have its total lowered. */
static gboolean
check_budget_total (PoaDocument    *self,
                    PoaBudgetLine  *line,
                    gint64          centavos,
                    gboolean        adding,
                    GError        **error)
{
  GListModel *lines = G_LIST_MODEL (poa_plan_get_budget (self->plan));
  g_autoptr(GError) money_error = NULL;
  gint64 before = 0, after = adding ? centavos : 0;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PoaBudgetLine) other = g_list_model_get_item (lines, i);
      gint64 amount = poa_budget_line_get_centavos (other);

      before = poa_money_add (before, amount);
      after = poa_money_add (after, other == line ? centavos : amount);
    }

  if (after <= before || poa_money_check_total (after, &money_error))
    return TRUE;

  g_propagate_error (error, g_error_new_literal (POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_INVALID,
                                                 money_error->message));
  return FALSE;
}

/* Adds the step that sets @property of @object to @value, if that changes anything. */
static gboolean
add_value_steps (PoaDocument   *self,
                 Edit          *edit,
                 GObject       *object,
                 const char    *property,
                 const GValue  *value,
                 GError       **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) checked = G_VALUE_INIT;
  g_auto(GValue) current = G_VALUE_INIT;

  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE))
    return invalid (error, "no property “%s”", property);

  g_value_init (&checked, pspec->value_type);
  if (!g_value_type_compatible (G_VALUE_TYPE (value), pspec->value_type) &&
      !g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type))
    return invalid (error, "wrong type for “%s”", property);
  g_value_transform (value, &checked);

  /* The model's own limits (a meta of at most POA_GOAL_MAX, a year in range …). */
  if (g_param_value_validate (pspec, &checked))
    return invalid (error, _("the value is out of range"));

  if (pspec->value_type == G_TYPE_STRING &&
      !check_text (object, pspec, g_value_get_string (&checked), error))
    return FALSE;

  if (POA_IS_BUDGET_LINE (object) && g_str_equal (pspec->name, "centavos") &&
      !check_budget_total (self, POA_BUDGET_LINE (object), g_value_get_int64 (&checked), FALSE, error))
    return FALSE;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, property, &current);

  /* Boxed dates compare by pointer: they are compared by value. */
  if (pspec->value_type == G_TYPE_DATE)
    {
      const GDate *a = g_value_get_boxed (&current);
      const GDate *b = g_value_get_boxed (&checked);

      if ((a == NULL && b == NULL) || (a != NULL && b != NULL && g_date_compare (a, b) == 0))
        return TRUE;
    }
  else if (g_param_values_cmp (pspec, &current, &checked) == 0)
    return TRUE;

  add_set_step (edit, object, pspec, &checked);
  return TRUE;
}

/* The date @property (start or end) of @activity once the edit's values apply. */
static const GDate *
date_after (PoaActivity   *activity,
            const char    *property,
            guint          n_values,
            const char   **property_names,
            const GValue  *values)
{
  for (guint i = n_values; i > 0; i--)
    if (g_str_equal (property_names[i - 1], property) &&
        G_VALUE_HOLDS (&values[i - 1], G_TYPE_DATE))
      {
        const GDate *date = g_value_get_boxed (&values[i - 1]);

        return date != NULL && g_date_valid (date) ? date : NULL;
      }

  return g_str_equal (property, "start") ? poa_activity_get_start (activity)
                                         : poa_activity_get_end (activity);
}

/* When an activity's shaded months followed its dates, they follow the new dates: the pair
 * the edit leaves, both dates of it at once when both change. Unknown or reversed dates leave
 * the months as they were. */
static void
add_months_step (PoaDocument   *self,
                 Edit          *edit,
                 PoaActivity   *activity,
                 guint          n_values,
                 const char   **property_names,
                 const GValue  *values)
{
  guint year = poa_plan_get_year (self->plan);
  guint months = poa_activity_get_months (activity);
  g_auto(GValue) months_value = G_VALUE_INIT;
  guint new_months;

  if (months != poa_months_from_range (poa_activity_get_start (activity),
                                       poa_activity_get_end (activity), year))
    return;

  new_months = poa_months_from_range (date_after (activity, "start", n_values, property_names, values),
                                      date_after (activity, "end", n_values, property_names, values),
                                      year);
  if (new_months == 0 || new_months == months)
    return;

  g_value_init (&months_value, G_TYPE_UINT);
  g_value_set_uint (&months_value, new_months);
  add_set_step (edit, G_OBJECT (activity),
                g_object_class_find_property (G_OBJECT_GET_CLASS (activity), "months"),
                &months_value);
}

static void
poa_document_finalize (GObject *object)
{
  PoaDocument *self = (PoaDocument *)object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->findings);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  g_clear_pointer (&self->justification, g_free);

  G_OBJECT_CLASS (poa_document_parent_class)->finalize (object);
}

static void
poa_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PoaDocument *self = POA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, poa_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, poa_document_can_redo (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->opening);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PoaDocument *self = POA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;

    case PROP_LOADING:
      poa_document_set_loading (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_document_class_init (PoaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = poa_document_finalize;
  object_class->get_property = poa_document_get_property;
  object_class->set_property = poa_document_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, POA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, POA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* While a big plan's rest is still being read (see poa-session.c): every edit, undo and redo
   * is refused, and the window's actions that need the whole plan are off. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PoaDocument::changed:
   * @changes: (element-type PoaChange): what changed, in the order it was done
   *
   * Emitted after an edit, an undo or a redo has been committed, once the objects' own
   * notifications have been sent: each view redoes what @changes concern, and what depends
   * on the whole plan is computed again from here. The findings of what changed are already
   * forgotten (see poa_document_get_findings()).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
poa_document_init (PoaDocument *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)edit_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)edit_free);
}

/**
 * poa_document_new:
 * @store: the open database
 * @plan: a plan loaded from @store
 *
 * Returns: (transfer full): the plan, ready for editing.
 */
PoaDocument *
poa_document_new (PoaStore *store,
                  PoaPlan  *plan)
{
  g_return_val_if_fail (POA_IS_STORE (store), NULL);
  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (poa_plan_get_id (plan) > 0, NULL);

  return g_object_new (POA_TYPE_DOCUMENT, "store", store, "plan", plan, NULL);
}

PoaStore *
poa_document_get_store (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), NULL);

  return self->store;
}

PoaPlan *
poa_document_get_plan (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), NULL);

  return self->plan;
}

/**
 * poa_document_get_findings:
 *
 * The findings of `check` about the plan, for everything that shows them: each is computed
 * when first asked for after a change, once, and forgotten when an edit, undo or redo changes
 * what it is about.
 *
 * Returns: (transfer none): the plan's findings.
 */
PoaFindings *
poa_document_get_findings (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), NULL);

  if (self->findings == NULL)
    self->findings = poa_findings_new (self->plan);
  return self->findings;
}

/**
 * poa_changes_reorder:
 * @changes: (element-type PoaChange): what "changed" says
 *
 * Returns: whether an item was added to one of the plan's lists, taken out or moved: what
 *   changes the places of others, not only their fields.
 */
gboolean
poa_changes_reorder (GArray *changes)
{
  g_return_val_if_fail (changes != NULL, FALSE);

  for (guint i = 0; i < changes->len; i++)
    if (g_array_index (changes, PoaChange, i).kind != POA_CHANGE_EDITED)
      return TRUE;

  return FALSE;
}

/**
 * poa_document_set_values:
 * @object: the plan, or one of its signatures, activities, budget lines or indicators
 * @properties: (array length=n_values): property names
 * @values: (array length=n_values): their new values
 *
 * Changes several fields of one object as one edit: one transaction, one undo step. Values the
 * model cannot hold are refused with %POA_DOCUMENT_ERROR_INVALID and nothing changes.
 */
gboolean
poa_document_set_values (PoaDocument   *self,
                         gpointer       object,
                         guint          n_values,
                         const char   **property_names,
                         const GValue  *values,
                         GError       **error)
{
  g_autofree char *what = NULL;
  gboolean dates_change = FALSE;
  Edit *edit;

  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (model_type_of (object) != NULL, FALSE);

  what = describe (object);
  edit = edit_new (g_strdup_printf (_("Change %s"), what));
  for (guint i = 0; i < n_values; i++)
    {
      if (!add_value_steps (self, edit, object, property_names[i], &values[i], error))
        {
          edit_free (edit);
          return FALSE;
        }

      if (POA_IS_ACTIVITY (object) &&
          (g_str_equal (property_names[i], "start") || g_str_equal (property_names[i], "end")))
        dates_change = TRUE;
    }

  if (dates_change)
    add_months_step (self, edit, POA_ACTIVITY (object), n_values, property_names, values);

  return do_edit (self, edit, error);
}

/**
 * poa_document_set_value_of_each:
 * @objects: (element-type GObject): objects of the plan, of one kind
 * @property: the property to set on each
 * @value: its new value
 * @label: what the undo step is called, e.g. "Set the unit of measure of 16 activities"
 *
 * Sets one field of several objects as one edit: one transaction, one undo step, so that a
 * fix the office makes to many activities at once is undone at once. A value the model cannot
 * hold is refused with %POA_DOCUMENT_ERROR_INVALID and nothing changes.
 */
gboolean
poa_document_set_value_of_each (PoaDocument   *self,
                                GPtrArray     *objects,
                                const char    *property,
                                const GValue  *value,
                                const char    *label,
                                GError       **error)
{
  Edit *edit;

  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (objects != NULL, FALSE);
  g_return_val_if_fail (property != NULL && label != NULL, FALSE);

  edit = edit_new (g_strdup (label));
  for (guint i = 0; i < objects->len; i++)
    {
      g_return_val_if_fail (G_IS_OBJECT (objects->pdata[i]) && model_type_of (objects->pdata[i]) != NULL,
                            (edit_free (edit), FALSE));
      if (!add_value_steps (self, edit, objects->pdata[i], property, value, error))
        {
          edit_free (edit);
          return FALSE;
        }
    }

  return do_edit (self, edit, error);
}

gboolean
poa_document_set_value (PoaDocument   *self,
                        gpointer       object,
                        const char    *property,
                        const GValue  *value,
                        GError       **error)
{
  return poa_document_set_values (self, object, 1, &property, value, error);
}

gboolean
poa_document_set_text (PoaDocument  *self,
                       gpointer      object,
                       const char   *property,
                       const char   *text,
                       GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return poa_document_set_value (self, object, property, &value, error);
}

gboolean
poa_document_set_uint (PoaDocument  *self,
                       gpointer      object,
                       const char   *property,
                       guint         number,
                       GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, number);
  return poa_document_set_value (self, object, property, &value, error);
}

gboolean
poa_document_set_int64 (PoaDocument  *self,
                        gpointer      object,
                        const char   *property,
                        gint64        number,
                        GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  return poa_document_set_value (self, object, property, &value, error);
}

/**
 * poa_document_set_date:
 * @property: "start" or "end"
 * @date: (nullable): the new date, or %NULL for none
 *
 * When the activity's months followed its dates, they follow the new dates too.
 */
gboolean
poa_document_set_date (PoaDocument  *self,
                       PoaActivity  *activity,
                       const char   *property,
                       const GDate  *date,
                       GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, date != NULL && g_date_valid (date) ? date : NULL);
  return poa_document_set_value (self, activity, property, &value, error);
}

/**
 * poa_document_insert:
 * @item: a new #PoaActivity, #PoaBudgetLine or #PoaIndicator, not yet in the plan
 * @position: where in its list; past the end appends
 *
 * Adds @item to the plan. Activities are numbered by their place.
 */
gboolean
poa_document_insert (PoaDocument  *self,
                     gpointer      item,
                     guint         position,
                     GError      **error)
{
  g_autoptr(GPtrArray) order = NULL;
  GListStore *list;
  Edit *edit;
  Step *step;
  guint ignored;

  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  list = list_for (self, item);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (!find_item (G_LIST_MODEL (list), item, &ignored), FALSE);

  /* What an item brings is checked as a value set on it would be. */
  if (!check_item_texts (G_OBJECT (item), error))
    return FALSE;
  if (POA_IS_BUDGET_LINE (item) &&
      !check_budget_total (self, POA_BUDGET_LINE (item), poa_budget_line_get_centavos (item), TRUE, error))
    return FALSE;

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (list)));

  edit = edit_new (g_strdup (_(model_type_of (item)->add_label)));
  step = add_step (edit, STEP_INSERT, item);
  step->to = position;

  if (model_type_of (item)->numbered)
    {
      order = list_snapshot (G_LIST_MODEL (list));
      g_ptr_array_insert (order, position, g_object_ref (item));
      add_renumber_steps (edit, order);
    }

  return do_edit (self, edit, error);
}

/**
 * poa_document_remove:
 * @item: an activity, budget line or indicator of the plan
 */
gboolean
poa_document_remove (PoaDocument  *self,
                     gpointer      item,
                     GError      **error)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *what = NULL;
  GListStore *list;
  Edit *edit;
  Step *step;
  guint position;

  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  list = list_for (self, item);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (find_item (G_LIST_MODEL (list), item, &position), FALSE);

  what = describe (item);
  edit = edit_new (g_strdup_printf (_("Delete %s"), what));
  step = add_step (edit, STEP_REMOVE, item);
  step->from = position;

  if (model_type_of (item)->numbered)
    {
      order = list_snapshot (G_LIST_MODEL (list));
      g_ptr_array_remove_index (order, position);
      add_renumber_steps (edit, order);
    }

  return do_edit (self, edit, error);
}

/**
 * poa_document_move:
 * @item: an activity, budget line or indicator of the plan
 * @position: its new place in its list
 */
gboolean
poa_document_move (PoaDocument  *self,
                   gpointer      item,
                   guint         position,
                   GError      **error)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *what = NULL;
  GListStore *list;
  Edit *edit;
  Step *step;
  guint from;

  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  list = list_for (self, item);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (find_item (G_LIST_MODEL (list), item, &from), FALSE);

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);
  if (position == from)
    return TRUE;

  what = describe (item);
  edit = edit_new (g_strdup_printf (_("Move %s"), what));
  step = add_step (edit, STEP_MOVE, item);
  step->from = from;
  step->to = position;

  if (model_type_of (item)->numbered)
    {
      order = list_snapshot (G_LIST_MODEL (list));
      g_ptr_array_remove_index (order, from);
      g_ptr_array_insert (order, position, g_object_ref (item));
      add_renumber_steps (edit, order);
    }

  return do_edit (self, edit, error);
}

gboolean
poa_document_can_undo (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);

  return self->undo->len > 0;
}

gboolean
poa_document_can_redo (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);

  return self->redo->len > 0;
}

/**
 * poa_document_get_undo_label:
 *
 * Returns: (nullable): what undo would undo ("Delete activity 5"), or %NULL.
 */
const char *
poa_document_get_undo_label (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return ((Edit *)g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
poa_document_get_redo_label (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return ((Edit *)g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/* Moves the last edit of @from to @to, running it backwards (undo) or forwards (redo). */
static gboolean
replay (PoaDocument  *self,
        GPtrArray    *from,
        GPtrArray    *to,
        gboolean      forward,
        GError      **error)
{
  gboolean could_undo = poa_document_can_undo (self);
  gboolean could_redo = poa_document_can_redo (self);
  Edit *edit;

  if (refuse_while_opening (self, error))
    return FALSE;

  if (from->len == 0)
    {
      g_set_error_literal (error, POA_DOCUMENT_ERROR, POA_DOCUMENT_ERROR_NOTHING_TO_UNDO,
                           forward ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }

  edit = g_ptr_array_index (from, from->len - 1);
  if (refuse_unjustified (self, edit, error) || !run_edit (self, edit, forward, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_history (self, could_undo, could_redo);
  announce (self, edit, forward);
  return TRUE;
}

/**
 * poa_document_undo:
 *
 * Undoes the last edit, and commits that at once like any edit.
 */
gboolean
poa_document_undo (PoaDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);

  return replay (self, self->undo, self->redo, FALSE, error);
}

gboolean
poa_document_redo (PoaDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);

  return replay (self, self->redo, self->undo, TRUE, error);
}

/**
 * poa_document_set_loading:
 * @loading: whether part of the plan is still being read
 *
 * While a big plan's rest is read (see poa-session.c), every edit, undo and redo is refused
 * with %POA_DOCUMENT_ERROR_OPENING: none may change part of a plan.
 */
void
poa_document_set_loading (PoaDocument *self,
                          gboolean     loading)
{
  g_return_if_fail (POA_IS_DOCUMENT (self));

  loading = !!loading;
  if (self->opening == loading)
    return;

  self->opening = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
poa_document_get_loading (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);

  return self->opening;
}

/**
 * poa_document_set_justification:
 * @justification: (nullable): why the plan is changed
 *
 * Gives the next edit its justification: the change record keeps it with each of the edit's
 * changes, and with those of its undo and redo. An approved plan takes no edit without one
 * (%POA_DOCUMENT_ERROR_JUSTIFICATION_REQUIRED). It is the next edit's only, done or refused.
 */
void
poa_document_set_justification (PoaDocument *self,
                                const char  *justification)
{
  g_return_if_fail (POA_IS_DOCUMENT (self));

  g_free (self->justification);
  self->justification = g_strdup (justification);
}

/**
 * poa_document_needs_justification:
 *
 * Returns: whether an edit now needs a justification: the plan is approved.
 */
gboolean
poa_document_needs_justification (PoaDocument *self)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);

  return poa_plan_get_review_status (self->plan) == POA_REVIEW_APROBADO;
}

/**
 * poa_document_month_needs_justification:
 * @month: 1 to 12
 *
 * Returns: whether a change to @month's figures now needs a justification: the plan is
 *   approved, or the planning unit closed @month's quarter.
 */
gboolean
poa_document_month_needs_justification (PoaDocument *self,
                                        guint        month)
{
  g_return_val_if_fail (POA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  return poa_document_needs_justification (self) ||
         (poa_plan_get_closed_quarters (self->plan) & (1u << ((month - 1) / 3))) != 0;
}
