/**
 * Which data the report covers: all versions, one template version (its
 * period of use), or a custom date period over all versions. Custom dates
 * are local calendar days, both inclusive; the period sent is half-open
 * [from 00:00, day after `to` 00:00).
 */
import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { VersionPeriod } from '../utils/report/report-types.ts';
import { fromDateInputValue, toDateInputValue } from '../utils/panel/format.ts';
import type { PeriodSelection } from '../utils/panel/view-types.ts';

export interface VersionPickerProps {
  versions: readonly VersionPeriod[];
  selection: PeriodSelection;
  onPeriodChange(selection: PeriodSelection): void;
}

const ALL = '';
const CUSTOM = '__custom__';
const DAY = 24 * 60 * 60 * 1000;

export function versionLabel(v: VersionPeriod): string {
  const from = toDateInputValue(v.from);
  const until = v.to === null ? 'now' : toDateInputValue(v.to - 1);
  return `${from} – ${until} (${v.contentHash.slice(0, 7)})`;
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
    if (from === null || to === null) error.value = 'Enter both dates.';
    else if (to <= from) error.value = 'The start date must not be after the end date.';
    else {
      error.value = null;
      onPeriodChange({ versionId: null, period: { from, to } });
    }
  };

  return (
    <form class="cml-version-picker" onSubmit={applyCustom}>
      <fieldset>
        <legend class="cml-visually-hidden">Report period</legend>
        <label for={ids.select}>
          Date period
          <select
            id={ids.select}
            value={choice.value}
            onChange={(e) => pick(e.currentTarget.value)}
          >
            <option value={ALL}>All versions</option>
            {versions.map((v) => (
              <option key={v.versionId} value={v.versionId}>
                {versionLabel(v)}
              </option>
            ))}
            <option value={CUSTOM}>Custom period…</option>
          </select>
        </label>
        {choice.value === CUSTOM && (
          <>
            <label for={ids.from}>
              From
              <input
                id={ids.from}
                type="date"
                value={fromText.value}
                onInput={(e) => (fromText.value = e.currentTarget.value)}
              />
            </label>
            <label for={ids.to}>
              To
              <input
                id={ids.to}
                type="date"
                value={toText.value}
                onInput={(e) => (toText.value = e.currentTarget.value)}
              />
            </label>
            <button type="submit">Apply</button>
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
