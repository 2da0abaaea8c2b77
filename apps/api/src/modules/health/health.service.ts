import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository';
import { HealthException } from './health.errors';
import { HealthResponseDto } from './dto/health-response.dto';

/** Longer than a healthy database ever needs, shorter than a load balancer's probe timeout. */
export const DATABASE_PING_TIMEOUT_MS = 3000;

@Injectable()
export class HealthService {
  constructor(private readonly repository: HealthRepository) {}

  async check(): Promise<HealthResponseDto> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`database did not answer within ${DATABASE_PING_TIMEOUT_MS} ms`)), DATABASE_PING_TIMEOUT_MS);
    });
    try {
      // A probe must answer even when the pool hangs waiting for a connection.
      await Promise.race([this.repository.ping(), timeout]);
    } catch (error) {
      throw HealthException.databaseUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
    return HealthResponseDto.ok();
  }
}
