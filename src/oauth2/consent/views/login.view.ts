import { escapeHtml, layout } from 'src/oauth2/consent/views/html';

export interface LoginView {
  action: string;
  csrf: string;
  clientName: string;
  email?: string;
  error?: string;
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
<p><strong>${escapeHtml(view.clientName)}</strong> wants to access your Pacekeeper account. Sign in to continue.</p>
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
