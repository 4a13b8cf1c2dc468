import { useI18n } from '../lib/i18n';
import { withShortcut } from '../lib/shortcuts';

export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <label className="search-box">
      <span className="visually-hidden">{t('common.search')}</span>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M20 20l-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        value={value}
        placeholder={t('common.searchPlaceholder')}
        title={withShortcut(t('common.search'), 'search')}
        data-shortcut="search"
        onChange={(event) => onChange(event.target.value)}
        data-testid="quick-search"
      />
    </label>
  );
}
