import { graphql } from '../../graphql/graphql.js';
import type { SupportSearch } from './search.js';

/** What a measure shows in a list (directory, "for you", the organisers' list). */
export const SupportMeasureCardFragment = graphql(`
  fragment SupportMeasureCard on SupportMeasure {
    id
    status
    state
    isDemo
    title {
      sl
      en
    }
    summary {
      sl
      en
    }
    eligibility {
      creativeKinds
      organisationKinds
    }
    amountMinEur
    amountMaxEur
    deadline
    provider {
      id
      name
    }
  }
`);

export const SupportDirectoryQuery = graphql(
  `
    query SupportDirectory($query: String, $filter: SupportMeasureFilterInput, $after: String) {
      supportMeasures(query: $query, filter: $filter, first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
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
          ...SupportMeasureCard
        }
      }
    }
  `,
  [SupportMeasureCardFragment],
);

export function directoryVariables(search: SupportSearch) {
  const filter = {
    ...(search.creativeKind ? { creativeKinds: [search.creativeKind] } : {}),
    ...(search.organisationKind ? { organisationKinds: [search.organisationKind] } : {}),
    ...(search.provider ? { providerIds: [search.provider] } : {}),
    ...(search.state ? { states: [search.state] } : {}),
    ...(search.amount ? { amountBands: [search.amount] } : {}),
  };
  return { query: search.q ?? null, filter: Object.keys(filter).length > 0 ? filter : null, after: search.after ?? null };
}

export const SupportMeasureQuery = graphql(`
  query SupportMeasure($id: ID!) {
    supportMeasure(id: $id) {
      id
      status
      state
      isDemo
      title {
        sl
        en
      }
      summary {
        sl
        en
      }
      text {
        sl
        en
      }
      eligibility {
        creativeKinds
        organisationKinds
      }
      amountMinEur
      amountMaxEur
      deadline
      callUrl
      publishedAt
      provider {
        id
        name
        municipality {
          name
        }
      }
    }
  }
`);

export const SupportForMeQuery = graphql(
  `
    query SupportForMe {
      supportMeasuresForMe(first: 10) {
        score
        reasons {
          sl
          en
        }
        measure {
          id
          ...SupportMeasureCard
        }
      }
    }
  `,
  [SupportMeasureCardFragment],
);

export const MySupportMeasuresQuery = graphql(
  `
    query MySupportMeasures {
      mySupportMeasureProviders {
        id
        name
      }
      mySupportMeasures {
        id
        ...SupportMeasureCard
      }
    }
  `,
  [SupportMeasureCardFragment],
);

export const EditSupportMeasureQuery = graphql(`
  query EditSupportMeasure($id: ID!) {
    supportMeasure(id: $id) {
      id
      status
      title {
        sl
        en
      }
      summary {
        sl
        en
      }
      text {
        sl
        en
      }
      eligibility {
        creativeKinds
        organisationKinds
      }
      amountMinEur
      amountMaxEur
      deadline
      callUrl
      provider {
        id
        name
      }
    }
  }
`);

export const CreateSupportMeasureMutation = graphql(`
  mutation CreateSupportMeasure($input: CreateSupportMeasureInput!) {
    createSupportMeasure(input: $input) {
      id
      status
    }
  }
`);

export const UpdateSupportMeasureMutation = graphql(`
  mutation UpdateSupportMeasure($id: ID!, $input: UpdateSupportMeasureInput!) {
    updateSupportMeasure(id: $id, input: $input) {
      id
      status
    }
  }
`);

export const PublishSupportMeasureMutation = graphql(`
  mutation PublishSupportMeasure($id: ID!) {
    publishSupportMeasure(id: $id) {
      id
      status
      state
    }
  }
`);

export const CloseSupportMeasureMutation = graphql(`
  mutation CloseSupportMeasure($id: ID!) {
    closeSupportMeasure(id: $id) {
      id
      status
      state
    }
  }
`);
