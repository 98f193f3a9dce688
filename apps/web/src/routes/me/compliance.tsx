import { createFileRoute } from '@tanstack/react-router';
import { CompliancePage } from '../../features/compliance/CompliancePage.js';
import { ComplianceBoardQuery } from '../../features/compliance/queries.js';
import { currentYear, validateComplianceSearch } from '../../features/compliance/search.js';
import { MeAudienceQuery } from '../../features/me/audience.js';

export const Route = createFileRoute('/me/compliance')({
  validateSearch: validateComplianceSearch,
  loaderDeps: ({ search }) => ({ year: search.year }),
  loader: async ({ context, deps }) => {
    const me = (await context.client.query(MeAudienceQuery, {}).toPromise()).data?.me;
    if (me?.platformRoles.some((r) => r === 'ORGANISER' || r === 'ADMIN')) await context.client.query(ComplianceBoardQuery, { year: deps.year ?? currentYear() }).toPromise();
  },
  component: CompliancePage,
});
