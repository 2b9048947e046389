import { randomBytes } from 'node:crypto';

import { createExampleApp } from './app';

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

const port = Number(process.env['PORT'] ?? 3000);
const app = createExampleApp({
  pacekeeperUrl: (process.env['PACEKEEPER_URL'] ?? 'http://localhost:5000').replace(/\/+$/, ''),
  clientId: required('CLIENT_ID'),
  clientSecret: required('CLIENT_SECRET'),
  callbackUrl: process.env['CALLBACK_URL'] ?? `http://localhost:${String(port)}/callback`,
  sessionSecret: process.env['SESSION_SECRET'] ?? randomBytes(32).toString('hex'),
});
app.listen(port, () => {
  console.log(`Example app on http://localhost:${String(port)}`);
});
