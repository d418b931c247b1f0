// The context a modal carries from where it was opened to its submission, in `private_metadata` (a string of
// at most 3000 characters; a view_submission has no channel of its own). Decoding never throws.
import { z } from 'zod';

/** Slack's limit on `private_metadata`. */
export const METADATA_MAX = 3000;

export const MODAL_ORIGINS = ['command', 'global-shortcut', 'message-shortcut', 'action', 'mention'] as const;
export type ModalOrigin = (typeof MODAL_ORIGINS)[number];

/** Slack ids (C…, D…, G…, U…, W…) are short alphanumerics; the bound keeps the encoding far below 3000. */
const SlackId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a Slack id such as C0123ABCD');
const MessageTs = z.string().regex(/^\d{1,16}\.\d{1,10}$/, 'expected a message ts such as 1700000000.123456');

export const ModalMetadataSchema = z.object({
  origin: z.enum(MODAL_ORIGINS),
  channelId: SlackId.optional(),
  threadTs: MessageTs.optional(),
  userId: SlackId.optional(),
  responseUrl: z.url({ protocol: /^https$/ }).optional(),
});
export type ModalMetadata = z.infer<typeof ModalMetadataSchema>;

export interface EncodedMetadata {
  /** The `private_metadata` string, at most 3000 characters. */
  value: string;
  /** True when `responseUrl` was left out to fit the 3000-character limit. */
  droppedResponseUrl: boolean;
  /** Optional fields left out because they were not valid (e.g. a non-https response URL). */
  droppedInvalid: OptionalKey[];
}

export type DecodeResult = { ok: true; value: ModalMetadata } | { ok: false; error: string };

type OptionalKey = Exclude<keyof ModalMetadata, 'origin'>;
const OPTIONAL_KEYS: readonly OptionalKey[] = ['channelId', 'threadTs', 'userId', 'responseUrl'];

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'metadata'}: ${i.message}`).join('; ');
}

/** Only the known fields, in a fixed order, so equal metadata encodes equally. */
function serialise(m: ModalMetadata): string {
  return JSON.stringify({
    origin: m.origin,
    channelId: m.channelId,
    threadTs: m.threadTs,
    userId: m.userId,
    responseUrl: m.responseUrl,
  });
}

/** Encodes the metadata in at most 3000 characters. An invalid optional field is left out (and listed in
 * `droppedInvalid`); then, if the encoding is still too long, `responseUrl` is left out. Throws a TypeError only
 * for an origin outside MODAL_ORIGINS, which the type already rules out. */
export function encodeMetadata(m: ModalMetadata): EncodedMetadata {
  const origin = ModalMetadataSchema.shape.origin.safeParse(m?.origin);
  if (!origin.success)
    throw new TypeError(`modal metadata origin must be one of ${MODAL_ORIGINS.join(', ')}`);
  const clean: ModalMetadata = { origin: origin.data };
  const droppedInvalid: OptionalKey[] = [];
  for (const key of OPTIONAL_KEYS) {
    if (m[key] === undefined) continue;
    const field = ModalMetadataSchema.shape[key].safeParse(m[key]);
    if (field.success && field.data !== undefined) clean[key] = field.data;
    else droppedInvalid.push(key);
  }
  const full = serialise(clean);
  if (full.length <= METADATA_MAX) return { value: full, droppedResponseUrl: false, droppedInvalid };
  const { responseUrl: _dropped, ...rest } = clean;
  // The schema bounds every other field, so this always fits (checked by the tests).
  return { value: serialise(rest), droppedResponseUrl: true, droppedInvalid };
}

export function decodeMetadata(s: unknown): DecodeResult {
  if (typeof s !== 'string') return { ok: false, error: 'private_metadata is not a string' };
  if (s.length === 0) return { ok: false, error: 'private_metadata is empty' };
  if (s.length > METADATA_MAX)
    return { ok: false, error: `private_metadata exceeds ${METADATA_MAX} characters` };
  let json: unknown;
  try {
    json = JSON.parse(s);
  } catch {
    return { ok: false, error: 'private_metadata is not JSON' };
  }
  const parsed = ModalMetadataSchema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `invalid modal metadata: ${describe(parsed.error)}` };
}
