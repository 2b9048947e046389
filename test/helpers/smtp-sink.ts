import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodePart(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

function splitHead(raw: string): [string, string] {
  const index = raw.search(/\r?\n\r?\n/);
  return index < 0 ? [raw, ''] : [raw.slice(0, index), raw.slice(index).replace(/^\r?\n\r?\n/, '')];
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/** Just enough MIME for the emails nodemailer builds: one multipart/alternative, text + HTML. */
export function parseEmail(raw: string, from: string, to: string[]): ReceivedEmail {
  const [headers, body] = splitHead(raw);
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeHeader(/^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfolded)?.[1];
  let text = '';
  let html = '';
  for (const part of boundary === undefined ? [raw] : body.split(`--${boundary}`)) {
    const [partHeaders, partBody] = splitHead(part.replace(/^\r?\n/, ''));
    if (/content-type:\s*text\/plain/i.test(partHeaders)) text = decodePart(partHeaders, partBody);
    if (/content-type:\s*text\/html/i.test(partHeaders)) html = decodePart(partHeaders, partBody);
  }
  return { from, to, subject, text, html, raw };
}

/** A real SMTP server on a random loopback port, keeping what it receives. */
export class SmtpSink {
  readonly emails: ReceivedEmail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        this.emails.push(parseEmail(Buffer.concat(chunks).toString('utf8'), from, to));
        callback();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${String(port)}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  clear(): void {
    this.emails.length = 0;
  }

  /** Waits for an email to `to` (jobs run after the response) and returns the latest one. */
  async waitFor(to: string, count = 1, timeoutMs = 10000): Promise<ReceivedEmail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.emails.filter((email) => email.to.includes(to));
      if (found.length >= count) return found;
      if (Date.now() > deadline)
        throw new Error(`no email for ${to} after ${String(timeoutMs)} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The `token` query parameter of the first link to `path` in the email text. */
export function tokenFromEmail(email: ReceivedEmail, path: string): string {
  const match = new RegExp(`${path}\\?token=([^\\s"<&]+)`).exec(email.text);
  if (!match?.[1]) throw new Error(`no ${path} link in email "${email.subject}"`);
  return decodeURIComponent(match[1]);
}
