import { escapeHtml, layout } from 'src/oauth2/consent/views/html';

/** Shown instead of redirecting when the client or its redirect URI cannot be trusted. */
export function renderErrorPage(title: string, message: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
<p>Please go back to the application and try again, or contact its developer.</p>`,
  );
}
