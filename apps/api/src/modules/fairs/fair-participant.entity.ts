import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An employer taking part in a fair (table `fair_employers`). */
@Entity({ name: 'fair_employers' })
export class FairEmployerEntity {
  @PrimaryColumn({ name: 'fair_id', type: 'uuid' })
  fairId!: string;

  @PrimaryColumn({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A post an employer brings to a fair (table `fair_posts`). */
@Entity({ name: 'fair_posts' })
export class FairPostEntity {
  @PrimaryColumn({ name: 'fair_id', type: 'uuid' })
  fairId!: string;

  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;
}
