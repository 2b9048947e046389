import { escapeHtml, layout } from 'src/oauth2/consent/views/html';

export interface DeviceCodeView {
  action: string;
  csrf: string;
  username: string;
  /** The code from the link (`verification_uri_complete`) or as typed before. */
  userCode: string;
  error?: string;
}

/** The form where the signed-in user types the code their device shows (RFC 8628 §3.3). */
export function renderDeviceCodePage(view: DeviceCodeView): string {
  const error =
    view.error === undefined
      ? ''
      : `<p class="error" role="alert" id="code-error">${escapeHtml(view.error)}</p>`;
  const described = view.error === undefined ? '' : ' aria-describedby="code-error"';
  return layout(
    'Connect a device',
    `<h1>Connect a device</h1>
<p>Signed in as <strong>${escapeHtml(view.username)}</strong>.</p>
<p>Enter the code shown on your device.</p>
${error}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(view.csrf)}">
<input type="hidden" name="action" value="code">
<label for="user_code">Code</label>
<input id="user_code" name="user_code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="32" required placeholder="XXXX-XXXX" value="${escapeHtml(view.userCode)}"${described}>
<div class="actions"><button class="primary" type="submit">Continue</button></div>
</form>`,
  );
}

/** After the choice: the device gets its tokens (or the refusal) at its next poll. */
export function renderDeviceDonePage(isApproved: boolean, clientName: string): string {
  const title = isApproved ? 'Device connected' : 'Access denied';
  const message = isApproved
    ? `${escapeHtml(clientName)} can now access your account. You can return to your device.`
    : `${escapeHtml(clientName)} was not given access. You can close this page.`;
  return layout(title, `<h1 id="device-result">${title}</h1>\n<p>${message}</p>`);
}
