import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import type { Principal, Role, RoleGrant } from './principal';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export interface PhoneCodeRow {
  id: string;
  phoneHash: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

/** The only code that reads and writes `users`, `user_roles` and `phone_codes`. */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(UserRoleEntity) private readonly roles: Repository<UserRoleEntity>,
    private readonly dataSource: DataSource,
  ) {}

  findById(id: string, tx?: Tx): Promise<UserEntity | null> {
    return this.userRepo(tx).findOneBy({ id });
  }

  findByDemoKey(demoKey: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ demoKey });
  }

  findByPhoneHash(phoneHash: string, tx?: Tx): Promise<UserEntity | null> {
    return this.userRepo(tx).findOneBy({ phoneHash });
  }

  listDemoUsers(): Promise<UserEntity[]> {
    return this.users.createQueryBuilder('u').where('u.demo_key IS NOT NULL').orderBy('u.demo_key', 'ASC').getMany();
  }

  /** Finds or creates the user of a WeChat openid; safe when two sign-ins race. */
  async upsertByOpenid(openid: string): Promise<UserEntity> {
    await this.users.query(`INSERT INTO users (openid) VALUES ($1) ON CONFLICT (openid) DO NOTHING`, [openid]);
    return this.users.findOneByOrFail({ openid });
  }

  async create(values: Partial<UserEntity>, tx?: Tx): Promise<UserEntity> {
    return this.userRepo(tx).save(this.userRepo(tx).create(values));
  }

  async setPhone(userId: string, phone: { hash: string; cipher: string; masked: string }, tx?: Tx): Promise<void> {
    await this.userRepo(tx).update({ id: userId }, { phoneHash: phone.hash, phoneCipher: phone.cipher, phoneMasked: phone.masked });
  }

  async grantsOf(userId: string, tx?: Tx): Promise<RoleGrant[]> {
    const rows = await this.roleRepo(tx).find({ where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ role: r.role, employerId: r.employerId, stationId: r.stationId, regionCode: r.regionCode }));
  }

  /** Idempotent: granting a role the user already holds changes nothing. */
  async grant(userId: string, grant: { role: Role; employerId?: string | null; stationId?: string | null; regionCode?: string | null }, tx?: Tx): Promise<void> {
    await (tx ?? this.dataSource.manager).query(
      `INSERT INTO user_roles (user_id, role, employer_id, station_id, region_code) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [userId, grant.role, grant.employerId ?? null, grant.stationId ?? null, grant.regionCode ?? null],
    );
  }

  async loadPrincipal(userId: string): Promise<Principal | null> {
    const rows: { id: string; display_name: string; mother_id: string | null }[] = await this.users.query(
      // A closed account (deleted_at) signs in no more, whatever tokens it still holds.
      `SELECT u.id, u.display_name, m.id AS mother_id FROM users u LEFT JOIN mothers m ON m.user_id = u.id WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return { userId: row.id, displayName: row.display_name, motherId: row.mother_id, grants: await this.grantsOf(userId) };
  }

  /**
   * Joins a registration made at a station desk (a mother row with her phone, no account yet)
   * to the account that has just proved that phone. Returns the mother id, or null when there
   * is nothing to join or she already has a profile of her own.
   */
  async linkDeskRegistration(userId: string, phoneHash: string, tx: Tx): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
      `WITH linked AS (
         UPDATE mothers SET user_id = $1, updated_at = now()
          WHERE id = (SELECT id FROM mothers WHERE phone_hash = $2 AND user_id IS NULL ORDER BY created_at LIMIT 1)
            AND NOT EXISTS (SELECT 1 FROM mothers WHERE user_id = $1)
          RETURNING id)
       SELECT id FROM linked`,
      [userId, phoneHash],
    );
    return rows[0]?.id ?? null;
  }

  async insertPhoneCode(row: { userId: string; phoneHash: string; codeHash: string; expiresAt: Date }): Promise<void> {
    await this.dataSource.query(`INSERT INTO phone_codes (user_id, phone_hash, code_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      row.userId,
      row.phoneHash,
      row.codeHash,
      row.expiresAt,
    ]);
  }

  async latestPhoneCode(userId: string): Promise<PhoneCodeRow | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, phone_hash, code_hash, attempts, expires_at, used_at, created_at FROM phone_codes WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [userId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      phoneHash: r.phone_hash as string,
      codeHash: r.code_hash as string,
      attempts: Number(r.attempts),
      expiresAt: new Date(r.expires_at as string),
      usedAt: r.used_at ? new Date(r.used_at as string) : null,
      createdAt: new Date(r.created_at as string),
    };
  }

  async countPhoneCodesSince(userId: string, since: Date): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM phone_codes WHERE user_id = $1 AND created_at >= $2`, [userId, since]);
    return Number(rows[0]?.n ?? 0);
  }

  async recordPhoneCodeAttempt(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE phone_codes SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async markPhoneCodeUsed(id: string, at: Date, tx: Tx): Promise<void> {
    await tx.query(`UPDATE phone_codes SET used_at = $2 WHERE id = $1`, [id, at]);
  }

  private userRepo(tx: Tx | undefined): Repository<UserEntity> {
    return tx ? tx.getRepository(UserEntity) : this.users;
  }

  private roleRepo(tx: Tx | undefined): Repository<UserRoleEntity> {
    return tx ? tx.getRepository(UserRoleEntity) : this.roles;
  }
}
