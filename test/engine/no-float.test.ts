/**
 * Proof that src/engine does no binary floating-point arithmetic on money, rates or points (H003-CONV-DECIMAL).
 * The TypeScript type checker walks every engine file: any arithmetic operator whose operands are JS numbers,
 * any unary +/- on a number variable, and any call that turns amounts into floats (parseFloat, Number(), Math.*,
 * toFixed on a number) is a violation, unless the line is marked `// int:` — calendar and index arithmetic on
 * whole numbers, which never touches an amount. Decimal config may not be changed globally.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { Dec } from "../../src/engine/decimal";
import DecimalJs from "decimal.js";

const ENGINE = path.resolve(__dirname, "../../src/engine");

function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return engineFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const ARITHMETIC = new Set([
  ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken, ts.SyntaxKind.AsteriskAsteriskToken, ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
]);

/** `planted` adds an in-memory file (never written to disk, so parallel runs cannot see it). */
function findViolations(planted?: { name: string; text: string }): string[] {
  const options: ts.CompilerOptions = {
    strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, esModuleInterop: true,
    resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: [],
  };
  const files = engineFiles(ENGINE);
  const host = ts.createCompilerHost(options);
  if (planted) {
    const original = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, onError, shouldCreate) =>
      fileName === planted.name ? ts.createSourceFile(fileName, planted.text, language) : original(fileName, language, onError, shouldCreate);
    const exists = host.fileExists.bind(host);
    host.fileExists = (fileName) => fileName === planted.name || exists(fileName);
    files.push(planted.name);
  }
  const program = ts.createProgram(files, options, host);
  const checker = program.getTypeChecker();
  const violations: string[] = [];
  const isNumber = (node: ts.Node) => (checker.getTypeAtLocation(node).flags & ts.TypeFlags.NumberLike) !== 0;
  const isString = (node: ts.Node) => (checker.getTypeAtLocation(node).flags & ts.TypeFlags.StringLike) !== 0;

  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const lines = source.getFullText().split("\n");
    const allowed = (node: ts.Node) => {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
      return /\/\/ int:/.test(lines[line]);
    };
    const report = (node: ts.Node, what: string) => {
      if (allowed(node)) return;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      violations.push(`${path.relative(ENGINE, file)}:${line + 1}: ${what}: ${node.getText(source).slice(0, 80)}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && ARITHMETIC.has(node.operatorToken.kind)) {
        const stringy = isString(node.left) || isString(node.right);
        if (!stringy && (isNumber(node.left) || isNumber(node.right))) report(node, "number arithmetic");
      }
      if (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken)) {
        if (!ts.isNumericLiteral(node.operand) && (isNumber(node.operand) || node.operator === ts.SyntaxKind.PlusToken)) report(node, "unary number arithmetic");
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText(source);
        if (/^(parseFloat|Number|Number\.parseFloat)$/.test(callee)) report(node, "float conversion");
        if (/^Math\./.test(callee)) report(node, "Math on numbers");
        if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "toFixed" && isNumber(node.expression.expression)) {
          report(node, "toFixed on a number");
        }
        if (/^(Decimal|DecimalJs)\.(set|config)$/.test(callee)) report(node, "global decimal configuration");
      }
      if (ts.isImportDeclaration(node) && /decimal\.js/.test(node.moduleSpecifier.getText(source)) && !file.endsWith(`${path.sep}decimal.ts`)) {
        report(node, "decimal.js imported outside decimal.ts (use Dec)");
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
}

describe("H003-CONV-DECIMAL: no binary floating point in src/engine", () => {
  it("has no number arithmetic, float conversion or Math on amounts in any engine file", () => {
    expect(findViolations()).toEqual([]);
  });

  it("catches a violation when one is planted (the check is not vacuous)", () => {
    const name = path.join(ENGINE, "__planted_float__.ts");
    const text = "export function bad(a: number, b: number): number {\n  return a * b;\n}\nexport const c = parseFloat('1.5');\n";
    const found = findViolations({ name, text }).filter((v) => v.includes("__planted_float__"));
    expect(found).toEqual([
      "__planted_float__.ts:2: number arithmetic: a * b",
      "__planted_float__.ts:4: float conversion: parseFloat('1.5')",
    ]);
  });

  it("computes with a private Decimal of at least 34 significant digits and leaves the global config alone", () => {
    expect(Dec.precision).toBeGreaterThanOrEqual(34);
    expect(Dec.rounding).toBe(DecimalJs.ROUND_HALF_UP);
    expect(DecimalJs.precision).toBe(20);
    expect(new Dec("99.8").minus("99.5").div("0.1").toString()).toBe("3");
  });
});
