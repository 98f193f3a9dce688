import { MarketplaceException } from '../common/marketplace.errors.js';
import { RewardKind, type TermsColumns, validateTerms } from './challenge-terms.js';

const NONE: TermsColumns = { totalBudgetEur: null, awardsCount: null, ipTerms: null, ipDetailsSl: null, ipDetailsEn: null, twoStage: false, shortlistSize: null, shortlistFeeEur: null };
const OWNER = '11111111-1111-4111-8111-111111111111';

describe('validateTerms', () => {
  it('takes null for an optional list (GraphQL allows it) like leaving it out: stored lists are kept, nothing throws', () => {
    // Found by the schema fuzzer: createChallenge(input: { partners: null }) was an internal error (null.length).
    const stored = [{ kind: RewardKind.PrizeMoney, amountEur: 900, descriptionSl: null, descriptionEn: null }];
    const terms = validateTerms({ partners: null, rewards: null, criteria: null, totalBudgetEur: 1000 }, OWNER, { ...NONE, rewards: stored });
    expect(terms.partners).toBeUndefined();
    expect(terms.rewards).toBeUndefined();
    expect(terms.criteria).toBeUndefined();
    expect(terms.columns.totalBudgetEur).toBe(1000);
    // The stored rewards still count against the budget.
    expect(() => validateTerms({ rewards: null, totalBudgetEur: 800 }, OWNER, { ...NONE, rewards: stored })).toThrow(MarketplaceException);
  });

  it('still checks lists that are sent', () => {
    expect(() => validateTerms({ criteria: [{ name: { sl: 'Izvirnost' }, weight: 60 }] }, OWNER, NONE)).toThrow(/add up to 100/);
    expect(validateTerms({ partners: [], rewards: [], criteria: [] }, OWNER, NONE)).toMatchObject({ partners: [], rewards: [], criteria: [] });
  });
});
