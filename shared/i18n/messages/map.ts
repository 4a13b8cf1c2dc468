import { defineMessages } from '../define';

/**
 * The map's own catalog (its older keys are still in statistics.ts). Keys start with `map.`, so
 * the renderer loads them with the map's screen (MESSAGE_PARTS in renderer/vite.config.ts).
 */
export const mapMessages = defineMessages(
  {
    'map.legend.status': 'Stav partnerství:',
    'map.legend.statusLine': 'Stav partnerství: {statuses}',
  },
  {
    'map.legend.status': 'Partnership status:',
    'map.legend.statusLine': 'Partnership status: {statuses}',
  },
);
