import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ConsoleSpanExporter, InMemorySpanExporter, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { RedactingSpanExporter, exporterFromEnv, samplerFromEnv } from '../../../schema/runtime/telemetry.ts';

describe('tracing configuration from the OTEL_* variables', () => {
  it('is off without an exporter or endpoint, with none, and when the SDK is disabled', () => {
    expect(exporterFromEnv({})).toBeNull();
    expect(exporterFromEnv({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBeNull();
    expect(exporterFromEnv({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBeNull();
  });

  it('exports over OTLP when an endpoint or the otlp exporter is named, to the console when asked', () => {
    expect(exporterFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBeInstanceOf(OTLPTraceExporter);
    expect(exporterFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toBeInstanceOf(OTLPTraceExporter);
    expect(exporterFromEnv({ OTEL_TRACES_EXPORTER: 'console' })).toBeInstanceOf(ConsoleSpanExporter);
  });

  it('refuses an exporter it does not ship, naming it', () => {
    expect(() => exporterFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/zipkin/);
  });

  it('samples parent-based by default and by trace-id ratio when asked', () => {
    expect(samplerFromEnv({})).toBeInstanceOf(ParentBasedSampler);
    expect(samplerFromEnv({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' })).toBeInstanceOf(TraceIdRatioBasedSampler);
  });
});

describe('the span redactor', () => {
  it('hands the exporter spans without identifiers, quoted input or GraphQL documents', () => {
    const memory = new InMemorySpanExporter();
    const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: new RedactingSpanExporter(memory) })] });
    const span = provider.getTracer('test').startSpan('query Q_GOMA800101HDFRRN09', {
      attributes: { 'graphql.document': '{ person(curp: "GOMA800101HDFRRN09") { nss } }', note: 'mail ana@example.mx', count: 3 },
    });
    span.addEvent('exception', { 'exception.message': 'Expected value of type "Curp", found "MARIA LOPEZ"' });
    span.setStatus({ code: 2, message: 'nss 12345678901 refused' });
    span.end();
    const [exported] = memory.getFinishedSpans();
    expect(exported!.name).toBe('query Q_[curp]');
    expect(exported!.attributes).toEqual({ note: 'mail [email]', count: 3 });
    expect(exported!.events[0]!.attributes).toEqual({ 'exception.message': 'Expected value of type "Curp", found [value]' });
    expect(exported!.status.message).toBe('nss [number] refused');
    expect(exported!.spanContext().traceId).toBe(span.spanContext().traceId);
  });
});
