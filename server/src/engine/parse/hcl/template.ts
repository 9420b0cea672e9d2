// Parses quoted strings and heredocs: literal text, escapes, `${ … }` interpolations and `%{ … }` directives.
import type { Expr, TemplateExpr, TemplateFor, TemplateIf, TemplateInterp, TemplatePart } from './ast';
import { isLineStart } from './lexer';
import { parseLoopVariables } from './loopVariables';
import { MAX_NESTING, ParserBase } from './parserBase';
import { T } from './tokens';

// How a run of template content ended.
const enum Term {
  /** Not ended: the directive just parsed was an `if` or `for` and the run goes on. */
  None,
  /** The closing quote (consumed). */
  Close,
  /** A quoted string reached the end of its line. */
  Line,
  /** The scan limit: the end of a heredoc body, or of the file. */
  Eof,
  /** Layout recovery took over: stop at once and leave the scanner where it is. */
  Abort,
  Else,
  Endif,
  Endfor,
}

/** Template parsing, layered under the expression parser (interpolations hold expressions, expressions hold templates). */
export abstract class TemplateParser extends ParserBase {
  /** Where the last run of template content stopped (before a closing quote, a line break or a directive). */
  private seqEnd = 0;
  /** The span of the last `else`/`endif`/`endfor` directive, for messages about misplaced ones. */
  private dirStart = 0;
  private dirEnd = 0;
  /** The decoded text of the last escape sequence. */
  private escape = '';
  /** The last sequence closed with `~}`: the literal text after it loses its leading whitespace. */
  private stripNext = false;

  abstract parseExpr(): Expr;

  /** Parses a quoted template; the current token is its opening `Quote`. Leaves the token after it current. */
  parseQuoted(): TemplateExpr {
    const start = this.start;
    const parts: TemplatePart[] = [];
    const errorsBefore = this.errors.length;
    this.depth++;
    this.pos = this.end;
    let term: Term;
    for (;;) {
      term = this.templateSeq(true, parts);
      if (term === Term.Else || term === Term.Endif || term === Term.Endfor) {
        this.misplacedDirective(term);
        continue;
      }
      break;
    }
    this.depth--;
    const node: TemplateExpr = { kind: 'Template', start, end: 0, parts, heredoc: null, unterminated: term !== Term.Close };
    if (term === Term.Abort) {
      // Layout recovery cut the string off (a column-0 `}` taken for the block's end inside `"${…`). The interpolation and
      // directive parsers stay quiet while aborting; unless something inside already reported, say so here, or the block
      // would count as clean and rules would edit it.
      if (this.errors.length === errorsBefore) this.error(start, start + 1, 'This string is never closed: the closing quote is missing on this line.');
      node.end = this.prevEnd;
      return node;
    }
    let end = this.pos;
    if (term !== Term.Close) {
      end = this.seqEnd;
      this.error(start, start + 1, 'This string is never closed: the closing quote is missing on this line.');
    }
    node.end = end;
    this.pos = end;
    this.end = end;
    this.advance();
    return node;
  }

  /** Parses a heredoc; the current token is its `Heredoc` introducer. Leaves the token after it current. */
  parseHeredoc(): TemplateExpr {
    const start = this.start;
    const markerStart = this.hdMarkerStart;
    const markerEnd = this.hdMarkerEnd;
    const flush = this.hdFlush;
    const bodyStart = this.hdBodyStart;
    const bodyEnd = this.hdBodyEnd;
    const end = this.hdEnd;
    const terminated = this.hdTerminated;
    const marker = this.text.slice(markerStart, markerEnd);
    if (!this.hdHeaderOk) {
      this.error(markerEnd, this.lineEnd(markerEnd), `Nothing may follow the heredoc marker "${marker}" on its line.`);
    }
    if (!terminated) {
      this.error(start, markerEnd, `This heredoc is never closed: no later line holds just "${marker}".`);
    }
    const parts: TemplatePart[] = [];
    const savedLimit = this.limit;
    this.limit = bodyEnd;
    this.pos = bodyStart;
    this.heredocDepth++;
    this.depth++;
    for (;;) {
      const term = this.templateSeq(false, parts);
      if (term === Term.Else || term === Term.Endif || term === Term.Endfor) {
        this.misplacedDirective(term);
        continue;
      }
      break;
    }
    this.depth--;
    this.heredocDepth--;
    this.limit = savedLimit;
    if (flush) this.dedent(parts, bodyStart, bodyEnd);
    const node: TemplateExpr = {
      kind: 'Template',
      start,
      end,
      parts,
      heredoc: { marker, flush, bodyStart, bodyEnd },
      unterminated: !terminated,
    };
    this.pos = end;
    this.end = end;
    this.advance();
    return node;
  }

