// Bot and user tokens at rest: AES-256-GCM under TOKEN_ENCRYPTION_KEY, bound to the installation's row key as
// associated data (a sealed value copied to another row does not open). Each sealed value names the key that
// sealed it (a key id derived from the key, never the key), so previous keys keep opening old rows while the
// start-up pass re-seals them under the current key: that is the rotation.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const SEALED = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;

export class TokenKeyError extends Error {
  readonly code = 'E_TOKEN_KEY';
  constructor(message: string) {
    super(message);
    this.name = 'TokenKeyError';
  }
}

export interface TokenCipher {
  /** Key id of the key new values are sealed with. */
  readonly currentKid: string;
  seal(plain: string, aad: string): string;
  /** Opens a sealed value; throws TokenKeyError when no configured key opens it. */
  open(sealed: string, aad: string): string;
  /** The key id a sealed value names, or undefined for a value that is not sealed (plain JSON). */
  kidOf(value: string): string | undefined;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update('thoracic-rt token key id\0').update(key).digest('hex').slice(0, 8);
}

/** Decodes a base64 (or base64url) 32-byte key; undefined if it is not one. */
export function decodeKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return undefined;
  const key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : undefined;
}

export function createTokenCipher(current: Buffer, previous: readonly Buffer[] = []): TokenCipher {
  const keys = new Map<string, Buffer>();
  for (const k of [...previous, current]) keys.set(keyId(k), k);
  const currentKid = keyId(current);
  return {
    currentKid,
    seal(plain, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `enc:v1:${currentKid}:${iv.toString('base64url')}:${tag.toString('base64url')}:${ct.toString('base64url')}`;
    },
    open(sealed, aad) {
      const m = SEALED.exec(sealed);
      if (!m) throw new TokenKeyError('the stored value is not an encrypted token record');
      const key = keys.get(m[1]!);
      if (!key) {
        throw new TokenKeyError(
          `stored tokens were encrypted with key id ${m[1]}, which is neither TOKEN_ENCRYPTION_KEY (${currentKid}) nor in TOKEN_ENCRYPTION_KEY_PREVIOUS`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(m[2]!, 'base64url'));
        decipher.setAAD(Buffer.from(aad, 'utf8'));
        decipher.setAuthTag(Buffer.from(m[3]!, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(m[4]!, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new TokenKeyError(
          `a stored token record under key id ${m[1]} failed authentication (altered or moved)`,
        );
      }
    },
    kidOf(value) {
      return SEALED.exec(value)?.[1];
    },
  };
}
