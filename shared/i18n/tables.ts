import type { UiLanguage } from '../domain/codes';
import { commonMessages } from './messages/common';
import { domainMessages } from './messages/domain';
import { membersMessages } from './messages/members';
import { menuMessages } from './messages/menu';
import { partnershipsMessages } from './messages/partnerships';
import { settingsMessages } from './messages/settings';
import { importMessages } from './messages/import';
import { validationMessages } from './messages/validation';
import { requestsMessages } from './messages/requests';
import { agreementsMessages } from './messages/agreements';
import { statisticsMessages } from './messages/statistics';
import { provenanceMessages } from './messages/provenance';
import { mergeMessages } from './messages/merge';
import { helpMessages } from './messages/help';
import { townsMessages } from './messages/towns';
import { transferMessages } from './messages/transfer';
import { mapMessages } from './messages/map';
import { gazetteerLinkMessages } from './messages/gazetteer-link';

/** Every feature's catalog; a feature adds its file here. */
export const CATALOGS = [
  commonMessages,
  domainMessages,
  membersMessages,
  menuMessages,
  partnershipsMessages,
  settingsMessages,
  validationMessages,
  requestsMessages,
  statisticsMessages,
  importMessages,
  agreementsMessages,
  provenanceMessages,
  mergeMessages,
  townsMessages,
  helpMessages,
  transferMessages,
  mapMessages,
  gazetteerLinkMessages,
] as const;

const merge = (language: UiLanguage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const catalog of CATALOGS) Object.assign(out, catalog[language]);
  return out;
};

/**
 * Every message of both languages. The renderer's build replaces this module with tables loaded
 * one language at a time (`renderer/lib/message-tables.ts`), so the first start of the window
 * does not parse the language it does not show; the CLI, documents and tests use this one.
 */
export const MESSAGES: Record<UiLanguage, Record<string, string>> = { cs: merge('cs'), en: merge('en') };
