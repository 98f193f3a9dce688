import type { INestApplication } from '@nestjs/common';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isAbstractType, isEnumType, isLeafType, isNonNullType, isObjectType,
  type GraphQLInputType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema, type IntrospectionQuery,
} from 'graphql';
import request from 'supertest';
import { GRAPHQL_LIMITS } from '../src/app.module.js';
import { gql, type GraphQLResponse } from './graphql-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Query cost: what the product's own screens send passes (a page of 50 of any list with its nested
 * fields), abuse is refused before any resolver runs: `__typename` counted like any other field,
 * thousands of aliases, deep nesting, fragments spread over and over, long documents, big bodies.
 */
describe('GraphQL operation limits (e2e)', () => {
  let testApp: TestApp;
  let app: INestApplication;
  let schema: GraphQLSchema;
  const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
  const REFUSED = ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'];

  const op = (query: string) => gql(app, query, {}, { asOperator: true });
  const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions.code);

  /** Every field of `type` with its nested objects `levels` deep (fields needing arguments left out): what a detail screen shows. */
  function selection(type: GraphQLNamedType, levels: number, path: string[]): string {
    if (isAbstractType(type)) return `{ __typename ${schema.getPossibleTypes(type).map((t) => `... on ${t.name} ${selection(t, levels, path)}`).join(' ')} }`;
    if (!isObjectType(type)) return '';
    const fields = Object.values((type as GraphQLObjectType).getFields()).flatMap((field) => {
      if (field.args.some((a) => isNonNullType(a.type))) return [];
      const named = getNamedType(field.type);
      if (isLeafType(named)) return [field.name];
      if (levels <= 0 || path.includes(named.name)) return [];
      const inner = selection(named, levels - 1, [...path, named.name]);
      return inner ? [`${field.name} ${inner}`] : [];
    });
    return `{ __typename ${fields.join(' ')} }`;
  }

  /** A value for a required argument: the year, the first enum value, else an id that names nothing. */
  function requiredValue(type: GraphQLInputType): string {
    const named = getNamedType(type);
    if (isEnumType(named)) return named.getValues()[0].name;
    return named.name === 'Int' ? '2026' : named.name === 'Boolean' ? 'true' : `"${NO_SUCH_ID}"`;
  }

  /** Every query that returns objects (lists as a page of 50, or whole), with everything three levels deep. */
  function screenQueries(): { name: string; query: string }[] {
    return Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return [];
      const args = field.args.flatMap((a) => (a.name === 'first' ? ['first: 50'] : isNonNullType(a.type) ? [`${a.name}: ${requiredValue(a.type)}`] : []));
      return [{ name: field.name, query: `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(named, 3, [named.name])} }` }];
    });
  }

  beforeAll(async () => {
    testApp = await startTestApp({ worker: false });
    ({ app } = testApp);
    schema = buildClientSchema((await op(getIntrospectionQuery())).data as unknown as IntrospectionQuery);
    type Terms = Record<'materials' | 'domains' | 'crafts' | 'skills', { code: string }[]>;
    const terms = ((await op(`{ referenceData { materials { code } domains { code } crafts { code } skills { code } } }`)).data as { referenceData: Terms }).referenceData;
    const two = (list: { code: string }[], i: number) => JSON.stringify([list[i % list.length].code, list[(i + 1) % list.length].code]);
    for (let i = 0; i < 50; i++) {
      const created = await op(`mutation { createCreativeProfile(input: { kind: INDIVIDUAL, displayName: "Ustvarjalka ${i}", municipality: "kranj", bio: { sl: "Čipke in les." },
        materials: ${two(terms.materials, i)}, domains: ${two(terms.domains, i)}, crafts: ${two(terms.crafts, i)}, skills: ${two(terms.skills, i)},
        languages: ["sl", "en"], portfolioLinks: ["https://example.com/${i}"] }) { id } }`);
      if (created.errors) throw new Error(JSON.stringify(created.errors));
    }
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('answers the legitimate page of 50 creative profiles with materials, domains, crafts, skills and portfolio', async () => {
    const res = await op(`{ creativeProfiles(first: 50) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node {
      id displayName kind availability languages portfolioLinks isDemo createdAt updatedAt municipality { code name } bio { sl en }
      domains { code label { sl en } } crafts { code label { sl en } } techniques { code label { sl en } } materials { code label { sl en } } skills { code label { sl en } }
    } } } }`);
    expect(res.errors).toBeUndefined();
    const page = (res.data as { creativeProfiles: { edges: { node: { materials: unknown[] } }[] } }).creativeProfiles;
    expect(page.edges).toHaveLength(50);
    expect(page.edges.every((e) => e.node.materials.length === 2)).toBe(true);
  });

  it('passes a full page of 50 of every list (and every detail) the API offers, three levels of nested fields deep', async () => {
    const queries = screenQueries();
    expect(queries.map((q) => q.name)).toEqual(expect.arrayContaining(['challenges', 'creativeProfiles', 'organisations', 'needs', 'offers', 'matchesForChallenge', 'matchesForCreative', 'eventAgenda', 'searchChallenges']));
    for (const { name, query } of queries) {
      const res = await op(query);
      expect({ name, refused: codes(res).filter((c) => REFUSED.includes(c)), messages: (res.errors ?? []).filter((e) => REFUSED.includes(e.extensions.code)).map((e) => e.message) })
        .toEqual({ name, refused: [], messages: [] });
    }
  });

  it('refuses 2,000 aliases of __typename, and 2,000 plain __typename, as validation errors', async () => {
    const aliased = await op(`{ ${Array.from({ length: 2000 }, (_, i) => `t${i}: __typename`).join(' ')} }`);
    expect(aliased.status).toBe(400);
    expect(aliased.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(aliased.data).toBeNull();
    const plain = await op(`{ ${'__typename '.repeat(2000)} }`);
    expect(plain.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const justOver = await op(`{ ${Array.from({ length: GRAPHQL_LIMITS.aliases + 1 }, (_, i) => `t${i}: __typename`).join(' ')} }`);
    expect(justOver.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const withinLimit = await op(`{ ${Array.from({ length: GRAPHQL_LIMITS.aliases }, (_, i) => `t${i}: __typename`).join(' ')} }`);
    expect(withinLimit.errors).toBeUndefined();
  });

  it('refuses deep nesting and fragments spread over and over', async () => {
    const deep = await op(`{ __type(name: "Query") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`);
    expect(deep.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Each fragment spreads the one before twice: 13 short lines become 2^12 copies of a page.
    const laughs = ['fragment F0 on Query { organisations(first: 1) { totalCount } }', ...Array.from({ length: 12 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`)];
    const exploded = await op(`{ ...F12 } ${laughs.join(' ')}`);
    expect(exploded.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const many = Array.from({ length: 900 }, (_, i) => `fragment G${i} on Query { __typename }`);
    const fragments = await op(`{ ${many.map((_, i) => `...G${i}`).join(' ')} } ${many.join(' ')}`);
    expect(fragments.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document of too many tokens while parsing, and a body over 100 kB with 413', async () => {
    // 12,000 tokens in 24 kB: well under the body limit.
    const long = await op(`{ ${'a '.repeat(12_000)} }`);
    expect(long.status).toBe(400);
    expect(long.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(long.errors?.[0].message).toMatch(/tokens\. Parsing aborted/);
    const started = Date.now();
    const huge = await request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query: `{ ${'__typename '.repeat(400_000)} }` });
    expect(huge.status).toBe(413);
    expect(huge.text).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
