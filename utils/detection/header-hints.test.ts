// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeaderHints } from './header-hints.ts';

const site = (path: string) => {
  const html = readFileSync(join(process.cwd(), 'test/fixtures/sites', path), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
};

describe('readHeaderHints on captured webmail pages', () => {
  it.each([
    [
      'roundcube-real/postmark-welcome.preview-frame.html',
      {
        subject: 'Welcome to Northwind Cloud, Dana!',
        sender: 'Northwind Cloud <hello@northwind-cloud.com>',
      },
    ],
    [
      'gmail/single-message.html',
      { subject: 'Your weekly update', sender: 'Example News <news@example.com>' },
    ],
    ['roundcube/preview-frame.html', { subject: 'Your weekly update', sender: null }],
    [
      'sogo-real/viewer.html',
      {
        subject: 'Welcome to Northwind Cloud, Dana!',
        sender: 'Northwind Cloud <hello@northwind-cloud.com>',
      },
    ],
    [
      'sogo-real/popup.html',
      {
        subject: 'Welcome to Northwind Cloud, Dana!',
        sender: 'Northwind Cloud <hello@northwind-cloud.com>',
      },
    ],
    ['generic-frame/srcdoc.html', { subject: null, sender: null }],
    ['negative/article.html', { subject: null, sender: null }],
  ])('%s', (path, expected) => {
    expect(readHeaderHints(site(path))).toEqual(expected);
  });
});
