import type { EmailTemplate } from 'src/common/email/mailer';
import type { EmailContent, TemplateContext } from 'src/common/email/templates/email-content';

const signature = "L'équipe Pacekeeper";
const device = (c: TemplateContext): string[] =>
  c.device === '' ? [] : [`Cette demande a été faite depuis : ${c.device}.`];

/** French emails (docs/compatibility.md#emails). */
export const FR: Record<EmailTemplate, (c: TemplateContext) => EmailContent> = {
  account_confirmation: (c) => ({
    subject: 'Confirmez votre compte',
    greeting: `Bonjour ${c.username},`,
    paragraphs: ['Bienvenue ! Confirmez votre adresse électronique pour activer votre compte.'],
    action: { label: 'Confirmer mon compte', url: c.link },
    notes: [...device(c), "Si vous n'avez pas créé ce compte, vous pouvez ignorer ce message."],
    signature,
  }),
  password_reset_request: (c) => ({
    subject: 'Réinitialisation du mot de passe',
    greeting: `Bonjour ${c.username},`,
    paragraphs: [
      'Vous avez demandé la réinitialisation de votre mot de passe. Utilisez le lien ci-dessous pour en choisir un nouveau.',
    ],
    action: { label: 'Réinitialiser mon mot de passe', url: c.link },
    notes: [
      'Pour des raisons de sécurité, ce lien expire dans une heure.',
      ...device(c),
      "Si vous n'avez pas demandé de nouveau mot de passe, vous pouvez ignorer ce message.",
    ],
    signature,
  }),
  password_change: (c) => ({
    subject: 'Mot de passe modifié',
    greeting: `Bonjour ${c.username},`,
    paragraphs: ['Le mot de passe de votre compte vient d’être modifié.'],
    notes: [
      ...device(c),
      "Si vous n'êtes pas à l'origine de ce changement, contactez l'administrateur.",
    ],
    signature,
  }),
  email_update_to_current_email: (c) => ({
    subject: "Demande de changement d'adresse électronique",
    greeting: `Bonjour ${c.username},`,
    paragraphs: [
      `Le remplacement de l'adresse électronique de votre compte par ${c.newEmail} a été demandé.`,
    ],
    notes: [...device(c), "Si vous n'avez pas fait cette demande, contactez l'administrateur."],
    signature,
  }),
  email_update_to_new_email: (c) => ({
    subject: 'Confirmez votre nouvelle adresse électronique',
    greeting: `Bonjour ${c.username},`,
    paragraphs: ['Confirmez cette adresse comme nouvelle adresse électronique de votre compte.'],
    action: { label: 'Confirmer mon adresse', url: c.link },
    notes: [...device(c), "Si vous n'avez pas fait cette demande, vous pouvez ignorer ce message."],
    signature,
  }),
  data_export_ready: (c) => ({
    subject: 'Votre export de données est prêt',
    greeting: `Bonjour ${c.username},`,
    paragraphs: [
      "L'archive contenant vos données est prête. Vous pouvez la télécharger depuis votre compte.",
    ],
    action: { label: 'Télécharger mon archive', url: c.link },
    notes: ["L'archive reste disponible pendant une durée limitée."],
    signature,
  }),
};
