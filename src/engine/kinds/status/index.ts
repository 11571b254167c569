import type { AnyKind } from "../types";
import { conditionTrigger } from "./conditionTrigger";
import { consecutiveShortfall } from "./consecutiveShortfall";
import { repeatInConsecutiveYears } from "./repeatYears";
import { statusLadder } from "./statusLadder";

/** Trigger kinds (demotion, dismissal, flags) and the status kind that combines what they fired. */
export const STATUS_KINDS: AnyKind[] = [conditionTrigger, consecutiveShortfall, repeatInConsecutiveYears, statusLadder];
