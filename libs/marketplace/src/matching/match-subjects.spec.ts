import { ChallengeEntity } from '@app/database';
import { challengeDemand, demandConceptQuery } from './match-subjects.js';

const challenge = (over: Partial<ChallengeEntity>): ChallengeEntity => Object.assign(new ChallengeEntity(), {
  titleSl: '', titleEn: null, briefSl: null, briefEn: null, domains: [], techniques: [], materials: [],
  onSite: false, workingLanguages: [], eligibleKinds: [], eligibleMunicipalities: [], ...over,
});

describe('demandConceptQuery', () => {
  it('asks retrieval for the core concepts, everything named, and the core concepts\' non-root parents', () => {
    const demand = challengeDemand(challenge({ titleSl: 'Nova embalaža za sir', briefSl: 'Embalaža in etikete za gorski sir iz Bohinja.' }), null);
    const query = demandConceptQuery(demand);
    expect(query.concepts).toContain('packaging');
    // packaging → graphic design and product design: illustrators and brand designers are fetched
    // (work under a parent), not everyone under the root "design".
    expect(query.relatedConcepts).toEqual(expect.arrayContaining(['graphic-design', 'product-design']));
    expect(query.relatedConcepts).not.toContain('design');
    for (const id of query.concepts) expect(query.otherConcepts).toContain(id);
  });

  it('has no related concepts when nothing is recognised', () => {
    expect(demandConceptQuery(challengeDemand(challenge({ titleSl: 'Xyzzy qwerty' }), null))).toEqual({ concepts: [], otherConcepts: [], relatedConcepts: [] });
  });
});
