// Shared helpers of the map tests: analyse a fixture workload (optionally edited) and get its review with the map.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, buildReview, type WorkloadReview } from '../../../server/src/engine';
import type { WorkloadMap } from '../../../server/src/engine/map';
import { REPO_ROOT } from '../../support/repo';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'map');

/** Every file under a folder, as `/`-separated paths relative to it. */
function filesUnder(folder: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(folder, relative) : [relative];
  });
}

/** The fixture workload's files (`bicep` or `terraform`), by path relative to its folder. */
export function fixtureFiles(language: 'bicep' | 'terraform'): Record<string, string> {
  const folder = path.join(FIXTURES, language);
  return Object.fromEntries(filesUnder(folder).map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]));
}

/** Reviews files together, as the CLI and the server do, with the workload graph handed to the review. */
export function reviewOf(files: Record<string, string>): WorkloadReview {
  const inputs = Object.entries(files).map(([file, text]) => ({ file, text }));
  const analysis = analyzeWorkspace(inputs);
  const texts = new Map(inputs.map((i) => [i.file, i.text]));
  return buildReview(
    analysis.files.map((a) => ({ analysis: a, text: texts.get(a.file) ?? '' })),
    { graphs: [analysis.graph] },
  );
}

/** The map of files reviewed together; fails when the review has none. */
export function mapOf(files: Record<string, string>): WorkloadMap {
  const map = reviewOf(files).map;
  if (!map) throw new Error('the review has no map although it was given the graph');
  return map;
}

/** Replaces one exact piece of a file's text, failing loudly when the piece is not there (so a test cannot pass vacuously). */
export function edit(files: Record<string, string>, file: string, from: string, to: string): Record<string, string> {
  const text = files[file];
  if (text === undefined || !text.includes(from)) throw new Error(`"${from}" is not in ${file}`);
  return { ...files, [file]: text.replace(from, to) };
}
