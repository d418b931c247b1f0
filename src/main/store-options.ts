// Config → store options, for every composition root: where the store lives and, with a key configured, the
// cipher that seals Slack bot tokens at rest.
import type { StoreConfig, TokenKeys } from '../config/env.js';
import { createTokenCipher, type StoreOptions } from '../store/index.js';

export function storeOptions(store: StoreConfig, tokenKeys: TokenKeys): StoreOptions {
  const { current, previous } = tokenKeys;
  return { ...store, tokens: { cipher: current ? createTokenCipher(current, previous) : undefined } };
}
