/**
 * Word numbering read back as text, the way Word and LibreOffice draw it: every paragraph with a
 * `w:numPr` gets its label ("Článek 3", "2.", "–") written in front of its text, counted per list
 * (`w:num`) and level from `word/numbering.xml` (start values, start overrides, deeper levels
 * restarting after a higher one). Tests can then read a document's text as a reader sees it.
 */

type Level = { start: number; format: string; text: string; suffix: string };

const attr = (xml: string, tag: string, name = 'w:val'): string | undefined =>
  new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];

function parseNumbering(numberingXml: string) {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of numberingXml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, Level>();
    for (const l of (m[2] ?? '').matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2] ?? '';
      levels.set(Number(l[1]), {
        start: Number(attr(body, 'w:start') ?? '1'),
        format: attr(body, 'w:numFmt') ?? 'decimal',
        text: attr(body, 'w:lvlText') ?? '',
        suffix: attr(body, 'w:suff') ?? 'tab',
      });
    }
    abstracts.set(m[1] ?? '', levels);
  }
  const nums = new Map<string, { abstract: string; overrides: Map<number, number> }>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const body = m[2] ?? '';
    const overrides = new Map<number, number>();
    for (const o of body.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2] ?? '', 'w:startOverride');
      if (start !== undefined) overrides.set(Number(o[1]), Number(start));
    }
    nums.set(m[1] ?? '', { abstract: attr(body, 'w:abstractNumId') ?? '', overrides });
  }
  return { abstracts, nums };
}

const decodeXml = (s: string): string =>
  s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_w, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '',
  );
const encodeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** document.xml with each numbered paragraph's label inserted as a first run. */
export function resolveNumbering(documentXml: string, numberingXml: string | undefined): string {
  if (numberingXml === undefined) return documentXml;
  const { abstracts, nums } = parseNumbering(numberingXml);
  const counters = new Map<string, number[]>();
  return documentXml.replace(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g, (paragraph) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(paragraph)?.[1];
    if (numPr === undefined) return paragraph;
    const numId = attr(numPr, 'w:numId') ?? '';
    const ilvl = Number(attr(numPr, 'w:ilvl') ?? '0');
    const num = nums.get(numId);
    const levels = num === undefined ? undefined : abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (num === undefined || levels === undefined || level === undefined) return paragraph;
    const startOf = (l: number) => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    const count = counters.get(numId) ?? [];
    count[ilvl] = count[ilvl] === undefined ? startOf(ilvl) : count[ilvl] + 1;
    // A higher level restarts the deeper ones.
    count.length = ilvl + 1;
    counters.set(numId, count);
    const label =
      level.format === 'bullet'
        ? decodeXml(level.text)
        : decodeXml(level.text).replace(/%(\d)/g, (_m, k: string) =>
            String(count[Number(k) - 1] ?? startOf(Number(k) - 1)),
          );
    const suffix = level.suffix === 'nothing' ? '' : ' ';
    const run = `<w:r><w:t xml:space="preserve">${encodeXml(label + suffix)}</w:t></w:r>`;
    const afterProps = paragraph.indexOf('</w:pPr>');
    return afterProps < 0
      ? paragraph.replace(/^(<w:p(?:\s[^>]*)?>)/, (open) => open + run)
      : paragraph.slice(0, afterProps + '</w:pPr>'.length) + run + paragraph.slice(afterProps + '</w:pPr>'.length);
  });
}
