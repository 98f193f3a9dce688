import { graphql } from '../../graphql/graphql.js';

/** A new organisation or membership must refresh lists even when they were empty (no such type in the cache yet). */
export const MY_ORGANISATIONS_CONTEXT = { additionalTypenames: ['Organisation', 'OrganisationMembership'] };

/** /me/organisations: the organisations I belong to (with my role) and the municipalities to choose from. */
export const MyOrganisationsQuery = graphql(`
  query MyOrganisations {
    me {
      id
      memberships {
        role
        organisation {
          id
          name
          kind
          municipality {
            name
          }
          logo {
            id
            url
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
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
    }
  }
`);

/** Who I am in each of my organisations (decides what the organisation's page asks for). */
export const MyRolesQuery = graphql(`
  query MyRoles {
    me {
      id
      memberships {
        role
        organisation {
          id
        }
      }
    }
  }
`);

/**
 * /me/organisations/$organisationId: the profile, its members and (owners only) open
 * invitations: only owners ask for them (`$owner`, from MyRolesQuery), so nobody gets FORBIDDEN.
 */
export const ManageOrganisationQuery = graphql(`
  query ManageOrganisation($id: ID!, $owner: Boolean!) {
    organisation(id: $id) {
      id
      name
      kind
      website
      municipality {
        code
        name
      }
      description {
        sl
        en
      }
      logo {
        id
        url
        sizeBytes
      }
    }
    organisationMembers(organisationId: $id) {
      accountId
      displayName
      email
      role
      since
    }
    organisationInvitations(organisationId: $id) @include(if: $owner) {
      id
      email
      role
      expiresAt
    }
    referenceData {
      municipalities {
        code
        name
      }
    }
  }
`);

export const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, input: $input) {
      id
      name
      kind
      website
      municipality {
        code
        name
      }
      description {
        sl
        en
      }
    }
  }
`);

export const RemoveLogoMutation = graphql(`
  mutation RemoveOrganisationLogo($id: ID!) {
    removeOrganisationLogo(id: $id) {
      id
      logo {
        id
        url
        sizeBytes
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteOrganisationMember($organisationId: ID!, $email: String!, $role: OrganisationRole!, $locale: Locale!) {
    inviteOrganisationMember(organisationId: $organisationId, email: $email, role: $role, locale: $locale) {
      id
      email
      role
      expiresAt
    }
  }
`);

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
      email
      role
      expiresAt
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      revokedAt
    }
  }
`);

export const ChangeRoleMutation = graphql(`
  mutation ChangeMemberRole($organisationId: ID!, $accountId: ID!, $role: OrganisationRole!) {
    changeMemberRole(organisationId: $organisationId, accountId: $accountId, role: $role)
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($organisationId: ID!, $accountId: ID!) {
    removeMember(organisationId: $organisationId, accountId: $accountId)
  }
`);

/** The public organisation page: profile, open and past challenges, needs and published awards. */
export const OrganisationPageQuery = graphql(`
  query OrganisationPage($id: ID!) {
    organisation(id: $id) {
      id
      name
      kind
      website
      municipality {
        name
      }
      description {
        sl
        en
      }
      logo {
        id
        url
      }
      open: challenges(status: [PUBLISHED]) {
        id
        status
        deadline
        title {
          sl
          en
        }
      }
      past: challenges(status: [SUBMISSIONS_CLOSED, IN_REVIEW, AWARDED, CLOSED_WITHOUT_AWARD, CANCELLED]) {
        id
        status
        deadline
        title {
          sl
          en
        }
      }
      needs(status: [PUBLISHED]) {
        id
        title {
          sl
          en
        }
        budgetMinEur
        budgetMaxEur
      }
      awards {
        challengeId
        awardedAt
        amountEur
        authors
        challengeTitle {
          sl
          en
        }
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
`);
