import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors';
import type { Principal, Role } from '../users/principal';

/**
 * Every route states who may call it; the guard refuses a route that does not (fail closed).
 * - `@Public()`: anyone, signed in or not.
 * - `@SignedIn()`: any signed-in user, whatever her roles (e.g. filing an employer, binding a phone).
 * - `@Roles('official', ...)`: a signed-in user holding at least one of these roles. Whether the
 *   object belongs to her (her employer, her region) is the service's check.
 */
export type Access = { kind: 'public' } | { kind: 'signed_in' } | { kind: 'roles'; roles: readonly Role[] };

export const ACCESS_KEY = 'mamagang:access';

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

export const SignedIn = () =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'signed_in' } satisfies Access),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'UNAUTHENTICATED' }),
  );

export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies Access),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'UNAUTHENTICATED' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `FORBIDDEN: only ${roles.join(', ')}` }),
  );

export interface RequestWithPrincipal {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

/** The caller of a `@SignedIn()` or `@Roles()` route. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without @SignedIn() or @Roles()');
  return principal;
});

/** The caller if signed in, on a `@Public()` route. */
export const OptionalPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | null => ctx.switchToHttp().getRequest<RequestWithPrincipal>().principal ?? null,
);
