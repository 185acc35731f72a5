/** Names of settings whose values are secrets: never printed, whatever went wrong. */
const SECRET_NAME = /(_KEY$|SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL)/i;

// scheme://user:password@ (the host part may be invalid: the text is masked whether it parses or not).
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):([^\s/?#@]*)@/gi;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The text with the password of every URL in it replaced by `***` (`postgres://garage:***@db/garage`). */
export function maskCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1:***@');
}

/**
 * The text with every credential it may carry masked: passwords in URLs, and the value of every
 * secret-named setting of `env` (SECRET_KEY, *_PASSWORD, …) wherever it appears, for messages that
 * echo what they were given (a driver's error, a bad URL).
 */
export function maskSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let masked = maskCredentials(text);
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 4 && isSecretName(name)) masked = masked.split(value).join('***');
  }
  return masked;
}

/** How a setting's value is shown in an error: secrets not at all, URLs without their password. */
export function describeSetting(name: string, value: unknown): string {
  if (isSecretName(name)) return value === undefined || value === '' ? '""' : '(hidden)';
  return JSON.stringify(typeof value === 'string' ? maskCredentials(value) : (value ?? ''));
}
