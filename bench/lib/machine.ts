/**
 * The machine a bench run measured on, for the table at the top of docs/benchmarks.md. Absolute figures only mean
 * something next to the machine and its load at the start, so both are written with every run.
 */
import * as os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  /** Physical memory, e.g. "24 GB". */
  memory: string;
  /** Node's version as `node --version` prints it (v20.20.2). */
  node: string;
  v8: string;
  /** Kernel and architecture, e.g. "Linux 6.18.44 x64". */
  system: string;
  /** Start of the run, ISO 8601 in UTC to the second. */
  date: string;
  /** 1, 5 and 15-minute load averages at the start, "1.56 / 1.88 / 2.80". */
  load: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    // Some virtual machines report no model; the count still says what the run had.
    cpu: cpus[0]?.model.trim() || "unknown",
    // What this process may use (cgroup limits), which is what the measurements could use too.
    cores: typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
    node: process.version,
    v8: process.versions.v8,
    system: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / "),
  };
}
