import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import styles from './ui.module.css';

export interface ButtonProps extends Omit<AriaButtonProps, 'children' | 'className'> {
  children: ReactNode;
  variant?: 'primary' | 'secondary';
}

/** RAC Button with our tokens; `isPending` shows a spinner inside and announces the work. */
export function Button({ children, variant = 'primary', isPending, ...props }: ButtonProps) {
  const { t } = useTranslation();
  return (
    <AriaButton {...props} isPending={isPending} className={styles.button} data-variant={variant}>
      {isPending ? <span className={styles.spinner} aria-hidden="true" /> : null}
      {children}
      {isPending ? <span className="visually-hidden">{t('common.working')}</span> : null}
    </AriaButton>
  );
}
