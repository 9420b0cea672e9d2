// Parses Bicep declarations (param, var, resource, module, type, func, import, using, …) and drives recovery between them.
import type {
  AssertDeclaration,
  BicepFile,
  Decorator,
  Expression,
  ExtendsDeclaration,
  ExtensionDeclaration,
  FunctionDeclaration,
  FunctionParameter,
  Identifier,
  ImportDeclaration,
  ImportItem,
  MetadataDeclaration,
  MissingNode,
  ModuleDeclaration,
  OutputDeclaration,
  ParameterDeclaration,
  ResourceDeclaration,
  SkippedStatement,
  Statement,
  StringLiteral,
  TargetScopeDeclaration,
  TestDeclaration,
  TypeDeclaration,
  TypeExpression,
  UsingDeclaration,
  VariableDeclaration,
} from './ast';
import { columnOf, findDeclarationStarts, type DeclarationStarts } from './recovery';
import { F, K, T, describeToken, type TokenList } from './tokens';
import { Line, TypeParser } from './typeSyntax';

/** Where a declaration begins: its decorators and its keyword. */
interface Head {
  start: number;
  decorators: Decorator[];
  keywordStart: number;
  keywordEnd: number;
  /** A decorator ran unclosed into the next declaration; see parseHead. */
  cut: boolean;
}

/**
 * Parses a whole file. Each top-level declaration is parsed with the next declaration start at its column or
 * left of it raised as a barrier (see `recovery.ts`), then any junk left on its last line is skipped; a line
 * that starts no declaration is skipped up to the next line that does. Nested resources get the same
 * treatment inside their parent's body.
 */
export class StatementParser extends TypeParser {
  private readonly declarationStarts: DeclarationStarts;

  constructor(text: string, tokens: TokenList) {
    super(text, tokens);
    this.declarationStarts = findDeclarationStarts(text, tokens);
  }

  parseFile(): BicepFile {
    const statements: Statement[] = [];
    while (this.peek() !== T.EOF) {
      const before = this.i;
      statements.push(this.parseTopLevel());
      if (this.i === before) this.advance();
    }
    return { kind: 'file', start: 0, end: this.text.length, statements };
  }

  private columnHere(): number {
    return (this.flags[this.i]! & F.Column0) !== 0 ? 0 : columnOf(this.text, this.tokenStart());
  }

