import { Suspense, lazy, useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n';

/**
 * The partner-town card, opened from anywhere (a grid cell, a detail, the agreement screen). The
 * dialog itself (its form, the small map) loads when a card is first opened, not with the first
 * screen.
 */
const TownCardDialog = lazy(() => import('./TownCardDialog').then((m) => ({ default: m.TownCardDialog })));

/* One card open at a time. */
type Listener = (townId: number | null) => void;
const listeners = new Set<Listener>();

/** Opens the card of a partner town (the host mounted once in the app shows it). */
export function openTownCard(townId: number): void {
  for (const listener of listeners) listener(townId);
}

/** Shows the card `openTownCard` asks for; mounted once, in the app's shell. */
export function TownCardHost() {
  const [townId, setTownId] = useState<number | null>(null);
  useEffect(() => {
    listeners.add(setTownId);
    return () => {
      listeners.delete(setTownId);
    };
  }, []);
  return townId === null ? null : (
    <Suspense fallback={null}>
      <TownCardDialog key={townId} townId={townId} onClose={() => setTownId(null)} />
    </Suspense>
  );
}

/** A small button that opens a town's card (a grid cell, a detail's town section). */
export function TownCardButton({ townId, name, testId }: { townId: number; name: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="link-button town-card-button"
      title={t('towns.card.openTitle', { name })}
      aria-label={t('towns.card.openTitle', { name })}
      onClick={(event) => {
        event.stopPropagation();
        openTownCard(townId);
      }}
      data-testid={testId ?? `town-card-${String(townId)}`}
    >
      {t('towns.card.open')}
    </button>
  );
}
