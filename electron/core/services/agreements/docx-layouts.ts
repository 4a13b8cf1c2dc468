import { PageBreak, Paragraph, Table, TableRow } from 'docx';
import type { AgreementModel } from '../../../../shared/domain/agreements/model';
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
 * The parallel table: one row per section, the same section in both languages side by side, and
 * the signatures as its last row. No row splits (a heading never stands alone at the foot of a
 * page). The last article's and the § 41 clause's rows have every paragraph kept with the next
 * (Word keeps a row whose paragraphs are all "keep with next" with the following row, and
 * LibreOffice does the same), so they move to the signature page together.
 * `alternate` is this layout too: the model has already put the partner's language first.
 */
function bodyParallel(model: AgreementModel): Table {
  const [first, second] = model.languages;
  const sections = model.titlePage ? model.sections.filter((s) => s.kind !== 'title') : model.sections;
  const rows = sections.map((section, index) => {
    const toSignatures = index >= sections.length - KEPT_WITH_SIGNATURES;
    return new TableRow({
      cantSplit: true,
      children: [
        columnCell(
          section.texts[0].map((p) => paragraph(p, first, true, toSignatures)),
          'left',
        ),
        columnCell(
          section.texts[1].map((p) => paragraph(p, second, true, toSignatures)),
          'right',
        ),
      ],
    });
  });
  return twoColumnTable([...rows, signatureRow(model)]);
}

/**
 * One language's whole text, then the other's from a new page; the signatures follow both. The
 * second language's last article and § 41 clause are kept with the signatures, paragraph by
 * paragraph, as in the parallel table.
 */
function bodySequential(model: AgreementModel): Paragraph[] {
  const out: Paragraph[] = [];
  const count = model.sections.length;
  model.languages.forEach((language, index) => {
    // Each language's text starts with its own title, even after a title page.
    model.sections.forEach((section, sectionIndex) => {
      const toSignatures = index === 1 && sectionIndex >= count - KEPT_WITH_SIGNATURES;
      const paras = index === 0 ? section.texts[0] : section.texts[1];
      paras.forEach((para, paraIndex) => {
        if (index === 1 && sectionIndex === 0 && paraIndex === 0)
          out.push(new Paragraph({ children: [new PageBreak()] }));
        out.push(paragraph(para, language, false, toSignatures));
      });
      out.push(new Paragraph({ spacing: { after: 80 }, keepNext: toSignatures, children: [] }));
    });
  });
  out.push(new Paragraph({ spacing: { after: 240 }, keepNext: true, children: [] }));
  return out;
}

/** The agreement's text and signatures in the model's layout. */
export const agreementBody = (model: AgreementModel): (Paragraph | Table)[] =>
  model.layout === 'sequential' ? [...bodySequential(model), signatureTable(model)] : [bodyParallel(model)];
