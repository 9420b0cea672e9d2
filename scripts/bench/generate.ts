// Generates the bench's default corpus: seeded, realistic Bicep and Terraform files for AI workloads, from ~30 to ~5,000 lines.
import { toSource, type Source } from './files';
import { generateBicep, generateBicepParams } from './generate-bicep';
import { generateTerraform, generateTfvars } from './generate-terraform';
import { deriveSeed } from './prng';

export { generateBicep, generateBicepParams } from './generate-bicep';
export { generateTerraform, generateTfvars } from './generate-terraform';

export interface CorpusOptions {
  seed: number;
  /** Template files per language (.bicep and .tf); parameter files (.bicepparam, .tfvars) come on top. */
  filesPerLanguage: number;
  minLines: number;
  maxLines: number;
  /** Every how many template files one parameter file is added; 0 for none. */
  paramsEvery: number;
}

/** The default corpus. Its seed is fixed, so every run and every machine measures the same text. */
export const DEFAULT_CORPUS: CorpusOptions = { seed: 1, filesPerLanguage: 40, minLines: 30, maxLines: 5000, paramsEvery: 5 };

/** A corpus for `--smoke`: small enough that a whole bench takes seconds. */
export const SMOKE_CORPUS: CorpusOptions = { seed: 1, filesPerLanguage: 4, minLines: 30, maxLines: 400, paramsEvery: 2 };

/**
 * Target sizes spread geometrically from `min` to `max`: as many files between 30 and 300 lines as between 500 and 5,000,
 * which matches real repositories (many small files, a few large ones) while still timing the large files that matter
 * for latency.
 */
export function sizeLadder(count: number, min: number, max: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [min];
  return Array.from({ length: count }, (_, i) => Math.round(min * Math.pow(max / min, i / (count - 1))));
}

export interface GeneratedFile {
  path: string;
  text: string;
  /** The size the generator aimed at; parameter files have none. */
  targetLines?: number;
}

/** The whole corpus as in-memory files, under a virtual `generated/` folder. */
export function generateCorpus(options: CorpusOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const sizes = sizeLadder(options.filesPerLanguage, options.minLines, options.maxLines);
  sizes.forEach((targetLines, i) => {
    const id = String(i + 1).padStart(3, '0');
    const bicep = `generated/bicep/workload-${id}.bicep`;
    const terraform = `generated/terraform/workload-${id}.tf`;
    files.push({ path: bicep, text: generateBicep(deriveSeed(options.seed, bicep), targetLines), targetLines });
    files.push({ path: terraform, text: generateTerraform(deriveSeed(options.seed, terraform), targetLines), targetLines });
    if (options.paramsEvery > 0 && i % options.paramsEvery === 0) {
      const params = `generated/bicep/workload-${id}.bicepparam`;
      const vars = `generated/terraform/workload-${id}.tfvars`;
      files.push({ path: params, text: generateBicepParams(deriveSeed(options.seed, params)) });
      files.push({ path: vars, text: generateTfvars(deriveSeed(options.seed, vars)) });
    }
  });
  return files;
}

/** The generated corpus as bench sources. */
export function generatedSources(options: CorpusOptions): Source[] {
  return generateCorpus(options).flatMap((f) => toSource(f.path, f.text) ?? []);
}
