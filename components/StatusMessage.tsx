/**
 * The panel body for the states without a report: loading, no data, not
 * configured (with a way to the settings) and API error (reason + retry).
 */
import type { PanelStatus } from './panel-store.ts';

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
          <p>Loading click map…</p>
        </div>
      );
    case 'no-data':
      return (
        <div class="cml-status" data-state="no-data">
          <p>No click data for this email yet.</p>
          {status.message !== undefined && <p>{status.message}</p>}
        </div>
      );
    case 'not-configured':
      return (
        <div class="cml-status" data-state="not-configured">
          <p>Clickmap Lens is not connected to a data source yet.</p>
          <button type="button" class="cml-primary" onClick={onOpenSettings}>
            Open settings
          </button>
        </div>
      );
    case 'error':
      return (
        <div class="cml-status" data-state="error">
          <p>Could not load the click map.</p>
          <p class="cml-reason">Reason: {status.reason}</p>
          <button type="button" class="cml-primary" onClick={onRetry}>
            Retry
          </button>
        </div>
      );
  }
}
