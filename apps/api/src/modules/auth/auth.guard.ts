import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonException } from '../../common/errors';
import { Clock } from '../../common/clock/clock';
import { hasRole } from '../users/principal';
import { UsersRepository } from '../users/users.repository';
import { ACCESS_KEY, type Access, type RequestWithPrincipal } from './access.decorators';
import { TokenService } from './token.service';

/** Global guard: reads the bearer token, loads the caller's roles, enforces each route's Access. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    const request = ctx.switchToHttp().getRequest<RequestWithPrincipal>();
    if (!access) {
      // A route that forgot to say who may call it is a bug; refuse rather than guess.
      this.logger.error(`route ${ctx.getClass().name}.${ctx.getHandler().name} declares no access rule`);
      throw new CommonException('FORBIDDEN');
    }

    const token = bearerToken(request);
    if (access.kind === 'public') {
      if (token) request.principal = (await this.resolve(token)) ?? undefined;
      return true;
    }
    if (!token) throw new CommonException('UNAUTHENTICATED');
    const principal = await this.resolve(token);
    if (!principal) throw new CommonException('UNAUTHENTICATED', '登录已过期，请重新登录');
    if (access.kind === 'roles' && !access.roles.some((role) => hasRole(principal, role))) {
      throw new CommonException('FORBIDDEN');
    }
    request.principal = principal;
    return true;
  }

  private async resolve(token: string) {
    const claims = this.tokens.verify(token, this.clock.now());
    return claims ? this.users.loadPrincipal(claims.sub) : null;
  }
}

function bearerToken(request: RequestWithPrincipal): string | null {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  return match?.[1] ?? null;
}
