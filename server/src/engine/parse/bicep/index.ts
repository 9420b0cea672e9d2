// PLACEHOLDER until the Bicep front end lands: the entry points the rest of the engine calls.
import type { ParseResult } from '../../types';
import type { FileModel } from '../../model/types';

export interface BicepFile { kind: 'file' }

/** Parses Bicep or .bicepparam text; never throws. */
export function parseBicep(text: string): ParseResult<BicepFile> {
  void text;
  return { tree: { kind: 'file' }, errors: [] };
}

/** Builds the language-neutral model of one Bicep or .bicepparam file from its parse. */
export function bicepToModel(file: string, text: string, parsed: ParseResult<BicepFile>, fileKind: 'bicep' | 'bicepparam'): FileModel {
  void text;
  return { file, language: 'bicep', fileKind, resources: [], parameters: [], variables: [], modules: [], declarations: [], parseErrors: parsed.errors };
}
