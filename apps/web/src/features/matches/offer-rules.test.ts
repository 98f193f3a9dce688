import { describe, expect, it } from 'vitest';
import { checkOffer, MAX_EUR, priceOf, type OfferValues } from './offer-rules.js';
import { validateMatchesSearch, validateNeedsSearch, validateOffersSearch } from './search.js';

const empty: OfferValues = { titleSl: '', titleEn: '', descriptionSl: '', descriptionEn: '', kind: 'SERVICE', domains: [], crafts: [], techniques: [], materials: [], priceFromEur: '' };

describe('offer form checks', () => {
  it('needs a title in one language at least (spaces are nothing) and puts the message on the Slovenian field', () => {
    expect(checkOffer(empty)).toEqual({ titleSl: 'required' });
    expect(checkOffer({ ...empty, titleSl: '   ' })).toEqual({ titleSl: 'required' });
    expect(checkOffer({ ...empty, titleEn: 'Blueprint workshop' })).toEqual({});
    expect(checkOffer({ ...empty, titleSl: 'Delavnica' })).toEqual({});
  });

  it('takes a price only in whole euros up to the API limit, or none', () => {
    const priced = (priceFromEur: string) => checkOffer({ ...empty, titleSl: 'x', priceFromEur });
    for (const ok of ['', '  ', '0', '150', ` ${MAX_EUR} `]) expect(priced(ok)).toEqual({});
    for (const bad of ['sto evrov', '12.5', '12,5', '-3', '1e3', String(MAX_EUR + 1)]) expect(priced(bad)).toEqual({ priceFromEur: 'price' });
    expect(priceOf(' 150 ')).toBe(150);
    expect(priceOf('')).toBeNull();
  });
});

describe('URL state of the matches pages', () => {
  it('keeps only what it knows, with fallbacks', () => {
    expect(validateMatchesSearch({ all: 'true' })).toEqual({ all: true });
    expect(validateMatchesSearch({ all: 'yes' })).toEqual({});
    expect(validateNeedsSearch({ after: 'abc' })).toEqual({ after: 'abc' });
    expect(validateNeedsSearch({ after: 42 })).toEqual({});
    expect(validateNeedsSearch({ after: 'x'.repeat(201) })).toEqual({});
    expect(validateOffersSearch({ done: 'created', after: 'c' })).toEqual({ done: 'created', after: 'c' });
    expect(validateOffersSearch({ done: 'deleted' })).toEqual({});
  });
});
