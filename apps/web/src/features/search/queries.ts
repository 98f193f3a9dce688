import { graphql } from '../../graphql/graphql.js';
import { ChallengeCardFragment } from '../challenges/ChallengeCard.js';
import { challengeOnly, type HomeSearch } from './search.js';

const FacetsFragment = graphql(`
  fragment SearchFacets on Facet {
    field
    values {
      value
      count
      label {
        sl
        en
      }
    }
  }
`);

/**
 * The home page and its search in one request. Without a search it asks only for the featured and
 * municipal challenges; with one, each kind of result for its first page (or the shown tab's page
 * after a cursor), the facets, and the awarded challenges' count for the status facet.
 */
export const HomeQuery = graphql(
  `
    query Home(
      $query: String
      $filter: SearchFilterInput
      $challengeFilter: SearchFilterInput
      $first: Int!
      $challengesAfter: String
      $awardedAfter: String
      $creativesAfter: String
      $needsAfter: String
      $offersAfter: String
      $searching: Boolean!
      $others: Boolean!
      $awarded: Boolean!
    ) {
      searchChallenges(query: $query, filter: $challengeFilter, first: $first, after: $challengesAfter) @skip(if: $awarded) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        facets {
          ...SearchFacets
        }
        nodes {
          id
          ...ChallengeCard
        }
      }
      awardedChallenges: challenges(status: AWARDED, first: $first, after: $awardedAfter) @include(if: $searching) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...ChallengeCard
        }
      }
      searchCreatives(query: $query, filter: $filter, first: $first, after: $creativesAfter) @include(if: $others) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          displayName
          municipality {
            name
          }
        }
      }
      searchNeeds(query: $query, filter: $filter, first: $first, after: $needsAfter) @include(if: $others) {
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
          owner {
            name
          }
        }
      }
      searchOffers(query: $query, filter: $filter, first: $first, after: $offersAfter) @include(if: $others) {
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
          creative {
            displayName
          }
        }
      }
      organisations(first: 50) @include(if: $others) {
        nodes {
          id
          name
          kind
          municipality {
            name
          }
        }
      }
      municipal: searchChallenges(filter: { kinds: ["PUBLIC_SERVICE"] }, first: 50) @skip(if: $searching) {
        nodes {
          id
          publishedAt
          ...ChallengeCard
        }
      }
      municipalDone: challenges(status: AWARDED, first: 50) @skip(if: $searching) {
        nodes {
          id
          kind
          publishedAt
          ...ChallengeCard
        }
      }
    }
  `,
  [ChallengeCardFragment, FacetsFragment],
);

export { FacetsFragment };

export function isSearching(search: HomeSearch): boolean {
  return Boolean(search.q || search.tab || search.domain || search.municipality || search.kind || search.reward || search.deadline || search.status);
}

export function homeVariables(search: HomeSearch) {
  const shared = {
    ...(search.domain ? { domains: [search.domain] } : {}),
    ...(search.municipality ? { municipalities: [search.municipality] } : {}),
  };
  const challenge = {
    ...shared,
    ...(search.kind ? { kinds: [search.kind] } : {}),
    ...(search.reward ? { rewardKinds: [search.reward] } : {}),
    ...(search.deadline ? { deadlineMonths: [search.deadline] } : {}),
  };
  const searching = isSearching(search);
  const after = (tab: HomeSearch['tab']) => (search.tab === tab && search.after ? search.after : null);
  return {
    query: search.q ?? null,
    filter: Object.keys(shared).length > 0 ? shared : null,
    challengeFilter: Object.keys(challenge).length > 0 ? challenge : null,
    first: !searching ? 6 : search.tab ? 20 : 6,
    // The search's cursors and the awarded list's are of different kinds: each goes to its own list.
    challengesAfter: search.status === 'awarded' ? null : after('challenges'),
    awardedAfter: search.status === 'awarded' ? after('challenges') : null,
    creativesAfter: after('creatives'),
    needsAfter: after('needs'),
    offersAfter: after('offers'),
    searching,
    others: searching && !challengeOnly(search),
    awarded: search.status === 'awarded',
  };
}