  private misplacedDirective(term: Term): void {
    const word = term === Term.Else ? 'else' : term === Term.Endif ? 'endif' : 'endfor';
    const opener = term === Term.Endfor ? 'for' : 'if';
    this.error(this.dirStart, this.dirEnd, `This "%{ ${word} }" has no matching "%{ ${opener} }".`);
  }

  /**
   * Reads template content from `pos` into `parts` until the template ends or an `else`/`endif`/`endfor`
   * directive shows up (which the caller matches to its `if`/`for`).
   */
  private templateSeq(quoted: boolean, parts: TemplatePart[]): Term {
    const text = this.text;
    for (;;) {
      const litStart = this.pos;
      let value = this.scanLiteral(quoted);
      const p = this.pos;
      const c = p < this.limit ? text.charCodeAt(p) : -1;
      if (p > litStart) {
        // Strip markers: `~}` before this text trims its start, `${~` or `%{~` after it trims its end.
        if (this.stripNext) value = value.trimStart();
        if ((c === 36 || c === 37) && p + 2 < this.limit && text.charCodeAt(p + 2) === 126) value = value.trimEnd();
        parts.push({ kind: 'TemplateLiteral', start: litStart, end: p, value });
      }
      this.stripNext = false;
      this.seqEnd = p;
      if (p >= this.limit) return Term.Eof;
      if (quoted) {
        if (c === 34) {
          this.pos = p + 1;
          return Term.Close;
        }
        if (c === 10 || c === 13) return Term.Line;
      }
      // `${` or `%{`, possibly with a strip marker.
      let q = p + 2;
      let stripLeft = false;
      if (q < this.limit && text.charCodeAt(q) === 126) {
        stripLeft = true;
        q++;
      }
      this.pos = q;
      this.end = q;
      if (c === 36) {
        parts.push(this.parseInterp(p, stripLeft));
      } else {
        const term = this.parseDirective(p, quoted, parts);
        if (term !== Term.None) return term;
      }
      if (this.aborting) {
        this.seqEnd = this.prevEnd;
        return Term.Abort;
      }
    }
  }

  /**
   * Scans literal text from `pos` up to the next `${`/`%{`, closing quote or (quoted) line break, and returns
   * its value with escapes decoded. The common case (no escapes) costs one slice.
   */
  private scanLiteral(quoted: boolean): string {
    const text = this.text;
    const limit = this.limit;
    let p = this.pos;
    let segment = p;
    let out = '';
    let changed = false;
    while (p < limit) {
      const c = text.charCodeAt(p);
      if (c === 36 || c === 37) {
        const c1 = p + 1 < limit ? text.charCodeAt(p + 1) : -1;
        if (c1 === 123) break;
        if (c1 === c && p + 2 < limit && text.charCodeAt(p + 2) === 123) {
          // `$${` and `%%{` stand for a literal `${` and `%{`: keep one sign, drop the other.
          out += text.slice(segment, p + 1);
          changed = true;
          p += 2;
          segment = p;
          continue;
        }
        p++;
        continue;
      }
      if (!quoted) {
        p++;
        continue;
      }
      if (c === 34 || c === 10) break;
      if (c === 13 && p + 1 < limit && text.charCodeAt(p + 1) === 10) break;
      if (c === 92) {
        out += text.slice(segment, p);
        changed = true;
        p = this.decodeEscape(p);
        out += this.escape;
        segment = p;
        continue;
      }
      p++;
    }
    this.pos = p;
    return changed ? out + text.slice(segment, p) : text.slice(segment, p);
  }

