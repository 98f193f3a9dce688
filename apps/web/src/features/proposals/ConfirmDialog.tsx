import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../../ui/Button.js';
import styles from './proposals.module.css';

export interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  isPending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation (RAC: focus kept inside, Escape cancels, focus returns to the trigger). */
export function ConfirmDialog({ isOpen, title, children, confirmLabel, cancelLabel, isPending, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => (open ? undefined : onCancel())} isDismissable className={styles.overlay}>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.dialogTitle}>
            {title}
          </Heading>
          {children}
          <div className={styles.actions}>
            <Button onPress={onConfirm} isPending={isPending}>
              {confirmLabel}
            </Button>
            <Button variant="secondary" onPress={onCancel}>
              {cancelLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
