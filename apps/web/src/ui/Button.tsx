import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import styles from './ui.module.css';

export interface ButtonProps extends Omit<AriaButtonProps, 'children' | 'className'> {
  children: ReactNode;
  variant?: 'primary' | 'secondary';
}

/**
 * RAC Button with our tokens. While `isPending` it shows a spinner, ignores presses (a submit
 * button stops submitting) but keeps focus, and says "working" through its own polite status
 * region. RAC's own pending announcement is not used: it points a live region at the button by
 * id, and when the button goes away with the page it replaces, that region is left as an image
 * with no name for seven seconds (axe: role-img-alt).
 */
export function Button({ children, variant = 'primary', isPending, onPress, type, ...props }: ButtonProps) {
  const { t } = useTranslation();
  return (
    <>
      <AriaButton
        {...props}
        type={isPending && type === 'submit' ? 'button' : type}
        onPress={isPending ? undefined : onPress}
        aria-disabled={isPending || undefined}
        data-pending={isPending || undefined}
        className={styles.button}
        data-variant={variant}
      >
        {isPending ? <span className={styles.spinner} aria-hidden="true" /> : null}
        {children}
      </AriaButton>
      <span role="status" className="visually-hidden">
        {isPending ? t('common.working') : ''}
      </span>
    </>
  );
}
