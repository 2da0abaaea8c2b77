import { Injectable } from '@nestjs/common';
import { isoDateInChina } from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import { RateLimitedException } from '../../common/rate-limit/rate-limited.exception';
import { TransactionRunner } from '../../database/transaction';
import type { Principal } from '../users/principal';
import { DeepSeekResumeOptimizer } from './deepseek-resume-optimizer';
import { LocalResumeOptimizer } from './local-resume-optimizer';
import { emptyResume, isResumeEmpty, readResume, type ResumeContent } from './resume-content';
import type { ResumeSuggestionEntity } from './resume-suggestion.entity';
import { ResumeException } from './resume.errors';
import { FALLBACK_NOTES, OptimiserFailure, type OptimiseContext } from './resume-optimizer';
import { ResumeRepository } from './resume.repository';

/** Optimisations a mother may ask for in 24 hours: each DeepSeek call costs money. */
export const OPTIMISATIONS_PER_DAY = 20;
const SUGGESTIONS_LISTED = 20;
const DAY_MS = 86_400_000;

export interface MyResume {
  content: ResumeContent;
  updatedAt: Date | null;
}

@Injectable()
export class ResumeService {
  constructor(
    private readonly repo: ResumeRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly deepseek: DeepSeekResumeOptimizer,
    private readonly local: LocalResumeOptimizer,
  ) {}

  async getMine(me: Principal): Promise<MyResume> {
    const motherId = motherIdOf(me);
    const resume = await this.repo.findResume(motherId);
    if (resume) return { content: normalised(resume.content), updatedAt: resume.updatedAt };
    // A first resume starts from the skills she gave in her profile.
    const profile = await this.repo.profileOf(motherId);
    return { content: readResume(emptyResume(profile?.skills ?? [])) ?? emptyResume(), updatedAt: null };
  }

  async saveMine(me: Principal, content: ResumeContent): Promise<MyResume> {
    const saved = await this.repo.saveResume(motherIdOf(me), normalised(content), this.clock.now());
    return { content: normalised(saved.content), updatedAt: saved.updatedAt };
  }

  /**
   * Optimises her saved resume: DeepSeek when a key is configured, the local optimiser when not,
   * and the local one with a note when DeepSeek fails. The suggestion is stored for her to
   * accept or reject; her resume does not change here.
   */
  async optimise(me: Principal): Promise<ResumeSuggestionEntity> {
    const motherId = motherIdOf(me);
    const now = this.clock.now();
    const resume = await this.repo.findResume(motherId);
    const original = resume ? normalised(resume.content) : emptyResume();
    if (isResumeEmpty(original)) throw ResumeException.empty();
    const recent = await this.repo.suggestionsSince(motherId, new Date(now.getTime() - DAY_MS));
    if (recent.count >= OPTIMISATIONS_PER_DAY) {
      // The same answer as every other limit: RATE_LIMITED with Retry-After, here the time until
      // the oldest optimisation of the last 24 hours leaves the window.
      const reopensAt = (recent.oldest?.getTime() ?? now.getTime()) + DAY_MS;
      throw new RateLimitedException(reopensAt - now.getTime(), `每天最多优化${OPTIMISATIONS_PER_DAY}次，请明天再试`);
    }
    const profile = await this.repo.profileOf(motherId);
    const context: OptimiseContext = { names: profile?.names ?? [], today: isoDateInChina(now) };

    let source: 'deepseek' | 'local' = 'local';
    let note: string | null = null;
    let suggested: ResumeContent | undefined;
    if (this.deepseek.configured) {
      try {
        suggested = await this.deepseek.optimise(original, context);
        source = 'deepseek';
      } catch (error) {
        if (!(error instanceof OptimiserFailure)) throw error;
        note = FALLBACK_NOTES[error.reason];
      }
    }
    suggested ??= await this.local.optimise(original, context);
    return this.repo.insertSuggestion({ motherId, source, note, original, suggested: normalised(suggested), createdAt: this.clock.now() });
  }

  listSuggestions(me: Principal): Promise<ResumeSuggestionEntity[]> {
    return this.repo.listSuggestions(motherIdOf(me), SUGGESTIONS_LISTED);
  }

  /** Her resume becomes the suggestion, if she has not changed the resume since it was made. */
  accept(me: Principal, suggestionId: string): Promise<MyResume> {
    const motherId = motherIdOf(me);
    return this.tx.run(async (tx) => {
      const suggestion = await this.repo.lockSuggestion(suggestionId, motherId, tx);
      if (!suggestion) throw notFound();
      if (suggestion.status !== 'pending') throw ResumeException.suggestionDecided();
      const current = await this.repo.findResume(motherId, tx);
      if (!current || canonical(normalised(current.content)) !== canonical(normalised(suggestion.original))) throw ResumeException.suggestionStale();
      const now = this.clock.now();
      const saved = await this.repo.saveResume(motherId, normalised(suggestion.suggested), now, tx);
      await this.repo.decide(suggestion.id, 'accepted', now, tx);
      return { content: normalised(saved.content), updatedAt: saved.updatedAt };
    });
  }

  reject(me: Principal, suggestionId: string): Promise<ResumeSuggestionEntity> {
    const motherId = motherIdOf(me);
    return this.tx.run(async (tx) => {
      const suggestion = await this.repo.lockSuggestion(suggestionId, motherId, tx);
      if (!suggestion) throw notFound();
      if (suggestion.status !== 'pending') throw ResumeException.suggestionDecided();
      return this.repo.decide(suggestion.id, 'rejected', this.clock.now(), tx);
    });
  }
}

function motherIdOf(me: Principal): string {
  if (!me.motherId) throw new CommonException('FORBIDDEN', '请先填写求职资料');
  return me.motherId;
}

function notFound(): CommonException {
  return new CommonException('NOT_FOUND', '优化建议不存在');
}

/** Stored and incoming resumes through the same reader, so limits and shape always hold. */
function normalised(content: unknown): ResumeContent {
  return readResume(content) ?? emptyResume();
}

/** JSON with sorted keys: jsonb does not keep the order keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
