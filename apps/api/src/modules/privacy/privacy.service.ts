import { Injectable } from '@nestjs/common';
import { isoDateInChina, regionCovers, regionLikePattern } from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import { PiiCrypto } from '../../common/crypto/pii-crypto';
import { TransactionRunner } from '../../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import { officialRegionsOf, type Principal } from '../users/principal';
import { AccessLogRepository, type AccessLogRow } from './access-log.repository';
import type { AccessLogEntryDto, AccessLogQueryDto, AccountDeletedDto, OfficialAccessLogDto, PersonalDataDto } from './dto/privacy.dto';
import { ACCESS_ACTION_LABELS, VIEWER_ROLE_LABELS } from './personal-data-access-log';
import { DELETE_CONFIRMATION, PrivacyException } from './privacy.errors';
import { PrivacyRepository } from './privacy.repository';

const ACCESS_LOG_IN_EXPORT = 200;
const ACCESS_LOG_PAGE = 50;

/** What deletion keeps, anonymised, and why (the same text as docs/PRIVACY.md). */
export const RETAINED_ON_DELETION: readonly string[] = [
  '录用登记（单位、岗位、入职日期、合同与社保情况）：是就业登记和就业补贴审核的依据，按社会保险和就业补贴资金审计的要求保存，姓名改为“已注销用户”，不再与您的账号关联。',
  '已审核（通过或不通过）的补贴申请及审核记录：属于补贴资金发放的审计档案，依法保存，同样匿名。',
  '“12333”就业服务计划和服务记录：是人社部门督导和审计就业服务的台账，依法保存，匿名；尚未提供的服务不再安排。',
  '与上述录用相关的用工调剂协议（如有）：是劳动用工记录的一部分，匿名保存。',
];

/**
 * A person's rights over her data (个人信息保护法 arts. 44-47): see everything held about her,
 * take it away as a file, and close her account, which deletes her personal data except what a
 * law requires to keep (kept anonymised). Also the officials' view of the access log.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly repo: PrivacyRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly notifications: NotificationsService,
    private readonly crypto: PiiCrypto,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async myData(me: Principal): Promise<PersonalDataDto> {
    const account = await this.repo.account(me.userId);
    if (!account) throw new CommonException('UNAUTHENTICATED');
    const mother = await this.repo.motherOfUser(me.userId);
    let profile: Record<string, unknown> | null = null;
    let records: Record<string, unknown[]>;
    let accessLog: AccessLogEntryDto[] = [];
    if (mother) {
      const { phoneCipher, id, ...rest } = mother;
      profile = { id, ...rest, phone: phoneCipher ? this.crypto.decrypt(phoneCipher) : null };
      const data = await this.repo.motherData(mother.id, me.userId);
      const { children, ...others } = data;
      profile.children = children;
      records = others;
      accessLog = (await this.accessLog.forMother(mother.id, ACCESS_LOG_IN_EXPORT, 0)).map(toEntry);
    } else {
      records = { notifications: await this.repo.userNotifications(me.userId) };
    }
    return {
      generatedAt: this.clock.now().toISOString(),
      account: {
        userId: account.id,
        displayName: account.displayName,
        phone: account.phoneCipher ? this.crypto.decrypt(account.phoneCipher) : null,
        roles: account.roles,
        createdAt: account.createdAt.toISOString(),
      },
      profile,
      records,
      accessLog,
      retainedOnDeletion: [...RETAINED_ON_DELETION],
    };
  }

  /**
   * Closes her account in one transaction: pending applications withdrawn (employers told),
   * undecided subsidy claims withdrawn (employers told), her personal data deleted, what a law
   * requires kept anonymised, her roles removed so her sign-in no longer works.
   */
  async deleteAccount(me: Principal, confirm: string): Promise<AccountDeletedDto> {
    if (confirm.trim() !== DELETE_CONFIRMATION) throw PrivacyException.confirmationRequired();
    if (me.grants.some((g) => g.role !== 'mother')) throw PrivacyException.staffAccount();
    const now = this.clock.now();
    const today = isoDateInChina(now);
    return this.tx.run(async (tx) => {
      if (!(await this.repo.lockUser(me.userId, tx))) throw new CommonException('UNAUTHENTICATED');
      const mother = await this.repo.motherOfUser(me.userId, tx, true);
      let withdrawn = 0;
      let kept: string[] = [];
      if (mother) {
        const pending = await this.repo.pendingApplications(mother.id, tx);
        for (const a of pending) {
          await this.notifications.notify(
            {
              recipientKind: 'employer',
              recipientId: a.employerId,
              kind: 'application_withdrawn',
              title: '求职者撤回了申请',
              body: `一位求职者已注销账号，她对“${a.postTitle}”的申请已自动撤回`,
              payload: { postId: a.postId, status: 'withdrawn', reason: 'account_deleted' },
              dedupeKey: `application:${a.id}:account_deleted`,
            },
            tx,
          );
        }
        withdrawn = pending.length;
        for (const c of await this.repo.undecidedClaims(mother.id, tx)) {
          if (c.byMother) continue;
          await this.notifications.notify(
            {
              recipientKind: 'employer',
              recipientId: c.employerId,
              kind: 'claim_withdrawn',
              title: '补贴申请已撤回',
              body: '一位员工已注销账号，无法再核验她的身份，尚未审核的补贴申请已自动撤回',
              payload: { subsidyCode: c.subsidyCode, reason: 'account_deleted' },
              dedupeKey: `claim:${c.id}:account_deleted`,
            },
            tx,
          );
        }
        const result = await this.repo.eraseMother(mother.id, today, now, tx);
        kept = result.motherKept ? [...RETAINED_ON_DELETION] : [];
      }
      await this.repo.eraseUser(me.userId, now, tx);
      return { deleted: true as const, kept, applicationsWithdrawn: withdrawn };
    });
  }

  /** The access log of her region; with a mother, every view of that mother (she must be in the region). */
  async officialAccessLog(me: Principal, query: AccessLogQueryDto): Promise<OfficialAccessLogDto> {
    const page = query.page ?? 1;
    const offset = (page - 1) * ACCESS_LOG_PAGE;
    const scopes = officialRegionsOf(me);
    let rows: AccessLogRow[];
    if (query.motherId) {
      const region = await this.repo.motherRegion(query.motherId);
      // A mother outside her region does not exist for her.
      if (!region || !scopes.some((s) => regionCovers(s, region))) throw new CommonException('NOT_FOUND', '没有找到这位妈妈');
      rows = await this.accessLog.forMother(query.motherId, ACCESS_LOG_PAGE + 1, offset);
    } else {
      rows = await this.accessLog.forRegions(scopes.map(regionLikePattern), ACCESS_LOG_PAGE + 1, offset);
    }
    return {
      items: rows.slice(0, ACCESS_LOG_PAGE).map((r) => ({ ...toEntry(r), id: r.id, viewerUserId: r.viewerUserId, subjectMotherIds: r.subjectMotherIds, regionCode: r.regionCode })),
      page,
      hasMore: rows.length > ACCESS_LOG_PAGE,
    };
  }
}

function toEntry(r: AccessLogRow): AccessLogEntryDto {
  return {
    at: r.at.toISOString(),
    viewerName: r.viewerName,
    viewerRole: r.viewerRole,
    viewerRoleLabel: VIEWER_ROLE_LABELS[r.viewerRole],
    action: r.action,
    actionLabel: (ACCESS_ACTION_LABELS as Record<string, string>)[r.action] ?? r.action,
    route: r.route,
  };
}
