/* poa-plan-editor.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-plan-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "poa-document.h"
#include "poa-form.h"
#include "poa-plan-editor.h"
#include "poa-plan.h"
#include "poa-signature.h"
#include "poa-editor-util.h"

/* The general data of the plan as the document prints it above and below the tables: the
 * header, the objectives, the observations and the three signature blocks. Each field is
 * committed through PoaDocument as soon as it is left. */
struct _PoaPlanEditor
{
  AdwWindow            parent_instance;

  PoaDocument         *document;
  PoaForm             *plan_form;
  PoaForm             *signature_forms[POA_PLAN_N_SIGNATURES];

  /* Template widgets */
  GtkBox              *groups_box;
  AdwPreferencesGroup *plan_group;
  AdwPreferencesGroup *objectives_group;
  AdwPreferencesGroup *observations_group;
};

G_DEFINE_FINAL_TYPE (PoaPlanEditor, poa_plan_editor, ADW_TYPE_WINDOW)

static void
commit_all (PoaPlanEditor *self)
{
  if (self->plan_form != NULL)
    poa_form_commit (self->plan_form);
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    if (self->signature_forms[i] != NULL)
      poa_form_commit (self->signature_forms[i]);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PoaPlanEditor *self = POA_PLAN_EDITOR (widget);

  commit_all (self);
  _poa_editor_undo (widget, self->document, g_str_equal (action_name, "editor.redo"));
}

static gboolean
poa_plan_editor_close_request (GtkWindow *window)
{
  PoaPlanEditor *self = POA_PLAN_EDITOR (window);
  PoaForm *forms[1 + POA_PLAN_N_SIGNATURES];
  guint n_forms = 0;

  if (self->plan_form != NULL)
    forms[n_forms++] = self->plan_form;
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    if (self->signature_forms[i] != NULL)
      forms[n_forms++] = self->signature_forms[i];

  /* A value in error would be dropped without a word: the editor asks first. */
  if (_poa_editor_ask_before_closing (window, forms, n_forms))
    return TRUE;

  commit_all (self);

  return GTK_WINDOW_CLASS (poa_plan_editor_parent_class)->close_request (window);
}

static void
add_fields (PoaPlanEditor *self)
{
  static const struct {
    PoaFormKind  kind;
    const char  *property;
    const char  *title;
    guint        group;
  } fields[] = {
    { POA_FORM_TEXT, "direction", N_("Directorate"), 0 },
    { POA_FORM_TEXT, "area", N_("Area"), 0 },
    { POA_FORM_YEAR, "year", N_("Year"), 0 },
    { POA_FORM_TEXT, "municipality", N_("Municipality"), 0 },
    { POA_FORM_TEXT, "administration", N_("Administration period"), 0 },
    { POA_FORM_PARAGRAPH, "objective", N_("Objective"), 1 },
    { POA_FORM_PARAGRAPH, "specific-objectives", N_("Specific objectives"), 1 },
    { POA_FORM_PARAGRAPH, "observations", N_("Observations"), 2 },
  };
  AdwPreferencesGroup *groups[] = { self->plan_group, self->objectives_group, self->observations_group };

  self->plan_form = poa_form_new ();
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    adw_preferences_group_add (groups[fields[i].group],
                               poa_form_add (self->plan_form, fields[i].kind, fields[i].property,
                                             _(fields[i].title),
                                             fields[i].kind == POA_FORM_YEAR
                                             ? _("From 2000 to 2100; the activities’ dates are checked against it")
                                             : NULL));

  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      self->signature_forms[i] = poa_form_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 poa_form_add (self->signature_forms[i], POA_FORM_TEXT, "name",
                                               _("Name"), NULL));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 poa_form_add (self->signature_forms[i], POA_FORM_TEXT, "title",
                                               _("Position"), NULL));
      gtk_widget_set_name (group, "signature");
      gtk_box_append (self->groups_box, group);
      g_object_set_data (G_OBJECT (self->signature_forms[i]), "group", group);
    }
}

static void
poa_plan_editor_dispose (GObject *object)
{
  PoaPlanEditor *self = (PoaPlanEditor *)object;

  g_clear_object (&self->plan_form);
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    g_clear_object (&self->signature_forms[i]);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), POA_TYPE_PLAN_EDITOR);

  G_OBJECT_CLASS (poa_plan_editor_parent_class)->dispose (object);
}

static void
poa_plan_editor_class_init (PoaPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = poa_plan_editor_dispose;
  window_class->close_request = poa_plan_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/poa-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PoaPlanEditor, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PoaPlanEditor, plan_group);
  gtk_widget_class_bind_template_child (widget_class, PoaPlanEditor, objectives_group);
  gtk_widget_class_bind_template_child (widget_class, PoaPlanEditor, observations_group);

  _poa_editor_class_init (widget_class, undo_activated);
}

static void
poa_plan_editor_init (PoaPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_fields (self);
}

/**
 * poa_plan_editor_new:
 * @parent: the main window
 * @document: the plan open for editing
 *
 * Returns: (transfer none): the editor, shown over @parent.
 */
PoaPlanEditor *
poa_plan_editor_new (GtkWindow   *parent,
                     PoaDocument *document)
{
  PoaPlanEditor *self;
  PoaPlan *plan;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (POA_IS_DOCUMENT (document), NULL);

  plan = poa_document_get_plan (document);
  self = g_object_new (POA_TYPE_PLAN_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);

  poa_form_set_target (self->plan_form, document, G_OBJECT (plan), poa_plan_get_year (plan));
  for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
    {
      PoaSignature *signature = poa_plan_get_signature (plan, i);
      GtkWidget *group = g_object_get_data (G_OBJECT (self->signature_forms[i]), "group");
      g_autofree char *title = NULL;

      /* Translators: the heading of a signature block: "Signature: Elaboró" */
      title = g_strdup_printf (_("Signature: %s"), poa_signature_get_role (signature));
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      poa_form_set_target (self->signature_forms[i], document, G_OBJECT (signature), 0);
    }

  return self;
}

static PoaForm *
form_for (PoaPlanEditor *self,
          GObject       *subject)
{
  if (POA_IS_SIGNATURE (subject))
    for (guint i = 0; i < POA_PLAN_N_SIGNATURES; i++)
      if (poa_form_get_object (self->signature_forms[i]) == subject)
        return self->signature_forms[i];

  return self->plan_form;
}

/**
 * poa_plan_editor_focus_field:
 * @subject: (nullable): the plan or one of its signatures; %NULL for the plan
 * @field: a plan-file key ("specific_objectives") or property name; "signatures" is the name
 *   of the signature @subject
 *
 * Returns: whether the editor has that field.
 */
gboolean
poa_plan_editor_focus_field (PoaPlanEditor *self,
                             GObject       *subject,
                             const char    *field)
{
  g_return_val_if_fail (POA_IS_PLAN_EDITOR (self), FALSE);

  if (g_strcmp0 (field, "signatures") == 0)
    field = "name";

  return poa_form_focus (form_for (self, subject), field);
}

/**
 * poa_plan_editor_get_entry:
 *
 * Returns: (transfer none) (nullable): the widget @field of @subject is typed into.
 */
GtkWidget *
poa_plan_editor_get_entry (PoaPlanEditor *self,
                           GObject       *subject,
                           const char    *field)
{
  g_return_val_if_fail (POA_IS_PLAN_EDITOR (self), NULL);

  return poa_form_get_entry (form_for (self, subject), field);
}
