// A stand-in for the GitHub REST API's deployment and issue-comment endpoints, on a free local
// port. The action is pointed at it through GITHUB_API_URL (Octokit's base
// URL), so unit tests and the bundled action alike talk HTTP to it. It keeps
// deployments and their statuses the way GitHub does, answers with
// GitHub-shaped JSON, records every request, and can be told to fail a path
// with a status, stall it, or go down entirely.
//
// Shapes and rules follow https://docs.github.com/en/rest/deployments/deployments,
// https://docs.github.com/en/rest/deployments/statuses,
// https://docs.github.com/en/rest/issues/comments and, for the runs seeded
// into it, https://docs.github.com/en/rest/actions/workflow-runs#get-a-workflow-run.
//
// Plain ESM so that the jest tests and plain Node scripts can both load it;
// typed with JSDoc, which the type check reads and checks.
// @ts-check

import http from 'node:http'

/** @typedef {'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'} DeploymentState */

/** @type {readonly unknown[]} */
const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success']
const MAX_STATUS_DESCRIPTION = 140

/**
 * @typedef {object} RecordedRequest
 * @property {number} seq
 * @property {string} method
 * @property {string} path Without the query string, such as `/repos/acme/models/deployments`.
 * @property {Record<string, string>} query
 * @property {unknown} [body] Parsed JSON, or the raw text when it was not JSON.
 * @property {string | undefined} [authorization] The Authorization header as sent, such as `token ghs_...`.
 * @property {string | undefined} [userAgent]
 * @property {number} [status] What the server answered; absent for a stalled or dropped request.
 */

/**
 * A deployment as the server keeps it: GitHub's fields, its repository, its statuses oldest first.
 * @typedef {object} StoredDeployment
 * @property {string} owner
 * @property {string} repo
 * @property {number} id
 * @property {string} sha
 * @property {string} ref
 * @property {string} task
 * @property {unknown} payload
 * @property {string} original_environment
 * @property {string} environment
 * @property {string} description
 * @property {string} created_at
 * @property {string} updated_at
 * @property {boolean} transient_environment
 * @property {boolean} production_environment
 * @property {StoredStatus[]} statuses
 */

/**
 * @typedef {object} StoredStatus
 * @property {number} id
 * @property {DeploymentState} state
 * @property {string} description
 * @property {string} environment
 * @property {string} target_url
 * @property {string} log_url
 * @property {string} environment_url
 * @property {string} created_at
 * @property {string} updated_at
 * @property {boolean | undefined} [auto_inactive] Whether the request asked for it; GitHub's own default is true.
 */

/**
 * @typedef {object} StoredComment
 * @property {string} owner
 * @property {string} repo
 * @property {number} issue The issue or pull request's number.
 * @property {number} id
 * @property {string} body
 * @property {string} created_at
 * @property {string} updated_at
 */

/**
 * @typedef {object} SeedDeployment
 * @property {string} owner
 * @property {string} repo
 * @property {string} [environment]
 * @property {string} [ref]
 * @property {unknown} [payload]
 * @property {DeploymentState[]} [states] Statuses to give it, in order.
 * @property {boolean} [production] Defaults to whether the environment is named `production`, as on GitHub.
 */

/**
 * A comment as someone wrote it: by the workflow's bot unless `user` (a login, and `Bot` or `User`) and
 * `association` (GitHub's author_association: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, ...) say otherwise.
 * @typedef {{ owner: string, repo: string, issue: number, body: string, user?: { login: string, type: string }, association?: string }} SeedComment
 */

/**
 * @typedef {object} FailOptions
 * @property {string} [message] GitHub's message for this status by default.
 * @property {unknown} [body] A whole JSON body to answer instead, such as `{ message: 'Auto-merged main into topic' }` with 202.
 * @property {number} [times] How many matching requests fail; all of them by default.
 * @property {Record<string, string>} [headers] Headers to answer with, such as `{ 'retry-after': '1' }`.
 */

/**
 * @typedef {object} FailureRule
 * @property {RegExp | string} pattern
 * @property {number | 'hang' | 'reset'} status
 * @property {string | undefined} message
 * @property {unknown} body
 * @property {Record<string, string> | undefined} headers
 * @property {number} remaining
 */

/**
 * @typedef {object} FakeGitHubOptions
 * @property {string} [token] When set, requests without `token <t>` or `Bearer <t>` get 401 Bad credentials.
 * @property {number} [port] 0, the default, takes a free port.
 */

/**
 * What the request asked for, as it sent it: each route checks the fields GitHub checks.
 * @typedef {any} RequestJson
 */

