/**
 * Loaders of payments' records for fields of rows already decided and released (a payment's
 * receipt, an enrollment's or a movement's acuse): one statement per batch, and the receipt is
 * released to the shield with its parent's decision. References, debt statements and
 * reconciliations are decided by their services (services/payment-*.ts), not here.
 */
import DataLoader from 'dataloader';
import type { BaseContext } from '../shared/context.ts';
import type { ReceiptModel } from './mappers.ts';
import type { PaymentRepository } from './payment-repository.ts';

export function createPaymentLoaders(ctx: BaseContext, repository: PaymentRepository) {
  return {
    /** The receipt of a record this subgraph issued one for (payment, enrollment, movement id), or null. */
    receiptOfRecord: new DataLoader<string, ReceiptModel | null>(async (ids) => {
      const rows = await repository.receiptsByRecord(ids);
      const byRecord = new Map(rows.map(({ recordId, ...receipt }) => [recordId, receipt]));
      return ids.map((id) => {
        const receipt = byRecord.get(id) ?? null;
        if (receipt) ctx.released.release('Receipt', receipt.folio);
        return receipt;
      });
    }),
  };
}

export type PaymentLoaders = ReturnType<typeof createPaymentLoaders>;
