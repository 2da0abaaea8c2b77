import { Module, type DynamicModule, type ForwardReference, type Type } from '@nestjs/common';
import { ConfigModule, type AppConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { Clock, ClockModule } from './common/clock/clock';
import { CryptoModule } from './common/crypto/crypto.module';
import { AuthModule } from './modules/auth/auth.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { RegionsModule } from './modules/regions/regions.module';
import { UsersModule } from './modules/users/users.module';

export type ModuleImport = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** The application. A new feature module is added to FEATURE_MODULES. */
const FEATURE_MODULES: ModuleImport[] = [HealthModule, RegionsModule, UsersModule, AuthModule, NotificationsModule, DemoModule];

@Module({})
export class AppModule {
  /** `extraImports` lets tests mount test-only controllers on the real application. */
  static forRoot(config: AppConfig, extraImports: readonly ModuleImport[] = [], clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), ClockModule.forRoot(clock), CryptoModule, DatabaseModule, ...FEATURE_MODULES, ...extraImports],
    };
  }
}
