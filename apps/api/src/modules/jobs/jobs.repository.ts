import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { JobEntity } from './job.entity';

export interface NewJob {
  kind: string;
  dedupeKey: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  dedupeKey: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/** The only code that reads and writes `jobs`. Times come from the caller (the app's clock), never from now(). */
@Injectable()
export class JobsRepository {
  constructor(@InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>) {}

  /** True when a job was added, false when one with that dedupe key already exists (done or not). */
  async enqueue(job: NewJob, tx?: Tx): Promise<boolean> {
    const rows: { id: string }[] = await this.manager(tx).query(
      `INSERT INTO jobs (kind, dedupe_key, payload, run_at, max_attempts) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [job.kind, job.dedupeKey, JSON.stringify(job.payload ?? {}), job.runAt, job.maxAttempts ?? 5],
    );
    return rows.length > 0;
  }

  /**
   * Takes up to `limit` ready jobs for `workerId` until `leaseUntil`, in one statement (its own
   * transaction). SKIP LOCKED lets two processes claim at the same moment without waiting for
   * or taking each other's rows; the lease keeps a claimed job from being claimed again until
   * it expires, which is how a job of a crashed process comes back.
   */
  async claim(workerId: string, now: Date, leaseUntil: Date, limit: number, kinds: readonly string[]): Promise<ClaimedJob[]> {
    if (kinds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.jobs.query(
      `WITH ready AS (
         SELECT id FROM jobs
          WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $1
            AND (locked_until IS NULL OR locked_until <= $1)
            AND kind = ANY($5::text[])
          ORDER BY run_at
          LIMIT $4
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE jobs j SET locked_until = $2, locked_by = $3, attempts = j.attempts + 1
           FROM ready WHERE j.id = ready.id
         RETURNING j.id, j.kind, j.dedupe_key, j.payload, j.attempts, j.max_attempts)
       SELECT * FROM claimed`,
      [now, leaseUntil, workerId, limit, [...kinds]],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      dedupeKey: r.dedupe_key as string,
      payload: (r.payload ?? {}) as Record<string, unknown>,
      attempts: Number(r.attempts),
      maxAttempts: Number(r.max_attempts),
    }));
  }

  /** Marks the job done inside the transaction of its effects: both commit or neither does. */
  async complete(id: string, now: Date, tx: Tx): Promise<void> {
    await tx.query(`UPDATE jobs SET done_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1 AND done_at IS NULL`, [id, now]);
  }

  /** Releases a failed attempt for a retry at `retryAt`, or gives the job up when attempts are used. */
  async fail(id: string, error: string, retryAt: Date, giveUpAt: Date | null): Promise<void> {
    await this.jobs.query(
      `UPDATE jobs SET locked_until = NULL, last_error = $2, run_at = $3, failed_at = $4 WHERE id = $1 AND done_at IS NULL`,
      [id, error.slice(0, 500), retryAt, giveUpAt],
    );
  }

  findByDedupeKey(dedupeKey: string): Promise<JobEntity | null> {
    return this.jobs.findOneBy({ dedupeKey });
  }

  private manager(tx: Tx | undefined) {
    return tx ?? this.jobs.manager;
  }
}
