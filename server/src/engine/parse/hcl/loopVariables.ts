// Reads the variables of a `for` expression or `%{ for }` directive (`v` or `k, v`), which both parsers need alike.
import type { Name } from './ast';
import type { ParserBase } from './parserBase';
import { T } from './tokens';

/** The variables a `for` declares: the value variable, and the key variable when two are named. */
export interface LoopVariables {
  keyVar: Name | null;
  /** Null when no name follows `for`; the caller reports that, since the expression and the directive say it differently. */
  valueVar: Name | null;
}

/** The name the current token spells, which it consumes; the current token must be an identifier. */
function takeName(p: ParserBase): Name {
  const name: Name = { name: p.text.slice(p.start, p.end), start: p.start, end: p.end };
  p.advance();
  return name;
}

/**
 * Reads `name` or `name, name` after `for`, leaving the token after them current.
 * With two names the first is the key: a lone name is the value, as in `for v in …` against `for k, v in …`.
 */
export function parseLoopVariables(p: ParserBase): LoopVariables {
  if (!p.at(T.Ident)) return { keyVar: null, valueVar: null };
  const first = takeName(p);
  if (!p.at(T.Comma)) return { keyVar: null, valueVar: first };
  p.advance();
  if (p.at(T.Ident)) return { keyVar: first, valueVar: takeName(p) };
  p.errorHere(`Expected the name of the value variable after ",", found ${p.describe()}.`);
  return { keyVar: null, valueVar: first };
}
