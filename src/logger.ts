import pino, { type Logger } from 'pino';

/** One structured logger for the process; JSON lines on stderr so stdout stays for command output. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'kizuna' } }, pino.destination(2));
}

export type { Logger };
