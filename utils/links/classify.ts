/**
 * What a link is for, from its text, href and merge tags: unsubscribe and
 * view-in-browser links are shown apart from content clicks in a click map.
 * Patterns cover the ESP merge tags in the corpus (Mailchimp *|UNSUB|*,
 * SendGrid [unsubscribe] / <%asm_…%>, Mailjet [[PERMALINK]], listmonk
 * {{ UnsubscribeURL }}…) and List-Unsubscribe-style mailto addresses.
 */
import type { LinkDescription } from './identity.ts';
import { safeDecode } from './normalise.ts';

export type LinkKind = 'link' | 'unsubscribe' | 'view-in-browser' | 'mailto' | 'tel' | 'anchor';

const UNSUBSCRIBE_TEXT =
  /\b(unsubscribe|unsub|opt[\s-]?out|(manage|update|change) (your |my )?(e-?mail |subscription |notification )?(preferences|settings|subscriptions?)|e-?mail preferences|subscription preferences|preference cent(er|re)|stop receiving)\b|désinscri|désabonn|se desinscrire|abmelden|abbestellen|darse de baja|cancelar (la )?suscripci|uitschrijven|afmelden|отпис/i;
const UNSUBSCRIBE_HREF =
  /unsubscribe|\/unsub\b|\/unsub2\b|opt-?out|\/mk\/un\/|preferences-center|manage-preferences|\/email\/preferences|\/hs\/manage-preferences/i;
const UNSUBSCRIBE_TAG = /unsub|opt.?out|asm_|preferences|manage_?sub|profile/i;
/** Provider keys of unsubscribe pages (listmonk /subscription/{campaign}/{subscriber}). */
const UNSUBSCRIBE_KEY = /^listmonk:subscription:/;

const VIEW_IN_BROWSER_TEXT =
  /\bview (it |this |the )?(e-?mail |message |newsletter |mail )?(in|on) (your |a |the )?(web ?)?browser|\bview (it |this |the )?(e-?mail |message |newsletter )?online|\b(web|online|browser) version\b|\btrouble (viewing|reading|seeing)|\bcan'?t see (this|the) (e-?mail|message)|\bview as (a )?web ?page|afficher dans (le|votre) navigateur|version (en ligne|web)\b|im browser (ansehen|anzeigen|öffnen)|ver en (el )?navegador/i;
const VIEW_IN_BROWSER_HREF =
  /mailchi\.mp\/|campaign-archive\d*\.com|view[_-]?in[_-]?browser|viewonline|web-?version|\/webview\b|\/email\/view\//i;
const VIEW_IN_BROWSER_TAG =
  /archive|permalink|web_?version|view_?(email|online|in_?browser)|viewinbrowser|MessageURL|mirror|weblink/i;
const VIEW_IN_BROWSER_KEY = /^listmonk:campaign:/;

/**
 * Tags that supply the whole URL ("*|UNSUB|*", "{{ UnsubscribeURL }}"). A tag
 * further in (a share link's ?u=[[SHORT_PERMALINK]]) says nothing about the
 * link's own purpose.
 */
function leadingTags({ href, description }: ClassifyInput): string[] {
  const trimmed = href.trim().replace(/^mailto:/i, '');
  return description.mergeTags.filter(
    (tag) => trimmed.startsWith(tag) || safeDecode(trimmed).startsWith(tag),
  );
}

export interface ClassifyInput {
  href: string;
  text: string;
  description: LinkDescription;
}

export function isUnsubscribe(input: ClassifyInput): boolean {
  const { href, text, description } = input;
  if (UNSUBSCRIBE_KEY.test(description.key)) return true;
  if (leadingTags(input).some((tag) => UNSUBSCRIBE_TAG.test(tag))) return true;
  if (description.scheme === 'mailto') return isListUnsubscribeMailto(href);
  return UNSUBSCRIBE_TEXT.test(text) || UNSUBSCRIBE_HREF.test(description.url);
}

/** mailto:unsubscribe-…@… or ?subject=unsubscribe, the List-Unsubscribe (RFC 2369) shape. */
export function isListUnsubscribeMailto(href: string): boolean {
  return /^mailto:[^?]*unsub/i.test(href) || /[?&]subject=[^&]*unsubscribe/i.test(href);
}

export function isViewInBrowser(input: ClassifyInput): boolean {
  const { text, description } = input;
  if (VIEW_IN_BROWSER_KEY.test(description.key)) return true;
  if (leadingTags(input).some((tag) => VIEW_IN_BROWSER_TAG.test(tag))) return true;
  if (description.scheme === 'mailto' || description.scheme === 'tel') return false;
  return VIEW_IN_BROWSER_TEXT.test(text) || VIEW_IN_BROWSER_HREF.test(description.url);
}

/** Purpose first (an unsubscribe mailto is an unsubscribe), then scheme. */
export function classifyLink(input: ClassifyInput): LinkKind {
  if (isUnsubscribe(input)) return 'unsubscribe';
  if (isViewInBrowser(input)) return 'view-in-browser';
  const { scheme } = input.description;
  if (scheme === 'mailto' || scheme === 'tel' || scheme === 'anchor') return scheme;
  return 'link';
}
