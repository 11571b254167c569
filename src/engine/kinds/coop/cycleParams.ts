/**
 * Parameters of the demotion-cycle rules (kept apart from their kinds so the cycle and every rule can share them
 * without importing each other). Each rule holds its own numbers: the 30 % floor, the three missed months, the
 * three completed months, the effective month of a demotion.
 */
import { z } from "zod";
import { Condition } from "../../compare";
import { Bilingual } from "../../rulebook/schema";
import { picked } from "./common";

const Code = z.string().regex(/^[A-Z][A-Z0-9_]*$/);
const Gap = picked(z.enum(["breaks", "error"]));

/** C000-DEMOTE-30PCT: a single item below the floor in a month (不足30%). */
export const ItemFloorParams = z.object({ action: z.string().min(1), below: Condition, code: Code }).strict();
export type ItemFloorParams = z.infer<typeof ItemFloorParams>;

/** C000-DEMOTE-3M: tasks missed N months running. */
export const MissedRunParams = z.object({ action: z.string().min(1), months: z.number().int().min(1), gap: Gap, code: Code }).strict();
export type MissedRunParams = z.infer<typeof MissedRunParams>;

/** C000-REINSTATE: N completed months in a row as a general marketer → may apply from the next month. */
export const ReinstateParams = z.object({ action: z.string().min(1), months: z.number().int().min(1), gap: Gap }).strict();
export type ReinstateParams = z.infer<typeof ReinstateParams>;

const Outcome = z.object({ status: z.string().regex(/^[a-z][A-Za-z]*$/), label: Bilingual }).strict();

/** C000-DEMOTE-EFFECT: who the cycle applies to, what a demotion makes of them and from when, and the statuses. */
export const DemotionStatusParams = z
  .object({
    subjectRoles: z.array(z.string()).min(1),
    demotedRole: z.string(),
    effective: picked(z.enum(["nextMonth", "sameMonth"])),
    /** What the demotion cancels (取消基本工资), for the explanation; the amount is not in the seed. */
    cancels: Bilingual,
    none: Outcome,
    demote: Outcome.extend({ action: z.string().min(1) }).strict(),
    demoted: Outcome,
    reinstate: Outcome.extend({ action: z.string().min(1) }).strict(),
    undetermined: Outcome,
    flags: z.array(Outcome.extend({ action: z.string().min(1) }).strict()).default([]),
  })
  .strict();
export type DemotionStatusParams = z.infer<typeof DemotionStatusParams>;
