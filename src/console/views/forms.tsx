/**
 * Form pieces in the GOV.UK pattern: a label, a hint, the error in words next to the field, and
 * the field; and a POST form that always carries its CSRF token.
 */
import type { ComponentChildren } from 'preact';
import type { RegionItem, ReferenceData } from '../../reference/types';
import type { Lang } from '../../text/translate';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}

/** A field's label, hint and error around its control (the control carries `id`). */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class={error ? 'error-field' : undefined}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** `aria-describedby` for a control with a hint and/or an error. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((s) => s !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function PostForm({
  action,
  csrf,
  children,
  enctype,
  class: className,
}: {
  action: string;
  csrf: string;
  children: ComponentChildren;
  enctype?: string;
  class?: string;
}) {
  return (
    <form method="post" action={action} novalidate enctype={enctype} class={className}>
      <input type="hidden" name="_csrf" value={csrf} />
      {children}
    </form>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A select with an empty first option when `blank` is given. */
export function Select(p: {
  id: string;
  name: string;
  choices: readonly Choice[];
  value: string;
  blank?: string;
  describedBy?: string | undefined;
}) {
  return (
    <select id={p.id} name={p.name} aria-describedby={p.describedBy}>
      {p.blank !== undefined && <option value="">{p.blank}</option>}
      {p.choices.map((c) => (
        <option key={c.value} value={c.value} selected={c.value === p.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** Radio buttons in a fieldset whose legend is the question. */
export function Radios(p: {
  id: string;
  name: string;
  legend: string;
  choices: readonly Choice[];
  value: string;
  error?: string | undefined;
}) {
  return (
    <fieldset class={p.error ? 'error-field radios' : 'radios'} id={p.id}>
      <legend>{p.legend}</legend>
      {p.error && (
        <p class="error-message" id={`${p.id}-error`}>
          {p.error}
        </p>
      )}
      {p.choices.map((c, i) => (
        <label key={c.value}>
          <input
            type="radio"
            name={p.name}
            value={c.value}
            id={i === 0 ? `${p.id}-first` : undefined}
            checked={c.value === p.value}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The groups of a CouncilSelect: each of `regions` with its councils, named in `lang`. */
export const councilGroups = (ref: ReferenceData, regions: readonly RegionItem[], lang: Lang) =>
  regions.map((r) => ({
    code: r.code,
    label: r.label[lang],
    councils: (ref.councilsByRegion.get(r.code) ?? []).map((c) => ({
      value: c.code,
      label: c.label[lang],
    })),
  }));

/** Councils grouped by region (the script hides other regions' groups once one is chosen). */
export function CouncilSelect(p: {
  id: string;
  name: string;
  groups: readonly { code: string; label: string; councils: readonly Choice[] }[];
  value: string;
  blank: string;
  describedBy?: string | undefined;
}) {
  return (
    <select id={p.id} name={p.name} data-council-select aria-describedby={p.describedBy}>
      <option value="">{p.blank}</option>
      {p.groups.map((g) => (
        <optgroup key={g.code} label={g.label} data-region={g.code}>
          {g.councils.map((c) => (
            <option key={c.value} value={c.value} selected={c.value === p.value}>
              {c.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

export interface ChoiceGroup {
  label: string;
  choices: readonly Choice[];
}

/** A select of grouped choices, with ungrouped ones first (`first`) and a blank when given. */
export function GroupedSelect(p: {
  id: string;
  name: string;
  value: string;
  first?: readonly Choice[];
  groups: readonly ChoiceGroup[];
  blank?: string;
  describedBy?: string | undefined;
}) {
  return (
    <select id={p.id} name={p.name} aria-describedby={p.describedBy}>
      {p.blank !== undefined && <option value="">{p.blank}</option>}
      {(p.first ?? []).map((c) => (
        <option key={c.value} value={c.value} selected={c.value === p.value}>
          {c.label}
        </option>
      ))}
      {p.groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.choices.map((c) => (
            <option key={c.value} value={c.value} selected={c.value === p.value}>
              {c.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
