import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

/**
 * A mother's rights over her data: see it, export it, delete it (docs/PRIVACY.md); and the
 * officials' view of the personal-data access log (written through AccessLogModule).
 */
@Module({
  imports: [NotificationsModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyService],
})
export class PrivacyModule {}
