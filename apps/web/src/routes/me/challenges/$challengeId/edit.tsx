import { createFileRoute } from '@tanstack/react-router';
import { ChallengeEditorPage } from '../../../../features/ourchallenges/EditorPage.js';
import { ChallengeEditorQuery } from '../../../../features/ourchallenges/queries.js';
import { validateEditorSearch } from '../../../../features/ourchallenges/search.js';

export const Route = createFileRoute('/me/challenges/$challengeId/edit')({
  validateSearch: validateEditorSearch,
  loader: async ({ context, params }) => {
    await context.client.query(ChallengeEditorQuery, { id: params.challengeId }).toPromise();
  },
  component: ChallengeEditorPage,
});
