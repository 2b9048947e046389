import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A user's data-export request (FitTrackee `POST /api/auth/account/export/request`): at most one
 * per user; `completed` with a `fileName` is a successful export, `completed` without one an errored export.
 */
@Entity('users_data_export')
export class UserDataExport {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  userId!: number;

  @Column({ type: 'timestamp' })
  createdAt!: Date;

  @Column({ type: 'timestamp', nullable: true })
  updatedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  completed!: boolean;

  /** `archive_<random>.zip` in `exports/<user id>/` under the upload folder. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  fileName!: string | null;

  /** Bytes. */
  @Column({ type: 'integer', nullable: true })
  fileSize!: number | null;
}
