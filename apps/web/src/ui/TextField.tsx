import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import styles from './ui.module.css';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children' | 'className'> {
  label: string;
  description?: ReactNode;
  optional?: boolean;
  name: string;
}

/** A labelled text input; server errors for `name` (Form validationErrors) show under it. */
export function TextField({ label, description, optional, name, ...props }: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <AriaTextField {...props} name={name} className={styles.field}>
      <Label className={styles.label}>
        {label}
        {optional ? ` ${t('common.optional')}` : null}
      </Label>
      {description ? (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      ) : null}
      <FieldError className={styles.fieldError} />
      <Input id={`field-${name}`} className={styles.input} />
    </AriaTextField>
  );
}
