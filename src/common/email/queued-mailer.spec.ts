import type { ConfigService } from '@nestjs/config';
import { QueuedMailer, SEND_EMAIL_JOB, toEmailMessage } from 'src/common/email/queued-mailer';
import type { SmtpEmailSender } from 'src/common/email/smtp-email.sender';
import type { JobHandler, JobQueue } from 'src/common/jobs/job-queue';
import type { AppConfig } from 'src/config/configuration';

const MESSAGE = {
  to: 'a@example.com',
  template: 'password_change',
  language: 'fr',
  data: { username: 'sam' },
} as const;

function setup(emailUrl: string | undefined): {
  mailer: QueuedMailer;
  jobs: jest.Mocked<JobQueue>;
  sender: { send: jest.Mock };
} {
  const jobs = {
    register: jest.fn(),
    enqueue: jest.fn().mockResolvedValue(undefined),
    onFailed: jest.fn(),
    counts: jest.fn(),
    problem: jest.fn(),
  };
  const sender = { send: jest.fn().mockResolvedValue(undefined) };
  const config = { get: jest.fn().mockReturnValue(emailUrl) };
  const mailer = new QueuedMailer(
    jobs,
    sender as unknown as SmtpEmailSender,
    config as unknown as ConfigService<AppConfig, true>,
  );
  return { mailer, jobs, sender };
}

describe('QueuedMailer', () => {
  it('enqueues a send_email job with the message', async () => {
    const { mailer, jobs } = setup('smtp://localhost');
    await mailer.send(MESSAGE);
    expect(jobs.enqueue).toHaveBeenCalledWith(SEND_EMAIL_JOB, MESSAGE);
  });

  it('registers the job handler, which sends through SMTP', async () => {
    const { mailer, jobs, sender } = setup('smtp://localhost');
    mailer.onModuleInit();
    const handler = jobs.register.mock.calls[0]?.[1] as JobHandler;
    await handler({ ...MESSAGE });
    expect(sender.send).toHaveBeenCalledWith(MESSAGE);
  });

  it('registers nothing when email sending is disabled', () => {
    const { mailer, jobs } = setup(undefined);
    mailer.onModuleInit();
    expect(jobs.register).not.toHaveBeenCalled();
  });
});

describe('toEmailMessage', () => {
  it.each([
    [{ ...MESSAGE, to: 3 }],
    [{ ...MESSAGE, template: 'unknown' }],
    [{ ...MESSAGE, data: { username: 1 } }],
    [{ ...MESSAGE, data: null }],
  ])('refuses a malformed payload %p', (payload) => {
    expect(() => toEmailMessage(payload)).toThrow('malformed send_email job');
  });
});
