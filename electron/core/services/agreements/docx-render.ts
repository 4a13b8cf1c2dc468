import {
  AlignmentType,
  Document,
  Footer,
  HighlightColor,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { AgreementLanguage } from '../../../../shared/domain/codes';
import type { AgreementModel, Para, Run, SignatureSide } from '../../../../shared/domain/agreements/model';

/**
 * A serif font every Windows/Office installation has, with full Latin Extended-A (Czech, Polish,
 * Hungarian ő ű) and Cyrillic; LibreOffice substitutes the metric-compatible Liberation Serif.
 */
const FONT = 'Times New Roman';
const SIZE = 22; // half-points: 11 pt
const A4 = { width: 11906, height: 16838 }; // twips
const MARGIN = { top: 1134, bottom: 1134, left: 1247, right: 1247, footer: 567 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const HALF = Math.floor(CONTENT_WIDTH / 2);
const GUTTER = 200; // inner cell margin on each side: the white space between the two columns

const LOCALES: Record<AgreementLanguage, string> = {
  cs: 'cs-CZ',
  de: 'de-DE',
  pl: 'pl-PL',
  sk: 'sk-SK',
  en: 'en-GB',
  fr: 'fr-FR',
  it: 'it-IT',
  hu: 'hu-HU',
  uk: 'uk-UA',
};

const textRuns = (runs: readonly Run[], language: AgreementLanguage, extra: { bold?: boolean; size?: number } = {}) =>
  runs.map(
    (run) =>
      new TextRun({
        text: run.text,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- a false positive: docx's run option, not String.prototype.bold
        bold: run.strong === true || run.missing === true || extra.bold === true ? true : undefined,
        size: extra.size,
        highlight: run.missing === true ? HighlightColor.YELLOW : undefined,
        language: { value: LOCALES[language] },
      }),
  );

/**
 * One model paragraph as a Word paragraph; `narrow` is a column of the parallel table. Inside the
 * table no paragraph is "kept with next": rows themselves do not split (each article is far
 * shorter than a page), and LibreOffice chains kept paragraphs across rows, which pushed whole
 * articles to the next page and left pages nearly empty.
 */
function paragraph(para: Para, language: AgreementLanguage, narrow: boolean): Paragraph {
  const keep = !narrow;
  const justified = narrow ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  switch (para.role) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        keepNext: keep,
        children: textRuns(para.runs, language, { bold: true, size: narrow ? 28 : 32 }),
      });
    case 'subtitle':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        keepNext: keep,
        children: textRuns(para.runs, language, { size: 24 }),
      });
    case 'heading':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 60, after: 60 },
        keepNext: keep,
        keepLines: true,
        children: textRuns(para.runs, language, { bold: true }),
      });
    case 'numbered':
      return new Paragraph({
        alignment: justified,
        spacing: { after: 100 },
        indent: { left: 340, hanging: 340 },
        children: textRuns(para.runs, language),
      });
    case 'bullet':
      return new Paragraph({
        alignment: justified,
        spacing: { after: 40 },
        indent: { left: 567, hanging: 227 },
        children: textRuns(para.runs, language),
      });
    case 'partyName':
      return new Paragraph({
        spacing: { before: 120 },
        keepNext: keep,
        keepLines: true,
        children: textRuns(para.runs, language),
      });
    case 'partyLine':
      return new Paragraph({ keepNext: keep, keepLines: true, children: textRuns(para.runs, language) });
    case 'and':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120 },
        keepNext: keep,
        children: textRuns(para.runs, language),
      });
    case 'text':
      return new Paragraph({ alignment: justified, spacing: { after: 100 }, children: textRuns(para.runs, language) });
  }
}

const noBorders = TableBorders.NONE;

const cell = (children: Paragraph[], width: number, side: 'left' | 'right') =>
  new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    margins: {
      top: 0,
      bottom: 80,
      left: side === 'left' ? 0 : GUTTER,
      right: side === 'left' ? GUTTER : 0,
    },
    verticalAlign: VerticalAlignTable.TOP,
  });

/** Footer runs of a page pattern: `{n}` and `{total}` become Word's page fields. */
function pageRuns(pattern: string): TextRun {
  // PageNumber.CURRENT / TOTAL_PAGES are string constants that docx turns into page fields.
  const children: string[] = [];
  for (const part of pattern.split(/(\{n\}|\{total\})/)) {
    if (part === '{n}') children.push(PageNumber.CURRENT);
    else if (part === '{total}') children.push(PageNumber.TOTAL_PAGES);
    else if (part !== '') children.push(part);
  }
  return new TextRun({ children, size: 18 });
}

const joinLabels = ([a, b]: readonly [string, string]): string => (a === b ? a : `${a} / ${b}`);

