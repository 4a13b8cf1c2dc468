import type { ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n/index';
import { ImportButton } from '../features/import/ImportButton';
import { MembersPage } from '../features/members/MembersPage';
import { PartnershipsPage } from '../features/partnerships/PartnershipsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { MapPage } from '../features/map/MapPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { AgreementsPage } from '../features/agreements/AgreementsPage';

/** `keepAlive`: the screen stays alive in the background after its first visit (see KeptScreen). */
export type Route = { id: string; label: MessageKey; render: () => ReactNode; keepAlive?: boolean };

/** The screens, in the order of the navigation. */
export const ROUTES: readonly Route[] = [
  {
    id: 'members',
    label: 'nav.members',
    render: () => <MembersPage importButton={<ImportButton />} />,
    keepAlive: true,
  },
  { id: 'partnerships', label: 'nav.partnerships', render: () => <PartnershipsPage />, keepAlive: true },
  { id: 'agreements', label: 'nav.agreements', render: () => <AgreementsPage /> },
  {
    id: 'statistics',
    label: 'nav.statistics',
    render: () => <StatisticsPage />,
  },
  { id: 'map', label: 'nav.map', render: () => <MapPage /> },
  {
    id: 'requests',
    label: 'nav.requests',
    render: () => <RequestsPage />,
  },
  { id: 'settings', label: 'nav.settings', render: () => <SettingsPage /> },
];
