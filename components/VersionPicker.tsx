/**
 * Which data the report covers: all versions, one template version (its
 * period of use), or a custom date period over all versions. Custom dates
 * are local calendar days, both inclusive; the period sent is half-open
 * [from 00:00, day after `to` 00:00).
 */
import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { VersionPeriod } from '../utils/report/report-types.ts';
import { formatDate, fromDateInputValue, toDateInputValue } from '../utils/panel/format.ts';
import type { PeriodSelection } from '../utils/panel/view-types.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface VersionPickerProps {
  versions: readonly VersionPeriod[];
  selection: PeriodSelection;
  onPeriodChange(selection: PeriodSelection): void;
}

const ALL = '';
const CUSTOM = '__custom__';
const DAY = 24 * 60 * 60 * 1000;

/** A version's period of use, its days in the UI locale ("5 janv. 2026 – aujourd’hui"). */
export function versionLabel(v: VersionPeriod, locale?: string): string {
  const from = formatDate(v.from, locale);
  const until = v.to === null ? t('versionNow') : formatDate(v.to - 1, locale);
  return t('versionRange', from, until, v.contentHash.slice(0, 7));
}

function initialChoice(selection: PeriodSelection): string {
  if (selection.versionId !== null) return selection.versionId;
  const { from, to } = selection.period;
  return from === undefined && to === undefined ? ALL : CUSTOM;
}

/** The local day after `value` (yyyy-mm-dd), at 00:00; DST-safe. */
function dayAfter(value: string): number | null {
  const start = fromDateInputValue(value);
  return start === null ? null : fromDateInputValue(toDateInputValue(start + DAY + DAY / 2));
}

export function VersionPicker({ versions, selection, onPeriodChange }: VersionPickerProps) {
  const ids = { select: useId(), from: useId(), to: useId() };
  const choice = useSignal(initialChoice(selection));
  const fromText = useSignal(
    selection.period.from === undefined ? '' : toDateInputValue(selection.period.from),
  );
  const toText = useSignal(
    selection.period.to === undefined ? '' : toDateInputValue(selection.period.to - 1),
  );
  const error = useSignal<string | null>(null);

  const pick = (value: string) => {
    choice.value = value;
    error.value = null;
    if (value === CUSTOM) return;
    const version = versions.find((v) => v.versionId === value);
    if (value === ALL || !version) onPeriodChange({ versionId: null, period: {} });
    else
      onPeriodChange({
        versionId: version.versionId,
        period: { from: version.from, ...(version.to === null ? {} : { to: version.to }) },
      });
  };

  const applyCustom = (e: Event) => {
    e.preventDefault();
    const from = fromDateInputValue(fromText.value);
    const to = dayAfter(toText.value);
    if (from === null || to === null) error.value = t('periodEnterBoth');
    else if (to <= from) error.value = t('periodStartAfterEnd');
    else {
      error.value = null;
      onPeriodChange({ versionId: null, period: { from, to } });
    }
  };

  return (
    <form class="cml-version-picker" onSubmit={applyCustom}>
      <fieldset>
        <legend class="cml-visually-hidden">{t('periodLegend')}</legend>
        <label for={ids.select}>
          {t('periodLabel')}
          <select
            id={ids.select}
            value={choice.value}
            onChange={(e) => pick(e.currentTarget.value)}
          >
            <option value={ALL}>{t('periodAllVersions')}</option>
            {versions.map((v) => (
              <option key={v.versionId} value={v.versionId}>
                {versionLabel(v)}
              </option>
            ))}
            <option value={CUSTOM}>{t('periodCustom')}</option>
          </select>
        </label>
        {choice.value === CUSTOM && (
          <>
            <label for={ids.from}>
              {t('periodFrom')}
              <input
                id={ids.from}
                type="date"
                value={fromText.value}
                onInput={(e) => (fromText.value = e.currentTarget.value)}
              />
            </label>
            <label for={ids.to}>
              {t('periodTo')}
              <input
                id={ids.to}
                type="date"
                value={toText.value}
                onInput={(e) => (toText.value = e.currentTarget.value)}
              />
            </label>
            <button type="submit">{t('periodApply')}</button>
          </>
        )}
      </fieldset>
      {error.value !== null && (
        <p class="cml-error-text" role="alert">
          {error.value}
        </p>
      )}
    </form>
  );
}
