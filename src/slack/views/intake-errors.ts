// `response_action: errors` may only name input blocks the submitted view has. An error about a field hidden
// behind "More facts" (one left empty that a rule needs, e.g. a location the schema checks) is moved onto the
// delivery choice, which every intake view has, naming the field so the user knows where to look.
import { fieldOfBlock, INTAKE_IDS } from './intake-ids.js';
import { ERROR_MAX, fieldName } from './intake-state.js';

function blockIds(blocks: readonly unknown[] | undefined): Set<string> {
  const ids = new Set<string>();
  for (const b of blocks ?? []) {
    if (typeof b === 'object' && b !== null && 'block_id' in b && typeof b.block_id === 'string')
      ids.add(b.block_id);
  }
  return ids;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function placeErrors(
  errors: Record<string, string>,
  blocks: readonly unknown[] | undefined,
): Record<string, string> {
  const shown = blockIds(blocks);
  // Slack always sends the view's blocks; without them nothing is known to be hidden.
  if (shown.size === 0) return errors;
  const out: Record<string, string> = {};
  const moved: string[] = [];
  for (const [blockId, message] of Object.entries(errors)) {
    if (shown.has(blockId)) out[blockId] = message;
    else {
      const field = fieldOfBlock(blockId);
      moved.push(`${field ? fieldName(field) : 'A fact'} (More facts): ${message}`);
    }
  }
  if (moved.length === 0) return out;
  const target = INTAKE_IDS.delivery.blockId;
  out[target] = clip([...moved, out[target]].filter(Boolean).join(' '), ERROR_MAX);
  return out;
}
