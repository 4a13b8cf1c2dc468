import { z } from 'zod';
import type { AgreementLanguage } from '../codes';
import { cleanLine } from './clean-text';
import type { ClauseLibrary } from './library';
import type { AgreementModel, Para, Run, Section } from './model';
import { typesetRuns } from './typography';

/**
 * The user's own wording of a draft's articles (review P3 11): an article reworded in both
 * languages, an article removed, and own clauses (a twinning jubilee, a particular joint project)
 * inserted after an article. Stored with the draft's request, so a regenerated draft keeps them.
 *
 * Each text is one string per language in the form the screen's text areas show: the first line
 * is the article's heading, each further line a paragraph, a line starting with "– " a list item.
 * The text is printed as typed: braces are not placeholders, nothing in it is read as a pattern.
 */
const articleText = z.string().max(20_000);
const bothTexts = z.tuple([articleText, articleText]);

export const articleEditsSchema = z
  .object({
    /** By article id: the article's text in [Czech, partner's language], or removed. */
    articles: z
      .record(z.string().max(40), z.object({ removed: z.boolean().optional(), text: bothTexts.optional() }).strict())
      // A template has fewer than twenty articles: more edits than that are not a draft's.
      .refine((articles) => Object.keys(articles).length <= 40, 'at most 40 articles')
      .optional(),
    /** Own clauses, each after the article with id `after` (not found: before the approval article). */
    own: z
      .array(z.object({ id: z.string().max(40), after: z.string().max(40), text: bothTexts }).strict())
      .max(20)
      .optional(),
  })
  .strict();
export type ArticleEdits = z.infer<typeof articleEditsSchema>;

/**
 * Articles the text cannot do without: both councils' approval and entry into force (C1), the
 * languages and originals, and the § 41 clause. They can be reworded, never removed.
 */
export const ARTICLES_KEPT: readonly string[] = ['entry', 'languages', 'clause41', 'closing'];

/** An article's text as the screen edits it: heading line, then one line per paragraph. */
export function articleEditText(paras: readonly Para[], numbered: boolean): string {
  const plain = (para: Para) => para.runs.map((run) => run.text).join('');
  const body = numbered ? paras.slice(1) : paras;
  const [first, ...rest] = body;
  const heading = first?.role === 'heading' ? plain(first) : '';
  const paragraphs = first?.role === 'heading' ? rest : body;
  return [heading, ...paragraphs.map((para) => plain(para).replace(/^\d+\.[ \u00a0]/, ''))]
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2011/g, '-');
}

/** A list item as staff type it: "– ", "- ", "• ", "* " or "— " before the text. */
const TYPED_BULLET = /^[–\-•*—·▪]\s+/u;
/**
 * A paragraph number as staff type it ("1. ", "2) ", "(3) "): Word numbering draws it instead. Only
 * a number that is the paragraph's own place counts, so "30. výročí …" starting a sentence stays.
 */
const TYPED_NUMBER = /^\(?(\d{1,2})[.)]\)?\s+/u;

/**
 * A typed text as paragraphs: the heading, numbered paragraphs when there are several, list items.
 * Own clauses take the built-in articles' styles and Word numbering: numbers and bullets typed by
 * hand ("1. …", "• …") are the paragraph's and the list's own, never printed twice or as plain text.
 */
function parasOf(text: string): { heading: string; paras: Para[] } {
  // The first line is the heading even when empty (the charter's paragraphs have none).
  const [first = '', ...rest] = text.split(/\r?\n/);
  const heading = cleanLine(first);
  let place = 0;
  const lines = rest
    .map((line) => cleanLine(line))
    .filter((line) => line !== '')
    .map((line) => {
      if (TYPED_BULLET.test(line)) return { bullet: true, text: line.replace(TYPED_BULLET, '') };
      place += 1;
      const typed = TYPED_NUMBER.exec(line);
      return { bullet: false, text: typed !== null && Number(typed[1]) === place ? line.slice(typed[0].length) : line };
    })
    .filter((line) => line.text !== '');
  const numbered = lines.filter((line) => !line.bullet).length > 1;
  let n = 0;
  const paras = lines.map((line): Para => {
    if (line.bullet) return { role: 'bullet', runs: [{ text: `– ${line.text}` }] };
    if (!numbered) return { role: 'text', runs: [{ text: line.text }] };
    n += 1;
    return { role: 'numbered', runs: [{ text: `${n}. ${line.text}` }] };
  });
  return { heading, paras };
}

