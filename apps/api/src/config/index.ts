export { AppConfig, type AppConfigValues, type LogLevel, type NodeEnv, type WechatConfig, type DeepSeekConfig, type TrustProxy } from './app-config';
export { ConfigError, type ConfigIssue } from './config-error';
export { ConfigModule } from './config.module';
export { loadConfig, type ConfigEnv, type EnvVar, type LoadedConfig } from './load-config';
