/**
 * A rendering failure in a tab (unexpected data from a workbook) shows as an error bar in the pane instead of a blank
 * pane; the header and the tabs stay usable, and switching tabs (a new key) tries again.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { errorText } from "../model";

interface Props {
  title: string;
  children?: React.ReactNode;
}

export default class ErrorBoundary extends React.Component<Props, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): React.ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="error">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {errorText(this.state.error)}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
