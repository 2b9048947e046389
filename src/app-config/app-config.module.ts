import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigController } from 'src/app-config/app-config.controller';
import { AppConfigEntity } from 'src/app-config/app-config.entity';
import { AppConfigService } from 'src/app-config/app-config.service';
import { User } from 'src/users/user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AppConfigEntity, User])],
  controllers: [AppConfigController],
  providers: [AppConfigService],
  exports: [AppConfigService],
})
export class AppConfigModule {}
