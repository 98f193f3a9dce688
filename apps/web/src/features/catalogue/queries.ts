import { TermFields } from '../../graphql/fragments.js';
import { graphql } from '../../graphql/graphql.js';


export const CreativeQuery = graphql(`
  query CreativePage($id: ID!) {
    creativeProfile(id: $id) {
      id
      displayName
      kind
      availability
      languages
      portfolioLinks
      portfolioItems {
        id
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
      municipality {
        name
      }
      bio {
        sl
        en
      }
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
      freeCrafts
      freeTechniques
      freeMaterials
      freeSkills
    }
  }
`, [TermFields]);

export const NeedQuery = graphql(`
  query NeedPage($id: ID!) {
    need(id: $id) {
      id
      status
      budgetMinEur
      budgetMaxEur
      timelineStart
      timelineEnd
      title {
        sl
        en
      }
      description {
        sl
        en
      }
      owner {
        id
        name
      }
      domains {
        ...TermFields
      }
    }
  }
`, [TermFields]);

export const OfferQuery = graphql(`
  query OfferPage($id: ID!) {
    offer(id: $id) {
      id
      kind
      status
      priceFromEur
      title {
        sl
        en
      }
      description {
        sl
        en
      }
      creative {
        id
        displayName
      }
      domains {
        ...TermFields
      }
    }
  }
`, [TermFields]);

