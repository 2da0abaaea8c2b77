import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { PostEntity } from './post.entity';

export type NewPost = Omit<PostEntity, 'id' | 'filledCount' | 'status' | 'takedownReason' | 'takenDownBy' | 'closedAt' | 'createdAt' | 'updatedAt'>;

export interface ClosedPosts {
  expired: number;
  filled: number;
}

/** The only code that writes `posts`. Other features read posts through it (`findById`, `findByIds`). */
@Injectable()
export class PostsRepository {
  constructor(@InjectRepository(PostEntity) private readonly posts: Repository<PostEntity>) {}

  findById(id: string, tx?: Tx): Promise<PostEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  findByIds(ids: readonly string[], tx?: Tx): Promise<PostEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo(tx).findBy({ id: In([...ids]) });
  }

  /** Every post of an employer, closed ones included, newest first. */
  listByEmployer(employerId: string, tx?: Tx): Promise<PostEntity[]> {
    return this.repo(tx).find({ where: { employerId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async insert(values: NewPost, tx?: Tx): Promise<PostEntity> {
    const repo = this.repo(tx);
    return repo.save(repo.create({ ...values, status: 'open', filledCount: 0 }));
  }

  /** Takes a post down; false when it was down already. */
  async takeDown(id: string, reason: string, by: string, at: Date, tx?: Tx): Promise<boolean> {
    const result = await this.repo(tx)
      .createQueryBuilder()
      .update(PostEntity)
      .set({ status: 'taken_down', takedownReason: reason, takenDownBy: by, closedAt: at, updatedAt: at })
      .where("id = :id AND status <> 'taken_down'", { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Closes open posts that are due: 'filled' when every place is taken, otherwise 'expired' once
   * valid_until has passed. Only open posts change, so running it twice, or in several API
   * processes at once, closes each post once.
   */
  async closeDue(now: Date, tx?: Tx): Promise<ClosedPosts> {
    const rows: { status: string; n: string }[] = await (tx ?? this.posts.manager).query(
      `WITH closed AS (
         UPDATE posts
            SET status = CASE WHEN filled_count >= headcount THEN 'filled' ELSE 'expired' END,
                closed_at = $1,
                updated_at = $1
          WHERE status = 'open' AND (valid_until <= $1 OR filled_count >= headcount)
          RETURNING status)
       SELECT status, count(*) AS n FROM closed GROUP BY status`,
      [now],
    );
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { expired: count('expired'), filled: count('filled') };
  }

  private repo(tx: Tx | undefined): Repository<PostEntity> {
    return tx ? tx.getRepository(PostEntity) : this.posts;
  }
}
