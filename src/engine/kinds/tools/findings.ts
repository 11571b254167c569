/**
 * Findings: what a validation tool (H003-AGENT-NO-LOANS, H003-WORK-VISITS, the client-band check) reports about
 * workbook rows, so the workbook validator can show them next to the row they concern. A finding never changes a
 * number; it tells the user what to look at.
 */
import { z } from "zod";
import { Bilingual } from "../../rulebook/schema";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SeveritySchema = z.enum(SEVERITIES);

export interface Finding {
  severity: Severity;
  rule: string;
  /** The row or item concerned (client id, date, sheet reference), as the caller named it. */
  ref?: string;
  message: Bilingual;
}

export function finding(severity: Severity, rule: string, zh: string, en: string, ref?: string): Finding {
  return ref === undefined ? { severity, rule, message: { zh, en } } : { severity, rule, ref, message: { zh, en } };
}
