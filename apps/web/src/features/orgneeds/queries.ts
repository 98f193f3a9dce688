import { TermFields } from '../../graphql/fragments.js';
import { graphql } from '../../graphql/graphql.js';

export const NeedFieldsFragment = graphql(
  `
    fragment OrgNeedFields on Need @_unmask {
      id
      status
      title {
        sl
        en
      }
      description {
        sl
        en
      }
      domains {
        ...TermFields
      }
      techniques {
        ...TermFields
      }
      budgetMinEur
      budgetMaxEur
      timelineStart
      timelineEnd
      publishedAt
      updatedAt
    }
  `,
  [TermFields],
);

const ReferenceFragment = graphql(
  `
    fragment OrgNeedReference on ReferenceData @_unmask {
      domains {
        ...TermFields
      }
      techniques {
        ...TermFields
      }
    }
  `,
  [TermFields],
);

/** The organisation's needs (every status) and the words the new-need form offers. */
export const OrgNeedsQuery = graphql(
  `
    query OrgNeeds($organisationId: ID!) {
      organisation(id: $organisationId) {
        id
        name
      }
      organisationNeeds(organisationId: $organisationId, first: 50) {
        totalCount
        nodes {
          id
          status
          title {
            sl
            en
          }
          publishedAt
          updatedAt
        }
      }
      referenceData {
        ...OrgNeedReference
      }
    }
  `,
  [ReferenceFragment],
);


/** One need with its form's words, and the creatives and offers matched to it (one request). */
export const OrgNeedQuery = graphql(
  `
    query OrgNeed($id: ID!) {
      need(id: $id) {
        ...OrgNeedFields
        owner {
          id
          name
        }
      }
      referenceData {
        ...OrgNeedReference
      }
      matchesForNeed(id: $id, first: 10) {
        creatives {
          creative {
            id
            displayName
            municipality {
              name
            }
          }
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
        }
        offers {
          offer {
            id
            title {
              sl
              en
            }
            creative {
              id
              displayName
            }
          }
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
        }
      }
    }
  `,
  [NeedFieldsFragment, ReferenceFragment],
);

export const CreateNeedMutation = graphql(`
  mutation CreateOrgNeed($input: CreateNeedInput!) {
    createNeed(input: $input) {
      id
    }
  }
`);

export const UpdateNeedMutation = graphql(
  `
    mutation UpdateOrgNeed($id: ID!, $input: UpdateNeedInput!) {
      updateNeed(id: $id, input: $input) {
        ...OrgNeedFields
      }
    }
  `,
  [NeedFieldsFragment],
);

export const PublishNeedMutation = graphql(
  `
    mutation PublishOrgNeed($id: ID!) {
      publishNeed(id: $id) {
        ...OrgNeedFields
      }
    }
  `,
  [NeedFieldsFragment],
);

export const CloseNeedMutation = graphql(
  `
    mutation CloseOrgNeed($id: ID!) {
      closeNeed(id: $id) {
        ...OrgNeedFields
      }
    }
  `,
  [NeedFieldsFragment],
);

export const ContactCreativeMutation = graphql(`
  mutation ContactCreativeAboutNeed($needId: ID!, $creativeProfileId: ID!) {
    contactCreativeAboutNeed(needId: $needId, creativeProfileId: $creativeProfileId)
  }
`);
