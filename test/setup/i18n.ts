/**
 * Unit tests run outside the extension: messages come from the bundled
 * English catalog (utils/i18n falls back to it), in an English UI locale, so
 * the tests read the same text a default install shows. A test that needs
 * French or Russian calls useCatalog itself (and this resets it).
 */
import { beforeEach } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { useCatalog } from '../../utils/i18n/i18n.ts';

useCatalog(en);
beforeEach(() => useCatalog(en));
