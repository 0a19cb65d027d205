// Types for fake-github.mjs, so the TypeScript tests use it checked.

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface RecordedRequest {
  seq: number
  method: string
  /** Without the query string, such as `/repos/acme/models/deployments`. */
  path: string
  query: Record<string, string>
  /** Parsed JSON, or the raw text when it was not JSON. */
  body?: unknown
  /** The Authorization header as sent, such as `token ghs_...`. */
  authorization?: string
  userAgent?: string
  /** What the server answered; absent for a stalled or dropped request. */
  status?: number
}

export interface FakeDeploymentStatus {
  url: string
  id: number
  node_id: string
  state: DeploymentState
  description: string
  environment: string
  target_url: string
  log_url: string
  environment_url: string
  created_at: string
  updated_at: string
  deployment_url: string
  repository_url: string
  /** Whether the request asked for it; GitHub's own default is true. */
  auto_inactive?: boolean
}

export interface FakeDeployment {
  url: string
  id: number
  node_id: string
  sha: string
  ref: string
  task: string
  payload: unknown
  original_environment: string
  environment: string
  description: string
  created_at: string
  updated_at: string
  transient_environment: boolean
  production_environment: boolean
  statuses_url: string
  repository_url: string
  /** Oldest first. */
  statuses: FakeDeploymentStatus[]
}

export interface SeedDeployment {
  owner: string
  repo: string
  environment?: string
  ref?: string
  payload?: unknown
  /** Statuses to give it, in order. */
  states?: DeploymentState[]
  /** Defaults to whether the environment is named `production`, as on GitHub. */
  production?: boolean
}

export interface FakeComment {
  id: number
  /** The issue or pull request's number. */
  issue: number
  body: string
  html_url: string
  created_at: string
  updated_at: string
}

export interface SeedComment {
  owner: string
  repo: string
  issue: number
  body: string
}

export interface FailOptions {
  /** GitHub's message for this status by default. */
  message?: string
  /** A whole JSON body to answer instead, such as `{ message: 'Auto-merged main into topic' }` with 202. */
  body?: unknown
  /** How many matching requests fail; all of them by default. */
  times?: number
}

export interface FakeGitHubOptions {
  /** When set, requests without `token <t>` or `Bearer <t>` get 401 Bad credentials. */
  token?: string
  /** 0, the default, takes a free port. */
  port?: number
}

export interface FakeGitHub {
  /** The base URL to give as GITHUB_API_URL. */
  url: string
  port: number
  requests(): RecordedRequest[]
  deployments(): FakeDeployment[]
  seedDeployment(seed: SeedDeployment): number
  /** Comments on issues and pull requests, oldest first. */
  comments(): FakeComment[]
  seedComment(seed: SeedComment): number
  /** `pattern` is a RegExp tested on `METHOD /path`, or a string that line must contain. */
  fail(pattern: RegExp | string, status: number | 'hang' | 'reset', options?: FailOptions): void
  clearFailures(): void
  /** Refuses connections until up(). */
  down(): Promise<void>
  up(): Promise<void>
  reset(): void
  close(): Promise<void>
}

export declare function startFakeGitHub(options?: FakeGitHubOptions): Promise<FakeGitHub>
