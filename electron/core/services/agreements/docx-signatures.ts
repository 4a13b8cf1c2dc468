import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { AgreementLanguage } from '../../../../shared/domain/codes';
import type { AgreementModel, Run, SignatureSide } from '../../../../shared/domain/agreements/model';
import { STYLE, columnCell, textRuns, twoColumnTable } from './docx-style';
import { countersignParagraphs } from './docx-countersign';

/** What a blank the signatories fill in by hand looks like. */
const BLANK = '……………………';

const joinLabels = ([a, b]: readonly [string, string]): string => (a === b ? a : `${a} / ${b}`);

/**
 * The colon after a label as the language of its last word writes it: French puts a no-break
 * space before it ("Lieu : …", as the party block's "siège : …"; walkthrough 11 finding 15).
 */
const labelColon = (labels: readonly [string, string], languages: readonly AgreementLanguage[]): string =>
  (labels[0] === labels[1] ? languages[0] : languages[1]) === 'fr' ? '\u00a0:' : ':';

/**
 * One party's signature block: "for" in both languages, place and date, the line to sign on,
 * the name and the function. Every paragraph but the last is kept with the next one.
 */
function signatureCell(sig: SignatureSide, model: AgreementModel, side: 'left' | 'right', seal: string): TableCell {
  const [first, second] = model.languages;
  // One date format per signatory (review de7): the Czech party's date as Czech writes it, the
  // partner's as its language does ("1. 5. 2026" under Tábor, "01.05.2026" under Konstanz).
  const own = (sig.side === 'cz') === (first === 'cs') ? 0 : 1;
  const dateText = sig.dates[own].text === '' ? BLANK : sig.dates[own].text;
  const line = (labels: readonly [string, string], value: Run, language: AgreementLanguage) =>
    new Paragraph({
      style: STYLE.signature,
      keepNext: true,
      keepLines: true,
      spacing: { after: 60 },
      children: [
        new TextRun({ text: `${joinLabels(labels)}${labelColon(labels, model.languages)} ` }),
        ...textRuns([value.text === '' ? { text: BLANK } : value], language),
      ],
    });
  // The function in both languages, a marker ("[doplňte: starosta / starostka]") highlighted as in the text.
  const [missing0, missing1] = sig.functionsMissing;
  // "Za obec …" with the noun of a kind nobody stated highlighted, as in the text (a model without runs: plain).
  const forParty = (column: 0 | 1): Run[] => sig.forPartyRuns?.[column] ?? [{ text: sig.forParty[column] }];
  const functions: Run[] =
    sig.functions[0] === sig.functions[1]
      ? [{ text: sig.functions[0], missing: missing0 || missing1 }]
      : [{ text: sig.functions[0], missing: missing0 }, { text: ' / ' }, { text: sig.functions[1], missing: missing1 }];
  return columnCell(
    [
      // "Za obec Horní Tošanovice" reads the same in Czech and Slovak: printed once (review sk7).
      ...(sig.forParty[0] === sig.forParty[1]
        ? [
            new Paragraph({
              style: STYLE.signature,
              keepNext: true,
              spacing: { before: 240, after: 160 },
              children: textRuns(forParty(0), first, { bold: true }),
            }),
          ]
        : [
            new Paragraph({
              style: STYLE.signature,
              keepNext: true,
              spacing: { before: 240 },
              children: textRuns(forParty(0), first, { bold: true }),
            }),
            new Paragraph({
              style: STYLE.signature,
              keepNext: true,
              spacing: { after: 160 },
              children: textRuns(forParty(1), second, { bold: true }),
            }),
          ]),
      line(sig.placeLabel, sig.place, first),
      line(sig.dateLabel, { text: dateText }, first),
      // The seal's place ("razítko / Siegel"), right of where the signatory signs (review C15, P3 14).
      ...(seal === ''
        ? []
        : [
            new Paragraph({
              style: STYLE.signature,
              keepNext: true,
              alignment: AlignmentType.RIGHT,
              spacing: { before: 240, after: 0 },
              children: [new TextRun({ text: `(${seal})`, size: 16, color: '808080' })],
            }),
          ]),
      new Paragraph({
        style: STYLE.signature,
        keepNext: true,
        spacing: { before: seal === '' ? 700 : 220 },
        children: [new TextRun({ text: '……………………………………………' })],
      }),
      new Paragraph({
        style: STYLE.signature,
        keepNext: true,
        spacing: { after: 120 },
        children: textRuns([{ text: joinLabels(sig.signatureLine) }], first, { size: 16 }),
      }),
      new Paragraph({ style: STYLE.signature, keepNext: true, children: textRuns([sig.name], first, { bold: true }) }),
      new Paragraph({ style: STYLE.signature, children: textRuns(functions, first) }),
      ...countersignParagraphs(sig, first),
    ],
    side,
  );
}

/** Both signatures in one row that Word and LibreOffice never split across pages. */
export const signatureRow = (model: AgreementModel, seal = ''): TableRow =>
  new TableRow({
    cantSplit: true,
    children: [
      signatureCell(model.signatures[0], model, 'left', seal),
      signatureCell(model.signatures[1], model, 'right', seal),
    ],
  });

/** The signatures as a table of their own (after the sequential layout's text). */
export const signatureTable = (model: AgreementModel, seal = ''): Table => twoColumnTable([signatureRow(model, seal)]);
