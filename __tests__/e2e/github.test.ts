// What the action records on the GitHub side and for the people who follow a
// release, through the bundled action against the emulator and a fake GitHub
// REST API: the deployment and its statuses for an environment, a GitHub that
// is down, the traceability tags on what the action creates, the endpoint's
// CloudWatch dashboard, a dry run's plan (and its comment on a pull request) and
// the instance-hours a run adds.
//
// Each scenario has an endpoint and a repository of its own, so they run side
// by side in one emulator and one fake GitHub. Gates are probes, which judge at
// once: nothing here waits for CloudWatch to publish a minute.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { GetDashboardCommand } from '@aws-sdk/client-cloudwatch'
import {
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListEndpointConfigsCommand,
  ListModelsCommand,
  ListTagsCommand,
  type SageMakerClient
} from '@aws-sdk/client-sagemaker'
import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import {
  startFakeGitHub,
  type FakeComment,
  type FakeDeployment,
  type FakeGitHub,
  type RecordedRequest
} from '../../test/github/fake-github.mjs'
import {
  TEST_REGION,
  TEST_ROLE_ARN,
  awsClients,
  runAction,
  seedModelAndEndpoint,
  startEmulator,
  type ActionRun,
  type AwsClients,
  type Emulator
} from './harness.js'
import { describeEndpoint, expectFailure, expectSuccess, image, warningAnnotations } from './scenario.js'

jest.setTimeout(3 * 60_000)

const TOKEN = 'ghs_e2eDeploymentsToken'
const OWNER = 'acme'
const SHA = '9fceb02d0ae598e95dc970b74767f19372d61af8'
const REF = 'refs/tags/v1.4.0'
/** Not github.com: the run's link must come from GITHUB_SERVER_URL, as on GitHub Enterprise Server. */
const SERVER_URL = 'https://github.acme.example'
const RUN_ID = '8811'
const RUN_ATTEMPT = '2'

/** Two gate evaluations a step, each a probe to the new variant. */
const PROBED_CANARY = {
  strategy: 'canary',
  'traffic-steps': '50,100',
  'bake-time': '2s',
  'gate-interval': '1s',
  'probe-payload': '{"amount": 12.5}'
}

const consoleUrl = (endpoint: string): string =>
  `https://${TEST_REGION}.console.aws.amazon.com/sagemaker/home?region=${TEST_REGION}#/endpoints/${endpoint}`
const runUrl = (repo: string): string => `${SERVER_URL}/${OWNER}/${repo}/actions/runs/${RUN_ID}/attempts/${RUN_ATTEMPT}`

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl
let github: FakeGitHub

beforeAll(async () => {
  // The fake refuses a request without the token, so every recorded deployment proves github-token was used.
  ;[emulator, github] = await Promise.all([
    startEmulator({ transitionSeconds: 0.3 }),
    startFakeGitHub({ token: TOKEN })
  ])
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
}, 120_000)

afterAll(async () => {
  aws?.destroy()
  await Promise.all([emulator?.stop(), github?.close()])
})

