import {
  AlignmentType,
  HighlightColor,
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
import type { Run } from '../../../../shared/domain/agreements/model';

/**
 * The agreement's page, type and two-column geometry, and the run and cell builders every
 * section of the document shares.
 *
 * A serif font every Windows/Office installation has, with full Latin Extended-A (Czech, Polish,
 * Hungarian ő ű) and Cyrillic; LibreOffice substitutes the metric-compatible Liberation Serif.
 */
export const FONT = 'Times New Roman';
export const SIZE = 22; // half-points: 11 pt
export const A4 = { width: 11906, height: 16838 }; // twips
export const MARGIN = { top: 1134, bottom: 1134, left: 1247, right: 1247, footer: 567 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const HALF = Math.floor(CONTENT_WIDTH / 2);
const GUTTER = 200; // inner cell margin on each side: the white space between the two columns

/** The language tag Word spell-checks and hyphenates each language's runs with. */
export const LOCALES: Record<AgreementLanguage, string> = {
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

/** Model runs as Word runs: strong or missing text bold, missing text highlighted in yellow. */
export const textRuns = (
  runs: readonly Run[],
  language: AgreementLanguage,
  extra: { bold?: boolean; size?: number } = {},
) =>
  runs.map(
    (run) =>
      new TextRun({
        text: run.text,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- a false positive: docx's run option, not String.prototype.bold
        bold: run.strong === true || run.missing === true || extra.bold === true ? true : undefined,
        size: extra.size,
        highlight: run.missing === true || run.guessed === true ? HighlightColor.YELLOW : undefined,
        language: { value: LOCALES[language] },
      }),
  );

/** One column of a two-column table: half the text width, the gutter on the inner side only. */
export const columnCell = (children: Paragraph[], side: 'left' | 'right') =>
  new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    width: { size: HALF, type: WidthType.DXA },
    margins: {
      top: 0,
      bottom: 80,
      left: side === 'left' ? 0 : GUTTER,
      right: side === 'left' ? GUTTER : 0,
    },
    verticalAlign: VerticalAlignTable.TOP,
  });

/** A borderless table of two equal columns over the whole text width (fixed, so Word never reflows it). */
export const twoColumnTable = (rows: TableRow[]): Table =>
  new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [HALF, HALF],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows,
  });

/**
 * Paragraph style ids: Word's own Title and Heading 1/2 (Word shows them as "Název", "Nadpis 1",
 * "Nadpis 2" in Czech; their outline levels fill the navigation pane and a table of contents),
 * and the agreement's own named styles for the body, so that a paragraph staff add in Word takes
 * the document's look from the style list instead of copied direct formatting.
 */
export const STYLE = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  subtitle: 'AgreementSubtitle',
  text: 'AgreementText',
  numbered: 'AgreementNumbered',
  bullet: 'AgreementBullet',
  partyName: 'AgreementPartyName',
  partyLine: 'AgreementPartyLine',
  and: 'AgreementAnd',
  signature: 'AgreementSignature',
  mark: 'AgreementMark',
} as const;

const heading = (outlineLevel: number) => ({
  basedOn: 'Normal',
  next: STYLE.text,
  quickFormat: true,
  run: { font: FONT, size: SIZE, bold: true, color: '000000' },
  paragraph: {
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 60 },
    keepLines: true,
    outlineLevel,
  },
});

/** The built-in styles the agreement redefines (docx writes them with these properties). */
export const defaultStyles = {
  title: {
    basedOn: 'Normal',
    next: STYLE.subtitle,
    quickFormat: true,
    run: { font: FONT, size: 32, bold: true, color: '000000' },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
  },
  heading1: heading(0),
  heading2: heading(1),
};

const own = (id: string, name: string, paragraph: object, run: object = {}) => ({
  id,
  name,
  basedOn: 'Normal',
  next: id,
  quickFormat: true,
  run,
  paragraph,
});

/** The agreement's own paragraph styles, Czech-named for the Czech office that edits the draft. */
export const paragraphStyles = [
  own(STYLE.subtitle, 'Smlouva – podtitul', { alignment: AlignmentType.CENTER, spacing: { after: 240 } }, { size: 24 }),
  own(STYLE.text, 'Smlouva – text', { alignment: AlignmentType.JUSTIFIED, spacing: { after: 100 } }),
  own(STYLE.numbered, 'Smlouva – číslovaný odstavec', { alignment: AlignmentType.JUSTIFIED, spacing: { after: 100 } }),
  own(STYLE.bullet, 'Smlouva – odrážka', { alignment: AlignmentType.JUSTIFIED, spacing: { after: 40 } }),
  own(STYLE.partyName, 'Smlouva – smluvní strana', { spacing: { before: 120 }, keepLines: true }, { bold: true }),
  own(STYLE.partyLine, 'Smlouva – údaje strany', { keepLines: true }),
  own(STYLE.and, 'Smlouva – spojka stran', { alignment: AlignmentType.CENTER, spacing: { before: 120 } }),
  own(STYLE.signature, 'Smlouva – podpisy', { spacing: { after: 60 } }),
  own(
    STYLE.mark,
    'Smlouva – značka návrhu',
    { alignment: AlignmentType.RIGHT },
    { bold: true, color: 'C00000', size: 20 },
  ),
];
