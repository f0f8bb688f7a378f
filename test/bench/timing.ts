import { performance } from 'node:perf_hooks';

export interface Timing {
  name: string;
  medianMs: number;
  p95Ms: number;
  baselineMs: number | null;
  ratio: number | null;
}

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

/** Times `run`; a function it returns is clean-up done after the clock stops. */
export async function time(
  run: () => unknown,
  runs: number,
  warmup = 2,
): Promise<{ median: number; p95: number }> {
  const untimed = async (after: unknown) => {
    if (typeof after === 'function') await (after as () => unknown)();
  };
  for (let i = 0; i < warmup; i++) await untimed(await run());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const after = await run();
    samples.push(performance.now() - start);
    await untimed(after);
  }
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

export const round = (ms: number) => Math.round(ms * 100) / 100;

/** Times `run` (and `baseline`, the hand-written SQL for the same answer) into `results`. */
export function recorder(results: Timing[], runs: number) {
  return async (name: string, run: () => unknown, baseline?: () => unknown, n = runs, warmup = 2) => {
    const t = await time(run, n, warmup);
    const b = baseline ? await time(baseline, n, warmup) : null;
    results.push({
      name,
      medianMs: round(t.median),
      p95Ms: round(t.p95),
      baselineMs: b ? round(b.median) : null,
      ratio: b && b.median > 0 ? round(t.median / b.median) : null,
    });
  };
}

/** The results as the bench prints them: one row per operation. */
export function printResults(results: readonly Timing[]): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `${pad('operation', 58)} ${pad('median ms', 10)} ${pad('p95 ms', 10)} ${pad('SQL ms', 10)} ratio`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.name, 58)} ${pad(String(r.medianMs), 10)} ${pad(String(r.p95Ms), 10)} ${pad(r.baselineMs === null ? '–' : String(r.baselineMs), 10)} ${r.ratio ?? '–'}`,
    );
  }
}
