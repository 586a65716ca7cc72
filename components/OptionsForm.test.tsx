import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../utils/settings/settings.ts';
import { OptionsForm, type OptionsFormProps } from './OptionsForm.tsx';
import { click, fire, mount, type Mounted } from './testing/mount.ts';

let view: Mounted | null = null;
afterEach(() => view?.unmount());

function renderForm(initial: Settings, overrides: Partial<OptionsFormProps> = {}) {
  const props = {
    initial,
    requestAccess: vi.fn(async () => true),
    save: vi.fn(async () => {}),
    checkConnection: vi.fn(async () => ({ ok: true, detail: 'Connected.' })),
    background: 'Background worker answering, version 0.1.0.',
    ...overrides,
  };
  view = mount(<OptionsForm {...props} />);
  return { view, props };
}

function type(v: Mounted, selector: string, value: string) {
  const input = v.$(selector) as HTMLInputElement;
  input.value = value;
  fire(input, new Event('input', { bubbles: true }));
}

function choose(v: Mounted, selector: string) {
  click(v.$(selector));
}

const submit = (v: Mounted) => fire(v.$('form'), new Event('submit', { cancelable: true }));
const statusOf = (v: Mounted) => [v.$('#status').dataset.kind, v.$('#status').textContent];

const MIGRATED = parseSettings({ apiUrl: 'http://127.0.0.1:8787', token: 'demo' });

describe('OptionsForm', () => {
  test('shows settings migrated from the single-API shape', () => {
    const { view } = renderForm(MIGRATED);
    expect((view.$('input[value="clickmap-api"]') as HTMLInputElement).checked).toBe(true);
    expect((view.$('#apiUrl') as HTMLInputElement).value).toBe('http://127.0.0.1:8787');
    expect((view.$('#token') as HTMLInputElement).value).toBe('demo');
    expect(view.$('#background-state').textContent).toBe(
      'Background worker answering, version 0.1.0.',
    );
  });

  test('Mailchimp: data centre from the key; asks for that host only; keeps the other source', async () => {
    const { view, props } = renderForm(MIGRATED);
    choose(view, 'input[value="mailchimp"]');
    type(view, '#mailchimpKey', '0123456789abcdef0123456789abcdef-us11');
    expect(view.$('.source-fields .hint').textContent).toBe(
      'Data centre us11: requests go to https://us11.api.mailchimp.com/3.0',
    );
    submit(view);
    await vi.waitFor(() => expect(statusOf(view)).toEqual(['ok', 'Connected.']));
    expect(props.requestAccess).toHaveBeenCalledWith(['https://us11.api.mailchimp.com/*']);
    expect(props.save).toHaveBeenCalledWith({
      sources: [
        { kind: 'clickmap-api', apiUrl: 'http://127.0.0.1:8787', token: 'demo' },
        { kind: 'mailchimp', apiKey: '0123456789abcdef0123456789abcdef-us11' },
      ],
      activeSource: 'mailchimp',
      includeMachineClicks: true,
      sendSubjectAndSender: true,
      enabledSites: [],
      disabledSites: [],
    });
  });

  test('a fresh install offers the Click Map API; the legend names the chosen source', () => {
    const { view } = renderForm(DEFAULT_SETTINGS);
    expect(view.$('legend').textContent).toBe('Report source: Click Map API');
    choose(view, 'input[value="listmonk"]');
    expect(view.$('legend').textContent).toBe('Report source: listmonk');
    expect(view.$$('#listmonkUrl, #listmonkUser, #listmonkToken')).toHaveLength(3);
  });

  test('a denied permission still saves, with the CORS warning', async () => {
    const { view, props } = renderForm(DEFAULT_SETTINGS, {
      requestAccess: vi.fn(async () => false),
      checkConnection: vi.fn(async () => ({ ok: false, detail: 'Request failed: CORS' })),
    });
    choose(view, 'input[value="listmonk"]');
    type(view, '#listmonkUrl', 'https://lists.example.org/');
    type(view, '#listmonkUser', 'api');
    type(view, '#listmonkToken', 's3cret');
    submit(view);
    await vi.waitFor(() => expect(props.checkConnection).toHaveBeenCalled());
    await vi.waitFor(() =>
      expect(statusOf(view)).toEqual([
        'warning',
        'Saved, but access to https://lists.example.org/* was not granted: requests will work only if that server sends CORS headers allowing the extension. Request failed: CORS',
      ]),
    );
    expect(props.save).toHaveBeenCalledWith(
      expect.objectContaining({
        activeSource: 'listmonk',
        sources: [
          {
            kind: 'listmonk',
            baseUrl: 'https://lists.example.org/',
            username: 'api',
            token: 's3cret',
          },
        ],
      }),
    );
  });

  test('an invalid source is neither saved nor asked for', async () => {
    const { view, props } = renderForm(DEFAULT_SETTINGS);
    choose(view, 'input[value="mautic"]');
    type(view, '#mauticUrl', 'http://mautic.example.com');
    submit(view);
    await vi.waitFor(() =>
      expect(statusOf(view)).toEqual([
        'error',
        'Use https: plain http is allowed only for 127.0.0.1 / localhost.',
      ]),
    );
    expect(props.requestAccess).not.toHaveBeenCalled();
    expect(props.save).not.toHaveBeenCalled();
  });

  test('Mautic with an OAuth2 token', async () => {
    const { view, props } = renderForm(DEFAULT_SETTINGS);
    choose(view, 'input[value="mautic"]');
    type(view, '#mauticUrl', 'https://mautic.example.com');
    choose(view, 'input[value="oauth"]');
    expect(view.$$('#mauticPassword')).toHaveLength(0);
    type(view, '#mauticToken', 'tok');
    submit(view);
    await vi.waitFor(() => expect(props.save).toHaveBeenCalled());
    expect(props.requestAccess).toHaveBeenCalledWith(['https://mautic.example.com/*']);
    expect(props.save).toHaveBeenCalledWith(
      expect.objectContaining({
        sources: [
          {
            kind: 'mautic',
            baseUrl: 'https://mautic.example.com',
            auth: 'oauth',
            username: '',
            password: '',
            accessToken: 'tok',
          },
        ],
      }),
    );
  });

  test('no source: saved without any permission request', async () => {
    const { view, props } = renderForm(MIGRATED);
    choose(view, 'input[name="activeSource"][value=""]');
    submit(view);
    await vi.waitFor(() =>
      expect(statusOf(view)).toEqual([
        'info',
        'Saved. No source: only "Check links" is available.',
      ]),
    );
    expect(props.requestAccess).not.toHaveBeenCalled();
    expect(props.save).toHaveBeenCalledWith(
      expect.objectContaining({ activeSource: null, sources: MIGRATED.sources }),
    );
  });

  test('Brevo: its fields come from its descriptor; saving asks for api.brevo.com only', async () => {
    const { view, props } = renderForm(DEFAULT_SETTINGS);
    choose(view, 'input[name="activeSource"][value="brevo"]');
    expect(view.$('legend').textContent).toBe('Report source: Brevo');
    type(view, '#brevoKey', 'xkeysib-abc');
    submit(view);
    await vi.waitFor(() => expect(props.save).toHaveBeenCalled());
    expect(props.requestAccess).toHaveBeenCalledWith(['https://api.brevo.com/*']);
    expect(props.save).toHaveBeenCalledWith(
      expect.objectContaining({
        activeSource: 'brevo',
        sources: [{ kind: 'brevo', apiKey: 'xkeysib-abc' }],
      }),
    );
  });

  test('feedback right after Save while the permission prompt is open', async () => {
    let answer: (granted: boolean) => void = () => {};
    const requestAccess = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const { view } = renderForm(MIGRATED, { requestAccess });
    submit(view);
    expect(statusOf(view)).toEqual([
      'info',
      'Saving… your browser asks for access to http://127.0.0.1/*.',
    ]);
    answer(true);
    await vi.waitFor(() => expect(statusOf(view)).toEqual(['ok', 'Connected.']));
  });

  test('an error is cleared when the source changes', async () => {
    const { view } = renderForm(MIGRATED);
    type(view, '#apiUrl', 'not a url');
    submit(view);
    await vi.waitFor(() => expect(statusOf(view)[0]).toBe('error'));
    choose(view, 'input[value="mailchimp"]');
    expect(statusOf(view)).toEqual([undefined, '']);
  });
});

