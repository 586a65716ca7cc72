/**
 * Table-driven over the sample pages in test/fixtures/sites (see its
 * PROVENANCE.md): each sample is detected by exactly its profile, with roots
 * holding the corpus template's links and none of the webmail's UI links.
 */
import { describe, expect, it } from 'vitest';
import {
  loadSample,
  rootHrefs,
  SAMPLES,
  templateHrefs,
} from '../../test/fixtures/sites/samples.ts';
import { detectPreview, matchProfile, profileForFrame } from './detect.ts';
import { PROFILES } from './profiles.ts';

const positives = SAMPLES.filter((s) => s.expect !== null);

describe('detectPreview on sample pages', () => {
  it.each(SAMPLES.map((s) => [`${s.file} (${s.frame.isTop ? 'top' : 'frame'})`, s] as const))(
    '%s → expected profile',
    (_name, sample) => {
      expect(detectPreview(loadSample(sample), sample.frame)?.profileId ?? null).toBe(
        sample.expect,
      );
    },
  );

  it.each(positives.map((s) => [s.file, s] as const))(
    '%s: one root per message, holding its template links',
    (_n, sample) => {
      const roots = detectPreview(loadSample(sample), sample.frame)?.roots ?? [];
      expect(roots).toHaveLength(sample.templates.length);
      sample.templates.forEach((template, i) => {
        const expected = sample.hrefs?.[i] ?? templateHrefs(template);
        expect(expected.length).toBeGreaterThan(0);
        expect(rootHrefs(roots[i] as Element, sample)).toEqual(expected);
      });
    },
  );

  it.each(positives.filter((s) => s.uiLinks.length > 0).map((s) => [s.file, s] as const))(
    '%s: webmail UI links are in the page but outside the roots',
    (_n, sample) => {
      const doc = loadSample(sample);
      const pageHrefs = Array.from(doc.querySelectorAll('a[href]')).map((a) =>
        a.getAttribute('href'),
      );
      const inRoots = (detectPreview(doc, sample.frame)?.roots ?? []).flatMap((r) =>
        rootHrefs(r, sample),
      );
      for (const ui of sample.uiLinks) {
        expect(pageHrefs).toContain(ui);
        expect(inRoots).not.toContain(ui);
      }
    },
  );
});

describe('specific profiles in isolation', () => {
  const elementProfiles = PROFILES.filter((p) => p.kind === 'elements');
  const cases = elementProfiles.flatMap((p) =>
    SAMPLES.filter((s) => s.expect !== p.id).map((s) => [p.id, s.file, p, s] as const),
  );
  it.each(cases)('%s does not match %s', (_id, _file, profile, sample) => {
    expect(matchProfile(profile, loadSample(sample), sample.frame)).toBeNull();
  });

  const urlProfiles = PROFILES.filter((p) => p.urls !== undefined);
  it.each(urlProfiles.map((p) => [p.id, p] as const))(
    '%s URL rules accept only its own samples',
    (_id, profile) => {
      const offered = SAMPLES.filter((s) => profileForFrame(s.frame).includes(profile)).map(
        (s) => s.file,
      );
      const own = SAMPLES.filter((s) => s.expect === profile.id).map((s) => s.file);
      expect(offered).toEqual(own);
    },
  );
});

describe('detection reports', () => {
  it('gives reason and confidence per profile kind', () => {
    const gmail = SAMPLES.find((s) => s.file === 'gmail/single-message.html');
    const d = gmail && detectPreview(loadSample(gmail), gmail.frame);
    expect(d?.confidence).toBe(0.95);
    expect(d?.reason).toBe('Gmail: .ii.gt div.a3s matched 1 root(s)');
    const raw = SAMPLES.find((s) => s.file === 'view-in-browser/archive-raw.html');
    const v = raw && detectPreview(loadSample(raw), raw.frame);
    expect(v?.confidence).toBe(0.6);
    expect(v?.reason).toBe(
      'Email page (view in browser / archive): email score 6 [email-client-css+2 email-width-container+2 legacy-table-attributes+1 table-layout+1]',
    );
  });
});
