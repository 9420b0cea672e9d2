// Where the line comments of a Bicep or Terraform text start, by a scan that knows each language's strings.
import type { Language } from '../../model/types';
import type { Span } from '../../types';
import { bicepLineComments } from './bicep';
import { hclLineComments } from './hcl';

/**
 * The line comments of a text (`//`, and in Terraform also `#`), in order, each up to the line break that ends it;
 * at most one starts on a line. Text inside strings, heredocs and block comments never counts.
 */
export function lineComments(text: string, language: Language): Span[] {
  return language === 'bicep' ? bicepLineComments(text) : hclLineComments(text);
}
