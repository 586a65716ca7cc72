/**
 * The panel body for a report whose source cannot give every number (ESP
 * APIs): what the source cannot give and its own notes first, then totals and
 * the per-link table with "—" and the reason (as title and for screen
 * readers) wherever a count is unknown. Never a made-up 0.
 */
import type { CellText } from '../utils/panel/columns.ts';
import { formatCount, shortenUrl } from '../utils/panel/format.ts';
import type { SourceModel, SourceRowCells } from '../utils/panel/source-model.ts';

export interface SourceReportViewProps {
  model: SourceModel;
  locale?: string;
  onLocate(ordinal: number): void;
  onHighlight(ordinal: number | null): void;
}

function Num({ cell }: { cell: CellText }) {
  const missing = cell.title !== undefined && cell.text === '—';
  return (
    <td class={missing ? 'cml-num cml-missing' : 'cml-num'} title={cell.title}>
      {cell.text}
      {missing && <span class="cml-visually-hidden"> ({cell.title})</span>}
    </td>
  );
}

function Counts({ cells }: { cells: SourceRowCells }) {
  return (
    <>
      <Num cell={cells.uniqueClicks} />
      <Num cell={cells.totalClicks} />
      <Num cell={cells.share} />
      <Num cell={cells.ctr} />
    </>
  );
}

function Limits({ model }: { model: SourceModel }) {
  if (model.cannotGive.length === 0 && model.notes.length === 0) return null;
  return (
    <section class="cml-section cml-limits" aria-label="What this source cannot give">
      {model.cannotGive.length > 0 && (
        <>
          <h3>Not available from {model.sourceName}</h3>
          <ul class="cml-notes" data-list="cannot-give">
            {model.cannotGive.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {model.notes.length > 0 && (
        <ul class="cml-notes" data-list="notes">
          {model.notes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Head() {
  return (
    <thead>
      <tr>
        <th scope="col">#</th>
        <th scope="col">Link</th>
        <th scope="col">Name</th>
        <th scope="col" class="cml-num">
          Unique clicks
        </th>
        <th scope="col" class="cml-num">
          All clicks
        </th>
        <th scope="col" class="cml-num">
          % of clicks
        </th>
        <th scope="col" class="cml-num">
          CTR
        </th>
      </tr>
    </thead>
  );
}

export function SourceReportView({ model, locale, onLocate, onHighlight }: SourceReportViewProps) {
  return (
    <div class="cml-source-report" data-source={model.sourceName}>
      <Limits model={model} />
      <section class="cml-section cml-totals" aria-label="Totals">
        <dl class="cml-metrics">
          {model.totals.map((cell) => (
            <div key={cell.id} data-metric={cell.id}>
              <dt>{cell.label}</dt>
              <dd class={cell.missing ? 'cml-missing' : undefined} title={cell.title}>
                {cell.text}
                {cell.missing && <span class="cml-visually-hidden"> ({cell.title})</span>}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section class="cml-section cml-table-scroll" aria-label="Links">
        <table class="cml-table cml-links cml-source-links">
          <Head />
          <tbody>
            {model.placements.map((p) => (
              <tr
                key={p.ordinal}
                data-ordinal={p.ordinal}
                onMouseEnter={() => onHighlight(p.ordinal)}
                onMouseLeave={() => onHighlight(null)}
              >
                <td class="cml-num">
                  <button
                    type="button"
                    class="cml-locate"
                    disabled={p.hidden}
                    aria-label={`Locate link ${p.ordinal + 1} in the email`}
                    onClick={() => onLocate(p.ordinal)}
                  >
                    {formatCount(p.ordinal + 1, locale)}
                  </button>
                </td>
                <td class="cml-url">
                  <span title={p.url}>{shortenUrl(p.url, 36)}</span>
                  {p.duplicate && <span class="cml-marker">{p.duplicate}</span>}
                  {p.hidden && <span class="cml-marker">hidden</span>}
                </td>
                <td class="cml-name">{p.name}</td>
                <Counts cells={p.cells} />
              </tr>
            ))}
            {model.unmatched.map((row, i) => (
              <tr key={`unmatched-${i}`} data-unmatched="">
                <td class="cml-num">—</td>
                <td class="cml-url">
                  <span title={row.url}>{shortenUrl(row.url, 36)}</span>
                  <span class="cml-marker">not on this page</span>
                </td>
                <td class="cml-name">{row.name}</td>
                <Counts cells={row.cells} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
