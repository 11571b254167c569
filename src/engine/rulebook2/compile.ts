/**
 * Loading a format-2 rulebook: the document's shape (zod), then its vocabulary, then every formula, table cell,
 * template and output compiled against it. Every problem is reported with its path in the document and, for a
 * formula, the character where it is (`rules[3] H003-SCORE-NPL.table.rows[2].when[0]: 第 4 个字符处缺少右括号 )`).
 * A rulebook that loads has no unresolved name, no unit mismatch, no unknown grade, role, status, flag or setting,
 * and no rule that depends on itself within a period: evaluating it cannot fail for a reason in the rulebook.
 */
import { compileNode, type Compiled, type NameRef, type Scope, type UserFunction } from "../lang/compile";
import { MISSING_POLICIES, type MissingPolicy } from "../lang/frame";
import { FUNCTIONS } from "../lang/functions";
import { parseFormula } from "../lang/parser";
import { ANY, BOOL, num, typeWords, type Unit, type VType } from "../lang/types";
import { isTable, missing, TableValue, type Value } from "../lang/values";
import type { Book2, CompiledCheck, CompiledLedger, CompiledStatus, CompiledTool, Outputs, Rule2, Template, ToolInput, ToolStep, TriggerCase } from "./book";
import { fieldOf, standardFlag, type FieldSpec } from "./fields";
import type { MFrame } from "./frame";
import { CONSTRUCTS, RulebookDoc2, type Bilingual, type Construct, type Explain, type FieldType, type RuleDecl, type TableDecl } from "./schema";
import { checkSetting2, settingType } from "./settings";
import { compileTable, type TableCompileContext } from "./tables";

export type Compile2Result = { ok: true; book: Book2 } | { ok: false; problems: string[] };

/** The rulebook's own names (fields, rules, settings, who): their values depend only on the period and the person. */
const periodOnly = (ref: NameRef | undefined): NameRef | undefined => (ref ? { ...ref, periodOnly: true } : undefined);

/** Columns of a person a check may point at besides the declared fields. */
const CHECK_CONTEXT_FIELDS = ["role", "grade", "name", "branch", "id"];

/** Names every formula can use besides the rulebook's own: who and where. */
const CONTEXT_NAMES: Record<string, "role" | "grade" | "id" | "name" | "branch"> = {
  角色: "role",
  role: "role",
  等级: "grade",
  grade: "grade",
  工号: "id",
  staffId: "id",
  姓名: "name",
  staffName: "name",
  机构: "branch",
  branch: "branch",
};

const OUTCOME_NAMES = new Set(["结果", "outcome"]);
/** In a status's cases and texts: the rules behind the outcome, and the triggers that could not be judged. */
const BECAUSE_NAMES = new Set(["依据", "because"]);
const UNJUDGED_NAMES = new Set(["未判断", "unjudged"]);
/**
 * A period's lists: its tasks (item, plan, actual) and its clients (id and the rulebook's fields); in a check on
 * each branch, the branch's staff (id, role).
 */
const LISTS: Record<string, "tasks" | "clients" | "staff"> = { 任务: "tasks", tasks: "tasks", 客户: "clients", clients: "clients", 职工: "staff", staff: "staff" };
const STAFF_COLUMNS = [
  { name: "id", type: { k: "text" } as VType },
  { name: "role", type: { k: "text", of: "role" } as VType },
];
const TASK_COLUMNS = [
  { name: "item", type: { k: "text" } as VType },
  { name: "plan", type: { k: "num", unit: "number" } as VType },
  { name: "actual", type: { k: "num", unit: "number" } as VType },
];

/** One column of a table value (a list of that column's cells). */
export function columnOf(v: Value, col: string): Value {
  if (!isTable(v)) return v;
  const k = v.columnIndex(col);
  return k < 0 ? missing("value", `表中没有列 ${col}`, `the table has no column ${col}`) : new TableValue([col], v.rows.map((r) => [r[k]]));
}
const OPENING_NAMES = new Set(["期初余额", "opening"]);
const SELF_NAMES = new Set(["值", "value"]);
const LEDGER_PARTS: Record<string, "opening" | "closing"> = { 期初: "opening", opening: "opening", 期末: "closing", closing: "closing" };

export function typeOfField(unit: FieldType): VType {
  switch (unit) {
    case "date":
      return { k: "date" };
    case "text":
      return { k: "text" };
    case "flag":
      return BOOL;
    default:
      return num(unit as Unit);
  }
}

function declType(unit: FieldType | undefined, type: string | undefined): VType | undefined {
  if (type === "grade" || type === "role" || type === "status" || type === "flag") return type === "flag" ? BOOL : { k: "text", of: type };
  if (type === "text") return { k: "text" };
  if (type === "date") return { k: "date" };
  return unit ? typeOfField(unit) : undefined;
}

function constructOf(d: RuleDecl): Construct[] {
  return CONSTRUCTS.filter((c) => d[c] !== undefined);
}

/** Levenshtein distance, for "did you mean" on a misspelt name. */
function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const row = Array.from({ length: n + 1 }, (_, j) => j); // int: whole-number index or calendar arithmetic
  for (let i = 1; i <= m; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1)); // int: edit counts
      prev = cur;
    }
  }
  return row[n];
}

class BookCompiler {
  readonly problems: string[] = [];
  readonly fields: FieldSpec[] = [];
  readonly fieldIndex = new Map<string, number>();
  readonly rules: Rule2[] = [];
  readonly byId = new Map<string, Rule2>();
  readonly byName = new Map<string, Rule2>();
  /** Extra names: a multi-output table's columns, a ledger's parts. */
  readonly derived = new Map<string, { rule: Rule2; column: string }>();
  readonly settingKeys: string[];
  readonly grades: string[];
  readonly roles: string[];
  readonly statuses: string[];
  readonly flags: string[];
  readonly functions = new Map<string, UserFunction>();
  /** Parts of formulas kept once per period: how many slots a frame holds. */
  slots = 0;
  readonly movementIds = new Set<string>();
  private readonly state = new Map<number, "compiling" | "done">();
  /** The rule being compiled (for same-period deps) and where the settings it reads are noted. */
  private current: Rule2 | undefined;
  private reading: Set<string> | undefined;

