import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useSession } from '../../session/useSession.js';
import { Link } from '../../ui/Link.js';
import { MeAudienceQuery } from '../me/audience.js';

/** On a need's public page: its organisation's owners and editors get a link to manage it (nobody else sees anything). */
export function ManageNeedLink({ organisationId, needId }: { organisationId: string; needId: string }) {
  const { t } = useTranslation();
  const account = useSession();
  const [result] = useQuery({ query: MeAudienceQuery, pause: !account });
  const role = result.data?.me.memberships.find((m) => m.organisation.id === organisationId)?.role;
  if (!account || (role !== 'OWNER' && role !== 'EDITOR')) return null;
  return (
    <p>
      <Link to="/me/organisations/$organisationId/needs/$needId" params={{ organisationId, needId }}>
        {t('orgNeeds.need.manage')}
      </Link>
    </p>
  );
}
