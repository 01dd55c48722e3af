/* poa-signature.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-signature"

#include "config.h"

#include "poa-signature.h"
#include "poa-util.h"

/* One signature block of the plan: the role (Elaboró, Revisó, Aprobó), the signer's name, and the signer's title. */
struct _PoaSignature
{
  GObject  parent_instance;

  char    *texts[3];
};

G_DEFINE_FINAL_TYPE (PoaSignature, poa_signature, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_NAME,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_text (PoaSignature *self,
          guint   prop_id)
{
  const char *text = self->texts[prop_id - PROP_ROLE];

  return text != NULL ? text : "";
}

static void
set_text (PoaSignature     *self,
          guint       prop_id,
          const char *text)
{
  if (_poa_set_text (&self->texts[prop_id - PROP_ROLE], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
poa_signature_finalize (GObject *object)
{
  PoaSignature *self = (PoaSignature *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (poa_signature_parent_class)->finalize (object);
}

static void
poa_signature_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, get_text (POA_SIGNATURE (object), prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
poa_signature_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_text (POA_SIGNATURE (object), prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
poa_signature_class_init (PoaSignatureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = poa_signature_finalize;
  object_class->get_property = poa_signature_get_property;
  object_class->set_property = poa_signature_set_property;

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
poa_signature_init (PoaSignature *self)
{
}

PoaSignature *
poa_signature_new (const char *role,
                 const char *name,
                 const char *title)
{
  return g_object_new (POA_TYPE_SIGNATURE,
                       "role", role,
                       "name", name,
                       "title", title,
                       NULL);
}

PoaSignature *
poa_signature_copy (PoaSignature *self)
{
  g_return_val_if_fail (POA_IS_SIGNATURE (self), NULL);

  return poa_signature_new (self->texts[0], self->texts[1], self->texts[2]);
}

gboolean
poa_signature_equal (PoaSignature *a,
                   PoaSignature *b)
{
  g_return_val_if_fail (POA_IS_SIGNATURE (a), FALSE);
  g_return_val_if_fail (POA_IS_SIGNATURE (b), FALSE);

  for (guint prop_id = PROP_ROLE; prop_id < N_PROPS; prop_id++)
    if (g_strcmp0 (get_text (a, prop_id), get_text (b, prop_id)) != 0)
      return FALSE;

  return TRUE;
}

const char *
poa_signature_get_role (PoaSignature *self)
{
  g_return_val_if_fail (POA_IS_SIGNATURE (self), "");

  return get_text (self, PROP_ROLE);
}

void
poa_signature_set_role (PoaSignature     *self,
                    const char *role)
{
  g_return_if_fail (POA_IS_SIGNATURE (self));

  set_text (self, PROP_ROLE, role);
}

const char *
poa_signature_get_name (PoaSignature *self)
{
  g_return_val_if_fail (POA_IS_SIGNATURE (self), "");

  return get_text (self, PROP_NAME);
}

void
poa_signature_set_name (PoaSignature     *self,
                    const char *name)
{
  g_return_if_fail (POA_IS_SIGNATURE (self));

  set_text (self, PROP_NAME, name);
}

const char *
poa_signature_get_title (PoaSignature *self)
{
  g_return_val_if_fail (POA_IS_SIGNATURE (self), "");

  return get_text (self, PROP_TITLE);
}

void
poa_signature_set_title (PoaSignature     *self,
                    const char *title)
{
  g_return_if_fail (POA_IS_SIGNATURE (self));

  set_text (self, PROP_TITLE, title);
}
