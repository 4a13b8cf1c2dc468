import { defineMessages } from '../define';

/**
 * The map's own catalog (its older keys are still in statistics.ts). Keys start with `map.`, so
 * the renderer loads them with the map's screen (MESSAGE_PARTS in renderer/vite.config.ts).
 */
export const mapMessages = defineMessages(
  {
    'map.legend.status': 'Stav partnerství:',
    'map.legend.statusLine': 'Stav partnerství: {statuses}',
    'map.undivided.one': '{count} kraj se na okresy nedělí: v registru nemá obec s polohou v každém okrese',
    'map.undivided.few': '{count} kraje se na okresy nedělí: v registru nemají obec s polohou v každém okrese',
    'map.undivided.other': '{count} krajů se na okresy nedělí: v registru nemají obec s polohou v každém okrese',
    'map.undivided.show': 'Které kraje a okresy',
    'map.undivided.details':
      'Kraje stínované celé, jako při stínování krajů: {kraje}. Okresy, které v registru nemají obec s polohou: {okresy}.',
    'map.tooltip.undivided': 'Kraj se na okresy nedělí (stínován celý)',
  },
  {
    'map.legend.status': 'Partnership status:',
    'map.legend.statusLine': 'Partnership status: {statuses}',
    'map.undivided.one':
      '{count} region is not divided into districts: the registry lacks a located municipality in each of its districts',
    'map.undivided.few':
      '{count} regions are not divided into districts: the registry lacks a located municipality in each of their districts',
    'map.undivided.other':
      '{count} regions are not divided into districts: the registry lacks a located municipality in each of their districts',
    'map.undivided.show': 'Which regions and districts',
    'map.undivided.details':
      'Regions shaded whole, as when shading regions: {kraje}. Districts with no located municipality in the registry: {okresy}.',
    'map.tooltip.undivided': 'Region not divided into districts (shaded whole)',
  },
);
