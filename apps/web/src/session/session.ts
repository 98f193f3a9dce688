/**
 * The browser session. The refresh token lives only in an HttpOnly cookie that the API sets on
 * /auth/session; the access token stays in this module's memory. Refreshes run one at a time
 * across tabs (Web Locks API), so two tabs never present the same refresh token at once; the API
 * also accepts the token it has just replaced for a few seconds (a retried request, a slow tab).
 */
export interface SessionAccount {
  id: string;
  displayName: string;
  email: string;
  emailVerified: boolean;
}

interface SessionState {
  accessToken: string;
  expiresAt: number;
  account: SessionAccount;
}

export type SessionFailure = { code: string; retryAfterSeconds?: number; status: number };

const LOCK = 'modrotisk-session-refresh';
/** Not secret: only whether this browser had a session, so a visitor without one sends no refresh. */
const HINT = 'modrotisk.hasSession';

let state: SessionState | null = null;
let inFlight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function currentAccount(): SessionAccount | null {
  return state?.account ?? null;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: SessionState | null): void {
  state = next;
  try {
    if (next) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // storage may be unavailable (private mode); the hint is only an optimisation
  }
  for (const listener of listeners) listener();
}

interface SessionBody {
  accessToken: string;
  accessTokenExpiresAt: string;
  account: SessionAccount;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function failure(response: Response): Promise<SessionFailure> {
  const body = (await response.json().catch(() => ({}))) as { error?: string; retryAfterSeconds?: number };
  return { code: body.error ?? 'INTERNAL_SERVER_ERROR', retryAfterSeconds: body.retryAfterSeconds, status: response.status };
}

function accept(body: SessionBody): void {
  set({ accessToken: body.accessToken, expiresAt: Date.parse(body.accessTokenExpiresAt), account: body.account });
}

/** Signs in; the API sets the refresh cookie. Resolves to null on success, else the failure. */
export async function signIn(email: string, password: string): Promise<SessionFailure | null> {
  const response = await post('/auth/session', { email, password });
  if (!response.ok) return failure(response);
  accept((await response.json()) as SessionBody);
  return null;
}

export async function signOut(): Promise<void> {
  const token = state?.accessToken;
  set(null);
  await fetch('/auth/session/end', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: '{}' }).catch(() => undefined);
}

/** One refresh at a time in this tab and, where the browser has Web Locks, across tabs. */
export function refresh(): Promise<boolean> {
  inFlight ??= (async () => {
    const run = async (): Promise<boolean> => {
      const response = await post('/auth/session/refresh', {}).catch(() => null);
      if (!response?.ok) {
        if (response && response.status === 401) set(null);
        return false;
      }
      accept((await response.json()) as SessionBody);
      return true;
    };
    try {
      return typeof navigator !== 'undefined' && 'locks' in navigator ? await navigator.locks.request(LOCK, run) : await run();
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/** At start-up: restore the session from the cookie if this browser had one. */
export async function restore(): Promise<void> {
  let hinted: boolean;
  try {
    hinted = localStorage.getItem(HINT) === '1';
  } catch {
    hinted = false;
  }
  if (hinted) await refresh();
}

/** A fresh access token (refreshed 30 s before it expires), or null when signed out. */
export async function accessToken(): Promise<string | null> {
  if (!state) return null;
  if (state.expiresAt - Date.now() < 30_000) await refresh();
  return state?.accessToken ?? null;
}
