import type { ReactNode } from 'react';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import type { MessageKey } from '../../../shared/i18n/index';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';
import { shortcutKeys, type ShortcutName } from '../../lib/shortcuts';
import './help.css';

const SECTIONS = [
  { id: 'types', title: 'help.types.title' },
  { id: 'statuses', title: 'help.statuses.title' },
  { id: 'provenance', title: 'help.provenance.title' },
  { id: 'sources', title: 'help.sources.title' },
  { id: 'import', title: 'help.import.title' },
  { id: 'merge', title: 'help.merge.title' },
  { id: 'backups', title: 'help.backups.title' },
  { id: 'keys', title: 'help.keys.title' },
] as const satisfies readonly { id: string; title: MessageKey }[];

const KEYS: readonly { name: ShortcutName; text: MessageKey }[] = [
  { name: 'new', text: 'help.key.new' },
  { name: 'save', text: 'help.key.save' },
  { name: 'search', text: 'help.key.search' },
  { name: 'undo', text: 'help.key.undo' },
  { name: 'close', text: 'help.key.close' },
  { name: 'help', text: 'help.key.help' },
];

/** Keys of a grid's row (the same on every system). */
const GRID_KEYS: readonly { keys: string; text: MessageKey }[] = [
  { keys: 'Enter', text: 'help.key.gridOpen' },
  { keys: 'Delete', text: 'help.key.gridDelete' },
  { keys: 'F2', text: 'help.key.gridEdit' },
];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="help-section card" aria-labelledby={`help-${id}`} data-testid={`help-${id}`}>
      <h2 id={`help-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * What the registry's words mean and how its data comes and goes: partnership types and statuses
 * (the codes of shared/domain/codes.ts with their usual names), provenance, data sources, import,
 * merging duplicates and its undo, backups and the keyboard shortcuts.
 */
export function HelpPage() {
  const { t, tk } = useI18n();
  const title = (id: (typeof SECTIONS)[number]['id']) => t(SECTIONS.find((s) => s.id === id)?.title ?? 'help.title');
  return (
    <section className="page page-scroll help" data-testid="help-page">
      <PageHeader title={t('help.title')} />
      <p className="help-intro">{t('help.intro')}</p>
      <nav className="help-toc" aria-label={t('help.toc')}>
        {SECTIONS.map((section) => (
          <a
            key={section.id}
            href={`#help-${section.id}`}
            onClick={(event) => {
              // The hash holds the screen (#/help): scroll instead of navigating.
              event.preventDefault();
              document.getElementById(`help-${section.id}`)?.scrollIntoView({ block: 'start' });
            }}
          >
            {t(section.title)}
          </a>
        ))}
      </nav>

      <Section id="types" title={title('types')}>
        <dl className="help-terms">
          {PARTNERSHIP_TYPES.map((code) => (
            <div key={code} data-testid={`help-type-${code}`}>
              <dt>{tk(`partnershipType.${code}`)}</dt>
              <dd>{tk(`help.type.${code}`)}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="statuses" title={title('statuses')}>
        <dl className="help-terms">
          {PARTNERSHIP_STATUSES.map((code) => (
            <div key={code} data-testid={`help-status-${code}`}>
              <dt>{tk(`partnershipStatus.${code}`)}</dt>
              <dd>{tk(`help.status.${code}`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t('help.statuses.dormantNote')}</p>
        <p>{t('help.statuses.periodNote')}</p>
        <p data-testid="help-term-unknown">{t('help.term.unknown')}</p>
      </Section>

      <Section id="provenance" title={title('provenance')}>
        <p>{t('help.provenance.body')}</p>
        <p>{t('help.provenance.verify')}</p>
        <p>{t('help.provenance.history')}</p>
      </Section>

      <Section id="sources" title={title('sources')}>
        <p>{t('help.sources.import')}</p>
        <p>{t('help.sources.gazetteer')}</p>
        <p>{t('help.sources.ares')}</p>
        <p>{t('help.sources.boundaries')}</p>
        <p>{t('help.sources.demo')}</p>
      </Section>

      <Section id="import" title={title('import')}>
        <ol>
          <li>{t('help.import.step1')}</li>
          <li>{t('help.import.step2')}</li>
          <li>{t('help.import.step3')}</li>
          <li>{t('help.import.step4')}</li>
          <li>{t('help.import.step5')}</li>
        </ol>
      </Section>

      <Section id="merge" title={title('merge')}>
        <p>{t('help.merge.start')}</p>
        <p>{t('help.merge.town')}</p>
        <p>{t('help.merge.partnership')}</p>
        <p>{t('help.merge.undo')}</p>
        <p>{t('help.merge.revert')}</p>
        <p>{t('help.merge.gazetteer')}</p>
      </Section>

      <Section id="backups" title={title('backups')}>
        <p>{t('help.backups.when')}</p>
        <p>{t('help.backups.restore')}</p>
        <p>{t('help.backups.server')}</p>
        <p>{t('help.backups.bin')}</p>
        <p>{t('help.backups.attachments')}</p>
      </Section>

      <Section id="keys" title={title('keys')}>
        <table className="help-keys">
          <thead>
            <tr>
              <th scope="col">{t('help.keys.key')}</th>
              <th scope="col">{t('help.keys.action')}</th>
            </tr>
          </thead>
          <tbody>
            {KEYS.map((key) => (
              <tr key={key.name}>
                <td>
                  <kbd>{shortcutKeys(key.name)}</kbd>
                </td>
                <td>{t(key.text)}</td>
              </tr>
            ))}
            {GRID_KEYS.map((key) => (
              <tr key={key.keys}>
                <td>
                  <kbd>{key.keys}</kbd>
                </td>
                <td>{t(key.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('help.keys.mac')}</p>
      </Section>
    </section>
  );
}
