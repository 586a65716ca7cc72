/**
 * Report rows that match no link on the page ("in report, not found on
 * page"): another version of the template, a link removed by the webmail, or
 * a personalised URL. Listed apart so their clicks are not silently lost.
 */
import { heatCount } from '../utils/panel/columns.ts';
import type { SourceLinkRow } from '../utils/sources/source-report.ts';
import { formatCount, formatPercent, shortenUrl } from '../utils/panel/format.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface UnmatchedRowsProps {
  rows: readonly SourceLinkRow[];
  shares: ReadonlyMap<string, number | null>;
  locale?: string;
}

export function UnmatchedRows({ rows, shares, locale }: UnmatchedRowsProps) {
  if (rows.length === 0) return null;
  const ordered = [...rows].sort((a, b) => (heatCount(b) ?? -1) - (heatCount(a) ?? -1));
  const unique = rows.every((r) => r.uniqueClicks !== null);
  return (
    <div class="cml-table-scroll cml-section">
      <table class="cml-table cml-unmatched">
        <caption>{t('unmatchedCaption', formatCount(rows.length, locale))}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colLink')}</th>
            <th scope="col">{t('colName')}</th>
            <th scope="col" class="cml-num">
              {unique ? t('colUniqueClicks') : t('colTotalClicks')}
            </th>
            <th scope="col" class="cml-num">
              {t('colShare')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((row) => (
            <tr key={row.rowKey} data-row-key={row.rowKey}>
              <td class="cml-url">
                <span title={row.url}>{shortenUrl(row.url, 36)}</span>
              </td>
              <td>{row.name}</td>
              <td class="cml-num">{formatCount(heatCount(row), locale)}</td>
              <td class="cml-num">
                {formatPercent(shares.get(row.rowKey) ?? row.shareOfClicks, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
