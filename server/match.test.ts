// @vitest-environment node
/**
 * POST /v1/match's link evidence for emails whose links are all click-tracked:
 * stable per-link keys (Mailchimp u+id) match exactly; per-reader tokens
 * (SendGrid upn) match by placement when link texts agree.
 */
import { describe, expect, it } from 'vitest';
import type { TemplateVersion } from '../utils/report/model.ts';
import { matchPreview } from './match.ts';
import { placementsFromHtml } from './placements.ts';

const reverse = (text: string) => [...text].reverse().join('');
const TEXTS = ['Read the story', 'Shop the sale', 'Watch the video', 'Our podcast'];
const OTHER_TEXTS = ['Pricing', 'Careers', 'Docs', 'Status page'];

const mailchimp = (i: number, reader: string) =>
  `https://acme.us9.list-manage.com/track/click?u=e9492ff27d760c578a39d0675&id=f4a9013c9${i}&e=${reader}`;
const sendgrid = (i: number, reader: string) =>
  `https://url9399.acme.example/ls/click?upn=u001.${reader}Qx${i}Zz-2F98sPqCeAdo-2BDP8wpIL`;

function version(id: string, links: string[], texts: string[]): TemplateVersion {
  const body = links.map((href, i) => `<p><a href="${href}">${texts[i]}</a></p>`).join('');
  return {
    id,
    templateId: `t-${id}`,
    contentHash: id,
    createdAt: 0,
    placements: placementsFromHtml(`<html><body>${body}</body></html>`),
  };
}

describe('matchPreview with click-tracked emails', () => {
  it('stable tracking keys (Mailchimp) identify the template; before, tracked links were ignored', () => {
    const versions = [
      version(
        'news',
        TEXTS.map((_t, i) => mailchimp(i, '0e436c5282')),
        TEXTS,
      ),
      version(
        'other',
        TEXTS.map((_t, i) => mailchimp(i + 5, '0e436c5282')),
        TEXTS,
      ),
    ];
    const hrefs = TEXTS.map((_t, i) => mailchimp(i, 'ffffffffff'));
    const result = matchPreview({ hrefs }, versions, []);
    expect(result.best?.versionId).toBe('news');
    expect(result.best?.confidence).toBe(0.7);
    expect(result.candidates.map((c) => c.versionId)).toEqual(['news']);
  });

  it('per-reader tokens (SendGrid) match by placement when texts agree, with the evidence named', () => {
    const versions = [
      version(
        'news',
        TEXTS.map((_t, i) => sendgrid(i, 'READERA')),
        TEXTS,
      ),
      version(
        'other',
        OTHER_TEXTS.map((_t, i) => sendgrid(i, 'READERA')),
        OTHER_TEXTS,
      ),
    ];
    const hrefs = TEXTS.map((_t, i) => sendgrid(i, reverse('READERB')));
    const result = matchPreview({ hrefs, texts: TEXTS }, versions, []);
    expect(result.best?.versionId).toBe('news');
    expect(result.best?.confidence).toBeGreaterThan(0.6);
    expect(result.best?.reasons).toContain(
      '4 per-reader tracking links matched by placement (text, order, position)',
    );
    // Order alone does not tell two templates of one ESP apart.
    expect(result.candidates.find((c) => c.versionId === 'other')).toBeUndefined();
  });

  it('without texts, per-reader tokens give no link evidence (no guess by count)', () => {
    const versions = [
      version(
        'news',
        TEXTS.map((_t, i) => sendgrid(i, 'READERA')),
        TEXTS,
      ),
    ];
    const hrefs = TEXTS.map((_t, i) => sendgrid(i, 'READERB'));
    expect(matchPreview({ hrefs }, versions, []).best).toBeNull();
  });

  it('mailto, tel and anchors still do not count', () => {
    const versions = [version('v', ['mailto:a@b.org', 'tel:+1', '#top'], ['a', 'b', 'c'])];
    expect(
      matchPreview({ hrefs: ['mailto:a@b.org', 'tel:+1', '#top'] }, versions, []).best,
    ).toBeNull();
  });
});

describe('matchPreview on weak evidence (issue 11: no report for unrelated links)', () => {
  const mergeTagOnly = version('bait', ['{{action_url}}'], ['Confirm']);

  it('a merge-tag-only placement never matches alone (was 0.175, "1 of 1 preview links match")', () => {
    const result = matchPreview(
      { hrefs: ['https://attacker.invalid/confirm?u=42'] },
      [mergeTagOnly],
      [],
    );
    expect(result).toEqual({ best: null, candidates: [] });
  });

  it("a personalised link's domain alone is weak too, but counts with an equal subject", () => {
    const personal = {
      ...version('shop', ['https://shop.example.com/p/{{id}}'], ['Your pick']),
      subject: 'Your weekly picks',
    };
    const hrefs = ['https://shop.example.com/p/991'];
    expect(matchPreview({ hrefs }, [personal], []).best).toBeNull();
    const withSubject = matchPreview({ hrefs, subject: 'Your weekly picks' }, [personal], []);
    expect(withSubject.best?.versionId).toBe('shop');
    expect(withSubject.best?.reasons).toEqual([
      "0 of 1 preview links equal links of version shop (1 distinct); weak evidence: 1 by a personalised link's domain",
      'subject matches',
    ]);
  });

  it('next to exact links, merge-tag stand-ins count, and the reason names them as weak', () => {
    const mixed = version(
      'welcome',
      ['https://acme.example/docs', 'https://acme.example/pricing', '{{action_url}}'],
      ['Docs', 'Pricing', 'Start'],
    );
    const result = matchPreview(
      {
        hrefs: [
          'https://acme.example/docs',
          'https://acme.example/pricing',
          'https://app.acme.example/start?token=xyz',
        ],
      },
      [mixed],
      [],
    );
    expect(result.best?.confidence).toBe(0.7);
    expect(result.best?.reasons).toEqual([
      '2 of 3 preview links equal links of version welcome (3 distinct); weak evidence: 1 standing in for merge-tag-only links',
    ]);
  });

  it('a version sharing one link of many is below the minimum confidence: no match', () => {
    const links = TEXTS.map((_t, i) => `https://acme.example/page-${i}`);
    const other = version('other', links, TEXTS);
    const hrefs = [links[0]!, ...OTHER_TEXTS.map((_t, i) => `https://elsewhere.example/${i}`)];
    expect(matchPreview({ hrefs }, [other], []).best).toBeNull();
  });
});
