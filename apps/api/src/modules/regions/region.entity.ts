import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RegionLevel = 'province' | 'city' | 'district';

/** An administrative region (table `regions`, created by the init migration). */
@Entity({ name: 'regions' })
export class RegionEntity {
  /** National 6-digit division code, e.g. '371000' 威海市, '371002' 环翠区. */
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: RegionLevel;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ name: 'center_lat', type: 'double precision' })
  centerLat!: number;

  @Column({ name: 'center_lng', type: 'double precision' })
  centerLng!: number;
}
