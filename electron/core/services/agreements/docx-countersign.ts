import { Paragraph, TextRun } from 'docx';
import type { AgreementLanguage } from '../../../../shared/domain/codes';
import type { SignatureSide } from '../../../../shared/domain/agreements/model';
import { STYLE, textRuns } from './docx-style';

const joinLabels = ([a, b]: readonly [string, string]): string => (a === b ? a : `${a} / ${b}`);

/**
 * The countersignature under a signatory's name and function (a Polish skarbnik's "Kontrasygnata
 * Skarbnika", a Hungarian "Jegyzői ellenjegyzés"): its caption in both languages, a line to sign
 * on, "podpis / podpis" and the countersignatory's name (or its marker). Nothing without one.
 */
export function countersignParagraphs(sig: SignatureSide, language: AgreementLanguage): Paragraph[] {
  const countersign = sig.countersign;
  if (countersign === undefined) return [];
  return [
    new Paragraph({
      style: STYLE.signature,
      keepNext: true,
      keepLines: true,
      spacing: { before: 360 },
      children: textRuns([{ text: joinLabels(countersign.caption) }], language, { bold: true }),
    }),
    new Paragraph({
      style: STYLE.signature,
      keepNext: true,
      spacing: { before: 500 },
      children: [new TextRun({ text: '……………………………………………' })],
    }),
    new Paragraph({
      style: STYLE.signature,
      keepNext: true,
      spacing: { after: 120 },
      children: textRuns([{ text: joinLabels(sig.signatureLine) }], language, { size: 16 }),
    }),
    new Paragraph({ style: STYLE.signature, children: textRuns([countersign.name], language, { bold: true }) }),
  ];
}
