/**
 * Which campaign of the matched template the report is about. The match by
 * links names a template, not which send (or sales-sequence step) this email
 * was: the user can narrow the report to one campaign, or keep all of them.
 */
import { useId } from 'preact/hooks';
import type { CampaignChoice } from '../utils/messaging/protocol.ts';
import { t, tn } from '../utils/i18n/i18n.ts';

export interface CampaignPickerProps {
  campaigns: readonly CampaignChoice[];
  /** null: all campaigns of the template. */
  selected: string | null;
  onChange(campaignId: string | null): void;
  /**
   * What the empty choice says instead of "All N campaigns of this template"
   * (when no campaign matched, the campaigns are not one template's).
   */
  emptyChoice?: string;
}

const ALL = '';

export function campaignLabel(c: CampaignChoice): string {
  return c.sequence ? `${c.name} (step ${c.sequence.step} of ${c.sequence.sequenceId})` : c.name;
}

export function CampaignPicker({
  campaigns,
  selected,
  onChange,
  emptyChoice,
}: CampaignPickerProps) {
  const id = useId();
  return (
    <div class="cml-campaign-picker">
      <label for={id}>{t('campaignLabel')}</label>{' '}
      <select
        id={id}
        value={selected ?? ALL}
        onChange={(e) => onChange(e.currentTarget.value === ALL ? null : e.currentTarget.value)}
      >
        <option value={ALL}>{emptyChoice ?? tn('campaignsAll', campaigns.length)}</option>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {campaignLabel(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
