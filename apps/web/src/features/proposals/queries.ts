import { graphql } from '../../graphql/graphql.js';

/** The challenge page's personal part: whether I may write a proposal, and the one I already have. */
export const ProposalStartQuery = graphql(`
  query ProposalStart {
    me {
      id
      creativeProfileId
      emailVerified
    }
    myProposals {
      id
      status
      challenge {
        id
      }
    }
  }
`);

export const CreateProposalMutation = graphql(`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      id
      status
    }
  }
`);

export const MyProposalsQuery = graphql(`
  query MyProposals {
    myProposals {
      id
      status
      outcome
      submittedAt
      withdrawnAt
      title {
        sl
        en
      }
      challenge {
        id
        status
        deadline
        title {
          sl
          en
        }
      }
    }
  }
`);

export const ProposalQuery = graphql(`
  query ProposalEditor($id: ID!) {
    me {
      id
      creativeProfileId
    }
    proposal(id: $id) {
      id
      status
      viewerRole
      submittedAt
      withdrawnAt
      requestedEur
      outcome
      awardEur
      awardReason {
        sl
        en
      }
      title {
        sl
        en
      }
      body {
        sl
        en
      }
      authors {
        role
        creativeProfile {
          id
          displayName
        }
      }
      attachments {
        id
        fileName
        contentType
        sizeBytes
        createdAt
      }
      challenge {
        id
        status
        deadline
        decision {
          sl
          en
        }
        title {
          sl
          en
        }
      }
    }
  }
`);

export const UpdateProposalMutation = graphql(`
  mutation UpdateProposal($id: ID!, $input: UpdateProposalInput!) {
    updateProposal(id: $id, input: $input) {
      id
      requestedEur
      title {
        sl
        en
      }
      body {
        sl
        en
      }
      authors {
        role
        creativeProfile {
          id
          displayName
        }
      }
    }
  }
`);

export const SubmitProposalMutation = graphql(`
  mutation SubmitProposal($id: ID!) {
    submitProposal(id: $id) {
      id
      status
      submittedAt
    }
  }
`);

export const WithdrawProposalMutation = graphql(`
  mutation WithdrawProposal($id: ID!) {
    withdrawProposal(id: $id) {
      id
      status
      withdrawnAt
    }
  }
`);

export const CoAuthorSearchQuery = graphql(`
  query CoAuthorSearch($query: String!) {
    searchCreatives(query: $query, first: 8) {
      nodes {
        id
        displayName
        municipality {
          name
        }
      }
    }
  }
`);

export const AskQuestionMutation = graphql(`
  mutation AskChallengeQuestion($challengeId: ID!, $language: String!, $question: String!) {
    askChallengeQuestion(challengeId: $challengeId, language: $language, question: $question) {
      id
      askedByMe
    }
  }
`);
