import { Client, cacheExchange, fetchExchange } from 'urql';
import { accessToken } from '../session/session.js';

/**
 * urql over POST (Apollo's CSRF prevention refuses GET queries without a preflight header, and
 * POST JSON is never a simple cross-site request), with the in-memory access token as Bearer.
 */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
    fetch: async (input, init) => {
      const token = await accessToken();
      const headers = new Headers(init?.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers, credentials: 'same-origin' });
    },
  });
}
