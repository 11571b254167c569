/**
 * The one place the taskpane touches Office at start-up: resolve Office.onReady once and say where we run.
 * Components get the resulting HostStatus as a prop and never import Office.
 */
import type { HostStatus } from "../model";

export async function officeReady(): Promise<HostStatus> {
  // office.js is a plain <script>; if it failed to load (offline, blocked), there is no Office global at all.
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "no-office";
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel ? "excel" : "other";
}
