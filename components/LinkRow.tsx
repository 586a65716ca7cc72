/**
 * One page placement in the link table: position, URL (shortened, full URL as
 * title), name, numbers, markers ("2 of 3" duplicates, hidden, unsubscribe,
 * personalised) and the locate button. Hover or focus highlights the link on
 * the page. All outside text (URLs, names) is rendered as text nodes.
 */
import type { Capability } from '../utils/report/report-types.ts';
import { heatCount, rowCells, type CellText, type ColumnSpec } from '../utils/panel/columns.ts';
import { t, tn } from '../utils/i18n/i18n.ts';
import { formatCount, MISSING, shortenUrl } from '../utils/panel/format.ts';
import { heatColor, shareOfMax } from '../utils/panel/heat.ts';
import { placementName } from '../utils/panel/sort.ts';
import type { PlacementView } from '../utils/panel/view-types.ts';
import { LocateIcon } from './LocateIcon.tsx';

/** URL length in the narrow link column; the full URL is the title. */
const URL_CHARS = 36;

export interface LinkRowProps {
  placement: PlacementView;
  /** Columns shown, in order; the others are not rendered. */
  columns: readonly ColumnSpec[];
  /** The number column that carries the heat swatch (the badges' count). */
  heatColumn: 'uniqueClicks' | 'totalClicks';
  shares: ReadonlyMap<string, number | null>;
  capabilities: readonly Capability[];
  /** The busiest row's unique clicks, for the heat swatch. */
  maxClicks: number;
  highlighted: boolean;
  locale?: string;
  /** Names the source in the "—" reasons. */
  sourceName?: string;
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
}

function duplicateTitle(p: PlacementView): string {
  return p.sharedRow
    ? tn('duplicateShared', p.duplicateCount)
    : tn('duplicateSeparate', p.duplicateCount);
}

function Markers({ placement: p }: { placement: PlacementView }) {
  const row = p.row;
  return (
    <>
      {p.duplicateCount > 1 && (
        <span class="cml-marker" data-marker="duplicate" title={duplicateTitle(p)}>
          {t('duplicateIndex', String(p.duplicateIndex), String(p.duplicateCount))}
        </span>
      )}
      {p.hidden && (
        <span class="cml-marker" data-marker="hidden" title={t('linkHiddenTitle')}>
          {t('markerHidden')}
        </span>
      )}
      {row?.isUnsubscribe === true && (
        <span class="cml-marker" data-marker="unsubscribe">
          {t('markerUnsubscribe')}
        </span>
      )}
      {row?.dynamic === true && (
        <span
          class="cml-marker"
          data-marker="dynamic"
          title={
            row.finalDomain ? t('personalisedTitleDomain', row.finalDomain) : t('personalisedTitle')
          }
        >
          {t('markerPersonalised')}
        </span>
      )}
    </>
  );
}

interface NumberCellProps {
  cell: CellText;
  /** Heat colour of a swatch before the number. */
  swatch?: string | null;
}

function NumberCell({ cell, swatch = null }: NumberCellProps) {
  const classes = `cml-num${cell.text === MISSING ? ' cml-missing' : ''}`;
  return (
    <td class={classes} title={cell.title}>
      {swatch && <span class="cml-swatch" style={{ background: swatch }} aria-hidden="true" />}
      {cell.text}
    </td>
  );
}

export function LinkRow(props: LinkRowProps) {
  const { placement: p, onHighlight } = props;
  const cells = rowCells(p.row, props.shares, props.capabilities, props.locale, props.sourceName);
  const clicks = p.row ? heatCount(p.row) : null;
  const swatch = clicks === null ? null : heatColor(shareOfMax(clicks, props.maxClicks));
  const position = formatCount(p.ordinal + 1, props.locale);
  return (
    <tr
      data-ordinal={p.ordinal}
      class={props.highlighted ? 'cml-highlighted' : undefined}
      onMouseEnter={() => onHighlight(p.ordinal)}
      onMouseLeave={() => onHighlight(null)}
    >
      <td class="cml-num">{position}</td>
      <td class="cml-url">
        <span title={p.url}>{shortenUrl(p.url, URL_CHARS)}</span>
        <Markers placement={p} />
      </td>
      {props.columns.map((c) =>
        c.id === 'name' ? (
          <td key={c.id} class="cml-name">
            {placementName(p)}
          </td>
        ) : c.id === 'ordinal' || c.id === 'url' ? null : (
          <NumberCell
            key={c.id}
            cell={cells[c.id]}
            swatch={c.id === props.heatColumn ? swatch : null}
          />
        ),
      )}
      <td>
        <button
          type="button"
          class="cml-locate"
          aria-label={t('locateLinkLabel', position)}
          title={p.hidden ? t('linkHiddenTitle') : t('locateLinkTitle')}
          disabled={p.hidden}
          onClick={() => props.onLocate(p.ordinal)}
          onFocus={() => onHighlight(p.ordinal)}
          onBlur={() => onHighlight(null)}
        >
          <LocateIcon />
        </button>
      </td>
    </tr>
  );
}
