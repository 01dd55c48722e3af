/* poa-budget-page.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-budget-page"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-budget-line.h"
#include "poa-budget-page.h"
#include "poa-justification.h"
#include "poa-catalog.h"
#include "poa-document.h"
#include "poa-money.h"
#include "poa-plan.h"
#include "poa-ui-util.h"
#include "poa-validate.h"

/* The estimated budget: each partida with its code, the office's own name for it (kept as
 * written) and the official name of its partida genérica, its amount; the totals by capítulo
 * and the total. Partidas are added, edited and deleted through the document, so every change
 * is saved at once and can be undone. */
struct _PoaBudgetPage
{
  GtkWidget    parent_instance;

  PoaPlan     *plan;
  PoaDocument *document;
  gboolean     pending;  /* a plan to show once the page is first on screen */

  /* Template widgets */
  GtkListBox  *lines_list;
  GtkListBox  *chapters_list;
  GtkLabel    *total_label;
};

G_DEFINE_FINAL_TYPE (PoaBudgetPage, poa_budget_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
edit_failed (PoaBudgetPage *self,
             const GError  *error)
{
  _poa_widget_report_error (GTK_WIDGET (self), _("The change could not be saved"), error);
}

static GtkWidget *
amount_row_new (const char *title,
                gint64      centavos)
{
  g_autofree char *amount = poa_money_format (centavos);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (amount);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

/* The total and the totals by capítulo, rebuilt whenever a line's code or amount changes. */
static void
update_totals (PoaBudgetPage *self)
{
  g_autofree char *total = poa_money_format (self->plan ? poa_plan_get_budget_total (self->plan) : 0);
  g_autoptr(GArray) chapters = NULL;
  GtkWidget *child;

  gtk_label_set_label (self->total_label, total);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chapters_list))) != NULL)
    gtk_list_box_remove (self->chapters_list, child);

  if (self->plan == NULL)
    return;

  chapters = poa_budget_chapter_totals (self->plan);
  for (guint i = 0; i < chapters->len; i++)
    {
      PoaChapterTotal *chapter = &g_array_index (chapters, PoaChapterTotal, i);
      g_autofree char *title = NULL;

      if (chapter->chapter == 0)
        title = g_strdup (_("Partidas whose code must be corrected"));
      else
        title = g_strdup_printf ("%u %s", chapter->chapter,
                                 poa_catalog_chapter_name (chapter->chapter));
      gtk_list_box_append (self->chapters_list, amount_row_new (title, chapter->centavos));
    }
}

static void
update_line_subtitle (AdwExpanderRow *row)
{
  PoaBudgetLine *line = g_object_get_data (G_OBJECT (row), "line");
  const char *code = poa_budget_line_get_code (line);
  g_autofree char *subtitle = NULL;
  const char *generic = NULL;

  switch (poa_catalog_classify (code, &generic))
    {
    case POA_PARTIDA_KNOWN:
      /* Translators: "Partida 2111 · Materiales, útiles y equipos menores de oficina", the
       * official name of its partida genérica beside the code */
      subtitle = g_strdup_printf (_("Partida %s · CONAC: %s"), code, generic);
      break;

    case POA_PARTIDA_UNLISTED:
      subtitle = g_strdup_printf (_("Partida %s · its partida genérica %.3s is not in the CONAC catalog POA knows"),
                                  code, code);
      break;

    case POA_PARTIDA_MALFORMED:
    default:
      subtitle = g_strdup_printf (_("Partida “%s” · a code has four digits, like 2111"), code);
      break;
    }

  adw_expander_row_set_subtitle (row, subtitle);
}

static gboolean
name_to_title (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *name = g_value_get_string (from);

  g_value_set_string (to, name != NULL && name[0] != '\0' ? name : _("Partida without a name"));
  return TRUE;
}

static gboolean
centavos_to_text (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_take_string (to, poa_money_format (g_value_get_int64 (from)));
  return TRUE;
}

typedef void (*AppliedFunc) (AdwEntryRow *entry,
                             gpointer     user_data);

typedef struct
{
  PoaBudgetPage *page;
  AdwEntryRow   *entry;
  AppliedFunc    applied;
  char          *shown;   /* what the entry showed before: back to it when cancelled */
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->page);
  g_object_unref (pending->entry);
  g_free (pending->shown);
  g_free (pending);
}

