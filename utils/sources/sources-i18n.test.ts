/**
 * The sources' user-visible text follows the UI language: field labels,
 * hints, choices, notes and reasons are read from the catalog when used
 * (getters), not frozen in English when the module loads.
 */
import { describe, expect, it } from 'vitest';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import ru from '../../public/_locales/ru/messages.json' with { type: 'json' };
import { belowThresholdReason } from '../api/match-rules.ts';
import { useCatalog } from '../i18n/i18n.ts';
import { SOURCE_LABELS } from '../settings/sources.ts';
import { checkApiUrl } from '../settings/url-check.ts';
import { LISTMONK_NOTES } from './listmonk/map.ts';
import { sourceOf } from './registry.ts';

describe('sources speak the UI language', () => {
  it('words the options page fields, checks and notes in French', () => {
    useCatalog(fr, 'fr');
    const mautic = sourceOf('mautic');
    expect(mautic.fields.map((f) => f.label)).toEqual([
      'Adresse de Mautic',
      'Authentification Mautic',
      'Nom d’utilisateur',
      'Mot de passe',
      'Jeton d’accès',
    ]);
    expect(mautic.fields[1]?.choices?.map((c) => c.label)).toEqual([
      'Basic (nom d’utilisateur et mot de passe de l’API)',
      'Jeton d’accès OAuth2',
    ]);
    expect(sourceOf('clickmap-api').label).toBe('API Click Map');
    expect(SOURCE_LABELS['clickmap-api']).toBe('API Click Map');
    expect(checkApiUrl('')).toEqual({
      ok: false,
      reason: 'Saisissez l’adresse de votre API Click Map.',
    });
    expect(LISTMONK_NOTES.topLinks.text).toMatch(/^listmonk ne rapporte que les 50 liens/);
  });

  it('words a missing setting in Russian', () => {
    useCatalog(ru, 'ru');
    const check = sourceOf('listmonk').check({
      kind: 'listmonk',
      baseUrl: 'https://lists.example.org',
      username: '',
      token: '',
    });
    expect(check).toEqual({ ok: false, reason: 'Введите пользователя и токен API listmonk.' });
  });

  it('writes the match score in the UI locale, rounded down so it stays under the threshold', () => {
    useCatalog(fr, 'fr');
    expect(belowThresholdReason(0.2499)).toBe(
      'Aucune campagne ne correspond à cet e-mail\u00a0: le modèle le plus proche obtient 0,24, sous les 0,25 requis.',
    );
  });
});
