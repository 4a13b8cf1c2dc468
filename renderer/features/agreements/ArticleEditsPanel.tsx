import { useState } from 'react';
import { ARTICLES_KEPT, type ArticleEdits } from '../../../shared/domain/agreements/article-edits';
import { useI18n } from '../../lib/i18n';
import type { AgreementDraft } from './useAgreementDraft';

type Editing =
  | { kind: 'article'; id: string; texts: [string, string] }
  | { kind: 'own'; id: string; after: string; texts: [string, string] };

/** An article's name in the list: its heading, or the start of its text where it has none (the charter's). */
function headingOf(text: string): string {
  const [heading = '', first = ''] = text.split('\n');
  if (heading !== '') return heading;
  return first.length > 48 ? `${first.slice(0, 48).trimEnd()}…` : first;
}

/**
 * The draft's own wording of its articles (review P3 11): each article as the preview prints it,
 * to reword in both languages or remove (not the approval, languages and § 41 articles), and own
 * clauses after an article. The edits go into the request, so they are stored with the draft and
 * kept when it is regenerated.
 */
export function ArticleEditsPanel({ draft }: { draft: AgreementDraft }) {
  const { t, tk, language } = useI18n();
  const { request, preview, update, catalog } = draft;
  const [editing, setEditing] = useState<Editing | null>(null);
  // The heading of each article the user removed: it stays named in the list, to be put back.
  const [removedNames, setRemovedNames] = useState<Record<string, string>>({});
  if (request === null) return null;
  const articles = preview?.articles ?? [];
  const edits: ArticleEdits = request.articleEdits ?? {};
  const byId = edits.articles ?? {};
  const own = edits.own ?? [];
  const removed = Object.entries(byId)
    .filter(([, edit]) => edit.removed === true)
    .map(([id]) => id);
  const save = (next: ArticleEdits) => update({ articleEdits: next });
  const setArticle = (id: string, edit: { removed?: boolean; text?: [string, string] } | null) => {
    const rest = Object.fromEntries(Object.entries(byId).filter(([key]) => key !== id));
    save({ ...edits, articles: edit === null ? rest : { ...rest, [id]: edit } });
  };
  const apply = () => {
    if (editing === null) return;
    if (editing.kind === 'article') setArticle(editing.id, { text: editing.texts });
    else {
      const clause = { id: editing.id, after: editing.after, text: editing.texts };
      const exists = own.some((o) => o.id === editing.id);
      save({ ...edits, own: exists ? own.map((o) => (o.id === editing.id ? clause : o)) : [...own, clause] });
    }
    setEditing(null);
  };
  const newOwnId = (): string => {
    let n = own.length + 1;
    while (own.some((o) => o.id === `own${n}`)) n += 1;
    return `own${n}`;
  };
  const partnerLanguage = tk(`agreements.lang.${request.language}`);
  /** An article's name in the list: the document's (Czech) heading, the template's English one in English. */
  const nameOf = (article: { id: string; texts: [string, string] }): string =>
    (language === 'en' ? catalog?.headingsEn[article.id] : undefined) ?? (headingOf(article.texts[0]) || article.id);
  const regular = articles.filter((a) => !a.id.startsWith('own:'));

  return (
    <div className="card" data-testid="agreement-article-edits">
      <h3>{t('agreements.edits')}</h3>
      <p className="hint">{t('agreements.edits.hint')}</p>
      <ul className="agreement-articles">
        {articles.map((a) => {
          const ownId = a.id.startsWith('own:') ? a.id.slice(4) : null;
          const edited = ownId === null && byId[a.id]?.text !== undefined;
          return (
            <li key={a.id} data-testid={`agreement-edit-row-${a.id}`}>
              <span className="agreement-article-name">
                {a.number !== null ? `${a.number}. ` : ''}
                {nameOf(a)}
                {edited && <em className="muted"> ({t('agreements.edits.edited')})</em>}
                {ownId !== null && <em className="muted"> ({t('agreements.edits.own')})</em>}
              </span>
              <button
                type="button"
                className="link-button"
                data-testid={`agreement-edit-${a.id}`}
                onClick={() => {
                  const clause = own.find((o) => o.id === ownId);
                  setEditing(
                    ownId !== null && clause !== undefined
                      ? { kind: 'own', id: ownId, after: clause.after, texts: clause.text }
                      : { kind: 'article', id: a.id, texts: a.texts },
                  );
                }}
              >
                {t('agreements.edits.edit')}
              </button>
              {edited && (
                <button type="button" className="link-button" onClick={() => setArticle(a.id, null)}>
                  {t('agreements.edits.restore')}
                </button>
              )}
              {ownId !== null ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => save({ ...edits, own: own.filter((o) => o.id !== ownId) })}
                >
                  {t('agreements.edits.delete')}
                </button>
              ) : (
                !ARTICLES_KEPT.includes(a.id) && (
                  <button
                    type="button"
                    className="link-button"
                    data-testid={`agreement-remove-${a.id}`}
                    onClick={() => {
                      setRemovedNames((names) => ({ ...names, [a.id]: nameOf(a) }));
                      setArticle(a.id, { removed: true });
                    }}
                  >
                    {t('agreements.edits.remove')}
                  </button>
                )
              )}
            </li>
          );
        })}
        {removed.map((id) => (
          <li key={`removed-${id}`} className="muted" data-testid={`agreement-removed-${id}`}>
            <span className="agreement-article-name">
              <s>{(language === 'en' ? catalog?.headingsEn[id] : undefined) ?? removedNames[id] ?? id}</s> (
              {t('agreements.edits.removed')})
            </span>
            <button type="button" className="link-button" onClick={() => setArticle(id, null)}>
              {t('agreements.edits.restore')}
            </button>
          </li>
        ))}
      </ul>
      {editing === null ? (
        <button
          type="button"
          className="button"
          data-testid="agreement-add-own"
          onClick={() =>
            setEditing({
              kind: 'own',
              id: newOwnId(),
              after: regular.filter((a) => !ARTICLES_KEPT.includes(a.id)).at(-1)?.id ?? '',
              texts: ['', ''],
            })
          }
        >
          {t('agreements.edits.addOwn')}
        </button>
      ) : (
        <div className="agreement-article-editor" data-testid="agreement-article-editor">
          {editing.kind === 'article' && (
            <p className="hint">
              {t('agreements.edits.editing')}{' '}
              <strong>
                {nameOf(articles.find((a) => a.id === editing.id) ?? { id: editing.id, texts: ['', ''] })}
              </strong>
            </p>
          )}
          {editing.kind === 'own' && (
            <div className="field">
              <label htmlFor="agr-own-after">{t('agreements.edits.after')}</label>
              <select
                id="agr-own-after"
                value={editing.after}
                onChange={(e) => setEditing({ ...editing, after: e.target.value })}
              >
                {regular.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.number !== null ? `${a.number}. ` : ''}
                    {nameOf(a)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="agr-edit-cs">{t('agreements.edits.textCs')}</label>
            <textarea
              id="agr-edit-cs"
              data-testid="agreement-edit-cs"
              rows={6}
              value={editing.texts[0]}
              onChange={(e) => setEditing({ ...editing, texts: [e.target.value, editing.texts[1]] })}
            />
          </div>
          <div className="field">
            <label htmlFor="agr-edit-partner">{t('agreements.edits.textPartner', { language: partnerLanguage })}</label>
            <textarea
              id="agr-edit-partner"
              data-testid="agreement-edit-partner"
              rows={6}
              value={editing.texts[1]}
              onChange={(e) => setEditing({ ...editing, texts: [editing.texts[0], e.target.value] })}
            />
          </div>
          <div className="agreement-row">
            <button
              type="button"
              className="button primary"
              data-testid="agreement-edit-apply"
              disabled={editing.texts[0].trim() === '' || editing.texts[1].trim() === ''}
              onClick={apply}
            >
              {t('agreements.edits.apply')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('agreements.edits.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
