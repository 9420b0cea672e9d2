// Draws the review's scores as inline SVG with our own code: a ring for the overall score and a bar per pillar.
import type { PillarReview } from '../types';
import { escapeHtml } from './escape';

/** The colour band of a score: good from 80, fair from 50, poor below, none without evidence. */
export type Band = 'good' | 'fair' | 'poor' | 'none';

export function bandOf(score: number | null): Band {
  if (score === null) return 'none';
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

/** Colours chosen to read on light and dark backgrounds alike (presentation attributes, so no style attribute is needed). */
const COLOURS: Record<Band, string> = { good: '#2f9e57', fair: '#c98a04', poor: '#d1453b', none: '#8b949e' };
const TRACK = '#8b949e';
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/** A ring whose arc is the score out of 100, with the number in the middle; a dashed ring and a dash when there is none. */
export function scoreRing(score: number | null, options: { size?: number; label?: string } = {}): string {
  const size = options.size ?? 148;
  const stroke = Math.round(size * 0.1);
  const r = (size - stroke) / 2;
  const c = size / 2;
  const circumference = 2 * Math.PI * r;
  const colour = COLOURS[bandOf(score)];
  const label = options.label ?? 'overall';
  const title = score === null ? `${label}: no evidence from code` : `${label} score: ${score} out of 100`;
  const arc =
    score === null
      ? ''
      : `<circle cx="${c}" cy="${c}" r="${fmt(r)}" fill="none" stroke="${colour}" stroke-width="${stroke}" stroke-linecap="round" ` +
        `stroke-dasharray="${fmt((circumference * Math.max(0, Math.min(score, 100))) / 100)} ${fmt(circumference)}" transform="rotate(-90 ${c} ${c})"/>`;
  return [
    `<svg class="score-ring" xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<circle cx="${c}" cy="${c}" r="${fmt(r)}" fill="none" stroke="${TRACK}" stroke-opacity="0.25" stroke-width="${stroke}"${score === null ? ' stroke-dasharray="6 6"' : ''}/>`,
    arc,
    `<text x="${c}" y="${fmt(c + size * 0.07)}" text-anchor="middle" font-family="${FONT}" font-size="${Math.round(size * 0.3)}" font-weight="700" fill="${colour}">${score === null ? '–' : score}</text>`,
    `<text x="${c}" y="${fmt(c + size * 0.22)}" text-anchor="middle" font-family="${FONT}" font-size="${Math.round(size * 0.09)}" fill="${TRACK}">${escapeHtml(label)}</text>`,
    '</svg>',
  ].join('');
}

/** One horizontal bar per pillar, its length the score; a pillar without evidence gets a dashed outline and says so. */
export function pillarBars(pillars: readonly Pick<PillarReview, 'id' | 'title' | 'score'>[], options: { width?: number } = {}): string {
  const width = options.width ?? 430;
  const row = 34;
  const labelWidth = 170;
  const valueWidth = 112;
  const barWidth = width - labelWidth - valueWidth;
  const barHeight = 14;
  const height = pillars.length * row + 4;
  const rows = pillars.map((p, i) => {
    const y = i * row + 8;
    const value = p.score.value;
    const colour = COLOURS[bandOf(value)];
    const length = value === null ? 0 : (barWidth * Math.max(0, Math.min(value, 100))) / 100;
    const caption = value === null ? 'no evidence' : `${value}`;
    return [
      `<g class="pillar-bar" data-pillar="${escapeHtml(p.id)}">`,
      `<title>${escapeHtml(value === null ? `${p.title}: no evidence from code` : `${p.title}: ${value} out of 100`)}</title>`,
      `<text x="0" y="${y + barHeight - 2}" font-family="${FONT}" font-size="13" fill="currentColor">${escapeHtml(p.title)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="${barHeight}" rx="${barHeight / 2}" fill="${TRACK}" fill-opacity="0.18"${value === null ? ` stroke="${TRACK}" stroke-dasharray="4 4" fill-opacity="0"` : ''}/>`,
      // A score of 0 still shows a dot in the poor colour, so it does not read as an empty track.
      value === null ? '' : `<rect x="${labelWidth}" y="${y}" width="${fmt(Math.max(length, barHeight))}" height="${barHeight}" rx="${barHeight / 2}" fill="${colour}"/>`,
      `<text x="${labelWidth + barWidth + 10}" y="${y + barHeight - 2}" font-family="${FONT}" font-size="13" font-weight="${value === null ? 400 : 700}" fill="${value === null ? TRACK : colour}">${caption}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg class="pillar-bars" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Score per pillar">`,
    '<title>Score per pillar</title>',
    ...rows,
    '</svg>',
  ].join('');
}

/** Two decimals at most, so the markup stays short and stable. */
function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
