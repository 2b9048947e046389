import type { Tokens } from './pacekeeper-api';
import { PROTECTED_API_CALL } from './protected-call';

const escape = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

function layout(body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Example Pacekeeper app</title></head><body><main>${body}</main></body></html>`;
}

function button(action: string, label: string): string {
  return `<form method="post" action="${action}"><button type="submit">${label}</button></form>`;
}

/** The example's single page: sign-in link, or the token's scope and the actions. */
export function homePage(tokens: Tokens | undefined, message: string | undefined): string {
  const notice =
    message === undefined ? '' : `<p id="message" role="status">${escape(message)}</p>`;
  if (tokens === undefined)
    return layout(
      `<h1>Example app</h1>${notice}<p><a id="login" href="/login">Sign in with Pacekeeper</a></p>`,
    );
  return layout(`<h1>Example app</h1>
<p id="status">Signed in through Pacekeeper with scope <code id="scope">${escape(tokens.scope)}</code>.</p>
${notice}
${button('/call', `Call ${PROTECTED_API_CALL.method} ${PROTECTED_API_CALL.path}`)}
${button('/refresh', 'Refresh the tokens')}
${button('/revoke', 'Revoke the tokens')}`);
}
