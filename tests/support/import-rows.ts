/**
 * Rows of the files the import tests write: the public municipality list's layout (with Děčín as
 * it writes it and a town the demo registry lacks) and a partnerships table with its mapping.
 */
export const MUNICIPALITY_HEADER = 'Obec,Kód obce,Okres,Kód okresu,Kraj,Kód kraje,PSČ,Latitude,Longitude';
export const DECIN = 'DĚČÍN,562335,Děčín,CZ0421,Ústecký kraj,CZ042,40502,50.7727,14.2129';
export const NEW_CITY =
  'BRANDÝS NAD LABEM-STARÁ BOLESLAV,538094,Praha-východ,CZ0209,Středočeský kraj,CZ020,25001,50.1872,14.6633';

export const PARTNERSHIP_HEADER = 'Kód české obce;Partnerské město;Stát partnera;Datum zahájení;Poznámka';
export const PARTNERSHIP_MAPPING = {
  municipalityCode: 'Kód české obce',
  townName: 'Partnerské město',
  country: 'Stát partnera',
  startedOn: 'Datum zahájení',
  notes: 'Poznámka',
};
