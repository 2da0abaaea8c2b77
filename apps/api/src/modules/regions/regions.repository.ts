import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { RegionEntity } from './region.entity';

/**
 * The only code that reads `regions`. Every method takes an optional `tx` so that a
 * service can run it inside TransactionRunner.run() on that transaction's connection.
 */
@Injectable()
export class RegionsRepository {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  findByCode(code: string, tx?: Tx): Promise<RegionEntity | null> {
    return this.repo(tx).findOneBy({ code });
  }

  /** The regions directly under `parentCode`, by code. */
  findChildren(parentCode: string, tx?: Tx): Promise<RegionEntity[]> {
    return this.repo(tx).find({ where: { parentCode }, order: { code: 'ASC' } });
  }

  /** The top-level regions (provinces), by code. */
  findRoots(tx?: Tx): Promise<RegionEntity[]> {
    return this.repo(tx).find({ where: { parentCode: IsNull() }, order: { code: 'ASC' } });
  }

  private repo(tx: Tx | undefined): Repository<RegionEntity> {
    return tx ? tx.getRepository(RegionEntity) : this.regions;
  }
}
