/**
 * The one place the taskpane touches Office at start-up: resolve Office.onReady once and say where we run.
 * Components get the resulting HostStatus as a prop and never import Office.
 */
import type { HostStatus } from "../model";

export async function officeReady(): Promise<HostStatus> {
  // office.js is a plain <script>; if it failed to load (offline, blocked), there is no Office global at all.
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "no-office";
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return "other";
  await loadWithDocument();
  return "excel";
}

/**
 * Shared runtime: without this, the KHJL functions sit at #BUSY! in a reopened workbook until someone opens the
 * taskpane (xlwings-server #261). Setting the startup behavior to `load` makes Excel start the runtime (and so the
 * functions) whenever this document opens. Older hosts without SharedRuntime 1.1 lack the API: nothing to do there.
 */
export async function loadWithDocument(): Promise<void> {
  try {
    if (Office.addin && typeof Office.addin.setStartupBehavior === "function") await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  } catch {
    // Not fatal: the functions still work once the pane has been opened.
  }
}
