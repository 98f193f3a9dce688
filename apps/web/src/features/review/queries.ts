import { graphql } from '../../graphql/graphql.js';

/** /me/challenges/$challengeId/proposals: the challenge, its counts, every proposal received and the Q&A, in one request. */
export const ProposalsInboxQuery = graphql(`
  query ReviewProposalsInbox($challengeId: ID!) {
    me {
      id
      memberships {
        role
        organisation {
          id
        }
      }
    }
    challenge(id: $challengeId) {
      id
      title {
        sl
        en
      }
      status
      deadline
      stage
      twoStage {
        shortlistSize
        shortlistFeeEur
      }
      owner {
        id
        name
      }
      proposalCounts {
        submitted
        withdrawn
        shortlisted
        awarded
      }
      questions {
        id
        question
        language
        askedAt
        answeredAt
        answer {
          sl
          en
        }
      }
    }
    challengeProposals(challengeId: $challengeId) {
      id
      blindCode
      status
      title {
        sl
        en
      }
      submittedAt
      withdrawnAt
      shortlistedAt
      outcome
      awardEur
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

export const AnswerQuestionMutation = graphql(`
  mutation ReviewAnswerQuestion($id: ID!, $answer: LocalizedTextInput!) {
    answerChallengeQuestion(id: $id, answer: $answer) {
      id
      answeredAt
      answer {
        sl
        en
      }
    }
  }
`);

export const ShortlistMutation = graphql(`
  mutation ReviewShortlist($challengeId: ID!, $proposalIds: [ID!]!, $stageTwoDeadline: DateTime!) {
    shortlistProposals(challengeId: $challengeId, proposalIds: $proposalIds, stageTwoDeadline: $stageTwoDeadline) {
      id
      status
      stage
    }
  }
`);

/** /me/challenges/$challengeId/proposals/$proposalId: one proposal as the organisation reads it. */
export const ReviewProposalQuery = graphql(`
  query ReviewProposal($id: ID!) {
    me {
      id
      memberships {
        role
        organisation {
          id
        }
      }
    }
    proposal(id: $id) {
      id
      viewerRole
      blindCode
      status
      title {
        sl
        en
      }
      body {
        sl
        en
      }
      requestedEur
      submittedAt
      withdrawnAt
      shortlistedAt
      outcome
      awardEur
      awardReason {
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
      }
      challenge {
        id
        title {
          sl
          en
        }
        status
        stage
        twoStage {
          shortlistSize
        }
        awardsCount
        owner {
          id
        }
        budgetPool {
          totalEur
          remainingEur
        }
      }
    }
  }
`);

export const AwardMutation = graphql(`
  mutation ReviewAward($proposalId: ID!, $amountEur: Int!, $reason: LocalizedTextInput!) {
    awardProposal(proposalId: $proposalId, amountEur: $amountEur, reason: $reason) {
      id
      outcome
      awardEur
      awardReason {
        sl
        en
      }
    }
  }
`);

export const RevokeAwardMutation = graphql(`
  mutation ReviewRevokeAward($proposalId: ID!) {
    revokeAward(proposalId: $proposalId) {
      id
      outcome
      awardEur
      awardReason {
        sl
        en
      }
    }
  }
`);

/** /me/jury: the juries you sit on. */
export const MyJuriesQuery = graphql(`
  query ReviewMyJuries {
    myJuryChallenges {
      id
      title {
        sl
        en
      }
      status
      deadline
      owner {
        id
        name
      }
    }
  }
`);

/** /me/jury/$challengeId: your queue (blind), the rubric, your progress; for the organisation the ranking and the decision. */
export const JuryRoomQuery = graphql(`
  query ReviewJuryRoom($challengeId: ID!) {
    juryRoom(challengeId: $challengeId) {
      isJuror
      canRank
      canDecide
      conflictCount
      scoredCount
      challenge {
        id
        title {
          sl
          en
        }
        status
        deadline
        decision {
          sl
          en
        }
        evaluationCriteria {
          id
          name {
            sl
            en
          }
          weight
        }
      }
      queue {
        declared
        scored
        scores {
          criterionId
          score
          comment
        }
        proposal {
          id
          blindCode
          title {
            sl
            en
          }
          body {
            sl
            en
          }
          requestedEur
          attachments {
            id
            fileName
            contentType
            sizeBytes
          }
        }
      }
      ranking {
        rank
        rawScore
        normalisedScore
        jurorCount
        scoreSpread
        disagreement
        proposal {
          id
          blindCode
          title {
            sl
            en
          }
          outcome
          awardEur
        }
      }
    }
  }
`);

export const DeclareConflictMutation = graphql(`
  mutation ReviewDeclareConflict($proposalId: ID!, $hasConflict: Boolean!, $reason: String) {
    declareConflictOfInterest(proposalId: $proposalId, hasConflict: $hasConflict, reason: $reason)
  }
`);

export const ScoreMutation = graphql(`
  mutation ReviewScore($proposalId: ID!, $scores: [RubricScoreInput!]!) {
    scoreProposal(proposalId: $proposalId, scores: $scores) {
      criterionId
      score
      comment
    }
  }
`);

export const PublishDecisionMutation = graphql(`
  mutation ReviewPublishDecision($challengeId: ID!, $decision: LocalizedTextInput!) {
    publishAwardDecision(challengeId: $challengeId, decision: $decision) {
      id
      status
      decision {
        sl
        en
      }
    }
  }
`);

/** The jury of one challenge: its jurors (members see them) and open invitations (owners). */
export const JuryMembersQuery = graphql(`
  query JuryMembers($challengeId: ID!, $owner: Boolean!) {
    challengeJurors(challengeId: $challengeId) {
      accountId
      displayName
      since
    }
    challengeJuryInvitations(challengeId: $challengeId) @include(if: $owner) {
      id
      email
      expiresAt
    }
  }
`);

export const InviteJurorMutation = graphql(`
  mutation InviteJuror($challengeId: ID!, $email: String!, $locale: Locale!) {
    inviteJuror(challengeId: $challengeId, email: $email, locale: $locale) {
      id
    }
  }
`);

export const RemoveJurorMutation = graphql(`
  mutation RemoveJuror($challengeId: ID!, $accountId: ID!) {
    removeJuror(challengeId: $challengeId, accountId: $accountId)
  }
`);

export const RevokeJuryInvitationMutation = graphql(`
  mutation RevokeJuryInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
    }
  }
`);
