// yieldToAcks(): answers wait for a turn after their ack, one released per event-loop iteration in arrival
// order (I/O such as new requests runs between them), and the backlog is bounded (past 64 waiting, work goes on).
import { describe, expect, it } from 'vitest';
import { yieldToAcks } from '../../src/slack/yield-to-acks.js';

describe('yieldToAcks', () => {
  it('lets waiters through one per event-loop turn, in order, with timers and I/O between them', async () => {
    const order: string[] = [];
    const waits = [1, 2, 3].map((i) => yieldToAcks().then(() => order.push(`answer ${i}`)));
    // An immediate queued after the three waiters runs before the second is released: one per check phase.
    setImmediate(() => order.push('other work'));
    await Promise.all(waits);
    expect(order).toEqual(['answer 1', 'other work', 'answer 2', 'answer 3']);
  });

  it('does not queue more than 64 answers: the 65th goes on without waiting for a turn', async () => {
    let released = 0;
    const waits = Array.from({ length: 64 }, () => yieldToAcks().then(() => released++));
    let overflowRan = false;
    const overflow = yieldToAcks().then(() => {
      overflowRan = true;
    });
    await overflow;
    expect(overflowRan).toBe(true);
    expect(released).toBe(0);
    await Promise.all(waits);
    expect(released).toBe(64);
  });
});
