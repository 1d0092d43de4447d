/**
 * `node:crypto`, loaded on first use. Loading it costs a few milliseconds of a command's
 * start-up, and most runs hash nothing (no `--cache`, no failed YAML, no file written).
 */
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let loaded: Crypto | undefined;

export function nodeCrypto(): Crypto {
  return (loaded ??= createRequire(import.meta.url)('node:crypto') as Crypto);
}
