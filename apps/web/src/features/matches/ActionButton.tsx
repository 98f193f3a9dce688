import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import uiStyles from '../../ui/ui.module.css';

/**
 * A button whose press makes it go away (publish, close, agree). RAC's isPending announces the
 * pending state by pointing at the button's label; once the button is gone that announcement is
 * left without a name (axe: role-img-alt). This one shows the same spinner, is marked busy and
 * ignores presses while the work runs, without that announcement.
 */
export function ActionButton({ children, pending, variant = 'primary', onPress, ...props }: Omit<AriaButtonProps, 'children' | 'className' | 'isPending'> & { children: ReactNode; pending: boolean; variant?: 'primary' | 'secondary' }) {
  return (
    <AriaButton {...props} onPress={pending ? undefined : onPress} aria-busy={pending || undefined} className={uiStyles.button} data-variant={variant} data-pending={pending || undefined}>
      {pending ? <span className={uiStyles.spinner} aria-hidden="true" /> : null}
      {children}
    </AriaButton>
  );
}
