/**
 * Export of the shown report as CSV or Excel. The panel only asks; the
 * content script builds the file (utils/export) and starts the download.
 */
import type { ExportFormat } from '../utils/panel/view-types.ts';
import { t } from '../utils/i18n/i18n.ts';

export interface ExportButtonsProps {
  onExport(format: ExportFormat): void;
  disabled?: boolean;
}

export function ExportButtons({ onExport, disabled = false }: ExportButtonsProps) {
  return (
    <div class="cml-export" role="group" aria-label={t('exportReport')}>
      <button type="button" disabled={disabled} onClick={() => onExport('csv')}>
        {t('qaExportCsv')}
      </button>{' '}
      <button type="button" disabled={disabled} onClick={() => onExport('xlsx')}>
        {t('exportExcel')}
      </button>
    </div>
  );
}
