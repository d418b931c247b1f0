// Array.prototype.sort allocates a work area on every call, even for three items; the parser sorts a few short
// lists per parse. Both sorts are stable, so the order is the same.

const INSERTION_MAX = 64;

/** Sorts `items` in place (stable) and returns it: insertion sort when short, the built-in sort otherwise. */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n > INSERTION_MAX) return items.sort(compare);
  for (let i = 1; i < n; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
