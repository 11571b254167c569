/**
 * Excel custom functions (namespace KHJL, see manifest.xml). Each exported function with a `@customfunction` tag is
 * listed in functions.json by custom-functions-metadata-plugin, which also appends the `CustomFunctions.associate`
 * calls at build time; that is why this file has none and jest can import it directly.
 *
 * The functions are thin adapters over src/engine: no Office types reach the engine, and no numbers are computed here.
 * Released ids and signatures never change (Excel caches functions.json for up to a day); add a new id instead.
 */
import { presetSummaries } from "../engine/rulebooks";
import { excelError } from "./excelError";

/**
 * 列出内置考核规则集:编号、版本、名称。Lists the built-in rulebooks: id, version and Chinese name.
 * @customfunction RULEBOOKS
 * @returns 表头行加每个规则集一行(溢出区域)。A header row and one row per rulebook (spills).
 */
export function rulebooks(): string[][] {
  try {
    const rows = presetSummaries().map((s) => [s.id, s.version, s.name.zh]);
    return [["id", "version", "名称"], ...rows];
  } catch (e) {
    // A built-in rulebook that fails validation is a bug; show why instead of a bare #VALUE!.
    throw excelError(e);
  }
}
