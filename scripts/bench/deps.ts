// Loads the repository's npm dependencies from its own node_modules, so the bench also runs when compiled outside the tree.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from './repo';

/**
 * `require` resolved from the repository root rather than from the compiled file: `tsc --outDir /tmp/…` puts the bench
 * where no node_modules folder is above it. Callers keep full typing with `requireFromRepo<typeof import('x')>('x')`.
 */
export function requireFromRepo<T>(id: string): T {
  return createRequire(path.join(repoRoot(), 'package.json'))(id) as T;
}
