// Types for proxy.mjs, so the TypeScript tests use it checked.

/** Faults the proxy answers in the upstream's place: the request never reaches it. */
export type AnsweredFaultKind = 'throttle' | '500' | '503'
/** The request reaches the upstream, which acts on it; its answer is then lost on the way back. */
export type LostResponseKind = 'lost-response'
export type FaultKind = AnsweredFaultKind | LostResponseKind
/** What the client gets instead of a lost answer: an InternalFailure 500 in its protocol's shape, or a reset connection. */
export type LostResponseMode = 'error' | 'reset'

/** The kinds a rule draws from when it names none; `lost-response` is not among them. */
export declare const FAULT_KINDS: AnsweredFaultKind[]
export declare const LOST_RESPONSE: LostResponseKind
export declare const LOST_RESPONSE_MODES: LostResponseMode[]

export interface FaultRule {
  /** Share of requests to fail, from 0 to 1; required unless `firstCalls` is given, when it is 1 by default. */
  rate?: number
  /** Kinds drawn from with equal odds; FAULT_KINDS by default. */
  kinds?: FaultKind[]
  /**
   * Fault only the first n calls of each API the rule covers (counted from startProxy, setFaults or reset);
   * later calls pass. `{ kinds: ['lost-response'], firstCalls: 1 }` loses exactly the first answer.
   */
  firstCalls?: number
  /** For `lost-response`: 'error' (default) or 'reset'. */
  lostResponse?: LostResponseMode
}

export interface FaultPlan {
  rate?: number
  kinds?: FaultKind[]
  firstCalls?: number
  lostResponse?: LostResponseMode
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
  /** How a `lost-response` fault reaches the client. */
  lostResponse?: LostResponseMode
  /** The upstream answered this request (so it may have acted on it), whatever the client then got. */
  reachedUpstream?: boolean
  /** The upstream's own status; differs from `status` only when its answer was lost. */
  upstreamStatus?: number
  /** What the client got (absent when its connection was reset). */
  status?: number
  error?: string
  /** The request body (parsed JSON when it is JSON), for the APIs asked for in captureBodies. */
  body?: unknown
}

export interface ApiStats {
  calls: number
  /** Forwarded answers the client saw succeed (< 400). */
  ok: number
  /** Forwarded answers the client saw fail. */
  errors: number
  faults: number
  faultsByKind: Partial<Record<FaultKind, number>>
  /** Requests the upstream answered, the lost answers included. */
  reached: number
  /** Of those, the ones it accepted (< 400), whether or not the client saw it. */
  accepted: number
  /** Answers the upstream gave and the client never got. */
  lost: number
  first: number
  last?: number
}

export interface ProxyStats {
  total: number
  faults: number
  faultsByKind: Partial<Record<FaultKind, number>>
  reached: number
  accepted: number
  lost: number
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
  /** Calls of `service.Api` or `Api` the upstream accepted (< 400), whether or not the client saw it. */
  acceptedCalls(key: string): number
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
  kind: AnsweredFaultKind,
  identity: Identity,
  requestId: string
): { status: number; headers: Record<string, string>; body: string | Buffer }
export declare function formatTable(rows: Array<Array<string | number>>): string
export declare function formatStats(stats: ProxyStats): string