  /** The next declaration start after token `after` at `column` or left of it, or -1. */
  private barrierAfter(after: number, column: number): number {
    const { index, column: columns, count } = this.declarationStarts;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (index[mid]! <= after) lo = mid + 1;
      else hi = mid;
    }
    for (let c = lo; c < count; c++) if (columns[c]! <= column) return index[c]!;
    return -1;
  }

  /** Runs `parse` with the next declaration start after the cursor (at `column` or left of it) reading as EOF. */
  private withBarrier<R>(column: number, parse: () => R): R {
    const barrier = this.barrierAfter(this.i, column);
    if (barrier < 0) return parse();
    const saved = this.raiseBarrier(barrier);
    const result = parse();
    this.lowerBarrier(barrier, saved);
    return result;
  }

  /**
   * Decorator lines before a declaration, each parsed up to the next declaration start. A decorator left open
   * up to that start (`@description('…` with its `)` missing) ends the head as `cut`: what follows is a
   * declaration of its own, not one more thing the broken decorator decorates.
   */
  private parseHead(column: number): Head {
    const decorators: Decorator[] = [];
    let cut = false;
    while (this.peek() === T.At && !cut) {
      this.withBarrier(column, () => {
        decorators.push(this.parseDecorator());
        if (this.peek() !== T.EOF && !this.atLineStart()) {
          this.errorAtToken(`Expected a new line after the decorator, found ${describeToken(this.peek())}.`);
          this.skipRestOfLine();
        }
        cut = this.peek() === T.EOF && this.unclosedReportedHere();
      });
    }
    const start = decorators.length > 0 ? decorators[0]!.start : this.tokenStart();
    return { start, decorators, keywordStart: this.tokenStart(), keywordEnd: this.tokenEnd(), cut };
  }

  private parseTopLevel(): Statement {
    const column = this.columnHere();
    const head = this.parseHead(column);
    if (head.cut) return { kind: 'skippedStatement', start: head.start, end: this.previousEnd(), decorators: head.decorators };
    return this.withBarrier(column, () => {
      const statement = this.parseDeclaration(head);
      if (this.peek() !== T.EOF && !this.atLineStart()) {
        // Junk after a complete declaration belongs to its line; keep it inside the declaration's span.
        this.errorAtToken(`Expected a new line after the declaration, found ${describeToken(this.peek())}.`);
        const end = this.skipRestOfLine();
        if (end > statement.end) statement.end = end;
      }
      return statement;
    });
  }

  /** A resource declared inside another resource's body, with its own barrier at its own column. */
  protected override parseNestedResource(): ResourceDeclaration | undefined {
    const column = this.columnHere();
    const head = this.parseHead(column);
    if (head.cut) return undefined;
    if (!this.atKeyword(K.Resource)) {
      this.errorMissing('Expected a nested resource after the decorators');
      return undefined;
    }
    return this.withBarrier(column, () => this.parseResource(head));
  }

  private parseDeclaration(head: Head): Statement {
    if (this.peek() === T.Identifier) {
      switch (this.keywords[this.i] as K) {
        case K.TargetScope: return this.parseTargetScope(head);
        case K.Metadata: return this.parseMetadata(head);
        case K.Param: return this.parseParam(head);
        case K.Var: return this.parseVar(head);
        case K.Output: return this.parseOutput(head);
        case K.Type: return this.parseTypeDeclaration(head);
        case K.Func: return this.parseFunc(head);
        case K.Resource: return this.parseResource(head);
        case K.Module: return this.parseModule(head);
        case K.Import: return this.parseImport(head);
        case K.Extension: return this.parseExtension(head);
        case K.Using: return this.parseUsing(head);
        case K.Extends: return this.parseExtends(head);
        case K.Assert: return this.parseAssert(head);
        case K.Test: return this.parseTest(head);
        default: break;
      }
    }
    return this.skipToNextDeclaration(head);
  }

  /** Text that starts no declaration: skipped, with one error, up to the next line that starts one. */
  private skipToNextDeclaration(head: Head): SkippedStatement {
    if (this.peek() === T.EOF) {
      this.errorMissing('Expected a declaration after the decorators');
      return { kind: 'skippedStatement', start: head.start, end: this.previousEnd(), decorators: head.decorators };
    }
    this.errorAtToken(`Expected a declaration such as 'param', 'var' or 'resource', found ${describeToken(this.peek())}.`);
    const next = this.barrierAfter(this.i, Number.MAX_SAFE_INTEGER);
    let end = this.tokenEnd();
    this.advance();
    while (this.peek() !== T.EOF && this.i !== next) {
      end = this.tokenEnd();
      this.advance();
    }
    return { kind: 'skippedStatement', start: head.start, end, decorators: head.decorators };
  }

  // -- pieces ------------------------------------------------------------------------------------------------------

  /** The fields every declaration node copies from its head. */
  private base(head: Head): { start: number; decorators: Decorator[]; keywordStart: number; keywordEnd: number } {
    return { start: head.start, decorators: head.decorators, keywordStart: head.keywordStart, keywordEnd: head.keywordEnd };
  }

  /** Consumes the keyword the head points at. */
  private keyword(): void {
    this.advance();
  }

  private expectName(what: string): Identifier | MissingNode {
    if (this.peek() === T.Identifier && this.onSameLine()) return this.identifier();
    this.errorMissing(`Expected the ${what}'s name`);
    return this.missing();
  }

  /** A string that must follow on the same line (a resource type, a module path, …). */
  private expectString(what: string): StringLiteral | MissingNode {
    const kind = this.peek();
    if ((kind === T.StringComplete || kind === T.StringLeft || kind === T.MultilineString) && this.onSameLine()) return this.parseString();
    this.errorMissing(`Expected ${what}`);
    return this.missing();
  }

  /** `= value` with the value on the same line; tolerates a missing `=` before a value on the line. */
  private parseAssignedValue(what: string): Expression {
    if (this.peek() === T.Assign && this.onSameLine()) {
      this.advance();
      return this.parseValueOnLine(what);
    }
    this.errorMissing(`Expected '=' and ${what}`);
    return this.onSameLine() && !this.atCloser() ? this.parseExpression() : this.missing();
  }

  /** The body of a resource, module or test: an object, `if (…) {…}` or `[for …]`. */
  private parseBody(): Expression {
    if (this.peek() === T.Assign && this.onSameLine()) {
      this.advance();
    } else {
      this.errorMissing("Expected '=' and the body");
      if (!this.onSameLine() || this.atCloser()) return this.missing();
    }
    if (!this.onSameLine()) {
      this.errorMissing('Expected the body: an object, an if condition or a for loop');
      return this.missing();
    }
    const value = this.atKeyword(K.If) ? this.parseIf() : this.parseExpression();
    this.checkBodyShape(value);
    return value;
  }

  /**
   * Reports a body that is no object once its `for` and `if` are peeled off (`= 'name'`, `= someVariable`), as the official
   * parser does. Without the error the model would see a resource with no settings, and rules would judge and "fix" it
   * by inserting an object after the value, which breaks the file.
   */
  private checkBodyShape(value: Expression): void {
    let body = value;
    if (body.kind === 'for') body = body.body;
    if (body.kind === 'if') body = body.body;
    if (body.kind === 'object' || body.kind === 'missing' || body.kind === 'skipped') return;
    this.error('Expected the body to be an object, an if condition or a for loop.', body.start, body.end);
  }

  // -- declarations ------------------------------------------------------------------------------------------------

  private parseTargetScope(head: Head): TargetScopeDeclaration {
    this.keyword();
    const value = this.parseAssignedValue('the target scope');
    return { kind: 'targetScope', ...this.base(head), end: this.previousEnd(), value };
  }

  private parseMetadata(head: Head): MetadataDeclaration {
    this.keyword();
    const name = this.expectName('metadata');
    const value = this.parseAssignedValue('a value');
    return { kind: 'metadata', ...this.base(head), end: this.previousEnd(), name, value };
  }

  private parseParam(head: Head): ParameterDeclaration {
    this.keyword();
    const name = this.expectName('parameter');
    let type: TypeExpression | undefined;
    let value: Expression | undefined;
    if (this.peek() === T.Assign && this.onSameLine()) {
      // `.bicepparam`: `param name = value`.
      this.advance();
      value = this.parseValueOnLine('a value');
    } else {
      type = this.parseType(Line.NextIfPipe);
      if (this.peek() === T.Assign && this.onSameLine()) {
        this.advance();
        value = this.parseValueOnLine('a default value');
      }
    }
    return { kind: 'param', ...this.base(head), end: this.previousEnd(), name, type, value };
  }

  private parseVar(head: Head): VariableDeclaration {
    this.keyword();
    const name = this.expectName('variable');
    let type: TypeExpression | undefined;
    if (this.peek() !== T.Assign && this.onSameLine()) type = this.parseType(Line.Same);
    const value = this.parseAssignedValue('a value');
    return { kind: 'var', ...this.base(head), end: this.previousEnd(), name, type, value };
  }

  private parseOutput(head: Head): OutputDeclaration {
    this.keyword();
    const name = this.expectName('output');
    const type = this.parseType(Line.NextIfPipe);
    const value = this.parseAssignedValue('a value');
    return { kind: 'output', ...this.base(head), end: this.previousEnd(), name, type, value };
  }

  private parseTypeDeclaration(head: Head): TypeDeclaration {
    this.keyword();
    const name = this.expectName('type');
    let type: TypeExpression;
    if (this.peek() === T.Assign && this.onSameLine()) {
      this.advance();
      type = this.parseType(Line.NextIfPipe);
    } else {
      this.errorMissing("Expected '=' and a type");
      type = this.onSameLine() && !this.atCloser() ? this.parseType(Line.Same) : this.missing();
    }
    return { kind: 'type', ...this.base(head), end: this.previousEnd(), name, type };
  }

  private parseFunc(head: Head): FunctionDeclaration {
    this.keyword();
    const name = this.expectName('function');
    const params: FunctionParameter[] = [];
    if (this.peek() === T.LParen && this.onSameLine()) {
      const openStart = this.tokenStart();
      const openEnd = this.tokenEnd();
      this.advance();
      this.openParens++;
      for (;;) {
        const kind = this.peek();
        if (kind === T.RParen || kind === T.EOF || this.atEnclosingCloser()) break;
        const before = this.i;
        if (kind === T.Identifier) {
          const paramName = this.identifier();
          const type = this.parseType(Line.Same);
          params.push({ kind: 'functionParameter', start: paramName.start, end: Math.max(type.end, paramName.end), name: paramName, type });
        } else {
          this.errorAtToken(`Expected a parameter name, found ${describeToken(kind)}.`);
        }
        if (this.peek() === T.Comma) this.advance();
        else if (this.peek() !== T.RParen && this.peek() !== T.EOF) {
          this.errorAtToken(`Expected ',' or ')', found ${describeToken(this.peek())}.`);
          this.skipToSeparator(false);
          if (this.peek() === T.Comma) this.advance();
        }
        if (this.i === before) this.advance();
      }
      this.openParens--;
      this.expectCloser(T.RParen, ')', openStart, openEnd);
    } else {
      this.errorMissing("Expected '(' and the function's parameters");
    }
    const returnType = this.parseType(Line.Same);
    let body: Expression;
    if (this.peek() === T.Arrow && this.onSameLine()) {
      this.advance();
      // The body may start on the next line: `func f() string =>` is a complete first line.
      if (this.peek() === T.EOF || this.atCloser()) {
        this.errorMissing('Expected the function body');
        body = this.missing();
      } else {
        body = this.parseExpression();
      }
    } else {
      this.errorMissing("Expected '=>' and the function body");
      body = this.missing();
    }
    return { kind: 'func', ...this.base(head), end: this.previousEnd(), name, params, returnType, body };
  }

  private parseResource(head: Head): ResourceDeclaration {
    this.keyword();
    const name = this.expectName('resource');
    const typeString = this.expectString("the resource type, as in 'Microsoft.Storage/storageAccounts@2023-05-01'");
    let existing = false;
    if (this.atKeyword(K.Existing) && this.onSameLine()) {
      existing = true;
      this.advance();
    }
    const value = this.parseBody();
    return { kind: 'resource', ...this.base(head), end: this.previousEnd(), name, typeString, existing, value };
  }

  private parseModule(head: Head): ModuleDeclaration {
    this.keyword();
    const name = this.expectName('module');
    const path = this.expectString("the module's path or registry reference");
    const value = this.parseBody();
    return { kind: 'module', ...this.base(head), end: this.previousEnd(), name, path, value };
  }

  private parseTest(head: Head): TestDeclaration {
    this.keyword();
    const name = this.expectName('test');
    const path = this.expectString("the tested file's path");
    const value = this.parseBody();
    return { kind: 'test', ...this.base(head), end: this.previousEnd(), name, path, value };
  }

  private parseAssert(head: Head): AssertDeclaration {
    this.keyword();
    const name = this.expectName('assertion');
    const value = this.parseAssignedValue('a condition');
    return { kind: 'assert', ...this.base(head), end: this.previousEnd(), name, value };
  }

  private parseImport(head: Head): ImportDeclaration {
    this.keyword();
    let items: ImportItem[] | undefined;
    let wildcardAlias: Identifier | MissingNode | undefined;
    let from: StringLiteral | MissingNode | undefined;
    let specification: Identifier | StringLiteral | undefined;
    let config: Expression | undefined;
    let alias: Identifier | MissingNode | undefined;
    const kind = this.peek();
    if (kind === T.LBrace && this.onSameLine()) {
      items = this.parseImportList();
      from = this.parseFrom();
    } else if (kind === T.Star && this.onSameLine()) {
      this.advance();
      if (this.atKeyword(K.As) && this.onSameLine()) {
        this.advance();
        wildcardAlias = this.expectName('namespace');
      } else {
        this.errorMissing("Expected 'as' and a namespace name after '*'");
        wildcardAlias = this.missing();
      }
      from = this.parseFrom();
    } else if ((kind === T.Identifier || kind === T.StringComplete || kind === T.StringLeft) && this.onSameLine()) {
      // The older provider import: `import 'az@1.0.0' with {…} as az`.
      specification = kind === T.Identifier ? this.identifier() : this.parseString();
      if (this.atKeyword(K.With) && this.onSameLine()) {
        this.advance();
        config = this.parseValueOnLine('the configuration object');
      }
      if (this.atKeyword(K.As) && this.onSameLine()) {
        this.advance();
        alias = this.expectName('alias');
      }
    } else {
      this.errorMissing("Expected '{', '*' or a name after 'import'");
    }
    return { kind: 'import', ...this.base(head), end: this.previousEnd(), items, wildcardAlias, from, specification, config, alias };
  }

  /** `{ a, b as c }`, on one line with commas or over several lines. */
  private parseImportList(): ImportItem[] {
    const openStart = this.tokenStart();
    const openEnd = this.tokenEnd();
    this.advance();
    this.openBraces++;
    const items: ImportItem[] = [];
    this.parseListItems(openStart, openEnd, T.RBrace, 'a name', () => {
      const kind = this.peek();
      if (kind === T.Identifier || kind === T.StringComplete || kind === T.StringLeft) {
        const name = kind === T.Identifier ? this.identifier() : this.parseString();
        let alias: Identifier | MissingNode | undefined;
        if (this.atKeyword(K.As) && this.onSameLine()) {
          this.advance();
          alias = this.expectName('alias');
        }
        items.push({ kind: 'importItem', start: name.start, end: alias !== undefined ? Math.max(alias.end, name.end) : name.end, name, alias });
      } else {
        this.errorAtToken(`Expected a name to import, found ${describeToken(kind)}.`);
        this.skipToSeparator(true);
      }
    });
    this.openBraces--;
    return items;
  }

  private parseFrom(): StringLiteral | MissingNode {
    if (this.atKeyword(K.From) && this.onSameLine()) {
      this.advance();
      return this.expectString('the path or registry reference to import from');
    }
    this.errorMissing("Expected 'from' and the file to import from");
    return this.missing();
  }

  private parseExtension(head: Head): ExtensionDeclaration {
    this.keyword();
    const kind = this.peek();
    let specification: Identifier | StringLiteral | MissingNode;
    if (kind === T.Identifier && this.onSameLine()) specification = this.identifier();
    else specification = this.expectString("the extension's name or reference");
    let config: Expression | undefined;
    let alias: Identifier | MissingNode | undefined;
    if (this.atKeyword(K.With) && this.onSameLine()) {
      this.advance();
      config = this.parseValueOnLine('the configuration object');
    }
    if (this.atKeyword(K.As) && this.onSameLine()) {
      this.advance();
      alias = this.expectName('alias');
    }
    return { kind: 'extension', ...this.base(head), end: this.previousEnd(), specification, config, alias };
  }

  private parseUsing(head: Head): UsingDeclaration {
    this.keyword();
    let path: StringLiteral | Identifier | MissingNode;
    if (this.atKeyword(K.None_) && this.onSameLine()) path = this.identifier();
    else path = this.expectString("the template's path, or 'none'");
    let config: Expression | undefined;
    if (this.atKeyword(K.With) && this.onSameLine()) {
      this.advance();
      config = this.parseValueOnLine('the configuration object');
    }
    return { kind: 'using', ...this.base(head), end: this.previousEnd(), path, config };
  }

  private parseExtends(head: Head): ExtendsDeclaration {
    this.keyword();
    const path = this.expectString("the base parameters file's path");
    return { kind: 'extends', ...this.base(head), end: this.previousEnd(), path };
  }
}
