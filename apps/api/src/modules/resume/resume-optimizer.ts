import type { ResumeContent } from './resume-content';

export type OptimiserSource = 'deepseek' | 'local';

export const OPTIMISER_SOURCE_LABELS: Readonly<Record<OptimiserSource, string>> = {
  deepseek: 'AI优化（DeepSeek）',
  local: '本地规则优化',
};

export interface OptimiseContext {
  /** Her names (profile name, account name): removed before anything leaves the API. */
  readonly names: readonly string[];
  /** China calendar date 'YYYY-MM-DD', for "years of experience". */
  readonly today: string;
}

/**
 * Turns a resume into a better-structured, more concise one with highlights. Never invents
 * facts: only what she wrote is reworded, reordered, deduplicated or summarised.
 */
export abstract class ResumeOptimizer {
  abstract readonly source: OptimiserSource;
  abstract optimise(resume: ResumeContent, context: OptimiseContext): Promise<ResumeContent>;
}

export type OptimiserFailureReason = 'timeout' | 'unavailable' | 'malformed';

/** Why a remote optimiser gave no usable answer; the service falls back to the local one. */
export class OptimiserFailure extends Error {
  constructor(
    readonly reason: OptimiserFailureReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'OptimiserFailure';
  }
}

/** The note the mother sees beside a suggestion made by the fallback. */
export const FALLBACK_NOTES: Readonly<Record<OptimiserFailureReason, string>> = {
  timeout: 'AI服务超时，已使用本地优化',
  unavailable: 'AI服务暂时不可用，已使用本地优化',
  malformed: 'AI返回的结果无法识别，已使用本地优化',
};
