/** Seed 002's grading kinds: client counting conventions, per-grade indicator tables, gates, the grade ladder, the floor and the trainee/rank tools. */
import type { AnyKind } from "../types";
import { assetQualityGate } from "./assetQuality";
import { agreementNetting, clientCutoff, newDepositsMeasure } from "./clientConventions";
import { clientFloor } from "./clientFloor";
import { clientRowChecks } from "./clientRowChecks";
import { floorTrigger } from "./floorTrigger";
import { gradeApproval } from "./gradeApproval";
import { gradeIndicators } from "./gradeIndicators";
import { gradeLadder } from "./gradeLadder";
import { nonPerfQualifications } from "./nonPerf";
import { gradeRankMap } from "./rankMap";
import { traineeConversion } from "./traineeConversion";
import { traineePeriod } from "./traineePeriod";

export { bySeniority } from "./rankMap";
export { floorOf } from "./clientFloor";

export const GRADING_KINDS: AnyKind[] = [
  agreementNetting,
  newDepositsMeasure,
  clientCutoff,
  gradeIndicators,
  assetQualityGate,
  nonPerfQualifications,
  gradeLadder,
  clientFloor,
  floorTrigger,
  gradeRankMap,
  traineeConversion,
  traineePeriod,
  clientRowChecks,
  gradeApproval,
];
