/**
 * Client rows as a tool's explicit input (the floor, the row checks): the same shape as an appraisal record's
 * `clients[]` — `{id, avgDeposits, avgLoans, …, flags}` — read through the same decimal reader and field
 * vocabulary, so a bad cell is reported with its path (`clients[2].avgDeposits: …`).
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { FIELDS, isFieldName, type FieldName } from "../../fields";
import { readDecimal } from "../../input";
import type { Client } from "../../model";

const Row = z.object({ id: z.string({ error: "id must be text" }).optional(), flags: z.array(z.string(), { error: "flags must be a list of text" }).optional() }).catchall(z.unknown());

export const ClientsInput: z.ZodType<Client[]> = z
  .array(Row, { error: "clients must be a list of objects" })
  .transform((rows, ctx) => {
    const out: Client[] = [];
    rows.forEach((row, i) => {
      const values: Partial<Record<FieldName, Dec>> = {};
      for (const [key, raw] of Object.entries(row)) {
        if (key === "id" || key === "flags" || raw === undefined || raw === null || raw === "") continue;
        if (!isFieldName(key)) {
          ctx.addIssue({ code: "custom", path: [i, key], message: "not a field of the data model" });
          continue;
        }
        const v = readDecimal(raw);
        if (typeof v === "string") {
          ctx.addIssue({ code: "custom", path: [i, key], message: v });
          continue;
        }
        const def = FIELDS[key] as { signed?: boolean };
        if (!def.signed && v.isNegative() && !v.isZero()) {
          ctx.addIssue({ code: "custom", path: [i, key], message: `${v.toString()} must not be negative` });
          continue;
        }
        values[key] = v;
      }
      out.push({ id: row.id ?? `clients[${i}]`, values, flags: row.flags ?? [] });
    });
    return out;
  }) as unknown as z.ZodType<Client[]>;
