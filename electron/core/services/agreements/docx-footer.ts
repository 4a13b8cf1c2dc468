import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { AgreementModel } from '../../../../shared/domain/agreements/model';

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

/**
 * "Page n of total" in both languages, centred at the foot of every page; once where the two say
 * the same (Czech and Slovak both "Strana 1 z 4": "Strana 1 z 4 / Strana 1 z 4").
 */
export const pageFooter = (model: AgreementModel): Footer =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children:
          model.pageLabels[0] === model.pageLabels[1]
            ? [pageRuns(model.pageLabels[0])]
            : [pageRuns(model.pageLabels[0]), new TextRun({ text: ' / ', size: 18 }), pageRuns(model.pageLabels[1])],
      }),
    ],
  });

/** The title page's footer: nothing. */
export const emptyFooter = (): Footer => new Footer({ children: [new Paragraph({})] });
