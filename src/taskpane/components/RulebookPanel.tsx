/**
 * 规则集 tab: the rulebook in force, a choice among the built-in and imported rulebooks (选用 stores it in the
 * document and recalculates the KHJL formulas), the chosen rulebook's rules, and import/export as JSON files.
 */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Subtitle2, makeStyles } from "@fluentui/react-components";
import type { Texts } from "../i18n";
import { IMPORT_LIMIT_MB, type Lang } from "../model";
import ActiveRulebook from "./ActiveRulebook";
import type { RulebookMessage, Rulebooks } from "./hooks/useRulebooks";
import RulesTable from "./RulesTable";
import { usePanelStyles } from "./styles";

const useHidden = makeStyles({ input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" } });

export interface RulebookPanelProps {
  t: Texts;
  lang: Lang;
  /** False outside Excel or while another action runs. */
  enabled: boolean;
  running: boolean;
  books: Pick<Rulebooks, "active" | "options" | "selected" | "rules" | "message">;
  onSelect(id: string): void;
  onApply(): void;
  onImport(file: File): void;
  onExport(): void;
}

function Message({ t, message }: { t: Texts; message: RulebookMessage }): React.ReactElement {
  const panel = usePanelStyles();
  switch (message.kind) {
    case "applied":
    case "imported":
    case "exported": {
      const text =
        message.kind === "applied"
          ? t.applied(message.id, message.version)
          : message.kind === "imported"
            ? t.importedOk(message.id, message.version)
            : t.exported(message.fileName);
      return (
        <MessageBar intent="success" layout="multiline" data-testid="rulebook-message">
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
      );
    }
    case "tooLarge":
      return (
        <MessageBar intent="error" layout="multiline" data-testid="rulebook-message">
          <MessageBarBody>{t.importTooLarge(IMPORT_LIMIT_MB)}</MessageBarBody>
        </MessageBar>
      );
    case "importProblems":
      return (
        <MessageBar intent="error" layout="multiline" data-testid="rulebook-message">
          <MessageBarBody>
            <MessageBarTitle>{t.importProblems}</MessageBarTitle>
            <ul className={panel.list}>
              {message.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      );
  }
}

// Long rulebook names must not widen the pane: a native select is as wide as its longest option unless told.
const useStyles = makeStyles({
  field: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
});

const RulebookPanel: React.FC<RulebookPanelProps> = ({ t, lang, enabled, running, books, onSelect, onApply, onImport, onExport }) => {
  const panel = usePanelStyles();
  const hidden = useHidden();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const styles = useStyles();
  const { active, options, selected, rules, message } = books;
  const canAct = enabled && selected !== "";

  return (
    <div className={panel.panel}>
      {active && (
        <section className={panel.section}>
          <Subtitle2 as="h2">{t.activeHeading}</Subtitle2>
          <ActiveRulebook t={t} lang={lang} active={active} />
        </section>
      )}

      <section className={panel.section}>
        <Subtitle2 as="h2">{t.chooseHeading}</Subtitle2>
        {options.ok ? (
          <Field label={t.rulebookLabel} hint={t.applyNote} className={styles.field}>
            <Select data-testid="rulebook-select" className={styles.select} value={selected} onChange={(_, data) => onSelect(data.value)}>
              {options.value.map((o) => (
                <option key={o.id} value={o.id} data-built-in={o.builtIn ? "true" : "false"}>
                  {t.optionLabel(o.name[lang], o.version, o.builtIn)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <MessageBar intent="error" layout="multiline" data-testid="rulebooks-unavailable">
            <MessageBarBody>
              <MessageBarTitle>{t.rulebooksUnavailable}</MessageBarTitle>
              {options.message}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={panel.actions}>
          <Button appearance="primary" data-testid="rulebook-apply" disabled={!canAct} onClick={onApply}>
            {t.applyButton}
          </Button>
          <Button data-testid="rulebook-export" disabled={!canAct} onClick={onExport}>
            {t.exportButton}
          </Button>
          {running && <Spinner size="tiny" aria-label={t.working} />}
        </div>
        <Field label={t.importLabel}>
          {(fieldProps) => (
            <div>
              {/* The browser's own file control speaks the browser's language; a Fluent button in the pane's opens it. */}
              <input
                ref={fileInput}
                className={hidden.input}
                tabIndex={-1}
                aria-hidden
                type="file"
                accept=".json"
                data-testid="rulebook-import"
                disabled={!enabled}
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  // Cleared so that choosing the same file again (after fixing it) imports it again.
                  e.currentTarget.value = "";
                  if (file) onImport(file);
                }}
              />
              <Button {...fieldProps} data-testid="rulebook-import-button" disabled={!enabled} onClick={() => fileInput.current?.click()}>
                {t.importChoose}
              </Button>
            </div>
          )}
        </Field>
        {message && <Message t={t} message={message} />}
      </section>

      {rules && (
        <section className={panel.section}>
          <Subtitle2 as="h2">{t.rulesHeading}</Subtitle2>
          {rules.ok ? (
            <RulesTable t={t} lang={lang} rows={rules.value} />
          ) : (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{rules.message}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
    </div>
  );
};

export default RulebookPanel;
