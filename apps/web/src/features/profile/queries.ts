import { TermFields } from '../../graphql/fragments.js';
import { graphql } from '../../graphql/graphql.js';

/**
 * Version of the matching-consent explanation this app shows (profile.consent.explanation1–4 in
 * both catalogues). Change the words, change the version here and in the API
 * (CONSENT_EXPLANATION_VERSIONS), so the consent history says which text each consent was given under.
 */
export const CONSENT_EXPLANATION_VERSION = '2026-12-03';

export const PortfolioItemFields = graphql(`
  fragment PortfolioItemFields on PortfolioItem {
    id
    position
    link
    year
    client
    title {
      sl
      en
    }
    description {
      sl
      en
    }
    image {
      id
      url
    }
  }
`);

/** The editor's one query: the account's own profile (if any) and the vocabularies to choose from. */
export const ProfileEditorQuery = graphql(
  `
    query ProfileEditor {
      me {
        id
        displayName
        creativeProfile {
          id
          kind
          displayName
          availability
          languages
          matchingConsent
          bio {
            sl
            en
          }
          municipality {
            code
          }
          domains {
            code
          }
          crafts {
            code
          }
          techniques {
            code
          }
          materials {
            code
          }
          skills {
            code
          }
          freeCrafts
          freeTechniques
          freeMaterials
          freeSkills
          suggestedCodes {
            vocabulary
            code
            because
            label {
              sl
              en
            }
          }
          portfolioItems {
            ...PortfolioItemFields
          }
        }
      }
      referenceData {
        domains {
          ...TermFields
        }
        crafts {
          ...TermFields
        }
        techniques {
          ...TermFields
        }
        materials {
          ...TermFields
        }
        skills {
          ...TermFields
        }
        municipalities {
          code
          name
        }
      }
    }
  `,
  [PortfolioItemFields, TermFields],
);

export const CreateProfileMutation = graphql(`
  mutation CreateProfile($input: CreateCreativeProfileInput!) {
    createCreativeProfile(input: $input) {
      id
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($id: ID!, $input: UpdateCreativeProfileInput!) {
    updateCreativeProfile(id: $id, input: $input) {
      id
    }
  }
`);

export const SetConsentMutation = graphql(`
  mutation SetConsent($consent: Boolean!, $version: String!) {
    setMatchingConsent(consent: $consent, explanationVersion: $version) {
      id
      matchingConsent
    }
  }
`);

export const AddItemMutation = graphql(
  `
    mutation AddPortfolioItem($input: PortfolioItemInput!) {
      addPortfolioItem(input: $input) {
        ...PortfolioItemFields
      }
    }
  `,
  [PortfolioItemFields],
);

export const UpdateItemMutation = graphql(
  `
    mutation UpdatePortfolioItem($id: ID!, $input: PortfolioItemInput!) {
      updatePortfolioItem(id: $id, input: $input) {
        ...PortfolioItemFields
      }
    }
  `,
  [PortfolioItemFields],
);

export const RemoveItemMutation = graphql(`
  mutation RemovePortfolioItem($id: ID!) {
    removePortfolioItem(id: $id)
  }
`);

export const RemoveImageMutation = graphql(`
  mutation RemovePortfolioImage($id: ID!) {
    removePortfolioItemImage(id: $id) {
      id
    }
  }
`);

export const ReorderMutation = graphql(`
  mutation ReorderPortfolio($ids: [ID!]!) {
    reorderPortfolioItems(ids: $ids) {
      id
      position
    }
  }
`);
