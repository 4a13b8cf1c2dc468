import { AlignmentType, LevelFormat, LevelSuffix, type INumberingOptions } from 'docx';
import type { AgreementLanguage } from '../../../../shared/domain/codes';
import type { AgreementModel, Para, Section } from '../../../../shared/domain/agreements/model';

/**
 * Word numbering for the articles, their numbered paragraphs and the lists (review, layout:
 * "numbering and bullets are typed text"), so that staff who insert an article or a paragraph in
 * Word get the following ones renumbered.
 *
 * Each language has its own list (`agreement-<lang>`): level 1 is the article label in that
 * language's words ("Článek %1", "Artikel %1", "%1. cikk"), level 2 the article's numbered
 * paragraphs ("%2.", restarting after each article). The two columns of the parallel table (and
 * the two texts of the sequential layout) are two lists, so each counts its own articles and
 * both stay in step: every numbered article has its label in both languages.
 *
 * The label's wording comes from the model (the clause library's `articlePattern`): a numbered
 * article's label with its number replaced by `%1`. French writes the first article as an
 * ordinal ("Article 1er", then "Article 2"): that one label stays typed and the list starts at 2.
 * A language whose labels do not follow one pattern otherwise keeps its typed labels.
 */

export const BULLET_REFERENCE = 'agreement-bullet';
/** Numbered paragraphs outside a Word-numbered article (the charter, whose articles have no number). */
export const PARAGRAPHS_REFERENCE = 'agreement-paragraphs';
export const articleReference = (language: AgreementLanguage): string => `agreement-${language}`;

/** Indents of numbered paragraphs and list items (twips), as the typed numbers had them. */
export const NUMBERED_INDENT = { left: 340, hanging: 340 };
export const BULLET_INDENT = { left: 567, hanging: 227 };

const plain = (para: Para): string => para.runs.map((run) => run.text).join('');

/** The article label paragraph of a numbered article in one column (its first heading). */
export const labelOf = (section: Section, column: 0 | 1): Para | undefined =>
  section.kind === 'article' && section.number !== null && section.texts[column][0]?.role === 'heading'
    ? section.texts[column][0]
    : undefined;

/**
 * How a column's article labels are Word numbering: the level text ("Článek %1") and the number
 * the list starts at, or null when the labels cannot be numbering (then they stay typed text).
 * Every numbered article's label must be the one pattern with its own number, written once; only
 * the first may differ (an ordinal, "Article 1er"), and then it stays typed and the list starts at 2.
 */
export function articleNumbering(model: AgreementModel, column: 0 | 1): { text: string; start: number } | null {
  const candidates: { number: number; candidate: string }[] = [];
  for (const section of model.sections) {
    if (section.kind !== 'article' || section.number === null) continue;
    const label = labelOf(section, column);
    if (label === undefined || label.runs.some((run) => run.missing === true)) return null;
    const text = plain(label);
    const digits = String(section.number);
    const parts = text.split(digits);
    // The number exactly once and no other digits: "Článek 1", "1. cikk".
    if (parts.length !== 2 || /\d/.test(parts.join('')) || text.includes('%')) return null;
    candidates.push({ number: section.number, candidate: parts.join('%1') });
  }
  const [first, second] = candidates;
  if (first === undefined) return null;
  if (candidates.every((c) => c.candidate === first.candidate)) return { text: first.candidate, start: 1 };
  // "Article 1er", "Article 2", …: the first label is typed, Word counts from 2.
  const rest = candidates.slice(1);
  if (first.number === 1 && second !== undefined && rest.every((c) => c.candidate === second.candidate))
    return { text: second.candidate, start: 2 };
  return null;
}

/** The level text of a column's article labels ("Článek %1"), or null when they stay typed text. */
export const articleLevelText = (model: AgreementModel, column: 0 | 1): string | null =>
  articleNumbering(model, column)?.text ?? null;

/** A label that stays typed in a Word-numbered column: the first article's ordinal ("Article 1er"). */
export const typedLabel = (model: AgreementModel, section: Section, column: 0 | 1): boolean =>
  section.number === 1 && articleNumbering(model, column)?.start === 2;

/** The typed number a numbered paragraph starts with ("2. ", typography may have made the space a no-break one). */
export const typedNumber = (para: Para, n: number): string | null => {
  const first = para.runs[0];
  if (para.role !== 'numbered' || first === undefined || first.missing === true) return null;
  return new RegExp(`^${n}\\.[ \u00a0]`).exec(first.text)?.[0] ?? null;
};

