/**
 * Convention kinds: data the engine and other kinds read (boundary words) and conventions the
 * engine implements in code once for every rulebook (decimal arithmetic, units), recorded so every rule id has
 * its place in the rulebook.
 */
import { z } from "zod";
import { BoundaryParams } from "../compare";
import type { ConventionKind } from "./types";

export const boundaryWords: ConventionKind<BoundaryParams> = {
  kind: "boundaryWords",
  stage: "convention",
  params: BoundaryParams,
  check(rule, book) {
    const s = rule.params.bySetting;
    return s && !book.doc.settings[s.setting] ? [`setting ${s.setting} is not declared`] : [];
  },
};

const EngineConventionParams = z
  .object({
    /** What in the engine carries this convention out, for a reviewer. */
    implementedBy: z.string().min(1),
    /** Any data the convention fixes (unit factors, step modes…), shown in the rulebook view. */
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const engineConvention: ConventionKind<z.infer<typeof EngineConventionParams>> = {
  kind: "engineConvention",
  stage: "convention",
  params: EngineConventionParams,
};
