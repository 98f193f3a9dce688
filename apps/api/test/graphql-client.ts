import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export const OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; field?: string; [key: string]: unknown } }[];
  raw: string;
}

/** Posts one GraphQL operation; `asOperator` adds the operator's Bearer token. */
export async function gql<T = Record<string, unknown>>(
  app: INestApplication,
  query: string,
  variables: Record<string, unknown> = {},
  options: { asOperator?: boolean; token?: string } = {},
): Promise<GraphQLResponse<T>> {
  const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  const token = options.token ?? (options.asOperator ? OPERATOR_TOKEN : undefined);
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  const body = res.body as { data?: T | null; errors?: GraphQLResponse<T>['errors'] };
  return { status: res.status, data: body.data ?? null, errors: body.errors, raw: res.text };
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Caller = { token: string } | null;

/** Short forms for flow tests: `ok` fails on any error, `code` answers the first error's code. */
export function caller(app: () => INestApplication) {
  const call = (user: Caller, query: string, variables: Record<string, unknown> = {}) => gql<Data>(app(), query, variables, user ? { token: user.token } : {});
  return {
    call,
    ok: async (user: Caller, query: string, variables: Record<string, unknown> = {}): Promise<Data> => {
      const res = await call(user, query, variables);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data as Data;
    },
    code: async (user: Caller, query: string, variables: Record<string, unknown> = {}) => (await call(user, query, variables)).errors?.[0]?.extensions.code,
  };
}
