import { AlignmentType, BorderStyle, Paragraph, Table, TableRow } from 'docx';
import type { AgreementModel, Section } from '../../../../shared/domain/agreements/model';
import { articleLevelText, planSection } from './docx-numbering';
import { paragraph } from './docx-paragraphs';
import { signatureRow, signatureTable } from './docx-signatures';
import { columnCell, twoColumnTable } from './docx-style';

/**
 * How many sections at the end go onto the signature page with the signatures: the last article
 * and the § 41 clause after it (review C5: a signature page without text could be attached to
 * another text). Sections without a number are the § 41 clause; the last numbered one (or, in the
 * unnumbered charter, the one before the clause) is the last article.
 */
const KEPT_WITH_SIGNATURES = 2;

/**
 * A column's paragraphs of a section as Word paragraphs, with Word numbering where the column's
 * article labels can be Word numbering (docx-numbering). `instance` numbers the restarts of
 * numbered paragraphs outside labelled articles: one per section and column.
 */
function columnParagraphs(
  model: AgreementModel,
  section: Section,
  column: 0 | 1,
  options: { narrow: boolean; toSignatures: boolean; instance: number; wordArticles: boolean },
): Paragraph[] {
  return planSection(model, section, column, options.instance, options.wordArticles).map(
    ({ para, numbering, outline }) =>
      paragraph(para, model.languages[column], options.narrow, options.toSignatures, { numbering, outline }),
  );
}

/** Whether each column's article labels are Word numbering (else typed, see docx-numbering). */
const wordArticlesOf = (model: AgreementModel): [boolean, boolean] => [
  articleLevelText(model, 0) !== null,
  articleLevelText(model, 1) !== null,
];

/**
 * The parallel table: one row per section, the same section in both languages side by side, and
 * the signatures as its last row. No row splits (a heading never stands alone at the foot of a
 * page). The last article's and the § 41 clause's rows have every paragraph kept with the next
 * (Word keeps a row whose paragraphs are all "keep with next" with the following row, and
 * LibreOffice does the same), so they move to the signature page together.
 * `alternate` is this layout too: the model has already put the partner's language first.
 */
function bodyParallel(model: AgreementModel, seal: string): Table {
  const sections = model.titlePage ? model.sections.filter((s) => s.kind !== 'title') : model.sections;
  const wordArticles = wordArticlesOf(model);
  const rows = sections.map((section, index) => {
    const toSignatures = index >= sections.length - KEPT_WITH_SIGNATURES;
    const column = (c: 0 | 1) =>
      columnParagraphs(model, section, c, {
        narrow: true,
        toSignatures,
        instance: 2 * index + c + 1,
        wordArticles: wordArticles[c],
      });
    return new TableRow({ cantSplit: true, children: [columnCell(column(0), 'left'), columnCell(column(1), 'right')] });
  });
  return twoColumnTable([...rows, signatureRow(model, seal)]);
}

/**
 * One language's whole text, then the other's, then the signatures.
 *
 * The second text does not start on a page of its own: a page break there left the first text's
 * last page almost empty whenever it ended near the top of a page (layout review). It follows
 * after a short rule; its title and the parties' block are kept together and with the next
 * paragraph (as every heading in this layout), so a title never stands alone at the foot of a page. The
 * second language's last article and § 41 clause are kept with the signatures, paragraph by
 * paragraph, as in the parallel table.
 */
function bodySequential(model: AgreementModel): Paragraph[] {
  const out: Paragraph[] = [];
  const count = model.sections.length;
  const wordArticles = wordArticlesOf(model);
  ([0, 1] as const).forEach((column) => {
    if (column === 1)
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 240, after: 360 },
          keepNext: true,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } },
          indent: { left: 3000, right: 3000 },
          children: [],
        }),
      );
    // Each language's text starts with its own title, even after a title page.
    model.sections.forEach((section, sectionIndex) => {
      const toSignatures = column === 1 && sectionIndex >= count - KEPT_WITH_SIGNATURES;
      // The second text's title and parties stay together: never a title alone at the foot of a page.
      const opening = column === 1 && (section.kind === 'title' || section.kind === 'parties');
      const paras = columnParagraphs(model, section, column, {
        narrow: false,
        toSignatures: toSignatures || opening,
        instance: 2 * sectionIndex + column + 1,
        wordArticles: wordArticles[column],
      });
      out.push(...paras);
      out.push(new Paragraph({ spacing: { after: 80 }, keepNext: toSignatures || opening, children: [] }));
    });
  });
  out.push(new Paragraph({ spacing: { after: 240 }, keepNext: true, children: [] }));
  return out;
}

/** The agreement's text and signatures in the model's layout. */
export const agreementBody = (model: AgreementModel, seal = ''): (Paragraph | Table)[] =>
  model.layout === 'sequential' ? [...bodySequential(model), signatureTable(model, seal)] : [bodyParallel(model, seal)];
