/**
 * The panel body for the states without a report: loading, no data, not
 * configured (with a way to the settings) and API error (reason + retry).
 */
import type { PanelStatus } from './panel-store.ts';
import { t } from '../utils/i18n/i18n.ts';

export type MessageStatus = Exclude<PanelStatus, { kind: 'ready' }>;

export interface StatusMessageProps {
  status: MessageStatus;
  onOpenSettings(): void;
  onRetry(): void;
}

export function StatusMessage({ status, onOpenSettings, onRetry }: StatusMessageProps) {
  switch (status.kind) {
    case 'loading':
      return (
        <div class="cml-status" data-state="loading" aria-busy="true">
          <p>{t('statusLoading')}</p>
        </div>
      );
    case 'no-data':
      return (
        <div class="cml-status" data-state="no-data">
          <p>{t('statusNoData')}</p>
          {status.message !== undefined && <p>{status.message}</p>}
        </div>
      );
    case 'not-configured':
      return (
        <div class="cml-status" data-state="not-configured">
          <p>{t('statusNotConfigured')}</p>
          <button type="button" class="cml-primary" onClick={onOpenSettings}>
            {t('openSettings')}
          </button>
        </div>
      );
    case 'error':
      return (
        <div class="cml-status" data-state="error">
          <p>{t('statusError')}</p>
          <p class="cml-reason">{t('statusErrorReason', status.reason)}</p>
          <button type="button" class="cml-primary" onClick={onRetry}>
            {t('retry')}
          </button>
        </div>
      );
  }
}
