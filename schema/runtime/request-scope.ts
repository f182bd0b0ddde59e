/**
 * The HTTP request being served, for code that runs on its behalf without being handed it
 * (Apollo's `formatError`, which the gateway uses to answer in the caller's language).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

export const currentRequest = new AsyncLocalStorage<IncomingMessage>();
