import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { StationEntity } from './station.entity';

export interface StationWorkerRow {
  userId: string;
  displayName: string;
}

/** The only code that reads and writes `stations` (station workers are rows of `user_roles`). */
@Injectable()
export class StationsRepository {
  constructor(@InjectRepository(StationEntity) private readonly stations: Repository<StationEntity>) {}

  findById(id: string, tx?: Tx): Promise<StationEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  async create(values: Omit<StationEntity, 'id' | 'createdAt'>, tx?: Tx): Promise<StationEntity> {
    return this.repo(tx).save(this.repo(tx).create(values));
  }

  /** Stations whose region is `likePattern` (see regionLikePattern), by name. */
  list(likePattern: string | null): Promise<StationEntity[]> {
    const qb = this.stations.createQueryBuilder('s').orderBy('s.region_code', 'ASC').addOrderBy('s.name', 'ASC').limit(500);
    if (likePattern) qb.where('s.region_code LIKE :p', { p: likePattern });
    return qb.getMany();
  }

  async workersOf(stationId: string, tx?: Tx): Promise<StationWorkerRow[]> {
    const rows: { user_id: string; display_name: string }[] = await (tx ?? this.stations.manager).query(
      `SELECT u.id AS user_id, u.display_name FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE r.role = 'station_worker' AND r.station_id = $1 ORDER BY r.created_at`,
      [stationId],
    );
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name }));
  }

  private repo(tx: Tx | undefined): Repository<StationEntity> {
    return tx ? tx.getRepository(StationEntity) : this.stations;
  }
}
