/**
 * Kinds of seed 000's rural credit cooperative scheme (task months, the demotion cycle, staffing, levels,
 * appointment, risk deposit, credit authority, report periods). The brokerage and venue pay snippets are format-2
 * rulebooks and need no kind.
 */
import type { AnyKind } from "../types";
import { coopAppointmentTerm, coopRequirements } from "./appointment";
import { coopReportPeriods } from "./cadence";
import { coopItemFloor, coopMissedRun, coopReinstate } from "./cycleTriggers";
import { coopDemotionStatus } from "./demotionStatus";
import { coopLevelRoute } from "./levels";
import { coopLoanAuthority } from "./loanAuthority";
import { coopNoPromotion } from "./noPromotion";
import { coopOutletStaff } from "./outlet";
import { coopPledge, coopRiskDepositByRole } from "./riskDeposit";
import { coopRoleAssignment } from "./roles";
import { coopRoleHeadcount, coopRoleShare } from "./staffing";
import { coopTaskMonth } from "./taskMonth";

export const COOP_KINDS: AnyKind[] = [
  coopTaskMonth,
  coopItemFloor,
  coopMissedRun,
  coopReinstate,
  coopDemotionStatus,
  coopNoPromotion,
  coopRoleAssignment,
  coopRoleHeadcount,
  coopRoleShare,
  coopLevelRoute,
  coopRequirements,
  coopAppointmentTerm,
  coopOutletStaff,
  coopRiskDepositByRole,
  coopPledge,
  coopLoanAuthority,
  coopReportPeriods,
];
