import { defineMessages } from '../define';

/** Messages of field rules shared by several features (`validation.*` keys used in shared/domain). */
export const validationMessages = defineMessages(
  {
    'validation.required': 'Vyplňte toto pole.',
    'validation.tooLong': 'Text je příliš dlouhý.',
    'validation.invalid': 'Neplatná hodnota.',
    'validation.number': 'Zadejte číslo.',
    'validation.wholeNumber': 'Zadejte celé číslo.',
    'validation.date': 'Zadejte platné datum (RRRR-MM-DD).',
    'validation.partialDate': 'Zadejte datum (22. 5. 1994), měsíc (5/1994) nebo jen rok (1994).',
    'validation.email': 'Zadejte platnou e-mailovou adresu.',
    'validation.website': 'Zadejte adresu webu začínající https:// nebo http://.',
    'validation.municipalityCode': 'Kód obce má přesně 6 číslic.',
    'validation.coordinatesPair': 'Vyplňte obě souřadnice, nebo žádnou.',
    'validation.countryCode': 'Zvolte platný kód státu (ISO, např. DE).',
  },
  {
    'validation.required': 'Please fill in this field.',
    'validation.tooLong': 'The text is too long.',
    'validation.invalid': 'Invalid value.',
    'validation.number': 'Enter a number.',
    'validation.wholeNumber': 'Enter a whole number.',
    'validation.date': 'Enter a valid date (YYYY-MM-DD).',
    'validation.partialDate': 'Enter a date (1994-05-22), a month (1994-05) or only a year (1994).',
    'validation.email': 'Enter a valid e-mail address.',
    'validation.website': 'Enter a website address starting with https:// or http://.',
    'validation.municipalityCode': 'A municipality code has exactly 6 digits.',
    'validation.coordinatesPair': 'Fill in both coordinates, or neither.',
    'validation.countryCode': 'Choose a valid country code (ISO, e.g. DE).',
  },
);
