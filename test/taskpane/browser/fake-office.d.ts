/** Types of fake-office.js for the TypeScript tests (the fake itself is plain JS so the page can load it as office.js). */
export interface FakeSheetSpec {
  name: string;
  values: unknown[][];
  /** Formulas by cell (`C7`: `=KHJL.GRADE(A7)`); the cell's value in `values` is the formula's current result. */
  formulas?: Record<string, string>;
  numberFormats?: Record<string, string>;
  /** Spill ranges of array formulas, anchor first (`B2:D9` spills from B2). */
  spills?: string[];
}

export interface FakeSpec {
  sheets: FakeSheetSpec[];
  active?: string;
  selection?: string;
  settings?: Record<string, unknown>;
  /** Comment threads already in the workbook, by cell (`Sheet!A1`). */
  comments?: Record<string, string>;
  excelApi?: string;
  requestLimitBytes?: number;
  responseLimitBytes?: number;
  saveFails?: boolean;
}

export interface FakeWrite {
  sheet: string | null;
  address: string | null;
  what: string;
  [extra: string]: unknown;
}

export interface FakeLog {
  syncs: number;
  syncCalls: number;
  runs: number;
  requests: Array<{ operations: number; bytes: number }>;
  writes: FakeWrite[];
  suspendCalculation: number;
  suspendScreen: number;
  calculations: string[];
  settingsSaves: number;
  associated: string[];
}

export interface FakeSheetView {
  tables: Array<{ name: string; style: string; address: string }>;
  charts: Array<{ type: string; seriesBy: string; source: string; data: unknown[][]; title: string | null; legendVisible: boolean; position: { start: string; end: string | null } | null }>;
  conditionalFormats: Array<{ type: string; range: string; formula: string | null; fill: string | null; font: string | null }>;
  freeze: { rows: number; columns: number } | null;
  columnWidths: Record<string, number>;
  autofit: string[];
  spills: string[];
}

export interface Fake {
  Office: typeof Office;
  Excel: typeof Excel;
  CustomFunctions: unknown;
  log: FakeLog;
  sheetNames(): string[];
  activeSheet(): string;
  selection(): string;
  values(sheet: string): unknown[][];
  formulas(sheet: string): unknown[][];
  cell(sheet: string, address: string): unknown;
  formatAt(sheet: string, address: string): string;
  sheet(name: string): FakeSheetView;
  comments(): Array<{ address: string; content: string; replies: string[] }>;
  settings(): Record<string, unknown>;
  savedSettings(): Record<string, unknown>;
  startupBehavior(): string;
  highlightedRows(sheet: string): number[];
  writesOutside(sheet: string): FakeWrite[];
  resetLog(): void;
}

export function createFake(spec: FakeSpec): Fake;
export function install(target: object, spec: FakeSpec): Fake;
export function typeIn(text: string, format: string): { value?: unknown; formula?: string };
export function serial(year: number, month: number, day: number): number;
