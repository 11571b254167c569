import type { AnyKind } from "../types";
import { authorityLimit } from "./authorityLimit";
import { gradeBands } from "./gradeBands";
import { groupMeanBase } from "./groupMeanBase";
import { provisionalGrade } from "./provisionalGrade";
import { rankCutoffGrading } from "./rankCutoffGrading";
import { successRateThreshold } from "./rateThreshold";
import { roleGrades } from "./roleGrades";
import { roleRowChecks } from "./roleRowChecks";
import { windowAverageThreshold } from "./windowAverageThreshold";
import { workdayNorm } from "./workdayNorm";

export const TOOL_KINDS: AnyKind[] = [
  roleGrades,
  gradeBands,
  authorityLimit,
  rankCutoffGrading,
  provisionalGrade,
  windowAverageThreshold,
  groupMeanBase,
  roleRowChecks,
  workdayNorm,
  successRateThreshold,
];
