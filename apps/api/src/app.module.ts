import { Module, type DynamicModule, type ForwardReference, type Type } from '@nestjs/common';
import { ConfigModule, type AppConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { Clock, ClockModule } from './common/clock/clock';
import { CryptoModule } from './common/crypto/crypto.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { DemoModule } from './modules/demo/demo.module';
import { EmployersModule } from './modules/employers/employers.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NotificationSendersModule } from './modules/notifications/senders/notification-senders.module';
import { PostsModule } from './modules/posts/posts.module';
import { RegionsModule } from './modules/regions/regions.module';
import { MonitoringModule } from './modules/monitoring/monitoring.module';
import { ResumeModule } from './modules/resume/resume.module';
import { RightsModule } from './modules/rights/rights.module';
import { StationsModule } from './modules/stations/stations.module';
import { FollowupModule } from './modules/followup/followup.module';
import { FairsModule } from './modules/fairs/fairs.module';
import { SharingModule } from './modules/sharing/sharing.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MothersModule } from './modules/mothers/mothers.module';
import { SearchModule } from './modules/search/search.module';
import { UsersModule } from './modules/users/users.module';
import { PoliciesModule } from './modules/policies/policies.module';
import { TrainingModule } from './modules/training/training.module';
import { ClaimsModule } from './modules/claims/claims.module';
import { FraudModule } from './modules/fraud/fraud.module';
import { AccessLogModule } from './modules/privacy/access-log.module';
import { PrivacyModule } from './modules/privacy/privacy.module';

export type ModuleImport = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** The application. A new feature module is added to FEATURE_MODULES. */
const FEATURE_MODULES: ModuleImport[] = [HealthModule, RegionsModule, UsersModule, AccessLogModule, PrivacyModule, AuthModule, NotificationsModule, CatalogueModule, EmployersModule, PostsModule, MothersModule, SearchModule, DemoModule, ApplicationsModule, ResumeModule, RightsModule, MonitoringModule, JobsModule, FollowupModule, StationsModule, PoliciesModule, TrainingModule, ClaimsModule, FraudModule, FairsModule, SharingModule, NotificationSendersModule];

@Module({})
export class AppModule {
  /** `extraImports` lets tests mount test-only controllers on the real application. */
  static forRoot(config: AppConfig, extraImports: readonly ModuleImport[] = [], clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), ClockModule.forRoot(clock), CryptoModule, RateLimitModule, DatabaseModule, ...FEATURE_MODULES, ...extraImports],
    };
  }
}
