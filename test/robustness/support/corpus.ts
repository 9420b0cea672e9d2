// The texts the robustness tests start from: every Bicep and Terraform fixture of the repository, and seeded generated files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateBicep, generateBicepParams, generateTerraform, generateTfvars } from '../../../scripts/bench/generate';
import { fileKindOf, type FileKind } from '../../../server/src/engine';
import { REPO_ROOT } from '../../support/repo';

/** One starting text: a name to show in failure messages, the file name analysis sees, and the text. */
export interface Sample {
  name: string;
  /** The path handed to the engine; only its extension matters. */
  file: string;
  kind: FileKind;
  text: string;
}

export type Language = 'bicep' | 'terraform';

export function languageOf(kind: FileKind): Language {
  return kind === 'bicep' || kind === 'bicepparam' ? 'bicep' : 'terraform';
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.isFile() && fileKindOf(entry.name) ? [full] : [];
    });
}

let fixtureCache: Sample[] | undefined;

/** Every `.bicep`, `.bicepparam`, `.tf` and `.tfvars` file under `test/fixtures`, sorted by path so that seeds replay. */
export function fixtureSamples(): Sample[] {
  fixtureCache ??= walk(path.join(REPO_ROOT, 'test', 'fixtures')).map((full) => {
    const name = path.relative(REPO_ROOT, full).split(path.sep).join('/');
    // Fix fixtures mark the cursor with `$0`; it is test markup, not code, so it goes before analysis as in the fix tests.
    const text = fs.readFileSync(full, 'utf8').replaceAll('$0', '');
    return { name, file: `/workspace/${path.basename(full)}`, kind: fileKindOf(full)!, text };
  });
  return fixtureCache;
}

/** The fixtures of one language. */
export function fixturesOf(language: Language): Sample[] {
  return fixtureSamples().filter((s) => languageOf(s.kind) === language);
}

let generatedCache: Sample[] | undefined;

/**
 * Files from the bench's seeded generator, 40 to 400 lines each, plus parameter files: realistic AI workloads whose
 * resources trigger many rules, so their mutations exercise the rules and their fixes, not only the parsers.
 */
export function generatedSamples(): Sample[] {
  if (!generatedCache) {
    const samples: Sample[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      const lines = 40 + seed * 60;
      samples.push({ name: `generated bicep #${seed}`, file: '/workspace/main.bicep', kind: 'bicep', text: generateBicep(seed, lines) });
      samples.push({ name: `generated terraform #${seed}`, file: '/workspace/main.tf', kind: 'tf', text: generateTerraform(seed, lines) });
    }
    samples.push({ name: 'generated bicepparam', file: '/workspace/main.bicepparam', kind: 'bicepparam', text: generateBicepParams(7) });
    samples.push({ name: 'generated tfvars', file: '/workspace/main.tfvars', kind: 'tfvars', text: generateTfvars(7) });
    generatedCache = samples;
  }
  return generatedCache;
}

/** A generated file of at least `bytes` UTF-16 code units: several generated workloads, one after the other. */
export function generatedOfSize(language: Language, bytes: number, seed = 1): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    // Large units: fewer seams between files, and the same per-file structure as a hand-written big template.
    const part = language === 'bicep' ? generateBicep(seed + i, 3000) : generateTerraform(seed + i, 3000);
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join('\n');
}

/** The file name the engine should see for a language. */
export function fileFor(language: Language): string {
  return language === 'bicep' ? '/workspace/main.bicep' : '/workspace/main.tf';
}
