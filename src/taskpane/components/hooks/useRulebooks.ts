/**
 * The rulebook tab's data and actions. Reads are synchronous (the port's document settings and the presets), so they
 * are recomputed from a revision counter bumped after every change; each read that may throw is kept as an Attempt
 * so one bad imported rulebook shows a message instead of blanking the pane.
 */
import * as React from "react";
import { activeRulebook, chooseRulebook, exportRulebook, importRulebook, listRulebooks, rulesOf } from "../../actions";
import type { ActiveRulebook, RuleRow, RulebookOption } from "../../actions/types";
import { attempt, builtInRulebooks, IMPORT_LIMIT_MB, type Attempt } from "../../model";
import type { ExcelPort } from "../../port";
import { downloadText } from "../download";
import type { Runner } from "./useRunner";

export type RulebookMessage =
  | { kind: "applied"; id: string; version: string }
  | { kind: "imported"; id: string; version: string }
  | { kind: "importProblems"; problems: string[] }
  | { kind: "tooLarge" }
  | { kind: "exported"; fileName: string };

export interface Rulebooks {
  /** The rulebook in force (the document's choice, else the 设置 sheet's); undefined outside Excel (no port). */
  active: Attempt<ActiveRulebook> | undefined;
  /** The document's choice as `id@version`: changes when the user applies or the stored rulebook changes. */
  choiceKey: string | undefined;
  options: Attempt<RulebookOption[]>;
  /** The rulebook chosen in the select ("" when there is none). */
  selected: string;
  setSelected(id: string): void;
  /** The selected rulebook's rules; undefined outside Excel or with nothing selected. */
  rules: Attempt<RuleRow[]> | undefined;
  message: RulebookMessage | undefined;
  refresh(): void;
  apply(): void;
  importFile(file: File): void;
  exportSelected(): void;
}

export function useRulebooks(port: ExcelPort | undefined, runner: Runner): Rulebooks {
  const [revision, setRevision] = React.useState(0);
  const [chosen, setChosen] = React.useState<string | undefined>(undefined);
  const [message, setMessage] = React.useState<RulebookMessage | undefined>(undefined);
  const { run } = runner;
  const refresh = React.useCallback(() => setRevision((r) => r + 1), []);

  // revision is a dependency on purpose: the reads depend on document settings the port does not announce.
  const stored = React.useMemo(() => (port ? attempt(() => activeRulebook(port)) : undefined), [port, revision]);
  const fromSheet = useSheetChoice(port, stored, revision);
  const active = fromSheet ? { ok: true as const, value: fromSheet } : stored;
  const options = React.useMemo(() => (port ? attempt(() => listRulebooks(port)) : builtInRulebooks()), [port, revision]);

  const ids = options.ok ? options.value.map((o) => o.id) : [];
  const activeId = active?.ok ? active.value.id : undefined;
  const choiceKey = stored?.ok ? `${stored.value.id ?? ""}@${stored.value.version ?? ""}` : undefined;
  const selected =
    chosen !== undefined && ids.includes(chosen) ? chosen : activeId !== undefined && ids.includes(activeId) ? activeId : (ids[0] ?? "");

  const rules = React.useMemo(
    () => (port && selected ? attempt(() => rulesOf(port, selected)) : undefined),
    [port, selected, revision],
  );

  const apply = React.useCallback(() => {
    if (!port || !selected) return;
    setMessage(undefined);
    void run("rulebooks", "apply", async () => {
      await chooseRulebook(port, selected);
      return true;
    }).then((done) => {
      refresh();
      if (!done) return;
      const option = options.ok ? options.value.find((o) => o.id === selected) : undefined;
      setMessage({ kind: "applied", id: selected, version: option?.version ?? "" });
    });
  }, [port, selected, options, run, refresh]);

  const importFile = React.useCallback(
    (file: File) => {
      if (!port) return;
      setMessage(undefined);
      if (file.size > IMPORT_LIMIT_MB * 1024 * 1024) return setMessage({ kind: "tooLarge" });
      void run("rulebooks", "import", async () => importRulebook(port, await file.text())).then((r) => {
        if (!r) return;
        if (r.ok) {
          setChosen(r.id);
          refresh();
          setMessage({ kind: "imported", id: r.id, version: r.version });
        } else {
          setMessage({ kind: "importProblems", problems: r.problems });
        }
      });
    },
    [port, run, refresh],
  );

  const exportSelected = React.useCallback(() => {
    if (!port || !selected) return;
    setMessage(undefined);
    // The download inside the run, so a browser that refuses it shows an error bar rather than a console line.
    const save = async () => {
      const file = exportRulebook(port, selected);
      downloadText(file.fileName, file.json);
      return file;
    };
    void run("rulebooks", undefined, save).then((file) => {
      if (file) setMessage({ kind: "exported", fileName: file.fileName });
    });
  }, [port, selected, run]);

  return { active, choiceKey, options, selected, setSelected: setChosen, rules, message, refresh, apply, importFile, exportSelected };
}

/**
 * With no choice in the document, the 设置 sheet's 规则集 decides, and reading it needs the workbook's values: read
 * again on every refresh, only in that case. A failed read leaves the pane saying "not chosen"; the actions that need
 * the rulebook read the workbook themselves and report their own failures.
 */
function useSheetChoice(port: ExcelPort | undefined, stored: Attempt<ActiveRulebook> | undefined, revision: number): ActiveRulebook | undefined {
  const [found, setFound] = React.useState<ActiveRulebook | undefined>(undefined);
  const wanted = port !== undefined && stored?.ok === true && stored.value.source === "none";
  React.useEffect(() => {
    if (!port || !wanted) return;
    let live = true;
    port.readWorkbook().then(
      ({ values }) => {
        const active = attempt(() => activeRulebook(port, values));
        if (live) setFound(active.ok && active.value.source === "sheet" ? active.value : undefined);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [port, wanted, revision]);
  // The last answer stays shown while the next read runs, so the header does not flicker on every visit.
  return wanted ? found : undefined;
}
