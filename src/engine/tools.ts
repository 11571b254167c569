/**
 * Running a tool rule (client band, loan authority, deadline, completion rate…) with explicit inputs. The rule's
 * kind validates the input with its own schema, so a cell function, the taskpane and the command line get the same
 * located messages for bad input.
 */
import type { ToolKind, ToolOutcome } from "./kinds/types";
import { unavailable, type Unavailable } from "./outcome";
import type { CompiledRulebook } from "./rulebook/compile";
import { appliesTo, variantFor } from "./rulebook/variants";
import type { Settings } from "./settings";
import { runTool2 } from "./rulebook2/tools";
import { settingValues } from "./rulebook2/outcome";

/** `who` is the manager the tool is run for, when the rule has role- or grade-specific variants or scope. */
export function runTool(
  book: CompiledRulebook,
  settings: Settings,
  ruleId: string,
  input: unknown,
  who: { role?: string; grade?: string } = {},
): ToolOutcome | Unavailable {
  const rule = book.byId.get(ruleId);
  if (!rule) return unavailable("na", ruleId, `规则集 ${book.doc.id} 中没有规则 ${ruleId}`, `rulebook ${book.doc.id} has no rule ${ruleId}`);
  if (who.role !== undefined && !appliesTo(rule, who.role, who.grade)) {
    return unavailable("na", ruleId, `${ruleId} 不适用于角色 ${who.role}${who.grade ? `、等级 ${who.grade}` : ""}`, `${ruleId} does not apply to role ${who.role}${who.grade ? `, grade ${who.grade}` : ""}`);
  }
  if (book.v2) {
    const r2 = book.v2.byId.get(ruleId)!;
    if (r2.construct !== "tool") return unavailable("na", ruleId, `${ruleId} 不是可单独计算的规则`, `${ruleId} is not a tool rule`);
    const out = runTool2(book.v2, settingValues(book.v2, settings), r2, input, who);
    return out.ok ? { value: out.value, reasons: out.reasons } : unavailable(out.code, ruleId, out.zh, out.en);
  }
  const r = variantFor(rule, (k) => settings.get(k), who.role ?? "", who.grade);
  if (r.kind.stage !== "tool") return unavailable("na", ruleId, `${ruleId} 不是可单独计算的规则`, `${ruleId} is not a tool rule`);
  const kind = r.kind as ToolKind<unknown, unknown>;
  const parsed = kind.input.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.join(".") || "input";
    return unavailable("value", ruleId, `输入 ${where} 无效:${first.message}`, `${where}: ${first.message}`);
  }
  return kind.run(r, parsed.data, book, settings);
}
