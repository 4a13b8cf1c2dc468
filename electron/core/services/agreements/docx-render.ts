import { Document, Packer } from 'docx';
import type { AgreementModel } from '../../../../shared/domain/agreements/model';
import { emptyFooter, pageFooter } from './docx-footer';
import { agreementBody } from './docx-layouts';
import { numberingConfig } from './docx-numbering';
import { A4, FONT, LOCALES, MARGIN, SIZE, defaultStyles, paragraphStyles } from './docx-style';
import { titlePage } from './docx-title-page';

/**
 * Renders the document model as a DOCX file (A4, page numbers in both languages). The sections
 * are built beside this file: `docx-title-page` (optional), `docx-layouts` (the text in parallel
 * columns or one language after the other, with `docx-paragraphs` for each paragraph's role and
 * `docx-signatures` at the end), `docx-footer`; `docx-style` holds the page, type, geometry and
 * the paragraph styles, `docx-numbering` the Word numbering of articles, paragraphs and lists.
 */
export async function renderAgreementDocx(model: AgreementModel): Promise<Buffer> {
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
        children: [...(model.titlePage ? titlePage(model) : []), ...agreementBody(model)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
