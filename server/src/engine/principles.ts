// Typed, pure access to the design-principles catalog in principles/principles.json (bundled with the engine, no file I/O).
import data from '../../../principles/principles.json';
import type { PillarId } from './catalog';

export type { PillarId } from './catalog';

/** How far infrastructure code can show that a principle is followed; `none` means only review questions can. */
export type CodeEvidence = 'none' | 'partial' | 'strong';

/** One of the five Well-Architected pillars, as the article applies it to AI workloads. */
export interface Pillar {
  id: PillarId;
  title: string;
  /** One or two sentences in our own words. */
  summary: string;
  /** Fragment of the article's section, starting with `#`. */
  articleAnchor: string;
}

/** A tension between this principle and one of another pillar, from the article's trade-off notes. */
export interface Tradeoff {
  /** The other pillar; never the principle's own. */
  with: PillarId;
  text: string;
}

/** One design principle of the article, restated in our own words. */
export interface Principle {
  /** `<pillar>.<kebab-slug>`, stable: rule metadata refers to it. */
  id: string;
  /** The row key of the rules reference (R1–R5, S1–S6, C1–C4, O1–O6, P1–P4). */
  key: string;
  pillar: PillarId;
  title: string;
  summary: string;
  considerations: readonly string[];
  tradeoffs: readonly Tradeoff[];
  articleAnchor: string;
  codeEvidence: CodeEvidence;
  /** What a reviewer asks the team, for the part that code cannot prove. */
  reviewQuestions: readonly string[];
}

/** The whole catalog file. */
export interface PrinciplesCatalog {
  article: { title: string; url: string };
  pillars: readonly Pillar[];
  principles: readonly Principle[];
}

// The JSON import widens literal types to string; the unit tests check the values that the cast promises.
const CATALOG = data as unknown as PrinciplesCatalog;
const BY_ID: ReadonlyMap<string, Principle> = new Map(CATALOG.principles.map((p) => [p.id, p]));
const BY_KEY: ReadonlyMap<string, Principle> = new Map(CATALOG.principles.map((p) => [p.key, p]));

/** The article the catalog restates: its title and canonical URL. */
export function article(): { title: string; url: string } {
  return CATALOG.article;
}

/** The five pillars, in the article's order. */
export function pillars(): readonly Pillar[] {
  return CATALOG.pillars;
}

/** The pillar with this id. */
export function pillar(id: PillarId): Pillar | undefined {
  return CATALOG.pillars.find((p) => p.id === id);
}

/** Every principle, in the article's order (pillar by pillar). */
export function principles(): readonly Principle[] {
  return CATALOG.principles;
}

/** The principle with this id (`<pillar>.<slug>`), or undefined when there is none. */
export function principle(id: string): Principle | undefined {
  return BY_ID.get(id);
}

/** The principle with this reference key (for example `S6`), or undefined when there is none. */
export function principleByKey(key: string): Principle | undefined {
  return BY_KEY.get(key);
}

/** The principles of one pillar, in the article's order. */
export function principlesOf(pillarId: PillarId): readonly Principle[] {
  return CATALOG.principles.filter((p) => p.pillar === pillarId);
}

/** Where a principle (or a pillar) is discussed: the article URL plus its section anchor. */
export function articleUrl(item: Pick<Principle, 'articleAnchor'> | Pick<Pillar, 'articleAnchor'>): string {
  return CATALOG.article.url + item.articleAnchor;
}
