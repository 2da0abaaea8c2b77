import { Global, Module } from '@nestjs/common';
import { AccessLogRepository } from './access-log.repository';
import { PersonalDataAccessLog } from './personal-data-access-log';

/**
 * The personal-data access log, global so that every feature that shows a mother's data to
 * officials or station workers can write to it without importing the privacy feature.
 */
@Global()
@Module({
  providers: [AccessLogRepository, PersonalDataAccessLog],
  exports: [AccessLogRepository, PersonalDataAccessLog],
})
export class AccessLogModule {}
