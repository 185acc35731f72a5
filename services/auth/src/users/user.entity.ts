import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type StaffRole = 'admin' | 'staff';
export type AccountStatus = 'active' | 'suspended' | 'pending';

/** An admin or staff account of the chain. */
@Entity({ schema: 'auth', name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  role: StaffRole;

  @Column({ name: 'branch_ids', type: 'uuid', array: true, default: () => "'{}'" })
  branchIds: string[];

  @Column({ type: 'text', default: 'active' })
  status: AccountStatus;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
