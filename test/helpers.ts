import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (tests run from out/test/...). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared folder beside the checkout (labelled examples, spec). */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
