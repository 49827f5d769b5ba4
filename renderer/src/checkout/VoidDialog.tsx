import { Dialog } from './Dialog';

export interface VoidDialogProps {
  open: boolean;
  saleId: number;
  lineCount: number;
  onConfirm(): void;
  onClose(): void;
}

export function VoidDialog({ open, saleId, lineCount, onConfirm, onClose }: VoidDialogProps) {
  return (
    <Dialog open={open} title={`Void sale ${saleId}?`} testId="void-dialog" onClose={onClose}>
      <p className="dialog-text">
        {lineCount === 1 ? 'The line is' : `All ${lineCount} lines are`} removed and the sale is recorded as voided. This cannot be undone.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" data-testid="void-cancel" autoFocus onClick={onClose}>
          Keep the sale
        </button>
        <button type="button" className="button button-danger" data-testid="void-confirm" onClick={onConfirm}>
          Void sale
        </button>
      </div>
    </Dialog>
  );
}
