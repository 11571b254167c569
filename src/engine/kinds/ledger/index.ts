/**
 * Ledger and pay kinds: the risk-deposit ledger (rate of income until a cap by grade) as an appraisal stage and as a
 * tool, the refund after leaving, loss and fine deductions from income, and pay as volume × rate per line.
 *
 * The pure ledger (runRiskLedger, settleRiskDeposit) lives in ./riskLedger.ts: import it from there, not through
 * this index, which the kind registry loads (importing a kind module first would close an import cycle through
 * rulebook/compile.ts).
 */
import type { AnyKind } from "../types";
import { depositRefund } from "./depositRefund";
import { lossDeduction } from "./lossDeduction";
import { rateUntilCap } from "./rateUntilCap";
import { rateUntilCapTool } from "./rateUntilCapTool";
import { volumeRatePay } from "./volumeRatePay";

export const LEDGER_KINDS: AnyKind[] = [rateUntilCap, rateUntilCapTool, depositRefund, lossDeduction, volumeRatePay];

