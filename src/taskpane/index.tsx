/**
 * Taskpane bootstrap only: mount React at #container, render at once (over file:// Office.onReady never resolves,
 * and the pane should say so rather than stay blank), then re-render once Office.onReady has told us the host,
 * with the Excel port when that host is Excel.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./components/App";
import { createExcelPort } from "./excel/adapter";
import { officeReady } from "./excel/host";
import { errorText, type HostStatus } from "./model";
import type { ExcelPort } from "./port";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

function render(host: HostStatus, port?: ExcelPort, startupError?: string): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} host={host} startupError={startupError} />
    </FluentProvider>,
  );
}

function connect(host: HostStatus): void {
  if (host !== "excel") return render(host);
  try {
    render(host, createExcelPort());
  } catch (e) {
    render(host, undefined, errorText(e));
  }
}

render("waiting");
officeReady().then(connect, () => render("no-office"));
