/**
 * How to reach and use the panel from the keyboard, at the panel's end: the
 * browser shortcut that moves focus here from anywhere on the page (the
 * email's links need not be tabbed through), Escape, and the resize handle.
 */
import { t } from '../utils/i18n/i18n.ts';

export interface KeyboardHelpProps {
  /** The browser's shortcut for the lens ("Alt+Shift+K"); null: the user removed it. */
  shortcut: string | null;
}

export function KeyboardHelp({ shortcut }: KeyboardHelpProps) {
  return (
    <details class="cml-keys">
      <summary>{t('keysTitle')}</summary>
      <ul>
        <li>
          {shortcut ? (
            <>
              <kbd>{shortcut}</kbd> {t('keysShortcut')}
            </>
          ) : (
            t('keysNoShortcut')
          )}
        </li>
        <li>
          <kbd>{t('keyEscape')}</kbd> {t('keysEscape')}
        </li>
        <li>{t('keysResize')}</li>
      </ul>
    </details>
  );
}
