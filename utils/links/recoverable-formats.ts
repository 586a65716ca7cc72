/**
 * Redirect formats whose original URL is in the link itself (security
 * gateways, webmail redirects, ESPs that embed the destination). One entry per
 * provider; sources in ../shared/corpus/tracking-links.json.
 */
import * as decode from './decoders.ts';
import { opaque, unwrapped, type RedirectFormat } from './format-kit.ts';

export const RECOVERABLE_FORMATS: RedirectFormat[] = [
  // Microsoft Defender Safe Links: ?url=<original> (also /ap/<x>/?url=)
  {
    id: 'safelinks',
    host: /(^|\.)safelinks\.protection\.outlook\.com$/,
    apply: (u) => unwrapped(decode.fromParam(u, 'url')),
  },
  // Google redirect (Gmail basic HTML, data-saferedirecturl): /url?q= or ?url=
  {
    id: 'google',
    host: /^(www\.)?google(\.[a-z]{2,3}){1,2}$/,
    path: /^\/url$/,
    apply: (u) => unwrapped(decode.fromParam(u, 'q', 'url')),
  },
  // Facebook outbound: l.facebook.com/l.php?u=
  {
    id: 'facebook',
    host: /^l[a-z]?\.facebook\.com$/,
    path: /^\/l\.php$/,
    apply: (u) => unwrapped(decode.fromParam(u, 'u')),
  },
  // Proofpoint URL Defense v1: ?u=<original>&k=...
  {
    id: 'proofpoint',
    host: /^urldefense(\.proofpoint)?\.(com|us)$/,
    path: /^\/v1\/url$/,
    apply: (u) => unwrapped(decode.fromParam(u, 'u')),
  },
  // Proofpoint v2: ?u=<original with "-XX" escapes and "_" for "/">
  {
    id: 'proofpoint',
    host: /^urldefense(\.proofpoint)?\.(com|us)$/,
    path: /^\/v2\/url$/,
    apply: (u) => unwrapped(decode.decodeProofpointV2(u.searchParams.get('u') ?? '') || null),
  },
  // Proofpoint v3: /v3/__<original with * holes>__;<base64url of the holes>!!<ids>$
  {
    id: 'proofpoint',
    host: /^urldefense(\.proofpoint)?\.(com|us)$/,
    path: /^\/v3\/__/,
    apply: (_u, _m, href) => unwrapped(decode.decodeProofpointV3(href)),
  },
  // Mailchimp Transactional (Mandrill): base64 JSON in ?p= holds the url
  {
    id: 'mandrill',
    host: /(^|\.)mandrillapp\.com$/,
    path: /^\/track\/click\/(\d+)/,
    apply: (u, m) =>
      unwrapped(decode.decodeMandrill(u)) ??
      opaque(`mandrill:${m?.[1]}:${u.searchParams.get('p') ?? ''}`),
    readerAddresses: true,
    perReader: true,
  },
  // Amazon SES (r.<region>.awstrack.me/L0/) and custom tracking domains (/CL0/, e.g. Loops)
  {
    id: 'ses',
    path: /^\/C?L0\/(https?:[^/]+)\//i,
    apply: (_u, m) => unwrapped(decode.decodeSesSegment(m?.[1] ?? '')),
    readerAddresses: true,
  },
  // Mailgun: /c/<base64url(zlib(query))>, l = original (custom tracking domains)
  {
    id: 'mailgun',
    path: /^\/c\/(eJ[A-Za-z0-9_-]{20,})$/,
    apply: (_u, m) => unwrapped(decode.decodeMailgun(m?.[1] ?? '')) ?? opaque(`mailgun:${m?.[1]}`),
    // Mailgun's %recipient.email% / %unsubscribe_url% expand to the reader's address.
    readerParams: ['email', 'recipient'],
    readerAddresses: true,
    perReader: true,
  },
  // Mailjet: /lnk/<message>/<link index>/<signature>/<base64url original>
  {
    id: 'mailjet',
    path: /^\/lnk\/[^/]+\/\d+\/[^/]+\/([A-Za-z0-9_-]+)$/,
    apply: (_u, m) => unwrapped(decode.decodeMailjet(m?.[1] ?? '')),
    readerAddresses: true,
  },
  // Substack: /redirect/2/<base64 JSON>.<signature>, e = destination (also custom domains)
  {
    id: 'substack',
    path: /^\/redirect\/2\/([A-Za-z0-9_-]+)\./,
    apply: (_u, m) => unwrapped(decode.decodeSubstack(m?.[1] ?? '')),
    // Referral code, sign-in token and pre-filled address of the reader.
    readerParams: ['r', 'token', 'freeSignupEmail'],
    readerAddresses: true,
  },
  // Postmark: click.pstmrk.it/<2s|3s|2sm|3ts...>/<percent-encoded host+path>/...
  {
    id: 'postmark',
    host: /^click\.pstmrk\.it$/,
    path: /^\/[23][mst]{0,2}\/([^/]+)/,
    apply: (_u, m) => unwrapped(decode.decodePostmark(m?.[1] ?? '')),
    readerAddresses: true,
  },
];