/**
 * The model with the user's article edits: removed articles left out, reworded ones replaced, own
 * clauses inserted, and the articles numbered again in order (labels in each language's words,
 * typeset as the library's own). Nothing changes where the request has no edits.
 */
export function withArticleEdits(
  library: ClauseLibrary,
  edits: ArticleEdits | undefined,
  model: AgreementModel,
  numberedTemplate: boolean,
): AgreementModel {
  if (edits === undefined) return model;
  const byId = edits.articles ?? {};
  const own = edits.own ?? [];
  if (Object.keys(byId).length === 0 && own.length === 0) return model;
  const [first, second] = model.languages;
  // Texts are stored as [Czech, partner's language]; the model's columns may be the other way round.
  const inColumns = (text: [string, string]): [string, string] => (first === 'cs' ? text : [text[1], text[0]]);
  const body = (section: Section, text: [string, string]): [Para[], Para[]] => {
    const [a, b] = inColumns(text);
    const build = (value: string, language: AgreementLanguage): Para[] => {
      const { heading, paras } = parasOf(value);
      return [
        ...(heading === '' ? [] : [{ role: 'heading', runs: [{ text: heading, strong: true }] } satisfies Para]),
        ...paras,
      ].map((para) => ({ ...para, runs: typesetRuns(language, para.runs) }));
    };
    return [build(a, first), build(b, second)];
  };

  const sections: Section[] = [];
  for (const section of model.sections) {
    const edit = section.kind === 'article' ? byId[section.id] : undefined;
    if (edit?.removed === true && !ARTICLES_KEPT.includes(section.id)) continue;
    if (edit?.text !== undefined) {
      const [a, b] = body(section, edit.text);
      const label = (column: 0 | 1): Para[] => {
        const head = section.texts[column][0];
        return section.number !== null && head !== undefined ? [head] : [];
      };
      sections.push({
        ...section,
        texts: [
          [...label(0), ...a],
          [...label(1), ...b],
        ],
      });
    } else sections.push(section);
    for (const clause of own.filter((o) => o.after === section.id)) sections.push(ownSection(clause));
  }
  // Own clauses whose article is not in the text go before the approval article.
  const placed = new Set(sections.map((s) => s.id));
  const orphans = own.filter((o) => !placed.has(`own:${o.id}`));
  if (orphans.length > 0) {
    const at = sections.findIndex((s) => s.id === 'entry');
    sections.splice(at < 0 ? sections.length : at, 0, ...orphans.map(ownSection));
  }

  function ownSection(clause: { id: string; text: [string, string] }): Section {
    const shell: Section = { id: `own:${clause.id}`, kind: 'article', number: 0, texts: [[], []] };
    return { ...shell, texts: body(shell, clause.text) };
  }

  // Number the articles again; an own clause is numbered where the template numbers its articles.
  let number = 0;
  const labelled = sections.map((section): Section => {
    if (section.kind !== 'article') return section;
    const isOwn = section.id.startsWith('own:');
    if (section.number === null || (isOwn && !numberedTemplate)) return { ...section, number: null };
    number += 1;
    const label = (column: 0 | 1): Para => {
      const language = model.languages[column];
      const file = library.languages[language];
      const text = file.layout.articlePattern
        .replace('{article}', () => file.terms.article)
        .replace('{n}', () => String(number));
      const runs: Run[] = typesetRuns(language, [{ text, strong: true }]);
      return { role: 'heading', runs };
    };
    const rest = (column: 0 | 1) => (isOwn ? section.texts[column] : section.texts[column].slice(1));
    return {
      ...section,
      number,
      texts: [
        [label(0), ...rest(0)],
        [label(1), ...rest(1)],
      ],
    };
  });
  return { ...model, sections: labelled };
}
