import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, call } from '../../lib/api';
import type { OutputOf } from '../../../shared/ipc/contract';
import { useI18n } from '../../lib/i18n';
import { errorToast, said, useToast } from '../../components/Toasts';
import { useLiveAsync } from '../../lib/useLiveAsync';
import { openLink, partnershipDetailLink } from '../../lib/deep-links';
import { ListCard } from './ListCard';
import './bin.css';
import { binFieldLabel, binFieldShown, binValueText } from './bin-values';
import { FillFromDeletedDialog } from './FillFromDeletedDialog';

type Entry = OutputOf<'bin:list'>[number];

/**
 * Settings ▸ Deleted records: what was deleted in the last 90 days (who, when, what), each with
 * Restore, which brings the record back with its id and what its delete took with it; and what was
 * merged into another record in that time ("sloučeno do …", walkthrough 22: it could be found
 * nowhere), with a link to the kept record, whose history undoes the merge. Each entry shows the
 * values the record had (Values). A deleted partnership whose pair was added again meanwhile (its
 * restore is refused) offers to fill that record from it (walkthrough 22, finding 1), from its row
 * and from the refusal itself; so does a deleted town card whose town was added again.
 */
export function BinSection() {
  const i18n = useI18n();
  const { t, tk, formatDateTime } = i18n;
  const list = useLiveAsync(() => call('bin:list', {}), []);
  const toast = useToast();
  const { reload } = list;
  const [filling, setFilling] = useState<number | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());

  const [restoring, setRestoring] = useState(false);
  // As useAction runs it, but a refusal because the pair was added again meanwhile offers the fill
  // in its toast (walkthrough 22, finding 1: the deleted record's data could only be copied by hand).
  const restore = async (auditId: number, label: string) => {
    setRestoring(true);
    try {
      await call('bin:restore', { auditId });
      toast({ kind: 'ok', text: said('bin.restored', { label }), seconds: 10 });
    } catch (failure) {
      const readded =
        failure instanceof ApiError &&
        (failure.details?.reason === 'merge.error.restorePartnershipDuplicate' ||
          failure.details?.reason === 'merge.error.restoreTownDuplicate');
      toast(
        readded
          ? { ...errorToast(failure), action: { label: said('merge.fill.button'), run: () => setFilling(auditId) } }
          : errorToast(failure),
      );
      if (readded) reload();
    } finally {
      setRestoring(false);
    }
  };

  const keyOf = (entry: Entry) => `${String(entry.auditId)}|${entry.table}|${String(entry.recordId)}`;
  const toggle = (key: string) =>
    setOpened((now) => {
      const next = new Set(now);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const entries = list.data ?? [];
  // Labels and values as the record's own screen shows them (walkthrough 27, finding 2).
  const shownValues = (entry: Entry) => entry.values.filter((item) => binFieldShown(entry.table, item.field));

  // A row that leaves the list (restored, filled, restored elsewhere) took the focus with it: it
  // goes to the row that took its place, else to the card, without scrolling. Left to the app's
  // focus rescue, it went to the first control of the page and the page jumped to its top
  // (walkthrough 24, finding 1: the bin's heading went from y=315 to y=1995).
  const card = useRef<HTMLDivElement>(null);
  const focusedRow = useRef<{ key: string; index: number } | null>(null);
  const onRowFocus = (key: string, index: number) => {
    focusedRow.current = { key, index };
  };
  useLayoutEffect(() => {
    const was = focusedRow.current;
    const active = document.activeElement;
    if (was === null || (active !== null && active !== document.body && active.isConnected)) return;
    if (entries.some((entry) => keyOf(entry) === was.key)) return;
    focusedRow.current = null;
    const rows = card.current?.querySelectorAll<HTMLElement>('[data-testid="bin-entry"], [data-testid="bin-merged"]');
    const row = rows === undefined || rows.length === 0 ? null : rows[Math.min(was.index, rows.length - 1)];
    const target =
      row?.querySelector<HTMLElement>('[data-testid="bin-restore"]') ?? row?.querySelector('button') ?? card.current;
    target?.focus({ preventScroll: true });
  });

  return (
    <ListCard
      cardRef={card}
      testId="bin"
      title={t('bin.title')}
      hint={t('bin.hint')}
      loadError={list.status === 'error' ? list.error : null}
      onRetry={reload}
      emptyText={list.data?.length === 0 ? t('bin.empty') : null}
    >
      {entries.some((entry) => entry.mergedInto !== null) && <p className="hint">{t('merge.bin.mergedHint')}</p>}
      {entries.length > 0 && (
        <table className="bk-table" data-testid="bin-table">
          <thead>
            <tr>
              <th>{t('bin.col.when')}</th>
              <th>{t('bin.col.kind')}</th>
              <th>{t('bin.col.record')}</th>
              <th>{t('bin.col.who')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => {
              const key = keyOf(entry);
              const open = opened.has(key);
              const into = entry.mergedInto;
              return (
                <Fragment key={key}>
                  <tr data-testid={into === null ? 'bin-entry' : 'bin-merged'} onFocus={() => onRowFocus(key, index)}>
                    <td>{formatDateTime(entry.at)}</td>
                    <td>{tk(`bin.kind.${entry.table}`)}</td>
                    <td>
                      {entry.label}
                      {into !== null && (
                        <div className="muted-small" data-testid="bin-merged-into">
                          {into.exists
                            ? t(into.filled ? 'merge.bin.filledInto' : 'merge.bin.mergedInto', { kept: into.label })
                            : t(into.filled ? 'merge.bin.filledIntoGone' : 'merge.bin.mergedIntoGone')}
                        </div>
                      )}
                    </td>
                    <td>{entry.actor}</td>
                    <td className="bk-actions">
                      <button
                        type="button"
                        className="button"
                        aria-expanded={open}
                        onClick={() => toggle(key)}
                        data-testid="bin-values-toggle"
                      >
                        {t(open ? 'merge.bin.values.hide' : 'merge.bin.values.show')}
                      </button>
                      {into === null && entry.liveTwin !== null && (
                        <button
                          type="button"
                          className="button"
                          disabled={restoring}
                          title={t(
                            entry.table === 'foreign_towns' ? 'merge.fill.buttonHintTown' : 'merge.fill.buttonHint',
                          )}
                          onClick={() => setFilling(entry.auditId)}
                          data-testid="bin-fill"
                        >
                          {t('merge.fill.button')}
                        </button>
                      )}
                      {into === null ? (
                        <button
                          type="button"
                          className="button"
                          disabled={restoring}
                          onClick={() => void restore(entry.auditId, entry.label)}
                          data-testid="bin-restore"
                        >
                          {t('bin.restore')}
                        </button>
                      ) : (
                        into.exists &&
                        into.municipalityId !== null && (
                          <button
                            type="button"
                            className="button"
                            title={t('merge.bin.openKeptHint')}
                            onClick={() =>
                              into.municipalityId !== null &&
                              openLink(partnershipDetailLink(into.municipalityId, into.recordId))
                            }
                            data-testid="bin-open-kept"
                          >
                            {t('merge.bin.openKept', { kept: into.label })}
                          </button>
                        )
                      )}
                    </td>
                  </tr>
                  {open && (
                    <tr className="bin-values-row">
                      <td colSpan={5}>
                        <div className="bin-values" data-testid="bin-values">
                          <strong>{t('merge.bin.values.title', { label: entry.label })}</strong>
                          {shownValues(entry).length === 0 ? (
                            <p className="hint">{t('merge.bin.values.none')}</p>
                          ) : (
                            <dl>
                              {shownValues(entry).map((item) => (
                                <Fragment key={item.field}>
                                  <dt>{binFieldLabel(entry.table, item.field, i18n)}</dt>
                                  <dd>{binValueText(entry.table, item.field, item.value, i18n)}</dd>
                                </Fragment>
                              ))}
                            </dl>
                          )}
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {filling !== null && (
        <FillFromDeletedDialog
          auditId={filling}
          onClose={() => setFilling(null)}
          onDone={(done) => {
            setFilling(null);
            reload();
            const { municipalityId } = done;
            // A town card has no address of its own to open; its history is on the card.
            toast(
              municipalityId === null
                ? { kind: 'ok', text: said('merge.fill.doneTown', { live: done.label }), seconds: 15 }
                : {
                    kind: 'ok',
                    text: said('merge.fill.done', { live: done.label }),
                    seconds: 15,
                    action: {
                      label: said('merge.fill.open', { live: done.label }),
                      run: () => openLink(partnershipDetailLink(municipalityId, done.liveId)),
                    },
                  },
            );
          }}
        />
      )}
    </ListCard>
  );
}
