import { graphql } from '../../graphql/graphql.js';

/** /me/challenges: my organisations (to create for) and their challenges, drafts included. */
export const MyChallengesQuery = graphql(
  `
    query MyOrganisationChallenges($after: String) {
      me {
        id
        memberships {
          role
          organisation {
            id
            name
          }
        }
      }
      myOrganisationChallenges(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          visibility
          deadline
          updatedAt
          title {
            sl
            en
          }
          owner {
            id
            name
          }
        }
      }
    }
  `,
  [],
);

export const NewChallengeQuery = graphql(`
  query NewChallengeForm {
    me {
      id
      memberships {
        role
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const CreateChallengeMutation = graphql(`
  mutation CreateChallengeDraft($input: CreateChallengeInput!) {
    createChallenge(input: $input) {
      id
      status
    }
  }
`);

export const EditorFields = graphql(
  `
    fragment ChallengeEditorFields on Challenge {
      id
      status
      kind
      visibility
      deadline
      updatedAt
      totalBudgetEur
      awardsCount
      workingLanguages
      title {
        sl
        en
      }
      brief {
        sl
        en
      }
      reward {
        sl
        en
      }
      domains {
        code
      }
      techniques {
        code
      }
      materials {
        code
      }
      owner {
        id
        name
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
      twoStage {
        shortlistSize
        shortlistFeeEur
      }
      ipTerms {
        kind
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
      eligibility {
        creativeKinds
        onSite
        municipalities {
          code
          name
        }
      }
      attachments {
        id
        fileName
        sizeBytes
        url
      }
      questions {
        id
        question
        language
        askedAt
        answer {
          sl
          en
        }
      }
    }
  `,
  [],
);

/** The editor: the challenge, and the lists its steps choose from. */
export const ChallengeEditorQuery = graphql(
  `
    query ChallengeEditor($id: ID!) {
      challenge(id: $id) {
        ...ChallengeEditorFields
      }
      me {
        id
        memberships {
          role
          organisation {
            id
          }
        }
      }
      organisations(first: 50) {
        nodes {
          id
          name
        }
      }
      referenceData {
        domains {
          code
          label {
            sl
            en
          }
        }
        techniques {
          code
          label {
            sl
            en
          }
        }
        materials {
          code
          label {
            sl
            en
          }
        }
        municipalities {
          code
          name
        }
      }
    }
  `,
  [EditorFields],
);

export const UpdateChallengeMutation = graphql(
  `
    mutation AutosaveChallenge($id: ID!, $input: UpdateChallengeInput!) {
      updateChallenge(id: $id, input: $input) {
        ...ChallengeEditorFields
      }
    }
  `,
  [EditorFields],
);

export const PublishChallengeMutation = graphql(`
  mutation PublishChallengeFromEditor($id: ID!) {
    publishChallenge(id: $id) {
      id
      status
      publishedAt
    }
  }
`);

export const AnswerQuestionMutation = graphql(
  `
    mutation AnswerQuestionFromEditor($id: ID!, $answer: LocalizedTextInput!) {
      answerChallengeQuestion(id: $id, answer: $answer) {
        id
        answeredAt
        answer {
          sl
          en
        }
      }
    }
  `,
  [],
);

export const RemoveQuestionMutation = graphql(`
  mutation RemoveQuestionFromEditor($id: ID!) {
    removeChallengeQuestion(id: $id)
  }
`);

/** /me/challenges/$challengeId/matches: one page of ranked creatives, and whom the company asked already. */
export const ChallengeMatchesQuery = graphql(
  `
    query ChallengeMatchesForCompany($id: ID!, $after: String, $filter: CreativeMatchFilterInput) {
      challenge(id: $id) {
        id
        status
        visibility
        deadline
        title {
          sl
          en
        }
        invitedCreatives {
          id
          displayName
        }
      }
      challengeMatches(id: $id, first: 10, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          score
          creative {
            id
            displayName
            kind
            availability
            languages
            municipality {
              code
              name
            }
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
        }
      }
      referenceData {
        municipalities {
          code
          name
        }
      }
    }
  `,
  [],
);

export const InviteCreativesMutation = graphql(`
  mutation InviteCreativesToApply($challengeId: ID!, $ids: [ID!]!) {
    inviteCreatives(challengeId: $challengeId, creativeProfileIds: $ids)
  }
`);
