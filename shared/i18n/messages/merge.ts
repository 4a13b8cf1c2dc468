import { defineMessages } from '../define';

/** Merging two records of one town or two partnerships of one member. */
export const mergeMessages = defineMessages(
  {
    'merge.town.button': 'Sloučit s jiným záznamem města…',
    'merge.partnership.button': 'Sloučit s jiným partnerstvím obce…',
    'merge.town.title': 'Sloučit dva záznamy jednoho města',
    'merge.partnership.title': 'Sloučit dvě partnerství jedné obce',
    'merge.town.explain':
      'Vyberte záznam, který je totéž město jako {keep} (jinak napsaný název). Zůstane záznam {keep}.',
    'merge.partnership.explain': 'Vyberte partnerství, které je totéž jako toto ({keep}). Zůstane toto partnerství.',
    'merge.town.summary':
      '„{other}“ se sloučí do „{keep}“: jeho názvy zůstanou jako další názvy, prázdné údaje se doplní (vyplněné zůstanou, jak jsou u „{keep}“), poznámky a historie se spojí, jeho partnerství a žádosti přejdou sem (se stejnou obcí se spojí). Sloučení lze vrátit.',
    'merge.partnership.summary':
      'Partnerství s „{other}“ se sloučí do tohoto: prázdné údaje se doplní, poznámky spojí, kontakty, aktivity a návrhy smluv přejdou sem. Sloučení lze vrátit.',
    'merge.confirm': 'Sloučit',
    'merge.choose': 'Záznam ke sloučení',
    'merge.none': 'Žádný jiný záznam k výběru.',
    'merge.partnershipsCount.one': '{count} partnerství',
    'merge.partnershipsCount.few': '{count} partnerství',
    'merge.partnershipsCount.other': '{count} partnerství',
    'merge.done': 'Sloučeno: „{other}“ → „{keep}“.',
    'merge.undone': 'Sloučení vráceno.',
    'merge.error.otherMember': 'Sloučit lze jen partnerství téže obce.',
    'merge.error.otherCountry': 'Sloučit lze jen města téhož státu.',
    'merge.error.changedSince': 'Záznam se od sloučení změnil, sloučení už nelze vrátit.',
  },
  {
    'merge.town.button': 'Merge with another record of this town…',
    'merge.partnership.button': 'Merge with another partnership of this member…',
    'merge.town.title': 'Merge two records of one town',
    'merge.partnership.title': 'Merge two partnerships of one member',
    'merge.town.explain':
      'Choose the record that is the same town as {keep} (a name written differently). {keep} stays.',
    'merge.partnership.explain':
      'Choose the partnership that is the same as this one ({keep}). This partnership stays.',
    'merge.town.summary':
      '“{other}” is merged into “{keep}”: its names stay as other names, empty fields are filled (filled ones stay as “{keep}” has them), notes and history are joined, its partnerships and requests move here (joined with the same member’s). The merge can be undone.',
    'merge.partnership.summary':
      'The partnership with “{other}” is merged into this one: empty fields filled, notes joined, contacts, activities and agreement drafts moved here. The merge can be undone.',
    'merge.confirm': 'Merge',
    'merge.choose': 'Record to merge',
    'merge.none': 'No other record to choose.',
    'merge.partnershipsCount.one': '{count} partnership',
    'merge.partnershipsCount.few': '{count} partnerships',
    'merge.partnershipsCount.other': '{count} partnerships',
    'merge.done': 'Merged: “{other}” → “{keep}”.',
    'merge.undone': 'Merge undone.',
    'merge.error.otherMember': 'Only partnerships of one member can be merged.',
    'merge.error.otherCountry': 'Only towns of one country can be merged.',
    'merge.error.changedSince': 'The record has changed since the merge; it can no longer be undone.',
  },
);
