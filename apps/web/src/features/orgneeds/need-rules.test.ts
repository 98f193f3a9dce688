import { describe, expect, it } from 'vitest';
import { checkNeed, isIsoDate, needInput, type NeedValues } from './need-rules.js';

const EMPTY: NeedValues = { titleSl: '', titleEn: '', descriptionSl: '', descriptionEn: '', domains: [], techniques: [], budgetMinEur: '', budgetMaxEur: '', timelineStart: '', timelineEnd: '' };

describe('checkNeed', () => {
  it('needs a title in one language at least', () => {
    expect(checkNeed(EMPTY)).toEqual({ titleSl: 'required' });
    expect(checkNeed({ ...EMPTY, titleEn: 'Labels' })).toEqual({});
  });

  it('wants whole euros, the maximum not below the minimum', () => {
    expect(checkNeed({ ...EMPTY, titleSl: 'x', budgetMinEur: '12.5', budgetMaxEur: '-3' })).toEqual({ budgetMinEur: 'euros', budgetMaxEur: 'euros' });
    expect(checkNeed({ ...EMPTY, titleSl: 'x', budgetMinEur: '2000', budgetMaxEur: '1500' })).toEqual({ budgetMaxEur: 'budgetOrder' });
    expect(checkNeed({ ...EMPTY, titleSl: 'x', budgetMinEur: '1500', budgetMaxEur: '1500' })).toEqual({});
  });

  it('wants real dates, the end not before the start', () => {
    expect(checkNeed({ ...EMPTY, titleSl: 'x', timelineStart: '2027-02-30', timelineEnd: '31. 3. 2027' })).toEqual({ timelineStart: 'date', timelineEnd: 'date' });
    expect(checkNeed({ ...EMPTY, titleSl: 'x', timelineStart: '2027-04-01', timelineEnd: '2027-03-31' })).toEqual({ timelineEnd: 'dateOrder' });
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});

describe('needInput', () => {
  it('sends empty fields as null and numbers as numbers', () => {
    expect(needInput({ ...EMPTY, titleSl: ' Etikete ', budgetMaxEur: '900', domains: ['design-visual-arts'] })).toEqual({
      title: { sl: 'Etikete', en: null },
      description: { sl: null, en: null },
      domains: ['design-visual-arts'],
      techniques: [],
      budgetMinEur: null,
      budgetMaxEur: 900,
      timelineStart: null,
      timelineEnd: null,
    });
  });
});
