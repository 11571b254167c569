/**
 * Measurement 2: the H003 score and grade as a formula sheet, the way a branch clerk builds it today (nested IF /
 * IFS / TRUNC / SUMPRODUCT over one row per manager), evaluated by HyperFormula 3.5.0 (GPL-v3 licence key; a dev
 * dependency for tests and this bench only, never bundled), against the engine appraising the same rows directly,
 * and (when src/functions has them) against the add-in's own KHJL.SCORE / KHJL.GRADE called from HyperFormula.
 *
 * The rows are the annual records of bench/gen/h003.ts. The sheet computes what those records decide: the four
 * items and the total (H003-SCORE-*), and the grade after H003-DEMOTE-CM-SCORE, H003-DISMISS-CM-SCORE and
 * H003-DEMOTE-CM-COLLECTION (one grade down; a dismissal or a junior's demotion leaves the grade). The engine is
 * given the same annual records and does its whole appraisal (every rule, with explanations worded when read), so
 * the comparison favours the sheet.
 */
import { HyperFormula } from "hyperformula";
import { appraiseAll, resolveRulebook, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import type { ManagerResultJson } from "../../src/engine/results";
import { generateH003, type RawInput } from "../gen/h003";
import { fmt, measure } from "../lib/measure";
import type { Row, Section } from "../lib/report";
import { appraisePlain, plainAsText, preparePlain } from "../plain/h003";
import { customFunctionColumn } from "./customFunctions";

export interface FormulaFigures {
  sheetSeconds: number;
  engineSeconds: number;
  agreement: { checked: number; agreed: number };
}

const LICENSE = "gpl-v3";

/** Input columns A–L; formulas in M–R. */
const INPUT = ["role", "grade", "depositGrowth", "avgDeposits", "baseDeposits", "newAvgDeposits", "nplRatio", "avgLoans", "interestDue", "collectionRate", "feeIncomeGrowth", "newBasicAccounts"] as const;

/** The clerk's formulas for row r (1-based), as they would be typed into Excel. */
function formulas(r: number): string[] {
  const c = (col: string) => `${col}${r}`;
  const growth = `IF(ISNUMBER(${c("C")}),${c("C")},(${c("D")}-${c("E")})/${c("E")})`;
  const increase = `IF(ISNUMBER(${c("F")}),${c("F")},${c("D")}-${c("E")})`;
  const target = `IFS(${c("B")}="senior",10,${c("B")}="intermediate",7,TRUE(),5)`;
  const agent = `${c("A")}="agent"`;
  return [
    // H003-SCORE-DEPOSIT-GROWTH (or H003-SCORE-JUNIOR-DEPOSIT for a junior CM)
    `=IF(${agent},"",IF(AND(${c("A")}="cm",${c("B")}="junior"),IF(${increase}>=1000000,40,ROUND(40*MAX(0,${increase})/1000000,2)),MIN(60,MAX(0,40+2*TRUNC((${growth}-0.3)/0.01)))))`,
    // H003-SCORE-NPL
    `=IF(${agent},"",IF(AND(ISNUMBER(${c("H")}),${c("H")}=0),30,IF(${c("G")}=0,30,IF(${c("G")}<=0.01,20,IF(${c("G")}<0.05,10,0)))))`,
    // H003-SCORE-COLLECTION
    `=IF(${agent},"",IF(AND(ISNUMBER(${c("I")}),${c("I")}=0),20,MIN(30,MAX(0,20+2*TRUNC((${c("J")}-0.995)/0.001)))))`,
    // H003-SCORE-FEE-INCOME (president) or H003-SCORE-NEW-ACCOUNTS (CM)
    `=IF(${agent},"",IF(${c("A")}="president",MIN(15,MAX(0,10+TRUNC((${c("K")}-0.2)/0.02))),IF(${c("L")}>=${target},10,ROUND(10*MAX(0,${c("L")})/${target},2))))`,
    // H003-SCORE-TOTAL
    `=IF(${agent},"",SUMPRODUCT(M${r}:P${r}))`,
    // grade after the score and collection demotion rules
    `=IF(${c("A")}<>"cm",${c("B")},IF(${c("Q")}<=70,${c("B")},IF(OR(${c("Q")}<=85,${c("J")}<0.99),IFS(${c("B")}="senior","intermediate",${c("B")}="intermediate","junior",TRUE(),${c("B")}),${c("B")})))`,
  ];
}

/** The annual record of each manager, alone: what one row of the sheet holds. */
function annualOnly(raw: RawInput): RawInput {
  return { ...raw, managers: raw.managers.map((m) => ({ ...m, riskDeposit: undefined, history: m.history.filter((h) => h.period === raw.period) })) };
}

function sheetRows(raw: RawInput): Array<Array<string | number | null>> {
  return raw.managers.map((m, i) => {
    const rec = m.history[0] as Record<string, unknown>;
    const row: Array<string | number | null> = INPUT.map((f) => {
      if (f === "role") return m.role;
      if (f === "grade") return m.grade ?? "";
      const v = rec[f];
      return v === undefined ? null : Number(v);
    });
    return [...row, ...formulas(i + 1)];
  });
}

export function formulaSection(managers: number, runs: number): { section: Section; figures: FormulaFigures } {
  const raw = annualOnly(generateH003(managers, 7));
  const rows = sheetRows(raw);

  // The engine first, so that the spreadsheet's garbage is not collected on the engine's time.
  const parsed = parseAppraisalInput(raw);
  if (!parsed.ok) throw new Error(`formula bench input is invalid: ${parsed.problems[0]?.message}`);
  const book = resolveRulebook("h003-city-bank");
  if (!book.ok) throw new Error("no h003-city-bank");
  const settings = resolveSettings(book.value, {});
  if (!settings.ok) throw new Error("h003 settings");
  const appraise = () => appraiseAll(book.value, settings.value, parsed.value).output.results;
  const engine = measure(appraise, runs);
  const results: ManagerResultJson[] = appraise();

  // The formula sheet: build = parse every formula and calculate the whole sheet, as opening the workbook does.
  const sheet = measure(() => HyperFormula.buildFromArray(rows, { licenseKey: LICENSE }), runs, 1);
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: LICENSE });
  const inputs = rows.map((r) => r.slice(0, INPUT.length));
  // A full recalculation: every input cell replaced by the same value, every formula computed again.
  const recalc = measure(() => hf.setCellContents({ sheet: 0, col: 0, row: 0 }, inputs), runs, 1);
  const values = hf.getSheetValues(0);

  // Where the sheet and the engine differ, the exact whole-number version (bench/plain) says which is right.
  const plain = preparePlain(raw);
  let agreed = 0;
  let plainSidesWithEngine = 0;
  let first: string | undefined;
  results.forEach((r, i) => {
    const v = values[i];
    const score = typeof v[16] === "number" ? (v[16] as number).toFixed(2) : undefined;
    const grade = v[17] === "" ? undefined : String(v[17]);
    if (score === r.score && grade === r.grade) agreed++;
    else {
      if (plainAsText(appraisePlain(plain[i], 2026)).score === r.score) plainSidesWithEngine++;
      first ??= `${r.id}: sheet ${score}/${grade}, engine ${r.score}/${r.grade}`;
    }
  });
  hf.destroy();

  const cf = customFunctionColumn(raw, runs, sheet.median, results);
  const out: Row[] = [
    { measure: `${fmt(managers)} rows, engine direct (whole appraisal of the annual record)`, figure: `${(engine.median * 1000).toFixed(0)} ms`, baseline: `formula sheet ${(sheet.median * 1000).toFixed(0)} ms`, ratio: `${(sheet.median / engine.median).toFixed(1)}× faster` },
    { measure: `${fmt(managers)} rows, formula sheet: recalculate after every input changes`, figure: `${(recalc.median * 1000).toFixed(0)} ms`, baseline: `engine direct ${(engine.median * 1000).toFixed(0)} ms`, ratio: `${(recalc.median / engine.median).toFixed(1)}× the engine` },
    cf.row,
  ];
  return {
    figures: { sheetSeconds: sheet.median, engineSeconds: engine.median, agreement: { checked: results.length, agreed } },
    section: {
      title: "2. Formula sheet (HyperFormula) against the engine",
      how: [
        "One row per manager: 12 input cells (role, grade, growth, deposits, base, increase, NPL, loans, interest due, collection,",
        "fee growth, accounts) and 6 formulas (4 items, SUMPRODUCT total, IFS grade after the score and collection rules),",
        "see bench/sections/formula.ts. *Formula sheet* = `HyperFormula.buildFromArray` (parse and calculate every formula);",
        "*engine direct* = `appraiseAll` over the same annual records, parsed beforehand. Medians of the timed runs.",
      ],
      rows: out,
      notes: [
        `The sheet agrees with the engine on ${fmt(agreed)} of ${fmt(results.length)} rows (score to 0.01 and grade)${first ? `; first difference: ${first}` : ""}.` +
          (agreed < results.length
            ? ` On ${fmt(plainSidesWithEngine)} of the ${fmt(results.length - agreed)} differing rows the exact whole-number version (bench/plain/h003.ts) gives the engine's score: the sheet's TRUNC((rate − target) / step) works on binary fractions, e.g. (28% − 30%) / 1% comes out a hair above −2 and truncates to −1 step (H003-CONV-DECIMAL).`
            : ""),
        ...cf.notes,
      ],
    },
  };
}
