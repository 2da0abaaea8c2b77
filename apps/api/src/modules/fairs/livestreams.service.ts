import { Injectable } from '@nestjs/common';
import { isoDateInChina, regionLikePattern } from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { isEmployerMember, isOfficialFor, type Principal } from '../users/principal';
import type { LivestreamSummaryDto } from './dto/fairs.dto';
import type { CreateLivestreamDto, ListLivestreamsQueryDto, LivestreamDto, LivestreamStatsDto } from './dto/livestreams.dto';
import { toLivestreamSummary, toPostView } from './fair-views';
import { FairsException } from './fairs.errors';
import { FairsRepository } from './fairs.repository';
import { canOrganise } from './fairs.service';
import type { LivestreamEntity } from './livestream.entity';
import { LivestreamsRepository } from './livestreams.repository';

/** A livestream lasts at most this long; longer is a typing error. */
const MAX_LIVESTREAM_MS = 12 * 3_600_000;
const MAX_DAYS_AHEAD = 366;
const LIST_LIMIT = 50;

/**
 * Livestreamed job promotion (直播带岗): a fair or a post carries a livestream (a WeChat
 * channels live or another link) with its time; the posts shown are listed beside it during and
 * after it, and applications made from it are counted (applications.livestream_id).
 */
@Injectable()
export class LivestreamsService {
  constructor(
    private readonly repo: LivestreamsRepository,
    private readonly fairs: FairsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async createForFair(me: Principal, fairId: string, dto: CreateLivestreamDto): Promise<LivestreamDto> {
    const now = this.clock.now();
    const target = this.checkTarget(dto);
    const period = this.checkPeriod(dto, now);
    const id = await this.tx.run(async (tx) => {
      const fair = await this.fairs.findFair(fairId, tx);
      if (!fair) throw new CommonException('NOT_FOUND', '招聘会不存在');
      if (!canOrganise(me, fair.regionCode)) throw new CommonException('FORBIDDEN', '只有本地区的驿站工作人员或人社、妇联工作人员可以为这场招聘会安排直播');
      if (fair.status !== 'published') throw FairsException.alreadyCancelled();
      const fairPosts = await this.repo.fairPostIds(fair.id, tx);
      const postIds = dto.postIds ?? fairPosts;
      const outside = postIds.findIndex((p) => !fairPosts.includes(p));
      if (outside >= 0) throw FairsException.livestreamInvalid('直播只能展示本场招聘会的岗位', `postIds.${outside}`);
      const created = await this.repo.insert(
        { fairId: fair.id, postId: null, employerId: null, regionCode: fair.regionCode, title: dto.title, ...target, ...period, createdBy: me.userId, now },
        postIds,
        tx,
      );
      return created.id;
    });
    return this.get(id);
  }

  async createForPost(me: Principal, postId: string, dto: CreateLivestreamDto): Promise<LivestreamDto> {
    const now = this.clock.now();
    const target = this.checkTarget(dto);
    const period = this.checkPeriod(dto, now);
    const id = await this.tx.run(async (tx) => {
      const post = await this.repo.postOwner(postId, tx);
      // Another employer's post does not exist for this caller.
      if (!post || !isEmployerMember(me, post.employerId)) throw new CommonException('NOT_FOUND', '岗位不存在');
      if (post.employerStatus !== 'approved') throw FairsException.livestreamInvalid('单位备案通过后才能安排直播带岗', 'postId');
      // The post itself first, then the others the employer shows with it.
      const postIds = [post.id, ...(dto.postIds ?? []).filter((p) => p !== post.id)];
      const own = new Set(await this.repo.postsOfEmployer(post.employerId, postIds, tx));
      if (postIds.some((p) => !own.has(p))) throw FairsException.livestreamInvalid('直播只能展示本单位的岗位', 'postIds');
      const created = await this.repo.insert(
        { fairId: null, postId: post.id, employerId: post.employerId, regionCode: post.regionCode, title: dto.title, ...target, ...period, createdBy: me.userId, now },
        postIds,
        tx,
      );
      return created.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<LivestreamDto> {
    const now = this.clock.now();
    const l = await this.repo.findById(id);
    if (!l) throw new CommonException('NOT_FOUND', '直播不存在');
    const posts = await this.repo.posts(l.id);
    const fair = l.fairId ? await this.fairs.findFair(l.fairId) : null;
    const post = l.postId ? posts.find((p) => p.id === l.postId) : undefined;
    return {
      ...toLivestreamSummary(l, now),
      regionCode: l.regionCode,
      fair: fair ? { id: fair.id, title: fair.title } : null,
      post: post ? { id: post.id, title: post.title } : null,
      posts: posts.map((p) => toPostView(p, now)),
    };
  }

  /** Scheduled livestreams of a fair, showing a post, or of a region (then only those not yet over). */
  async list(q: ListLivestreamsQueryDto): Promise<LivestreamSummaryDto[]> {
    const now = this.clock.now();
    if (!q.fairId && !q.postId && !q.regionCode) {
      throw new CommonException('VALIDATION_FAILED', '请指定招聘会、岗位或地区', { details: [{ field: 'regionCode', rule: 'required', message: '请指定招聘会、岗位或地区' }] });
    }
    const rows = await this.repo.list(
      {
        fairId: q.fairId,
        postId: q.postId,
        regionLike: q.regionCode ? regionLikePattern(q.regionCode) : undefined,
        endedAfter: q.fairId || q.postId ? undefined : now,
      },
      LIST_LIMIT,
    );
    return rows.map((l) => toLivestreamSummary(l, now));
  }

  async stats(me: Principal, id: string): Promise<LivestreamStatsDto> {
    const l = await this.repo.findById(id);
    if (!l) throw new CommonException('NOT_FOUND', '直播不存在');
    if (!this.mayManage(me, l)) throw new CommonException('FORBIDDEN', '只有直播的主办方可以查看统计');
    const s = await this.repo.stats(l.id);
    return { id: l.id, title: l.title, applications: s.applications, applicants: s.applicants, hires: s.hires, posts: s.byPost };
  }

  /**
   * Where an application comes from, checked inside the application's transaction: a fair's
   * post applied to from the fair, a post shown beside a livestream applied to from it. Any
   * other combination is refused, so the fair and livestream counts hold only real ones.
   */
  async resolveApplicationOrigin(
    postId: string,
    input: { source?: string; fairId?: string; livestreamId?: string },
    tx: Tx,
  ): Promise<{ fairId: string | null; livestreamId: string | null }> {
    if (input.source === 'fair') {
      if (!input.fairId || input.livestreamId) throw FairsException.originInvalid('从招聘会申请时请注明是哪场招聘会');
      const fair = await this.fairs.findFair(input.fairId, tx);
      if (!fair || fair.status !== 'published' || !(await this.fairs.isPostInFair(fair.id, postId, tx))) {
        throw FairsException.originInvalid('这个岗位不在这场招聘会的岗位中');
      }
      return { fairId: fair.id, livestreamId: null };
    }
    if (input.source === 'livestream') {
      if (!input.livestreamId || input.fairId) throw FairsException.originInvalid('从直播申请时请注明是哪场直播');
      const l = await this.repo.findById(input.livestreamId, tx);
      if (!l || l.status !== 'scheduled' || !(await this.repo.isPostShown(l.id, postId, tx))) {
        throw FairsException.originInvalid('这个岗位不在这场直播展示的岗位中');
      }
      return { fairId: null, livestreamId: l.id };
    }
    if (input.fairId || input.livestreamId) throw FairsException.originInvalid('申请来源与招聘会或直播不一致');
    return { fairId: null, livestreamId: null };
  }

  private mayManage(me: Principal, l: LivestreamEntity): boolean {
    if (l.employerId && isEmployerMember(me, l.employerId)) return true;
    if (l.fairId) return canOrganise(me, l.regionCode);
    return isOfficialFor(me, l.regionCode);
  }

  private checkTarget(dto: CreateLivestreamDto): { platform: 'wechat_channels' | 'other'; channelsId: string | null; feedId: string | null; url: string | null } {
    if (dto.platform === 'wechat_channels') {
      if (!dto.channelsId) throw FairsException.livestreamInvalid('视频号直播请填写视频号ID', 'channelsId');
      return { platform: 'wechat_channels', channelsId: dto.channelsId, feedId: dto.feedId ?? null, url: dto.url ?? null };
    }
    if (!dto.url) throw FairsException.livestreamInvalid('请填写直播链接', 'url');
    if (dto.channelsId || dto.feedId) throw FairsException.livestreamInvalid('其他平台的直播只需填写直播链接', 'channelsId');
    return { platform: 'other', channelsId: null, feedId: null, url: dto.url };
  }

  private checkPeriod(dto: CreateLivestreamDto, now: Date): { startsAt: Date; endsAt: Date } {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) throw FairsException.livestreamInvalid('结束时间应晚于开播时间', 'endsAt');
    if (endsAt.getTime() - startsAt.getTime() > MAX_LIVESTREAM_MS) throw FairsException.livestreamInvalid('一场直播不超过12小时', 'endsAt');
    if (endsAt.getTime() <= now.getTime()) throw FairsException.livestreamInvalid('结束时间已过，请重新选择时间', 'endsAt');
    const latest = new Date(now.getTime() + MAX_DAYS_AHEAD * 86_400_000);
    if (startsAt.getTime() > latest.getTime()) throw FairsException.livestreamInvalid(`开播时间不能晚于${isoDateInChina(latest)}`, 'startsAt');
    return { startsAt, endsAt };
  }
}