static void
justified_cb (const char *justification,
              gpointer    user_data)
{
  Pending *pending = user_data;

  if (justification == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (pending->entry), pending->shown);
      return;
    }

  g_object_set_data (G_OBJECT (pending->entry), "poa-justified", GINT_TO_POINTER (TRUE));
  pending->applied (pending->entry, pending->page);
  g_object_set_data (G_OBJECT (pending->entry), "poa-justified", NULL);
}

/* An approved plan's partida changes only with a reason: asks for it, and returns TRUE when
 * the change waits for the answer (then applied again, or the entry shows @shown again). */
static gboolean
ask_first (PoaBudgetPage *self,
           AdwEntryRow   *entry,
           AppliedFunc    applied,
           const char    *shown)
{
  Pending *pending;

  if (self->document == NULL || !poa_document_needs_justification (self->document) ||
      g_object_get_data (G_OBJECT (entry), "poa-justified") != NULL)
    return FALSE;

  pending = g_new0 (Pending, 1);
  pending->page = g_object_ref (self);
  pending->entry = g_object_ref (entry);
  pending->applied = applied;
  pending->shown = g_strdup (shown);
  poa_ask_justification (GTK_WIDGET (entry), self->document, justified_cb, pending,
                         (GDestroyNotify)pending_free);
  return TRUE;
}

static void
text_field_applied_cb (AdwEntryRow *entry,
                       gpointer     user_data)
{
  PoaBudgetPage *self = user_data;
  PoaBudgetLine *line = g_object_get_data (G_OBJECT (entry), "line");
  const char *property = g_object_get_data (G_OBJECT (entry), "property");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  /* The code is trimmed, since " 2111" is a typo; the name is kept exactly as written. */
  {
    g_autofree char *stored = NULL;
    const char *typed = g_str_equal (property, "code") ? text : gtk_editable_get_text (GTK_EDITABLE (entry));

    g_object_get (line, property, &stored, NULL);
    if (g_strcmp0 (stored, typed) != 0 &&
        ask_first (self, entry, text_field_applied_cb, stored))
      return;
  }

  if (self->document != NULL &&
      !poa_document_set_text (self->document, line, property,
                              g_str_equal (property, "code") ? text
                              : gtk_editable_get_text (GTK_EDITABLE (entry)),
                              &error))
    edit_failed (self, error);
}

/* The text rule as the code or name is typed or pasted: the entry is marked, and says why
 * in its tooltip; applied, the document refuses it with the same message. */
