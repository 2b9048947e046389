import { Global, Module } from '@nestjs/common';
import { DisabledMailer } from 'src/common/email/disabled-mailer';
import { MAILER } from 'src/common/email/mailer';

@Global()
@Module({ providers: [{ provide: MAILER, useClass: DisabledMailer }], exports: [MAILER] })
export class EmailModule {}
