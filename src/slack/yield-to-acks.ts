// After ack(), give the event loop one turn before CPU work, so that requests already waiting on the socket
// are acknowledged first: under load, acks stay fast and only the answers queue.
export function yieldToAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
