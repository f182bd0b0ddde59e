import { describe, expect, it } from 'vitest';
import { OperationLabels, codeLabel, createServiceMetrics } from '../../../schema/runtime/metrics.ts';

describe('bounded metric labels', () => {
  it('names anonymous operations anonymous and cuts the query planner suffix', () => {
    const labels = new OperationLabels();
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label('MyRecord__persons__0')).toBe('MyRecord');
  });

  it('never makes an identifier-shaped operation name a label', () => {
    const labels = new OperationLabels();
    expect(labels.label('Q_GOMA800101HDFRRN09')).toBe('other');
    expect(labels.label('Lookup12345678901')).toBe('other');
    expect(labels.label('not a name')).toBe('other');
  });

  it('keeps the first names up to its budget and counts the rest as other', () => {
    const labels = new OperationLabels(null, 2);
    expect([labels.label('A'), labels.label('B'), labels.label('C'), labels.label('A')]).toEqual(['A', 'B', 'other', 'A']);
  });

  it('keeps only the configured names when a list is given', () => {
    const metrics = createServiceMetrics({ service: 'gateway', env: { METRICS_OPERATION_NAMES: 'MyRecord, Queue' } });
    expect([metrics.operations.label('MyRecord'), metrics.operations.label('Queue'), metrics.operations.label('Other')]).toEqual(['MyRecord', 'Queue', 'other']);
  });

  it('labels our codes as themselves and anything else as OTHER', () => {
    expect(codeLabel('SLOT_FULL')).toBe('SLOT_FULL');
    expect(codeLabel('GOMA800101HDFRRN09 is bad')).toBe('OTHER');
    expect(codeLabel(undefined)).toBe('OTHER');
  });

  it('gives each service its own registry, labelled with the service', async () => {
    const a = createServiceMetrics({ service: 'persons' });
    const b = createServiceMetrics({ service: 'gateway' });
    a.graphqlRequests.inc({ operation: 'X', kind: 'query' });
    expect(await a.registry.metrics()).toContain('imss_graphql_requests_total{operation="X",kind="query",service="persons"} 1');
    expect(await b.registry.metrics()).not.toContain('operation="X"');
  });
});