/** What GitHub says for each status when it refuses a request. */
/** @type {Record<number, string>} */
const MESSAGES = {
  400: 'Problems parsing JSON',
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict: Commit status checks failed for main.',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable'
}

const BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  type: 'Bot',
  site_admin: false
}

/**
 * @param {import('node:stream').Readable} stream
 * @returns {Promise<Buffer>}
 */
function readBody(stream) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    stream.on('data', (chunk) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

/**
 * A 40-hex "sha" for a ref that is not one already, stable for the same ref.
 * @param {string} ref
 */
function shaOf(ref) {
  if (/^[0-9a-f]{40}$/i.test(ref)) return ref.toLowerCase()
  let hash = 2166136261
  for (const char of ref) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0
  return hash.toString(16).padStart(8, '0').repeat(5)
}

/**
 * @param {FailureRule} rule
 * @param {string} method
 * @param {string} path
 */
function matches(rule, method, path) {
  const line = `${method} ${path}`
  return rule.pattern instanceof RegExp ? rule.pattern.test(line) : line.includes(rule.pattern)
}

/**
 * Starts the server. Options: `token` (when set, a request must carry it as
 * `token <t>` or `Bearer <t>` or gets GitHub's 401), `port` (0 for a free one).
 * @param {FakeGitHubOptions} [options]
 */
export async function startFakeGitHub({ token, port = 0 } = {}) {
  /** @type {RecordedRequest[]} */
  let requests = []
  /** @type {StoredDeployment[]} */
  let deployments = []
  /** @type {StoredComment[]} */
  let comments = []
  /** @type {Array<{ owner: string, repo: string, id: number, status: string, conclusion: string | null }>} */
  let runs = []
  let nextCommentId = 9000
  /** @type {FailureRule[]} */
  let failures = []
  let sequence = 0
  let nextDeploymentId = 1000
  let nextStatusId = 5000
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  /** @type {Set<http.ServerResponse>} */
  const stalled = new Set()
  // Every answer goes out through send(), which notes its status on the request it answers.
  /** @type {WeakMap<http.ServerResponse, RecordedRequest>} */
  const recorded = new WeakMap()
  let url = ''

  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')

  /**
   * @param {http.ServerResponse} res
   * @param {number} status
   * @param {unknown} body
   * @param {Record<string, string>} [headers]
   */
  function send(res, status, body, headers = {}) {
    const text = body === undefined ? '' : JSON.stringify(body)
    const entry = recorded.get(res)
    if (entry) entry.status = status
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `FAKE:${sequence}`,
      'content-length': Buffer.byteLength(text),
      ...headers
    })
    res.end(text)
  }

  /**
   * @param {http.ServerResponse} res
   * @param {number} status
   * @param {string} [message]
   * @param {string} [documentation]
   * @param {Record<string, string>} [headers]
   */
  function refuse(res, status, message, documentation = 'https://docs.github.com/rest', headers = {}) {
    send(
      res,
      status,
      { message: message ?? MESSAGES[status] ?? 'Error', documentation_url: documentation, status: String(status) },
      headers
    )
  }

  /** @param {StoredDeployment} deployment */
  function deploymentJson(deployment) {
    const { owner, repo, statuses: _statuses, ...fields } = deployment
    const repositoryUrl = `${url}/repos/${owner}/${repo}`
    return {
      url: `${repositoryUrl}/deployments/${deployment.id}`,
      ...fields,
      node_id: `DE_fake${deployment.id}`,
      creator: BOT,
      statuses_url: `${repositoryUrl}/deployments/${deployment.id}/statuses`,
      repository_url: repositoryUrl,
      performed_via_github_app: null
    }
  }

  /**
   * @param {StoredDeployment} deployment
   * @param {Omit<StoredStatus, 'auto_inactive'> & Partial<Pick<StoredStatus, 'auto_inactive'>>} status
   */
  function statusJson(deployment, status) {
    const repositoryUrl = `${url}/repos/${deployment.owner}/${deployment.repo}`
    return {
      url: `${repositoryUrl}/deployments/${deployment.id}/statuses/${status.id}`,
      ...status,
      node_id: `DES_fake${status.id}`,
      creator: BOT,
      deployment_url: `${repositoryUrl}/deployments/${deployment.id}`,
      repository_url: repositoryUrl,
      performed_via_github_app: null
    }
  }

  /**
   * @param {StoredDeployment} deployment
   * @param {{ state: DeploymentState } & RequestJson} fields
   */
  function addStatus(deployment, fields) {
    const at = now()
    /** @type {StoredStatus} */
    const status = {
      id: nextStatusId++,
      state: fields.state,
      description: fields.description ?? '',
      environment: fields.environment ?? deployment.environment,
      target_url: fields.log_url ?? fields.target_url ?? '',
      log_url: fields.log_url ?? fields.target_url ?? '',
      environment_url: fields.environment_url ?? '',
      created_at: at,
      updated_at: at,
      auto_inactive: fields.auto_inactive
    }
    deployment.statuses.push(status)
    deployment.updated_at = at
    return status
  }

  /** @param {StoredDeployment} deployment */
  const latestState = (deployment) => deployment.statuses.at(-1)?.state

  /** @param {StoredComment} comment */
  function commentJson(comment) {
    const { owner, repo, issue, ...fields } = comment
    return {
      url: `${url}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${comment.id}`,
      issue_url: `${url}/repos/${owner}/${repo}/issues/${issue}`,
      node_id: `IC_fake${comment.id}`,
      user: BOT,
      author_association: 'NONE',
      ...fields
    }
  }

  /** GitHub's limit on a comment's body. */
  const MAX_COMMENT_BODY = 65_536

  /**
   * @param {string} method
   * @param {string} path
   * @param {URLSearchParams} query
   * @param {RequestJson} body
   * @param {http.ServerResponse} res
   */
  function commentRoute(method, path, query, body, res) {
    const onIssue = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path)
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)
    const invalidBody = () =>
      typeof body?.body !== 'string' || body.body === ''
        ? 'Validation Failed: body is missing'
        : body.body.length > MAX_COMMENT_BODY
          ? 'Validation Failed: body is too long (maximum is 65536 characters)'
          : undefined
    if (onIssue && method === 'GET') {
      const found = comments.filter(
        (comment) => comment.owner === onIssue[1] && comment.repo === onIssue[2] && comment.issue === Number(onIssue[3])
      )
      return send(res, 200, paginate(found, query).map(commentJson))
    }
    if (onIssue && method === 'POST') {
      const invalid = invalidBody()
      if (invalid) return refuse(res, 422, invalid)
      const at = now()
      const [, owner = '', repo = '', issue] = onIssue
      const comment = {
        owner,
        repo,
        issue: Number(issue),
        id: nextCommentId++,
        body: body.body,
        created_at: at,
        updated_at: at
      }
      comments.push(comment)
      return send(res, 201, commentJson(comment), { location: commentJson(comment).url })
    }
    if (one && method === 'PATCH') {
      const comment = comments.find(
        (candidate) => candidate.owner === one[1] && candidate.repo === one[2] && candidate.id === Number(one[3])
      )
      if (!comment) return refuse(res, 404)
      const invalid = invalidBody()
      if (invalid) return refuse(res, 422, invalid)
      comment.body = body.body
      comment.updated_at = now()
      return send(res, 200, commentJson(comment))
    }
    return refuse(res, 404)
  }

  /**
   * @template T
   * @param {T[]} items
   * @param {URLSearchParams} query
   */
  function paginate(items, query) {
    const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100)
    const page = Math.max(Number(query.get('page') ?? 1) || 1, 1)
    return items.slice((page - 1) * perPage, page * perPage)
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {URLSearchParams} query
   * @param {RequestJson} body
   * @param {http.ServerResponse} res
   */
  function route(method, path, query, body, res) {
    if (/\/issues\//.test(path)) return commentRoute(method, path, query, body, res)
    const workflowRun = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)$/.exec(path)
    if (workflowRun && method === 'GET') {
      const found = runs.find(
        (run) => run.owner === workflowRun[1] && run.repo === workflowRun[2] && run.id === Number(workflowRun[3])
      )
      if (!found) return refuse(res, 404)
      const html = `https://github.com/${found.owner}/${found.repo}/actions/runs/${found.id}`
      return send(res, 200, { id: found.id, status: found.status, conclusion: found.conclusion, html_url: html })
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/deployments$/.exec(path)
    const one = /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)$/.exec(path)
    const statuses = /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/.exec(path)
    /** @param {RegExpExecArray} match */
    const find = (match) =>
      deployments.find(
        (deployment) =>
          deployment.owner === match[1] && deployment.repo === match[2] && deployment.id === Number(match[3])
      )

    if (list && method === 'POST') {
      if (typeof body?.ref !== 'string' || body.ref === '') {
        return refuse(res, 422, 'Invalid request.\n\n"ref" wasn\'t supplied.')
      }
      const environment = body.environment ?? 'production'
      const at = now()
      const [, owner = '', repo = ''] = list
      /** @type {StoredDeployment} */
      const deployment = {
        owner,
        repo,
        id: nextDeploymentId++,
        sha: shaOf(body.ref),
        ref: body.ref,
        task: body.task ?? 'deploy',
        payload: body.payload ?? {},
        original_environment: environment,
        environment,
        description: body.description ?? '',
        created_at: at,
        updated_at: at,
        transient_environment: body.transient_environment ?? false,
        production_environment: body.production_environment ?? environment === 'production',
        statuses: []
      }
      deployments.push(deployment)
      return send(res, 201, deploymentJson(deployment), { location: `${url}${path}/${deployment.id}` })
    }
    if (list && method === 'GET') {
      const filters = /** @type {const} */ (['sha', 'ref', 'task', 'environment']).filter((name) => query.has(name))
      const found = deployments
        .filter((deployment) => deployment.owner === list[1] && deployment.repo === list[2])
        .filter((deployment) => filters.every((name) => deployment[name] === query.get(name)))
        .reverse()
      return send(res, 200, paginate(found, query).map(deploymentJson))
    }
    if (one && method === 'GET') {
      const deployment = find(one)
      return deployment ? send(res, 200, deploymentJson(deployment)) : refuse(res, 404)
    }
    if (statuses && method === 'POST') {
      const deployment = find(statuses)
      if (!deployment) return refuse(res, 404)
      if (!STATES.includes(body?.state)) return refuse(res, 422, `Validation Failed: state is not included in the list`)
      if (typeof body.description === 'string' && body.description.length > MAX_STATUS_DESCRIPTION) {
        return refuse(res, 422, 'Validation Failed: description is too long (maximum is 140 characters)')
      }
      const status = addStatus(deployment, body)
      // GitHub's auto_inactive (default true): a success retires earlier successful
      // deployments of the same environment, unless they are transient or production.
      if (body.state === 'success' && body.auto_inactive !== false) {
        for (const earlier of deployments) {
          if (
            earlier !== deployment &&
            earlier.owner === deployment.owner &&
            earlier.repo === deployment.repo &&
            earlier.environment === deployment.environment &&
            !earlier.transient_environment &&
            !earlier.production_environment &&
            latestState(earlier) === 'success'
          ) {
            addStatus(earlier, { state: 'inactive', description: `Superseded by deployment ${deployment.id}` })
          }
        }
      }
      const { auto_inactive: _auto, ...shown } = status
      return send(res, 201, statusJson(deployment, shown), {
        location: `${url}${path}/${status.id}`
      })
    }
    if (statuses && method === 'GET') {
      const deployment = find(statuses)
      if (!deployment) return refuse(res, 404)
      const newestFirst = [...deployment.statuses].reverse().map(({ auto_inactive: _auto, ...shown }) => shown)
      return send(
        res,
        200,
        paginate(newestFirst, query).map((status) => statusJson(deployment, status))
      )
    }
    return refuse(res, 404)
  }

  const server = http.createServer(async (req, res) => {
    let raw
    try {
      raw = await readBody(req)
    } catch {
      res.destroy()
      return
    }
    const method = req.method ?? 'GET'
    const [path = '/', search = ''] = (req.url ?? '/').split('?')
    const query = new URLSearchParams(search)
    /** @type {RequestJson} */
    let body
    let parseError = false
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        parseError = true
        body = raw.toString('utf8')
      }
    }
    /** @type {RecordedRequest} */
    const entry = {
      seq: ++sequence,
      method,
      path,
      query: Object.fromEntries(query),
      body,
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent']
    }
    requests.push(entry)
    recorded.set(res, entry)

    const rule = failures.find((candidate) => candidate.remaining > 0 && matches(candidate, method, path))
    if (rule) {
      rule.remaining--
      if (rule.status === 'hang') {
        stalled.add(res)
        res.on('close', () => stalled.delete(res))
        return
      }
      if (rule.status === 'reset') {
        req.socket.destroy()
        return
      }
      if (rule.body !== undefined) return send(res, rule.status, rule.body, rule.headers)
      return refuse(res, rule.status, rule.message, undefined, rule.headers)
    }
    if (token !== undefined) {
      const given = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
      if (given !== token) return refuse(res, 401)
    }
    if (parseError) return refuse(res, 400)
    route(method, path, query, body, res)
  })
  server.keepAliveTimeout = 1000
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  /**
   * @param {number} onPort
   * @returns {Promise<void>}
   */
  const listen = (onPort) =>
    new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  /** @returns {Promise<void>} */
  const stop = () =>
    new Promise((resolve) => {
      for (const res of stalled) res.destroy()
      for (const socket of sockets) socket.destroy()
      if (!server.listening) return resolve()
      server.close(() => resolve())
    })

  await listen(port)
  const address = server.address()
  const boundPort = typeof address === 'object' && address ? address.port : 0
  url = `http://127.0.0.1:${boundPort}`

  /**
   * @param {unknown} value
   * @returns {unknown}
   */
  const copy = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))

  return {
    url,
    port: boundPort,
    /** Every request so far, oldest first. */
    requests: () => requests.map((entry) => ({ ...entry, query: { ...entry.query }, body: copy(entry.body) })),
    /** Deployments as stored, oldest first, each with its statuses oldest first. */
    deployments: () =>
      deployments.map((deployment) => ({
        ...deploymentJson(deployment),
        statuses: deployment.statuses.map((status) => statusJson(deployment, status))
      })),
    /** Comments on issues and pull requests, oldest first. */
    comments: () => comments.map((comment) => ({ ...commentJson(comment), issue: comment.issue })),
    /**
     * Adds a comment as if someone had written it.
     * @param {SeedComment} seed
     */
    seedComment({ owner, repo, issue, body, user, association }) {
      const at = now()
      const author = user ? { user: { ...user, id: 1000 + nextCommentId, site_admin: false } } : {}
      const comment = {
        owner,
        repo,
        issue,
        id: nextCommentId++,
        body,
        created_at: at,
        updated_at: at,
        ...author,
        ...(association ? { author_association: association } : {})
      }
      comments.push(comment)
      return comment.id
    },
    /**
     * Adds a deployment as if an earlier run had made it, with these states in order.
     * @param {SeedDeployment} seed
     */
    seedDeployment({ owner, repo, environment = 'production', ref = 'main', payload = {}, states = [], production }) {
      const at = now()
      /** @type {StoredDeployment} */
      const deployment = {
        owner,
        repo,
        id: nextDeploymentId++,
        sha: shaOf(ref),
        ref,
        task: 'deploy',
        payload,
        original_environment: environment,
        environment,
        description: '',
        created_at: at,
        updated_at: at,
        transient_environment: false,
        production_environment: production ?? environment === 'production',
        statuses: []
      }
      deployments.push(deployment)
      for (const state of states) addStatus(deployment, { state })
      return deployment.id
    },
    /**
     * A workflow run as GET /repos/{owner}/{repo}/actions/runs/{id} shows it: `status` queued, in_progress or
     * completed, `conclusion` (cancelled, failure, success...) once completed. Seeding an id again replaces it.
     * @param {{ owner: string, repo: string, id: number, status: string, conclusion?: string | null }} run
     */
    seedRun({ owner, repo, id, status, conclusion = null }) {
      runs = runs.filter((run) => !(run.owner === owner && run.repo === repo && run.id === id))
      runs.push({ owner, repo, id, status, conclusion })
    },
    /**
     * Makes requests whose `METHOD /path` matches `pattern` (a RegExp, or a
     * string it must contain) fail with `status`: an HTTP status with
     * GitHub's error body (or `body`), `'hang'` (never answered) or `'reset'`
     * (connection dropped). `times` limits how often; the first matching rule wins.
     * @param {RegExp | string} pattern
     * @param {number | 'hang' | 'reset'} status
     * @param {FailOptions} [options]
     */
    fail(pattern, status, { message, body, headers, times = Infinity } = {}) {
      failures.push({ pattern, status, message, body, headers, remaining: times })
    },
    clearFailures() {
      failures = []
    },
    /** Stops listening: every request is refused until up(). */
    async down() {
      await stop()
    },
    async up() {
      if (!server.listening) await listen(boundPort)
    },
    /** Forgets requests, deployments, comments, runs and failures. */
    reset() {
      requests = []
      deployments = []
      comments = []
      runs = []
      failures = []
      sequence = 0
    },
    async close() {
      await stop()
    }
  }
}

/** @typedef {Awaited<ReturnType<typeof startFakeGitHub>>} FakeGitHub */
/** A deployment as the API shows it, with its statuses oldest first. */
/** @typedef {ReturnType<FakeGitHub['deployments']>[number]} FakeDeployment */
/** A comment on an issue or pull request as the API shows it, with the issue's number. */
/** @typedef {ReturnType<FakeGitHub['comments']>[number]} FakeComment */
