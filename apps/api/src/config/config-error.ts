export interface ConfigIssue {
  /** The environment variable at fault, e.g. `TOKEN_SECRET`. */
  readonly variable: string;
  /** What is wrong, in English, for the operator; never the secret value itself. */
  readonly problem: string;
}

/** Thrown by {@link loadConfig}; lists every bad variable at once so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(['Invalid configuration:', ...issues.map((i) => `  - ${i.variable}: ${i.problem}`)].join('\n'));
    this.name = 'ConfigError';
  }
}
