/**
 * The one control-character cleaning step of link identity, for the page and
 * the server alike. One href reaches us in several spellings: a NUL is kept
 * by the server's parser (happy-dom), turned into U+FFFD by browsers' HTML
 * parsers and stripped by Roundcube's sanitiser; tabs and newlines are
 * dropped by the WHATWG URL parser; zero-width and bidi marks come in with
 * copy-pasted links and are invisible everywhere. None of them can be part
 * of a link's identity, so every side removes all of them, raw or
 * percent-encoded, before anything else looks at the href.
 */

/**
 * C0 controls and DEL, C1 controls, soft hyphen, the replacement character a
 * browser puts for NUL, zero-width characters, bidi marks/embeddings/isolates
 * and the byte-order mark.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffd]/gu;

/** The same characters percent-encoded (UTF-8), as a re-serialised URL carries them. */
const INVISIBLE_ENCODED =
  /%(?:[01][0-9a-f]|7f|c2%(?:[89][0-9a-f]|ad)|e2%80%(?:8[b-f]|a[a-e])|e2%81%a[0-46-9]|ef%bb%bf|ef%bf%bd)/gi;

/** An href as every reader's copy has it: invisible characters gone, outer spaces trimmed. */
export function cleanHref(href: string): string {
  return href.replace(INVISIBLE, '').replace(INVISIBLE_ENCODED, '').trim();
}

/** Link text / image alt compared across copies: invisible characters gone, spaces collapsed, case folded. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
