import pino, { type Logger } from 'pino';

/** One structured logger for the process; JSON lines on stderr so stdout stays for command output. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, base: { service: 'kizuna' }, redact: { paths: REDACTED, censor: '[redacted]' } }, destination);
}

/**
 * Belt and braces: no code logs a request's headers or an API key, but should an error object
 * carrying them ever reach a log call, these paths are blanked (pino's redact, fast-redact).
 */
const REDACTED = ['authorization', 'key', '*.authorization', '*.key', 'req.headers.authorization', 'headers.authorization', '*.headers.authorization'];

export type { Logger };
