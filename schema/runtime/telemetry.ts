/**
 * OpenTelemetry traces for every process: gateway request → subgraph fetch → subgraph request →
 * SQL statement, one trace joined by W3C `traceparent` headers. Off unless configured by the
 * standard variables (docs/operations.md, "Traces"):
 *
 * - `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`: off;
 * - `OTEL_TRACES_EXPORTER=otlp` (or, unset, any `OTEL_EXPORTER_OTLP_ENDPOINT` /
 *   `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`): OTLP over HTTP, endpoint and headers read by the exporter;
 * - `OTEL_TRACES_EXPORTER=console`: spans printed (development);
 * - `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER(_ARG)` as specified.
 *
 * Without an exporter nothing is registered: the OpenTelemetry API stays a no-op and costs nothing
 * per request. No resource detector other than the environment's runs (none that probes a cloud
 * metadata address). Every exported span passes through the redactor: personal data never leaves
 * in a span (schema/runtime/redaction.ts).
 */
import { context, propagation, trace, type Attributes, type AttributeValue, type Context, type Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type ReadableSpan,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { scrubErrorText } from './redaction.ts';

export interface Tracing {
  readonly enabled: boolean;
  /** Flushes pending spans and unregisters the provider. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** `service.name` unless OTEL_SERVICE_NAME is set (imss-gateway, imss-persons, …). */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Tests: export synchronously to this exporter (e.g. an InMemorySpanExporter), whatever the env says. */
  exporter?: SpanExporter;
}

let active: TracerProvider | null = null;

/** Whether a tracer provider is registered in this process (the fast path checks it). */
export function tracingEnabled(): boolean {
  return active !== null;
}

/** The exporter the OTEL_* variables ask for, or null when tracing stays off. */
export function exporterFromEnv(env: NodeJS.ProcessEnv): SpanExporter | null {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return null;
  const configured = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const names = configured.length > 0 ? configured : env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? ['otlp'] : [];
  if (names.includes('none') || names.length === 0) return null;
  if (names[0] === 'console') return new ConsoleSpanExporter();
  if (names[0] === 'otlp') return new OTLPTraceExporter();
  throw new Error(`OTEL_TRACES_EXPORTER=${names[0]} is not supported here: use otlp, console or none`);
}

/** OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG, default parentbased_always_on. */
export function samplerFromEnv(env: NodeJS.ProcessEnv): Sampler {
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG ?? '1');
  const root = (name: string): Sampler =>
    name === 'always_off' ? new AlwaysOffSampler() : name === 'traceidratio' ? new TraceIdRatioBasedSampler(Number.isFinite(ratio) ? ratio : 1) : new AlwaysOnSampler();
  const name = (env.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on').trim().toLowerCase();
  return name.startsWith('parentbased_') ? new ParentBasedSampler({ root: root(name.slice('parentbased_'.length)) }) : root(name);
}

/**
 * Registers a tracer provider for this process when an exporter is configured (or given), with
 * the W3C trace-context propagator and an AsyncLocalStorage context manager. Idempotent per
 * process: a second call while one is active keeps the first.
 */
export function startTracing(options: TracingOptions): Tracing {
  const env = options.env ?? process.env;
  const exporter = options.exporter ?? exporterFromEnv(env);
  if (!exporter || active) return { enabled: active !== null, shutdown: async () => undefined };
  const resource = resourceFromAttributes({ 'service.name': options.serviceName }).merge(detectResources({ detectors: [envDetector] }));
  const redacting = new RedactingSpanExporter(exporter);
  const provider = new TracerProvider({
    resource,
    sampler: options.exporter ? new AlwaysOnSampler() : samplerFromEnv(env),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor({ exporter: redacting }) : new BatchSpanProcessor({ exporter: redacting })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  active = provider;
  return {
    enabled: true,
    async shutdown() {
      if (active !== provider) return;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
      active = null;
    },
  };
}

const tracer = () => trace.getTracer('imss-federation');

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Runs `fn` inside a SERVER span continuing the caller's `traceparent` (if any). Without tracing,
 * `fn` runs as is.
 */
export async function withServerSpan<T>(name: string, headers: HeaderBag, attributes: Attributes, fn: (span: Span | null) => Promise<T>): Promise<T> {
  if (!active) return fn(null);
  const parent = propagation.extract(context.active(), headers);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** Runs `fn` inside a span of `kind` (CLIENT for calls out), child of the active one. */
export async function withSpan<T>(name: string, kind: SpanKind, attributes: Attributes, fn: (span: Span | null, ctx: Context) => Promise<T>): Promise<T> {
  if (!active) return fn(null, context.active());
  const span = tracer().startSpan(name, { kind, attributes });
  const ctx = trace.setSpan(context.active(), span);
  try {
    return await context.with(ctx, () => fn(span, ctx));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** Starts a span that the caller ends (for work whose end is a callback, e.g. a SQL statement). */
export function startSpan(name: string, kind: SpanKind, attributes: Attributes): Span | null {
  return active ? tracer().startSpan(name, { kind, attributes }) : null;
}

/** Adds `traceparent` (and `tracestate`) for `ctx` to an outgoing request's headers. */
export function injectTraceContext(ctx: Context, headers: Record<string, string>): void {
  if (active) propagation.inject(ctx, headers);
}

/** Attribute values scrubbed like error text: identifiers, contacts, tokens and quoted input removed. */
function scrubAttributes(attributes: Attributes | undefined): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes ?? {})) {
    // A GraphQL document holds the caller's literal arguments: never exported.
    if (key === 'graphql.document' || key === 'db.query.parameter') continue;
    out[key] = scrubValue(value);
  }
  return out;
}

function scrubValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === 'string') return scrubErrorText(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? scrubErrorText(item) : item)) as AttributeValue;
  return value;
}

/** Hands the delegate copies of spans with their name, attributes, events and status scrubbed. */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly delegate: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter['export']>[1]): void {
    this.delegate.export(spans.map(redactSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.delegate.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.delegate.forceFlush?.() ?? Promise.resolve();
  }
}

function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: scrubErrorText(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status.message === undefined ? span.status : { code: span.status.code, message: scrubErrorText(span.status.message) },
    attributes: scrubAttributes(span.attributes),
    links: span.links.map((link) => ({ ...link, attributes: scrubAttributes(link.attributes) })),
    events: span.events.map((event) => ({ ...event, name: scrubErrorText(event.name), attributes: scrubAttributes(event.attributes) })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

export { SpanKind, SpanStatusCode };
