/** The readable results table of `appraise evaluate --format table` (the README's main job). */
import type { AppraisalOutput } from "../engine/api";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { AppraisalInput } from "../engine/model";
import { groupThousands } from "../engine/format";
import { renderTable } from "./textTable";

const STATUS_ZH: Record<string, string> = {
  normal: "正常",
  demote: "降级",
  dismiss: "解除合同",
  demoteAppointment: "降级聘用",
  demoteToAgentOrRelease: "降为代办员或解聘",
  terminate: "解除合同",
  offPostCollection: "下岗清收",
};

export function resultsTable(book: CompiledRulebook, input: AppraisalInput, output: AppraisalOutput): string {
  const names = new Map(input.managers.map((m) => [m.id, m]));
  const gradeZh = new Map(book.doc.grades.map((g) => [g.id, g.zh]));
  const roleZh = new Map(book.doc.roles.map((r) => [r.id, r.zh]));
  const gradeText = (g: string | undefined) => (g === undefined ? "—" : gradeZh.get(g) ?? g);
  const money = (v: string | undefined) => (v === undefined ? "—" : groupThousands(v));
  const rows = output.results.map((r) => {
    const m = names.get(r.id);
    const rules = [...new Set(r.explanation.map((e) => e.rule.split(", ")[0]))];
    const missing = (r.unavailable ?? []).map((u) => `${u.output}: ${u.zh}`);
    return [
      r.id,
      m?.name ?? "",
      m?.branch ?? "",
      roleZh.get(m?.role ?? "") ?? m?.role ?? "",
      gradeText(r.grade ?? m?.grade),
      r.score ?? "—",
      money(r.commission),
      money(r.riskDeposit?.withheld),
      money(r.riskDeposit?.balance),
      r.status !== undefined ? STATUS_ZH[r.status] ?? r.status : "—",
      [...missing, `${rules.length} 条规则`].join("; "),
    ];
  });
  const header = ["工号", "姓名", "机构", "角色", "等级", "得分", "提成", "风险金本期", "风险金余额", "状态", "说明"];
  const right = [false, false, false, false, false, true, true, true, true, false, false];
  const title = `${book.doc.name.zh}  ${book.doc.id} v${book.doc.version}  考核期 ${output.period}  共 ${output.results.length} 人`;
  return `${title}\n\n${renderTable(header, rows, right)}\n`;
}
