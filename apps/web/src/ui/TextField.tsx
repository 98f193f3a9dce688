import { useContext, type ReactNode } from 'react';
import { FieldError, FormValidationContext, Input, Label, Text, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import styles from './ui.module.css';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children' | 'className'> {
  label: string;
  description?: ReactNode;
  optional?: boolean;
  name: string;
}

/**
 * A labelled text input; the form's server errors for `name` (Form validationErrors) show above
 * the input. They stay until the form is submitted again (as the error summary does): React Aria
 * would drop them when the field loses focus, and the layout shift then moved the submit button
 * from under a pointer between press and release, losing the click.
 */
export function TextField({ label, description, optional, name, ...props }: TextFieldProps) {
  const { t } = useTranslation();
  const raw = useContext(FormValidationContext)[name];
  const serverError = Array.isArray(raw) ? raw.join(' ') : raw;
  return (
    <AriaTextField {...props} name={name} isInvalid={props.isInvalid ?? (serverError ? true : undefined)} className={styles.field}>
      <Label className={styles.label}>
        {label}
        {optional ? ` ${t('common.optional')}` : null}
      </Label>
      {description ? (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      ) : null}
      {serverError ? (
        <Text slot="errorMessage" className={styles.fieldError}>
          {serverError}
        </Text>
      ) : (
        <FieldError className={styles.fieldError} />
      )}
      <Input id={`field-${name}`} className={styles.input} />
    </AriaTextField>
  );
}
