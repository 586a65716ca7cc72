/**
 * The fields of one report source in the options page, drawn from the
 * source's descriptor (utils/sources/<kind>/index.ts `fields`): text, URL and
 * password inputs, radio choices (Mautic's authentication), hints that may
 * follow what is typed (Mailchimp's data centre), and fields shown only under
 * a choice. A new source brings its fields; nothing here changes.
 */
import type { FieldSpec } from '../utils/sources/descriptor.ts';
import { sourceOf } from '../utils/sources/registry.ts';
import type { SourceSettings } from '../utils/settings/sources.ts';

export interface OptionsSourceFieldsProps {
  source: SourceSettings;
  onChange(source: SourceSettings): void;
}

interface FieldProps {
  field: FieldSpec;
  values: Record<string, string>;
  onInput(value: string): void;
}

function Choice({ field, values, onInput }: FieldProps) {
  return (
    <div role="radiogroup" aria-label={field.label}>
      {field.choices?.map((choice) => (
        <label key={choice.value}>
          <input
            type="radio"
            name={field.id}
            value={choice.value}
            checked={values[field.key] === choice.value}
            onChange={() => onInput(choice.value)}
          />{' '}
          {choice.label}
        </label>
      ))}
    </div>
  );
}

function Field({ field, values, onInput }: FieldProps) {
  if (field.type === 'choice') return <Choice field={field} values={values} onInput={onInput} />;
  const hint = typeof field.hint === 'function' ? field.hint(values) : field.hint;
  const attrs = {
    id: field.id,
    autocomplete: 'off',
    spellcheck: false,
    value: values[field.key] ?? '',
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
  };
  return (
    <>
      <label for={field.id}>{field.label}</label>
      {field.type === 'password' ? (
        <input type="password" {...attrs} />
      ) : field.type === 'url' ? (
        <input type="url" {...attrs} />
      ) : (
        <input type="text" {...attrs} />
      )}
      {hint && <p class="hint">{hint}</p>}
    </>
  );
}

export function OptionsSourceFields({ source, onChange }: OptionsSourceFieldsProps) {
  const values = source as unknown as Record<string, string>;
  return (
    <>
      {sourceOf(source.kind)
        .fields.filter((field) => field.when?.(values) ?? true)
        .map((field) => (
          <Field
            key={field.id}
            field={field}
            values={values}
            onInput={(value) => onChange({ ...source, [field.key]: value } as SourceSettings)}
          />
        ))}
    </>
  );
}
