/**
 * How big the write of a results sheet is, and where to cut it. Excel on the web refuses a request above 5 MB
 * (RequestPayloadSizeLimitExceeded; learn.microsoft.com "Performance optimization using the Excel JavaScript API",
 * "Payload size limit best practices"), so the adapter queues the whole sheet before one `context.sync()` when the
 * estimate fits PAYLOAD_BUDGET_BYTES, and only above it syncs between chunks of rows. The number of round trips
 * therefore does not grow with the row count until the data itself passes the budget.
 */
import type { PlanBlock, PlanCell, SheetPlan } from "../../workbook/resultsSheet";

/** 4 MB: the 5 MB request limit less room for the request's own framing and our estimate's error. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024; // int: bytes

/**
 * What one queued operation (a range path, a property set or a method call) adds to the request besides its data,
 * estimated generously: the request names every object by a path of ids and every action by type and id.
 */
export const OPERATION_OVERHEAD_BYTES = 256; // int: bytes

/**
 * Bytes of a value as JSON in the request. Office.js builds the request body with JSON.stringify (ClientRequest
 * buildRequestMessageBodyAndRequestFlags), which leaves non-ASCII characters as they are, and the body travels as
 * UTF-8: so ASCII counts one byte and a Chinese character three. UTF-8 bytes are never fewer than characters, so
 * the estimate holds whether the host measures bytes or characters.
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0; // int: bytes
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair (characters beyond the BMP) is 4 bytes in UTF-8: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3; // int: bytes
  }
  return bytes;
}

/** The rows of one block, one estimate per row (the unit the adapter may cut at). */
export function rowBytes(block: PlanBlock): number[] {
  return block.values.map((row: PlanCell[]) => jsonBytes(row));
}

/**
 * Operations the write queues apart from the rows: per block one number format per column and one width or
 * autofit per column, a table, plus the sheet, highlight, chart, freeze and activation.
 */
export function fixedBytes(plan: SheetPlan): number {
  let bytes = 12 * OPERATION_OVERHEAD_BYTES + jsonBytes(plan.name) + jsonBytes(plan.chart ?? null) + jsonBytes(plan.highlight ?? null); // int: bytes
  for (const b of plan.blocks) {
    const cols = b.values[0]?.length ?? 0; // int: count
    bytes += jsonBytes(b.numberFormats) + jsonBytes(b.widths ?? []) + jsonBytes(b.table ?? null); // int: bytes
    bytes += (2 * cols + 3) * OPERATION_OVERHEAD_BYTES; // int: bytes
  }
  return bytes;
}

/** The whole write's estimated request size: every value and number format plus the operations' overhead. */
export function estimatePlanBytes(plan: SheetPlan): number {
  let bytes = fixedBytes(plan); // int: bytes
  for (const b of plan.blocks) for (const r of rowBytes(b)) bytes += r; // int: bytes
  return bytes;
}

/** Rows [from, to) of plan.blocks[block]. */
export interface WritePiece {
  block: number;
  from: number;
  to: number;
}

export interface WriteChunk {
  pieces: WritePiece[];
  /** Estimated request bytes of the chunk (the first chunk also carries the fixed operations). */
  bytes: number;
}

/**
 * The plan's rows cut into chunks of at most `budget` estimated bytes, in block order. One chunk (every block
 * whole) when the plan fits; a single row larger than the budget gets a chunk of its own.
 */
export function chunkPlan(plan: SheetPlan, budget: number = PAYLOAD_BUDGET_BYTES): WriteChunk[] {
  const chunks: WriteChunk[] = [];
  let current: WriteChunk = { pieces: [], bytes: fixedBytes(plan) };
  const close = () => {
    chunks.push(current);
    current = { pieces: [], bytes: OPERATION_OVERHEAD_BYTES }; // int: bytes (the block's write in the next chunk)
  };
  plan.blocks.forEach((block, index) => {
    let from = 0; // int: index
    current.bytes += OPERATION_OVERHEAD_BYTES; // int: bytes (this block's write)
    rowBytes(block).forEach((size, row) => {
      if (current.bytes + size > budget) {
        if (row > from) {
          current.pieces.push({ block: index, from, to: row });
          from = row;
          close();
        } else if (current.pieces.length > 0) {
          close();
        }
      }
      current.bytes += size; // int: bytes
    });
    if (block.values.length > from) current.pieces.push({ block: index, from, to: block.values.length });
  });
  if (current.pieces.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}
