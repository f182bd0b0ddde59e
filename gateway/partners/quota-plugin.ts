/**
 * Counts a bank's payments against its monthly payment quota once the operation is known (after
 * parsing and validation, before any subgraph is called): a refused payment reaches no subgraph.
 * Requests are counted earlier, when the context is made (server.ts).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.ts';
import { isPaymentOperation } from './payment-operations.ts';
import type { PartnerQuotas } from './quotas.ts';

export function paymentQuotaPlugin(quotas: PartnerQuotas): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const bankId = contextValue.identity.kind === 'user' ? contextValue.identity.viewer.bankId : null;
          if (bankId === null || !operation || !isPaymentOperation(operation, document, quotas.paymentFields)) return;
          await quotas.admit(bankId, 'payments');
        },
      };
    },
  };
}
