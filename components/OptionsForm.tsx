/**
 * The settings form: report source (API URL + token), report defaults, and
 * per-site switches. Saving asks for the API host permission first, because
 * the background can only call hosts the user granted.
 */
import { useSignal } from '@preact/signals';
import { checkApiUrl, type Settings } from '../utils/settings/settings.ts';

export interface OptionsFormProps {
  initial: Settings;
  requestAccess: (settings: Settings) => Promise<boolean>;
  save: (settings: Settings) => Promise<void>;
  checkConnection: () => Promise<{ ok: boolean; detail: string }>;
  /** One line about the background worker's state, shown in the footer. */
  background: string;
}

type Status = { kind: 'ok' | 'error' | 'info'; text: string } | null;

function parseSites(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function OptionsForm(props: OptionsFormProps) {
  const { initial, requestAccess, save, checkConnection, background } = props;
  const draft = useSignal<Settings>(initial);
  const status = useSignal<Status>(null);
  const update = (patch: Partial<Settings>) => (draft.value = { ...draft.value, ...patch });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const check = checkApiUrl(draft.value.apiUrl);
    if (!check.ok) return void (status.value = { kind: 'error', text: check.reason });
    const settings = { ...draft.value, apiUrl: check.url };
    if (!(await requestAccess(settings))) {
      status.value = {
        kind: 'error',
        text: `Access to ${check.url} was not granted; nothing saved.`,
      };
      return;
    }
    await save(settings);
    draft.value = settings;
    status.value = { kind: 'info', text: 'Saved. Checking the connection…' };
    const result = await checkConnection().catch((e: Error) => ({ ok: false, detail: e.message }));
    status.value = { kind: result.ok ? 'ok' : 'error', text: result.detail };
  };

  const s = draft.value;
  return (
    <form onSubmit={onSubmit} aria-describedby="status">
      <h1>Clickmap Lens</h1>
      <fieldset>
        <legend>Report source: Click Map API</legend>
        <label for="apiUrl">API address</label>
        <input
          id="apiUrl"
          type="url"
          required
          placeholder="https://reports.example.com"
          value={s.apiUrl}
          onInput={(e) => update({ apiUrl: e.currentTarget.value })}
        />
        <p class="hint">https, or http on 127.0.0.1 / localhost (e.g. the demo server).</p>
        <label for="token">Token</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          value={s.token}
          onInput={(e) => update({ token: e.currentTarget.value })}
        />
      </fieldset>
      <fieldset>
        <legend>Report defaults</legend>
        <p class="hint">
          Unique clicks follow the 24 h rule: a repeated click by the same recipient on the same
          link within 24 h of the last counted one is not counted again.
        </p>
        <label>
          <input
            type="checkbox"
            checked={s.includeMachineClicks}
            onChange={(e) => update({ includeMachineClicks: e.currentTarget.checked })}
          />{' '}
          Count suspected machine clicks (security scanners)
        </label>
      </fieldset>
      <fieldset>
        <legend>Sites</legend>
        <label for="disabledSites">Switched off on these hosts</label>
        <textarea
          id="disabledSites"
          rows={3}
          value={s.disabledSites.join('\n')}
          onInput={(e) => update({ disabledSites: parseSites(e.currentTarget.value) })}
        />
      </fieldset>
      <button type="submit">Save</button>
      <p id="status" class="status" role="status" aria-live="polite" data-kind={status.value?.kind}>
        {status.value?.text}
      </p>
      <footer class="hint" id="background-state">
        {background}
      </footer>
    </form>
  );
}
