// Small helpers shared by the benchmark scripts: percentiles over hrtime samples.
export function percentile(sortedNs: readonly number[], p: number): number {
  if (sortedNs.length === 0) return Number.NaN;
  const idx = Math.min(sortedNs.length - 1, Math.ceil((p / 100) * sortedNs.length) - 1);
  return sortedNs[Math.max(0, idx)]!;
}

export interface LatencyReport {
  runs: number;
  perSecond: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

/** Times `fn` once per input, `rounds` times over the inputs, after a warm-up. */
export function measure<T>(
  inputs: readonly T[],
  fn: (x: T) => unknown,
  rounds: number,
  warmup = 2000,
): LatencyReport {
  for (let i = 0; i < warmup; i++) fn(inputs[i % inputs.length]!);
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const t0 = process.hrtime.bigint();
      fn(x);
      samples.push(Number(process.hrtime.bigint() - t0));
    }
  }
  const totalNs = Number(process.hrtime.bigint() - started);
  samples.sort((a, b) => a - b);
  return {
    runs: samples.length,
    perSecond: Math.round(samples.length / (totalNs / 1e9)),
    p50Us: percentile(samples, 50) / 1000,
    p99Us: percentile(samples, 99) / 1000,
    maxUs: samples[samples.length - 1]! / 1000,
  };
}

export function verdictLine(
  name: string,
  value: number,
  target: number,
  unit: string,
  lowerIsBetter = true,
): string {
  const ok = lowerIsBetter ? value <= target : value >= target;
  const ratio = lowerIsBetter ? target / value : value / target;
  return `${name.padEnd(28)} ${value.toFixed(1).padStart(10)} ${unit.padEnd(6)} target ${lowerIsBetter ? '≤' : '≥'} ${target} ${unit}  ${ok ? 'MET' : 'NOT MET'} (x${ratio.toFixed(1)} headroom)`;
}
