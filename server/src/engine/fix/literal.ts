// Writes a literal value in Bicep or HCL syntax, with the language's own quoting.
import type { Language } from '../model/types';

export type LiteralInput = string | number | boolean;

/** Bicep strings use single quotes; HCL strings use double quotes. Both escape backslashes and their quote. */
export function literalText(language: Language, value: LiteralInput): string {
  if (typeof value !== 'string') return String(value);
  if (language === 'bicep') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
}
