// Collects the inline expected-finding markers of a fixture folder, as cwd-relative, 1-based places the CLI prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from '../../../server/src/engine';
import { readMarkers } from '../../support/markers';

/** One expected finding: where the carets point (1-based, end exclusive) and what is expected there. */
export interface Marker {
  /** The fixture's path relative to the working directory of the run, `/`-separated. */
  file: string;
  line: number;
  column: number;
  endColumn: number;
  severity: Severity;
  ruleId: string;
}

/** The markers of every Bicep and Terraform file under `folder`, with paths relative to `cwd`, in path order. */
export function markersUnder(folder: string, cwd: string): Marker[] {
  const found: Marker[] = [];
  const visit = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) {
        visit(full);
      } else if (/\.(bicep|bicepparam|tf|tfvars)$/.test(name)) {
        const file = path.relative(cwd, full).split(path.sep).join('/');
        for (const m of readMarkers(fs.readFileSync(full, 'utf8'))) {
          // The shared reader counts from 0; the CLI prints 1-based lines and columns.
          found.push({ file, line: m.line + 1, column: m.startColumn + 1, endColumn: m.endColumn + 1, severity: m.severity as Severity, ruleId: m.ruleId });
        }
      }
    }
  };
  visit(folder);
  return found;
}
