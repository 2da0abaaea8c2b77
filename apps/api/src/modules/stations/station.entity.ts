import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type StationService = 'registration' | 'career_guidance' | 'job_recommendation' | 'rights_consultation' | 'training';

export const STATION_SERVICE_CODES: readonly StationService[] = [
  'registration',
  'career_guidance',
  'job_recommendation',
  'rights_consultation',
  'training',
];

export const STATION_SERVICE_LABELS: Record<StationService, string> = {
  registration: '求职登记',
  career_guidance: '职业指导',
  job_recommendation: '岗位推荐',
  rights_consultation: '维权咨询',
  training: '技能培训',
};

/** A community 妈妈岗 station or service-hall window (table `stations`). */
@Entity({ name: 'stations' })
export class StationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ name: 'opening_hours', type: 'text', default: '' })
  openingHours!: string;

  @Column({ type: 'text', array: true, default: '{}' })
  services!: StationService[];

  /** E.g. Laixi: lawyers on Tuesday, Thursday and Saturday mornings. */
  @Column({ name: 'rights_consultation_hours', type: 'text', nullable: true })
  rightsConsultationHours!: string | null;

  /** A room where a social worker minds children during training. */
  @Column({ name: 'has_child_room', type: 'boolean', default: false })
  hasChildRoom!: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
