/**
 * The options page's "Sites" fieldset: where the lens runs. The known hosted
 * webmails are one tick each (their hosts come from the detection profiles);
 * self-hosted webmails (Roundcube, SOGo, Zimbra), ESP UIs (listmonk, Mautic)
 * and view-in-browser archives are added by host. Saving asks the browser for
 * exactly these hosts; on any other page the toolbar button opens the lens
 * once for that tab. Enabled hosts can be switched off without losing them.
 */
import { useSignal } from '@preact/signals';
import { KNOWN_SITES, parseHost } from '../utils/sites/sites.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface SitesDraft {
  enabledSites: string[];
  disabledSites: string[];
}

interface Props {
  value: SitesDraft;
  onChange(value: SitesDraft): void;
}

const KNOWN_HOSTS = new Set(KNOWN_SITES.flatMap((site) => site.hosts));

function lines(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parses typed hosts; returns the valid ones and the first complaint. */
export function parseHostList(text: string): { hosts: string[]; error: string | null } {
  const hosts: string[] = [];
  let error: string | null = null;
  for (const line of lines(text)) {
    const check = parseHost(line);
    if (check.ok) hosts.push(check.host);
    else error ??= check.reason;
  }
  return { hosts: [...new Set(hosts)], error };
}

export function OptionsSites({ value, onChange }: Props) {
  const custom = value.enabledSites.filter((h) => !KNOWN_HOSTS.has(h));
  const customText = useSignal(custom.join('\n'));
  const offText = useSignal(value.disabledSites.join('\n'));
  const error = useSignal<string | null>(null);
  const known = (hosts: readonly string[]) => hosts.every((h) => value.enabledSites.includes(h));

  const setKnown = (hosts: readonly string[], on: boolean) => {
    const rest = value.enabledSites.filter((h) => !hosts.includes(h));
    onChange({ ...value, enabledSites: on ? [...rest, ...hosts] : rest });
  };
  const setCustom = (text: string) => {
    customText.value = text;
    const parsed = parseHostList(text);
    error.value = parsed.error;
    const knownOn = value.enabledSites.filter((h) => KNOWN_HOSTS.has(h));
    onChange({ ...value, enabledSites: [...new Set([...knownOn, ...parsed.hosts])] });
  };
  const setOff = (text: string) => {
    offText.value = text;
    onChange({ ...value, disabledSites: parseHostList(text).hosts });
  };

  return (
    <fieldset class="sites">
      <legend>{t('optSites')}</legend>
      <p class="hint">{t('optSitesHint')}</p>
      {KNOWN_SITES.map((site) => (
        <label key={site.id} class="site">
          <input
            type="checkbox"
            name="site"
            value={site.id}
            checked={known(site.hosts)}
            onChange={(e) => setKnown(site.hosts, e.currentTarget.checked)}
          />{' '}
          {site.name} <span class="hint">({site.hosts.join(', ')})</span>
        </label>
      ))}
      <label for="customSites">{t('optOtherHosts')}</label>
      <textarea
        id="customSites"
        rows={3}
        placeholder={t('optHostPlaceholder')}
        value={customText.value}
        onInput={(e) => setCustom(e.currentTarget.value)}
      />
      {error.value && (
        <p class="hint" role="alert" data-kind="error">
          {error.value}
        </p>
      )}
      <label for="disabledSites">{t('optSwitchedOff')}</label>
      <textarea
        id="disabledSites"
        rows={2}
        value={offText.value}
        onInput={(e) => setOff(e.currentTarget.value)}
      />
    </fieldset>
  );
}
