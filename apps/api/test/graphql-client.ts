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
