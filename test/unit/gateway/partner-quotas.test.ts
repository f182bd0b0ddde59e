import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../gateway/config.ts';
import { isPaymentOperation, rootFieldNames } from '../../../gateway/partners/payment-operations.ts';
import { quotaPeriod } from '../../../gateway/partners/quota-period.ts';
import { createMemoryQuotaStore } from '../../../gateway/partners/quota-store.ts';
import { createPartnerQuotas } from '../../../gateway/partners/quotas.ts';

const operation = (source: string) => {
  const document = parse(source);
  return { document, operation: document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')! };
};

describe('payment operations', () => {
  it('are mutations selecting a payment field at their root, directly or through fragments', () => {
    const fields = ['recordPayment'];
    const cases: Array<[string, boolean]> = [
      ['mutation { recordPayment(input: {}) { folio } }', true],
      ['mutation { a: recordPayment(input: {}) { folio } other { id } }', true],
      ['mutation { ... on Mutation { recordPayment(input: {}) { folio } } }', true],
      ['mutation { ...P } fragment P on Mutation { ... { recordPayment(input: {}) { folio } } }', true],
      ['mutation { bookAppointment(input: {}) { id } }', false],
      ['query { recordPayment { folio } }', false],
      ['mutation { bookAppointment(input: {}) { recordPayment } }', false],
    ];
    for (const [source, expected] of cases) {
      const { document, operation: op } = operation(source);
      expect(isPaymentOperation(op, document, fields), source).toBe(expected);
    }
  });

  it('survives fragment cycles (validation refuses them later)', () => {
    const { document, operation: op } = operation('mutation { ...A } fragment A on Mutation { ...B } fragment B on Mutation { ...A x }');
    expect([...rootFieldNames(op, document)]).toEqual(['x']);
  });
});

describe('the quota period', () => {
  it('is the calendar month in Mexico City', () => {
    expect(quotaPeriod(new Date('2026-04-01T05:59:59.999Z'))).toEqual({ month: '2026-03', startsAt: new Date('2026-03-01T06:00:00Z'), resetsAt: new Date('2026-04-01T06:00:00Z') });
    expect(quotaPeriod(new Date('2026-04-01T06:00:00Z')).month).toBe('2026-04');
    expect(quotaPeriod(new Date('2026-12-31T23:00:00Z')).resetsAt).toEqual(new Date('2027-01-01T06:00:00Z'));
    // The period is kept between calls (quota-period.ts): an earlier instant still gets its own month.
    expect(quotaPeriod(new Date('2026-12-01T05:59:59Z')).month).toBe('2026-11');
    expect(quotaPeriod(new Date('2026-12-15T00:00:00Z')).startsAt).toEqual(new Date('2026-12-01T06:00:00Z'));
    // Before 2022 Mexico City kept summer time: April started at UTC-6, May at UTC-5.
    expect(quotaPeriod(new Date('2021-04-15T12:00:00Z')).resetsAt).toEqual(new Date('2021-05-01T05:00:00Z'));
  });
});

describe('partner quotas', () => {
  it("takes each bank's own limits, the defaults otherwise, and refuses past them with the reset", async () => {
    let now = new Date('2026-03-31T12:00:00Z');
    const config = loadGatewayConfig({ PARTNER_QUOTAS: '{"BANK-A":{"payments":1}}', PARTNER_QUOTA_REQUESTS_PER_MONTH: '2' }).quotas;
    const quotas = createPartnerQuotas({ config, store: createMemoryQuotaStore(() => now.getTime()), now: () => now });
    await quotas.admit('BANK-A', 'payments');
    await expect(quotas.admit('BANK-A', 'payments')).rejects.toMatchObject({ extensions: { code: 'QUOTA_EXCEEDED', quota: 'payments', limit: 1, resetsAt: '2026-04-01T06:00:00.000Z', retryAfterSeconds: 18 * 3600 } });
    await quotas.admit('BANK-B', 'payments');
    await quotas.admit('BANK-A', 'requests');
    await quotas.admit('BANK-A', 'requests');
    await expect(quotas.admit('BANK-A', 'requests')).rejects.toMatchObject({ extensions: { quota: 'requests', limit: 2 } });
    expect((await quotas.report('BANK-A')).quotas).toEqual({ requests: { limit: 2, used: 2, remaining: 0 }, payments: { limit: 1, used: 1, remaining: 0 } });
    now = new Date('2026-04-01T06:00:00Z');
    expect((await quotas.report('BANK-A')).quotas.requests.used).toBe(0);
    await quotas.admit('BANK-A', 'payments');
  });
});

describe('partner settings', () => {
  it('has defaults: recordPayment is a payment, BANK restricted in production only', () => {
    const development = loadGatewayConfig({});
    expect(development.quotas).toEqual({ defaults: { requests: 100_000, payments: 20_000 }, banks: {}, paymentFields: ['recordPayment'], redisPrefix: 'quota:' });
    expect(development.trustedDocuments).toMatchObject({ enforced: false, restrictedRoles: ['BANK'] });
    expect(loadGatewayConfig({ NODE_ENV: 'production' }).trustedDocuments.enforced).toBe(true);
    expect(loadGatewayConfig({ NODE_ENV: 'production', TRUSTED_DOCUMENTS_ENFORCED: 'false' }).trustedDocuments.enforced).toBe(false);
    expect(loadGatewayConfig({ TRUSTED_DOCUMENTS_ROLES: 'BANK, EMPLOYER' }).trustedDocuments.restrictedRoles).toEqual(['BANK', 'EMPLOYER']);
    expect(loadGatewayConfig({ TRUSTED_DOCUMENTS_ROLES: '' }).trustedDocuments.restrictedRoles).toEqual([]);
    expect(loadGatewayConfig({ PARTNER_QUOTA_PAYMENT_FIELDS: 'recordPayment,recordBulkPayment' }).quotas.paymentFields).toEqual(['recordPayment', 'recordBulkPayment']);
  });

  it('names the variable and the entry that is wrong', () => {
    expect(() => loadGatewayConfig({ PARTNER_QUOTAS: '{"BANK-A":{"requests":-1}}' })).toThrow(/PARTNER_QUOTAS: .*BANK-A\.requests/);
    expect(() => loadGatewayConfig({ PARTNER_QUOTAS: '{"BANK-A":{"request":5}}' })).toThrow(/PARTNER_QUOTAS/);
    expect(() => loadGatewayConfig({ PARTNER_QUOTAS: 'BANK-A=5' })).toThrow(/PARTNER_QUOTAS: not JSON/);
    expect(() => loadGatewayConfig({ TRUSTED_DOCUMENTS_ROLES: 'BANK,ROOT' })).toThrow(/TRUSTED_DOCUMENTS_ROLES: 'ROOT'/);
    expect(() => loadGatewayConfig({ PARTNER_QUOTA_PAYMENT_FIELDS: 'record-payment' })).toThrow(/PARTNER_QUOTA_PAYMENT_FIELDS/);
    expect(() => loadGatewayConfig({ QUOTA_REDIS_PREFIX: 'has space' })).toThrow(/QUOTA_REDIS_PREFIX/);
  });
});
