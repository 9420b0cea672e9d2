// What the Bicep and HCL front-end tests share: their fixtures and baselines, positions, seeded randomness, and the recovery checks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParseError } from '../../server/src/engine/types';
import { lineColumn, readMarkers } from './markers';
import { fixturePath } from './repo';

/** Reading the fixtures of one front end, under `test/fixtures/<folder>/`. */
export interface FixtureFolder {
  /** The text of a fixture, by its path relative to the front end's fixture folder. */
  readFixture(relative: string): string;
  /** The fixture files of one folder (paths relative to the front end's fixture folder) whose names match `pattern`, sorted. */
  fixturesIn(folder: string, pattern?: RegExp): string[];
  /**
   * The baseline file `relative` and the actual text to compare with it; `UPDATE_BASELINES=1` rewrites the baseline first.
   * A missing baseline fails the comparison (it is never written unasked), so a new case cannot pass before anyone reviewed it.
   */
  baseline(relative: string, actual: string): { expected: string; actual: string };
}

/** The fixture reader of the front end whose fixtures are under `test/fixtures/<folder>/`; `pattern` picks its source files. */
export function fixtureFolder(folder: string, sourcePattern: RegExp): FixtureFolder {
  return {
    readFixture: (relative) => fs.readFileSync(fixturePath(folder, relative), 'utf8'),
    fixturesIn: (sub, pattern = sourcePattern) =>
      fs
        .readdirSync(fixturePath(folder, sub))
        .filter((name) => pattern.test(name))
        .sort()
        .map((name) => path.join(sub, name)),
    baseline: (relative, actual) => {
      const file = fixturePath(folder, relative);
      if (process.env.UPDATE_BASELINES === '1') fs.writeFileSync(file, actual);
      const expected = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `<no baseline ${relative}: run with UPDATE_BASELINES=1 and review it>`;
      return { expected, actual };
    },
  };
}

/** 1-based line and 0-based column of an offset, as `line:column`. */
export function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart}`;
}

/** A small deterministic random generator (a linear congruential one), so that a failing random case replays. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Recovery: errors where the fixtures' markers say, and later declarations kept intact.

/** Renders an error the way a marker states it: `line:start-end message`, lines 1-based. */
function describeError(text: string, error: ParseError): string {
  const start = lineColumn(text, error.span.start);
  const end = lineColumn(text, error.span.end);
  const lineLength = text.split(/\r?\n/)[start.line]!.length;
  const endColumn = error.span.end === error.span.start ? start.column + 1 : end.line === start.line ? end.column : lineLength;
  return `${start.line + 1}:${start.column}-${endColumn} ${error.message}`;
}

/**
 * Asserts that the parse errors are exactly those the fixture's `error parse: text` markers state: each starts at a
 * marker's first caret, spans its carets (one caret for an empty span) and contains its text; every error is marked.
 */
export function assertErrorsAsMarked(text: string, errors: readonly ParseError[]): void {
  const expected = readMarkers(text).filter((m) => m.ruleId === 'parse');
  const actual = errors.map((e) => describeError(text, e));
  const matched = actual.map((a) => expected.find((m) => a.startsWith(`${m.line + 1}:${m.startColumn}-${m.endColumn} `) && a.includes(m.message ?? '')));
  const unexpected = actual.filter((_, i) => matched[i] === undefined);
  const missing = expected.filter((m) => !matched.includes(m)).map((m) => `${m.line + 1}:${m.startColumn}-${m.endColumn} ${m.message ?? ''}`);
  assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] }, `actual errors:\n${actual.join('\n')}`);
}

/** A top-level declaration as the survival measure sees it: what it is and says, where it starts, whether it parsed clean. */
export interface TopLevelItem {
  key: string;
  start: number;
  clean: boolean;
}

/** The top-level declarations of a file's model as `TopLevelItem`s, keyed by kind, name and text. */
export function topLevelItems(text: string, declarations: readonly { kind: string; name: string; span: { start: number; end: number }; hasError: boolean }[]): TopLevelItem[] {
  return declarations.map((d) => ({ key: `${d.kind} ${d.name} ${text.slice(d.span.start, d.span.end)}`, start: d.span.start, clean: !d.hasError }));
}

/** How one survival measure breaks the sources: how many edits per source, and the character an insertion adds. */
export interface SurvivalOptions {
  seed: number;
  rounds: number;
  /** Inserted at a random place on the odd rounds; the even rounds delete a random `}`. */
  insert: string;
  topLevel: (text: string) => TopLevelItem[];
}

/**
 * Breaks each source once per round, alternately deleting a `}` and inserting `insert` at random, and counts the
 * top-level declarations after the edit that come out unchanged and clean: recovery should confine damage to where it is.
 */
export function survivalAfterRandomEdits(sources: readonly string[], options: SurvivalOptions): { kept: number; total: number } {
  const random = seededRandom(options.seed);
  let kept = 0;
  let total = 0;
  for (const text of sources) {
    const original = options.topLevel(text);
    const braces = [...text.matchAll(/}/g)].map((m) => m.index);
    for (let round = 0; round < options.rounds; round++) {
      const deleteBrace = round % 2 === 0 && braces.length > 0;
      const at = deleteBrace ? braces[Math.floor(random() * braces.length)]! : Math.floor(random() * text.length);
      const edited = deleteBrace ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + options.insert + text.slice(at);
      const shift = deleteBrace ? -1 : options.insert.length;
      const after = options.topLevel(edited);
      for (const declaration of original.filter((d) => d.start > at)) {
        total++;
        if (after.some((d) => d.clean && d.key === declaration.key && d.start - shift === declaration.start)) kept++;
      }
    }
  }
  return { kept, total };
}
