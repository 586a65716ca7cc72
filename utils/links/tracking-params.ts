/**
 * Query parameters that only carry campaign / click attribution. They differ
 * per campaign or per recipient without changing the destination, so they are
 * removed before two URLs are compared. Sources: ClearURLs global rules and the
 * ESP notes in ../shared/corpus/tracking-links.json.
 */

/** Exact names (compared lower-cased). */
const TRACKING_PARAM_NAMES = new Set([
  // Google / Meta / Microsoft / Yandex ad click ids
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'wbraid',
  'gbraid',
  'msclkid',
  'yclid',
  'srsltid',
  '_ga',
  '_gl',
  // Mailchimp campaign / recipient ids
  'mc_cid',
  'mc_eid',
  'mc_tc',
  // HubSpot
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  // Marketo
  'mkt_tok',
  // MailerLite
  'ml_subscriber',
  'ml_subscriber_hash',
  // Omeda / Sailthru / Vero / Bronto style recipient stamps seen in newsletters
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  '_bta_tid',
  '_bta_c',
  // Klaviyo
  '_kx',
  // Instagram / Twitter shares
  'igshid',
  'twclid',
]);

// Families: utm_…, Matomo mtm_… and pk_…, Outbrain otm_…, internal-campaign itm_….
const TRACKING_PARAM_PREFIXES = ['utm_', 'mtm_', 'pk_', 'otm_', 'itm_'];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_PARAM_NAMES.has(lower)) return true;
  // ClearURLs: `utm(?:_[a-z_]*)?` — bare "utm" too.
  if (lower === 'utm') return true;
  return TRACKING_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
