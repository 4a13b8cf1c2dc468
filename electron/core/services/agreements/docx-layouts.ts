import { PageBreak, Paragraph, Table, TableRow } from 'docx';
import type { AgreementModel } from '../../../../shared/domain/agreements/model';
import { paragraph } from './docx-paragraphs';
import { signatureRow, signatureTable } from './docx-signatures';
import { columnCell, twoColumnTable } from './docx-style';

/**
 * The parallel table: one row per section, the same section in both languages side by side, and
 * the signatures as its last row. No row splits (a heading never stands alone at the foot of a
 * page) and the last article's row is kept with the signatures, so they never stand alone.
 * `alternate` is this layout too: the model has already put the partner's language first.
 */
function bodyParallel(model: AgreementModel): Table {
  const [first, second] = model.languages;
  const sections = model.titlePage ? model.sections.filter((s) => s.kind !== 'title') : model.sections;
  const rows = sections.map(
    (section, index) =>
      new TableRow({
        keepNext: index === sections.length - 1,
        cantSplit: true,
        children: [
          columnCell(
            section.texts[0].map((p) => paragraph(p, first, true)),
            'left',
          ),
          columnCell(
            section.texts[1].map((p) => paragraph(p, second, true)),
            'right',
          ),
        ],
      }),
  );
  return twoColumnTable([...rows, signatureRow(model)]);
}

/** One language's whole text, then the other's from a new page; the signatures follow both. */
function bodySequential(model: AgreementModel): Paragraph[] {
  const out: Paragraph[] = [];
  model.languages.forEach((language, index) => {
    // Each language's text starts with its own title, even after a title page.
    model.sections.forEach((section, sectionIndex) => {
      const paras = index === 0 ? section.texts[0] : section.texts[1];
      paras.forEach((para, paraIndex) => {
        if (index === 1 && sectionIndex === 0 && paraIndex === 0)
          out.push(new Paragraph({ children: [new PageBreak()] }));
        out.push(paragraph(para, language, false));
      });
      out.push(new Paragraph({ spacing: { after: 80 }, children: [] }));
    });
  });
  out.push(new Paragraph({ spacing: { after: 240 }, keepNext: true, children: [] }));
  return out;
}

/** The agreement's text and signatures in the model's layout. */
export const agreementBody = (model: AgreementModel): (Paragraph | Table)[] =>
  model.layout === 'sequential' ? [...bodySequential(model), signatureTable(model)] : [bodyParallel(model)];
