import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigModule } from 'src/app-config/app-config.module';
import { AuthTokensModule } from 'src/auth/auth-tokens.module';
import { DataExportController } from 'src/users/export/data-export.controller';
import { DataExportService } from 'src/users/export/data-export.service';
import { DataExportArchiver } from 'src/users/export/data-export-archiver';
import { DataExportProcessor } from 'src/users/export/data-export-processor';
import { UserDataExport } from 'src/users/export/user-data-export.entity';
import { User } from 'src/users/user.entity';
import { UserAdminNotifier } from 'src/users/user-admin-notifier';
import { UserDeletionService } from 'src/users/user-deletion.service';
import { UserFilesService } from 'src/users/user-files.service';
import { UserManagerService } from 'src/users/user-manager.service';
import { UserPictureService } from 'src/users/user-picture.service';
import { UserSerializer } from 'src/users/user-serializer.service';
import { UsersController } from 'src/users/users.controller';
import { UsersRepository } from 'src/users/users.repository';
import { UsersService } from 'src/users/users.service';
import { UsersAdminService } from 'src/users/users-admin.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, UserDataExport]),
    AppConfigModule,
    // Password-reset links of the admin update are signed as the auth endpoints sign them.
    AuthTokensModule,
  ],
  controllers: [UsersController, DataExportController],
  providers: [
    UsersRepository,
    UsersService,
    UserSerializer,
    UserFilesService,
    UserPictureService,
    UserManagerService,
    UserAdminNotifier,
    UsersAdminService,
    UserDeletionService,
    DataExportArchiver,
    DataExportProcessor,
    DataExportService,
  ],
  exports: [
    UsersService,
    UserSerializer,
    UserFilesService,
    UserManagerService,
    DataExportService,
    DataExportProcessor,
  ],
})
export class UsersModule {}
