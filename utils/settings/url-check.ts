/**
 * Checks of the server addresses users type into the options page: http(s)
 * only, plain http only on loopback, no credentials in the URL; and the host
 * permission pattern the background needs for such an address.
 */
import { t } from '../i18n/i18n.ts';

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Accepts http(s) URLs only; plain http only on loopback (tokens must not cross networks in clear). */
export function checkApiUrl(input: string, what = t('urlCheckYourApi')): UrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, reason: t('urlCheckEmpty', what) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      reason: t('urlCheckNotUrl', text),
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: t('urlCheckProtocol', url.protocol) };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      reason: t('urlCheckPlainHttp'),
    };
  }
  if (url.username || url.password) {
    return { ok: false, reason: t('urlCheckCredentials') };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host permission pattern the background needs to call a server at `apiUrl`. */
export function originPattern(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
