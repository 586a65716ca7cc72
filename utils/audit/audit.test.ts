// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { templateHtml } from '../../test/fixtures/links/corpus.ts';
import { extractLinks } from '../links/extract.ts';
import type { LinkBox } from '../links/extract.ts';
import { auditPlacements } from './audit.ts';
import { auditRows, auditToCsv } from './audit-csv.ts';
import { groupFindings } from './groups.ts';
import { isInTextLink } from './in-text.ts';

function placementsOf(html: string, measure?: (element: Element) => LinkBox | null) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return extractLinks(doc, measure ? { measure } : {});
}
const auditTemplate = (file: string) => auditPlacements(placementsOf(templateHtml(file)));
const tuples = (file: string) =>
  auditTemplate(file).findings.map((f) => [f.placementOrdinal ?? null, f.rule]);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('pre-send audit over real templates', () => {
  it.each([
    ['colorlib-14.html', 25],
    ['colorlib-2.html', 20],
    ['colorlib-24.html', 10],
    ['colorlib-5.html', 25],
  ])('%s: every one of its %i links is a "#" placeholder, nothing else', (file, links) => {
    const result = auditTemplate(file);
    expect(result.placements.map((p) => p.number)).toEqual(range(1, links + 1));
    expect(tuples(file)).toEqual(range(0, links).map((i) => [i, 'placeholder-href']));
    expect(result.counts).toEqual({ error: links, warning: 0, info: 0 });
  });

  it.each([
    [
      'postmark-basic-full-example.html',
      [
        [2, 'insecure-http'],
        [2, 'duplicate-destination'],
        [3, 'insecure-http'],
        [4, 'insecure-http'],
        [5, 'merge-tag'],
        [6, 'merge-tag'],
        [7, 'insecure-http'],
        [8, 'merge-tag'],
        [null, 'no-unsubscribe'],
      ],
    ],
    [
      'postmark-basic-full-welcome.html',
      [
        [1, 'merge-tag'],
        [2, 'merge-tag'],
        [2, 'mailto'],
        [3, 'merge-tag'],
        [4, 'merge-tag'],
        [null, 'no-unsubscribe'],
      ],
    ],
    [
      'leemunroe-email-inlined.html',
      [
        [0, 'insecure-http'],
        [0, 'duplicate-destination'],
        [1, 'insecure-http'],
        [2, 'insecure-http'],
      ],
    ],
    [
      'cerberus-hybrid.html',
      [
        [0, 'duplicate-destination'],
        [null, 'no-unsubscribe'],
      ],
    ],
    [
      'sendgrid-design-editor-paste-password-reset.html',
      [
        [0, 'empty-href'],
        [2, 'merge-tag'],
      ],
    ],
    [
      'sendgrid-dynamic-special_sale.html',
      [
        [0, 'merge-tag'],
        [1, 'merge-tag'],
        [2, 'merge-tag'],
        [3, 'relative-href'],
        [4, 'relative-href'],
        [5, 'relative-href'],
        [6, 'relative-href'],
        [7, 'relative-href'],
        [8, 'merge-tag'],
        [9, 'merge-tag'],
      ],
    ],
    [
      'sendwithus-goldstar-survey.html',
      [
        ...range(0, 16).map((i) => [i, 'placeholder-href']),
        [16, 'insecure-http'],
        [17, 'mailto'],
        [18, 'tel'],
        [null, 'no-unsubscribe'],
      ],
    ],
    [
      'sendwithus-oxygen-invite.html',
      [
        ...range(0, 7).map((i) => [i, 'empty-href']),
        [7, 'insecure-http'],
        ...range(8, 16).map((i) => [i, 'empty-href']),
        [null, 'no-unsubscribe'],
      ],
    ],
  ])('%s', (file, expected) => {
    expect(tuples(file)).toEqual(expected);
  });

  it('words findings with the placement number and what was found', () => {
    const messages = auditTemplate('postmark-basic-full-example.html').findings.map(
      (f) => f.message,
    );
    expect(messages).toContain(
      'Links #3, #4, #5, #8 go to one destination with different texts ("Danger Button", "Success button", "Default button", "Use this discount now..."): a per-URL report cannot tell them apart.',
    );
    expect(messages).toContain(
      'Link #9 holds unresolved merge tags {{action_url}}: check they are filled when sent.',
    );
    const sendgrid = auditTemplate('sendgrid-dynamic-special_sale.html').findings.map(
      (f) => f.message,
    );
    expect(sendgrid).toContain(
      'Link #4 is not an absolute URL (facebook.com): an email has no page for it to be relative to.',
    );
  });

  it('exports one CSV row per finding through the shared CSV writer', () => {
    const result = auditTemplate('cerberus-hybrid.html');
    expect(auditRows(result)).toEqual([
      [
        1,
        'warning',
        'duplicate-destination',
        'https://google.com/',
        'Centered Primary Button',
        'Links #1, #2, #3 go to one destination with different texts ("Centered Primary Button", "Primary Button"): a per-URL report cannot tell them apart.',
      ],
      [
        null,
        'warning',
        'no-unsubscribe',
        null,
        null,
        'No unsubscribe link found: bulk mail needs one (and a List-Unsubscribe header).',
      ],
    ]);
    const csv = auditToCsv(result);
    expect(
      csv.startsWith('\uFEFF#,Severity,Rule,Link,Text,Message\r\n1,warning,duplicate-destination,'),
    ).toBe(true);
    expect(csv.endsWith('Links,3\r\nErrors,0\r\nWarnings,2\r\nInfo,0\r\n')).toBe(true);
  });
});

