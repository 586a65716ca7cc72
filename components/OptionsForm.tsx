/**
 * The settings form: which report source is active (one of the source
 * registry, utils/sources/registry.ts, or none: "Check links" needs no
 * source) with its fields (OptionsSourceFields, from the source's
 * descriptor), report defaults, and per-site switches. Saving asks for the
 * active source's host permission (inside the click, as browsers require); a
 * refusal still saves, with a warning that requests then depend on CORS.
 */
import { useSignal } from '@preact/signals';
import type { SourceKind } from '../utils/sources/source-report.ts';
import type { Settings } from '../utils/settings/settings.ts';
import {
  checkSource,
  emptySource,
  SOURCE_KINDS,
  SOURCE_LABELS,
  type SourceSettings,
} from '../utils/settings/sources.ts';
import { sitePatterns } from '../utils/sites/sites.ts';
import { OptionsPrivacy } from './OptionsPrivacy.tsx';
import { OptionsSites } from './OptionsSites.tsx';
import { OptionsSourceFields } from './OptionsSourceFields.tsx';
import { t } from '../utils/i18n/i18n.ts';

export interface OptionsFormProps {
  initial: Settings;
  /**
   * Asks, in one prompt, for these host permission patterns (the active
   * source's host, e.g. https://us11.api.mailchimp.com/*, and the enabled sites').
   */
  requestAccess: (origins: string[]) => Promise<boolean>;
  save: (settings: Settings) => Promise<void>;
  checkConnection: () => Promise<{ ok: boolean; detail: string }>;
  /** One line about the background worker's state, shown in the footer. */
  background: string;
}

type Status = { kind: 'ok' | 'error' | 'info' | 'warning'; text: string } | null;
type Drafts = Record<SourceKind, SourceSettings>;

function draftsOf(settings: Settings): Drafts {
  const find = (kind: SourceKind) => settings.sources.find((s) => s.kind === kind);
  return Object.fromEntries(
    SOURCE_KINDS.map((kind) => [kind, find(kind) ?? emptySource(kind)]),
  ) as Drafts;
}

/** Sources worth keeping: the active one and any with something typed in. */
function sourcesToSave(drafts: Drafts, active: SourceKind | null): SourceSettings[] {
  const blank = (s: SourceSettings) => JSON.stringify(s) === JSON.stringify(emptySource(s.kind));
  return SOURCE_KINDS.map((kind) => drafts[kind]).filter((s) => s.kind === active || !blank(s));
}

const corsWarning = (origin: string) => t('optCorsWarning', origin);
const sitesWarning = (origins: string[]) => t('optSitesWarning', origins.join(', '));

export function OptionsForm(props: OptionsFormProps) {
  const { initial, requestAccess, save, checkConnection, background } = props;
  const drafts = useSignal<Drafts>(draftsOf(initial));
  // Nothing saved yet: offer the project's own API first (saving still needs its fields).
  const active = useSignal<SourceKind | null>(
    initial.sources.length === 0 ? 'clickmap-api' : initial.activeSource,
  );
  const defaults = useSignal({
    includeMachineClicks: initial.includeMachineClicks,
    sendSubjectAndSender: initial.sendSubjectAndSender,
  });
  const sites = useSignal({
    enabledSites: initial.enabledSites,
    disabledSites: initial.disabledSites,
  });
  const status = useSignal<Status>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const kind = active.value;
    const source = kind ? drafts.value[kind] : null;
    const check = source ? checkSource(source) : null;
    if (check && !check.ok) return void (status.value = { kind: 'error', text: check.reason });
    const settings: Settings = {
      ...defaults.value,
      ...sites.value,
      sources: sourcesToSave(drafts.value, kind),
      activeSource: kind,
    };
    const sitesWanted = sitePatterns(settings.enabledSites, settings.disabledSites);
    const origins = [...(check ? [check.origin] : []), ...sitesWanted];
    // Feedback at once: the browser's permission prompt may take a while to be answered.
    if (origins.length > 0)
      status.value = {
        kind: 'info',
        text: t('optSavingAsks', origins.join(', ')),
      };
    // First await of the handler: the permission prompt needs the click's user gesture.
    const granted = origins.length > 0 ? await requestAccess(origins).catch(() => false) : true;
    await save(settings);
    const siteNote = granted || sitesWanted.length === 0 ? '' : `${sitesWarning(sitesWanted)} `;
    if (!check) {
      status.value = {
        kind: siteNote ? 'warning' : 'info',
        text: `${siteNote}${t('optSavedNoSource')}`,
      };
      return;
    }
    const warning = granted ? '' : `${siteNote || corsWarning(check.origin)} `;
    status.value = {
      kind: granted ? 'info' : 'warning',
      text: `${warning}${t('optChecking')}`,
    };
    const result = await checkConnection().catch((e: Error) => ({ ok: false, detail: e.message }));
    status.value = {
      kind: granted ? (result.ok ? 'ok' : 'error') : 'warning',
      text: `${warning}${result.detail}`,
    };
  };

  const current = active.value;
  return (
    <form onSubmit={onSubmit} aria-describedby="status">
      <h1>{t('extName')}</h1>
      <fieldset>
        <legend>{t('optReportSource', current ? SOURCE_LABELS[current] : t('optNone'))}</legend>
        <div role="radiogroup" aria-label={t('optActiveSource')} class="sources">
          {SOURCE_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="activeSource"
                value={kind}
                checked={current === kind}
                onChange={() => {
                  active.value = kind;
                  // The last save's message was about another source.
                  status.value = null;
                }}
              />{' '}
              {SOURCE_LABELS[kind]}
            </label>
          ))}
          <label>
            <input
              type="radio"
              name="activeSource"
              value=""
              checked={current === null}
              onChange={() => {
                active.value = null;
                status.value = null;
              }}
            />{' '}
            {t('optNoSource')}
          </label>
        </div>
        {current && (
          <div class="source-fields" data-source={current}>
            <OptionsSourceFields
              source={drafts.value[current]}
              onChange={(source) => (drafts.value = { ...drafts.value, [source.kind]: source })}
            />
            <p class="hint">{t('optSourceHostOnly')}</p>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('optReportDefaults')}</legend>
        <p class="hint">{t('optRule24h')}</p>
        <label>
          <input
            type="checkbox"
            checked={defaults.value.includeMachineClicks}
            onChange={(e) =>
              (defaults.value = {
                ...defaults.value,
                includeMachineClicks: e.currentTarget.checked,
              })
            }
          />{' '}
          {t('optCountMachine')}
        </label>
      </fieldset>
      <OptionsSites value={sites.value} onChange={(value) => (sites.value = value)} />
      <OptionsPrivacy
        sendSubjectAndSender={defaults.value.sendSubjectAndSender}
        onChange={(on) => (defaults.value = { ...defaults.value, sendSubjectAndSender: on })}
      />
      <button type="submit">{t('optSave')}</button>
      <p id="status" class="status" role="status" aria-live="polite" data-kind={status.value?.kind}>
        {status.value?.text}
      </p>
      <footer class="hint" id="background-state">
        {background}
      </footer>
    </form>
  );
}
