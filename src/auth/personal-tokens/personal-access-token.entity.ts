import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A personal access token (docs/oauth2.md#personal-access-tokens); only its digest is stored. */
@Entity('personal_access_tokens')
export class PersonalAccessToken {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** Granted scopes, space-separated, never empty. */
  @Column({ type: 'text' })
  scope!: string;

  @Column({ type: 'timestamp' })
  createdAt!: Date;

  /** Null: never expires. */
  @Column({ type: 'timestamp', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamp', nullable: true })
  lastUsedAt!: Date | null;
}
