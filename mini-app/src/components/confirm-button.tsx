import { type ReactNode, useState } from 'react';
import { Button, Modal } from 'zmp-ui';

interface ConfirmButtonProps {
  children: ReactNode;
  /** The question, e.g. "Duyệt kế hoạch này?" */
  title: string;
  description: string;
  /** More to read before deciding (e.g. a photo's flags), under the description. */
  details?: ReactNode;
  confirmText: string;
  onConfirm: () => void;
  loading?: boolean;
  disabled?: boolean;
  variant?: 'primary' | 'secondary' | 'tertiary';
  size?: 'large' | 'medium';
  fullWidth?: boolean;
}

/** A button that asks before doing anything that cannot be undone. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        fullWidth={props.fullWidth ?? true}
        size={props.size ?? 'large'}
        variant={props.variant ?? 'primary'}
        loading={props.loading}
        disabled={props.disabled || props.loading}
        onClick={() => setOpen(true)}
      >
        {props.children}
      </Button>
      <Modal
        visible={open}
        title={props.title}
        description={props.description}
        onClose={() => setOpen(false)}
        actions={[
          { text: 'Hủy', close: true, onClick: () => setOpen(false) },
          {
            text: props.confirmText,
            highLight: true,
            onClick: () => {
              setOpen(false);
              props.onConfirm();
            },
          },
        ]}
      >
        {props.details}
      </Modal>
    </>
  );
}
