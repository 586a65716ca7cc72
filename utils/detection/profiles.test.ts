/**
 * The profile data is well-formed: valid selectors, a provenance note on
 * every selector and URL rule, unique ids, priority order, probes.
 */
import { describe, expect, it } from 'vitest';
import { loadSample, SAMPLES } from '../../test/fixtures/sites/samples.ts';
import { probeSelector, PROFILES, ROUNDCUBE } from './profiles.ts';

const rules = PROFILES.flatMap((p) =>
  p.kind === 'elements' ? p.roots.map((r) => [p.id, r] as const) : [],
);

describe('site profiles', () => {
  it('has the thirteen profiles, highest priority first', () => {
    expect(PROFILES.map((p) => p.id)).toEqual([
      'gmail',
      'outlook',
      'yahoo',
      'proton',
      'roundcube',
      'sogo',
      'horde',
      'zimbra',
      'zimbra-html',
      'listmonk',
      'mautic',
      'generic-frame',
      'view-in-browser',
    ]);
    const priorities = PROFILES.map((p) => p.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });

  it.each(rules)('%s selector %j is valid CSS and has a source', (_id, rule) => {
    expect(() => document.querySelector(rule.selector)).not.toThrow();
    expect(rule.source.length).toBeGreaterThan(20);
  });

  // A label is translated ("Message body" is "Corps du message" in French Outlook):
  // a rule on one works in one UI language only. Ids, classes and structure only.
  it.each(rules)('%s selector %j does not depend on the UI language', (_id, rule) => {
    expect(rule.selector).not.toMatch(/\[(aria-label|title|alt|placeholder)\s*[~|^$*]?=/i);
    expect(rule.selector).not.toMatch(/:contains|:has-text/i);
  });

  it('documents every URL rule and host list', () => {
    for (const p of PROFILES) {
      for (const u of p.urls ?? []) expect(u.source.length).toBeGreaterThan(20);
      if (p.hosts) expect(p.hostSource?.length ?? 0).toBeGreaterThan(20);
      expect(p.hostRequired).toBe(p.hosts !== undefined);
    }
  });

  it('joins the root rules of a profile into one probe selector', () => {
    expect(probeSelector(ROUNDCUBE)).toBe(
      '#messagebody .message-htmlpart .rcmBody, #rcmailMsgBody .message-htmlpart .rcmBody, ' +
        '#messagebody .message-htmlpart > div, #rcmailMsgBody .message-htmlpart > div, ' +
        '#messagebody .message-part, #rcmailMsgBody .message-part',
    );
  });

  it.each(SAMPLES.filter((s, i) => SAMPLES.findIndex((t) => t.file === s.file) === i))(
    'the probe finds a root on $file exactly where one of the root rules does',
    (sample) => {
      const doc = loadSample(sample);
      for (const p of PROFILES) {
        if (p.kind !== 'elements') continue;
        const byRules = p.roots.filter((r) => doc.querySelector(r.selector) !== null).length;
        const traced = p.requires === undefined || doc.querySelector(p.requires.selector) !== null;
        expect([p.id, doc.querySelector(probeSelector(p)) !== null]).toEqual([
          p.id,
          traced && byRules > 0,
        ]);
      }
    },
  );
});
