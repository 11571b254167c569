/** General kinds of seeds 001 and 004: rates, deadlines, periods, aggregation, vocabularies. */
import type { AnyKind } from "../types";
import { aggregateMonthsKind } from "./aggregateMonths";
import { completionRateKind } from "./completionRate";
import { dailyAvgVsBalance } from "./dailyAvgVsBalance";
import { exitAudit } from "./exitAudit";
import { gradeMonotonicity } from "./gradeMonotonicity";
import { netIncreaseYtd } from "./netIncreaseYtd";
import { percentRounding } from "./percentRounding";
import { periodOf } from "./periodOf";
import { periodSettlement } from "./periodSettlement";
import { ppChange } from "./ppChange";
import { reportDeadline } from "./reportDeadline";
import { vocabulary } from "./vocabulary";
import { ytdCompletion } from "./ytdCompletion";

export { completionRate, COMPLETION_RATE_RULE } from "./completionRate";
export { aggregateMonths } from "./aggregateMonths";
export { gradeMonotonicityWarnings, gradeIndexedSettings } from "./gradeMonotonicity";
export { percentValue, type PercentValue } from "./common";
export { vocabularyLabel } from "./vocabulary";

export const GENERAL_KINDS: AnyKind[] = [
  percentRounding,
  completionRateKind,
  ppChange,
  ytdCompletion,
  reportDeadline,
  dailyAvgVsBalance,
  netIncreaseYtd,
  periodSettlement,
  periodOf,
  aggregateMonthsKind,
  gradeMonotonicity,
  exitAudit,
  vocabulary,
];
