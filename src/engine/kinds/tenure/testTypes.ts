/**
 * The result of one test of a coded trigger (B002-ADMON-TRIGGERS, B002-YELLOW-TRIGGERS, B002-DISMISS-TRIGGERS):
 * held with the reasons, not held, or cannot tell (missing data is never read as "not held").
 */
import type { Reason } from "../../model";
import type { Unavailable } from "../../outcome";

export type TestResult = { held: boolean; reasons: Reason[] } | Unavailable;

export const notHeld: TestResult = { held: false, reasons: [] };
