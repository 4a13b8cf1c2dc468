import { AlignmentType, Paragraph } from 'docx';
import type { AgreementLanguage } from '../../../../shared/domain/codes';
import type { Para } from '../../../../shared/domain/agreements/model';
import { textRuns } from './docx-style';

/**
 * One model paragraph as a Word paragraph, styled by its role; `narrow` is a column of the
 * parallel table. Inside the table no paragraph is "kept with next": rows themselves do not split
 * (each article is far shorter than a page), and LibreOffice chains kept paragraphs across rows,
 * which pushed whole articles to the next page and left pages nearly empty.
 */
export function paragraph(para: Para, language: AgreementLanguage, narrow: boolean): Paragraph {
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
