/**
 * The options page's "What leaves your browser" fieldset: exactly what the
 * lens sends, to whom, and the switch that keeps the subject and sender in.
 * The README's "Permissions and privacy" section says the same.
 */
import { t } from '../utils/i18n/i18n.ts';
interface Props {
  sendSubjectAndSender: boolean;
  onChange(sendSubjectAndSender: boolean): void;
}

export function OptionsPrivacy({ sendSubjectAndSender, onChange }: Props) {
  return (
    <fieldset class="privacy">
      <legend>{t('optPrivacyLegend')}</legend>
      <p class="hint" id="privacy-text">
        {t('optPrivacyText')}
      </p>
      <label>
        <input
          type="checkbox"
          name="sendSubjectAndSender"
          checked={sendSubjectAndSender}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        {t('optSendSubject')}
      </label>
    </fieldset>
  );
}
