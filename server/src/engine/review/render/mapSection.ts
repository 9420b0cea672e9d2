// The report's "Workload map" section: the map drawn as inline SVG, with a sentence on how to read it.
import { renderMapSvg } from '../../map/svg';
import type { WorkloadMap } from '../../map/types';
import type { ReviewLocation } from '../types';
import { plural } from './common';

/**
 * The most boxes the report draws inline: beyond it the drawing is too large to read in a report (and to send to an editor
 * view), so the report says how to draw it on its own.
 */
export const MAX_REPORT_MAP_NODES = 500;

/** The section, or a sentence when the workload has nothing to draw. Every box links to its declaration through `href`. */
export function mapSection(map: WorkloadMap, href: (location: ReviewLocation) => string): string {
  const exposed = map.nodes.filter((n) => n.exposure === 'public').length;
  const lede =
    map.nodes.length === 0
      ? 'No resource to draw: the files declare none the map shows.'
      : `${plural(map.nodes.length, 'resource')} and ${plural(map.edges.length, 'connection')}, grouped by ${map.groupBy === 'module' ? 'module' : 'kind'}. ` +
        'Each box is coloured by its worst finding and counts its findings; click one to open its declaration. ' +
        (exposed > 0 ? `${plural(exposed, 'resource is', 'resources are')} reachable from the public internet (dashed outline, "PUBLIC ENDPOINT").` : 'No resource is reachable from the public internet, as far as the code says.');
  if (map.nodes.length > MAX_REPORT_MAP_NODES) {
    const tooMany = `${plural(map.nodes.length, 'resource')} are more than the report draws (${MAX_REPORT_MAP_NODES}); <code>waf-ai-lens map &lt;folder&gt; --output workload.svg</code> draws the whole map as a file of its own.`;
    return `<section class="section" id="workload-map"><h2>Workload map</h2><p class="muted">${tooMany}</p></section>`;
  }
  const svg = map.nodes.length === 0 ? '' : `<div class="map-frame">${renderMapSvg(map, { href })}</div>`;
  return `<section class="section" id="workload-map"><h2>Workload map</h2><p class="muted">${lede}</p>${svg}</section>`;
}
