import { graphql } from '../../graphql/graphql.js';

/** One municipality organisation's status under the yearly public-service challenge rule. */
export const ComplianceStatusQuery = graphql(`
  query ComplianceStatus($organisationId: ID!) {
    municipalComplianceStatus(organisationId: $organisationId) {
      year
      canStart
      organisation {
        id
        name
      }
      drafts {
        id
        title {
          sl
          en
        }
      }
      row {
        compliant
        municipality {
          code
          name
        }
        challenges {
          id
          status
          title {
            sl
            en
          }
        }
      }
    }
  }
`);

export const StartYearlyChallengeMutation = graphql(`
  mutation StartYearlyChallenge($organisationId: ID!) {
    startYearlyChallenge(organisationId: $organisationId) {
      id
      status
      title {
        sl
        en
      }
    }
  }
`);

/** The organisers' board: every Gorenjska municipality in one year. */
export const ComplianceBoardQuery = graphql(`
  query ComplianceBoard($year: Int!) {
    municipalChallengeCompliance(year: $year) {
      year
      municipalityCount
      compliantCount
      rows {
        compliant
        remindedAt
        municipality {
          code
          name
        }
        organisations {
          id
          name
        }
        challenges {
          id
          status
          title {
            sl
            en
          }
        }
      }
    }
  }
`);
