import type { ReactNode } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, Select, SelectValue, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import uiStyles from '../../ui/ui.module.css';
import choice from '../../ui/choice.module.css';
import styles from './ourchallenges.module.css';

interface FieldProps {
  /** The element id is `field-<name>`, so the error summary can link to it. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  optional?: boolean;
  error?: string;
  lang?: string;
  type?: 'text' | 'date' | 'time';
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
}

function Head({ label, optional, description, error }: Pick<FieldProps, 'label' | 'optional' | 'description' | 'error'>) {
  const { t } = useTranslation();
  return (
    <>
      <Label className={uiStyles.label}>
        {label}
        {optional ? ` ${t('common.optional')}` : null}
      </Label>
      {description ? (
        <Text slot="description" className={uiStyles.description}>
          {description}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className={uiStyles.fieldError}>
          {error}
        </Text>
      ) : (
        <FieldError className={uiStyles.fieldError} />
      )}
    </>
  );
}

/** A controlled, labelled one-line input; `error` (translated) shows above it and marks it invalid. */
export function Field({ name, value, onChange, error, lang, type = 'text', inputMode, maxLength, ...head }: FieldProps) {
  return (
    <TextField value={value} onChange={onChange} isInvalid={Boolean(error)} className={uiStyles.field} type={type} inputMode={inputMode} maxLength={maxLength}>
      <Head {...head} error={error} />
      <Input id={`field-${name}`} className={uiStyles.input} lang={lang} />
    </TextField>
  );
}

export function AreaField({ name, value, onChange, error, lang, ...head }: FieldProps) {
  return (
    <TextField value={value} onChange={onChange} isInvalid={Boolean(error)} className={uiStyles.field}>
      <Head {...head} error={error} />
      <TextArea id={`field-${name}`} className={`${uiStyles.input} ${styles.area}`} lang={lang} rows={8} />
    </TextField>
  );
}

export function Choices<T extends string>({
  name,
  label,
  options,
  value,
  onChange,
  description,
  optional,
  error,
}: {
  name: string;
  label: string;
  options: readonly { value: T; label: ReactNode }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  description?: ReactNode;
  optional?: boolean;
  error?: string;
}) {
  return (
    <CheckboxGroup id={`field-${name}`} value={[...value]} onChange={(v) => onChange(v as T[])} isInvalid={Boolean(error)} className={styles.group}>
      <Head label={label} optional={optional} description={description} error={error} />
      <div className={styles.choices}>
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} className={choice.choice}>
            <span className={choice.box} aria-hidden="true" />
            <span>{o.label}</span>
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
}

export function OneOf<T extends string>({
  name,
  label,
  options,
  value,
  onChange,
  description,
  error,
}: {
  name: string;
  label: string;
  options: readonly { value: T; label: ReactNode; hint?: ReactNode }[];
  value: T;
  onChange: (value: T) => void;
  description?: ReactNode;
  error?: string;
}) {
  return (
    <RadioGroup id={`field-${name}`} value={value} onChange={(v) => onChange(v as T)} isInvalid={Boolean(error)} className={styles.group}>
      <Head label={label} description={description} error={error} />
      {options.map((o) => (
        <Radio key={o.value} value={o.value} className={`${choice.choice} ${styles.radio}`}>
          <span>
            <span>{o.label}</span>
            {o.hint ? <span className={styles.hint}>{o.hint}</span> : null}
          </span>
        </Radio>
      ))}
    </RadioGroup>
  );
}

const NONE = '-';

/** A labelled drop-down (React Aria Select): one value from a list; '' is the first option ("any", "choose"). */
export function Pick({
  name,
  label,
  options,
  value,
  onChange,
  description,
  error,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string;
}) {
  return (
    <Select selectedKey={value || NONE} onSelectionChange={(key) => onChange(key === null || key === NONE ? '' : String(key))} isInvalid={Boolean(error)} className={styles.group}>
      <Head label={label} description={description} error={error} />
      <Button id={`field-${name}`} className={styles.select}>
        <SelectValue />
      </Button>
      <Popover className={styles.popover}>
        <ListBox items={options.map((o) => ({ id: o.value || NONE, name: o.label }))}>
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.name} className={styles.option}>
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
