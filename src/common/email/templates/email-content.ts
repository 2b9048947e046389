/** What a template says; the layout turns it into the text and HTML parts. */
export interface EmailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Shown after the action, e.g. the link expiry or "ignore this email". */
  notes: string[];
  signature: string;
}

/**
 * Values a template may use; the renderer fills links from UI_URL (docs/compatibility.md#emails).
 */
export interface TemplateContext {
  username: string;
  uiUrl: string;
  /** The action link of the email, when it has one. */
  link: string;
  newEmail: string;
  /** "Windows, Firefox" style text from the request's User-Agent, or empty. */
  device: string;
}
