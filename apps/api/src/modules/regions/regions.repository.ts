import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { readOnReplica } from '../../database/read-replica';
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

  /**
   * The regions directly under `parentCode`, by code. Lists of regions (the catalogue's region
   * picker) read a replica when there is one: regions change only with a migration.
   */
  findChildren(parentCode: string, tx?: Tx): Promise<RegionEntity[]> {
    return readOnReplica(this.regions.manager.dataSource, (m) => m.find(RegionEntity, { where: { parentCode }, order: { code: 'ASC' } }), tx);
  }

  /** The top-level regions (provinces), by code; a replica's, like findChildren. */
  findRoots(tx?: Tx): Promise<RegionEntity[]> {
    return readOnReplica(this.regions.manager.dataSource, (m) => m.find(RegionEntity, { where: { parentCode: IsNull() }, order: { code: 'ASC' } }), tx);
  }

  private repo(tx: Tx | undefined): Repository<RegionEntity> {
    return tx ? tx.getRepository(RegionEntity) : this.regions;
  }
}
