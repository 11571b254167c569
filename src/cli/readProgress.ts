/**
 * Reading a workbook file for a command, with progress on stderr for a large one: its size once measured, a line
 * every few seconds with the rows read so far out of all, and the time it took.
 */
import type { WorkbookSize } from "./xlsx/limits";
import { readWorkbookFile, type ReadOptions, type WorkbookRead } from "./xlsx/read";

/** From this many rows (or 2 MB on disk) reading takes seconds, and is shown. */
export const READ_PROGRESS_ROWS = 20_000;
export const READ_PROGRESS_BYTES = 2_000_000;
/** How often a line says the read is still going. */
export const READ_HEARTBEAT_MS = 5_000;

export function isLarge(size: WorkbookSize): boolean {
  return size.rows >= READ_PROGRESS_ROWS || size.fileBytes > READ_PROGRESS_BYTES;
}

const count = (n: number) => n.toLocaleString("en-US");

/** Reads `file`; `say` gets the progress lines (nothing when `quiet`). `large` tells afterwards whether it was shown. */
export async function readWithProgress(
  file: string,
  say: (line: string) => void,
  quiet: boolean,
  options: ReadOptions & { heartbeatMs?: number } = {},
): Promise<{ read: WorkbookRead; large: boolean }> {
  const started = Date.now();
  let large = false;
  let timer: NodeJS.Timeout | undefined;
  let rowsRead = 0; // int: count
  let rowsAll = 0; // int: count
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1); // int: seconds shown
  const read = await readWorkbookFile(file, {
    ...options,
    onRow: () => {
      rowsRead += 1; // int: count
      options.onRow?.();
    },
    onMeasured: (size) => {
      options.onMeasured?.(size);
      large = isLarge(size);
      rowsAll = size.rows;
      if (!large || quiet) return;
      say(`读取 / reading ${file}:${size.sheets} 张工作表 · ${count(size.rows)} 行 · ${count(size.cells)} 个单元格 / ${size.sheets} sheets, ${count(size.rows)} rows, ${count(size.cells)} cells …`);
      timer = setInterval(() => say(`读取中 / still reading … ${count(rowsRead)} / ${count(rowsAll)} 行 / rows · ${seconds()} 秒 / s`), options.heartbeatMs ?? READ_HEARTBEAT_MS);
      timer.unref();
    },
  });
  if (timer) clearInterval(timer);
  if (large && !quiet && read.ok) say(`已读取 / read in ${seconds()} 秒 / s`);
  return { read, large };
}