static void
text_field_changed_cb (AdwEntryRow *entry,
                       gpointer     user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry));
  g_autoptr(GError) error = NULL;

  if (poa_validate_text (text, -1, title, &error) &&
      poa_validate_text_length (text, title, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                             : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* An amount as the office types it (5000, 5,000.00, $ 5,000.00); anything else is refused
 * with a message under the entry that says how to write it, and nothing changes. */
static void
amount_applied_cb (AdwEntryRow *entry,
                   gpointer     user_data)
{
  PoaBudgetPage *self = user_data;
  PoaBudgetLine *line = g_object_get_data (G_OBJECT (entry), "line");
  GtkLabel *message = g_object_get_data (G_OBJECT (entry), "message");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  gint64 centavos = 0;

  /* poa_money_parse() refuses three decimals and an amount past the ceiling; the document
   * refuses an amount that would take the plan's total past its own. Both are said here. */
  if (!poa_money_parse (text, &centavos, &error))
    {
      /* Translators: "«5.000,00» is not an amount: write an amount in pesos like …" */
      g_autofree char *why = g_strdup_printf (_("“%s” is not an amount: %s"), text, error->message);

      gtk_label_set_label (message, why);
      gtk_widget_set_visible (GTK_WIDGET (message), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  if (centavos != poa_budget_line_get_centavos (line))
    {
      g_autofree char *shown = poa_money_format (poa_budget_line_get_centavos (line));

      if (ask_first (self, entry, amount_applied_cb, shown))
        return;
    }

  if (self->document != NULL &&
      !poa_document_set_int64 (self->document, line, "centavos", centavos, &error))
    {
      /* Translators: "$ 5,000.00 cannot be written: the budget total, …, is more than …" */
      g_autofree char *amount = poa_money_format (centavos);
      g_autofree char *why = g_strdup_printf (_("%s cannot be written: %s"), amount, error->message);

      gtk_label_set_label (message, why);
      gtk_widget_set_visible (GTK_WIDGET (message), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (message), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");

  /* Shown as the document prints it, even when the value did not change ("5000"). */
  formatted = poa_money_format (poa_budget_line_get_centavos (line));
  gtk_editable_set_text (GTK_EDITABLE (entry), formatted);
}

static void
delete_line_clicked_cb (GtkButton *button,
                        gpointer   user_data)
{
  PoaBudgetPage *self = user_data;
  PoaBudgetLine *line = g_object_get_data (G_OBJECT (button), "line");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  message = g_strdup_printf (_("Partida %s deleted"), poa_budget_line_get_code (line));
  if (poa_document_remove (self->document, line, &error))
    _poa_widget_show_undo_toast (GTK_WIDGET (self), message);
  else if (!poa_justify_and_retry (GTK_WIDGET (self), self->document, error, poa_retry_remove (line)))
    edit_failed (self, error);
}

static GtkWidget *
add_entry (AdwExpanderRow *row,
           PoaBudgetLine  *line,
           const char     *title,
           const char     *property)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data (G_OBJECT (entry), "line", line);
  g_object_set_data (G_OBJECT (entry), "property", (gpointer)property);
  adw_expander_row_add_row (row, entry);
  return entry;
}

static GtkWidget *
create_line_row (gpointer item,
                 gpointer user_data)
{
  PoaBudgetPage *self = user_data;
  PoaBudgetLine *line = item;
  GtkWidget *row, *amount_label, *delete, *code, *name, *amount, *message;

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "line", line);
  g_object_bind_property_full (line, "name", row, "title", G_BINDING_SYNC_CREATE,
                               name_to_title, NULL, NULL, NULL);
  g_signal_connect_object (line, "notify::code", G_CALLBACK (update_line_subtitle), row,
                           G_CONNECT_SWAPPED);
  update_line_subtitle (ADW_EXPANDER_ROW (row));

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete partida"));
  gtk_widget_add_css_class (delete, "flat");
  g_object_set_data (G_OBJECT (delete), "line", line);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_line_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete);

  amount_label = gtk_label_new (NULL);
  gtk_widget_set_valign (amount_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (amount_label, "numeric");
  g_object_bind_property_full (line, "centavos", amount_label, "label", G_BINDING_SYNC_CREATE,
                               centavos_to_text, NULL, NULL, NULL);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), amount_label);

  code = add_entry (ADW_EXPANDER_ROW (row), line, _("Partida code"), "code");
  g_object_bind_property (line, "code", code, "text", G_BINDING_SYNC_CREATE);
  g_signal_connect (code, "apply", G_CALLBACK (text_field_applied_cb), self);
  g_signal_connect (code, "changed", G_CALLBACK (text_field_changed_cb), self);

  name = add_entry (ADW_EXPANDER_ROW (row), line, _("Name, as the office writes it"), "name");
  g_object_bind_property (line, "name", name, "text", G_BINDING_SYNC_CREATE);
  g_signal_connect (name, "apply", G_CALLBACK (text_field_applied_cb), self);
  g_signal_connect (name, "changed", G_CALLBACK (text_field_changed_cb), self);

  amount = add_entry (ADW_EXPANDER_ROW (row), line, _("Amount"), "centavos");
  gtk_widget_set_name (amount, "budget-amount");
  g_object_bind_property_full (line, "centavos", amount, "text", G_BINDING_SYNC_CREATE,
                               centavos_to_text, NULL, NULL, NULL);
  g_signal_connect (amount, "apply", G_CALLBACK (amount_applied_cb), self);

  message = gtk_label_new (NULL);
  gtk_widget_set_name (message, "budget-amount-message");
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_widget_set_margin_start (message, 12);
  gtk_widget_set_margin_end (message, 12);
  gtk_widget_set_margin_top (message, 6);
  gtk_widget_set_margin_bottom (message, 6);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (amount),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message, NULL, -1);
  g_object_set_data (G_OBJECT (amount), "message", message);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), message);

  return row;
}

static void
lines_changed_cb (PoaBudgetPage *self,
                  guint          position,
                  guint          removed,
                  guint          added,
                  GListModel    *lines)
{
  static const char * const watched[] = { "notify::code", "notify::centavos", NULL };

  _poa_connect_items (lines, position, added, watched, G_CALLBACK (update_totals), self);
  update_totals (self);
}

