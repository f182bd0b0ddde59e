import pino from 'pino';
import { LOG_REDACT_PATHS, safeErrorSerializer, scrubLogObject, scrubText } from './redaction.ts';

interface LogSink {
  write(line: string): void;
}

const stdout: LogSink = pino.destination({ dest: 1, sync: true });
let sink: LogSink = stdout;

/**
 * Sends every process log line to `target` until the returned function is called (tests that read
 * what was logged). Lines are complete JSON documents ending in a newline.
 */
export function redirectLogs(target: LogSink): () => void {
  const previous = sink;
  sink = target;
  return () => {
    sink = previous;
  };
}

/**
 * One JSON logger for every process; LOG_LEVEL=silent in tests keeps output readable. Personal
 * data is kept out (schema/runtime/redaction.ts): tokens and the purpose header are removed by
 * path, every string is scrubbed of identifiers, contacts and tokens, errors are serialized
 * without bound SQL parameters, GraphQL extensions or the input values their messages quote.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'imss-federation' },
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: safeErrorSerializer, error: safeErrorSerializer },
    formatters: { log: (object) => scrubLogObject(object) },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  },
  { write: (line: string) => sink.write(line) },
);

export type Logger = pino.Logger;
