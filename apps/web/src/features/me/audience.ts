import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.js';

/** The signed-in account's platform roles and organisations: which /me pages apply to it. */
export const MeAudienceQuery = graphql(`
  query MeAudience {
    me {
      id
      platformRoles
      memberships {
        role
        organisation {
          id
          name
          kind
        }
      }
    }
  }
`);

export interface MeAudience {
  /** Organisers of the regional programme (and platform admins). */
  organiser: boolean;
  /** Municipality organisations the account is a member of, with its role there. */
  municipalities: readonly { id: string; name: string; role: string }[];
}

/** undefined while loading (or on error): pages shown only to some people stay hidden until known. */
export function useMeAudience(): MeAudience | undefined {
  const [result] = useQuery({ query: MeAudienceQuery });
  const me = result.data?.me;
  if (!me) return undefined;
  return {
    organiser: me.platformRoles.includes('ORGANISER') || me.platformRoles.includes('ADMIN'),
    municipalities: me.memberships.filter((m) => m.organisation.kind === 'MUNICIPALITY').map((m) => ({ id: m.organisation.id, name: m.organisation.name, role: m.role })),
  };
}
