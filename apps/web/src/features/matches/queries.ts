import { TermFields } from '../../graphql/fragments.js';
import { graphql } from '../../graphql/graphql.js';
import { ChallengeCardFragment } from '../challenges/ChallengeCard.js';

/** Which creative profile the signed-in account owns (null: none yet). Shared by every page here. */
export const MyCreativeQuery = graphql(`
  query MyCreative {
    me {
      id
      creativeProfileId
    }
  }
`);

export const MatchExplanationFragment = graphql(`
  fragment MatchExplanation on ChallengeMatch {
    score
    factors {
      factor
      score
      contribution
      reason {
        sl
        en
      }
    }
    hints {
      sl
      en
    }
  }
`);

export const MyMatchesQuery = graphql(
  `
    query MyMatches($id: ID!, $first: Int) {
      creativeProfile(id: $id) {
        id
        matchingConsent
      }
      matchesForCreative(id: $id, first: $first) {
        challenge {
          id
          ...ChallengeCard
        }
        ...MatchExplanation
      }
    }
  `,
  [ChallengeCardFragment, MatchExplanationFragment],
);

export const MyVerdictQuery = graphql(`
  query MyVerdict($challengeId: ID!, $creativeId: ID!) {
    creativeProfile(id: $creativeId) {
      id
      matchingConsent
    }
    myMatchWithChallenge(challengeId: $challengeId) {
      matched
      score
      threshold
      reasons {
        sl
        en
      }
      factors {
        factor
        score
        contribution
        reason {
          sl
          en
        }
      }
      hints {
        sl
        en
      }
    }
  }
`);

export const SetConsentMutation = graphql(`
  mutation GiveMatchingConsent {
    setMatchingConsent(consent: true) {
      id
      matchingConsent
    }
  }
`);

export const MyDomainsQuery = graphql(`
  query MyDomains($id: ID!) {
    creativeProfile(id: $id) {
      id
      domains {
        ...TermFields
      }
    }
  }
`, [TermFields]);

export const NeedsInDomainsQuery = graphql(`
  query NeedsInDomains($domains: [String!]!, $after: String) {
    searchNeeds(filter: { domains: $domains }, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title {
          sl
          en
        }
        budgetMinEur
        budgetMaxEur
        timelineEnd
        owner {
          id
          name
        }
        domains {
          ...TermFields
        }
      }
    }
  }
`, [TermFields]);

export const MyOffersQuery = graphql(`
  query MyOffers($after: String) {
    myOffers(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        kind
        priceFromEur
        updatedAt
        title {
          sl
          en
        }
      }
    }
  }
`);

export const OfferFormQuery = graphql(
  `
    query OfferForm {
      me {
        id
        creativeProfileId
      }
      referenceData {
        domains {
          ...TermFields
        }
        crafts {
          ...TermFields
        }
        techniques {
          ...TermFields
        }
        materials {
          ...TermFields
        }
      }
    }
  `,
  [TermFields],
);

export const EditOfferQuery = graphql(`
  query EditOffer($id: ID!) {
    offer(id: $id) {
      id
      status
      kind
      priceFromEur
      title {
        sl
        en
      }
      description {
        sl
        en
      }
      domains {
        code
      }
      crafts {
        code
      }
      techniques {
        code
      }
      materials {
        code
      }
    }
  }
`);

export const CreateOfferMutation = graphql(`
  mutation CreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      id
      status
    }
  }
`);

export const UpdateOfferMutation = graphql(`
  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) {
    updateOffer(id: $id, input: $input) {
      id
      status
    }
  }
`);

export const PublishOfferMutation = graphql(`
  mutation PublishOffer($id: ID!) {
    publishOffer(id: $id) {
      id
      status
    }
  }
`);

export const CloseOfferMutation = graphql(`
  mutation CloseOffer($id: ID!) {
    closeOffer(id: $id) {
      id
      status
    }
  }
`);
