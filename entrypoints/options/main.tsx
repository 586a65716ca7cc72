/** Options page wiring: load settings, render the form, save with host permission. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsForm } from '../../components/OptionsForm.tsx';
import { sendToBackground } from '../../utils/browser/messaging.ts';
import { loadSettings, saveSettings } from '../../utils/browser/settings-store.ts';
import { t } from '../../utils/i18n/i18n.ts';

/** Only the active source's host and the enabled sites' hosts, never all hosts. */
async function requestAccess(origins: string[]): Promise<boolean> {
  // Must run inside the click handler's user gesture (browsers refuse otherwise).
  return browser.permissions.request({ origins });
}

async function main() {
  document.title = t('optTitle');
  document.documentElement.lang = t('locale');
  const initial = await loadSettings();
  const app = document.getElementById('app');
  if (!app) return;
  // The footer proves the background worker is up and answering (or says why not).
  const background = await sendToBackground('ping', { from: 'options' }).then(
    ({ version }) => t('optBackgroundOk', version),
    (error: Error) => t('optBackgroundDown', error.message),
  );
  render(
    <OptionsForm
      background={background}
      initial={initial}
      requestAccess={requestAccess}
      save={saveSettings}
      checkConnection={() => sendToBackground('checkConnection', {})}
    />,
    app,
  );
}

void main();
