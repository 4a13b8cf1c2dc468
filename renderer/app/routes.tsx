import { lazy, type ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n/index';
import { ImportButton } from '../features/import/ImportButton';
import { MembersPage } from '../features/members/MembersPage';
import { partnershipsStore } from '../features/partnerships/partnerships-store';
import { loadMessagePart } from '../lib/message-tables';

// The first screen (Members) is in the first script; every other screen is its own chunk, loaded
// when it is first opened (charts, the map, the DOCX preview and their libraries with them), so
// the first rows do not wait for code they do not need. App.tsx shows "Loading…" meanwhile.
const PartnershipsPage = lazy(() =>
  import('../features/partnerships/PartnershipsPage').then((m) => ({ default: m.PartnershipsPage })),
);
// The Agreements, Map, Requests and Help screens' texts are parts of the messages of their own (not in the
// first chunk): each loads with its screen.
const AgreementsPage = lazy(() =>
  Promise.all([import('../features/agreements/AgreementsPage'), loadMessagePart('agreements')]).then(([m]) => ({
    default: m.AgreementsPage,
  })),
);
const StatisticsPage = lazy(() =>
  import('../features/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })),
);
const MapPage = lazy(() =>
  Promise.all([import('../features/map/MapPage'), loadMessagePart('map')]).then(([m]) => ({ default: m.MapPage })),
);
const RequestsPage = lazy(() =>
  Promise.all([import('../features/requests/RequestsPage'), loadMessagePart('requests')]).then(([m]) => ({
    default: m.RequestsPage,
  })),
);
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const HelpPage = lazy(() =>
  Promise.all([import('../features/help/HelpPage'), loadMessagePart('help')]).then(([m]) => ({ default: m.HelpPage })),
);

/**
 * `keepAlive`: the screen stays alive in the background after its first visit (see KeptScreen).
 * `prefetch`: starts loading the screen's data as soon as it is chosen, while its code loads.
 */
export type Route = {
  id: string;
  label: MessageKey;
  render: () => ReactNode;
  keepAlive?: boolean;
  prefetch?: () => void;
};

/** The screens, in the order of the navigation. */
export const ROUTES: readonly Route[] = [
  {
    id: 'members',
    label: 'nav.members',
    render: () => <MembersPage importButton={<ImportButton />} />,
    keepAlive: true,
  },
  {
    id: 'partnerships',
    label: 'nav.partnerships',
    render: () => <PartnershipsPage />,
    keepAlive: true,
    // At 60,000 rows core takes about a second to answer: ask before the screen's code arrives.
    prefetch: () => partnershipsStore.ensureLoaded(),
  },
  // Kept: a draft being typed (a seat, a mayor, edited articles) is still there after a look at
  // another screen (it was dropped without a word).
  { id: 'agreements', label: 'nav.agreements', render: () => <AgreementsPage />, keepAlive: true },
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
  { id: 'help', label: 'nav.help', render: () => <HelpPage /> },
];
