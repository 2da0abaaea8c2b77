import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import type { ResumeContent } from './resume-content';
import { ResumeSuggestionEntity, type SuggestionStatus } from './resume-suggestion.entity';
import { ResumeEntity } from './resume.entity';
import type { OptimiserSource } from './resume-optimizer';

export interface NewSuggestion {
  motherId: string;
  source: OptimiserSource;
  note: string | null;
  original: ResumeContent;
  suggested: ResumeContent;
  createdAt: Date;
}

/** The only code that reads and writes `resumes` and `resume_suggestions`. */
@Injectable()
export class ResumeRepository {
  constructor(
    @InjectRepository(ResumeEntity) private readonly resumes: Repository<ResumeEntity>,
    @InjectRepository(ResumeSuggestionEntity) private readonly suggestions: Repository<ResumeSuggestionEntity>,
  ) {}

  findResume(motherId: string, tx?: Tx): Promise<ResumeEntity | null> {
    return this.resumeRepo(tx).findOneBy({ motherId });
  }

  async saveResume(motherId: string, content: ResumeContent, now: Date, tx?: Tx): Promise<ResumeEntity> {
    const rows: Record<string, unknown>[] = await this.manager(tx).query(
      `INSERT INTO resumes (mother_id, content, created_at, updated_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (mother_id) DO UPDATE SET content = EXCLUDED.content, updated_at = EXCLUDED.updated_at
       RETURNING mother_id, content, created_at, updated_at`,
      [motherId, JSON.stringify(content), now],
    );
    const r = rows[0] as Record<string, unknown>;
    return Object.assign(new ResumeEntity(), {
      motherId: r.mother_id as string,
      content: r.content as ResumeContent,
      createdAt: new Date(r.created_at as string),
      updatedAt: new Date(r.updated_at as string),
    });
  }

  /** Her profile's skills (to start an empty resume) and the names to keep from leaving the API. */
  async profileOf(motherId: string, tx?: Tx): Promise<{ skills: string[]; names: string[] } | null> {
    const rows: { name: string; skills: string[] | null; display_name: string | null }[] = await this.manager(tx).query(
      `SELECT m.name, m.skills, u.display_name FROM mothers m LEFT JOIN users u ON u.id = m.user_id WHERE m.id = $1`,
      [motherId],
    );
    const r = rows[0];
    if (!r) return null;
    return { skills: r.skills ?? [], names: [r.name, r.display_name ?? ''].filter((n) => n.trim() !== '') };
  }

  async insertSuggestion(s: NewSuggestion, tx?: Tx): Promise<ResumeSuggestionEntity> {
    const repo = this.suggestionRepo(tx);
    return repo.save(repo.create({ ...s, status: 'pending', decidedAt: null }));
  }

  findSuggestion(id: string, motherId: string, tx?: Tx): Promise<ResumeSuggestionEntity | null> {
    return this.suggestionRepo(tx).findOneBy({ id, motherId });
  }

  /** Locks the row: two taps on "accept" apply it once. */
  lockSuggestion(id: string, motherId: string, tx: Tx): Promise<ResumeSuggestionEntity | null> {
    return tx.getRepository(ResumeSuggestionEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id AND s.mother_id = :motherId', { id, motherId }).getOne();
  }

  async decide(id: string, status: Exclude<SuggestionStatus, 'pending'>, now: Date, tx: Tx): Promise<ResumeSuggestionEntity> {
    await tx.getRepository(ResumeSuggestionEntity).update({ id, status: 'pending' }, { status, decidedAt: now });
    return tx.getRepository(ResumeSuggestionEntity).findOneByOrFail({ id });
  }

  listSuggestions(motherId: string, limit: number): Promise<ResumeSuggestionEntity[]> {
    return this.suggestions.find({ where: { motherId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** How many suggestions she got since `since`, and when the oldest of them was made. */
  async suggestionsSince(motherId: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const rows: { n: number; oldest: Date | null }[] = await this.suggestions.query(
      `SELECT count(*)::int AS n, min(created_at) AS oldest FROM resume_suggestions WHERE mother_id = $1 AND created_at >= $2`,
      [motherId, since],
    );
    const oldest = rows[0]?.oldest;
    return { count: rows[0]?.n ?? 0, oldest: oldest == null ? null : new Date(oldest) };
  }

  private manager(tx: Tx | undefined) {
    return tx ?? this.resumes.manager;
  }

  private resumeRepo(tx: Tx | undefined): Repository<ResumeEntity> {
    return tx ? tx.getRepository(ResumeEntity) : this.resumes;
  }

  private suggestionRepo(tx: Tx | undefined): Repository<ResumeSuggestionEntity> {
    return tx ? tx.getRepository(ResumeSuggestionEntity) : this.suggestions;
  }
}
