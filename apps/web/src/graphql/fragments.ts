import { graphql } from './graphql.js';

/** A reference-list term (domain, craft, technique, material, skill) with its label in both languages. */
export const TermFields = graphql(`
  fragment TermFields on Term @_unmask {
    code
    label {
      sl
      en
    }
  }
`);
