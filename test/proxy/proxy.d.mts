// Types for proxy.mjs, so the TypeScript tests use it checked.

export type FaultKind = 'throttle' | '500' | '503'
export declare const FAULT_KINDS: FaultKind[]

export interface FaultRule {
  /** Share of requests to fail, from 0 to 1. */
  rate: number
  /** Kinds drawn from with equal odds; all of them by default. */
  kinds?: FaultKind[]
}

export interface FaultPlan {
  rate?: number
  kinds?: FaultKind[]
  /** By `service.Api` or `Api`, such as `sagemaker.DescribeEndpoint` or `GetMetricData`. */
  apis?: Record<string, number | FaultRule>
  /** By service: sagemaker, cloudwatch, autoscaling, runtime. */
  services?: Record<string, number | FaultRule>
}

export interface Identity {
  service: string
  api: string
  protocol: 'json' | 'query' | 'cbor' | 'rest-json' | 'control' | 'unknown'
  jsonVersion?: '1.0' | '1.1'
  resource?: string
}

export interface TimelineEntry {
  seq: number
  /** Arrival, epoch milliseconds (sub-millisecond precision). */
  at: number
  /** When the answer was complete. */
  doneAt?: number
  service: string
  api: string
  /** `service.Api`. */
  key: string
  protocol: Identity['protocol']
  /** The endpoint of a runtime call. */
  resource?: string
  targetVariant?: string
  fault?: FaultKind
  status?: number
  error?: string
  /** The request body (parsed JSON when it is JSON), for the APIs asked for in captureBodies. */
  body?: unknown
}

export interface ApiStats {
  calls: number
  ok: number
  errors: number
  faults: number
  faultsByKind: Partial<Record<FaultKind, number>>
  first: number
  last?: number
}

export interface ProxyStats {
  total: number
  faults: number
  faultsByKind: Partial<Record<FaultKind, number>>
  apis: Record<string, ApiStats>
}

export interface ProxyOptions {
  target: string
  seed?: number
  faults?: FaultPlan
  captureBodies?: string[] | true
  onRequest?: (entry: TimelineEntry) => void
}

export interface Proxy {
  url: string
  port: number
  timeline(): TimelineEntry[]
  stats(): ProxyStats
  okCalls(key: string): number
  setFaults(plan: FaultPlan): void
  onRequest(callback: ((entry: TimelineEntry) => void) | undefined): void
  reset(seed?: number): void
  close(): Promise<void>
}

export declare function startProxy(options: ProxyOptions): Promise<Proxy>
export declare function seededRandom(seed: number): () => number
export declare function preciseNow(): number
export declare function identify(
  method: string,
  url: string,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer
): Identity
export declare function faultResponse(
  kind: FaultKind,
  identity: Identity,
  requestId: string
): { status: number; headers: Record<string, string>; body: string | Buffer }
export declare function formatTable(rows: Array<Array<string | number>>): string
export declare function formatStats(stats: ProxyStats): string
