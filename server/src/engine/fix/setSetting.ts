// Builds the text edits that give a setting a value: replace it where it is set, or insert it (with any missing parents).
import type { Entry, Language, ObjectValue } from '../model/types';
import type { TextEdit } from '../types';
import type { Lookup } from '../rules/helpers/lookup';
import { endOfLine, entryIndent, indentAt, indentUnit, isSingleLine, lineEnding } from './layout';
import { literalText, type LiteralInput } from './literal';

/** `key: value` in Bicep, `key = value` in HCL. */
function attribute(language: Language, key: string, value: string): string {
  return language === 'bicep' ? `${key}: ${value}` : `${key} = ${value}`;
}

/**
 * The lines that set `path` to `value` under an object indented at `indent`, creating nested objects (Bicep) or
 * nested blocks (HCL, where azurerm nests settings in blocks) for every key but the last.
 */
function nestedLines(language: Language, path: readonly string[], value: string, indent: string, unit: string, eol: string, asBlocks: boolean): string {
  const [key, ...rest] = path;
  if (rest.length === 0) return indent + attribute(language, key!, value);
  const open = language === 'bicep' ? `${key}: {` : asBlocks ? `${key} {` : `${key} = {`;
  return `${indent}${open}${eol}${nestedLines(language, rest, value, indent + unit, unit, eol, asBlocks)}${eol}${indent}}`;
}

/**
 * Inserts `path = value` into `obj`, after its last entry, in the file's own layout.
 * `asBlocks`: in HCL, whether missing parents are written as nested blocks (in a block body) or as object attributes.
 */
export function insertIntoObject(text: string, language: Language, obj: ObjectValue, path: readonly string[], value: string, asBlocks = true): TextEdit {
  const eol = lineEnding(text);
  const unit = indentUnit(text);
  if (isSingleLine(text, obj)) {
    // Rewrite a one-line object on several lines: one-line HCL blocks may hold only one attribute.
    const outer = indentAt(text, obj.span.start);
    const inner = outer + unit;
    const lines = obj.entries.map((e) => inner + text.slice(e.span.start, e.span.end));
    lines.push(nestedLines(language, path, value, inner, unit, eol, asBlocks));
    return { span: obj.span, text: `{${eol}${lines.join(eol)}${eol}${outer}}` };
  }
  const indent = entryIndent(text, obj);
  const anchor = insertionAnchor(language, obj, path);
  // After the anchor's line (keeping a trailing comment on its line), or right after the opening brace.
  let at = anchor ? endOfLine(text, anchor.span.end) : endOfLine(text, obj.span.start);
  let after = '';
  const close = obj.span.end - 1;
  if (at > close && text[close] === '}') {
    // The closing brace shares the anchor's line (`kind: 'x'}`): insert before it, and give the brace a line of its own,
    // rather than after it, outside the object.
    at = close;
    after = eol + indentAt(text, obj.span.start);
  }
  const key = language === 'terraform' && path.length === 1 ? alignedKey(text, anchor, indent, path[0]!) : undefined;
  const lines = key ? indent + attribute(language, key, value) : nestedLines(language, path, value, indent, unit, eol, asBlocks);
  return { span: { start: at, end: at }, text: eol + lines + after };
}

/**
 * The entry to insert after. HCL style (`terraform fmt`) puts attributes before nested blocks, so a new attribute
 * follows the last attribute; everything else follows the last entry.
 */
function insertionAnchor(language: Language, obj: ObjectValue, path: readonly string[]): Entry | undefined {
  if (language === 'terraform' && path.length === 1) {
    const attributes = obj.entries.filter((e) => !e.isBlock);
    if (attributes.length > 0) return attributes[attributes.length - 1];
  }
  return obj.entries[obj.entries.length - 1];
}

/** Pads an HCL key so its `=` lines up with the attribute above it, as `terraform fmt` aligns a run of one-line attributes. */
function alignedKey(text: string, anchor: Entry | undefined, indent: string, key: string): string {
  if (!anchor || anchor.isBlock) return key;
  const lineStart = text.lastIndexOf('\n', anchor.span.start - 1) + 1;
  if (text.slice(anchor.span.start, anchor.span.end).includes('\n')) return key;
  const equals = text.indexOf('=', anchor.keySpan.end);
  if (equals < 0 || equals > anchor.value.span.start) return key;
  const width = equals - lineStart - indent.length - 1;
  return key.length <= width ? key.padEnd(width) : key;
}

/**
 * The edits that make a looked-up setting equal `value`, or undefined when the code does not say where it is set.
 * A value the evaluator resolved from elsewhere (it has an `origin`) is edited where it is set: the parameter default,
 * the `.bicepparam` or `.tfvars` entry, the variable, the module argument; the edit names that file when it is not
 * `file` (the file of `text`; unnamed, it is always named). Nothing is inserted into an object resolved from elsewhere.
 */
export function setSetting(text: string, language: Language, found: Lookup, value: LiteralInput, file?: string): TextEdit[] | undefined {
  const rendered = literalText(language, value);
  if (found.state === 'known') {
    // An HCL block where an attribute belongs (`public_network_access_enabled { … }`): a literal in place of its body would
    // not parse, and replacing the whole block would drop what the user wrote in it. Offer nothing.
    if (found.entry.isBlock) return undefined;
    const origin = found.value.kind === 'expression' ? undefined : found.value.origin;
    // A value Bicep's `loadJsonContent()` read is set in the JSON file, which takes a JSON literal.
    const text = origin && /\.jsonc?$/i.test(origin.file) ? JSON.stringify(value) : rendered;
    if (origin) return [origin.file === file ? { span: origin.span, text } : { span: origin.span, text, file: origin.file }];
    return [{ span: found.entry.value.span, text: rendered }];
  }
  if (found.state === 'absent') {
    if (found.parent.origin) return undefined;
    return [insertIntoObject(text, language, found.parent, found.missing, rendered, found.parentIsBlock)];
  }
  return undefined;
}
