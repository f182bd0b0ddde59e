/**
 * Partner quotas (docs/operations.md, "Partner quotas"): each bank, by its token's `bank_id`, may
 * make so many requests and so many payments per calendar month in Mexico City (quota-period.ts),
 * as its agreement says (PARTNER_QUOTAS, else the defaults). Past a quota the gateway answers
 * 429 QUOTA_EXCEEDED naming the quota and when it resets; the usage so far is reported by
 * quota-report.ts.
 */
import { GraphQLError } from 'graphql';
import type { ServiceMetrics } from '../../schema/runtime/metrics.ts';
import type { MonthlyQuotas, PartnerQuotaConfig } from '../config.ts';
import { QUOTA_TIME_ZONE, quotaPeriod, type QuotaPeriod } from './quota-period.ts';
import type { QuotaStore } from './quota-store.ts';

export type QuotaName = keyof MonthlyQuotas;
export const QUOTA_NAMES: readonly QuotaName[] = ['requests', 'payments'];

/** Counters are kept this long past their month, for an operator looking back in Redis. */
const KEPT_AFTER_RESET_MS = 35 * 24 * 60 * 60 * 1000;

export interface QuotaUsage {
  limit: number;
  used: number;
  remaining: number;
}

export interface BankQuotaReport {
  bankId: string;
  /** `YYYY-MM` in `timeZone`. */
  month: string;
  timeZone: string;
  resetsAt: string;
  quotas: Record<QuotaName, QuotaUsage>;
}

export interface PartnerQuotas {
  /** Counts one `quota` event for the bank, or throws QUOTA_EXCEEDED (429) when it is used up. */
  admit(bankId: string, quota: QuotaName): Promise<void>;
  report(bankId: string): Promise<BankQuotaReport>;
  readonly paymentFields: readonly string[];
}

export function createPartnerQuotas(options: { config: PartnerQuotaConfig; store: QuotaStore; now: () => Date; metrics?: ServiceMetrics }): PartnerQuotas {
  const { config, store, now, metrics } = options;
  const limitOf = (bankId: string, quota: QuotaName): number => config.banks[bankId]?.[quota] ?? config.defaults[quota];
  const keyOf = (bankId: string, period: QuotaPeriod, quota: QuotaName) => `${bankId}:${period.month}:${quota}`;
  return {
    paymentFields: config.paymentFields,
    async admit(bankId, quota) {
      const t = now();
      const period = quotaPeriod(t);
      const limit = limitOf(bankId, quota);
      const taken = await store.take(keyOf(bankId, period, quota), limit, period.resetsAt.getTime() - t.getTime() + KEPT_AFTER_RESET_MS);
      if (taken.allowed) return;
      metrics?.refusals.inc({ reason: 'quota', caller: 'user' });
      metrics?.quotaRefusals.inc({ quota });
      throw quotaExceeded(quota, limit, period, t);
    },
    async report(bankId) {
      const period = quotaPeriod(now());
      const entries = await Promise.all(
        QUOTA_NAMES.map(async (quota) => {
          const limit = limitOf(bankId, quota);
          const used = Math.min(limit, await store.read(keyOf(bankId, period, quota)));
          return [quota, { limit, used, remaining: limit - used }] as const;
        }),
      );
      return { bankId, month: period.month, timeZone: QUOTA_TIME_ZONE, resetsAt: period.resetsAt.toISOString(), quotas: Object.fromEntries(entries) as Record<QuotaName, QuotaUsage> };
    },
  };
}

function quotaExceeded(quota: QuotaName, limit: number, period: QuotaPeriod, now: Date): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil((period.resetsAt.getTime() - now.getTime()) / 1000));
  const resetsAt = period.resetsAt.toISOString();
  const what = quota === 'requests' ? 'request' : 'payment';
  return new GraphQLError(`Monthly ${what} quota of ${limit} used up; it resets at ${resetsAt}`, {
    extensions: {
      code: 'QUOTA_EXCEEDED',
      quota,
      limit,
      month: period.month,
      resetsAt,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
