import { Paragraph, TableRow, type Table } from 'docx';
import type { AgreementModel, Section } from '../../../../shared/domain/agreements/model';
import { planSection } from './docx-numbering';
import { paragraph } from './docx-paragraphs';
import { columnCell, twoColumnTable } from './docx-style';

/**
 * One column of an annex section as Word paragraphs (lists as Word bullets, as in the articles).
 * In the sequential layout each section is kept on one page (every paragraph but its last kept
 * with the next), so a list never leaves its last line alone on the next page.
 */
const columnOf = (model: AgreementModel, section: Section, column: 0 | 1, narrow: boolean): Paragraph[] => {
  const planned = planSection(model, section, column, 0, false);
  return planned.map(({ para, numbering, outline }, index) =>
    paragraph(para, model.languages[column], narrow, !narrow && index < planned.length - 1, { numbering, outline }),
  );
};

/**
 * Annex 1 (the cooperation plan) after the signatures, on a page of its own: in the parallel and
 * alternate layouts a two-column table like the agreement's, in the sequential layout one language
 * after the other. Nothing when the model has no annex.
 */
export function annexBody(model: AgreementModel): (Paragraph | Table)[] {
  const sections = model.annex ?? [];
  if (sections.length === 0) return [];
  if (model.layout === 'sequential') {
    // Each language's annex on a page of its own.
    return ([0, 1] as const).flatMap((column) => [
      new Paragraph({ pageBreakBefore: true, children: [] }),
      ...sections.flatMap((section) => [
        ...columnOf(model, section, column, false),
        new Paragraph({ spacing: { after: 80 }, children: [] }),
      ]),
    ]);
  }
  const rows = sections.map(
    (section) =>
      new TableRow({
        cantSplit: true,
        children: [
          columnCell(columnOf(model, section, 0, true), 'left'),
          columnCell(columnOf(model, section, 1, true), 'right'),
        ],
      }),
  );
  return [new Paragraph({ pageBreakBefore: true, children: [] }), twoColumnTable(rows)];
}
