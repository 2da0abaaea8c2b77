import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type LivestreamPlatform = 'wechat_channels' | 'other';
export type LivestreamStatus = 'scheduled' | 'cancelled';

/**
 * A livestream promoting jobs (直播带岗, table `livestreams`), carried by a fair or by a post.
 * A WeChat channels live is opened in the mini-program by the channel's id (视频号ID); any other
 * live by its link.
 */
@Entity({ name: 'livestreams' })
export class LivestreamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'fair_id', type: 'uuid', nullable: true })
  fairId!: string | null;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId!: string | null;

  /** The post's employer, for a post's livestream. */
  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  platform!: LivestreamPlatform;

  @Column({ name: 'channels_id', type: 'text', nullable: true })
  channelsId!: string | null;

  @Column({ name: 'feed_id', type: 'text', nullable: true })
  feedId!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text', default: 'scheduled' })
  status!: LivestreamStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A post shown beside a livestream (table `livestream_posts`), in order. */
@Entity({ name: 'livestream_posts' })
export class LivestreamPostEntity {
  @PrimaryColumn({ name: 'livestream_id', type: 'uuid' })
  livestreamId!: string;

  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @Column({ type: 'integer' })
  position!: number;
}
