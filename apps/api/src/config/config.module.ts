import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from './app-config';

/**
 * Makes the already validated {@link AppConfig} injectable everywhere. It takes the
 * object rather than reading the environment itself, so that tests and main.ts hand in
 * whatever they loaded and nothing reads process.env behind their back.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
