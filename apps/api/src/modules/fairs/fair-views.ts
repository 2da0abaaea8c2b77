import {
  FAIR_MODE_LABELS,
  LIVESTREAM_PHASE_LABELS,
  POST_TYPES,
  formatHourly,
  isPostTypeCode,
  livestreamPhase,
  maskName,
} from '@mamagang/domain';
import type { FairDto, FairPostDto, FairSignupDto, FairSummaryDto, LivestreamSummaryDto, MySignupBriefDto } from './dto/fairs.dto';
import type { FairEntity } from './fair.entity';
import type { FairSignupEntity, FairSignupStatus } from './fair-signup.entity';
import type { PostSummaryRow, SignupWithMother } from './fairs.repository';
import type { LivestreamEntity } from './livestream.entity';

/** Answers of the fairs feature, mapped by hand from rows: nothing else leaves the API. */

export const SIGNUP_STATUS_LABELS: Record<FairSignupStatus, string> = {
  signed_up: '已报名',
  cancelled: '已取消报名',
  checked_in: '已签到',
};

const POST_STATUS_LABELS: Readonly<Record<string, string>> = {
  open: '招聘中',
  filled: '已招满',
  expired: '已过期',
  taken_down: '已下架',
};

export const PLATFORM_LABELS: Record<string, string> = {
  wechat_channels: '视频号直播',
  other: '直播链接',
};

export function fairStatusLabel(fair: FairEntity, now: Date): string {
  if (fair.status === 'cancelled') return '已取消';
  if (fair.endsAt.getTime() <= now.getTime()) return '已结束';
  if (fair.startsAt.getTime() <= now.getTime()) return '进行中';
  return fair.seatsTaken >= fair.seats ? '名额已满' : '报名中';
}

export function toPostView(p: PostSummaryRow, now: Date): FairPostDto {
  const expired = p.status === 'open' && p.validUntil.getTime() <= now.getTime();
  const status = expired ? 'expired' : p.status;
  return {
    id: p.id,
    title: p.title,
    employerId: p.employerId,
    employerName: p.employerName,
    type: p.type,
    typeLabel: isPostTypeCode(p.type) ? POST_TYPES[p.type].fullLabel : p.type,
    hourlyText: p.hourlyMin === null ? '自主经营，收入自定' : formatHourly(p.hourlyMin, p.hourlyMax ?? p.hourlyMin),
    openPlaces: status === 'open' ? Math.max(0, p.headcount - p.filledCount) : 0,
    status,
    statusLabel: POST_STATUS_LABELS[status] ?? status,
    remote: p.remote,
    takeHome: p.takeHome,
  };
}

export function toSignupBrief(s: FairSignupEntity, code: { text: string; digits: string } | null): MySignupBriefDto {
  const showCode = s.status !== 'cancelled' && code !== null;
  return {
    id: s.id,
    status: s.status,
    statusLabel: SIGNUP_STATUS_LABELS[s.status],
    code: showCode ? code.text : null,
    codeDigits: showCode ? code.digits : null,
    walkIn: s.walkIn,
    signedUpAt: s.signedUpAt.toISOString(),
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
  };
}

export function toFairSummary(
  fair: FairEntity,
  extra: { now: Date; employers: number; posts: number; distanceKm: number | null; mySignup: MySignupBriefDto | null },
): FairSummaryDto {
  return {
    id: fair.id,
    fairNo: fair.fairNo,
    title: fair.title,
    mode: fair.mode,
    modeLabel: FAIR_MODE_LABELS[fair.mode],
    regionCode: fair.regionCode,
    address: fair.address,
    location: fair.lat !== null && fair.lng !== null ? { lat: fair.lat, lng: fair.lng } : null,
    date: fair.fairDate,
    startTime: fair.startTime,
    endTime: fair.endTime,
    startsAt: fair.startsAt.toISOString(),
    endsAt: fair.endsAt.toISOString(),
    childFriendly: fair.childFriendly,
    seats: fair.seats,
    seatsLeft: Math.max(0, fair.seats - fair.seatsTaken),
    employerCount: extra.employers,
    postCount: extra.posts,
    status: fair.status,
    statusLabel: fairStatusLabel(fair, extra.now),
    distanceKm: extra.distanceKm,
    mySignup: extra.mySignup,
  };
}

export function toFairDto(
  fair: FairEntity,
  extra: {
    now: Date;
    distanceKm: number | null;
    mySignup: MySignupBriefDto | null;
    employers: FairDto['employers'];
    livestreams: LivestreamSummaryDto[];
    canManage: boolean;
  },
): FairDto {
  const posts = extra.employers.reduce((n, e) => n + e.posts.length, 0);
  return {
    ...toFairSummary(fair, { now: extra.now, employers: extra.employers.length, posts, distanceKm: extra.distanceKm, mySignup: extra.mySignup }),
    description: fair.description,
    onlineUrl: fair.onlineUrl,
    cancelReason: fair.cancelReason,
    stationId: fair.stationId,
    employers: extra.employers,
    livestreams: extra.livestreams,
    canManage: extra.canManage,
  };
}

export function toLivestreamSummary(l: LivestreamEntity, now: Date): LivestreamSummaryDto {
  const phase = livestreamPhase(l.startsAt.getTime(), l.endsAt.getTime(), now.getTime());
  return {
    id: l.id,
    title: l.title,
    platform: l.platform,
    platformLabel: PLATFORM_LABELS[l.platform] ?? l.platform,
    channelsId: l.channelsId,
    feedId: l.feedId,
    url: l.url,
    startsAt: l.startsAt.toISOString(),
    endsAt: l.endsAt.toISOString(),
    phase,
    phaseLabel: LIVESTREAM_PHASE_LABELS[phase],
    status: l.status,
  };
}

export function toFairSignup(row: SignupWithMother): FairSignupDto {
  const s = row.signup;
  return {
    id: s.id,
    seq: s.seq,
    status: s.status,
    statusLabel: SIGNUP_STATUS_LABELS[s.status],
    walkIn: s.walkIn,
    signedUpAt: s.signedUpAt.toISOString(),
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    mother: { id: s.motherId, name: maskName(row.motherName) || '求职妈妈', phoneMasked: row.phoneMasked },
  };
}
