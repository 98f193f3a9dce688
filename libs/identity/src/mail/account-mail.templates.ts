import type { OutgoingMail } from './mailer.js';

export type MailLocale = 'sl' | 'en';

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

interface Rendered {
  subject: string;
  lines: string[];
  action: { label: string; url: string };
  footer: string;
}

function compose(key: string, to: string, r: Rendered): OutgoingMail {
  const text = [...r.lines, '', `${r.action.label}: ${r.action.url}`, '', r.footer].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif">${r.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}`
    + `<p><a href="${escapeHtml(r.action.url)}">${escapeHtml(r.action.label)}</a></p><p style="color:#666">${escapeHtml(r.footer)}</p></body></html>`;
  return { key, to, subject: r.subject, text, html };
}

export function verifyEmailMail(key: string, to: string, locale: MailLocale, name: string, url: string): OutgoingMail {
  return compose(key, to, locale === 'sl'
    ? { subject: 'Modrotisk: potrdite e-poštni naslov', lines: [`Pozdravljeni, ${name}!`, 'Za dokončanje registracije na Modrotisku potrdite svoj e-poštni naslov. Povezava velja 48 ur.'], action: { label: 'Potrdi naslov', url }, footer: 'Če se niste registrirali vi, to sporočilo prezrite.' }
    : { subject: 'Modrotisk: confirm your email address', lines: [`Hello ${name},`, 'To finish signing up to Modrotisk, confirm your email address. The link is valid for 48 hours.'], action: { label: 'Confirm address', url }, footer: 'If you did not sign up, ignore this message.' });
}

export function resetPasswordMail(key: string, to: string, locale: MailLocale, name: string, url: string): OutgoingMail {
  return compose(key, to, locale === 'sl'
    ? { subject: 'Modrotisk: nastavitev novega gesla', lines: [`Pozdravljeni, ${name}!`, 'Za ta naslov je bila zahtevana registracija ali ponastavitev gesla. Z naslovom že imate račun; novo geslo nastavite s spodnjo povezavo (velja 1 uro).'], action: { label: 'Nastavi novo geslo', url }, footer: 'Če tega niste zahtevali vi, sporočilo prezrite: vaše geslo ostaja enako.' }
    : { subject: 'Modrotisk: set a new password', lines: [`Hello ${name},`, 'A sign-up or password reset was requested for this address. You already have an account; set a new password with the link below (valid for 1 hour).'], action: { label: 'Set a new password', url }, footer: 'If you did not ask for this, ignore this message: your password stays the same.' });
}

export function invitationMail(key: string, to: string, locale: MailLocale, what: { sl: string; en: string }, inviter: string, url: string): OutgoingMail {
  return compose(key, to, locale === 'sl'
    ? { subject: `Modrotisk: vabilo – ${what.sl}`, lines: ['Pozdravljeni!', `${inviter} vas vabi: ${what.sl}.`, 'Vabilo sprejmete s spodnjo povezavo, ko se prijavite (ali registrirate) s tem e-poštnim naslovom. Velja 14 dni.'], action: { label: 'Sprejmi vabilo', url }, footer: 'Če vabila ne pričakujete, sporočilo prezrite.' }
    : { subject: `Modrotisk: invitation – ${what.en}`, lines: ['Hello,', `${inviter} invites you: ${what.en}.`, 'Accept with the link below after signing in (or up) with this email address. Valid for 14 days.'], action: { label: 'Accept invitation', url }, footer: 'If you did not expect this, ignore this message.' });
}

/**
 * An imported creative's invitation, in Slovenian and English in one mail (the importer may not
 * know which the person reads): who imported them and why, what accepting does, that nothing
 * happens without them, and the link (accept or decline on the page).
 */
export function creativeInvitationMail(key: string, to: string, name: string, importer: string, note: string | null, url: string, expiresAt: Date): OutgoingMail {
  // Slovenian: "2. 1. 2027" (a month name would need the genitive, which Intl does not give).
  const date = (locale: string) => expiresAt.toLocaleDateString(locale, { day: 'numeric', month: locale === 'sl-SI' ? 'numeric' : 'long', year: 'numeric', timeZone: 'Europe/Ljubljana' });
  const quoted = note ? [`»${note}«`] : [];
  return compose(key, to, {
    subject: 'Modrotisk: vabilo za ustvarjalni profil / invitation to a creative profile',
    lines: [
      `Pozdravljeni, ${name}!`,
      `${importer} je vaše podatke (ime, e-poštni naslov, kraj, področja dela) uvozil(a) na Modrotisk, platformo, ki ustvarjalce z Gorenjske povezuje s podjetji in občinami, ki iščejo ustvarjalne rešitve.`,
      ...quoted,
      'Profil še ne obstaja in nihče ga ne vidi. Na spodnji povezavi si ogledate, kaj bi nastalo, izberete geslo in se odločite, ali vas smemo povezovati z izzivi. Lahko pa vabilo zavrnete: takrat vaše podatke takoj izbrišemo.',
      `Če do ${date('sl-SI')} ne odgovorite, podatke izbrišemo sami.`,
      '—',
      `Hello ${name},`,
      `${importer} imported your details (name, email address, place, fields of work) into Modrotisk, the platform that connects creatives of the Gorenjska region with companies and municipalities looking for creative work.`,
      ...quoted,
      'No profile exists yet and nobody sees your details. With the link below you see what would be created, choose a password and decide whether we may match you with challenges. Or decline: then we erase your details at once.',
      `If you do not answer by ${date('en-GB')}, we erase them ourselves.`,
    ],
    action: { label: 'Ogled vabila / See the invitation', url },
    footer: 'Če vabila ne pričakujete, ga zavrnite na povezavi ali sporočilo prezrite. / If you did not expect this, decline on the page or ignore this message.',
  });
}
