/**
 * The decimal-only lint shared by the engine and workbook suites: the TypeScript type checker walks every file of a
 * folder; any arithmetic operator whose operands are JS numbers, any unary +/- on a number variable, and any call
 * that turns amounts into floats (parseFloat, Number(), Math.*, toFixed on a number) is a violation, unless the line
 * is marked `// int:` (calendar and index arithmetic on whole numbers) or `// excel edge:` (the single conversion of
 * a finished figure's decimal text into the number Excel stores; the workbook suite checks it occurs once). Decimal config may not be changed globally,
 * and decimal.js may be imported only by src/engine/decimal.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const ARITHMETIC = new Set([
  ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken, ts.SyntaxKind.AsteriskAsteriskToken, ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
]);

/**
 * Violations of the decimal-only rule in every .ts file under `root`. `planted` adds an in-memory file (never
 * written to disk, so parallel runs cannot see it).
 */
export function findFloatViolations(root: string, planted?: { name: string; text: string }): string[] {
  const options: ts.CompilerOptions = {
    strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, esModuleInterop: true,
    resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: [],
  };
  const files = sourceFiles(root);
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
      return /\/\/ (int|excel edge):/.test(lines[line]);
    };
    const report = (node: ts.Node, what: string) => {
      if (allowed(node)) return;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      violations.push(`${path.relative(root, file)}:${line + 1}: ${what}: ${node.getText(source).slice(0, 80)}`);
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
