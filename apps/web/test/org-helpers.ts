import type { APIRequestContext, Page } from '@playwright/test';
import { expect, gql, mailTo, unique } from './fixtures.js';
import { PASSWORD } from './helpers.js';

/**
 * Accounts for the organisation-side journeys (needs, municipalities): each test signs up its own
 * verified user through the API and acts with its Bearer token; the browser signs in through
 * /auth/session like the app does.
 */
export interface User {
  email: string;
  token: string;
  name: string;
}

export async function signUp(request: APIRequestContext, name: string, prefix: string): Promise<User> {
  const email = `${prefix}-${unique()}@example.si`;
  await gql(request, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PASSWORD, displayName: name, locale: 'sl' } });
  const mail = await mailTo(request, email, '/verify-email?token=');
  const token = /verify-email\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(mail)?.[1];
  if (!token) throw new Error('no verification token in the mail');
  await gql(request, `mutation($token: String!) { verifyEmail(token: $token) }`, { token });
  return { email, name, token: await bearer(request, email, PASSWORD) };
}

export async function bearer(request: APIRequestContext, email: string, password: string): Promise<string> {
  const login = await gql<{ login: { accessToken: string } }>(request, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password });
  return login.login.accessToken;
}

/** A GraphQL call with `token`, failing on any error. */
export async function as<T>(request: APIRequestContext, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A new organisation the user owns. */
export async function organisation(request: APIRequestContext, user: User, kind: 'COMPANY' | 'MUNICIPALITY', name: string, municipality: string): Promise<string> {
  const created = await as<{ createOrganisation: { id: string } }>(request, user.token, `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { kind, name, municipality } });
  return created.createOrganisation.id;
}

/** Signs the browser in through the API (the refresh cookie lands in the page's context), then opens `path`. */
export async function signIn(page: Page, email: string, password: string, path: string): Promise<void> {
  const response = await page.request.post('/auth/session', { data: { email, password } });
  expect(response.ok()).toBe(true);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('modrotisk.hasSession', '1'));
  await page.goto(path);
}

export const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The year the yearly rule counts (Slovenian calendar). */
export const thisYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Ljubljana', year: 'numeric' }).format(new Date()));
