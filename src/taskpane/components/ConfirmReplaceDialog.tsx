/**
 * The question runGrading asks before it replaces an existing results sheet. Open while `sheet` is set; 替换
 * answers yes, 取消, Escape or a click outside answer no, so the sheet is never replaced by accident.
 */
import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import type { Texts } from "../i18n";

export interface ConfirmReplaceDialogProps {
  t: Texts;
  sheet: string | undefined;
  onAnswer(replace: boolean): void;
}

const ConfirmReplaceDialog: React.FC<ConfirmReplaceDialogProps> = ({ t, sheet, onAnswer }) => {
  const open = sheet !== undefined;
  const cancel = React.useRef<HTMLButtonElement>(null);
  // Focus starts on 取消, not on the first button as Fluent would have it: an Enter pressed out of habit must not
  // discard the sheet's manual edits. This effect runs after the Dialog's own (parents' effects run last).
  React.useEffect(() => {
    if (open) cancel.current?.focus();
  }, [open]);

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onAnswer(false)}>
      <DialogSurface data-testid="confirm-dialog">
        <DialogBody>
          <DialogTitle>{open ? t.confirmQuestion(sheet) : t.confirmTitle}</DialogTitle>
          <DialogContent>{t.confirmBody}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="confirm-yes" onClick={() => onAnswer(true)}>
              {t.confirmYes}
            </Button>
            <Button appearance="secondary" data-testid="confirm-no" ref={cancel} onClick={() => onAnswer(false)}>
              {t.confirmNo}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};

export default ConfirmReplaceDialog;
