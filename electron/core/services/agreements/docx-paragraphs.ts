import { AlignmentType, Paragraph, type IParagraphOptions } from 'docx';
import type { AgreementLanguage } from '../../../../shared/domain/codes';
import type { Para } from '../../../../shared/domain/agreements/model';
import { textRuns } from './docx-style';

/**
 * One model paragraph as a Word paragraph, styled by its role; `narrow` is a column of the
 * parallel table. Inside the table no paragraph is "kept with next": rows themselves do not split
 * (each article is far shorter than a page), and LibreOffice chains kept paragraphs across rows,
 * which pushed whole articles to the next page and left pages nearly empty. The exception is
 * `toSignatures`: the last article and the § 41 clause, whose every paragraph is kept whole and
 * with the next, so Word and LibreOffice move them to the signature page together (review C5).
 */
export function paragraph(para: Para, language: AgreementLanguage, narrow: boolean, toSignatures = false): Paragraph {
  const built = styled(para, language, narrow);
  return toSignatures ? new Paragraph({ ...built, keepNext: true, keepLines: true }) : new Paragraph(built);
}

/** The options of a paragraph in its role (before any keep-with-the-signatures). */
function styled(para: Para, language: AgreementLanguage, narrow: boolean): IParagraphOptions {
  const keep = !narrow;
  const justified = narrow ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  switch (para.role) {
    case 'title':
      return {
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        keepNext: keep,
        children: textRuns(para.runs, language, { bold: true, size: narrow ? 28 : 32 }),
      };
    case 'subtitle':
      return {
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        keepNext: keep,
        children: textRuns(para.runs, language, { size: 24 }),
      };
    case 'heading':
      return {
        alignment: AlignmentType.CENTER,
        spacing: { before: 60, after: 60 },
        keepNext: keep,
        keepLines: true,
        children: textRuns(para.runs, language, { bold: true }),
      };
    case 'numbered':
      return {
        alignment: justified,
        spacing: { after: 100 },
        indent: { left: 340, hanging: 340 },
        children: textRuns(para.runs, language),
      };
    case 'bullet':
      return {
        alignment: justified,
        spacing: { after: 40 },
        indent: { left: 567, hanging: 227 },
        children: textRuns(para.runs, language),
      };
    case 'partyName':
      return {
        spacing: { before: 120 },
        keepNext: keep,
        keepLines: true,
        children: textRuns(para.runs, language),
      };
    case 'partyLine':
      return { keepNext: keep, keepLines: true, children: textRuns(para.runs, language) };
    case 'and':
      return {
        alignment: AlignmentType.CENTER,
        spacing: { before: 120 },
        keepNext: keep,
        children: textRuns(para.runs, language),
      };
    case 'text':
      return { alignment: justified, spacing: { after: 100 }, children: textRuns(para.runs, language) };
  }
}