function signatureCell(sig: SignatureSide, model: AgreementModel, side: 'left' | 'right'): TableCell {
  const [first, second] = model.languages;
  const dateText =
    sig.dates[0].text === ''
      ? '……………………'
      : sig.dates[0].text === sig.dates[1].text
        ? sig.dates[0].text
        : `${sig.dates[0].text} / ${sig.dates[1].text}`;
  const line = (label: string, value: Run, language: AgreementLanguage) =>
    new Paragraph({
      keepNext: true,
      keepLines: true,
      spacing: { after: 60 },
      children: [
        new TextRun({ text: `${label}: ` }),
        ...textRuns([value.text === '' ? { text: '……………………' } : value], language),
      ],
    });
  const functions = joinLabels(sig.functions);
  return cell(
    [
      new Paragraph({
        keepNext: true,
        spacing: { before: 240 },
        children: textRuns([{ text: sig.forParty[0] }], first, { bold: true }),
      }),
      new Paragraph({
        keepNext: true,
        spacing: { after: 160 },
        children: textRuns([{ text: sig.forParty[1] }], second, { bold: true }),
      }),
      line(joinLabels(sig.placeLabel), sig.place, first),
      line(joinLabels(sig.dateLabel), { text: dateText }, first),
      new Paragraph({
        keepNext: true,
        spacing: { before: 700 },
        children: [new TextRun({ text: '……………………………………………' })],
      }),
      new Paragraph({
        keepNext: true,
        spacing: { after: 120 },
        children: textRuns([{ text: joinLabels(sig.signatureLine) }], first, { size: 16 }),
      }),
      new Paragraph({ keepNext: true, children: textRuns([sig.name], first, { bold: true }) }),
      new Paragraph({ children: textRuns([{ text: functions }], first) }),
    ],
    HALF,
    side,
  );
}

/** Both signatures in one row that Word and LibreOffice never split across pages. */
const signatureRow = (model: AgreementModel): TableRow =>
  new TableRow({
    cantSplit: true,
    children: [signatureCell(model.signatures[0], model, 'left'), signatureCell(model.signatures[1], model, 'right')],
  });

const signatureTable = (model: AgreementModel): Table =>
  new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [HALF, HALF],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [signatureRow(model)],
  });

function titlePage(model: AgreementModel): Paragraph[] {
  const title = model.sections.find((s) => s.kind === 'title');
  if (!title) return [];
  const out: Paragraph[] = [new Paragraph({ spacing: { before: 3600 }, children: [] })];
  title.texts.forEach((paras, index) => {
    const language = model.languages[index] ?? 'cs';
    for (const para of paras) {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: para.role === 'title' ? 200 : 720 },
          children: textRuns(para.runs, language, para.role === 'title' ? { bold: true, size: 40 } : { size: 26 }),
        }),
      );
    }
  });
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

/**
 * The parallel table: one row per section, the same section in both languages side by side, and
 * the signatures as its last row. No row splits (a heading never stands alone at the foot of a
 * page) and the last article's row is kept with the signatures, so they never stand alone.
 */
function bodyParallel(model: AgreementModel): Table {
  const [first, second] = model.languages;
  const sections = model.titlePage ? model.sections.filter((s) => s.kind !== 'title') : model.sections;
  const rows = sections.map((section, index) => {
    const last = index === sections.length - 1;
    return new TableRow({
      keepNext: last,
      cantSplit: true,
      children: [
        cell(
          section.texts[0].map((p) => paragraph(p, first, true)),
          HALF,
          'left',
        ),
        cell(
          section.texts[1].map((p) => paragraph(p, second, true)),
          HALF,
          'right',
        ),
      ],
    });
  });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [HALF, HALF],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [...rows, signatureRow(model)],
  });
}

function bodySequential(model: AgreementModel): Paragraph[] {
  const out: Paragraph[] = [];
  model.languages.forEach((language, index) => {
    // Each language's text starts with its own title, even after a title page.
    const sections = model.sections;
    sections.forEach((section, sectionIndex) => {
      const paras = index === 0 ? section.texts[0] : section.texts[1];
      paras.forEach((para, paraIndex) => {
        const p = paragraph(para, language, false);
        // The partner's text starts on a new page.
        if (index === 1 && sectionIndex === 0 && paraIndex === 0)
          out.push(new Paragraph({ children: [new PageBreak()] }));
        out.push(p);
      });
      out.push(new Paragraph({ spacing: { after: 80 }, children: [] }));
    });
  });
  out.push(new Paragraph({ spacing: { after: 240 }, keepNext: true, children: [] }));
  return out;
}

/** Renders the document model as a DOCX file (A4, page numbers in both languages). */
export async function renderAgreementDocx(model: AgreementModel): Promise<Buffer> {
  const body =
    model.layout === 'sequential' ? [...bodySequential(model), signatureTable(model)] : [bodyParallel(model)];
  const document = new Document({
    creator: 'Twinning Registry',
    title: model.titles.join(' / '),
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE, language: { value: LOCALES[model.languages[0]] } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: MARGIN,
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  pageRuns(model.pageLabels[0]),
                  new TextRun({ text: ' / ', size: 18 }),
                  pageRuns(model.pageLabels[1]),
                ],
              }),
            ],
          }),
        },
        children: [...(model.titlePage ? titlePage(model) : []), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
