/**
 * Kinds of seed 000: the rural credit cooperative scheme (task months, the demotion cycle, staffing, levels,
 * appointment, risk deposit, credit authority, report periods), the brokerage CM pay snippet and the venue
 * marketing pay snippet.
 */
import type { AnyKind } from "../types";
import { coopAppointmentTerm, coopRequirements } from "./appointment";
import { brokeragePay } from "./brokeragePay";
import { coopReportPeriods } from "./cadence";
import { coopItemFloor, coopMissedRun, coopReinstate } from "./cycleTriggers";
import { coopDemotionStatus } from "./demotionStatus";
import { coopLevelRoute } from "./levels";
import { coopLoanAuthority } from "./loanAuthority";
import { coopStandardLots } from "./lots";
import { coopNoPromotion } from "./noPromotion";
import { coopOutletStaff } from "./outlet";
import { coopPayDate } from "./payDate";
import { coopRegularize } from "./regularize";
import { coopPledge, coopRiskDepositByRole } from "./riskDeposit";
import { coopRoleAssignment } from "./roles";
import { coopRoleHeadcount, coopRoleShare } from "./staffing";
import { coopTaskMonth } from "./taskMonth";
import { coopLateness, coopVenueOther } from "./venueRules";
import { venuePay } from "./venuePay";

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
  coopStandardLots,
  coopPayDate,
  coopRegularize,
  brokeragePay,
  coopLateness,
  coopVenueOther,
  venuePay,
];
