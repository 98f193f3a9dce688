import type { INestApplication } from '@nestjs/common';
import { eventually } from '@app/testing';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gql } from './graphql-client.js';

/** The newest mail to `to` in the mail drop whose text contains `marker`, decoded (quoted-printable). */
export async function mailTo(dataDir: string, to: string, marker: string): Promise<string> {
  const dir = path.join(dataDir, 'mail');
  return eventually(async () => {
    if (!fs.existsSync(dir)) return undefined;
    const mails = fs.readdirSync(dir).filter((f) => f.endsWith('.eml'))
      .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .map(({ f }) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    return mails.find((m) => new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}$`, 'mi').test(m) && m.includes(marker));
  }, 20_000, `mail to ${to} containing ${marker}`);
}

/** The token of the link `/<route>?token=...` in a mail. */
export function linkTokenIn(mail: string, route: string): string {
  const match = new RegExp(`/${route}\\?token=([0-9a-f-]{36}\\.[A-Za-z0-9_-]{43})`).exec(mail);
  if (!match) throw new Error(`no ${route} link in mail:\n${mail.slice(0, 2000)}`);
  return match[1];
}

export const PASSWORD = 'kozolec-na-polju-2026';

export interface TestUser {
  email: string;
  accountId: string;
  token: string;
}

/** Signs up through GraphQL, follows the mailed verification link, signs in. Needs the worker (mail). */
export async function verifiedUser(app: INestApplication, dataDir: string, email: string, displayName = email.split('@')[0]): Promise<TestUser> {
  const signUp = await gql(app, `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PASSWORD, displayName, locale: 'en' } });
  if (signUp.errors) throw new Error(JSON.stringify(signUp.errors));
  const token = linkTokenIn(await mailTo(dataDir, email, 'verify-email'), 'verify-email');
  const verified = await gql(app, `mutation($token: String!) { verifyEmail(token: $token) }`, { token });
  if (verified.errors) throw new Error(JSON.stringify(verified.errors));
  return login(app, email);
}

export async function login(app: INestApplication, email: string, password = PASSWORD): Promise<TestUser> {
  const res = await gql<{ login: { accessToken: string; account: { id: string } } }>(
    app, `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken account { id } } }`, { email, password },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { email, accountId: res.data.login.account.id, token: res.data.login.accessToken };
}
