/**
 * The account a credential check is about, as counted by CredentialAttemptsService: one
 * namespace per kind of credential, so an email and a client_id never share a counter.
 */
export const emailAccount = (email: string): string => `email:${email.trim().toLowerCase()}`;

export const clientAccount = (clientId: string): string => `client:${clientId}`;

/** The user a password-reset token claims to be for (its `sub`, verified or not). */
export const resetTokenAccount = (subject: string): string => `reset-token:${subject}`;

/** The signed-in user typing device user codes on the verification page. */
export const deviceCodeAccount = (userId: number): string => `device-code-user:${String(userId)}`;
