import { AlignmentType, Document, Header, Packer, Paragraph, TextRun } from 'docx';
import type { AgreementModel } from '../../../../shared/domain/agreements/model';
import { emptyFooter, pageFooter } from './docx-footer';
import { agreementBody } from './docx-layouts';
import { annexBody } from './docx-annex';
import { NO_MARKS, type DocumentMarks } from './docx-marks';
import { numberingConfig } from './docx-numbering';
import { A4, FONT, LOCALES, MARGIN, SIZE, STYLE, defaultStyles, paragraphStyles } from './docx-style';
import { titlePage } from './docx-title-page';

/**
 * Renders the document model as a DOCX file (A4, page numbers in both languages). The sections
 * are built beside this file: `docx-title-page` (optional), `docx-layouts` (the text in parallel
 * columns or one language after the other, with `docx-paragraphs` for each paragraph's role and
 * `docx-signatures` at the end), `docx-footer`; `docx-marks` the draft's mark, the copy's
 * "Vyhotovení pro …" line and the seal's label; `docx-style` holds the page, type, geometry and
 * the paragraph styles, `docx-numbering` the Word numbering of articles, paragraphs and lists.
 */
/** The draft's mark at the head of every page (title page included), until the text is final. */
const draftHeader = (mark: string): Header =>
  new Header({
    children: [
      new Paragraph({
        style: STYLE.mark,
        alignment: AlignmentType.RIGHT,
        // Bold and red come from the style (the deprecation lint takes docx's `bold` for String.prototype.bold).
        children: [new TextRun({ text: mark, color: 'C00000', size: 20 })],
      }),
    ],
  });

/** "Vyhotovení pro město Tábor" / "Ausfertigung für die Stadt Tábor" at the top of one of the two originals. */
const copyForLines = (copyFor: [string, string]): Paragraph[] => [
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { after: 240 },
    children: [
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- a false positive: docx's run option, not String.prototype.italics
      new TextRun({ text: copyFor[0], italics: true }),
      ...(copyFor[1] === '' || copyFor[1] === copyFor[0]
        ? []
        : // eslint-disable-next-line @typescript-eslint/no-deprecated -- as above
          [new TextRun({ text: copyFor[1], italics: true, break: 1 })]),
    ],
  }),
];

export async function renderAgreementDocx(model: AgreementModel, marks: DocumentMarks = NO_MARKS): Promise<Buffer> {
  const header = marks.draft === null ? null : draftHeader(marks.draft);
  const document = new Document({
    creator: 'Twinning Registry',
    title: model.titles.join(' / '),
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE, language: { value: LOCALES[model.languages[0]] } } },
        ...defaultStyles,
      },
      paragraphStyles,
    },
    numbering: { config: numberingConfig(model) },
    sections: [
      {
        // A title page has no footer ("first page different"); the page count still includes it.
        properties: { page: { size: A4, margin: MARGIN }, titlePage: model.titlePage },
        footers: model.titlePage
          ? { default: pageFooter(model), first: emptyFooter() }
          : { default: pageFooter(model) },
        ...(header === null
          ? {}
          : { headers: model.titlePage ? { default: header, first: header } : { default: header } }),
        children: [
          ...(marks.copyFor === null ? [] : copyForLines(marks.copyFor)),
          ...(model.titlePage ? titlePage(model) : []),
          ...agreementBody(model, marks.seal),
          ...annexBody(model),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
