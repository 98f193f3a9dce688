import 'reflect-metadata';
import { AppModule } from '../app.module.js';
import { ACCESS_METADATA, Access } from './access.decorators.js';

const RESOLVER_KEYS = ['graphql:resolver_type', 'graphql:resolve_property'];
type Constructor = abstract new (...args: never[]) => unknown;

/** Every class provider reachable from a module's `providers` and `imports` (static modules only). */
function providerClasses(module: Constructor, seen = new Set<unknown>()): Constructor[] {
  if (seen.has(module)) return [];
  seen.add(module);
  const providers = ((Reflect.getMetadata('providers', module) as unknown[]) ?? []).filter((p): p is Constructor => typeof p === 'function');
  const imports = ((Reflect.getMetadata('imports', module) as unknown[]) ?? []).filter((m): m is Constructor => typeof m === 'function');
  return [...providers, ...imports.flatMap((m) => providerClasses(m, seen))];
}

function operations(): { name: string; access: Access | undefined; type: string | undefined }[] {
  return providerClasses(AppModule).flatMap((cls) => {
    const classAccess = Reflect.getMetadata(ACCESS_METADATA, cls) as Access | undefined;
    // Plain methods only: reading through descriptors never runs a getter.
    const methods = Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))
      .filter(([key, d]) => key !== 'constructor' && typeof d.value === 'function')
      .map(([key, d]) => [key, d.value as object] as const);
    return methods
      .filter(([, fn]) => RESOLVER_KEYS.some((k) => Reflect.getMetadata(k, fn) !== undefined))
      .map(([key, fn]) => ({
        name: `${cls.name}.${key}`,
        access: (Reflect.getMetadata(ACCESS_METADATA, fn) as Access | undefined) ?? classAccess,
        type: Reflect.getMetadata('graphql:resolver_type', fn) as string | undefined,
      }));
  });
}

/** HTTP routes of the app's controllers (methods carrying Nest's route metadata). */
function routes(): { name: string; access: Access | undefined }[] {
  const controllers = ((Reflect.getMetadata('controllers', AppModule) as unknown[]) ?? []).filter((c): c is Constructor => typeof c === 'function');
  return controllers.flatMap((cls) =>
    Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))
      .filter(([key, d]) => key !== 'constructor' && typeof d.value === 'function' && Reflect.getMetadata('method', d.value as object) !== undefined)
      .map(([key, d]) => ({
        name: `${cls.name}.${key}`,
        access: (Reflect.getMetadata(ACCESS_METADATA, d.value as object) as Access | undefined) ?? (Reflect.getMetadata(ACCESS_METADATA, cls) as Access | undefined),
      })),
  );
}

describe('every HTTP route declares who may call it', () => {
  it('finds the routes and none is unmarked', () => {
    const found = routes();
    expect(found.map((r) => r.name)).toEqual(expect.arrayContaining(['HealthController.ready', 'AttachmentsController.upload']));
    expect(found.filter((r) => r.access === undefined).map((r) => r.name)).toEqual([]);
    expect(found.filter((r) => /\.(upload|remove|outcomes)$/.test(r.name) && r.access === Access.Public).map((r) => r.name)).toEqual([]);
  });
});

describe('every GraphQL operation declares who may call it', () => {
  const found = operations();
  const MUTATIONS = new Set(found.filter((o) => o.type === 'Mutation').map((o) => o.name));

  it('finds the resolvers (the check itself works)', () => {
    expect(found.map((o) => o.name)).toEqual(expect.arrayContaining(['ChallengesResolver.publishChallenge', 'SearchResolver.searchCreatives']));
  });

  it('has no operation without @Public(), @SignedIn(), @OrganiserOnly() or @AdminOnly()', () => {
    expect(found.filter((o) => o.access === undefined).map((o) => o.name)).toEqual([]);
  });

  it('keeps every mutation away from anonymous callers', () => {
    // Public on purpose: the ways in (sign up, sign in, verify, reset, and an imported creative's
    // answer to the mailed invitation, which holds the link's token). Nothing else writes anonymously.
    const ANONYMOUS_WRITES = ['signUp', 'verifyEmail', 'login', 'refreshSession', 'requestPasswordReset', 'resetPassword', 'acceptCreativeInvitation', 'declineCreativeInvitation'];
    const publicMutations = found.filter((o) => MUTATIONS.has(o.name) && o.access === Access.Public && !ANONYMOUS_WRITES.includes(o.name.split('.')[1]));
    expect(MUTATIONS.size).toBeGreaterThan(30);
    expect(publicMutations.map((o) => o.name)).toEqual([]);
  });
});
