/**
 * Timing for the bench. Every figure is a median of several timed runs after warm-up runs (V8 compiles and
 * re-optimises during the first calls; a median ignores the odd run hit by a collection or by other work on the
 * machine). When a baseline is given it is run alternately with the measured function, in the same process and with
 * the same warm-up, so both see the same machine at the same moments and their ratio is not tilted by a slow stretch.
 */

export interface Timing {
  /** Wall-clock seconds of each timed run, in the order run. */
  runs: number[];
  /** CPU seconds (user + system, every thread of the process) of each timed run. */
  cpu: number[];
  median: number;
  cpuMedian: number;
  /** The baseline's timing, when one was given: measured in alternation with this one. */
  baseline?: Timing;
}

/** Seconds on a monotonic clock (not the time of day, which can jump). */
export function nowSeconds(): number {
  return Number(process.hrtime.bigint()) / 1e9;
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  // An even count takes the mean of the middle two, so two runs give their mean rather than the faster one.
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function once(fn: () => unknown, wall: number[], cpu: number[]): void {
  const c0 = cpuSeconds();
  const t0 = nowSeconds();
  // The answer is dropped at once: keeping it would keep a run's results alive, and marked, during the next run.
  // Every measured call builds objects the engine cannot prove unused, so V8 cannot skip it either.
  fn();
  const t1 = nowSeconds();
  wall.push(t1 - t0);
  cpu.push(cpuSeconds() - c0);
}

/**
 * Times `fn` over `runs` runs after `warmup` untimed ones. With `baseline`, each round runs both, the order swapped
 * every round (fn first, then baseline first), so neither always inherits the other's garbage or a warmer cache.
 */
export function measure(fn: () => unknown, runs: number, warmup = 2, baseline?: () => unknown): Timing {
  for (let i = 0; i < warmup; i++) {
    fn();
    if (baseline) baseline();
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  const bWall: number[] = [];
  const bCpu: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    if (baseline && i % 2 === 1) once(baseline, bWall, bCpu);
    once(fn, wall, cpu);
    if (baseline && i % 2 === 0) once(baseline, bWall, bCpu);
  }
  const timing: Timing = { runs: wall, cpu, median: median(wall), cpuMedian: median(cpu) };
  if (baseline) timing.baseline = { runs: bWall, cpu: bCpu, median: median(bWall), cpuMedian: median(bCpu) };
  return timing;
}

/** A figure for a reader: whole, with thousands separators (116,153); "n/a" when it could not be measured. */
export function fmt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "n/a";
}
