// PLACEHOLDER until the HCL front end lands: the entry points the rest of the engine calls.
import type { ParseResult } from '../../types';
import type { FileModel } from '../../model/types';

export interface HclFile { kind: 'file' }

/** Parses Terraform (.tf) or .tfvars text; never throws. */
export function parseHcl(text: string): ParseResult<HclFile> {
  void text;
  return { tree: { kind: 'file' }, errors: [] };
}

/** Builds the language-neutral model of one .tf or .tfvars file from its parse. */
export function hclToModel(file: string, text: string, parsed: ParseResult<HclFile>, fileKind: 'tf' | 'tfvars'): FileModel {
  void text;
  return { file, language: 'terraform', fileKind, resources: [], parameters: [], variables: [], modules: [], declarations: [], parseErrors: parsed.errors };
}
