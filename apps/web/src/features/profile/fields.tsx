import { useMemo, useState, type ReactNode } from 'react';
import {
  Button as AriaButton, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, Tag, TagGroup, TagList, Text, TextArea,
  TextField as AriaTextField, useFilter, type Key, type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import ui from '../../ui/ui.module.css';
import styles from './profile.module.css';

export interface Option {
  code: string;
  label: string;
}

/** A multi-line plain-text field; server errors for `name` (Form validationErrors) show under its label. */
export function TextAreaField({ label, description, optional, name, ...props }: Omit<AriaTextFieldProps, 'children' | 'className'> & { label: string; description?: ReactNode; optional?: boolean; name: string }) {
  const { t } = useTranslation();
  return (
    <AriaTextField {...props} name={name} className={ui.field}>
      <Label className={ui.label}>
        {label}
        {optional ? ` ${t('common.optional')}` : null}
      </Label>
      {description ? (
        <Text slot="description" className={ui.description}>
          {description}
        </Text>
      ) : null}
      <FieldError className={ui.fieldError} />
      <TextArea id={`field-${name}`} className={`${ui.input} ${styles.textarea}`} rows={5} />
    </AriaTextField>
  );
}

function ChevronIcon() {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" focusable="false">
      <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function CrossIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" focusable="false">
      <path d="M2 2l8 8M10 2l-8 8" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/**
 * A searchable multi-select: a combo box to find and add an option (typing filters, ignoring case
 * and diacritics; Enter or a click adds it) and a tag group of the chosen ones (each with a remove
 * button; Delete or Backspace removes the focused tag). The input has id `field-<name>`, so the
 * error summary can link to it.
 */
export function TagPicker({ name, label, options, value, onChange, error, optional = true }: {
  name: string;
  label: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const { contains } = useFilter({ sensitivity: 'base' });
  const [input, setInput] = useState('');
  const byCode = useMemo(() => new Map(options.map((o) => [o.code, o])), [options]);
  const available = useMemo(() => options.filter((o) => !value.includes(o.code) && contains(o.label, input)), [options, value, input, contains]);
  const chosen = value.map((code) => byCode.get(code) ?? { code, label: code });
  return (
    <div className={`${ui.field} ${styles.picker}`}>
      <ComboBox
        items={available}
        inputValue={input}
        onInputChange={setInput}
        selectedKey={null}
        onSelectionChange={(key: Key | null) => {
          if (key === null) return;
          onChange([...value, String(key)]);
          setInput('');
        }}
        isInvalid={Boolean(error)}
        allowsEmptyCollection
        className={styles.combo}
      >
        <Label className={ui.label}>
          {label}
          {optional ? ` ${t('common.optional')}` : null}
        </Label>
        <Text slot="description" className={ui.description}>
          {t('profile.field.pickerHint')}
        </Text>
        {error ? (
          <Text slot="errorMessage" className={ui.fieldError}>
            {error}
          </Text>
        ) : null}
        <ComboControls name={name} label={label} emptyText={t('profile.field.noOptions')} />
      </ComboBox>
      <TagGroup aria-label={t('profile.field.selected', { label })} onRemove={(keys) => onChange(value.filter((code) => !keys.has(code)))} className={styles.tags}>
        <TagList items={chosen} className={styles.tagList} renderEmptyState={() => <span className={ui.description}>{t('profile.field.noneChosen')}</span>}>
          {(item) => (
            <Tag id={item.code} textValue={item.label} className={styles.tag}>
              {item.label}
              <AriaButton slot="remove" className={styles.tagRemove} aria-label={t('profile.field.remove', { label: item.label })}>
                <CrossIcon />
              </AriaButton>
            </Tag>
          )}
        </TagList>
      </TagGroup>
    </div>
  );
}

/** A combo box's input, open button and option list (inside a RAC ComboBox of Options). */
function ComboControls({ name, label, emptyText }: { name: string; label: string; emptyText?: string }) {
  return (
    <>
      <div className={styles.comboRow}>
        <Input id={`field-${name}`} className={ui.input} />
        <AriaButton className={styles.comboButton} aria-label={label}>
          <ChevronIcon />
        </AriaButton>
      </div>
      <Popover className={styles.popover}>
        <ListBox<Option> className={styles.listBox} renderEmptyState={emptyText ? () => <p className={styles.noOptions}>{emptyText}</p> : undefined}>
          {(item) => (
            <ListBoxItem id={item.code} textValue={item.label} className={styles.option}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </>
  );
}

/**
 * One choice from a long list, searchable (the municipality). A name typed but not picked is kept
 * as typed (`allowsCustomValue`): the server resolves place names ("skofja loka") and answers with
 * a field error when it knows none. `value` is an option's code or the text as typed.
 */
export function SinglePicker({ name, label, description, options, value, onChange, error }: {
  name: string;
  label: string;
  description?: string;
  options: readonly Option[];
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const byCode = useMemo(() => new Map(options.map((o) => [o.code, o])), [options]);
  const [input, setInput] = useState(() => (value === null ? '' : (byCode.get(value)?.label ?? value)));
  const selected = value !== null && byCode.has(value) ? value : null;
  const items = useMemo(() => (selected !== null && byCode.get(selected)?.label === input ? options : options.filter((o) => contains(o.label, input))), [options, input, selected, byCode, contains]);
  return (
    <ComboBox
      items={items}
      inputValue={input}
      onInputChange={(text) => {
        setInput(text);
        // An option's exact name counts as choosing it; anything else is sent as typed.
        const exact = options.find((o) => o.label.localeCompare(text.trim(), undefined, { sensitivity: 'base' }) === 0);
        onChange(exact ? exact.code : text.trim() || null);
      }}
      selectedKey={selected}
      onSelectionChange={(key: Key | null) => {
        if (key === null) return;
        onChange(String(key));
        setInput(byCode.get(String(key))?.label ?? String(key));
      }}
      allowsCustomValue
      isInvalid={Boolean(error)}
      className={`${ui.field} ${styles.combo}`}
    >
      <Label className={ui.label}>{label}</Label>
      {description ? (
        <Text slot="description" className={ui.description}>
          {description}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className={ui.fieldError}>
          {error}
        </Text>
      ) : null}
      <ComboControls name={name} label={label} />
    </ComboBox>
  );
}

/** A small set of exclusive choices as radio buttons. */
export function RadioField({ name, label, options, value, onChange }: { name: string; label: string; options: readonly Option[]; value: string; onChange: (code: string) => void }) {
  return (
    <RadioGroup name={name} value={value} onChange={onChange} className={`${ui.field} ${styles.radios}`}>
      <Label className={ui.label}>{label}</Label>
      <FieldError className={ui.fieldError} />
      {options.map((o, index) => (
        <Radio key={o.code} value={o.code} id={index === 0 ? `field-${name}` : undefined} className={styles.radio}>
          {o.label}
        </Radio>
      ))}
    </RadioGroup>
  );
}
