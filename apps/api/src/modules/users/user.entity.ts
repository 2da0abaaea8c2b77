import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person who signs in (table `users`). The phone is kept encrypted, with a keyed hash to find it. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  openid!: string | null;

  @Column({ name: 'phone_hash', type: 'text', nullable: true })
  phoneHash!: string | null;

  @Column({ name: 'phone_cipher', type: 'text', nullable: true })
  phoneCipher!: string | null;

  @Column({ name: 'phone_masked', type: 'text', nullable: true })
  phoneMasked!: string | null;

  @Column({ name: 'display_name', type: 'text', default: '' })
  displayName!: string;

  /** Set only on demo users, who can sign in through the development sign-in. */
  @Column({ name: 'demo_key', type: 'text', nullable: true })
  demoKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
