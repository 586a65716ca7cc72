/**
 * Stable identities of the extension in each browser.
 *
 * Chromium derives the extension id from the manifest `key` (SHA-256 of the
 * DER public key, first 32 hex digits mapped to a-p), so pinning the key pins
 * the id: e2e tests and the reference server's CORS rules can name it.
 * Firefox gets its add-on id from browser_specific_settings and its internal
 * moz-extension UUID from the `extensions.webextensions.uuids` pref (e2e).
 */
export const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk6x2+grxZvGUewVox520L5WYFqlzgaCvVtxpN0Wht0bJDc9UwXfi7RE6f3B7c/f/YMswFx4xTYEgLI6Vt03/9H2TRZADbsgSDJxlxSxzQcwmwZgCXr9ubXQPeLdyirRQISRzWfQNUFbo17p+vFmfTDnAG7X7yuLHF3rcW/QaC/P4jci1iizoIgdYlqXzelgVuZSeASO18u08EHTAq8B+wda3IZ3aYLKP9ySi9kmau1mr6hopF5MNBJQsyal2k++dFRT9vnZ/g/HOYiQdfsh+J+U3AYHenIPp8ck4ptXsbv8d79EoRtwUbl348SxCD5GfV1IQrsZJqaOqfLyOMJUSswIDAQAB';

/** chrome-extension://<id>/ for the key above (checked by a unit test). */
export const CHROME_EXTENSION_ID = 'chajdjgopohfdekcmdjihpmnighpohog';

export const FIREFOX_ADDON_ID = 'clickmap-lens@clickmap.dev';

/** moz-extension://<uuid>/ pinned in e2e profiles. */
export const FIREFOX_TEST_UUID = '3c6e0d2a-6b1f-4f55-9a55-0c1e6b7d9a10';
