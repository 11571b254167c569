/**
 * 固定为数值, below the appraisal: replaces formulas by their values in the whole active sheet or the selection, so
 * the sheet handed to the branch no longer changes when the rulebook or the data do.
 */
import * as React from "react";
import { Body1, Button, Divider, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle2 } from "@fluentui/react-components";
import type { FreezeOutcome } from "../actions/types";
import type { Texts } from "../i18n";
import type { FreezeTarget } from "./hooks/useFreeze";
import { usePanelStyles } from "./styles";

export interface FreezeSectionProps {
  t: Texts;
  enabled: boolean;
  running: boolean;
  target: FreezeTarget;
  onTarget(target: FreezeTarget): void;
  outcome: FreezeOutcome | undefined;
  onFreeze(): void;
}

const FreezeSection: React.FC<FreezeSectionProps> = ({ t, enabled, running, target, onTarget, outcome, onFreeze }) => {
  const panel = usePanelStyles();
  const headingId = React.useId();
  return (
    <section className={panel.section} aria-labelledby={headingId}>
      <Divider className={panel.divider} />
      <Subtitle2 as="h2" id={headingId}>
        {t.freezeHeading}
      </Subtitle2>
      <Body1 className={panel.intro}>{t.freezeIntro}</Body1>
      <Field label={t.freezeTarget}>
        <RadioGroup
          data-testid="freeze-target"
          value={target}
          disabled={!enabled}
          onChange={(_, data) => onTarget(data.value === "selection" ? "selection" : "sheet")}
        >
          <Radio value="sheet" label={t.freezeSheet} />
          <Radio value="selection" label={t.freezeSelection} />
        </RadioGroup>
      </Field>
      <div className={panel.actions}>
        <Button data-testid="freeze-button" disabled={!enabled} onClick={onFreeze}>
          {t.freezeButton}
        </Button>
        {running && <Spinner size="tiny" aria-label={t.working} />}
      </div>
      {outcome && (
        <MessageBar intent="success" layout="multiline" data-testid="freeze-result">
          <MessageBarBody>
            {t.freezeDone(outcome.address, outcome.formulas)}
            <br />
            {outcome.note}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
};

export default FreezeSection;
