// npm run bench:slack: signed /thoracic-rt requests over loopback HTTP into the real Bolt app, with the fake
// Slack Web API answering. Ack latency = the HTTP response to Slack; delivery = until the answer reaches the
// response_url. Targets (issue 4): ack p99 ≤ 50 ms, delivery p99 ≤ 300 ms.
import { cpus } from 'node:os';
import { slashCommand } from '../src/playground/slack-requests.js';
import { startHarness } from '../test/slack/support/harness.js';
import { PUBLIC_EXAMPLE_TEXTS } from '../test/support/public-examples.js';
import { percentile, verdictLine } from './stats.js';

const TEXTS = PUBLIC_EXAMPLE_TEXTS;

async function run(requests: number, concurrency: number) {
  const h = await startHarness(() => new Date());
  const acks: number[] = [];
  const deliveries: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const responseUrl = h.slack.newResponseUrl();
      const id = responseUrl.split('/').pop();
      const t0 = performance.now();
      const res = await h.send(slashCommand(TEXTS[i % TEXTS.length]!, responseUrl));
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      acks.push(performance.now() - t0);
      await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === id), 5000);
      deliveries.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await h.close();
  acks.sort((a, b) => a - b);
  deliveries.sort((a, b) => a - b);
  return { acks, deliveries, perSecond: requests / seconds };
}

// Warm-up (JIT, Bolt's first-request work), then the measured runs.
await run(60, 4);
console.log(
  `Slack app benchmark on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}`,
);
for (const concurrency of [1, 10]) {
  const r = await run(600, concurrency);
  const f = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
  console.log(
    `concurrency ${concurrency}: ${r.acks.length} commands, ${r.perSecond.toFixed(0)} req/s; ack p50 ${f(r.acks, 50)} ms p99 ${f(r.acks, 99)} ms; delivery p50 ${f(r.deliveries, 50)} ms p99 ${f(r.deliveries, 99)} ms`,
  );
  console.log(verdictLine(`  ack p99 (c=${concurrency})`, percentile(r.acks, 99), 50, 'ms'));
  console.log(verdictLine(`  delivery p99 (c=${concurrency})`, percentile(r.deliveries, 99), 300, 'ms'));
}
