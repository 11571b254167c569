import type { AnyKind } from "../types";
import { admonitionExpiry } from "./admonitionExpiry";
import { admonitionNotApplied } from "./admonitionNotApplied";
import { admonitionPeriod, allowanceMonthTool } from "./admonitionTools";
import { codedTrigger } from "./codedTrigger";
import { externalPay } from "./externalPay";
import { gradeAllowance } from "./gradeAllowance";
import { lossAccountability } from "./lossAccountability";
import { tenureStatus } from "./tenureStatus";

/** B002 sections 6–9: allowances and pay, the annual decision, admonition, yellow card, dismissal, accountability. */
export const TENURE_KINDS: AnyKind[] = [
  gradeAllowance,
  externalPay,
  admonitionPeriod,
  allowanceMonthTool,
  codedTrigger,
  admonitionExpiry,
  admonitionNotApplied,
  lossAccountability,
  tenureStatus,
];
