import { graphql } from '../../graphql/graphql.js';
import { ChallengeCardFragment } from '../challenges/ChallengeCard.js';
import type { HomeSearch } from './search.js';

export const HomeQuery = graphql(
  `
    query Home($query: String, $filter: SearchFilterInput, $first: Int!) {
      searchChallenges(query: $query, filter: $filter, first: $first) {
        totalCount
        facets {
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
        nodes {
          id
          ...ChallengeCard
        }
      }
      searchCreatives(query: $query, filter: $filter, first: $first) {
        totalCount
        nodes {
          id
          displayName
          municipality {
            name
          }
          domains {
            code
            label {
              sl
              en
            }
          }
        }
      }
      searchNeeds(query: $query, filter: $filter, first: $first) {
        totalCount
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
      searchOffers(query: $query, filter: $filter, first: $first) {
        totalCount
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
      organisations(first: 50) {
        nodes {
          id
          name
          kind
          municipality {
            name
          }
        }
      }
      open: challenges(status: PUBLISHED, first: 50) {
        nodes {
          id
          kind
          publishedAt
          ...ChallengeCard
        }
      }
    }
  `,
  [ChallengeCardFragment],
);

export function homeVariables(search: HomeSearch) {
  const filter = {
    ...(search.domain ? { domains: [search.domain] } : {}),
    ...(search.municipality ? { municipalities: [search.municipality] } : {}),
  };
  return { query: search.q ?? null, filter: Object.keys(filter).length > 0 ? filter : null, first: search.tab ? 20 : 6 };
}