describe('options page contrast', () => {
  const css = readFileSync(join(import.meta.dirname, '../entrypoints/options/options.css'), 'utf8');
  const lum = (hex: string) => {
    const lin = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  };
  const ratio = (a: string, b: string) =>
    (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);

  test.each([
    '.hint',
    ".status[data-kind='error']",
    ".status[data-kind='ok']",
    ".status[data-kind='warning']",
  ])('%s has 4.5:1 on the light (#ffffff) and dark (#121212) canvas', (selector) => {
    const block = css.slice(css.indexOf(`${selector} {`));
    const m = /color: light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)/.exec(block);
    expect(m).not.toBeNull();
    expect(ratio(m![1]!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio(m![2]!, '#121212')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('OptionsForm sites', () => {
  test('sites: asks for the source and every enabled host in one prompt, never all hosts', async () => {
    const { view, props } = renderForm(MIGRATED);
    choose(view, 'input[name="site"][value="gmail"]');
    type(
      view,
      '#customSites',
      'https://Mail.Example.com:8443/roundcube/\nnot a host\nlists.example.org',
    );
    expect(view.$('.sites [role="alert"]').textContent).toBe(
      '"not a host" is not a host name (e.g. mail.example.com).',
    );
    type(view, '#disabledSites', 'lists.example.org');
    submit(view);
    await vi.waitFor(() => expect(statusOf(view)).toEqual(['ok', 'Connected.']));
    expect(props.requestAccess).toHaveBeenCalledWith([
      'http://127.0.0.1/*',
      '*://mail.example.com/*',
      '*://mail.google.com/*',
    ]);
    expect(props.save).toHaveBeenCalledWith(
      expect.objectContaining({
        enabledSites: ['mail.google.com', 'mail.example.com', 'lists.example.org'],
        disabledSites: ['lists.example.org'],
      }),
    );
  });

  test('sites refused: saved, with a warning that the lens will not run there', async () => {
    const { view, props } = renderForm(DEFAULT_SETTINGS, {
      requestAccess: vi.fn(async () => false),
    });
    choose(view, 'input[name="activeSource"][value=""]');
    type(view, '#customSites', 'mail.example.com');
    submit(view);
    await vi.waitFor(() => expect(props.save).toHaveBeenCalled());
    await vi.waitFor(() =>
      expect(statusOf(view)).toEqual([
        'warning',
        'Saved, but access to *://mail.example.com/* was not granted: the lens runs only where access is granted (the toolbar button still opens it once per tab). Saved. No source: only "Check links" is available.',
      ]),
    );
  });

  test('privacy: says what is sent, and the switch keeps subject and sender in the browser', async () => {
    const { view, props } = renderForm(MIGRATED);
    expect(view.$('#privacy-text').textContent).toContain('never its path, so no mailbox');
    click(view.$('input[name="sendSubjectAndSender"]'));
    submit(view);
    await vi.waitFor(() => expect(props.save).toHaveBeenCalled());
    expect(props.save).toHaveBeenCalledWith(
      expect.objectContaining({ sendSubjectAndSender: false }),
    );
  });
});
