// Finds the repository the bench measures, wherever the compiled bench runs from (out/, or a scratch --outDir).
import * as fs from 'node:fs';
import * as path from 'node:path';

function isRepoRoot(dir: string): boolean {
  // The source check matters: compiled output folders hold copies of package.json but never the TypeScript sources.
  if (!fs.existsSync(path.join(dir, 'server', 'src', 'server.ts'))) return false;
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'waf-ai-lens';
  } catch {
    return false;
  }
}

/**
 * The repository root: `WAF_AI_LENS_ROOT` when it names one, else the nearest folder holding this project above the
 * working folder (npm runs scripts from the package root), else above the compiled bench.
 */
export function repoRoot(): string {
  const configured = process.env.WAF_AI_LENS_ROOT;
  if (configured && isRepoRoot(path.resolve(configured))) return path.resolve(configured);
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (isRepoRoot(dir)) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`Cannot find the waf-ai-lens repository above ${process.cwd()} or ${__dirname}; run the bench from the repository.`);
}
