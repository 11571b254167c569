/**
 * Measurement 4: how many `context.sync()` round trips the taskpane needs to grade a workbook (each one is a trip
 * to Excel, the cost that matters in Excel on the web). The taskpane's grading is not written yet (it lists the
 * rulebooks only), so this slot reports "pending". When it exists: run it against the recording fake of
 * test/taskpane (Excel.run with a context whose sync() is counted) on the bench workbook's values, and report
 * syncs per grading against the floor of one read and one write.
 */
import type { Section } from "../lib/report";

export function taskpaneSection(): Section {
  return {
    title: "4. Taskpane round trips to Excel",
    how: ["`context.sync()` calls to grade a workbook from the taskpane, counted with a recording Office fake."],
    rows: [{ measure: "syncs per grading (10 000 managers)", figure: "pending", baseline: "2 (one read, one write)", ratio: "" }],
    notes: ["Pending: the taskpane does not grade yet (src/taskpane lists the rulebooks). This slot is bench/sections/taskpane.ts."],
  };
}