  constructor(readonly doc: RulebookDoc2) {
    this.settingKeys = Object.keys(doc.settings);
    this.grades = doc.grades.map((g) => g.id);
    this.roles = doc.roles.map((r) => r.id);
    this.statuses = doc.statuses.map((s) => s.id);
    this.flags = doc.flags.map((f) => (typeof f === "string" ? f : f.id));
  }

  problem(path: string, zh: string, en: string): void {
    this.problems.push(`${path}: ${zh} / ${en}`);
  }

  allNames(): string[] {
    return [...this.fieldIndex.keys(), ...this.byName.keys(), ...this.derived.keys(), ...this.settingKeys, ...Object.keys(CONTEXT_NAMES), ...this.functions.keys()];
  }

  suggest(name: string): string[] {
    const scored = this.allNames()
      .map((n) => ({ n, d: distance(name.toLowerCase(), n.toLowerCase()) }))
      .filter((x) => x.d <= Math.max(1, Math.floor(name.length / 3))) // int: whole-number index or calendar arithmetic
      .sort((a, b) => a.d - b.d); // int: whole-number index or calendar arithmetic
    return [...new Set(scored.slice(0, 3).map((x) => x.n))];
  }

  vocabulary() {
    return { grades: this.grades, flags: this.flags, roles: this.roles };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Vocabulary

  declareVocabulary(): void {
    const doc = this.doc;
    const seen = (list: string[], what: { zh: string; en: string }, path: string) => {
      const s = new Set<string>();
      list.forEach((id, i) => {
        if (s.has(id)) this.problem(`${path}[${i}]`, `${what.zh}“${id}”重复`, `${what.en} "${id}" is declared twice`);
        s.add(id);
      });
    };
    seen(this.grades, { zh: "等级", en: "grade" }, "grades");
    seen(this.roles, { zh: "角色", en: "role" }, "roles");
    seen(this.statuses, { zh: "状态", en: "status" }, "statuses");
    seen(this.flags, { zh: "事件标记", en: "flag" }, "flags");
    doc.flags.forEach((f, i) => {
      if (typeof f === "string" && !standardFlag(f)) this.problem(`flags[${i}]`, `“${f}”不是标准事件标记;自定义标记请写成 {"id": "${f}", "zh": "…", "en": "…"}`, `"${f}" is not a standard flag; declare your own as {"id": "${f}", "zh": "…", "en": "…"}`);
    });
    doc.fields.forEach((decl, i) => {
      const f = fieldOf(decl);
      if (typeof f === "string") {
        this.problems.push(`fields[${i}]: ${f}`);
        return;
      }
      if (this.fieldIndex.has(f.id)) {
        this.problem(`fields[${i}]`, `字段“${f.id}”重复`, `field "${f.id}" is declared twice`);
        return;
      }
      this.fieldIndex.set(f.id, this.fields.length);
      this.fields.push(f);
    });
    this.fields.forEach((f, i) => {
      if (f.name === undefined || f.name === f.id) return;
      if (this.fieldIndex.has(f.name)) this.problem(`fields[${i}].name`, `名称“${f.name}”已被另一个字段使用`, `the name "${f.name}" is already used by another field`);
      else this.fieldIndex.set(f.name, i);
    });
    // A field may also be named by its Chinese label in formulas, where the label is a valid name and unambiguous.
    const byLabel = new Map<string, number>();
    this.fields.forEach((f, i) => {
      if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(f.zh) && !this.fieldIndex.has(f.zh)) byLabel.set(f.zh, byLabel.has(f.zh) ? -1 : i);
    });
    for (const [label, i] of byLabel) if (i >= 0) this.fieldIndex.set(label, i);

    for (const [key, d] of Object.entries(doc.settings)) {
      if (d.default !== undefined) {
        const p = checkSetting2(d, d.default, { grades: this.grades, roles: this.roles });
        if (p) this.problems.push(`settings.${key}.default: ${p}`);
      }
      if (d.type === "enum" && (!d.values || d.values.length === 0)) this.problem(`settings.${key}.values`, "enum 设置须列出可选值", "an enum setting must list its values");
      if (d.type === "table" && (!d.columns || d.columns.length === 0)) this.problem(`settings.${key}.columns`, "table 设置须列出各列(name、unit)", "a table setting must list its columns (name, unit)");
    }
    for (const [name, fn] of Object.entries(doc.functions)) {
      if (FUNCTIONS.has(name.toUpperCase())) {
        this.problem(`functions.${name}`, `“${name}”与内置函数同名`, `"${name}" is the name of a built-in function`);
        continue;
      }
      const p = parseFormula(fn.formula);
      if (!p.ok) {
        this.problem(`functions.${name}.formula`, p.problem.zh, p.problem.en);
        continue;
      }
      this.functions.set(name, { name, params: fn.params, body: p.node });
    }
  }

