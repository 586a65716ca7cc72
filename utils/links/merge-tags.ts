/**
 * Merge-tag (personalisation placeholder) detection across ESP syntaxes.
 * A link holding a merge tag is personalised: every recipient gets a
 * different URL, so it can only be counted by its final domain.
 */

/**
 * One entry per syntax. Bodies are bounded (no newlines, ≤ 200 chars) so a
 * hostile 1 MB attribute cannot make the scan quadratic.
 */
const MERGE_TAG_SYNTAXES: { name: string; pattern: RegExp }[] = [
  // Handlebars / Mustache / Liquid / Jinja / Mustachio (Postmark, SendGrid dynamic, Mailjet, listmonk)
  { name: 'handlebars', pattern: /\{\{[^{}\n]{1,200}\}\}/ },
  // Liquid / Jinja / Mailjet statements
  { name: 'liquid-tag', pattern: /\{%[^\n]{1,200}?%\}/ },
  // Mailchimp *|UNSUB|*
  { name: 'mailchimp', pattern: /\*\|[^|\n]{1,200}\|\*/ },
  // Salesforce Marketing Cloud / ExactTarget %%view_email_url%%
  { name: 'ampscript', pattern: /%%[^%\n]{1,200}%%/ },
  // Mailjet [[PERMALINK]] and legacy bracket tags
  { name: 'double-bracket', pattern: /\[\[[^[\]\n]{1,200}\]\]/ },
  // SendGrid legacy substitutions [Unsubscribe], [Sender_Name]. Not IPv6 hosts (start with a
  // letter) and not PHP-style array parameters like filter[color]= (preceded by a word char).
  { name: 'bracket', pattern: /(?<![\w\]])\[[A-Za-z_][\w .:-]{0,200}\]/ },
  // ES template literals / Freemarker / Velocity ${name}
  { name: 'dollar-brace', pattern: /\$\{[^{}\n]{1,200}\}/ },
  // SendGrid ASM / ERB / classic ASP <%asm_global_unsubscribe_raw_url%>
  { name: 'asp', pattern: /<%[^\n]{1,200}?%>/ },
];

const GLOBAL_PATTERNS = MERGE_TAG_SYNTAXES.map(({ pattern }) => new RegExp(pattern.source, 'g'));

/** Cheap pre-check: no delimiter character (raw or escaped), no merge tag. */
const MAY_HOLD_TAG = /[{}|%[\]$<]/;

/** Percent escapes of the delimiter characters above, decoded before scanning. */
const DELIMITER_ESCAPES = /%(7B|7D|25|7C|5B|5D|24|3C|3E|2A)/gi;

function decodeDelimiters(text: string): string {
  return text.replace(DELIMITER_ESCAPES, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Variants to scan: as written, once- and twice-decoded (links wrapped by a redirect are encoded again). */
function variants(text: string): string[] {
  if (!MAY_HOLD_TAG.test(text)) return [];
  if (!text.includes('%')) return [text];
  const once = decodeDelimiters(text);
  const twice = decodeDelimiters(once);
  return [text, once, twice];
}

/** Names of the syntaxes found in `text` (raw or URL-encoded). */
export function mergeTagSyntaxes(text: string): string[] {
  const found: string[] = [];
  for (const variant of variants(text)) {
    for (const { name, pattern } of MERGE_TAG_SYNTAXES) {
      if (!found.includes(name) && pattern.test(variant)) found.push(name);
    }
  }
  return found;
}

/** The merge tags themselves (decoded), e.g. ['*|UNSUB|*'], for classification by tag name. */
export function findMergeTags(text: string): string[] {
  const tags = new Set<string>();
  for (const variant of variants(text)) {
    for (const pattern of GLOBAL_PATTERNS) {
      for (const match of variant.matchAll(pattern)) tags.add(match[0]);
    }
  }
  return [...tags];
}
