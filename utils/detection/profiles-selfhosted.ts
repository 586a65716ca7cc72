/**
 * Site profiles of self-hosted webmails (data only): they run at any host,
 * so they are recognised by their DOM alone. Selector comments say what the
 * element is and where the knowledge comes from ("webmail-dom.md" is
 * ../shared/corpus/webmail-dom.md; "unverified" where it is silent).
 */
import type { DocumentProfile, ElementProfile } from './types.ts';

export const ROUNDCUBE: ElementProfile = {
  id: 'roundcube',
  name: 'Roundcube (Elastic)',
  kind: 'elements',
  priority: 80,
  // Preview pane: inside iframe#messagecontframe; full view (_action=show): the top page.
  frame: 'any',
  hostRequired: false,
  confidence: 0.95,
  roots: [
    {
      // Washed HTML part: div.message-htmlpart#message-htmlpart<N> > div.rcmBody (email ids/classes prefixed v<N>).
      selector: '#messagebody .message-htmlpart .rcmBody',
      source:
        'webmail-dom.md §Roundcube: skins/elastic/templates/message.html id="messagebody"; program/actions/mail/show.php message_body()',
    },
    {
      // Same parts when the skin leaves the body object without an id (show.php default id).
      selector: '#rcmailMsgBody .message-htmlpart .rcmBody',
      source: 'webmail-dom.md §Roundcube: show.php message_body() default id "rcmailMsgBody"',
    },
    {
      // The washed <body> becomes div.rcmBody only when the email's <body> has no class;
      // with <body class="body"> it is div.v1body (measured on Debian's Roundcube 1.6.5,
      // test/fixtures/sites/roundcube-real/goldstar-welcome.*): the part's first div is the body.
      selector: '#messagebody .message-htmlpart > div, #rcmailMsgBody .message-htmlpart > div',
      source:
        'test/fixtures/sites/roundcube-real (real Roundcube 1.6.5); program/actions/mail/index.php wash_html case "body"',
    },
    {
      // Plain-text part container (links are linkified by Roundcube).
      selector: '#messagebody .message-part, #rcmailMsgBody .message-part',
      source:
        'webmail-dom.md §Roundcube: show.php container class "message-part" for non-HTML parts',
    },
  ],
};

export const SOGO: ElementProfile = {
  id: 'sogo',
  name: 'SOGo',
  kind: 'elements',
  priority: 80,
  frame: 'any',
  hostRequired: false,
  confidence: 0.9,
  roots: [
    {
      // Sanitised HTML part inserted inline (ng-bind-html); in the viewer and in the popup
      // (the same Angular app) the div also carries SOGoHTMLMail-CSS-Delimiter.
      selector: 'div.mailer_htmlcontent',
      source:
        'webmail-dom.md §SOGo: UIxMailPartHTMLViewer.wox; test/fixtures/sites/sogo-real (real SOGo 5.8, viewer and popup)',
    },
  ],
};

export const HORDE: ElementProfile = {
  id: 'horde',
  name: 'Horde IMP',
  kind: 'elements',
  priority: 80,
  // IMP writes each inline HTML part into iframe.htmlMsgData (src="javascript:false"):
  // the frame's own document is the email, in the preview pane and the message window.
  frame: 'child',
  hostRequired: false,
  confidence: 0.9,
  requires: {
    // Horde_Text_Filter_Xss adds this (with the non-standard value-equiv) to every part
    // IMP renders inline outside the minimal view ('noprefetch').
    selector: 'head > meta[http-equiv="x-dns-prefetch-control"][value-equiv="off"]',
    source:
      'php-horde-text-filter Xss.php postProcess (noprefetch) set by imp/lib/Mime/Viewer/Html.php; measured on Debian IMP 6.2.27 (test/fixtures/sites/horde-real)',
  },
  roots: [
    {
      // The whole document IMP_JS.iframeInject wrote (document.write of the sanitised part).
      selector: 'body',
      source:
        'imp/js/imp.js iframeInject; test/fixtures/sites/horde-real (real Horde 5.2.23 / IMP 6.2.27)',
    },
  ],
};

export const ZIMBRA: ElementProfile = {
  id: 'zimbra',
  name: 'Zimbra (Ajax client)',
  kind: 'elements',
  priority: 80,
  // Iframe mode: the iframe's own <body class="MsgBody MsgBody-html">; inline mode: a div in the app page.
  frame: 'any',
  hostRequired: false,
  confidence: 0.9,
  roots: [
    {
      // HTML message body: iframe body (idoc.body.className) or inline div (div.className), both "MsgBody MsgBody-html".
      selector: '.MsgBody.MsgBody-html',
      source:
        'Zimbra/zm-web-client ZmMailMsgView.js _displayContent (read via the code index); webmail-dom.md names className "MsgBody" only',
    },
    {
      // Plain-text message body, same two modes.
      selector: '.MsgBody.MsgBody-text',
      source:
        'webmail-dom.md §Zimbra: plain text styled ".MsgBody-text"; ZmMailMsgView.js as above',
    },
  ],
};

export const ZIMBRA_HTML: DocumentProfile = {
  id: 'zimbra-html',
  name: 'Zimbra (HTML client)',
  kind: 'document',
  priority: 60,
  // The message iframe loads /h/imessage?id=…&part=…: that frame's document is the body.
  frame: 'child',
  hostRequired: false,
  urls: [
    {
      pattern: /\/h\/imessage(?:\?|$)/,
      source:
        'webmail-dom.md §Zimbra: WEB-INF/tags/message/body.tag iframe URL /h/imessage (params id/part/bodypart/xim)',
    },
  ],
  confidence: 0.85,
  minEmailScore: -2,
  requireGate: false,
};