  /**
   * Every function of the rulebook is checked once on its own, called or not: its names must resolve (a parameter
   * stands for any value there). A call checks it again with the arguments' units.
   */
  checkFunctions(): void {
    for (const fn of this.functions.values()) {
      const params = (n: string): NameRef | undefined => (fn.params.includes(n) ? { type: ANY, run: () => missing("na", n, n) } : undefined);
      const c = compileNode(fn.body, this.scope(params));
      if (!c.ok) this.problem(`functions.${fn.name}.formula`, c.problem.zh, c.problem.en);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rules: shells first (so any rule can name any other), bodies compiled on demand.

  declareRules(): void {
    this.doc.rules.forEach((d, index) => {
      const path = this.rulePath(index, d.id);
      // A check may accompany any other construct (a tool for one loan, a check for every loan row of a workbook).
      const all = constructOf(d);
      const constructs = all.length > 1 ? all.filter((c) => c !== "check") : all;
      if (constructs.length !== 1) {
        this.problem(path, constructs.length === 0 ? `规则须有一种写法:${CONSTRUCTS.join("、")}` : `规则只能有一种写法(check 可以另加),这里有 ${constructs.join("、")}`, constructs.length === 0 ? `a rule needs one of ${CONSTRUCTS.join(", ")}` : `a rule has one construct (a check may be added), not ${constructs.join(", ")}`);
      }
      if (this.byId.has(d.id)) this.problem(path, `规则编号“${d.id}”重复`, `duplicate rule id "${d.id}"`);
      const label: Bilingual = d.label ?? { zh: d.name ?? d.id, en: d.name ?? d.id };
      const rule: Rule2 = {
        index,
        id: d.id,
        name: d.name,
        decl: d,
        construct: constructs[0] ?? "record",
        label,
        type: declType(d.unit, d.type) ?? ANY,
        policy: "undetermined",
        deps: new Set(),
        settingsRead: new Set(),
      };
      this.rules.push(rule);
      this.byId.set(d.id, rule);
      if (d.name !== undefined) {
        if (this.nameTaken(d.name)) this.problem(`${path}.name`, `名称“${d.name}”已被字段、设置或其他规则使用`, `the name "${d.name}" is already used by a field, setting or rule`);
        else this.byName.set(d.name, rule);
      }
      if (d.table?.outputs && d.table.outputs.length > 1) {
        if (d.name === undefined) this.problem(`${path}.table.outputs`, "多列结果的决策表须有 name", "a table with several outputs needs a name");
        for (const o of d.table.outputs) {
          if (this.nameTaken(o.name)) this.problem(`${path}.table.outputs`, `结果列名“${o.name}”已被使用`, `the output name "${o.name}" is already used`);
          else this.derived.set(o.name, { rule, column: o.name });
        }
      }
      if (d.ledger && d.name !== undefined) {
        for (const part of [...Object.keys(LEDGER_PARTS), ...d.ledger.movements.map((m) => m.name)]) {
          const full = `${d.name}.${part}`;
          this.derived.set(full, { rule, column: (Object.prototype.hasOwnProperty.call(LEDGER_PARTS, part) ? LEDGER_PARTS[part] : undefined) ?? part });
        }
      }
    });
  }

  private nameTaken(name: string): boolean {
    return this.fieldIndex.has(name) || this.byName.has(name) || this.derived.has(name) || this.settingKeys.includes(name) || Object.prototype.hasOwnProperty.call(CONTEXT_NAMES, name) || this.functions.has(name);
  }

  rulePath(index: number, id: string): string {
    return `rules[${index}] ${id}`;
  }

  /** The rule's body compiled (once); its type is then known. */
  ensure(rule: Rule2): void {
    const s = this.state.get(rule.index);
    if (s === "done") return;
    if (s === "compiling") return; // a window's self-reference: the declared type stands (checked by the caller)
    this.state.set(rule.index, "compiling");
    const saved = this.current;
    const savedReading = this.reading;
    this.current = rule;
    this.reading = rule.settingsRead;
    try {
      this.compileRule(rule);
    } finally {
      this.current = saved;
      this.reading = savedReading;
      this.state.set(rule.index, "done");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Names

  scope(extra?: (name: string) => NameRef | undefined, fallback?: (name: string) => NameRef | undefined): Scope {
    return {
      name: (n, inWindow) => extra?.(n) ?? periodOnly(this.resolve(n, inWindow === true)) ?? fallback?.(n),
      userFunction: (n) => this.functions.get(n),
      vocabulary: this.vocabulary(),
      suggest: (n) => this.suggest(n),
      slot: () => this.slots++,
    };
  }

  private resolve(n: string, inWindow: boolean): NameRef | undefined {
    // Own keys only: a formula naming toString or __proto__ must not reach Object.prototype's members.
    const ctx = Object.prototype.hasOwnProperty.call(CONTEXT_NAMES, n) ? CONTEXT_NAMES[n] : undefined;
    if (ctx) {
      const type: VType = ctx === "role" ? { k: "text", of: "role" } : ctx === "grade" ? { k: "text", of: "grade" } : { k: "text" };
      const run =
        ctx === "role" ? (f: unknown) => (f as MFrame).ev.role((f as MFrame).period) : ctx === "grade" ? (f: unknown) => (f as MFrame).ev.grade((f as MFrame).period) : (f: unknown) => (f as MFrame).ev.ident(ctx);
      return { type, run: run as NameRef["run"], label: { zh: n, en: n } };
    }
    const rule = this.byName.get(n);
    if (rule) return this.ruleRef(rule, inWindow);
    const derived = this.derived.get(n);
    if (derived) return this.columnRef(derived.rule, derived.column, n, inWindow);
    const fi = this.fieldIndex.get(n);
    if (fi !== undefined) {
      const spec = this.fields[fi];
      return {
        type: typeOfField(spec.unit),
        // The period's row of field values, once the frame has looked it up: no lookup by period per read.
        run: (f) => (f as MFrame).fieldRow?.[fi] ?? (f as MFrame).ev.field(fi, f.period, f as MFrame),
        label: { zh: spec.zh, en: spec.en },
      };
    }
    const si = this.settingKeys.indexOf(n);
    if (si >= 0) {
      this.reading?.add(n);
      const d = this.doc.settings[n];
      return { type: settingType(d), run: (f) => (f as MFrame).ev.settings[si], label: { zh: d.zh, en: d.en } };
    }
    const list = Object.prototype.hasOwnProperty.call(LISTS, n) ? LISTS[n] : undefined;
    if (list) {
      const columns = list === "tasks" ? TASK_COLUMNS : list === "staff" ? STAFF_COLUMNS : [{ name: "id", type: { k: "text" } as VType }, ...this.fields.filter((f) => f.per === "period").map((f) => ({ name: f.id, type: typeOfField(f.unit) }))];
      return { type: { k: "table", columns }, run: (f) => (f as MFrame).ev.list(list, f.period), label: { zh: n, en: n } };
    }
    // A column of a table: 任务.plan, a tool's list input's column, a multi-output table's column.
    const dot = n.lastIndexOf(".");
    if (dot > 0) {
      const base = this.resolve(n.slice(0, dot), inWindow);
      const col = n.slice(dot + 1); // int: whole-number index or calendar arithmetic
      if (base && base.type.k === "table" && base.type.columns?.some((c) => c.name === col)) {
        const type = base.type.columns.find((c) => c.name === col)!.type;
        const run = base.run;
        return { type: { k: "table", columns: [{ name: col, type }] }, run: (f) => columnOf(run(f), col), label: { zh: n, en: n } };
      }
    }
    return undefined;
  }

  private ruleRef(rule: Rule2, inWindow: boolean): NameRef {
    if (this.current && this.current !== rule && !inWindow) this.current.deps.add(rule.index);
    this.ensure(rule);
    const i = rule.index;
    if (rule.construct === "ledger") return this.columnRef(rule, "closing", rule.name ?? rule.id, inWindow);
    if (rule.construct === "table" && rule.table && rule.table.outputs.length > 1) {
      return { type: { k: "table", columns: rule.table.outputs }, run: (f) => (f as MFrame).ev.rule(i, f as MFrame), label: rule.label };
    }
    return { type: rule.type, run: (f) => (f as MFrame).ev.rule(i, f as MFrame), label: rule.label };
  }

  private columnRef(rule: Rule2, column: string, shown: string, inWindow: boolean): NameRef {
    if (this.current && this.current !== rule && !inWindow) this.current.deps.add(rule.index);
    this.ensure(rule);
    const i = rule.index;
    let type: VType = ANY;
    if (rule.table) type = rule.table.outputs.find((o) => o.name === column)?.type ?? ANY;
    if (rule.ledger) type = num("money");
    return {
      type,
      label: { zh: shown, en: shown },
      run: (f) => {
        const v = (f as MFrame).ev.rule(i, f as MFrame);
        if (!isTable(v)) return v;
        const k = v.columnIndex(column);
        return k >= 0 ? v.rows[0][k] : missing("value", `没有 ${column}`, `no ${column}`);
      },
    };
  }

  formula(source: string, path: string, scope: Scope): Compiled | undefined {
    const p = parseFormula(source);
    if (!p.ok) {
      this.problem(path, `公式“${source}”${p.problem.zh}`, `formula "${source}": ${p.problem.en}`);
      return undefined;
    }
    const c = compileNode(p.node, scope);
    if (!c.ok) {
      const where = c.problem.at > 0 ? { zh: `第 ${c.problem.at + 1} 个字符处:`, en: ` (at character ${c.problem.at + 1})` } : { zh: "", en: "" }; // int: whole-number index or calendar arithmetic
      this.problem(path, `公式“${source}”${where.zh}${c.problem.zh}`, `formula "${source}"${where.en}: ${c.problem.en}`);
      return undefined;
    }
    return c.compiled;
  }

  expectType(c: Compiled | undefined, want: "bool" | "num" | "date" | "text", path: string): Compiled | undefined {
    if (!c || c.type.k === want || c.type.k === "any") return c;
    const w = { bool: { zh: "是非判断(TRUE/FALSE)", en: "TRUE/FALSE" }, num: { zh: "数值", en: "a number" }, date: { zh: "日期", en: "a date" }, text: { zh: "文本", en: "text" } }[want];
    this.problem(path, `应为${w.zh},却是${typeWords(c.type).zh}`, `must be ${w.en}, not ${typeWords(c.type).en}`);
    return undefined;
  }

  template(t: Explain | undefined, path: string, scope: Scope): Template | undefined {
    if (!t) return undefined;
    const one = (text: string, p: string): Array<string | Compiled> => {
      const out: Array<string | Compiled> = [];
      let i = 0;
      while (i < text.length) {
        const open = text.indexOf("{", i);
        if (open < 0) {
          out.push(text.slice(i));
          break;
        }
        if (text[open + 1] === "{") { // int: whole-number index or calendar arithmetic
          out.push(text.slice(i, open + 1)); // int: whole-number index or calendar arithmetic
          i = open + 2; // int: whole-number index or calendar arithmetic
          continue;
        }
        const close = text.indexOf("}", open);
        if (close < 0) {
          this.problem(p, "说明模板中的 { 缺少对应的 }", "a { in the explanation has no matching }");
          return [text];
        }
        out.push(text.slice(i, open));
        const c = this.formula(text.slice(open + 1, close), p, scope); // int: whole-number index or calendar arithmetic
        if (c) out.push(c);
        i = close + 1; // int: whole-number index or calendar arithmetic
      }
      return out;
    };
    const all = !Array.isArray(t) && "lines" in t;
    const list = Array.isArray(t) ? t : "lines" in t ? t.lines : [t];
    return {
      all,
      cases: list.map((c, k) => {
        const p = Array.isArray(t) ? `${path}[${k}]` : all ? `${path}.lines[${k}]` : path;
        const cond = c.if === undefined ? undefined : this.expectType(this.formula(c.if, `${p}.if`, scope), "bool", `${p}.if`);
        return { if: cond, id: c.id, zh: one(c.zh, `${p}.zh`), en: one(c.en, `${p}.en`) };
      }),
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Bodies

  private compileRule(rule: Rule2): void {
    const d = rule.decl;
    const path = this.rulePath(rule.index, d.id);
    // 值 (value) in a rule's explanation is the rule's own figure, unless the rulebook uses the name otherwise.
    const self: (n: string) => NameRef | undefined = (n) => (SELF_NAMES.has(n) ? { type: rule.type, run: (f) => (f as MFrame).locals?.self ?? missing("na", "无值", "no value") } : undefined);
    const scope = this.scope(undefined, self);
    for (const r of d.appliesTo?.roles ?? []) if (!this.roles.includes(r)) this.problem(`${path}.appliesTo.roles`, `“${r}”不是本规则集的角色(${this.roles.join("、")})`, `"${r}" is not a role of this rulebook (${this.roles.join(", ")})`);
    for (const g of d.appliesTo?.grades ?? []) if (!this.grades.includes(g)) this.problem(`${path}.appliesTo.grades`, `“${g}”不是本规则集的等级(${this.grades.join("、") || "无"})`, `"${g}" is not a grade of this rulebook (${this.grades.join(", ") || "none"})`);
    if (d.appliesTo?.roles) rule.roles = new Set(d.appliesTo.roles);
    if (d.appliesTo?.grades) rule.grades = new Set(d.appliesTo.grades);
    if (d.when) rule.when = this.expectType(this.formula(d.when, `${path}.when`, scope), "bool", `${path}.when`);
    if (d.judgedAt) rule.judgedAt = this.expectType(this.formula(d.judgedAt, `${path}.judgedAt`, scope), "date", `${path}.judgedAt`);
    if (d.missing !== undefined) {
      if ((MISSING_POLICIES as readonly string[]).includes(d.missing)) rule.policy = d.missing as MissingPolicy;
      else {
        const c = this.formula(d.missing, `${path}.missing`, scope);
        if (c && c.type.k === "text" && c.type.values && c.type.values.some((v) => !(MISSING_POLICIES as readonly string[]).includes(v))) {
          this.problem(`${path}.missing`, `缺数据的处理应为 ${MISSING_POLICIES.join("、")} 之一`, `the missing-data policy must be one of ${MISSING_POLICIES.join(", ")}`);
        }
        if (c) rule.policy = c;
      }
    }
    const declared = declType(d.unit, d.type);
    switch (rule.construct) {
      case "formula": {
        const c = this.formula(d.formula!, `${path}.formula`, scope);
        if (c) {
          rule.formula = c;
          rule.type = this.agree(declared, c.type, `${path}.formula`);
        }
        break;
      }
      case "table": {
        const t = this.table(rule, d.table!, `${path}.table`, scope, declared);
        if (t) {
          rule.table = t;
          rule.type = t.outputs.length === 1 ? this.agree(declared, t.outputs[0].type, `${path}.table`) : { k: "table", columns: t.outputs };
        }
        break;
      }
      case "ledger":
        rule.ledger = this.ledger(rule, path, scope);
        rule.type = { k: "table" };
        break;
      case "trigger":
        rule.trigger = this.trigger(rule, path, scope);
        rule.type = BOOL;
        break;
      case "status":
        rule.status = this.status(rule, path, scope);
        rule.type = { k: "text", of: "status" };
        break;
      case "check":
        rule.checks = this.checks(rule, path);
        rule.type = BOOL;
        break;
      case "tool":
        rule.tool = this.tool(rule, path, scope);
        rule.type = { k: "table" };
        break;
      case "record":
        break;
    }
    if (d.check !== undefined && rule.construct !== "check") rule.checks = this.checks(rule, path);
    if (d.explain === false) rule.silent = true;
    else rule.explain = this.template(d.explain, `${path}.explain`, rule.construct === "tool" && this.toolScope ? this.toolScope : this.scope(undefined, self));
    this.toolScope = undefined;
  }

  private agree(declared: VType | undefined, actual: VType, path: string): VType {
    if (!declared || actual.k === "any") return declared ?? actual;
    if (declared.k !== actual.k) {
      this.problem(path, `结果是${typeWords(actual).zh},与声明的 ${typeWords(declared).zh}不符`, `gives ${typeWords(actual).en}, not the declared ${typeWords(declared).en}`);
      return declared;
    }
    if (declared.k === "num" && actual.k === "num" && actual.unit !== "number" && declared.unit !== actual.unit && !(declared.unit === "points" && (actual.unit === "count" || actual.unit === "rate"))) {
      this.problem(path, `结果单位是${typeWords(actual).zh},与声明的${typeWords(declared).zh}不符`, `gives ${typeWords(actual).en}, not the declared ${typeWords(declared).en}`);
    }
    return declared;
  }

  private table(rule: Rule2, decl: TableDecl, path: string, scope: Scope, declared: VType | undefined): ReturnType<typeof compileTable> {
    const nOut = Array.isArray(decl.rows[0]?.then) ? (decl.rows[0].then as unknown[]).length : 1;
    const outs = decl.outputs ?? (nOut === 1 ? [{ name: rule.name ?? rule.id }] : []);
    if (outs.length !== nOut) {
      this.problem(`${path}.outputs`, `结果列数(${outs.length})与每行的结果个数(${nOut})不同`, `${outs.length} output columns but ${nOut} outputs per row`);
      return undefined;
    }
    const ctx: TableCompileContext = {
      scope,
      formula: (s, p) => this.formula(s, p, scope),
      problem: (p, zh, en) => this.problem(p, zh, en),
      outputTypes: outs.map((o, j) => declType(o.unit, o.type) ?? (nOut === 1 && j === 0 ? declared : undefined)),
      outputNames: outs.map((o) => o.name),
      template: (t, p) => this.template(t, p, scope),
    };
    return compileTable(decl, ctx, path);
  }

  private ledger(rule: Rule2, path: string, scope: Scope): CompiledLedger | undefined {
    const d = rule.decl.ledger!;
    const names = new Map<string, number>();
    const movements: CompiledLedger["movements"] = [];
    let ok = true;
    const local = (n: string): NameRef | undefined => {
      if (OPENING_NAMES.has(n)) return { type: num("money"), run: (f) => (f as MFrame).locals?.ledger?.get("opening") ?? missing("na", "无期初余额", "no opening balance"), label: { zh: "期初余额", en: "opening balance" } };
      if (names.has(n)) return { type: num("money"), run: (f) => (f as MFrame).locals?.ledger?.get(n) ?? missing("na", `无 ${n}`, `no ${n}`), label: { zh: n, en: n } };
      return undefined;
    };
    const inner = this.scope(local);
    d.movements.forEach((m, j) => {
      const settingsRead = new Set<string>();
      const outer = this.reading;
      this.reading = settingsRead;
      const c = this.expectType(this.formula(m.formula, `${path}.ledger.movements[${j}].formula`, inner), "num", `${path}.ledger.movements[${j}].formula`);
      this.reading = outer;
      for (const k of settingsRead) rule.settingsRead.add(k);
      if (!c) ok = false;
      else {
        if (c.type.k === "num" && c.type.unit !== "money" && c.type.unit !== "number") this.problem(`${path}.ledger.movements[${j}].formula`, `台账发生额应为金额,却是${typeWords(c.type).zh}`, `a ledger movement must be money, not ${typeWords(c.type).en}`);
        movements.push({ name: m.name, direction: m.direction, compiled: c, label: { zh: m.zh ?? m.name, en: m.en ?? m.name }, id: m.id, cite: m.cite, settingsRead, explain: undefined });
        if (m.id !== undefined && m.id !== rule.id) {
          if (this.byId.has(m.id) || this.movementIds.has(m.id)) this.problem(`${path}.ledger.movements[${j}].id`, `规则编号“${m.id}”重复`, `duplicate rule id "${m.id}"`);
          this.movementIds.add(m.id);
        }
      }
      if (names.has(m.name)) this.problem(`${path}.ledger.movements[${j}].name`, `发生额名称“${m.name}”重复`, `duplicate movement name "${m.name}"`);
      names.set(m.name, j);
    });
    // Explanations may speak of any movement, so they are compiled once every movement's name is known.
    d.movements.forEach((m, j) => {
      const mv = movements.find((x) => x.name === m.name);
      if (mv) mv.explain = this.template(m.explain, `${path}.ledger.movements[${j}].explain`, inner);
    });
    const opt = (src: string | undefined, p: string) => (src === undefined ? undefined : this.expectType(this.formula(src, p, inner), "num", p));
    const carriedIn = opt(d.carriedIn, `${path}.ledger.carriedIn`);
    const opening = opt(d.opening, `${path}.ledger.opening`);
    const cap = opt(d.cap, `${path}.ledger.cap`);
    const floor = opt(d.floor, `${path}.ledger.floor`);
    if (!ok) return undefined;
    void scope;
    return { every: d.every, carriedIn, opening, movements, cap, floor };
  }

  private checkStatus(id: string, path: string): void {
    if (!this.statuses.includes(id)) this.problem(path, `“${id}”不是本规则集声明的状态(statuses:${this.statuses.join("、") || "无"})`, `"${id}" is not a status declared by this rulebook (statuses: ${this.statuses.join(", ") || "none"})`);
  }

  private trigger(rule: Rule2, path: string, scope: Scope): TriggerCase[] | undefined {
    const d = rule.decl.trigger!;
    const cases = "cases" in d ? d.cases : [d];
    const out: TriggerCase[] = [];
    cases.forEach((c, j) => {
      const p = "cases" in d ? `${path}.trigger.cases[${j}]` : `${path}.trigger`;
      const cond = this.expectType(this.formula(c.if, `${p}.if`, scope), "bool", `${p}.if`);
      this.checkStatus(c.then, `${p}.then`);
      if (cond) out.push({ if: cond, then: c.then, code: c.code, explain: this.template(c.explain, `${p}.explain`, scope) });
    });
    return out.length === cases.length ? out : undefined;
  }

  private status(rule: Rule2, path: string, scope: Scope): CompiledStatus | undefined {
    const d = rule.decl.status!;
    this.checkStatus(d.none, `${path}.status.none`);
    if (d.undetermined !== "undetermined" || this.statuses.includes("undetermined")) this.checkStatus(d.undetermined, `${path}.status.undetermined`);
    const from: number[] = [];
    for (const id of d.from ?? this.doc.rules.filter((r) => r.trigger).map((r) => r.id)) {
      const t = this.byId.get(id);
      if (!t || t.decl.trigger === undefined) this.problem(`${path}.status.from`, `“${id}”不是触发规则`, `"${id}" is not a trigger rule`);
      else from.push(t.index);
    }
    const listType: VType = { k: "table", columns: [{ name: "rule", type: { k: "text" } }] };
    const outcome = (n: string): NameRef | undefined =>
      OUTCOME_NAMES.has(n)
        ? { type: { k: "text", of: "status", values: this.statuses }, run: (f) => (f as MFrame).locals?.outcome ?? missing("na", "无结果", "no outcome"), label: { zh: "结果", en: "outcome" } }
        : BECAUSE_NAMES.has(n)
          ? { type: listType, run: (f) => (f as MFrame).locals?.because ?? new TableValue(["rule"], []) }
          : UNJUDGED_NAMES.has(n)
            ? { type: listType, run: (f) => (f as MFrame).locals?.unjudged ?? new TableValue(["rule"], []) }
            : undefined;
    const inner = this.scope(outcome);
    const cases: CompiledStatus["cases"] = [];
    d.cases.forEach((c, j) => {
      const p = `${path}.status.cases[${j}]`;
      const cond = this.expectType(this.formula(c.if, `${p}.if`, inner), "bool", `${p}.if`);
      this.checkStatus(c.status, `${p}.status`);
      const grade = c.grade === undefined ? undefined : this.formula(c.grade, `${p}.grade`, inner);
      if (grade && !(grade.type.k === "any" || (grade.type.k === "text" && grade.type.of === "grade"))) this.problem(`${p}.grade`, "应给出等级", "must give a grade");
      if (cond) cases.push({ id: c.id, if: cond, status: c.status, grade, explain: this.template(c.explain, `${p}.explain`, inner) });
    });
    void scope;
    return {
      from,
      none: d.none,
      undetermined: d.undetermined,
      cases,
      explainNone: this.template(d.explainNone, `${path}.status.explainNone`, inner),
      explainUndetermined: this.template(d.explainUndetermined, `${path}.status.explainUndetermined`, inner),
    };
  }

  private checks(rule: Rule2, path: string): CompiledCheck[] {
    const d = rule.decl.check!;
    const list = Array.isArray(d) ? d : [d];
    const out: CompiledCheck[] = [];
    list.forEach((c, j) => {
      const p = Array.isArray(d) ? `${path}.check[${j}]` : `${path}.check`;
      // On each client row, the declared fields are that client's values and 客户号 (clientId) its id.
      const row = c.forEach === "clients" ? (n: string) => this.clientRowRef(n) : undefined;
      const scope = this.scope(row);
      const cond = this.expectType(this.formula(c.if, `${p}.if`, scope), "bool", `${p}.if`);
      const context = c.field !== undefined && CHECK_CONTEXT_FIELDS.includes(c.field);
      if (c.field !== undefined && !context && !this.fieldIndex.has(c.field)) {
        this.problem(`${p}.field`, `“${c.field}”不是本规则集声明的字段,也不是 ${CHECK_CONTEXT_FIELDS.join("、")} 之一`, `"${c.field}" is not a field declared by this rulebook, nor one of ${CHECK_CONTEXT_FIELDS.join(", ")}`);
      }
      const message = this.template(c.message, `${p}.message`, scope);
      const field = c.field === undefined || context ? c.field : this.fields[this.fieldIndex.get(c.field) ?? -1]?.id;
      if (cond && message) out.push({ if: cond, severity: c.severity, ...(c.code !== undefined ? { code: c.code } : {}), field, message, forEach: c.forEach ?? "records" });
    });
    return out;
  }

  /** A name on a client row: a declared period field reads the client's own value; 客户号/clientId its id. */
  private clientRowRef(n: string): NameRef | undefined {
    if (n === "客户号" || n === "clientId") return { type: { k: "text" }, run: (f) => (f as MFrame).locals?.row?.get("id") ?? missing("na", "缺少客户号", "no client id"), label: { zh: "客户号", en: "client id" } };
    const fi = this.fieldIndex.get(n);
    if (fi === undefined || this.fields[fi].per !== "period") return undefined;
    const spec = this.fields[fi];
    return {
      type: typeOfField(spec.unit),
      run: (f) => (f as MFrame).locals?.row?.get(spec.id) ?? missing("na", `客户缺少${spec.zh}`, `the client has no ${spec.en}`),
      label: { zh: spec.zh, en: spec.en },
    };
  }


  private tool(rule: Rule2, path: string, scope: Scope): CompiledTool | undefined {
    const d = rule.decl.tool!;
    const inputs: ToolInput[] = [];
    for (const [name, decl] of Object.entries(d.inputs)) {
      const type = decl.list ? ({ k: "table" } as VType) : declType(decl.unit, decl.type) ?? ANY;
      if (decl.type === "grade" || decl.type === "role") this.problemIfUnknownVocabulary(decl.type, path);
      const list = decl.list ? Object.entries(decl.list).map(([n, c]) => ({ name: n, type: declType(c.unit, c.type) ?? ANY, optional: c.optional === true, signed: c.signed === true })) : undefined;
      inputs.push({ name, type: list ? { k: "table", columns: list.map((c) => ({ name: c.name, type: c.type })) } : type, optional: decl.optional === true, signed: decl.signed === true, list, label: { zh: decl.zh ?? name, en: decl.en ?? name } });
    }
    const known = new Map<string, VType>(inputs.map((i) => [i.name, i.type]));
    const localRef = (n: string, row: Map<string, VType> | undefined): NameRef | undefined => {
      if (row?.has(n)) return { type: row.get(n)!, run: (f) => (f as MFrame).locals?.row?.get(n) ?? missing("na", `缺少 ${n}`, `missing ${n}`), label: { zh: n, en: n } };
      if (known.has(n)) return { type: known.get(n)!, run: (f) => (f as MFrame).locals?.inputs?.get(n) ?? missing("na", `缺少输入 ${n}`, `missing input ${n}`), label: { zh: n, en: n } };
      // A column of a list input or of a per-row result: 逐案.扣减额.
      const dot = n.lastIndexOf(".");
      if (dot > 0) {
        const base = localRef(n.slice(0, dot), row);
        const col = n.slice(dot + 1); // int: string index
        const ct = base?.type.k === "table" ? base.type.columns?.find((c) => c.name === col) : undefined;
        if (base && ct) {
          const run = base.run;
          return { type: { k: "table", columns: [{ name: col, type: ct.type }] }, run: (f) => columnOf(run(f), col), label: { zh: n, en: n } };
        }
      }
      return undefined;
    };
    const stepsOf = (steps: NonNullable<RuleDecl["tool"]>["results"], p: string, row?: Map<string, VType>): ToolStep[] | undefined => {
      const out: ToolStep[] = [];
      let ok = true;
      steps.forEach((s, j) => {
        const sp = `${p}[${j}]`;
        const inner = this.scope((n) => localRef(n, row));
        const when = s.when === undefined ? undefined : this.expectType(this.formula(s.when, `${sp}.when`, inner), "bool", `${sp}.when`);
        if (s.when !== undefined && !when) ok = false;
        if (s.forEach !== undefined) {
          // A list input, or a list an earlier result computed (UNIQUE of a column, another forEach).
          const earlier = row ? undefined : known.get(s.forEach);
          const list = inputs.find((i) => i.name === s.forEach)?.list ?? (earlier?.k === "table" && earlier.columns && earlier.columns.length > 0 ? earlier.columns : undefined);
          if (!list) {
            this.problem(`${sp}.forEach`, `“${s.forEach}”不是列表输入,也不是前面算出的列表`, `"${s.forEach}" is neither a list input nor a list computed by an earlier result`);
            ok = false;
            return;
          }
          const rowTypes = new Map<string, VType>(list.map((c) => [c.name, c.type]));
          const where = s.where === undefined ? undefined : this.expectType(this.formula(s.where, `${sp}.where`, this.scope((n) => localRef(n, rowTypes))), "bool", `${sp}.where`);
          const inner2 = stepsOf(s.results ?? [], `${sp}.results`, rowTypes);
          if (!inner2 || (s.where !== undefined && !where)) {
            ok = false;
            return;
          }
          const type: VType = { k: "table", columns: [...list.map((c) => ({ name: c.name, type: c.type })), ...inner2.map((x) => ({ name: x.name, type: x.type }))] };
          // Known before its explanation is compiled: the line may speak of the list it made (ROWS(已结算)).
          known.set(s.name, type);
          out.push({ name: s.name, type, forEach: s.forEach, where, when, steps: inner2, explain: this.template(s.explain, `${sp}.explain`, inner) });
          return;
        }
        if (s.table) {
          const t = compileTable(s.table, {
            scope: inner,
            formula: (src, fp) => this.formula(src, fp, inner),
            problem: (fp, zh, en) => this.problem(fp, zh, en),
            outputTypes: (s.table.outputs ?? [{ name: s.name, unit: s.unit }]).map((o) => declType(o.unit as FieldType | undefined, (o as { type?: string }).type)),
            outputNames: (s.table.outputs ?? [{ name: s.name }]).map((o) => o.name),
            template: (t2, fp) => this.template(t2, fp, inner),
          }, `${sp}.table`);
          if (!t) {
            ok = false;
            return;
          }
          const type = t.outputs.length === 1 ? t.outputs[0].type : { k: "table" as const, columns: t.outputs };
          if (row) row.set(s.name, type);
          else known.set(s.name, type);
          out.push({ name: s.name, type, table: t, when, explain: this.template(s.explain, `${sp}.explain`, this.scope((n) => localRef(n, row))) });
          return;
        }
        if (s.formula === undefined) {
          this.problem(sp, "结果须有 formula、table 或 forEach", "a result needs formula, table or forEach");
          ok = false;
          return;
        }
        const c = this.formula(s.formula, `${sp}.formula`, inner);
        if (!c) {
          ok = false;
          return;
        }
        const type = s.unit ? this.agree(typeOfField(s.unit as FieldType), c.type, `${sp}.formula`) : c.type;
        if (row) row.set(s.name, type);
        else known.set(s.name, type);
        // The step's own explanation may speak of the step itself.
        out.push({ name: s.name, type, compiled: c, when, explain: this.template(s.explain, `${sp}.explain`, this.scope((n) => localRef(n, row))) });
      });
      return ok ? out : undefined;
    };
    const steps = stepsOf(d.results, `${path}.tool.results`);
    void scope;
    // The rule's explanation speaks of the tool's inputs and results.
    this.toolScope = this.scope((n) => localRef(n, undefined));
    return steps ? { inputs, steps } : undefined;
  }

  private toolScope: Scope | undefined;

  private problemIfUnknownVocabulary(kind: "grade" | "role", path: string): void {
    if (kind === "grade" && this.grades.length === 0) this.problem(path, "输入为等级,但本规则集没有等级", "a grade input, but the rulebook has no grades");
  }

  // ---------------------------------------------------------------------------------------------------------------

  outputs(): Outputs {
    const o = this.doc.outputs;
    const find = (name: string, path: string): Rule2 | undefined => {
      const r = this.byName.get(name) ?? this.byId.get(name);
      if (!r) this.problem(`outputs.${path}`, `没有名为“${name}”的规则${this.suggest(name).length ? `(是否指 ${this.suggest(name).join("、")}?)` : ""}`, `no rule named "${name}"`);
      return r;
    };
    const numeric = (r: Rule2 | undefined, path: string) => {
      if (r && r.type.k !== "num" && r.type.k !== "any") this.problem(`outputs.${path}`, `${r.id} 应给出数值,却是${typeWords(r.type).zh}`, `${r.id} must give a number, not ${typeWords(r.type).en}`);
    };
    const out: Outputs = { scoreItems: [], values: [] };
    if (o.score) numeric((out.score = find(o.score, "score")), "score");
    out.scoreItems = (o.scoreItems ?? []).map((n, i) => find(n, `scoreItems[${i}]`)).filter((r): r is Rule2 => r !== undefined);
    out.scoreItems.forEach((r, i) => numeric(r, `scoreItems[${i}]`));
    if (o.grade) {
      out.grade = find(o.grade, "grade");
      if (out.grade && !(out.grade.type.k === "text" && out.grade.type.of === "grade") && out.grade.type.k !== "any") this.problem("outputs.grade", `${out.grade.id} 应给出等级(type: grade)`, `${out.grade.id} must give a grade (type: grade)`);
    }
    if (o.pay) numeric((out.pay = find(o.pay, "pay")), "pay");
    if (o.riskDeposit) {
      const l = find(o.riskDeposit.ledger, "riskDeposit.ledger");
      if (l && !l.ledger) this.problem("outputs.riskDeposit.ledger", `${l.id} 不是台账(ledger)`, `${l.id} is not a ledger`);
      if (l?.ledger) {
        for (const m of [...o.riskDeposit.withheld, ...o.riskDeposit.refunded]) {
          if (!l.ledger.movements.some((x) => x.name === m)) this.problem("outputs.riskDeposit", `台账 ${l.id} 没有发生额“${m}”`, `ledger ${l.id} has no movement "${m}"`);
        }
        out.riskDeposit = { ledger: l, withheld: o.riskDeposit.withheld, refunded: o.riskDeposit.refunded };
      }
    }
    if (o.status) {
      out.status = find(o.status, "status");
      if (out.status && !out.status.status) this.problem("outputs.status", `${out.status.id} 不是状态规则(status)`, `${out.status.id} is not a status rule`);
    }
    out.values = o.values.map((n, i) => find(n, `values[${i}]`)).filter((r): r is Rule2 => r !== undefined);
    return out;
  }

  /** Rules that depend on themselves within one period (through other rules, outside windows). */
  cycles(): void {
    const colour = new Map<number, 1 | 2>();
    const stack: number[] = [];
    const visit = (i: number): boolean => {
      colour.set(i, 1);
      stack.push(i);
      for (const j of this.rules[i].deps) {
        if (colour.get(j) === 1) {
          const loop = stack.slice(stack.indexOf(j)).map((k) => this.rules[k].name ?? this.rules[k].id);
          this.problem(this.rulePath(i, this.rules[i].id), `循环引用:${[...loop, loop[0]].join(" → ")}(同一期间内的规则不能互相依赖;引用前期请用 PREV 等窗口函数)`, `circular reference: ${[...loop, loop[0]].join(" → ")} (rules cannot depend on each other within a period; use PREV and other windows for earlier periods)`);
          return true;
        }
        if (!colour.has(j) && visit(j)) return true;
      }
      stack.pop();
      colour.set(i, 2);
      return false;
    };
    for (const r of this.rules) if (!colour.has(r.index) && visit(r.index)) return;
  }

}

export function compileRulebook2(raw: unknown): Compile2Result {
  const frame = RulebookDoc2.safeParse(raw);
  if (!frame.success) {
    return { ok: false, problems: frame.error.issues.map((i) => `${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "$"}: ${i.message}`) };
  }
  const c = new BookCompiler(frame.data);
  c.declareVocabulary();
  c.declareRules();
  for (const r of c.rules) c.ensure(r);
  c.checkFunctions();
  const outputs = c.outputs();
  c.cycles();
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  const book: Book2 = {
    doc: frame.data,
    fields: c.fields,
    fieldIndex: c.fieldIndex,
    rules: c.rules,
    byId: c.byId,
    byName: c.byName,
    settingKeys: c.settingKeys,
    settingDecls: c.settingKeys.map((k) => frame.data.settings[k]),
    outputs,
    grades: c.grades,
    roles: c.roles,
    statuses: c.statuses,
    flags: c.flags,
    triggers: c.rules.filter((r) => r.construct === "trigger"),
    checks: c.rules.filter((r) => r.decl.check !== undefined),
  };
  return { ok: true, book };
}

export type { Value };
