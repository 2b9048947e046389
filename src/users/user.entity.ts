import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A FitTrackee user (FitTrackee user model). Dates are naive UTC (`timestamp without time zone`).
 * Username and email are unique case-insensitively (functional indexes in the migration).
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  username!: string;

  @Column({ type: 'varchar', length: 255 })
  email!: string;

  /** bcrypt hash. Changing it revokes the user's OAuth2 grants (a database trigger). */
  @Column({ type: 'varchar', length: 255 })
  password!: string;

  @CreateDateColumn({ type: 'timestamp' })
  createdAt!: Date;

  @Column({ type: 'boolean', default: false })
  admin!: boolean;

  @Column({ type: 'boolean', default: false })
  isActive!: boolean;

  @Column({ type: 'varchar', length: 80, nullable: true })
  firstName!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  lastName!: string | null;

  @Column({ type: 'timestamp', nullable: true })
  birthDate!: Date | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  bio!: string | null;

  /** Path relative to the upload folder; exposed only as a boolean. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  picture!: string | null;

  @Column({ type: 'varchar', length: 50, default: 'Europe/Paris' })
  timezone!: string;

  @Column({ type: 'varchar', length: 50, default: 'MM/dd/yyyy' })
  dateFormat!: string;

  @Column({ type: 'varchar', length: 50, default: 'en' })
  language!: string;

  @Column({ type: 'boolean', default: false })
  weekm!: boolean;

  @Column({ type: 'boolean', default: false })
  imperialUnits!: boolean;

  @Column({ type: 'boolean', default: true })
  displayAscent!: boolean;

  @Column({ type: 'boolean', default: true })
  startElevationAtZero!: boolean;

  @Column({ type: 'boolean', default: false })
  useRawGpxSpeed!: boolean;

  @Column({ type: 'boolean', nullable: true, default: false })
  useDarkMode!: boolean | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  emailToConfirm!: string | null;

  /** SHA-256 of the emailed confirmation token; the token itself is never stored. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  confirmationToken!: string | null;

  @Column({ type: 'timestamp', nullable: true })
  acceptedPolicyDate!: Date | null;
}