describe('pre-send audit rules on crafted bodies', () => {
  const body = (links: string) =>
    `<html><body>${links}<a href="https://x.example/unsubscribe">Unsubscribe</a></body></html>`;

  it('flags links without UTM when others have them', () => {
    const result = auditPlacements(
      placementsOf(
        body(
          '<a href="https://a.example/?utm_source=nl">A</a><a href="https://b.example/">B</a><a href="mailto:x@y.z">Mail</a>',
        ),
      ),
    );
    expect(result.findings.map((f) => [f.placementOrdinal, f.rule, f.severity])).toEqual([
      [1, 'missing-utm', 'warning'],
      [2, 'mailto', 'info'],
    ]);
    expect(result.findings[0]?.message).toBe(
      'Link #2 has no utm_ parameters while 1 of 2 links do.',
    );
  });

  it('flags javascript: as an error and links in hidden content', () => {
    const result = auditPlacements(
      placementsOf(
        body(
          '<a href="javascript:alert(1)">Go</a><div style="display:none"><a href="https://a.example/">Hidden</a></div>',
        ),
      ),
    );
    expect(result.findings.map((f) => [f.placementOrdinal, f.rule, f.severity])).toEqual([
      [0, 'unsafe-scheme', 'error'],
      [1, 'hidden-link', 'warning'],
    ]);
    expect(result.findings[0]?.message).toBe(
      'Link #1 uses javascript: — mail clients strip or block it.',
    );
  });

  it('flags measured tap targets under 44×44 px and links measured as not visible', () => {
    const boxes: Record<string, LinkBox> = {
      small: { width: 80, height: 18.4, visible: true },
      big: { width: 200, height: 48, visible: true },
      clipped: { width: 200, height: 48, visible: false },
    };
    const measure = (element: Element) => boxes[element.textContent ?? ''] ?? null;
    const result = auditPlacements(
      placementsOf(
        body(
          '<a href="https://a.example/1">small</a><a href="https://a.example/2">big</a><a href="https://a.example/3">clipped</a>',
        ),
        measure,
      ),
    );
    expect(result.findings.map((f) => [f.placementOrdinal, f.rule])).toEqual([
      [0, 'small-tap-target'],
      [2, 'hidden-link'],
    ]);
    expect(result.findings[0]?.message).toBe('Link #1 is 80×18 px, under the 44×44 px tap target.');
  });
});

describe('tap targets: buttons and standalone links only', () => {
  const small: LinkBox = { width: 60, height: 17, visible: true };
  const html = `<html><body><table><tr>
    <td><p>Read <a href="https://a.example/story">the full story</a> on our site.</p></td>
    <td><a href="https://a.example/buy" style="padding:4px">Buy now</a></td>
    <td><a href="https://a.example/img"><img src="x.png" alt="Hero" width="60" height="17"></a> Caption text</td>
    <td class="footer"><a href="https://a.example/unsubscribe">Unsubscribe</a> | <a href="https://a.example/prefs">Preferences</a></td>
    <td><p>Questions? <a href="mailto:help@a.example">Write to us</a></p></td>
  </tr></table></body></html>`;

  it('knows which links sit in a sentence', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect([...doc.querySelectorAll('a')].map(isInTextLink)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('flags small standalone links and buttons, not inline text links', () => {
    const measure = (element: Element): LinkBox => ({ ...small, inText: isInTextLink(element) });
    const findings = auditPlacements(placementsOf(html, measure)).findings;
    expect(
      findings.filter((f) => f.rule === 'small-tap-target').map((f) => f.placementOrdinal),
    ).toEqual([1, 2, 3, 4]);
  });
});

describe('findings grouped by rule with a severity filter', () => {
  const result = auditTemplate('sendwithus-goldstar-survey.html');

  it('one group per rule, worst first, every finding once', () => {
    const groups = groupFindings(result.findings);
    expect(groups.map((g) => [g.rule, g.severity, g.findings.length])).toEqual([
      ['placeholder-href', 'error', 16],
      ['insecure-http', 'warning', 1],
      ['no-unsubscribe', 'warning', 1],
      ['mailto', 'info', 1],
      ['tel', 'info', 1],
    ]);
    expect(groups.flatMap((g) => g.findings)).toHaveLength(result.findings.length);
  });

  it.each([
    ['error', ['placeholder-href']],
    ['warning', ['placeholder-href', 'insecure-http', 'no-unsubscribe']],
  ] as const)('at %s or worse: %j', (minimum, rules) => {
    expect(groupFindings(result.findings, minimum).map((g) => g.rule)).toEqual(rules);
  });
});
