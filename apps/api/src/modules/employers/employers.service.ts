import {
  checkLocationInRegion,
  maskMobile,
  regionLikePattern,
  validateMobile,
  validateUscc,
  type EmployerKind,
} from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { PiiCrypto } from '../../common/crypto/pii-crypto';
import { CommonException } from '../../common/errors';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { NotificationsService } from '../notifications/notifications.service';
import { RegionsRepository } from '../regions/regions.repository';
import { isEmployerMember, isOfficialFor, officialRegionsOf, type Principal } from '../users/principal';
import { UsersRepository } from '../users/users.repository';
import type { EmployerEntity, EmployerStatus } from './employer.entity';
import { EmployersException } from './employers.errors';
import { DuplicateUsccError, EmployersRepository, type EmployerFilingValues, type Page } from './employers.repository';

/** A filing as the member types it (validated for shape at the edge, for meaning here). */
export interface EmployerFilingInput {
  uscc: string;
  name: string;
  kind: EmployerKind;
  regionCode: string;
  contactName: string;
  contactPhone: string;
  address: string;
  location: { lat: number; lng: number };
  facilities: { motherBabyRoom: boolean; childcare: boolean; shuttleBus: boolean };
  isLabourDispatch?: boolean;
}

export type EmployerDetailsInput = Pick<EmployerFilingInput, 'contactName' | 'contactPhone' | 'address' | 'location' | 'facilities'>;

/**
 * How much of an employer a caller may see: its members and the officials of its region see
 * the whole filing (contact phone masked); everyone else sees the directory entry of an approved
 * employer, without the contact person.
 */
export type EmployerView = 'public' | 'member' | 'official';

export interface DirectoryQuery {
  regionCode?: string;
  kind?: EmployerKind;
  friendly?: boolean;
  q?: string;
  page: number;
}

export const DIRECTORY_PAGE_SIZE = 20;

