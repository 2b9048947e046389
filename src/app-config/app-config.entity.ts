import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The single admin-editable configuration row (FitTrackee `GET /api/config`). */
@Entity('app_config')
export class AppConfigEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', default: 0 })
  maxUsers!: number;

  @Column({ type: 'integer', default: 10 })
  gpxLimitImport!: number;

  @Column({ type: 'integer', default: 1048576 })
  maxSingleFileSize!: number;

  @Column({ type: 'integer', default: 10485760 })
  maxZipFileSize!: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  adminContact!: string | null;

  @Column({ type: 'text', nullable: true })
  privacyPolicy!: string | null;

  @Column({ type: 'timestamp', nullable: true })
  privacyPolicyDate!: Date | null;

  @Column({ type: 'text', nullable: true })
  about!: string | null;
}
