import type { EmployerKind } from '@mamagang/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, type Repository } from 'typeorm';
import { readOnReplica } from '../../database/read-replica';
import type { Tx } from '../../database/transaction';
import { EmployerEntity, type EmployerStatus } from './employer.entity';

/** What a filing writes; the same fields are rewritten when a member edits and resubmits it. */
export interface EmployerFilingValues {
  uscc: string;
  name: string;
  kind: EmployerKind;
  regionCode: string;
  contactName: string;
  contactPhoneCipher: string;
  contactPhoneMasked: string;
  address: string;
  lat: number;
  lng: number;
  hasMotherBabyRoom: boolean;
  hasChildcare: boolean;
  hasShuttleBus: boolean;
  isLabourDispatch: boolean;
}

/** The part of a filing an approved employer may change itself. */
export type EmployerDetailsValues = Pick<
  EmployerFilingValues,
  'contactName' | 'contactPhoneCipher' | 'contactPhoneMasked' | 'address' | 'lat' | 'lng' | 'hasMotherBabyRoom' | 'hasChildcare' | 'hasShuttleBus'
>;

export interface DirectoryFilter {
  /** A LIKE pattern from regionLikePattern: a city's code covers its districts. */
  regionPattern?: string;
  kind?: EmployerKind;
  friendly?: boolean;
  /** Part of the name, as typed. */
  nameContains?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** Thrown by writes that would give a second employer the same unified social credit code. */
export class DuplicateUsccError extends Error {
  constructor() {
    super('employers_uscc_unique');
  }
}

const USCC_UNIQUE = 'employers_uscc_unique';

/** The only code that reads and writes `employers`. Other features read employers through it. */
@Injectable()
export class EmployersRepository {
  constructor(@InjectRepository(EmployerEntity) private readonly employers: Repository<EmployerEntity>) {}

  findById(id: string, tx?: Tx): Promise<EmployerEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  findByIds(ids: readonly string[], tx?: Tx): Promise<EmployerEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo(tx).find({ where: { id: In([...ids]) }, order: { createdAt: 'ASC' } });
  }

  /**
   * Inserts a filing. The unique constraint, not a prior SELECT, decides between concurrent
   * filings of one code: exactly one insert wins, every other one gets DuplicateUsccError.
   */
  async insert(values: EmployerFilingValues & { filedBy: string }, tx?: Tx): Promise<EmployerEntity> {
    const repo = this.repo(tx);
    try {
      return await repo.save(repo.create({ ...values, status: 'pending' }));
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  }

  /**
   * Rewrites a filing that is pending or was rejected and puts it back to pending review.
   * Returns false when it is not (any more) in one of those states.
   */
  /** Only while approved (a take-back between read and write leaves the row alone). */
  async updateDetails(id: string, values: EmployerDetailsValues, at: Date, tx?: Tx): Promise<boolean> {
    const result = await this.repo(tx)
      .createQueryBuilder()
      .update(EmployerEntity)
      .set({ ...values, updatedAt: at })
      .where('id = :id AND status = :status', { id, status: 'approved' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async resubmit(id: string, values: EmployerFilingValues, at: Date, tx?: Tx): Promise<boolean> {
    try {
      const result = await this.repo(tx)
        .createQueryBuilder()
        .update(EmployerEntity)
        .set({ ...values, status: 'pending', reviewReason: null, reviewedBy: null, reviewedAt: null, updatedAt: at })
        .where('id = :id AND status IN (:...states)', { id, states: ['pending', 'rejected'] })
        .execute();
      return (result.affected ?? 0) > 0;
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  }

  /** Records a review of a pending filing; false when the filing is not pending (reviewed already). */
  async review(
    id: string,
    review: { status: Exclude<EmployerStatus, 'pending'>; reason: string | null; serviceOfficer: string | null; by: string; at: Date },
    tx?: Tx,
  ): Promise<boolean> {
    const result = await this.repo(tx)
      .createQueryBuilder()
      .update(EmployerEntity)
      .set({
        status: review.status,
        reviewReason: review.reason,
        serviceOfficer: review.serviceOfficer,
        reviewedBy: review.by,
        reviewedAt: review.at,
        updatedAt: review.at,
      })
      .where("id = :id AND status = 'pending'", { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Sets the friendly mark; false when it already had that value (nothing changed). */
  async setFriendly(id: string, friendly: boolean, by: string, at: Date, tx?: Tx): Promise<boolean> {
    const result = await this.repo(tx)
      .createQueryBuilder()
      .update(EmployerEntity)
      .set({ friendly, friendlyGrantedBy: friendly ? by : null, friendlyGrantedAt: friendly ? at : null, updatedAt: at })
      .where('id = :id AND friendly <> :friendly', { id, friendly })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Approved employers only, friendly ones first, then the newest. The public directory reads a
   * replica when there is one: an approval may reach it a moment later.
   */
  directory(filter: DirectoryFilter, page: number, size: number): Promise<Page<EmployerEntity>> {
    return readOnReplica(this.employers.manager.dataSource, (m) => this.directoryPage(m.getRepository(EmployerEntity), filter, page, size));
  }

  private async directoryPage(employers: Repository<EmployerEntity>, filter: DirectoryFilter, page: number, size: number): Promise<Page<EmployerEntity>> {
    const qb = employers.createQueryBuilder('e').where("e.status = 'approved'");
    if (filter.regionPattern) qb.andWhere('e.region_code LIKE :region', { region: filter.regionPattern });
    if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.friendly !== undefined) qb.andWhere('e.friendly = :friendly', { friendly: filter.friendly });
    if (filter.nameContains) qb.andWhere(`e.name ILIKE :q ESCAPE '\\'`, { q: `%${escapeLike(filter.nameContains)}%` });
    const [items, total] = await qb
      .orderBy('e.friendly', 'DESC')
      .addOrderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((page - 1) * size)
      .take(size)
      .getManyAndCount();
    return { items, total };
  }

  /** Filings in any of the regions (LIKE patterns), oldest first: the queue an official works through. */
  async listInRegions(regionPatterns: readonly string[], status: EmployerStatus | undefined, page: number, size: number): Promise<Page<EmployerEntity>> {
    if (regionPatterns.length === 0) return { items: [], total: 0 };
    const qb = this.employers.createQueryBuilder('e');
    const clauses = regionPatterns.map((_, i) => `e.region_code LIKE :r${i}`).join(' OR ');
    qb.where(`(${clauses})`, Object.fromEntries(regionPatterns.map((p, i) => [`r${i}`, p])));
    if (status) qb.andWhere('e.status = :status', { status });
    const [items, total] = await qb
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .skip((page - 1) * size)
      .take(size)
      .getManyAndCount();
    return { items, total };
  }

  private repo(tx: Tx | undefined): Repository<EmployerEntity> {
    return tx ? tx.getRepository(EmployerEntity) : this.employers;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function translateUniqueViolation(error: unknown): unknown {
  if (error instanceof QueryFailedError) {
    const driver = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
    if (driver?.code === '23505' && driver.constraint === USCC_UNIQUE) return new DuplicateUsccError();
  }
  return error;
}
