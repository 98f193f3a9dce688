import { createFileRoute } from '@tanstack/react-router';
import { JuryListPage } from '../../../features/review/JuryPages.js';
import { MyJuriesQuery } from '../../../features/review/queries.js';

/** The juries the reader sits on. */
export const Route = createFileRoute('/me/jury/')({
  loader: async ({ context }) => {
    await context.client.query(MyJuriesQuery, {}).toPromise();
  },
  component: JuryListPage,
});
