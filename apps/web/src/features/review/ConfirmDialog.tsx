import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../../ui/Button.js';
import styles from './review.module.css';

/** A modal confirmation before an irreversible step (RAC: focus kept inside, Escape cancels, focus returns to the trigger). */
export function ConfirmDialog(props: { isOpen: boolean; title: string; children: ReactNode; confirmLabel: string; cancelLabel: string; isPending?: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ModalOverlay isOpen={props.isOpen} onOpenChange={(open) => (open ? undefined : props.onCancel())} isDismissable className={styles.overlay}>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.dialogTitle}>
            {props.title}
          </Heading>
          {props.children}
          <div className={styles.actions}>
            <Button onPress={props.onConfirm} isPending={props.isPending}>
              {props.confirmLabel}
            </Button>
            <Button variant="secondary" onPress={props.onCancel}>
              {props.cancelLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