  /** Decodes the escape sequence at `p` (a backslash) into `escape`; returns the offset after it. */
  private decodeEscape(p: number): number {
    const text = this.text;
    const limit = this.limit;
    const c = p + 1 < limit ? text.charCodeAt(p + 1) : -1;
    switch (c) {
      case 110:
        this.escape = '\n';
        return p + 2;
      case 114:
        this.escape = '\r';
        return p + 2;
      case 116:
        this.escape = '\t';
        return p + 2;
      case 34:
        this.escape = '"';
        return p + 2;
      case 92:
        this.escape = '\\';
        return p + 2;
      case 117:
      case 85: {
        const digits = c === 117 ? 4 : 8;
        let value = 0;
        let i = 0;
        for (; i < digits && p + 2 + i < limit; i++) {
          const h = hexValue(text.charCodeAt(p + 2 + i));
          if (h < 0) break;
          value = value * 16 + h;
        }
        if (i === digits && value <= 0x10ffff) {
          this.escape = String.fromCodePoint(value);
          return p + 2 + digits;
        }
        this.error(p, p + 2 + i, `The escape sequence "\\${String.fromCharCode(c)}" needs exactly ${digits} hexadecimal digits naming a Unicode character.`);
        this.escape = text.slice(p, p + 2 + i);
        return p + 2 + i;
      }
      default: {
        if (c === -1 || c === 10 || c === 13) {
          this.error(p, p + 1, 'A backslash at the end of a line escapes nothing.');
          this.escape = '\\';
          return p + 1;
        }
        const width = c >= 0xd800 && c <= 0xdbff ? 3 : 2;
        this.error(p, p + width, `Unknown escape sequence "${text.slice(p, p + width)}"; use "\\\\" for a literal backslash.`);
        this.escape = text.slice(p, p + width);
        return p + width;
      }
    }
  }

  /** Parses `${ expr }` whose `${` starts at `start`; `pos` is just after `${` (and `~`). */
  private parseInterp(start: number, stripLeft: boolean): TemplateInterp {
    const saved = this.nlSig;
    this.nlSig = false;
    this.advance();
    const expr = this.parseExpr();
    let stripRight = false;
    let end: number;
    if (this.at(T.RBrace) || this.at(T.TildeRBrace)) {
      stripRight = this.at(T.TildeRBrace);
      this.stripNext = stripRight;
      end = this.end;
      this.pos = end;
    } else {
      end = this.prevEnd;
      if (!this.aborting) {
        this.error(start, start + 2, 'This interpolation is never closed: "}" is missing.');
        // Resume the template text right after what was read, so the rest of the string stays a string.
        this.pos = end;
      }
    }
    this.nlSig = saved;
    return { kind: 'TemplateInterp', start, end, expr, stripLeft, stripRight };
  }

  /** Expects the `}` or `~}` that closes a directive; resumes template text after it (or after what was read). */
  private closeDirective(start: number): void {
    if (this.at(T.RBrace) || this.at(T.TildeRBrace)) {
      this.stripNext = this.at(T.TildeRBrace);
      this.pos = this.end;
    } else if (!this.aborting) {
      this.error(start, start + 2, 'This template directive is never closed: "}" is missing.');
      this.pos = this.prevEnd;
    }
  }

  /**
   * Parses `%{ … }` starting at `start`. An `if` or `for` is parsed with its whole body and pushed onto `parts`;
   * `else`/`endif`/`endfor` are returned to the caller; so is the end of the template met inside a body.
   */
  private parseDirective(start: number, quoted: boolean, parts: TemplatePart[]): Term {
    const saved = this.nlSig;
    this.nlSig = false;
    this.advance();
    if (!this.at(T.Ident)) {
      this.errorHere('Expected "if", "for", "else", "endif" or "endfor" in this template directive.');
      this.closeDirective(start);
      this.nlSig = saved;
      return this.aborting ? Term.Abort : Term.None;
    }
    if (this.isWord('else') || this.isWord('endif') || this.isWord('endfor')) {
      const term = this.isWord('else') ? Term.Else : this.isWord('endif') ? Term.Endif : Term.Endfor;
      this.advance();
      this.closeDirective(start);
      this.nlSig = saved;
      this.dirStart = start;
      this.dirEnd = this.aborting ? this.prevEnd : this.pos;
      return this.aborting ? Term.Abort : term;
    }
    const isIf = this.isWord('if');
    const isFor = this.isWord('for');
    if (!isIf && !isFor) {
      this.errorHere(`Unknown template directive ${this.describe()}; expected "if", "for", "else", "endif" or "endfor".`);
      this.advance();
      this.closeDirective(start);
      this.nlSig = saved;
      return this.aborting ? Term.Abort : Term.None;
    }
    if (this.nest >= MAX_NESTING) {
      // Too deep to recurse: drop this directive's head and read its body as plain content of the outer run.
      this.error(start, this.end, `Nesting too deep: more than ${MAX_NESTING} levels of template directives.`);
      this.advance();
      while (!this.at(T.EOF) && !this.at(T.RBrace) && !this.at(T.TildeRBrace)) {
        this.skipTokenText();
        this.advance();
      }
      this.closeDirective(start);
      this.nlSig = saved;
      return this.aborting ? Term.Abort : Term.None;
    }
    this.nest++;
    this.advance();
    let node: TemplateIf | TemplateFor;
    if (isIf) {
      const condition = this.parseExpr();
      this.closeDirective(start);
      this.nlSig = saved;
      node = { kind: 'TemplateIf', start, end: 0, condition, then: [], else: null };
    } else {
      const { keyVar, valueVar } = parseLoopVariables(this);
      if (!valueVar) this.errorHere(`Expected the name of the loop variable after "for", found ${this.describe()}.`);
      if (this.at(T.Ident) && this.isWord('in')) this.advance();
      else this.errorHere(`Expected "in" in this "for" directive, found ${this.describe()}.`);
      const collection = this.parseExpr();
      this.closeDirective(start);
      this.nlSig = saved;
      node = { kind: 'TemplateFor', start, end: 0, keyVar, valueVar, collection, body: [] };
    }
    const headEnd = this.aborting ? this.prevEnd : this.pos;
    if (this.aborting) {
      node.end = headEnd;
      parts.push(node);
      this.nest--;
      return Term.Abort;
    }
    let term: Term;
    if (node.kind === 'TemplateIf') {
      term = this.directiveBody(quoted, node.then, Term.Endif, true);
      if (term === Term.Else) {
        node.else = [];
        term = this.directiveBody(quoted, node.else, Term.Endif, false);
      }
    } else {
      term = this.directiveBody(quoted, node.body, Term.Endfor, false);
    }
    this.nest--;
    const wanted = node.kind === 'TemplateIf' ? Term.Endif : Term.Endfor;
    parts.push(node);
    if (term === wanted) {
      node.end = this.pos;
      return Term.None;
    }
    node.end = this.seqEnd;
    if (term !== Term.Abort) {
      const word = node.kind === 'TemplateIf' ? 'endif' : 'endfor';
      this.error(start, headEnd, `This "%{ ${node.kind === 'TemplateIf' ? 'if' : 'for'} }" is never closed: "%{ ${word} }" is missing.`);
    }
    return term;
  }

