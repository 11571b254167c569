/**
 * Taskpane bootstrap only: mount React at #container, render at once (nothing shown needs Office yet, and over
 * file:// Office.onReady never resolves), then re-render once Office.onReady has told us the host.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./components/App";
import { officeReady } from "./excel/host";
import { loadRulebookList, type HostStatus } from "./model";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);
const rulebooks = loadRulebookList();

function render(host: HostStatus): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App rulebooks={rulebooks} host={host} />
    </FluentProvider>,
  );
}

render("waiting");
officeReady().then(render, () => render("no-office"));
