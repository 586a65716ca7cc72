/**
 * Profiles where the frame's whole document is the email (data only): ESP
 * preview endpoints recognised by URL, and the heuristic profiles for any
 * frame / top page that looks like an email (see email-signals.ts for the
 * markers). Sources: ../shared/corpus/webmail-dom.md unless stated.
 */
import type { DocumentProfile } from './types.ts';

export const LISTMONK: DocumentProfile = {
  id: 'listmonk',
  name: 'listmonk campaign/template preview',
  kind: 'document',
  priority: 60,
  // CampaignPreview.vue: iframe#iframe[name=iframe][sandbox=allow-scripts] in section.modal-card-body.preview,
  // src = preview URL or a POST form targeting it; sandboxed, so only the frame itself can read it.
  frame: 'child',
  hostRequired: false,
  urls: [
    {
      pattern: /\/api\/campaigns\/\d+\/preview\/?$/,
      source:
        'webmail-dom.md §ESP: GET /api/campaigns/:id/preview; knadh/listmonk cmd/handlers.go also POST (code index)',
    },
    {
      pattern: /\/api\/templates\/(?:\d+\/)?preview\/?$/,
      source:
        'knadh/listmonk cmd/handlers.go GET /api/templates/:id/preview, POST /api/templates/preview (code index)',
    },
  ],
  confidence: 0.9,
  minEmailScore: -2,
  requireGate: false,
};

export const MAUTIC: DocumentProfile = {
  id: 'mautic',
  name: 'Mautic email preview',
  kind: 'document',
  priority: 60,
  // Public route renders the email as the page; it may also be framed by Mautic's own UI (unverified).
  frame: 'any',
  hostRequired: false,
  urls: [
    {
      // Not anchored at the start: Mautic is often installed under /index.php or a sub-folder.
      pattern: /\/email\/preview\/\d+(?:\/[\w-]+)?\/?(?:\?|$)/,
      source:
        'webmail-dom.md §ESP: route mautic_email_preview /email/preview/{objectId} (newer /{objectId}/{objectType})',
    },
  ],
  confidence: 0.85,
  minEmailScore: 0,
  requireGate: false,
};

export const GENERIC_FRAME: DocumentProfile = {
  id: 'generic-frame',
  name: 'ESP preview frame (generic)',
  kind: 'document',
  priority: 20,
  // src, srcdoc, sandboxed srcdoc, about:blank written by script, nested: any non-top frame.
  frame: 'child',
  hostRequired: false,
  confidence: 0.7,
  minEmailScore: 4,
  requireGate: true,
};

export const VIEW_IN_BROWSER: DocumentProfile = {
  id: 'view-in-browser',
  name: 'Email page (view in browser / archive)',
  kind: 'document',
  priority: 10,
  // A top-level page is far more often not an email: stricter threshold than in frames.
  frame: 'top',
  hostRequired: false,
  confidence: 0.6,
  minEmailScore: 6,
  requireGate: true,
};
