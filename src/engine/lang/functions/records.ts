/**
 * What a period's own record says of the person: RECORDROLE() is the role written on the record itself (a move, a
 * re-appointment written in the month's 角色 cell), unavailable when the record names none — unlike 角色, which
 * falls back to the person's role on the roster. A scheme that derives a role from its own rules (a CM demoted to
 * general marketer) reads it to tell a decision written down from the roster's standing role.
 */
import { missing } from "../values";
import type { FunctionDef } from "./define";

export const RECORDS: FunctionDef[] = [
  {
    name: "RECORDROLE",
    aliases: ["记录角色"],
    help: { zh: "本期记录上填写的角色;记录未填写角色(或没有本期记录)时不可用", en: "the role written on the period's own record; unavailable when the record names none (or there is no record)", syntax: "RECORDROLE()" },
    minArgs: 0,
    maxArgs: 0,
    type: () => ({ k: "text", of: "role" }),
    lazy: (_args, frame) => frame.host.recordRole?.(frame.period) ?? missing("na", `${frame.period} 的记录未填写角色`, `the record of ${frame.period} names no role`),
  },
];
