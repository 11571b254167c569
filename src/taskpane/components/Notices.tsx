/**
 * The pane's messages about itself: where it runs (outside Excel nothing can be done), an action that failed
 * (`error`) and an action that could not start (`blocked`, every reason in the current language).
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Texts } from "../i18n";
import type { HostStatus, Lang, Notice } from "../model";
import { usePanelStyles } from "./styles";

export const NoticeBar: React.FC<{ notice: Notice | undefined; t: Texts; lang: Lang }> = ({ notice, t, lang }) => {
  const styles = usePanelStyles();
  if (!notice) return null;
  if (notice.kind === "error") {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="error">
        <MessageBarBody>
          <MessageBarTitle>{notice.during === "periods" ? t.periodsFailed : t.errorTitle}</MessageBarTitle>
          {notice.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="blocked">
      <MessageBarBody>
        <MessageBarTitle>{t.blockedTitle}</MessageBarTitle>
        <ul className={styles.list}>
          {notice.messages.map((m, i) => (
            <li key={i}>{m[lang]}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
};

/** Says why the actions are disabled when the pane has no workbook to work on; nothing inside Excel. */
export const HostNote: React.FC<{ host: HostStatus; connected: boolean; startupError?: string; t: Texts }> = ({
  host,
  connected,
  startupError,
  t,
}) => {
  if (host === "excel") {
    if (connected) return null;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="host-status">
        <MessageBarBody>
          <MessageBarTitle>{t.hostNoPort}</MessageBarTitle>
          {startupError}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const note =
    host === "waiting"
      ? { intent: "info" as const, text: t.hostWaiting }
      : { intent: "warning" as const, text: host === "other" ? t.hostOther : t.hostNoOffice };
  return (
    <MessageBar intent={note.intent} layout="multiline" data-testid="host-status">
      <MessageBarBody>{note.text}</MessageBarBody>
    </MessageBar>
  );
};
