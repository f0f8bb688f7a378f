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
