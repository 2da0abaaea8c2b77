import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MotherEntity } from './mother.entity';

/**
 * A child of a mother (table `children`), by birth year and month only: the least the rules
 * need (age and stage, see domain childAge), and no child's birthday is kept.
 */
@Entity({ name: 'children' })
export class ChildEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'mother_id', type: 'uuid' })
  motherId!: string;

  @Column({ name: 'birth_year', type: 'integer' })
  birthYear!: number;

  @Column({ name: 'birth_month', type: 'integer' })
  birthMonth!: number;

  // A string target avoids the import cycle between the two entity files.
  @ManyToOne('MotherEntity', 'children', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mother_id' })
  mother?: MotherEntity;
}
