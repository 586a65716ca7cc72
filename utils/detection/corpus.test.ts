/**
 * Every real template of the corpus, served as a page or inside a preview
 * frame, is recognised by the heuristic profiles; the negative pages score
 * far below the thresholds (exact scores pin the weights).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSample, parse, SAMPLES, TEMPLATE_DIR } from '../../test/fixtures/sites/samples.ts';
import { detectPreview } from './detect.ts';
import { passesEmailGate, scoreEmailDocument } from './email-signals.ts';

const templates = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.html'));
const load = (name: string): Document => parse(readFileSync(TEMPLATE_DIR + name, 'utf8'));

describe('all corpus templates', () => {
  it('has the 36 templates described in SOURCES.md', () => {
    expect(templates).toHaveLength(36);
  });

  it.each(templates)('%s is a view-in-browser page at top level', (name) => {
    const frame = {
      isTop: true,
      url: 'https://news.example.com/archive/1',
      origin: 'https://news.example.com',
    };
    expect(detectPreview(load(name), frame)?.profileId).toBe('view-in-browser');
  });

  it.each(templates)('%s is a generic preview in a sandboxed srcdoc frame', (name) => {
    const doc = load(name);
    const d = detectPreview(doc, { isTop: false, url: 'about:srcdoc', origin: 'null' });
    expect(d?.profileId).toBe('generic-frame');
    expect(d?.roots).toEqual([doc.body]);
  });
});

describe('scoreEmailDocument', () => {
  it.each([
    ['cerberus-fluid.html', 18],
    ['mailgun-action-inlined.html', 8],
    ['mailjet-tutorial-welcome.html', 13],
    ['sendwithus-sunday-survey.html', 6],
  ])('%s scores %i', (name, total) => {
    expect(scoreEmailDocument(load(name))?.total).toBe(total);
  });

  it.each([
    ['negative/article.html', true, -2],
    ['negative/docs.html', true, -6],
    ['negative/webapp.html', true, -6],
  ])('%s: gate %s, score %i', (file, gate, total) => {
    const sample = SAMPLES.find((s) => s.file === file);
    if (!sample) throw new Error(`missing sample ${file}`);
    const doc = loadSample(sample);
    expect(passesEmailGate(doc)).toBe(gate);
    expect(scoreEmailDocument(doc)?.total).toBe(total);
  });
});
