import { graphql } from '../../graphql/graphql.js';

/** My data's one query: the consent history of the account's own creative profile, if any. */
export const MyDataQuery = graphql(`
  query MyData {
    me {
      id
      email
      creativeProfile {
        id
        matchingConsent
        matchingConsentHistory {
          given
          explanationVersion
          occurredAt
        }
      }
    }
  }
`);

export const DeleteAccountMutation = graphql(`
  mutation DeleteMyAccount($password: String!) {
    deleteMyAccount(password: $password)
  }
`);
