import { ApiProperty } from '@nestjs/swagger';

/** Body of a healthy `GET /health`; a failure is the standard error body with 503. */
export class HealthResponseDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  readonly status!: 'ok';

  @ApiProperty({ enum: ['ok'], example: 'ok', description: 'The database answered SELECT 1' })
  readonly database!: 'ok';

  static ok(): HealthResponseDto {
    return Object.assign(new HealthResponseDto(), { status: 'ok', database: 'ok' } as const);
  }
}
