import { bandScore } from "./bandScore";
import { scoreTotal } from "./scoreTotal";
import { steppedScore } from "./steppedScore";
import { targetScore } from "./targetScore";

export const SCORING_KINDS = [steppedScore, bandScore, targetScore, scoreTotal];
