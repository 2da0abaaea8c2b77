import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isoDateInChina } from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { JobsRepository, type ClaimedJob, type NewJob } from './jobs.repository';

export interface JobContext {
  /** The transaction that also marks the job done: write every effect through it. */
  readonly tx: Tx;
  readonly now: Date;
  readonly job: ClaimedJob;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

export interface RunSummary {
  claimed: number;
  done: number;
  failed: number;
}

/** A claim lasts this long; a process that dies holding one lets it go when it expires. */
export const JOB_LEASE_MS = 5 * 60_000;
export const JOB_POLL_MS = 30_000;
const BATCH = 20;

/**
 * The job queue on the application's own database (no Redis, no second service): enqueue,
 * claim with FOR UPDATE SKIP LOCKED and a lease, run the handler and mark the job done in one
 * transaction. A job runs at least once; handlers make their effects idempotent.
 *
 * Every process polls (not under NODE_ENV=test, where tests call runOnce()). Daily jobs are
 * enqueued by every poll with a key holding the China date, so exactly one per day exists
 * however many processes run.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly handlers = new Map<string, JobHandler>();
  private readonly daily = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RunSummary> | undefined;
  /** Identifies this process in `locked_by`, for whoever looks at a stuck job. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly repo: JobsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job handler for ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  /** A job of `kind` (with an empty payload) enqueued once per China calendar day. */
  registerDaily(kind: string): void {
    this.daily.add(kind);
  }

  enqueue(job: Omit<NewJob, 'runAt'> & { runAt?: Date }, tx?: Tx): Promise<boolean> {
    return this.repo.enqueue({ ...job, runAt: job.runAt ?? this.clock.now() }, tx);
  }

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => void this.poll(), JOB_POLL_MS);
    // The queue must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * Enqueues today's daily jobs, then claims and runs ready jobs until none is left or `maxBatches`
   * batches ran. Tests call it directly; the poller calls it every JOB_POLL_MS.
   */
  async runOnce(options: { maxBatches?: number; batchSize?: number } = {}): Promise<RunSummary> {
    const total: RunSummary = { claimed: 0, done: 0, failed: 0 };
    const now = this.clock.now();
    const today = isoDateInChina(now);
    for (const kind of this.daily) {
      if (this.handlers.has(kind)) await this.repo.enqueue({ kind, dedupeKey: `${kind}:${today}`, runAt: now });
    }
    const maxBatches = options.maxBatches ?? 50;
    for (let i = 0; i < maxBatches; i++) {
      const batch = await this.runBatch(options.batchSize ?? BATCH);
      total.claimed += batch.claimed;
      total.done += batch.done;
      total.failed += batch.failed;
      if (batch.claimed === 0) break;
    }
    return total;
  }

  private async poll(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce();
    try {
      const summary = await this.running;
      if (summary.failed > 0) this.logger.warn(`jobs: ${summary.done} done, ${summary.failed} failed`);
    } catch (error) {
      this.logger.error(`job poll failed: ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }

  private async runBatch(limit: number): Promise<RunSummary> {
    const now = this.clock.now();
    const jobs = await this.repo.claim(this.workerId, now, new Date(now.getTime() + JOB_LEASE_MS), limit, [...this.handlers.keys()]);
    const summary: RunSummary = { claimed: jobs.length, done: 0, failed: 0 };
    for (const job of jobs) {
      const handler = this.handlers.get(job.kind) as JobHandler;
      try {
        await this.tx.run(async (tx) => {
          await handler(job.payload, { tx, now, job });
          await this.repo.complete(job.id, this.clock.now(), tx);
        });
        summary.done += 1;
      } catch (error) {
        summary.failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        const at = this.clock.now();
        // 1, 4, 9, 16 … minutes: a passing fault clears, a persistent one does not hammer the database.
        const retryAt = new Date(at.getTime() + job.attempts * job.attempts * 60_000);
        const giveUp = job.attempts >= job.maxAttempts ? at : null;
        this.logger.warn(`job ${job.kind} ${job.id} attempt ${job.attempts} failed${giveUp ? ', giving up' : ''}: ${message}`);
        await this.repo.fail(job.id, message, retryAt, giveUp);
      }
    }
    return summary;
  }
}
