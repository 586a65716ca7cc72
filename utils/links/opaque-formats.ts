/**
 * ESP click-tracking formats whose destination lives only on the provider's
 * server: the link is named by the provider's own ids (the same for every
 * recipient), plus provider pages whose per-recipient parameters are dropped.
 * One entry per provider; sources in ../shared/corpus/tracking-links.json.
 */
import * as decode from './decoders.ts';
import { cleaned, opaque, pick, unwrapped, UUID, type RedirectFormat } from './format-kit.ts';

export const OPAQUE_FORMATS: RedirectFormat[] = [
  // Mimecast URL Protect: target kept server-side; ?domain= reveals only the host
  {
    id: 'mimecast',
    host: /^protect-[a-z0-9-]+\.mimecast\.com$/,
    path: /^\/s\/([^/]+)/,
    apply: (u, m) =>
      opaque(`mimecast:${m?.[1]}`, {}, u.searchParams.get('domain')?.toLowerCase() ?? null),
    perReader: true,
  },
  // Mailchimp classic click tracking: u = account, id = link; e (recipient) ignored
  {
    id: 'mailchimp',
    host: /(^|\.)list-manage\d*\.com$/,
    path: /^\/track\/click$/,
    apply: (u) =>
      opaque(
        `mailchimp:${u.searchParams.get('u')}:${u.searchParams.get('id')}`,
        pick(u, 'u', 'id'),
      ),
  },
  // Mailchimp unsubscribe / profile / forward pages: not redirects; e = recipient
  {
    id: 'mailchimp',
    host: /(^|\.)list-manage\d*\.com$/,
    path: /^\/(unsubscribe|profile|vcard|forward|subscribe)\b/,
    apply: (u) => cleaned(u),
    readerParams: ['e'],
  },
  // Mailchimp short click links: us.list-manage.com/<code>?e=&c2id=. Codes use the
  // base64url alphabet (_ and - too); an all-lower-case word is a page, not a code.
  {
    id: 'mailchimp',
    host: /(^|\.)list-manage\d*\.com$/,
    path: /^\/((?![a-z]+$)[A-Za-z0-9_-]{6,})$/,
    apply: (_u, m) => opaque(`mailchimp:${m?.[1]}`),
  },
  // Mailchimp view-in-browser archive: ?e= is the recipient
  {
    id: 'mailchimp',
    host: /^(mailchi\.mp|([a-z0-9-]+\.)?campaign-archive\d*\.com)$/,
    apply: (u) => cleaned(u),
    readerParams: ['e'],
  },
  // Klaviyo (SendGrid-style /ls/click?upn=)
  {
    id: 'klaviyo',
    host: /^trk\.klclick\d*\.com$/,
    apply: (u) => opaque(`klaviyo:${u.searchParams.get('upn') ?? u.pathname}`),
    perReader: true,
  },
  // SendGrid click tracking on branded (urlNNNN.<domain>) or *.ct.sendgrid.net hosts
  {
    id: 'sendgrid',
    path: /^\/(wf|ls)\/click$/,
    apply: (u) =>
      u.searchParams.get('upn') ? opaque(`sendgrid:${u.searchParams.get('upn')}`) : null,
    perReader: true,
  },
  // SendGrid link branding /ss/c/<token>/... (beehiiv and others)
  {
    id: 'sendgrid',
    path: /^\/ss\/c\/([^/]+)/,
    apply: (_u, m) => opaque(`sendgrid:${m?.[1]}`),
    perReader: true,
  },
  // Brevo (Sendinblue): *.sendibm1.com/mk/cl/f/<token>
  {
    id: 'brevo',
    host: /(^|\.)sendib[mt]\d*\.com$/,
    path: /^\/mk\/cl\/f\/(.+)$/,
    apply: (_u, m) => opaque(`brevo:${m?.[1]}`),
    perReader: true,
  },
  // Brevo unsubscribe (/mk/un/<kind>/<token>, corpus "how" of the Brevo entry) and mirror
  // (view-in-browser, /mk/mr/…): one page per email whose tokens name the reader.
  {
    id: 'brevo',
    host: /(^|\.)sendib[mt]\d*\.com$/,
    path: /^\/mk\/(un|mr)\//,
    apply: (u, m) => opaque(`brevo:${u.hostname.toLowerCase()}:${m?.[1]}`),
  },
  // Constant Contact: r20.rs6.net/tn.jsp?f=<encrypted link+recipient>
  {
    id: 'constantcontact',
    host: /^r\d+\.rs6\.net$/,
    path: /^\/tn\.jsp$/,
    apply: (u) => opaque(`constantcontact:${u.searchParams.get('f')}`),
    perReader: true,
  },
  // HubSpot click tracking: *.hubspotlinks.com/Ctc/<token>
  {
    id: 'hubspot',
    host: /(^|\.)hubspotlinks\.com$/,
    path: /^\/Ctc\/(.+)$/,
    apply: (_u, m) => opaque(`hubspot:${m?.[1]}`),
    perReader: true,
  },
  // HubSpot preference centre: data= is per recipient
  {
    id: 'hubspot',
    host: /(^|\.)hubspotemail\.net$/,
    apply: (u) => cleaned(u),
    readerParams: ['data'],
  },
  // listmonk: /link/{link}/{campaign}/{subscriber}; link uuid names the URL in listmonk's DB
  {
    id: 'listmonk',
    path: new RegExp(`^/link/(${UUID})/(${UUID})/(${UUID})$`, 'i'),
    apply: (_u, m) =>
      opaque(`listmonk:${m?.[1]}`, {
        link: m?.[1] ?? '',
        campaign: m?.[2] ?? '',
        subscriber: m?.[3] ?? '',
      }),
  },
  // listmonk unsubscribe (/subscription/) and view-in-browser (/campaign/) pages: {campaign}/{subscriber}
  {
    id: 'listmonk',
    path: new RegExp(`^/(subscription|campaign)/(${UUID})/(${UUID})$`, 'i'),
    apply: (_u, m) =>
      opaque(`listmonk:${m?.[1]}:${m?.[2]}`, { campaign: m?.[2] ?? '', subscriber: m?.[3] ?? '' }),
  },
  // Substack (newer): <publication or substack.com>/redirect/<link uuid>?j=<reader token>
  {
    id: 'substack',
    path: new RegExp(`^/redirect/(${UUID})$`, 'i'),
    apply: (u, m) =>
      u.searchParams.has('j')
        ? opaque(`substack:${m?.[1]?.toLowerCase()}`, { link: m?.[1] ?? '' })
        : null,
  },
  // Ghost newsletters: <site>/r/<8 hex>?m=<member uuid>
  {
    id: 'ghost',
    path: /^\/r\/([0-9a-f]{8})$/,
    apply: (u, m) =>
      u.searchParams.has('m')
        ? opaque(`ghost:${u.hostname}:${m?.[1]}`, { redirect: m?.[1] ?? '' })
        : null,
  },
  // Mautic: /r/<redirect id>?ct=<base64 PHP-serialised ids>; Mautic 1.x also had &r=<original>
  {
    id: 'mautic',
    path: /^\/r\/([0-9a-f]{10,})$/,
    apply: (u, m) =>
      unwrapped(decode.fromParam(u, 'r')) ??
      opaque(`mautic:${u.hostname}:${m?.[1]}`, {
        redirect: m?.[1] ?? '',
        ...decode.decodeMauticClickthrough(u.searchParams.get('ct')),
      }),
  },
];