@Injectable()
export class EmployersService {
  constructor(
    private readonly employers: EmployersRepository,
    private readonly regions: RegionsRepository,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
    private readonly crypto: PiiCrypto,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Files an employer for review; the filer becomes its member in the same transaction. */
  async file(me: Principal, input: EmployerFilingInput): Promise<EmployerEntity> {
    const values = await this.filingValues(input);
    return this.transactions.run(async (tx) => {
      const employer = await this.insertOrDuplicate(values, me.userId, tx);
      await this.users.grant(me.userId, { role: 'employer_member', employerId: employer.id }, tx);
      return employer;
    });
  }

  /**
   * A member edits a filing that is pending or was rejected and submits it again: it goes back
   * to pending and the review reason is cleared. An approved filing is the official's to change.
   */
  async resubmit(me: Principal, id: string, input: EmployerFilingInput): Promise<EmployerEntity> {
    const current = await this.employers.findById(id);
    if (!current || !isEmployerMember(me, id)) throw notFound();
    if (current.status === 'approved') throw EmployersException.notEditable();
    const values = await this.filingValues(input);
    return this.transactions.run(async (tx) => {
      let changed: boolean;
      try {
        changed = await this.employers.resubmit(id, values, this.clock.now(), tx);
      } catch (error) {
        throw error instanceof DuplicateUsccError ? EmployersException.duplicate() : error;
      }
      // Approved between our read and this write.
      if (!changed) throw EmployersException.notEditable();
      return this.mustFind(id, tx);
    });
  }

  /**
   * An approved employer updates its contact, address, map location and facilities without a new
   * review: a moved workshop or a new contact person must not take it out of the directory. The
   * location stays within its approved region; the fields the official approved are not here.
   */
  async updateDetails(me: Principal, id: string, input: EmployerDetailsInput): Promise<EmployerEntity> {
    const current = await this.employers.findById(id);
    if (!current || !isEmployerMember(me, id)) throw notFound();
    if (current.status !== 'approved') throw EmployersException.notApproved();
    const phone = validateMobile(input.contactPhone);
    if (!phone.ok) throw EmployersException.phoneInvalid(phone.message);
    const region = await this.regions.findByCode(current.regionCode);
    if (!region) throw EmployersException.regionUnknown();
    const problem = checkLocationInRegion(input.location, { name: region.name, center: { lat: region.centerLat, lng: region.centerLng } });
    if (problem) throw EmployersException.locationInvalid(problem.message);
    return this.transactions.run(async (tx) => {
      const changed = await this.employers.updateDetails(
        id,
        {
          contactName: input.contactName.trim(),
          contactPhoneCipher: this.crypto.encrypt(phone.normalized),
          contactPhoneMasked: maskMobile(phone.normalized),
          address: input.address.trim(),
          lat: input.location.lat,
          lng: input.location.lng,
          hasMotherBabyRoom: input.facilities.motherBabyRoom,
          hasChildcare: input.facilities.childcare,
          hasShuttleBus: input.facilities.shuttleBus,
        },
        this.clock.now(),
        tx,
      );
      if (!changed) throw EmployersException.notApproved();
      return this.mustFind(id, tx);
    });
  }

  async mine(me: Principal): Promise<EmployerEntity[]> {
    const ids = me.grants.filter((g) => g.role === 'employer_member' && g.employerId).map((g) => g.employerId as string);
    return this.employers.findByIds(ids);
  }

  /** One employer and how much of it the caller may see; 404 when she may see nothing. */
  async view(viewer: Principal | null, id: string): Promise<{ employer: EmployerEntity; view: EmployerView }> {
    const employer = await this.employers.findById(id);
    if (!employer) throw notFound();
    if (viewer && isEmployerMember(viewer, id)) return { employer, view: 'member' };
    if (viewer && isOfficialFor(viewer, employer.regionCode)) return { employer, view: 'official' };
    if (employer.status === 'approved') return { employer, view: 'public' };
    throw notFound();
  }

  async directory(query: DirectoryQuery): Promise<Page<EmployerEntity>> {
    return this.employers.directory(
      {
        regionPattern: query.regionCode ? regionLikePattern(query.regionCode) : undefined,
        kind: query.kind,
        friendly: query.friendly,
        nameContains: query.q?.trim() || undefined,
      },
      query.page,
      DIRECTORY_PAGE_SIZE,
    );
  }

  /** Filings in the official's regions, oldest first; pending ones unless she asks for another status. */
  async listForOfficial(me: Principal, status: EmployerStatus | undefined, page: number): Promise<Page<EmployerEntity>> {
    return this.employers.listInRegions(officialRegionsOf(me).map(regionLikePattern), status, page, DIRECTORY_PAGE_SIZE);
  }

  async approve(me: Principal, id: string, serviceOfficer: string | undefined): Promise<EmployerEntity> {
    await this.loadForReview(me, id);
    const officer = serviceOfficer?.trim() || null;
    return this.transactions.run(async (tx) => {
      const at = this.clock.now();
      if (!(await this.employers.review(id, { status: 'approved', reason: null, serviceOfficer: officer, by: me.userId, at }, tx))) {
        throw EmployersException.alreadyReviewed();
      }
      const employer = await this.mustFind(id, tx);
      await this.notifications.notify(
        {
          recipientKind: 'employer',
          recipientId: id,
          kind: 'employer_approved',
          title: '单位备案已通过',
          body: `“${employer.name}”已通过妈妈岗用人单位备案，现在可以发布岗位了。${officer ? `您的服务专员：${officer}。` : ''}`,
          payload: { employerId: id },
        },
        tx,
      );
      return employer;
    });
  }

  async reject(me: Principal, id: string, reason: string): Promise<EmployerEntity> {
    await this.loadForReview(me, id);
    const why = reason.trim();
    return this.transactions.run(async (tx) => {
      const at = this.clock.now();
      if (!(await this.employers.review(id, { status: 'rejected', reason: why, serviceOfficer: null, by: me.userId, at }, tx))) {
        throw EmployersException.alreadyReviewed();
      }
      const employer = await this.mustFind(id, tx);
      await this.notifications.notify(
        {
          recipientKind: 'employer',
          recipientId: id,
          kind: 'employer_rejected',
          title: '单位备案未通过',
          body: `“${employer.name}”的备案未通过审核，原因：${why}。请修改后重新提交。`,
          payload: { employerId: id, reason: why },
        },
        tx,
      );
      return employer;
    });
  }

  /** Grants or revokes 友好企业; setting the mark it already has changes and notifies nothing. */
  async setFriendly(me: Principal, id: string, friendly: boolean): Promise<EmployerEntity> {
    const current = await this.loadForOfficial(me, id);
    if (current.status !== 'approved') throw EmployersException.notApproved();
    return this.transactions.run(async (tx) => {
      const changed = await this.employers.setFriendly(id, friendly, me.userId, this.clock.now(), tx);
      const employer = await this.mustFind(id, tx);
      if (changed) {
        await this.notifications.notify(
          {
            recipientKind: 'employer',
            recipientId: id,
            kind: friendly ? 'employer_friendly_granted' : 'employer_friendly_revoked',
            title: friendly ? '获评妈妈岗友好企业' : '友好企业标识已取消',
            body: friendly
              ? `“${employer.name}”已被认定为妈妈岗友好企业，岗位将优先展示。`
              : `“${employer.name}”的妈妈岗友好企业标识已取消，如有疑问请联系当地人社部门。`,
            payload: { employerId: id, friendly },
          },
          tx,
        );
      }
      return employer;
    });
  }

  /**
   * An employer an official acts on. Not her region: a filing the public cannot see is 404 (its
   * existence is not hers to know); an approved, public one is 403.
   */
  private async loadForOfficial(me: Principal, id: string): Promise<EmployerEntity> {
    const employer = await this.employers.findById(id);
    if (!employer) throw notFound();
    if (!isOfficialFor(me, employer.regionCode)) {
      if (employer.status === 'approved') throw new CommonException('FORBIDDEN', '该单位不在您负责的地区');
      throw notFound();
    }
    return employer;
  }

  private async loadForReview(me: Principal, id: string): Promise<EmployerEntity> {
    const employer = await this.loadForOfficial(me, id);
    // Nobody reviews her own filing.
    if (isEmployerMember(me, id)) throw new CommonException('FORBIDDEN', '不能审核自己所在单位的备案');
    if (employer.status !== 'pending') throw EmployersException.alreadyReviewed();
    return employer;
  }

  private async filingValues(input: EmployerFilingInput): Promise<EmployerFilingValues> {
    const uscc = validateUscc(input.uscc);
    if (!uscc.ok) throw EmployersException.usccInvalid(uscc.message);
    const phone = validateMobile(input.contactPhone);
    if (!phone.ok) throw EmployersException.phoneInvalid(phone.message);
    const region = await this.regions.findByCode(input.regionCode);
    if (!region) throw EmployersException.regionUnknown();
    const problem = checkLocationInRegion(input.location, { name: region.name, center: { lat: region.centerLat, lng: region.centerLng } });
    if (problem) throw EmployersException.locationInvalid(problem.message);
    return {
      uscc: uscc.normalized,
      name: input.name.trim(),
      kind: input.kind,
      regionCode: region.code,
      contactName: input.contactName.trim(),
      contactPhoneCipher: this.crypto.encrypt(phone.normalized),
      contactPhoneMasked: maskMobile(phone.normalized),
      address: input.address.trim(),
      lat: input.location.lat,
      lng: input.location.lng,
      hasMotherBabyRoom: input.facilities.motherBabyRoom,
      hasChildcare: input.facilities.childcare,
      hasShuttleBus: input.facilities.shuttleBus,
      isLabourDispatch: input.isLabourDispatch ?? false,
    };
  }

  private async insertOrDuplicate(values: EmployerFilingValues, filedBy: string, tx: Tx): Promise<EmployerEntity> {
    try {
      return await this.employers.insert({ ...values, filedBy }, tx);
    } catch (error) {
      throw error instanceof DuplicateUsccError ? EmployersException.duplicate() : error;
    }
  }

  private async mustFind(id: string, tx: Tx): Promise<EmployerEntity> {
    const employer = await this.employers.findById(id, tx);
    if (!employer) throw notFound();
    return employer;
  }
}

function notFound(): CommonException {
  return new CommonException('NOT_FOUND', '单位不存在');
}

