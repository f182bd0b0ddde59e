import type { AccessLogEntryResolvers } from '../__generated__/resolvers-types.ts';

export const AccessLogEntry: AccessLogEntryResolvers = {
  at: (entry) => entry.at,
  exception: (entry) => entry.exceptionReason !== null,
};
