import { isScope } from 'src/auth/scopes';
import { escapeHtml, layout } from 'src/oauth2/consent/views/html';
import { SCOPE_DESCRIPTIONS } from 'src/oauth2/consent/views/scope-descriptions';

export interface ConsentView {
  action: string;
  csrf: string;
  username: string;
  clientName: string;
  clientWebsite: string;
  clientDescription: string | null;
  /** Where the browser goes after either button; null for a device (RFC 8628 §3.3). */
  redirectUri: string | null;
  /** The device's user code, shown to be compared and sent back with the choice. */
  userCode?: string;
  /** The scopes the token would get. */
  scopes: readonly string[];
}

function scopeList(scopes: readonly string[]): string {
  if (scopes.length === 0) return '<p>This application asks for no access to your data.</p>';
  const items = [...new Set(scopes)]
    .filter(isScope)
    .map(
      (scope) =>
        `<li>${escapeHtml(SCOPE_DESCRIPTIONS[scope])} <small>(${escapeHtml(scope)})</small></li>`,
    );
  return `<p>It will be able to:</p>\n<ul class="scopes">${items.join('\n')}</ul>`;
}

/** client_uri is not validated (docs/oauth2.md#clients): only http(s) becomes a link. */
function website(uri: string): string {
  const text = escapeHtml(uri);
  return /^https?:\/\//i.test(uri)
    ? `<a href="${text}" rel="noopener noreferrer">${text}</a>`
    : text;
}

/**
 * Where the answer goes, as the user can judge it: the origin of a web redirect URI, or the
 * scheme of a native app's (RFC 9700 §4.11.2: the user decides whether to trust it).
 */
function destination(uri: string): string {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol;
  } catch {
    return uri;
  }
}

/**
 * A device cannot be sent back to, so the user compares its code instead (RFC 8628 §5.4:
 * approving someone else's code would give them access).
 */
function afterwards(view: ConsentView): string {
  if (view.redirectUri !== null)
    return `<p>Either button sends you back to <strong id="redirect-destination">${escapeHtml(destination(view.redirectUri))}</strong>.</p>`;
  return `<p>Authorize only if you started this on your own device and it shows the code <strong id="user-code">${escapeHtml(view.userCode ?? '')}</strong>.</p>`;
}

/**
 * The consent screen: who asks, for what, with "Authorize" and "Cancel"
 * (docs/oauth2.md#authorization-code-flow).
 */
export function renderConsentPage(view: ConsentView): string {
  const description =
    view.clientDescription === null || view.clientDescription === ''
      ? ''
      : `<p>${escapeHtml(view.clientDescription)}</p>`;
  return layout(
    `Authorize ${view.clientName}`,
    `<h1>Authorize <span id="client-name">${escapeHtml(view.clientName)}</span>?</h1>
<p>Signed in as <strong>${escapeHtml(view.username)}</strong>.</p>
<p>Website: ${website(view.clientWebsite)}</p>
${description}
${scopeList(view.scopes)}
${afterwards(view)}
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="csrf_token" value="${escapeHtml(view.csrf)}">${
      view.userCode === undefined
        ? ''
        : `\n<input type="hidden" name="user_code" value="${escapeHtml(view.userCode)}">`
    }
<div class="actions">
<button class="primary" type="submit" name="action" value="authorize">Authorize</button>
<button class="secondary" type="submit" name="action" value="cancel">Cancel</button>
</div>
</form>`,
  );
}
