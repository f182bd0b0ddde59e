/** Tells caches and clients which language the answer's messages are in (they vary with Accept-Language). */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { CONTENT_LANGUAGE, negotiateLocale } from './locale.ts';

export function contentLanguagePlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('content-language', CONTENT_LANGUAGE[negotiateLocale(request.http?.headers.get('accept-language') ?? undefined)]);
          const vary = response.http.headers.get('vary');
          if (!vary?.toLowerCase().includes('accept-language')) response.http.headers.set('vary', vary ? `${vary}, Accept-Language` : 'Accept-Language');
        },
      };
    },
  };
}