  /** Reads a directive's body up to `wanted` (or `else`, when allowed), reporting misplaced directives on the way. */
  private directiveBody(quoted: boolean, parts: TemplatePart[], wanted: Term, allowElse: boolean): Term {
    for (;;) {
      const term = this.templateSeq(quoted, parts);
      if (term === wanted || (allowElse && term === Term.Else)) return term;
      if (term === Term.Else || term === Term.Endif || term === Term.Endfor) {
        this.misplacedDirective(term);
        continue;
      }
      return term;
    }
  }

  /**
   * Applies `<<-`: removes from every line the indentation that all non-blank lines share. Blank lines do not
   * count towards it, so an empty line inside an indented heredoc does not cancel the dedent.
   */
  private dedent(parts: TemplatePart[], bodyStart: number, bodyEnd: number): void {
    const text = this.text;
    let min = Number.MAX_SAFE_INTEGER;
    let line = bodyStart;
    while (line < bodyEnd) {
      let s = line;
      while (s < bodyEnd && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      const c = s < bodyEnd ? text.charCodeAt(s) : 10;
      if (c !== 10 && c !== 13 && s - line < min) min = s - line;
      const n = text.indexOf('\n', line);
      if (n < 0 || n >= bodyEnd) break;
      line = n + 1;
    }
    if (min === 0 || min === Number.MAX_SAFE_INTEGER) return;
    this.dedentParts(parts, min);
  }

  private dedentParts(parts: TemplatePart[], min: number): void {
    for (const part of parts) {
      if (part.kind === 'TemplateLiteral') {
        part.value = stripIndent(part.value, min, isLineStart(this.text, part.start));
      } else if (part.kind === 'TemplateIf') {
        this.dedentParts(part.then, min);
        if (part.else) this.dedentParts(part.else, min);
      } else if (part.kind === 'TemplateFor') {
        this.dedentParts(part.body, min);
      }
    }
  }
}

/** Removes up to `count` spaces or tabs after every line break of `value` (and at its start when `atLineStart`). */
function stripIndent(value: string, count: number, atLineStart: boolean): string {
  let out = '';
  let i = 0;
  let lineBegins = atLineStart;
  const length = value.length;
  while (i < length) {
    if (lineBegins) {
      let n = 0;
      while (n < count && i < length && (value.charCodeAt(i) === 32 || value.charCodeAt(i) === 9)) {
        i++;
        n++;
      }
      lineBegins = false;
      continue;
    }
    const nl = value.indexOf('\n', i);
    if (nl < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, nl + 1);
    i = nl + 1;
    lineBegins = true;
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
