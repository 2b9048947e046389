import { escapeHtml, layout } from 'src/oauth2/consent/views/html';

export interface LoginView {
  action: string;
  csrf: string;
  /** The application asking; absent on the device verification page, before the code. */
  clientName?: string;
  email?: string;
  error?: string;
}

function intro(clientName: string | undefined): string {
  return clientName === undefined
    ? 'Sign in to connect a device to your Pacekeeper account.'
    : `<strong>${escapeHtml(clientName)}</strong> wants to access your Pacekeeper account. Sign in to continue.`;
}

/** Sign-in form shown when the browser has no session (same rules as /api/auth/login). */
export function renderLoginPage(view: LoginView): string {
  const error =
    view.error === undefined
      ? ''
      : `<p class="error" role="alert" id="login-error">${escapeHtml(view.error)}</p>`;
  const described = view.error === undefined ? '' : ' aria-describedby="login-error"';
  return layout(
    'Sign in',
    `<h1>Sign in to Pacekeeper</h1>
<p>${intro(view.clientName)}</p>
${error}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(view.csrf)}">
<input type="hidden" name="action" value="login">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(view.email ?? '')}"${described}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>`,
  );
}
