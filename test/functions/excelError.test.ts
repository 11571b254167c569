/** The Excel boundary: FunctionError and unexpected exceptions become CustomFunctions.Error inside Excel, and stay FunctionError elsewhere. */
import { excelError, forExcel } from "../../src/functions/excelError";
import { FunctionError, naError, valueError } from "../../src/functions/result";

class FakeExcelError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

describe("excelError", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  });

  it("keeps a FunctionError when Excel's runtime is absent (jest, plain browser), so tests see code and both messages", () => {
    const e = naError("没有规则集", "no rulebook");
    expect(excelError(e)).toBe(e);
  });

  it("turns an unexpected exception into #VALUE! naming it, never an uncaught exception", () => {
    const e = excelError(new TypeError("x is undefined")) as FunctionError;
    expect(e).toMatchObject({ code: "#VALUE!", zh: "内部错误:x is undefined", en: "internal error: x is undefined" });
  });

  it("throws CustomFunctions.Error with the code and the Chinese / English message inside Excel", () => {
    (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeExcelError };
    expect(excelError(valueError("参数 期间 无效", "argument period is invalid"))).toMatchObject({ code: "#VALUE!", message: "参数 期间 无效 / argument period is invalid" });
    expect(excelError(naError("未计算", "not computed"))).toMatchObject({ code: "#N/A", message: "未计算 / not computed" });
  });

  it("forExcel throws for a whole-formula error and keeps per-cell errors inside the spill", () => {
    (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeExcelError };
    expect(() => forExcel(() => valueError("坏", "bad"))).toThrow(FakeExcelError as never);
    expect(() => forExcel(() => { throw new Error("boom"); })).toThrow(FakeExcelError as never);
    const out = forExcel(() => [["等级"], ["一级"], [naError("无", "none")]]);
    expect(out[0]).toEqual(["等级"]);
    expect(out[1]).toEqual(["一级"]);
    expect(out[2][0]).toBeInstanceOf(FakeExcelError);
    expect(out[2][0]).toMatchObject({ code: "#N/A", message: "无 / none" });
  });
});