static void
add_line_clicked_cb (PoaBudgetPage *self)
{
  g_autoptr(PoaBudgetLine) line = poa_budget_line_new ("", "", 0);
  g_autoptr(GError) error = NULL;
  GListModel *lines;
  GtkListBoxRow *row;

  if (self->plan == NULL || self->document == NULL)
    return;

  if (!poa_document_insert (self->document, line, G_MAXUINT, &error))
    {
      if (!poa_justify_and_retry (GTK_WIDGET (self), self->document, error,
                                  poa_retry_insert (line, G_MAXUINT)))
        edit_failed (self, error);
      return;
    }

  /* Open the new partida for writing its code, name and amount. */
  lines = G_LIST_MODEL (poa_plan_get_budget (self->plan));
  row = gtk_list_box_get_row_at_index (self->lines_list, (int)g_list_model_get_n_items (lines) - 1);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

static void
disconnect_plan (PoaBudgetPage *self)
{
  if (self->plan != NULL)
    _poa_disconnect_items (G_LIST_MODEL (poa_plan_get_budget (self->plan)), self);
}

/* Fills the page with the plan: deferred until the page is first shown, so that opening the
 * window costs only what its first page needs. */
static void
show_plan (PoaBudgetPage *self)
{
  PoaPlan *plan = self->plan;

  self->pending = FALSE;
  if (plan != NULL)
    {
      GListModel *lines = G_LIST_MODEL (poa_plan_get_budget (plan));

      g_signal_connect_object (lines, "items-changed",
                               G_CALLBACK (lines_changed_cb), self, G_CONNECT_SWAPPED);
      lines_changed_cb (self, 0, 0, g_list_model_get_n_items (lines), lines);
    }
  else
    update_totals (self);

  gtk_list_box_bind_model (self->lines_list,
                           plan ? G_LIST_MODEL (poa_plan_get_budget (plan)) : NULL,
                           create_line_row, self, NULL);
}

static void
poa_budget_page_map (GtkWidget *widget)
{
  PoaBudgetPage *self = POA_BUDGET_PAGE (widget);

  GTK_WIDGET_CLASS (poa_budget_page_parent_class)->map (widget);

  if (self->pending)
    show_plan (self);
}

static void follow_plan (PoaBudgetPage *self,
             PoaPlan       *plan);

static void
poa_budget_page_dispose (GObject *object)
{
  PoaBudgetPage *self = (PoaBudgetPage *)object;

  follow_plan (self, NULL);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_BUDGET_PAGE);
  _poa_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (poa_budget_page_parent_class)->dispose (object);
}

static void
poa_budget_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PoaBudgetPage *self = POA_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_budget_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PoaBudgetPage *self = POA_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (g_set_object (&self->document, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      /* The plan shown is the document's: never one without the other. */
      follow_plan (self, self->document != NULL ? poa_document_get_plan (self->document) : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
poa_budget_page_class_init (PoaBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = poa_budget_page_dispose;
  widget_class->map = poa_budget_page_map;
  object_class->get_property = poa_budget_page_get_property;
  object_class->set_property = poa_budget_page_set_property;

  /* Every edit goes through the document, for undo; without one the page only shows. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, POA_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaBudgetPage, lines_list);
  gtk_widget_class_bind_template_child (widget_class, PoaBudgetPage, chapters_list);
  gtk_widget_class_bind_template_child (widget_class, PoaBudgetPage, total_label);
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked_cb);
}

static void
poa_budget_page_init (PoaBudgetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_totals (self);
}

/**
 * poa_budget_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown.
 */
PoaPlan *
poa_budget_page_get_plan (PoaBudgetPage *self)
{
  g_return_val_if_fail (POA_IS_BUDGET_PAGE (self), NULL);

  return self->plan;
}

static void
follow_plan (PoaBudgetPage *self,
             PoaPlan       *plan)
{
  g_return_if_fail (POA_IS_BUDGET_PAGE (self));
  g_return_if_fail (plan == NULL || POA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  disconnect_plan (self);
  g_set_object (&self->plan, plan);

  /* Leaving a plan empties the page at once; a new one waits for the page to be shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || plan == NULL)
    show_plan (self);
  else
    self->pending = TRUE;
}
