import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { call, onEvent } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { membersColumns } from './members-columns';
import { ImportButton } from '../import/ImportButton';

export function MembersPage() {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const members = useAsync(() => call('municipalities:list', {}), []);
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const columns = useMemo(() => membersColumns(i18n), [i18n]);
  const getRowId = useCallback((params: { data: MunicipalityRow }) => String(params.data.id), []);
  const { reload } = members;
  useEffect(() => onEvent('data:changed', () => reload()), [reload]);

  const total = members.data?.length ?? 0;
  return (
    <section className="page">
      <PageHeader
        title={t('members.title')}
        count={
          members.data === undefined
            ? undefined
            : shown !== null && shown !== total
              ? t('common.rowsFiltered', { shown, total })
              : tn('common.rows', total)
        }
      >
        <SearchBox value={search} onChange={setSearch} />
        <ImportButton />
      </PageHeader>
      {members.status === 'error' && <ErrorNotice error={members.error} onRetry={members.reload} />}
      {members.status === 'ready' && total === 0 && <p className="empty-note">{t('members.empty')}</p>}
      <DataGrid<MunicipalityRow>
        testId="members-grid"
        rows={members.data}
        columns={columns}
        getRowId={getRowId}
        quickFilter={search}
        onRowCountChange={setShown}
      />
    </section>
  );
}
