// @vitest-environment node
/**
 * No user-visible text outside _locales: the UI's sources are parsed and
 * fail on JSX text with letters, on literal user-visible attributes
 * (aria-label, title, placeholder, alt, label), and on string literals that
 * read as prose; every t()/tn() call names a message that exists with the
 * number of substitutions its placeholders take; and every message is used.
 * A literal that is not UI text (a log line, a CSS selector) carries an
 * `i18n-exempt` comment on its line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../public/_locales/en/messages.json' with { type: 'json' };
import type { Catalog } from '../utils/i18n/catalog.ts';

const ROOT = join(import.meta.dirname, '..');
const catalog: Catalog = en;

/** Where UI text lives: the components, the entrypoints, and the utils that word the panel's text. */
const UI_DIRS = [
  'components',
  'entrypoints',
  'utils/panel',
  'utils/audit',
  'utils/overlay',
  'utils/sources',
  'utils/loading',
  'utils/settings/url-check.ts',
];
function sources(dir: string): string[] {
  if (/\.tsx?$/.test(dir)) return [dir];
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((f) => !/\.test\.tsx?$|\/testing\/|\.css\.ts$/.test(f));
}

const VISIBLE_ATTRS = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
]);
/** Prose: two words or more of letters, starting with a capital, or ending a sentence. */
const PROSE = /^(?=.*\p{L}{2,}[\s,;:]+\p{L}{2,})(\p{Lu}|.*[.…:?!]$)/su;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scan(file: string) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines = text.split('\n');
  const hardCoded: Finding[] = [];
  const calls: { file: string; line: number; fn: string; key: string; subs: number }[] = [];
  const literals = new Set<string>();
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  const exempt = (line: number) => /i18n-exempt/.test(lines[line] ?? '');
  const report = (node: ts.Node, value: string) => {
    const line = at(node);
    if (!exempt(line)) hardCoded.push({ file, line: line + 1, text: value.trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (VISIBLE_ATTRS.has(node.name.getText(sf))) report(node, node.initializer.text);
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      literals.add(node.text);
      const inImport =
        ts.isImportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent);
      if (!inImport && PROSE.test(node.text)) report(node, node.text);
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('X');
      if (PROSE.test(parts)) report(node, parts);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const fn = node.expression.text;
      const [first] = node.arguments;
      if ((fn === 't' || fn === 'tn') && first && ts.isStringLiteral(first)) {
        calls.push({
          file,
          line: at(node) + 1,
          fn,
          key: first.text,
          // tn(base, count, ...subs): the count is not a substitution argument.
          subs: node.arguments.length - (fn === 'tn' ? 2 : 1),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { hardCoded, calls, literals };
}

const scanned = UI_DIRS.flatMap(sources).map((file) => ({ file, ...scan(file) }));
const placeholderCount = (key: string) => Object.keys(catalog[key]?.placeholders ?? {}).length;

describe('UI text goes through _locales', () => {
  it('finds the UI sources', () => {
    expect(scanned.length).toBeGreaterThan(40);
  });

  it('has no hard-coded user-visible text', () => {
    const found = scanned.flatMap((s) =>
      s.hardCoded.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`),
    );
    expect(found).toEqual([]);
  });

  it('calls t() and tn() with existing keys and their number of substitutions', () => {
    const wrong = scanned
      .flatMap((s) => s.calls)
      .flatMap((c) => {
        const key = c.fn === 'tn' ? `${c.key}_other` : c.key;
        // tn passes the count as $1 itself.
        const expected = placeholderCount(key) - (c.fn === 'tn' ? 1 : 0);
        return catalog[key] !== undefined && c.subs === expected
          ? []
          : [`${c.file}:${c.line} ${c.fn}('${c.key}') with ${c.subs}, expects ${expected}`];
      });
    expect(wrong).toEqual([]);
  });

  it('uses every message', () => {
    const everywhere = new Set([
      ...scanned.flatMap((s) => [...s.literals]),
      ...sources('utils').flatMap((f) => [...scan(f).literals]),
      ...[...readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map(
        (m) => m[1] ?? '',
      ),
      'locale',
    ]);
    const unused = Object.keys(catalog)
      .map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''))
      .filter((key) => !everywhere.has(key));
    expect([...new Set(unused)]).toEqual([]);
  });
});
