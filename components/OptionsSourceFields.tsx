/**
 * The fields of one report source in the options page: Click Map API (URL +
 * token), Mailchimp (API key; the data centre and base URL are shown as read
 * from the key), listmonk (URL + API user + token), Mautic (URL + Basic API
 * user or OAuth2 access token, as utils/sources/mautic.ts supports).
 */
import type { ComponentChildren } from 'preact';
import { mailchimpDataCenter, type SourceSettings } from '../utils/settings/sources.ts';

export interface OptionsSourceFieldsProps {
  source: SourceSettings;
  onChange(source: SourceSettings): void;
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  type?: 'url' | 'text' | 'password';
  placeholder?: string;
  onInput(value: string): void;
  hint?: ComponentChildren;
}

function Field({ id, label, value, type = 'text', placeholder, onInput, hint }: FieldProps) {
  const attrs = {
    id,
    autocomplete: 'off',
    spellcheck: false,
    value,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
    ...(placeholder ? { placeholder } : {}),
  };
  return (
    <>
      <label for={id}>{label}</label>
      {type === 'password' ? (
        <input type="password" {...attrs} />
      ) : type === 'url' ? (
        <input type="url" {...attrs} />
      ) : (
        <input type="text" {...attrs} />
      )}
      {hint && <p class="hint">{hint}</p>}
    </>
  );
}

const URL_HINT = 'https, or http on 127.0.0.1 / localhost.';

function MauticFields({
  source,
  onChange,
}: {
  source: Extract<SourceSettings, { kind: 'mautic' }>;
  onChange(source: SourceSettings): void;
}) {
  const set = (patch: Partial<typeof source>) => onChange({ ...source, ...patch });
  return (
    <>
      <Field
        id="mauticUrl"
        label="Mautic address"
        type="url"
        placeholder="https://mautic.example.com"
        value={source.baseUrl}
        onInput={(baseUrl) => set({ baseUrl })}
        hint={`${URL_HINT} The API must be enabled in Mautic's configuration.`}
      />
      <div role="radiogroup" aria-label="Mautic authentication">
        <label>
          <input
            type="radio"
            name="mauticAuth"
            value="basic"
            checked={source.auth === 'basic'}
            onChange={() => set({ auth: 'basic' })}
          />{' '}
          Basic (API user name and password)
        </label>
        <label>
          <input
            type="radio"
            name="mauticAuth"
            value="oauth"
            checked={source.auth === 'oauth'}
            onChange={() => set({ auth: 'oauth' })}
          />{' '}
          OAuth2 access token
        </label>
      </div>
      {source.auth === 'basic' ? (
        <>
          <Field
            id="mauticUser"
            label="User name"
            value={source.username}
            onInput={(username) => set({ username })}
          />
          <Field
            id="mauticPassword"
            label="Password"
            type="password"
            value={source.password}
            onInput={(password) => set({ password })}
          />
        </>
      ) : (
        <Field
          id="mauticToken"
          label="Access token"
          type="password"
          value={source.accessToken}
          onInput={(accessToken) => set({ accessToken })}
        />
      )}
    </>
  );
}

export function OptionsSourceFields({ source, onChange }: OptionsSourceFieldsProps) {
  switch (source.kind) {
    case 'clickmap-api':
      return (
        <>
          <Field
            id="apiUrl"
            label="API address"
            type="url"
            placeholder="https://reports.example.com"
            value={source.apiUrl}
            onInput={(apiUrl) => onChange({ ...source, apiUrl })}
            hint={`${URL_HINT} (e.g. the demo server)`}
          />
          <Field
            id="token"
            label="Token"
            type="password"
            value={source.token}
            onInput={(token) => onChange({ ...source, token })}
          />
        </>
      );
    case 'mailchimp': {
      const dc = mailchimpDataCenter(source.apiKey);
      return (
        <Field
          id="mailchimpKey"
          label="API key"
          type="password"
          placeholder="0123456789abcdef0123456789abcdef-us11"
          value={source.apiKey}
          onInput={(apiKey) => onChange({ ...source, apiKey })}
          hint={
            dc ? (
              <>
                Data centre <strong>{dc}</strong>: requests go to{' '}
                <code>{`https://${dc}.api.mailchimp.com/3.0`}</code>
              </>
            ) : (
              'Account → Extras → API keys. The key ends with its data centre (e.g. -us11).'
            )
          }
        />
      );
    }
    case 'listmonk':
      return (
        <>
          <Field
            id="listmonkUrl"
            label="listmonk address"
            type="url"
            placeholder="https://lists.example.org"
            value={source.baseUrl}
            onInput={(baseUrl) => onChange({ ...source, baseUrl })}
            hint={URL_HINT}
          />
          <Field
            id="listmonkUser"
            label="API user"
            value={source.username}
            onInput={(username) => onChange({ ...source, username })}
            hint="Admin → Users → API user (listmonk v4 or later)."
          />
          <Field
            id="listmonkToken"
            label="API token"
            type="password"
            value={source.token}
            onInput={(token) => onChange({ ...source, token })}
          />
        </>
      );
    case 'mautic':
      return <MauticFields source={source} onChange={onChange} />;
  }
}
