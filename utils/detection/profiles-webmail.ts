/**
 * Site profiles of hosted webmails (data only). Each selector carries what it
 * is and where the knowledge comes from: "webmail-dom.md" is
 * ../shared/corpus/webmail-dom.md (public source code quoted there);
 * "unverified" marks what that file does not state.
 * Obfuscated class names (Outlook) change over time: they are fallbacks,
 * tried after the semantic selectors.
 */
import type { ElementProfile } from './types.ts';

export const GMAIL: ElementProfile = {
  id: 'gmail',
  name: 'Gmail',
  kind: 'elements',
  priority: 100,
  frame: 'any',
  hosts: ['mail.google.com'],
  hostSource: 'webmail-dom.md §Gmail: trocker manifest content_scripts match *://mail.google.com/*',
  hostRequired: true,
  confidence: 0.95,
  roots: [
    {
      // Message body block inside the opened-message part; gmail.js skips contenteditable ones (we drop those too).
      selector: '.ii.gt div.a3s',
      source:
        'webmail-dom.md §Gmail: gmail.js api.check.is_inside_email ".ii.gt .a3s", api.dom.email_contents ".ii.gt div.a3s.aXjCH"',
    },
    {
      // Same block when Gmail drops the .ii.gt wrapper classes.
      selector: 'div.a3s',
      source:
        'webmail-dom.md §Gmail: gmail.js api.dom.email body "div.a3s"; gmail-fixed-font CSS ".a3s"',
    },
    {
      // Print view (?view=pt): the whole printed conversation.
      selector: '.maincontent',
      source: 'webmail-dom.md §Gmail: trocker getBody print view ".maincontent"',
    },
  ],
};

export const OUTLOOK: ElementProfile = {
  id: 'outlook',
  name: 'Outlook on the web',
  kind: 'elements',
  priority: 100,
  frame: 'any',
  hosts: [
    'outlook.live.com',
    'outlook.office.com',
    'outlook.office365.com',
    '*.mail.live.com',
    'outlook.cloud.microsoft',
  ],
  hostSource:
    'webmail-dom.md §Outlook: trocker manifest hosts; outlook.cloud.microsoft is unverified (newer Microsoft 365 host, not in webmail-dom.md)',
  hostRequired: true,
  confidence: 0.9,
  roots: [
    {
      // Message body: id "UniqueMessageBody_<n>", one per message of a conversation. Ids and
      // structure, never the aria-label: it is translated ("Message body", "Corps du message",
      // "Nachrichtentext"), so a label rule works in one UI language only.
      selector: 'div[id^="UniqueMessageBody"]',
      source:
        'real captures in public code (code index find_string "UniqueMessageBody_"): a pasted Outlook message view with div#UniqueMessageBody_28.XbIp4.GNqVo; a userscript verified live on outlook.office.com in Lithuanian (div#UniqueMessageBody_1[role=document]); a German reading-pane fixture (div[role=document] > div#UniqueMessageBody_2[aria-label=Nachrichtentext]); PROVENANCE.md §Outlook',
    },
    {
      // Obfuscated body classes: SlLx9 main, Q8TCC popout, r4JeH print, uy30y history, GNqVo quoted, rest older builds.
      selector:
        '.GNqVo, .SlLx9, .Q8TCC, .r4JeH, .uy30y, .XbIp4, .ulb23, .TiApU, ._2Qk4AbDuWwkuLB005ds2jm, .QMubUjbS-BOly_BTHEZj7, .JWNdg1hee9_Rz6bIGvG1c, .uPjvZdP7b0tJmYcRO3HY9',
      source: 'webmail-dom.md §Outlook: trocker EmailOutlook.getBody() list (dated fallbacks)',
    },
  ],
};

export const YAHOO: ElementProfile = {
  id: 'yahoo',
  name: 'Yahoo Mail',
  kind: 'elements',
  priority: 100,
  frame: 'any',
  hosts: ['mail.yahoo.com'],
  hostSource: 'webmail-dom.md summary table: Yahoo Mail (mail.yahoo.com)',
  hostRequired: true,
  confidence: 0.95,
  roots: [
    {
      // Body of an expanded message view. trocker also lists [data-test-id="rte"], left out: it is the rich-text editor.
      selector: '[data-test-id="message-view-body-content"]',
      source: 'webmail-dom.md §Yahoo: trocker EmailYMail body selector',
    },
    {
      // The same body by its class, under the message view's body wrapper. A bare
      // ".msg-body" (trocker's fallback) also matches SOGo's own div.msg-body.
      selector: '[data-test-id="message-view-body"] > .msg-body',
      source:
        'webmail-dom.md §Yahoo: trocker fallback ".msg-body"; structure from real Yahoo message views pasted into mailing-list replies (code index find_string "message-view-body-content": div[data-test-id=message-view-body] > div.msg-body[data-test-id=message-view-body-content], class names prefixed "ydp…" by the paste)',
    },
  ],
};

export const PROTON: ElementProfile = {
  id: 'proton',
  name: 'Proton Mail',
  kind: 'elements',
  priority: 100,
  // The body lives in iframe[data-testid="content-iframe"] (src about:blank, content written by script).
  frame: 'child',
  hosts: ['mail.proton.me', 'mail.protonmail.com'],
  hostSource:
    'unverified: webmail-dom.md does not name Proton hosts; the iframe inherits the app origin (about:blank)',
  hostRequired: true,
  confidence: 0.9,
  roots: [
    {
      // Root div written into the message iframe; holds the email (and the quoted-blockquote toggle).
      selector: '#proton-root',
      source:
        'ProtonMail/WebClients message/constants.ts MESSAGE_IFRAME_ROOT_ID and helpers/getIframeHtml.ts (read via the code index; webmail-dom.md names only the iframe)',
    },
  ],
};
