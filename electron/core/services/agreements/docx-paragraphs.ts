import { AlignmentType, Paragraph, type IParagraphOptions } from 'docx';
import type { AgreementLanguage } from '../../../../shared/domain/codes';
import type { Para } from '../../../../shared/domain/agreements/model';
import { BULLET_INDENT, BULLET_REFERENCE, NUMBERED_INDENT, type ParaNumbering } from './docx-numbering';
import { STYLE, textRuns } from './docx-style';

/** Where a paragraph stands in the document's outline: a heading's level (1 article label, 2 its title). */
export type ParaPlace = { numbering: ParaNumbering; outline: 1 | 2 | null };

const NO_PLACE: ParaPlace = { numbering: null, outline: null };

/**
 * One model paragraph as a Word paragraph, styled by its role; `narrow` is a column of the
 * parallel table. Inside the table no paragraph is "kept with next": rows themselves do not split
 * (each article is far shorter than a page), and LibreOffice chains kept paragraphs across rows,
 * which pushed whole articles to the next page and left pages nearly empty. The exception is
 * `toSignatures`: the last article and the § 41 clause, whose every paragraph is kept whole and
 * with the next, so Word and LibreOffice move them to the signature page together (review C5).
 *
 * Every paragraph names its style (docx-style `STYLE`); the direct formatting repeats the style's
 * look so that the document reads the same in a program that ignores styles. `place` carries the
 * Word numbering (docx-numbering) and the heading level.
 */
export function paragraph(
  para: Para,
  language: AgreementLanguage,
  narrow: boolean,
  toSignatures = false,
  place: ParaPlace = NO_PLACE,
): Paragraph {
  const built = { ...styled(para, language, narrow, place), ...numberingOf(place.numbering) };
  return toSignatures ? new Paragraph({ ...built, keepNext: true, keepLines: true }) : new Paragraph(built);
}

function numberingOf(numbering: ParaNumbering): Partial<IParagraphOptions> {
  if (numbering === null) return {};
  switch (numbering.kind) {
    case 'label':
      return { numbering: { reference: numbering.reference, level: 0, instance: 0 } };
    case 'paragraph':
      return {
        numbering: { reference: numbering.reference, level: numbering.level, instance: numbering.instance },
      };
    case 'bullet':
      return { numbering: { reference: BULLET_REFERENCE, level: 0 } };
  }
}

/** The options of a paragraph in its role (before any keep-with-the-signatures). */
function styled(para: Para, language: AgreementLanguage, narrow: boolean, place: ParaPlace): IParagraphOptions {
  const keep = !narrow;
  const justified = narrow ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  switch (para.role) {
    case 'title':
      return {
        style: STYLE.title,
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        keepNext: keep,
        children: textRuns(para.runs, language, { bold: true, size: narrow ? 28 : 32 }),
      };
    case 'subtitle':
      return {
        style: STYLE.subtitle,
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        keepNext: keep,
        children: textRuns(para.runs, language, { size: 24 }),
      };
    case 'heading':
      return {
        style: place.outline === 2 ? STYLE.heading2 : STYLE.heading1,
        alignment: AlignmentType.CENTER,
        spacing: { before: 60, after: 60 },
        keepNext: keep,
        keepLines: true,
        children: textRuns(para.runs, language, { bold: true }),
      };
    case 'numbered':
      return {
        style: STYLE.numbered,
        alignment: justified,
        spacing: { after: 100 },
        // Word numbering draws the number and sets the indent; a typed number keeps its own.
        ...(place.numbering === null ? { indent: NUMBERED_INDENT } : {}),
        children: textRuns(para.runs, language),
      };
    case 'bullet':
      return {
        style: STYLE.bullet,
        alignment: justified,
        spacing: { after: 40 },
        ...(place.numbering === null ? { indent: BULLET_INDENT } : {}),
        children: textRuns(para.runs, language),
      };
    case 'partyName':
      return {
        style: STYLE.partyName,
        spacing: { before: 120 },
        keepNext: keep,
        keepLines: true,
        children: textRuns(para.runs, language),
      };
    case 'partyLine':
      return { style: STYLE.partyLine, keepNext: keep, keepLines: true, children: textRuns(para.runs, language) };
    case 'and':
      return {
        style: STYLE.and,
        alignment: AlignmentType.CENTER,
        spacing: { before: 120 },
        keepNext: keep,
        children: textRuns(para.runs, language),
      };
    case 'text':
      return {
        style: STYLE.text,
        alignment: justified,
        spacing: { after: 100 },
        children: textRuns(para.runs, language),
      };
  }
}
