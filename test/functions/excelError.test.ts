/** excelError: a custom function's failure becomes CustomFunctions.Error inside Excel, a plain Error elsewhere. */
import { excelError } from "../../src/functions/excelError";

describe("excelError", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  });

  it("keeps the original Error when Excel's runtime is absent (jest, plain browser)", () => {
    const original = new Error("built-in rulebook x is invalid");
    expect(excelError(original)).toBe(original);
    expect((excelError("text") as Error).message).toBe("text");
  });

  it("throws #VALUE! with the message inside Excel, so the cell shows why", () => {
    class FakeError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeError };
    const result = excelError(new Error("built-in rulebook x is invalid"));
    expect(result).toBeInstanceOf(FakeError);
    expect(result).toMatchObject({ code: "#VALUE!", message: "built-in rulebook x is invalid" });
  });
});
