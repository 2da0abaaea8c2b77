import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { PolicyVersionEntity, type PolicyVersionKind } from './policy-version.entity';

export interface PolicyVersionRow {
  id: string;
  kind: PolicyVersionKind;
  regionCode: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  payload: Record<string, unknown>;
  note: string;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
}

export interface NewPolicyVersion {
  kind: PolicyVersionKind;
  regionCode: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  payload: object;
  note: string;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `v.id, v.kind, v.region_code, v.effective_from::text AS effective_from, v.effective_to::text AS effective_to,
  v.payload, v.note, v.created_by, u.display_name AS created_by_name, v.created_at`;

function toRow(r: Record<string, unknown>): PolicyVersionRow {
  return {
    id: r.id as string,
    kind: r.kind as PolicyVersionKind,
    regionCode: r.region_code as string,
    effectiveFrom: r.effective_from as string,
    effectiveTo: (r.effective_to as string | null) ?? null,
    payload: r.payload as Record<string, unknown>,
    note: r.note as string,
    createdBy: (r.created_by as string | null) ?? null,
    createdByName: (r.created_by_name as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}

/** The only code that reads and writes `policy_versions`. There is no update: a change is an insert. */
@Injectable()
export class PolicyDataRepository {
  constructor(@InjectRepository(PolicyVersionEntity) private readonly versions: Repository<PolicyVersionEntity>) {}

  /** Every version of these areas (a region and the areas above it), oldest first. */
  async listForAreas(areaCodes: readonly string[], kind?: PolicyVersionKind, tx?: Tx): Promise<PolicyVersionRow[]> {
    const rows: Record<string, unknown>[] = await this.manager(tx).query(
      `SELECT ${COLUMNS} FROM policy_versions v LEFT JOIN users u ON u.id = v.created_by
        WHERE v.region_code = ANY($1::text[]) AND ($2::text IS NULL OR v.kind = $2)
        ORDER BY v.effective_from, v.created_at`,
      [[...areaCodes], kind ?? null],
    );
    return rows.map(toRow);
  }

  async findById(id: string, tx?: Tx): Promise<PolicyVersionRow | null> {
    const rows: Record<string, unknown>[] = await this.manager(tx).query(
      `SELECT ${COLUMNS} FROM policy_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.id = $1`,
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async insert(v: NewPolicyVersion, tx?: Tx): Promise<string> {
    const rows: { id: string }[] = await this.manager(tx).query(
      `INSERT INTO policy_versions (kind, region_code, effective_from, effective_to, payload, note, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [v.kind, v.regionCode, v.effectiveFrom, v.effectiveTo, JSON.stringify(v.payload), v.note, v.createdBy, v.createdAt],
    );
    return (rows[0] as { id: string }).id;
  }

  private manager(tx: Tx | undefined) {
    return tx ?? this.versions.manager;
  }
}
