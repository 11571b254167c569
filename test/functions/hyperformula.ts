/**
 * Test-only bridge that runs our custom functions inside HyperFormula (GPL, never bundled), so tests can write real
 * formulas: `=KHJL.GRADE(A1:F41)`, `=SUM(KHJL.COMMISSION(...))`, `=IFERROR(KHJL.SCORE(...),0)`.
 * The plugin is built from the metadata custom-functions-metadata generates from src/functions/functions.ts — the
 * same functions.json Excel reads — so a parameter that the metadata declares differently from the code shows up here.
 * Answer sizes are predicted from the argument ranges, because each answer lines up with its input rows.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type FunctionPluginDefinition } from "hyperformula";
import * as F from "../../src/functions/functions";
import { FunctionError } from "../../src/functions/result";

export interface MetadataParameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description: string;
  parameters: MetadataParameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

let metadata: Promise<{ functions: MetadataFunction[]; associate: Array<{ id: string; functionName: string }> }> | undefined;

/** The functions.json content and the id → function name pairs, as the webpack plugin generates them. */
export function functionsMetadata() {
  metadata ??= generateCustomFunctionsMetadata("src/functions/functions.ts").then((r) => {
    if (r.errors.length > 0) throw new Error(`functions metadata: ${r.errors.join("; ")}`);
    return { functions: JSON.parse(r.metadataJson).functions as MetadataFunction[], associate: r.associate };
  });
  return metadata;
}

const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: "#DIV/0!", NA: "#N/A", NAME: "#NAME?", NUM: "#NUM!", REF: "#REF!", VALUE: "#VALUE!", CYCLE: "#CYCLE!", SPILL: "#SPILL!", ERROR: "#ERROR!",
};

/** A HyperFormula value as Excel would pass it to a custom function. */
function toExcelArg(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return { code: ERROR_TEXT[v.type] ?? "#VALUE!", message: v.message };
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toExcelArg));
  if (typeof v === "object" && v !== null && "val" in (v as object)) return (v as { val: unknown }).val; // rich numbers
  return v;
}

function fromExcel(v: unknown): unknown {
  if (v instanceof FunctionError) return new CellError(v.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, v.message);
  return v;
}

const OUTPUT_WIDTH: Record<string, number> = { RISKDEPOSIT: 2, RULEBOOKS: 3 };

export async function khjlPlugin(): Promise<FunctionPluginDefinition> {
  const { functions, associate } = await functionsMetadata();
  const byId = new Map(associate.map((a) => [a.id, a.functionName]));
  const exported = F as unknown as Record<string, (...args: unknown[]) => unknown>;

  class KhjlPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  for (const f of functions) {
    const fnName = byId.get(f.id)!;
    const method = `call_${f.id}`;
    const sizeMethod = `size_${f.id}`;
    const metadataName = `KHJL.${f.id}`;
    implemented[metadataName] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      parameters: f.parameters.map((p) => ({ argumentType: p.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR, optionalArg: !!p.optional })),
    };
    const proto = KhjlPlugin.prototype as unknown as Record<string, unknown>;
    // `this: any`: ProcedureAst/InterpreterState are not exported (toolchain notes)
    proto[method] = function (this: any, ast: { args: Array<{ type?: string }> }, state: unknown) {
      // Excel passes an omitted optional argument (`=KHJL.SCORE(A1:G3,,,"h003-city-bank")`) as null; HyperFormula
      // would pass a 1×1 range of nothing for a range parameter.
      const empty = ast.args.map((a) => a.type === "EMPTY");
      return this.runFunction(ast.args, state, this.metadata(metadataName), (...args: unknown[]) => {
        let out: unknown;
        try {
          out = exported[fnName](...args.map((a, i) => (empty[i] ? null : toExcelArg(a))));
        } catch (e) {
          return fromExcel(e instanceof FunctionError ? e : new FunctionError("#VALUE!", String(e), String(e)));
        }
        if (Array.isArray(out)) return SimpleRangeValue.onlyValues((out as unknown[][]).map((row) => row.map(fromExcel)) as never);
        return fromExcel(out);
      });
    };
    // The answer has one row per input row (rows argument when given, else the table with its header) or, for
    // COMPLETION, the shape of `actual`; RULEBOOKS is fixed.
    proto[sizeMethod] = function (this: { arraySizeForAst: Function }, ast: { args: Array<{ type?: string }> }, state: unknown) {
      if (f.id === "RULEBOOKS") return new ArraySize(3, F.rulebooks().length);
      const rowsArg = ast.args[1];
      const source = f.id !== "COMPLETION" && rowsArg && rowsArg.type !== "EMPTY" ? rowsArg : ast.args[0];
      if (!source) return ArraySize.error();
      const size = this.arraySizeForAst(source, state) as ArraySize;
      const width = f.id === "COMPLETION" ? size.width : OUTPUT_WIDTH[f.id] ?? 1;
      return new ArraySize(width, size.height);
    };
  }
  (KhjlPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  return KhjlPlugin as unknown as FunctionPluginDefinition;
}

let registered = false;

/** A HyperFormula instance with the KHJL functions registered (once per test file). */
export async function formulaEngine(sheets: Record<string, unknown[][]>): Promise<HyperFormula> {
  if (!registered) {
    const plugin = await khjlPlugin();
    const names = Object.fromEntries(Object.keys((plugin as unknown as { implementedFunctions: object }).implementedFunctions).map((n) => [n, n]));
    HyperFormula.registerFunctionPlugin(plugin, { enGB: names, enUS: names });
    registered = true;
  }
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3", useArrayArithmetic: true });
}
