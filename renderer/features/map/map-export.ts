import { MAP_HEIGHT, MAP_WIDTH } from './map-geometry';
import { LEGEND_LINE_WIDTH, wrapText } from './map-legend';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The style properties the map's CSS sets: written onto each element as attributes, so the file looks like the screen. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-weight',
  'text-anchor',
  'paint-order',
] as const;

export type MapLegend = {
  title: string;
  /** Lines under the title: the filter, the date. */
  lines: string[];
  /**
   * Legend entries: a dot of the colour before the text, a band for lines (kraj → country), a
   * light-to-dark box for shading (kraje or okresy), a line with the map's dashes (`dash`, an SVG
   * `stroke-dasharray`) for a partnership's status.
   */
  entries: { color: string; text: string; shape?: 'dot' | 'band' | 'shade' | 'undivided' | 'line'; dash?: string }[];
  /** The data's sources, in small print at the bottom. */
  attribution: string;
};

/** An image of the page (the dense layer's object URL) as a data URL, which a file can carry. */
async function dataUrlOf(href: string): Promise<string | null> {
  const image = new Image();
  image.src = href;
  try {
    await image.decode();
  } catch {
    return null;
  }
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}

const element = (name: string, attributes: Record<string, string | number>, text?: string): SVGElement => {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * The fonts a legend text may end up in: the browser's `sans-serif` (the SVG file opened in a
 * browser) and the ones core's rasteriser takes for it (DejaVu Sans on Linux, Arial elsewhere).
 * They differ in width by a tenth (the PNG's filter line ran past the box measured in the
 * browser's font), so the box is sized by the widest of them.
 */
const LEGEND_FONTS = ['sans-serif', '"DejaVu Sans", sans-serif', 'Arial, sans-serif', '"Liberation Sans", sans-serif'];

/** The widest a text of the legend may be (px) in any of LEGEND_FONTS, measured by the browser. */
function textMeasure(): (text: string, size: number, bold?: boolean) => number {
  const context = document.createElement('canvas').getContext('2d');
  return (text, size, bold = false) => {
    if (context === null) return text.length * size * 0.62;
    return Math.max(
      ...LEGEND_FONTS.map((font) => {
        context.font = `${bold ? '700 ' : ''}${String(size)}px ${font}`;
        return context.measureText(text).width;
      }),
    );
  };
}

/** The width a line of the filter or the date may always take before it wraps (px). */
const WRAP_WIDTH = 420;

/**
 * The legend box drawn into the exported file, under the map (on screen it is HTML under the map):
 * the file is made taller by the legend, so that the legend covers no town or line (walkthrough 28
 * finding 5c). Its height is returned with it.
 */
function legendGroup(legend: MapLegend): { group: SVGElement; height: number } {
  const measure = textMeasure();
  const group = element('g', { 'font-family': 'sans-serif', fill: '#1c2733' });
  // As wide as its longest text (the sources' line ran past the box), within the map; the filter
  // names any number of kraje, so it is wrapped at that width (at least WRAP_WIDTH) to stay inside.
  const fixedWidth = Math.max(
    310,
    measure(legend.title, 13, true),
    ...legend.entries.map((entry) => 16 + measure(entry.text, 10.5)),
    measure(legend.attribution, 8.5),
  );
  const lines = legend.lines.flatMap((line) =>
    wrapText(line, Math.max(WRAP_WIDTH, fixedWidth), (text) => measure(text, 10.5)),
  );
  const height = 18 + (1 + lines.length + legend.entries.length) * 16 + 14;
  const top = MAP_HEIGHT + 10;
  const width = Math.min(
    MAP_WIDTH - 20,
    Math.ceil(Math.max(fixedWidth, ...lines.map((line) => measure(line, 10.5))) + 24),
  );
  group.appendChild(
    element('rect', {
      x: 10,
      y: top,
      width,
      height,
      rx: 6,
      fill: '#ffffff',
      stroke: '#c9d3dd',
    }),
  );
  let y = top + 20;
  group.appendChild(element('text', { x: 20, y, 'font-size': 13, 'font-weight': 700 }, legend.title));
  for (const line of lines) {
    y += 16;
    group.appendChild(element('text', { x: 20, y, 'font-size': 10.5 }, line));
  }
  for (const entry of legend.entries) {
    y += 16;
    if (entry.shape === 'band')
      group.appendChild(
        element('rect', { x: 19, y: y - 6.5, width: 12, height: 5, rx: 2.5, fill: entry.color, 'fill-opacity': 0.6 }),
      );
    else if (entry.shape === 'line')
      group.appendChild(
        element('line', {
          x1: 17,
          y1: y - 4,
          x2: 33,
          y2: y - 4,
          stroke: entry.color,
          'stroke-width': LEGEND_LINE_WIDTH,
          'stroke-opacity': 0.85,
          ...(entry.dash === undefined ? {} : { 'stroke-dasharray': entry.dash }),
        }),
      );
    else if (entry.shape === 'shade')
      for (const [index, opacity] of [0.15, 0.45, 0.9].entries())
        group.appendChild(
          element('rect', {
            x: 19 + index * 4,
            y: y - 8.5,
            width: 4,
            height: 9,
            fill: entry.color,
            'fill-opacity': opacity,
          }),
        );
    else if (entry.shape === 'undivided') {
      group.appendChild(
        element('rect', { x: 19, y: y - 8.5, width: 12, height: 9, fill: entry.color, 'fill-opacity': 0.55 }),
      );
      for (const x of [21, 25, 29])
        group.appendChild(
          element('line', { x1: x - 2, y1: y + 0.5, x2: x + 2, y2: y - 8.5, stroke: '#ffffff', 'stroke-width': 1.2 }),
        );
    } else group.appendChild(element('circle', { cx: 25, cy: y - 4, r: 4.5, fill: entry.color, stroke: '#ffffff' }));
    group.appendChild(element('text', { x: 36, y, 'font-size': 10.5 }, entry.text));
  }
  group.appendChild(element('text', { x: 20, y: y + 16, 'font-size': 8.5, fill: '#5b6773' }, legend.attribution));
  return { group, height };
}

/**
 * The map as one standalone SVG document: the drawing as shown (zoom, layers, filter), each
 * element with its computed style as attributes (the file has no stylesheet), the dense layer's image
 * embedded, and a legend with the title, the filter, the date and the sources.
 */
export async function mapSvgDocument(svg: SVGSVGElement, legend: MapLegend): Promise<string> {
  const copy = svg.cloneNode(true);
  if (!(copy instanceof SVGSVGElement)) throw new Error('The map could not be copied.');
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const target = copies[index];
    if (!target) return;
    const computed = getComputedStyle(original);
    // A clip path is never displayed itself (display: none) but is used: it stays.
    if (computed.display === 'none' && original.closest('defs') === null) {
      target.remove();
      return;
    }
    // Presentation attributes, not a style attribute: the Content-Security-Policy forbids inline styles.
    for (const name of STYLE_PROPERTIES) {
      const value = computed.getPropertyValue(name);
      if (value !== '') target.setAttribute(name, value);
    }
    for (const name of target.getAttributeNames())
      if (name.startsWith('data-') || name === 'class' || name === 'role' || name === 'aria-label')
        target.removeAttribute(name);
  });
  for (const image of copy.querySelectorAll('image')) {
    const href = image.getAttribute('href');
    const embedded = href === null ? null : await dataUrlOf(href);
    if (embedded === null) image.remove();
    else image.setAttribute('href', embedded);
  }
  // The legend goes under the drawing, on a white band that also hides whatever of the drawing
  // runs past the map's frame (a clipped group would do it, but core's rasteriser then drops the
  // hatch of the undivided kraje, itself clipped).
  const { group, height } = legendGroup(legend);
  const total = MAP_HEIGHT + height + 20;
  copy.append(
    element('rect', { x: 0, y: MAP_HEIGHT, width: MAP_WIDTH, height: total - MAP_HEIGHT, fill: '#ffffff' }),
    group,
  );
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(MAP_WIDTH));
  copy.setAttribute('height', String(total));
  copy.setAttribute('viewBox', `0 0 ${String(MAP_WIDTH)} ${String(total)}`);
  copy.removeAttribute('preserveAspectRatio');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
