/**
 * Runs the pane's actions: one at a time (every action reads or writes the same workbook, so a second click while
 * grading must not start another run), with the outcome of failures kept per tab so the user sees them where they
 * acted. Thrown errors become an error notice, Blocked answers a blocked notice; nothing is left to the console.
 */
import * as React from "react";
import { isBlocked, type Blocked } from "../../actions/types";
import { errorText, type Notice, type TabId } from "../../model";

/** The actions that occupy the workbook; selecting a cell or reading the periods does not. */
export type Task = "validate" | "grade" | "freeze" | "apply" | "import";

export interface Runner {
  busy: Task | undefined;
  notices: Partial<Record<TabId, Notice>>;
  report(tab: TabId, notice: Notice | undefined): void;
  /**
   * Clears the tab's notice, runs `fn`, and answers its result, or undefined when it was blocked, failed, or another
   * task was running. With `task` undefined the run does not take the pane's busy slot.
   */
  run<T>(tab: TabId, task: Task | undefined, fn: () => Promise<T | Blocked>, during?: "periods"): Promise<T | undefined>;
}

export function useRunner(): Runner {
  const [busy, setBusy] = React.useState<Task | undefined>(undefined);
  // The ref closes the gap between a click and the re-render that disables the buttons (a quick double Enter).
  const busyRef = React.useRef<Task | undefined>(undefined);
  const [notices, setNotices] = React.useState<Partial<Record<TabId, Notice>>>({});

  const report = React.useCallback((tab: TabId, notice: Notice | undefined) => {
    setNotices((old) => ({ ...old, [tab]: notice }));
  }, []);

  const run = React.useCallback(
    async <T>(tab: TabId, task: Task | undefined, fn: () => Promise<T | Blocked>, during?: "periods"): Promise<T | undefined> => {
      if (task) {
        if (busyRef.current) return undefined;
        busyRef.current = task;
        setBusy(task);
      }
      report(tab, undefined);
      try {
        const result = await fn();
        if (isBlocked(result)) {
          report(tab, { kind: "blocked", messages: result.blocked });
          return undefined;
        }
        return result;
      } catch (e) {
        report(tab, during ? { kind: "error", message: errorText(e), during } : { kind: "error", message: errorText(e) });
        return undefined;
      } finally {
        if (task) {
          busyRef.current = undefined;
          setBusy(undefined);
        }
      }
    },
    [report],
  );

  return { busy, notices, report, run };
}