/** The runner's variables for a run of the workflow in repository `acme/<repo>`. */
function runner(repo: string, apiUrl = github.url): Record<string, string> {
  return {
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: SERVER_URL,
    GITHUB_REPOSITORY: `${OWNER}/${repo}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_SHA: SHA,
    GITHUB_REF: REF,
    GITHUB_REF_NAME: 'v1.4.0',
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_ATTEMPT: RUN_ATTEMPT
  }
}

/** A deploy of `<endpoint>-new` to `endpoint` from repository `acme/<endpoint>`. */
function deploy(
  endpoint: string,
  inputs: Record<string, string>,
  options: {
    apiUrl?: string
    onOutput?: (line: string) => void
    event?: { name: string; payload: unknown }
    cancel?: AbortSignal
  } = {}
): Promise<ActionRun> {
  const { onOutput, event, cancel } = options
  return runAction({
    emulator,
    timeoutMs: 2 * 60_000,
    env: runner(endpoint, options.apiUrl),
    ...(event ? { event } : {}),
    ...(cancel ? { cancel } : {}),
    ...(onOutput ? { onOutput: (line: string) => onOutput(line) } : {}),
    inputs: {
      operation: 'deploy',
      'endpoint-name': endpoint,
      'execution-role-arn': TEST_ROLE_ARN,
      'image-uri': image(`${endpoint}-new`),
      'model-name': `${endpoint}-new`,
      ...inputs
    }
  })
}

/** An endpoint serving `<endpoint>-old` on one variant of two instances. */
async function serving(endpoint: string): Promise<void> {
  await seedModelAndEndpoint(aws.sagemaker, {
    endpointName: endpoint,
    image: image(`${endpoint}-old`),
    variants: [{ variantName: 'AllTraffic', instanceCount: 2 }]
  })
}

/** The deployments recorded for repository `acme/<repo>`. */
function deploymentsOf(repo: string): FakeDeployment[] {
  return github.deployments().filter((deployment) => deployment.repository_url.endsWith(`/repos/${OWNER}/${repo}`))
}

function requestsOf(repo: string): RecordedRequest[] {
  return github.requests().filter((request) => request.path.startsWith(`/repos/${OWNER}/${repo}/`))
}

async function tagsOf(sagemaker: SageMakerClient, arn: string | undefined): Promise<Record<string, string>> {
  const { Tags } = await sagemaker.send(new ListTagsCommand({ ResourceArn: arn }))
  return Object.fromEntries((Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']))
}

/** The traceability tags a resource made by a run of `acme/<repo>` carries. */
const traced = (repo: string): Record<string, string> => ({
  'sagemaker-deploy:repository': `${OWNER}/${repo}`,
  'sagemaker-deploy:commit': SHA,
  'sagemaker-deploy:ref': REF,
  'sagemaker-deploy:run-url': runUrl(repo)
})

async function modelTags(name: string): Promise<Record<string, string>> {
  const model = await aws.sagemaker.send(new DescribeModelCommand({ ModelName: name }))
  return tagsOf(aws.sagemaker, model.ModelArn)
}

async function configTags(name: string): Promise<Record<string, string>> {
  const config = await aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }))
  return tagsOf(aws.sagemaker, config.EndpointConfigArn)
}

/** Milliseconds from a duration as the action words it, such as `309ms` or `1m3s`. */
function durationMs(text: string): number {
  const unit: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }
  return [...text.matchAll(/(\d+)(ms|h|m|s)/g)].reduce(
    (sum, [, count, name]) => sum + Number(count) * (unit[name ?? ''] ?? NaN),
    0
  )
}

/** The summary's instance-hours line: the hours as shown and, with a price, the cost and the price. */
function instanceHours(summary: string): { verb: string; hours: number; cost?: number; price?: number } {
  const match =
    /<strong>Instance-hours (this run added|this rollout would add):<\/strong> (\d+\.\d+)(?:, about \$(\d+\.\d\d) at \$([\d.]+) an instance-hour)?/.exec(
      summary
    )
  if (!match) throw new Error(`The summary states no instance-hours:\n${summary}`)
  return {
    verb: match[1] ?? '',
    hours: Number(match[2]),
    ...(match[3] === undefined ? {} : { cost: Number(match[3]), price: Number(match[4]) })
  }
}

describe('GitHub deployments for an environment', () => {
  it.concurrent(
    'a canary that passes its gates: in_progress, then success, linked to the endpoint and the run',
    async () => {
      const name = 'gh-canary'
      await serving(name)

      // What the environment page shows while traffic moves: the deployment in progress.
      let during: string[] | undefined
      const run = expectSuccess(
        await deploy(
          name,
          { ...PROBED_CANARY, environment: 'sagemaker-gh-canary', 'github-token': TOKEN, 'instance-hour-price': '900' },
          {
            onOutput: (line) => {
              if (line.includes('Shifting 50% of traffic')) {
                during ??= deploymentsOf(name).flatMap((deployment) =>
                  deployment.statuses.map((status) => status.state)
                )
              }
            }
          }
        )
      )

      expect(run.outputs['rollout-result']).toBe('succeeded')
      const [deployment, ...others] = deploymentsOf(name)
      expect(others).toEqual([])
      expect(deployment).toMatchObject({
        sha: SHA,
        ref: SHA,
        environment: 'sagemaker-gh-canary',
        task: 'deploy',
        payload: { endpointName: name, region: TEST_REGION }
      })
      expect(during).toEqual(['in_progress'])
      expect(deployment?.statuses.map((status) => status.state)).toEqual(['in_progress', 'success'])
      for (const status of deployment?.statuses ?? []) {
        expect(status).toMatchObject({ environment_url: consoleUrl(name), log_url: runUrl(name) })
      }
      expect(requestsOf(name).every((request) => request.authorization === `token ${TOKEN}`)).toBe(true)
      expect(warningAnnotations(run)).toEqual([])

      // The canary runs beside the serving variant: the summary counts what it added and prices it.
      const added = instanceHours(run.summary)
      expect(added).toMatchObject({ verb: 'this run added', price: 900 })
      const cost = added.cost ?? 0
      expect(cost).toBeGreaterThan(0)
      // The cost is the unrounded hours times the price; the hours shown are rounded (two places, or one
      // significant digit below a hundredth).
      expect(Math.abs(cost / 900 - added.hours)).toBeLessThanOrEqual(0.005 + 0.005 / 900)
      // At least the two canary instances through both bakes of 2s; at most the two fleets
      // side by side (four instances) for as long as the run took.
      expect(cost / 900).toBeGreaterThanOrEqual((2 * 2 * 2_000) / 3_600_000 - 0.005 / 900)
      expect(cost / 900).toBeLessThanOrEqual((4 * run.durationMs) / 3_600_000)
    }
  )

  it.concurrent('a canary rolled back by its gates ends the deployment with failure', async () => {
    const name = 'gh-bad'
    await serving(name)
    // The new model answers every request with a 5XX: the first probe fails the 50% step.
    await control.setModelBehaviour({ match: `${name}-new`, errorRate: 1 })

    const run = await deploy(name, { ...PROBED_CANARY, environment: 'sagemaker-gh-bad', 'github-token': TOKEN })

    const errors = expectFailure(run)
    expect(errors[0]).toMatch(/^Rolled back: /)
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    const [deployment, ...others] = deploymentsOf(name)
    expect(others).toEqual([])
    expect(deployment?.environment).toBe('sagemaker-gh-bad')
    expect(deployment?.statuses.map((status) => status.state)).toEqual(['in_progress', 'failure'])
    expect(deployment?.statuses.at(-1)).toMatchObject({
      environment_url: consoleUrl(name),
      log_url: runUrl(name),
      description: expect.stringMatching(/^Rolled back: /)
    })
    const endpoint = await describeEndpoint(aws, name)
    expect(endpoint.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])
  })

  it.concurrent('a later success retires the earlier deployment of the same endpoint, and only that one', async () => {
    const name = 'gh-again'
    const environment = 'sagemaker-gh-again'
    // Another endpoint shares the environment: its deployment is not this endpoint's to retire.
    const neighbour = github.seedDeployment({
      owner: OWNER,
      repo: name,
      environment,
      payload: { endpointName: 'gh-neighbour', region: TEST_REGION },
      states: ['in_progress', 'success']
    })
    expectSuccess(await deploy(name, { environment, 'github-token': TOKEN }))
    expectSuccess(
      await deploy(name, {
        environment,
        'github-token': TOKEN,
        'image-uri': image(`${name}-newer`),
        'model-name': `${name}-newer`
      })
    )

    const states = (id: number | undefined): string[] | undefined =>
      deploymentsOf(name)
        .find((deployment) => deployment.id === id)
        ?.statuses.map((status) => status.state)
    const ours = deploymentsOf(name)
      .filter((deployment) => deployment.id !== neighbour)
      .map((deployment) => deployment.id)
    expect(ours).toHaveLength(2)
    expect(states(ours[0])).toEqual(['in_progress', 'success', 'inactive'])
    expect(states(ours[1])).toEqual(['in_progress', 'success'])
    expect(states(neighbour)).toEqual(['in_progress', 'success'])
  })

  /** A deploy that GitHub fails: it warns once, with what GitHub said, and deploys all the same. */
  async function expectWarnedDeploy(name: string, said: string, apiUrl?: string): Promise<void> {
    const environment = `sagemaker-${name}`
    const run = expectSuccess(await deploy(name, { environment, 'github-token': TOKEN }, apiUrl ? { apiUrl } : {}))
    expect(run.outputs).toMatchObject({ 'rollout-result': 'succeeded', 'endpoint-status': 'InService' })
    const warning = `GitHub deployment to environment "${environment}" could not be created at ${SHA}: ${said}`
    expect(warningAnnotations(run)).toEqual([expect.stringContaining(warning)])
    // The summary carries it too, for whoever reads the run's page rather than its log.
    expect(run.summary).toContain(warning.replace(/"/g, '&quot;'))
    expect(deploymentsOf(name)).toEqual([])
    const endpoint = await describeEndpoint(aws, name)
    expect(endpoint).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: run.outputs['endpoint-config-name']
    })
  }

  it.concurrent(
    'a cancelled canary writes its summary and outputs before it tells GitHub, which may not answer in time',
    async () => {
      const name = 'gh-cancelled'
      await serving(name)
      const statuses = new RegExp(`^POST /repos/${OWNER}/${name}/deployments/\\d+/statuses$`)
      const cancel = new AbortController()

      const run = await deploy(
        name,
        { ...PROBED_CANARY, 'bake-time': '5m', environment: 'production', 'github-token': TOKEN },
        {
          cancel: cancel.signal,
          onOutput: (line) => {
            if (cancel.signal.aborted || !/Evaluation 2\/\d+ at 50%/.test(line)) return
            // in_progress is recorded; the status the cancel sends is never answered, and the runner kills the step.
            github.fail(statuses, 'hang', { times: 1 })
            cancel.abort()
          }
        }
      )

      expect(run.exitCode).not.toBe(0)
      expect(run.summary).toMatch(new RegExp(`^<h2>⏹️ deploy cancelled: ${name}</h2>`))
      expect(run.summary).toContain('Cancelled at 50% on')
      expect(JSON.parse(run.outputs.result ?? '{}')).toMatchObject({ succeeded: false })
      // The cancel did call GitHub, after the summary: in_progress, then the status left hanging.
      expect(requestsOf(name).filter((request) => statuses.test(`${request.method} ${request.path}`))).toHaveLength(2)
    }
  )

  it.concurrent('a GitHub that answers 503 is a warning, and the deploy succeeds', async () => {
    const name = 'gh-outage'
    github.fail(`/repos/${OWNER}/${name}/`, 503)
    await expectWarnedDeploy(name, 'HTTP 503: Service Unavailable.')
    // One try: a GitHub that is down is not waited for.
    expect(requestsOf(name).map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      `POST /repos/${OWNER}/${name}/deployments 503`
    ])
  })

  it.concurrent('a GitHub that refuses connections is a warning, and the deploy succeeds', async () => {
    // A server of its own, stopped: its port refuses, as an API host that is down does.
    const closed = await startFakeGitHub()
    await closed.down()
    try {
      await expectWarnedDeploy('gh-unreachable', `GitHub could not be reached at ${closed.url} (`, closed.url)
    } finally {
      await closed.close()
    }
  })
})

describe('what the action creates', () => {
  it.concurrent('tags the model, endpoint config and endpoint with the repository, commit, ref and run', async () => {
    const name = 'gh-traced'
    const run = expectSuccess(await deploy(name, { tags: 'team=ml' }))

    const config = run.outputs['endpoint-config-name'] ?? ''
    const own = { ...traced(name), team: 'ml', 'sagemaker-deploy:endpoint': name }
    expect(await modelTags(`${name}-new`)).toEqual(own)
    expect(await configTags(config)).toEqual({ ...own, 'sagemaker-deploy:role': 'release' })
    const endpoint = await describeEndpoint(aws, name)
    expect(await tagsOf(aws.sagemaker, endpoint.EndpointArn)).toEqual({ ...traced(name), team: 'ml' })
  })

  it.concurrent('tags what a canary creates, a tag of the workflow winning over the same key', async () => {
    const name = 'gh-traced-canary'
    await serving(name)
    const run = expectSuccess(await deploy(name, { ...PROBED_CANARY, tags: 'sagemaker-deploy:ref=release-7' }))

    const release = run.outputs['endpoint-config-name'] ?? ''
    const expected = { ...traced(name), 'sagemaker-deploy:ref': 'release-7', 'sagemaker-deploy:endpoint': name }
    expect(await modelTags(`${name}-new`)).toEqual(expected)
    expect(await configTags(release)).toMatchObject(expected)
    // The seeded endpoint was not created by this run: its tags are its own.
    const endpoint = await describeEndpoint(aws, name)
    expect(await tagsOf(aws.sagemaker, endpoint.EndpointArn)).toEqual({})
  })

  it.concurrent(
    'writes the endpoint dashboard with a row of graphs for each variant, linked from the summary',
    async () => {
      const name = 'gh-dashboard'
      const run = expectSuccess(await deploy(name, { dashboard: 'true', 'variant-name': 'blue' }))

      const dashboardName = `sagemaker_${name}_${TEST_REGION}`
      const dashboard = await aws.cloudwatch.send(new GetDashboardCommand({ DashboardName: dashboardName }))
      const body = JSON.parse(dashboard.DashboardBody ?? '{}') as {
        widgets: Array<{ type: string; properties: { title?: string; markdown?: string; metrics?: unknown[][] } }>
      }
      const graphs = body.widgets.filter((widget) => widget.type === 'metric')
      expect(graphs.map((graph) => graph.properties.title)).toEqual([
        'blue: invocations',
        'blue: errors',
        'blue: model latency',
        'blue: invocations per instance'
      ])
      // Every metric drawn is this endpoint's variant's.
      const metrics = graphs.flatMap((graph) => graph.properties.metrics ?? []).filter((m) => typeof m[0] === 'string')
      expect(metrics.length).toBeGreaterThan(0)
      for (const metric of metrics) {
        expect(metric[0]).toBe('AWS/SageMaker')
        expect(metric.slice(2, 6)).toEqual(['EndpointName', name, 'VariantName', 'blue'])
      }
      expect(body.widgets[0]?.properties.markdown).toContain(consoleUrl(name))
      expect(run.summary).toContain(
        `<a href="https://${TEST_REGION}.console.aws.amazon.com/cloudwatch/home?region=${TEST_REGION}#dashboards/dashboard/${dashboardName}">CloudWatch dashboard</a>`
      )

      // Deleting the endpoint deletes the dashboard that showed it.
      const deleted = expectSuccess(
        await runAction({
          emulator,
          timeoutMs: 2 * 60_000,
          env: runner(name),
          inputs: { operation: 'delete', 'endpoint-name': name }
        })
      )
      expect(deleted.stdout).toContain(`Deleted CloudWatch dashboard ${dashboardName}.`)
      await expect(aws.cloudwatch.send(new GetDashboardCommand({ DashboardName: dashboardName }))).rejects.toThrow()
    }
  )
})

describe('a dry run', () => {
  it.concurrent('plans a canary call by call with its gates and duration, and changes nothing', async () => {
    const name = 'gh-dry'
    await serving(name)
    const before = await describeEndpoint(aws, name)
    const list = async (): Promise<[string[], string[]]> => {
      const [models, configs] = await Promise.all([
        aws.sagemaker.send(new ListModelsCommand({ NameContains: name })),
        aws.sagemaker.send(new ListEndpointConfigsCommand({ NameContains: name }))
      ])
      return [
        (models.Models ?? []).map((model) => model.ModelName ?? '').sort(),
        (configs.EndpointConfigs ?? []).map((config) => config.EndpointConfigName ?? '').sort()
      ]
    }
    const listed = await list()

    const run = expectSuccess(
      await deploy(name, {
        ...PROBED_CANARY,
        'traffic-steps': '10,50,100',
        'bake-time': '10m',
        'gate-interval': '2m',
        'max-error-rate': '2%',
        'max-latency-p99': '250ms',
        'dry-run': 'true',
        environment: 'sagemaker-gh-dry',
        'github-token': TOKEN,
        'instance-hour-price': '1.5'
      })
    )

    // Every call, in order, in the log and in the summary's plan.
    const calls = [
      'CreateModel',
      'CreateEndpointConfig',
      'UpdateEndpoint',
      'UpdateEndpointWeightsAndCapacities',
      'UpdateEndpointWeightsAndCapacities',
      'UpdateEndpointWeightsAndCapacities',
      'CreateEndpointConfig',
      'UpdateEndpoint',
      'DeleteEndpointConfig'
    ]
    const logged = run.stdout.split('\n').filter((line) => line.startsWith('[dry-run] would call '))
    expect(logged.map((line) => line.split(' ')[3])).toEqual(calls)
    expect(logged.filter((line) => line.includes('UpdateEndpointWeightsAndCapacities'))).toEqual([
      expect.stringContaining(
        '"DesiredWeightsAndCapacities":[{"VariantName":"AllTraffic","DesiredWeight":90},{"VariantName":"gh-dry-new","DesiredWeight":10}]'
      ),
      expect.stringContaining(
        '"DesiredWeightsAndCapacities":[{"VariantName":"AllTraffic","DesiredWeight":50},{"VariantName":"gh-dry-new","DesiredWeight":50}]'
      ),
      expect.stringContaining(
        '"DesiredWeightsAndCapacities":[{"VariantName":"AllTraffic","DesiredWeight":0},{"VariantName":"gh-dry-new","DesiredWeight":100}]'
      )
    ])
    expect(run.summary).toContain(`<h2>📝 deploy dry run: nothing was changed: ${name}</h2>`)
    const plan = /<h3>Plan \(nothing was changed\)<\/h3>\s*<ol>([\s\S]*?)<\/ol>/.exec(run.summary)?.[1] ?? ''
    expect([...plan.matchAll(/<li><code>(\w+)<\/code>/g)].map((match) => match[1])).toEqual(calls)

    // The schedule: the canary config, three steps of 10m each judged every 2m and then waiting for
    // CloudWatch's minutes, then the promotion: 3 × (1m to shift + 10m + 3m for the data), and two
    // fleet changes as long as this endpoint's last one.
    const lines = run.stdout.split('\n')
    const start = lines.findIndex((line) => line.startsWith('Rollout plan: about '))
    const [, about = '', took = ''] =
      /^Rollout plan: about ([\dhms]+), assuming this endpoint's last update took ([\dhms]+)\.$/.exec(
        lines[start] ?? ''
      ) ?? []
    const fleetMs = durationMs(took)
    expect(fleetMs).toBeGreaterThan(0)
    // Rounded to the second.
    expect(Math.abs(durationMs(about) - (42 * 60_000 + 2 * fleetMs))).toBeLessThanOrEqual(1_000)
    const schedule = lines.slice(start + 1, start + 6)
    expect(schedule[0]).toMatch(
      /^ {2}1\. Update the endpoint to gh-dry-.*-canary: gh-dry-new joins at weight 0 .* a new fleet of 4 instances/
    )
    for (const [index, weight] of [10, 50, 100].entries()) {
      expect(schedule[index + 1]).toBe(
        `  ${index + 2}. Step ${index + 1}: ${weight}% of traffic to gh-dry-new for 10m, gates judged every 2m (5 evaluations), then until CloudWatch has published the step's minutes (typically 3m more, at most max-data-delay 5m past the last one's close). A failed evaluation rolls back; a step the gates cannot judge rolls back.`
      )
    }
    expect(schedule[4]).toMatch(
      /^ {2}5\. Promote: update the endpoint to gh-dry-\d{14}-\w{5} with gh-dry-new's model alone, as AllTraffic, a new fleet of 2 instances/
    )
    const gates =
      'max-error-rate: rate of 5XX and unanswered requests at most 2%; max-latency-p99: p99 at most 250 ms; probes: 1 to the new variant at every evaluation, all must succeed'
    expect(lines[start + 6]).toBe(`Gates: ${gates}.`)
    // Four instances through the change to the canary config, the canary's two through the 42 minutes
    // of steps, two through the promotion; a fleet change as long as this endpoint's last one.
    const hours = (4 * fleetMs + 2 * 42 * 60_000 + 2 * fleetMs) / 3_600_000
    const added =
      /^Instance-hours this rollout would add: (\d+\.\d+), about \$(\d+\.\d\d) at \$1\.5 an instance-hour\.$/.exec(
        lines[start + 7] ?? ''
      )
    // Shown to two places, from a fleet time shown to the second at worst.
    const tolerance = 0.005 + (6 * 500) / 3_600_000
    expect(Math.abs(Number(added?.[1]) - hours)).toBeLessThanOrEqual(tolerance)
    expect(Math.abs(Number(added?.[2]) - hours * 1.5)).toBeLessThanOrEqual(tolerance * 1.5)
    expect(run.summary).toContain(`<h3>Rollout plan: about ${about}</h3>`)
    for (const step of schedule.slice(1)) expect(run.summary).toContain(step.replace(/^ {2}\d\. /, ''))
    expect(run.summary).toContain(`<p>Gates: ${gates}.`)
    expect(run.summary).toContain(
      `<strong>Instance-hours this rollout would add:</strong> ${added?.[1]}, about $${added?.[2]} at $1.5 an instance-hour`
    )

    // Nothing changed: no model, no config, the endpoint as it was, no probe sent, no deployment on GitHub.
    expect(await list()).toEqual(listed)
    const after = await describeEndpoint(aws, name)
    expect(after.EndpointConfigName).toBe(before.EndpointConfigName)
    expect(after.LastModifiedTime).toEqual(before.LastModifiedTime)
    expect((await control.invocations()).filter((invocation) => invocation.endpoint === name)).toEqual([])
    expect(requestsOf(name)).toEqual([])
  })
})

describe('a dry run on a pull request with plan-comment', () => {
  it.concurrent('posts its plan on the pull request, and the next dry run updates that comment', async () => {
    const name = 'gh-plan'
    await serving(name)
    const event = { name: 'pull_request', payload: { action: 'synchronize', number: 31, pull_request: { number: 31 } } }
    const dryRun = (steps: string): Promise<ActionRun> =>
      deploy(
        name,
        { ...PROBED_CANARY, 'traffic-steps': steps, 'dry-run': 'true', 'plan-comment': 'true', 'github-token': TOKEN },
        { event }
      )

    const first = expectSuccess(await dryRun('10,100'))
    const comments = (): FakeComment[] => github.comments().filter((comment) => comment.body.includes(`/${name} -->`))
    const [posted, ...more] = comments()
    expect(more).toEqual([])
    expect(posted?.issue).toBe(31)
    expect(posted?.body).toContain(`<!-- sagemaker-deploy-plan: ${TEST_REGION}/${name} -->`)
    expect(posted?.body).toContain('<h3>Rollout plan: about')
    expect(posted?.body).toContain('Step 1: 10% of traffic')
    expect(posted?.body).toContain(`[this run](${runUrl(name)})`)
    expect(first.stdout).toContain(`Posted the plan on pull request #31: ${posted?.html_url}`)

    const second = expectSuccess(await dryRun('25,100'))
    const [updated, ...others] = comments()
    expect(others).toEqual([])
    expect(updated?.id).toBe(posted?.id)
    expect(updated?.body).toContain('Step 1: 25% of traffic')
    expect(updated?.body).not.toContain('Step 1: 10% of traffic')
    expect(second.stdout).toContain(`Updated the plan on pull request #31`)
    // A dry run records no deployment.
    expect(deploymentsOf(name)).toEqual([])
  })
})
