import { useState, type KeyboardEvent } from 'react';
import type { ProviderOption } from '../../shared/contract/provider-options';

// A text field with the provider's values as suggestions: the ARIA combobox pattern (an input
// with role combobox controlling a listbox, the active option named by aria-activedescendant).
// Arrow keys move through the matches, Enter or a click takes one, Escape closes the list; any
// typed value stays valid. Without suggestions it is a plain text field.

/** The most matches shown at once; more are reached by typing. */
export const MAX_SHOWN = 50;

export interface SuggestionInputProps {
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly suggestions?: readonly ProviderOption[];
  readonly type?: 'text' | 'url' | 'email';
  readonly disabled?: boolean;
  readonly describedBy?: string;
  readonly placeholder?: string;
}

const matches = (options: readonly ProviderOption[], typed: string): ProviderOption[] => {
  const t = typed.trim().toLowerCase();
  return t === '' ? [...options] : options.filter((o) => o.key.toLowerCase().includes(t) || o.name.toLowerCase().includes(t));
};

export const SuggestionInput = ({ id, value, onChange, suggestions = [], type = 'text', disabled = false, describedBy, placeholder }: SuggestionInputProps) => {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-listbox`;
  const found = matches(suggestions, value);
  const shown = found.slice(0, MAX_SHOWN);
  const expanded = open && shown.length > 0 && !disabled;
  const take = (o: ProviderOption) => {
    onChange(o.key);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (suggestions.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive((a) => (shown.length === 0 ? -1 : (a + step + shown.length) % shown.length));
    } else if (e.key === 'Enter' && expanded && active >= 0) {
      // Enter takes the option; it does not submit the form.
      e.preventDefault();
      const o = shown[active];
      if (o !== undefined) take(o);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const activeId = expanded && active >= 0 && active < shown.length ? `${listId}-${active}` : undefined;
  const combobox = suggestions.length > 0;
  return (
    // One wrapper whatever the suggestions, so the field is never remounted (and focus never lost) when they arrive.
    <div className={combobox ? 'combobox' : 'text-field'}>
      <input
        id={id}
        type={type}
        value={value}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        aria-describedby={describedBy}
        role={combobox ? 'combobox' : undefined}
        aria-autocomplete={combobox ? 'list' : undefined}
        aria-expanded={combobox ? expanded : undefined}
        aria-controls={combobox ? listId : undefined}
        aria-activedescendant={activeId}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      {combobox ? (
        <ul id={listId} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!expanded}>
          {shown.map((o, i) => (
            <li
              key={o.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Keeps focus in the field, so the click takes the option before the list closes.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => take(o)}
            >
              <span className="suggestion-key">{o.key}</span>
              {o.name !== '' && o.name !== o.key ? <span className="suggestion-name"> {o.name}</span> : null}
            </li>
          ))}
          {found.length > shown.length ? (
            <li role="option" aria-disabled="true" aria-selected={false} className="suggestion-more">
              {found.length - shown.length} more: type to narrow.
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
};
