/**
 * Preloaded into a measured child process (`node -r peakMemory.js …`): at exit, writes the process's peak resident
 * memory in kilobytes to the file named by BENCH_PEAK_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
