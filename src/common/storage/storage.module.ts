import { Global, Module } from '@nestjs/common';
import { ObjectStorageService } from 'src/common/storage/object-storage.service';

/** The file storage driver (docs/storage.md), shared by uploads, pictures and exports. */
@Global()
@Module({ providers: [ObjectStorageService], exports: [ObjectStorageService] })
export class StorageModule {}
