import { graphql } from '../../graphql/graphql.js';
import { ChallengeAttachmentsFragment } from './ChallengeAttachments.js';

export const ChallengeQuery = graphql(
  `
  query ChallengePage($id: ID!) {
    challenge(id: $id) {
      id
      title {
        sl
        en
      }
      brief {
        sl
        en
      }
      status
      kind
      deadline
      publishedAt
      submissionsClosedAt
      awardedAt
      totalBudgetEur
      submittedProposalCount
      proposalCounts {
        submitted
      }
      reward {
        sl
        en
      }
      cancellationReason {
        sl
        en
      }
      ...ChallengeAttachments
      owner {
        id
        name
        municipality {
          name
        }
      }
      partners {
        organisation {
          id
          name
        }
        role {
          sl
          en
        }
      }
      rewards {
        kind
        amountEur
        description {
          sl
          en
        }
      }
      ipTerms {
        kind
        creatorKeepsRightsUntilPaid
        details {
          sl
          en
        }
      }
      evaluationCriteria {
        id
        weight
        name {
          sl
          en
        }
      }
      questions {
        id
        question
        language
        askedAt
        askedByMe
        answer {
          sl
          en
        }
      }
      awards {
        amountEur
        authors
        proposalTitle {
          sl
          en
        }
        reason {
          sl
          en
        }
      }
    }
  }
`,
  [ChallengeAttachmentsFragment],
);