/** The paragraph without its first `length` characters (a typed number or dash that Word numbering replaces). */
export function withoutPrefix(para: Para, prefix: string): Para {
  const [first, ...rest] = para.runs;
  if (first === undefined) return para;
  const text = first.text.slice(prefix.length);
  return { ...para, runs: text === '' ? rest : [{ ...first, text }, ...rest] };
}

/** The typed dash of a list item ("– "), which the bullet numbering replaces. */
export const typedBullet = (para: Para): string | null => {
  const first = para.runs[0];
  return para.role === 'bullet' && first !== undefined && first.missing !== true && first.text.startsWith('– ')
    ? '– '
    : null;
};

/** The numbering definitions of a model: one article list per language that can have one, bullets, paragraphs. */
export function numberingConfig(model: AgreementModel): INumberingOptions['config'] {
  const numberedLevel = (level: number, text: string) => ({
    level,
    format: LevelFormat.DECIMAL,
    text,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.TAB,
    style: { paragraph: { indent: NUMBERED_INDENT, leftTabStop: NUMBERED_INDENT.left } },
  });
  const articles = ([0, 1] as const).flatMap((column) => {
    const numbering = articleNumbering(model, column);
    if (numbering === null) return [];
    const { text, start } = numbering;
    return [
      {
        reference: articleReference(model.languages[column]),
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text,
            start,
            alignment: AlignmentType.LEFT,
            // Nothing after the label: the heading is centred and holds only the label.
            suffix: LevelSuffix.NOTHING,
            style: {
              run: { bold: true },
              paragraph: { indent: { left: 0, hanging: 0 } },
            },
          },
          numberedLevel(1, '%2.'),
        ],
      },
    ];
  });
  return [
    ...articles,
    { reference: PARAGRAPHS_REFERENCE, levels: [numberedLevel(0, '%1.')] },
    {
      reference: BULLET_REFERENCE,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '–',
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.TAB,
          style: { paragraph: { indent: BULLET_INDENT, leftTabStop: BULLET_INDENT.left } },
        },
      ],
    },
  ];
}

/** Which numbering a paragraph takes in the document: none (typed), an article label, a paragraph, an item. */
export type ParaNumbering =
  | { kind: 'label'; reference: string }
  | { kind: 'paragraph'; reference: string; level: 0 | 1; instance: number }
  | { kind: 'bullet' }
  | null;

/**
 * Plans one column's paragraphs of a section: the paragraph as it is printed (a typed number or
 * dash removed where Word numbering draws it), its numbering and its heading level (1: a
 * section's or an article label's heading, 2: the title under an article label). `instance`
 * gives numbered paragraphs outside a Word-numbered article their own restart (one per section
 * and column).
 */
export function planSection(
  model: AgreementModel,
  section: Section,
  column: 0 | 1,
  instance: number,
  wordArticles: boolean,
): { para: Para; numbering: ParaNumbering; outline: 1 | 2 | null }[] {
  const language = model.languages[column];
  const label = labelOf(section, column);
  // "Article 1er" stays typed, and its paragraphs count in a list of their own: the article list
  // then starts with "Article 2" (a paragraph of its level 2 before it would count an article).
  const labelled = wordArticles && label !== undefined && !typedLabel(model, section, column);
  let n = 0;
  return section.texts[column].map((para, index) => {
    const isLabel = label !== undefined && index === 0;
    const outline = para.role !== 'heading' ? null : label !== undefined && !isLabel ? 2 : 1;
    if (isLabel && labelled)
      return {
        para: { ...para, runs: [] },
        numbering: { kind: 'label', reference: articleReference(language) },
        outline,
      };
    if (para.role === 'numbered') {
      n += 1;
      const typed = typedNumber(para, n);
      if (typed !== null)
        return {
          para: withoutPrefix(para, typed),
          numbering: labelled
            ? { kind: 'paragraph', reference: articleReference(language), level: 1, instance: 0 }
            : { kind: 'paragraph', reference: PARAGRAPHS_REFERENCE, level: 0, instance },
          outline,
        };
    }
    const dash = typedBullet(para);
    if (dash !== null) return { para: withoutPrefix(para, dash), numbering: { kind: 'bullet' }, outline };
    return { para, numbering: null, outline };
  });
}
