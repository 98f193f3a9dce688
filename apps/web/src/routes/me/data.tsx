import { createFileRoute } from '@tanstack/react-router';
import { MyDataPage } from '../../features/mydata/MyDataPage.js';
import { MyDataQuery } from '../../features/mydata/queries.js';

export const Route = createFileRoute('/me/data')({
  loader: async ({ context }) => {
    await context.client.query(MyDataQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  },
  component: MyDataPage,
});
