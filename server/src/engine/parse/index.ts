// Picks the front end for a file by its extension and returns the file's language-neutral model.
import { applyAzapi } from '../model/azapi';
import type { FileModel } from '../model/types';
import { bicepToModel, parseBicep, type BicepFile } from './bicep';
import { hclToModel, parseHcl, type HclFile } from './hcl';

export type FileKind = FileModel['fileKind'];

/** The kind of IaC file a path names, or undefined when it is none we analyse. */
export function fileKindOf(path: string): FileKind | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.bicep')) return 'bicep';
  if (lower.endsWith('.bicepparam')) return 'bicepparam';
  if (lower.endsWith('.tf')) return 'tf';
  if (lower.endsWith('.tfvars')) return 'tfvars';
  return undefined;
}

/** A file's model together with its syntax tree, which the evaluator reads where the model keeps only text. */
export type ParsedSource =
  | { language: 'bicep'; model: FileModel; tree: BicepFile }
  | { language: 'terraform'; model: FileModel; tree: HclFile };

/** Parses one file of a known kind into its model and keeps the tree (one parse for both); never throws on any text. */
export function parseSource(file: string, text: string, kind: FileKind): ParsedSource {
  if (kind === 'bicep' || kind === 'bicepparam') {
    const parsed = parseBicep(text);
    return { language: 'bicep', model: bicepToModel(file, text, parsed, kind), tree: parsed.tree };
  }
  const parsed = parseHcl(text);
  return { language: 'terraform', model: applyAzapi(hclToModel(file, text, parsed, kind), text), tree: parsed.tree };
}

/** Parses one file of a known kind into its model; never throws on any text. */
export function parseToModel(file: string, text: string, kind: FileKind): FileModel {
  if (kind === 'bicep' || kind === 'bicepparam') return bicepToModel(file, text, parseBicep(text), kind);
  return applyAzapi(hclToModel(file, text, parseHcl(text), kind), text);
}
