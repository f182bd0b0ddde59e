import pino from 'pino';

/** One JSON logger for every process; LOG_LEVEL=silent in tests keeps output readable. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'imss-federation' },
  redact: ['req.headers.authorization', 'req.headers["x-imss-identity"]'],
});

export type Logger = pino.Logger;
