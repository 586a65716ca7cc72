/**
 * Subject and sender of the email a webmail shows, read from its message
 * header markup (Gmail: h2.hP + span.gD[email]; Roundcube: h2.subject +
 * .header.from a.rcmContactAddress; SOGo: the ng-bind of subject and from), for the Click Map API's match request
 * (subject weighs 0.2, the sender 0.1 and picks the sender's campaign).
 * Takes the document or element to search, so it runs on any DOM.
 * ESP editor previews show neither: both stay null there.
 */

export interface HeaderHints {
  subject: string | null;
  /** "Name <address>" or the bare address. */
  sender: string | null;
}

interface HeaderRule {
  subject: string;
  sender: string;
  /** Address and display name of the sender element. */
  senderOf(element: Element): { address: string | null; name: string };
}

/** SOGo binds the sender's name and address to siblings (ng-bind="…from[0].name|email"). */
const SOGO_FROM = '[ng-bind$="message.from[0].email"]';

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const RULES: readonly HeaderRule[] = [
  {
    // Gmail (corpus webmail-dom.md: gmail.js api.dom.email "from: span[email].gD", subject h2.hP).
    subject: 'h2.hP',
    sender: 'span.gD[email]',
    senderOf: (el) => ({
      address: el.getAttribute('email'),
      name: collapse(el.getAttribute('name') ?? el.textContent),
    }),
  },
  {
    // Roundcube (elastic skin; test/fixtures/sites/roundcube-real captures).
    subject: 'h2.subject',
    sender: '.header.from a.rcmContactAddress, .header.from a[href^="mailto:"]',
    senderOf: (el) => ({
      address:
        el.getAttribute('title') ?? el.getAttribute('href')?.replace(/^mailto:/i, '') ?? null,
      name: collapse(el.textContent),
    }),
  },
  {
    // SOGo 5 (Angular; Alinto/sogo UI/Templates/MailerUI/UIxMailViewTemplate.wox): AngularJS
    // keeps the ng-bind attributes, which name the model fields, not translated labels.
    subject: 'h5[ng-bind$="message.subject"]',
    sender: SOGO_FROM,
    senderOf: (el) => ({
      address: collapse(el.textContent),
      name: collapse(
        el.parentElement?.querySelector('[ng-bind$="message.from[0].name"]')?.textContent,
      ),
    }),
  },
];

function subjectText(element: Element): string | null {
  // Direct text only: Roundcube puts a "Subject: " label and an "Open in new window" button inside.
  const own = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent);
  const text = collapse(own.join(' '));
  return text === '' ? null : text;
}

function senderText({ address, name }: { address: string | null; name: string }): string | null {
  const email = collapse(address);
  if (!email.includes('@')) return name === '' ? null : name;
  return name === '' || name === email ? email : `${name} <${email}>`;
}

export function readHeaderHints(root: ParentNode): HeaderHints {
  for (const rule of RULES) {
    const subject = root.querySelector(rule.subject);
    const sender = root.querySelector(rule.sender);
    if (!subject && !sender) continue;
    return {
      subject: subject ? subjectText(subject) : null,
      sender: sender ? senderText(rule.senderOf(sender)) : null,
    };
  }
  return { subject: null, sender: null };
}
