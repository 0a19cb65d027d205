/**
 * Hostile and broken inputs, run through the whole action in-process: every
 * one must fail before any AWS call, with a message that names the input.
 * Values reach AWS APIs and the job summary, never a shell, so what matters
 * is that nothing malformed gets as far as a request.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { IMAGE, ROLE_ARN } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { awsCallNames, resetAws, runAction } = await import('../../__fixtures__/action.js')
const { parseSettings } = await import('../../src/inputs.js')

type Inputs = Record<string, string>

const BASE: Record<string, Inputs> = {
  deploy: {
    operation: 'deploy',
    'endpoint-name': 'fraud',
    'image-uri': IMAGE,
    'execution-role-arn': ROLE_ARN,
    strategy: 'canary',
    'traffic-steps': '10,100',
    'alarm-names': 'fraud-5xx',
    'max-error-rate': '1%',
    'probe-payload': '{"amount": 1}'
  },
  'update-traffic': { operation: 'update-traffic', 'endpoint-name': 'fraud', 'variant-weights': 'blue=50,green=50' },
  'update-capacity': { operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': '2' },
  'configure-autoscaling': {
    operation: 'configure-autoscaling',
    'endpoint-name': 'fraud',
    'min-capacity': '1',
    'max-capacity': '4',
    'scaling-metric': 'InvocationsPerInstance',
    'target-value': '100'
  },
  monitor: { operation: 'monitor', 'endpoint-name': 'fraud' },
  'health-check': { operation: 'health-check', 'endpoint-name': 'fraud' },
  delete: { operation: 'delete', 'endpoint-name': 'fraud' },
  rollback: { operation: 'rollback', 'endpoint-name': 'fraud' },
  sagemaker: {
    operation: 'deploy',
    'endpoint-name': 'fraud',
    'image-uri': IMAGE,
    'execution-role-arn': ROLE_ARN,
    strategy: 'canary',
    'rollout-controller': 'sagemaker',
    'traffic-steps': '10,100',
    'alarm-names': 'fraud-5xx'
  }
}

const MB = 1024 * 1024
const HUGE = '9'.repeat(400)
const TEN_MB = 'x'.repeat(10 * MB)
const ACCOUNT = '123456789012'
const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`
const many = (count: number, item: (index: number) => string): string =>
  Array.from({ length: count }, (_, index) => item(index)).join(',')

/** [input, bad value, base operation (deploy by default), extra inputs]. */
type Case = [string, string, string?, Inputs?]

const CASES: Case[] = [
  // operation
  ['operation', 'Deploy'],
  ['operation', 'deploy; rm -rf /'],
  ['operation', 'deploy\u200b'],
  ['operation', 'ｄｅｐｌｏｙ'],
  ['operation', 'redeploy'],
  ['operation', '__proto__'],
  ['operation', 'constructor'],
  ['operation', 'deploy\ndelete'],

  // endpoint-name: SageMaker's pattern, 1 to 63 characters
  ['endpoint-name', 'fraud_detector'],
  ['endpoint-name', 'a'.repeat(64)],
  ['endpoint-name', '-fraud'],
  ['endpoint-name', 'fraud-'],
  ['endpoint-name', 'fraud; rm -rf /'],
  ['endpoint-name', '$(curl x)'],
  ['endpoint-name', '`curl x`'],
  ['endpoint-name', "'; DROP TABLE endpoints; --"],
  ['endpoint-name', '../../etc/passwd'],
  ['endpoint-name', 'fraud\ndetector'],
  ['endpoint-name', 'frаud'], // Cyrillic а
  ['endpoint-name', 'fraud\u200b'],
  ['endpoint-name', 'fr\u200daud'],
  ['endpoint-name', '\u202efraud'],
  ['endpoint-name', 'fraud\u0000'],
  ['endpoint-name', 'ｆｒａｕｄ'],
  ['endpoint-name', 'fraud detector'],
  ['endpoint-name', 'fraud.detector'],
  ['endpoint-name', '%00'],
  ['endpoint-name', TEN_MB, 'monitor'],

  // region
  ['region', 'us-east-1; rm -rf /'],
  ['region', 'US-EAST-1'],
  ['region', 'us-east-1\nus-west-2'],
  ['region', '../../etc/passwd'],
  ['region', 'us–east–1'], // en dashes

  // durations
  ['timeout', '5x'],
  ['timeout', '-1s'],
  ['timeout', '1e9s'],
  ['timeout', HUGE],
  ['timeout', 'NaN'],
  ['timeout', 'Infinity'],
  ['timeout', '0'],
  ['timeout', '25h'],
  ['timeout', '0x10'],
  ['timeout', '5m\u0000'],
  ['timeout', '1.5.5s'],
  ['timeout', '30m; sleep 1000'],
  ['timeout', '１０m'],
  ['timeout', '1s1s'],
  ['timeout', '5m1h'],
  ['bake-time', '0s'],
  ['bake-time', '500ms'],
  ['bake-time', '-5m'],
  ['gate-interval', '0'],
  ['gate-interval', '1e3'],
  ['max-latency-p99', '0ms'],
  ['max-latency-p99', '-250ms'],
  ['max-latency-p99', '250us'],
  ['scale-in-cooldown', '5x', 'configure-autoscaling'],
  ['metrics-window', '30s', 'monitor'],
  ['metrics-period', '90s', 'monitor'],
  ['metrics-period', '1h', 'monitor'],
  ['probe-max-latency', '0', 'health-check'],

  // booleans
  ['wait-for-completion', 'yes'],
  ['wait-for-completion', '1'],
  ['dry-run', 'true; rm -rf /'],
  ['dry-run', 'ｔｒｕｅ'],
  ['dry-run', 'true\u0000'],
  ['auto-rollback', 'on'],
  ['fail-on-unhealthy', 'maybe', 'health-check'],
  ['delete-model', 'yes', 'delete'],
  ['ignore-missing', '1', 'delete'],

  // image-uri
  ['image-uri', 'nginx'],
  ['image-uri', `${REGISTRY}/model:1.0; rm -rf /`],
  ['image-uri', '$(curl x)/model'],
  ['image-uri', `${REGISTRY}/../../etc/passwd`],
  ['image-uri', `${REGISTRY}/Model:1`],
  ['image-uri', `${REGISTRY}/model:`],
  ['image-uri', `${REGISTRY}/model:..`],
  ['image-uri', `${REGISTRY}/model@sha256:abc`],
  ['image-uri', `${REGISTRY}/model:${'a'.repeat(129)}`],
  ['image-uri', `https://${REGISTRY}/model:1`],
  ['image-uri', `${REGISTRY}/model:1\n${REGISTRY}/evil:2`],
  ['image-uri', `${REGISTRY} /model`],
  ['image-uri', `${REGISTRY}/mоdel:1`], // Cyrillic о
  ['image-uri', TEN_MB],

  // execution-role-arn (also from the environment)
  ['execution-role-arn', `arn:aws:iam::12345678901:role/x`],
  ['execution-role-arn', `arn:aws:iam::${ACCOUNT}:user/x`],
  ['execution-role-arn', `arn:aws:iam::${ACCOUNT}:role/x; rm -rf /`],
  ['execution-role-arn', `arn:aws:iam::${ACCOUNT}:role/${'a'.repeat(65)}`],
  ['execution-role-arn', `arn:aws:iam::${ACCOUNT}:role/$(curl x)`],
  ['execution-role-arn', `arn:aws:iam::１２３４５６７８９０１２:role/x`],
  ['execution-role-arn', 'arn:aws:s3:::bucket'],
  ['execution-role-arn', `arn:aws:iam::${ACCOUNT}:role/sage\u200bmaker`],
  ['execution-role-arn', HUGE],

  // model-data-url
  ['model-data-url', 'http://bucket/model.tar.gz'],
  ['model-data-url', 's3://Bucket/model.tar.gz'],
  ['model-data-url', 's3://bucket'],
  ['model-data-url', 's3://bucket/model.tar.gz; rm -rf /'],
  ['model-data-url', 's3://bucket/model\u0000.tar.gz'],
  ['model-data-url', 's3://bucket/../../etc/passwd'],
  ['model-data-url', 's3://bucket/models/./model.tar.gz'],
  ['model-data-url', 's3://b/model'],
  ['model-data-url', 's3://bucket..name/model'],
  ['model-data-url', 's3://bucket/key\nmore'],
  ['model-data-url', `s3://${'a'.repeat(64)}/k`],
  ['model-data-url', 's3://bucket/model\u007f.tar.gz'],

  // SageMaker names
  ['model-name', 'model_1'],
  ['model-name', 'a'.repeat(64)],
  ['variant-name', 'canary!'],
  ['variant-name', 'canary\u200b'],
  ['target-variant', 'a b', 'health-check'],
  ['endpoint-config-name', '../../etc/passwd', 'rollback'],
  ['endpoint-config-name', "x'; DROP TABLE configs; --", 'rollback'],

  // instance-type and counts
  ['instance-type', 'ml.m5.large; rm -rf /'],
  ['instance-type', 'm5.large'],
  ['instance-type', 'ML.M5.LARGE'],
  ['instance-count', '0'],
  ['instance-count', '-1'],
  ['instance-count', '1.5'],
  ['instance-count', HUGE],
  ['instance-count', 'NaN'],
  ['instance-count', '1e3'],
  ['instance-count', '0x10'],
  ['instance-count', '1001'],
  ['instance-count', '0', 'update-capacity'],
  ['instance-count', '２', 'update-capacity'],

  // model-environment
  ['model-environment', 'PATH'],
  ['model-environment', '=value'],
  ['model-environment', 'A=1,A=2'],
  ['model-environment', 'A=1\nA=2'],
  ['model-environment', '1BAD=x'],
  ['model-environment', 'BAD-KEY=x'],
  ['model-environment', 'A;rm -rf /=x'],
  ['model-environment', `A=${'x'.repeat(1025)}`],
  ['model-environment', 'A=line\u0000'],
  ['model-environment', 'ＫＥＹ=x'],
  ['model-environment', 'K\u200bEY=x'],
  ['model-environment', many(101, (i) => `V${i}=1`)],

  // tags
  ['tags', 'aws:owner=me'],
  ['tags', 'AWS:owner=me'],
  ['tags', 'team=a,team=b'],
  ['tags', 'key\u0000=v'],
  ['tags', `k=${'v'.repeat(257)}`],
  ['tags', `${'k'.repeat(129)}=v`],
  ['tags', 'k=$(curl x)'],
  ['tags', 'k=v;rm'],
  ['tags', 'k\u200b=v'],
  ['tags', many(46, (i) => `t${i}=v`)],
  ['tags', 'novalue'],

  // rollout
  ['strategy', 'blue-green'],
  ['strategy', 'canary; rm'],
  ['rollout-controller', 'kubernetes'],
  ['traffic-steps', '101'],
  ['traffic-steps', '-5,100'],
  ['traffic-steps', '50,25,100'],
  ['traffic-steps', '25,50,50,100'],
  ['traffic-steps', '10,0,100'],
  ['traffic-steps', 'NaN,100'],
  ['traffic-steps', 'Infinity'],
  ['traffic-steps', many(21, (i) => String(i + 1))],
  ['traffic-steps', '10%%,100'],
  ['traffic-steps', '1e1,100'],
  ['traffic-steps', '10;100'],
  ['traffic-steps', ' , '],
  ['traffic-steps', '50', 'deploy', { strategy: 'all-at-once' }],
  ['traffic-steps', HUGE],
  ['traffic-steps', many(5 * MB, () => '1')],
  ['failure-threshold', '0'],
  ['failure-threshold', '101'],
  ['alarm-names', 'alarm\u0000'],
  ['alarm-names', 'alarm\u007f'],
  ['alarm-names', 'x'.repeat(256)],
  ['alarm-names', many(101, (i) => `alarm-${i}`)],
  ['max-error-rate', '101%'],
  ['max-error-rate', '-5%'],
  ['max-error-rate', '1.5'],
  ['max-error-rate', '0.01'],
  ['max-error-rate-increase', '0.5'],
  ['max-latency-p99-increase', '20'],
  ['confidence', '95'],
  ['confidence', '30%'],
  ['max-latency-p99', '250'],
  ['max-latency-p99', '1s500ms'],
  ['max-data-delay', 'soon'],
  ['on-inconclusive', 'promote'],
  ['max-error-rate', 'NaN'],
  ['max-error-rate', '5 percent'],
  ['max-error-rate', '0.05%%'],
  ['max-error-rate', HUGE],
  ['min-invocations', '-1'],
  ['min-invocations', '1e3'],
  ['probe-payload', '{not json'],
  ['probe-payload', `"${'x'.repeat(6 * MB)}"`],
  ['probe-content-type', 'application/json; rm -rf /'],
  ['probe-content-type', 'text/html\r\nX-Injected: 1'],
  ['probe-content-type', 'text/csv;\r\ncharset=utf-8'],
  ['probe-content-type', 'json'],
  ['probe-count', '0'],
  ['probe-count', '101'],

  // production settings
  ['model-package-arn', 'arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3'],
  ['model-package-arn', 'fraud/3', 'deploy', { 'image-uri': '' }],
  ['model-package-arn', 'arn:aws:sagemaker:us-east-1:123456789012:model/fraud', 'deploy', { 'image-uri': '' }],
  [
    'model-data-url',
    's3://models/fraud.tar.gz',
    'deploy',
    {
      'image-uri': '',
      'model-package-arn': 'arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3'
    }
  ],
  ['framework', 'sklearn'],
  ['framework', 'scikit-learn', 'deploy', { 'image-uri': '' }],
  ['framework-version', '', 'deploy', { 'image-uri': '', framework: 'sklearn' }],
  ['vpc-subnets', 'subnet-0123456789abcdef0'],
  ['vpc-subnets', 'subnet-xyz', 'deploy', { 'vpc-security-group-ids': 'sg-0123456789abcdef0' }],
  ['vpc-security-group-ids', 'sg-0123456789abcdef0'],
  ['vpc-security-group-ids', 'sg-1;rm', 'deploy', { 'vpc-subnets': 'subnet-0123456789abcdef0' }],
  ['enable-network-isolation', 'yes'],
  ['accept-eula', 'yes', 'deploy', { 'model-data-url': 's3://models/llm/v2/' }],
  ['accept-eula', 'true'],
  ['probe-target-model', 'tenant\u0000.tar.gz', 'deploy', { 'probe-payload': '{}' }],
  ['probe-target-model', 'x'.repeat(1025), 'deploy', { 'probe-payload': '{}' }],
  ['container-startup-timeout', '30s'],
  ['container-startup-timeout', '2h'],
  ['model-data-download-timeout', '59'],
  ['volume-size', '0'],
  ['volume-size', '1TB'],
  ['volume-size', '513'],
  ['data-capture-percent', '20%'],
  ['data-capture-percent', '12.5%', 'deploy', { 'data-capture-s3-uri': 's3://capture/fraud' }],
  ['data-capture-s3-uri', 'https://capture/fraud'],

  // variant-weights
  ['variant-weights', 'blue=50,green=40', 'update-traffic'],
  ['variant-weights', 'blue=101,green=-1', 'update-traffic'],
  ['variant-weights', 'blue=50,blue=50', 'update-traffic'],
  ['variant-weights', 'blue=NaN,green=100', 'update-traffic'],
  ['variant-weights', 'blu_e=100', 'update-traffic'],
  ['variant-weights', 'blue=50,green=50,=0', 'update-traffic'],
  ['variant-weights', 'blue=Infinity', 'update-traffic'],
  ['variant-weights', 'bluе=100', 'update-traffic'], // Cyrillic е
  ['variant-weights', 'blue=100,green', 'update-traffic'],
  ['variant-weights', 'blue=1e2', 'update-traffic'],
  ['variant-weights', 'blue=50%,green=50%%', 'update-traffic'],
  ['variant-weights', '../../etc/passwd=100', 'update-traffic'],
  ['variant-weights', `blue=${HUGE}`, 'update-traffic'],

  // autoscaling
  ['min-capacity', '0', 'configure-autoscaling'],
  ['max-capacity', '2', 'configure-autoscaling', { 'min-capacity': '5' }],
  ['scaling-metric', 'invocationsperinstance', 'configure-autoscaling'],
  ['scaling-metric', 'CPU', 'configure-autoscaling'],
  ['target-value', '-1', 'configure-autoscaling'],
  ['target-value', '0', 'configure-autoscaling'],
  ['target-value', 'NaN', 'configure-autoscaling'],
  ['target-value', '1e10', 'configure-autoscaling'],
  ['target-value', HUGE, 'configure-autoscaling'],

  // limits of SageMaker's own blue/green deployments
  ['bake-time', '2h', 'sagemaker'],
  ['traffic-steps', '60,100', 'sagemaker'],
  ['timeout', '5m', 'sagemaker']
]

/** Long, control or invisible characters made readable in a test title. */
function show(value: string): string {
  const shown = value.length > 48 ? `${value.slice(0, 20)}…${value.slice(-20)} (${value.length} chars)` : value
  return JSON.stringify(shown).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

let tried = 0

describe('hostile inputs', () => {
  afterAll(() => {
    console.log(`hostile inputs tried: ${tried} (each rejected before any AWS call, naming the input)`)
  })

  it('has a table of at least 60 distinct bad inputs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60)
    const keys = CASES.map(([name, value, base = 'deploy', extra]) => JSON.stringify([name, value, base, extra ?? {}]))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it.each(CASES.map((entry) => [entry[0], show(entry[1]), entry[2] ?? 'deploy', entry] as const))(
    '%s = %s (%s) is refused before any AWS call',
    async (name, _shown, base, [, value, , extra]) => {
      resetAws()
      tried++
      const inputs = { ...(BASE[base] as Inputs), ...extra, [name]: value }
      const result = await runAction(inputs)
      expect(result.failed).toContain(`Input "${name}"`)
      expect(awsCallNames()).toEqual([])
      // A refusal quotes at most a short excerpt: a huge value must not flood the log.
      expect((result.failed ?? '').length).toBeLessThan(1000)
    }
  )

  it('refuses a bad role from SAGEMAKER_EXECUTION_ROLE_ARN, naming the input it stands in for', async () => {
    resetAws()
    tried++
    const { 'execution-role-arn': _role, ...inputs } = BASE.deploy as Inputs
    const result = await runAction(inputs, {
      env: { AWS_REGION: 'us-east-1', SAGEMAKER_EXECUTION_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/x; rm -rf /` }
    })
    expect(result.failed).toContain('Input "execution-role-arn"')
    expect(awsCallNames()).toEqual([])
  })

  it('refuses a malformed AWS_REGION when the region input is empty', async () => {
    resetAws()
    tried++
    const result = await runAction(BASE.monitor as Inputs, { env: { AWS_REGION: 'us-east-1; rm -rf /' } })
    expect(result.failed).toContain('Input "region"')
    expect(awsCallNames()).toEqual([])
  })
})

describe('odd but valid inputs the parser keeps', () => {
  const read =
    (inputs: Inputs) =>
    (name: string): string =>
      inputs[name] ?? ''

  it('keeps map keys named like Object.prototype members as ordinary keys', () => {
    const settings = parseSettings(
      read({
        ...(BASE.deploy as Inputs),
        tags: '__proto__=x, constructor=y',
        'model-environment': '__proto__=1\nhasOwnProperty=2'
      }),
      { AWS_REGION: 'us-east-1' }
    )
    if (settings.operation !== 'deploy') throw new Error('expected deploy settings')
    expect(Object.entries(settings.deploy.tags)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y']
    ])
    expect(Object.entries(settings.deploy.modelEnvironment)).toEqual([
      ['__proto__', '1'],
      ['hasOwnProperty', '2']
    ])
  })

  it.each([
    ['image-uri', `${REGISTRY}/team/model-v2_x:1.0.0-rc.1`],
    ['image-uri', `${REGISTRY}/model@sha256:${'a'.repeat(64)}`],
    ['image-uri', 'registry.example:5000/a__b/c.d:Latest_1'],
    ['model-data-url', 's3://my.models-1/fraud/v2/model.tar.gz'],
    ['model-data-url', 's3://bucket/prefix/'],
    ['model-data-url', 's3://bucket/odd..name/model.tar.gz'],
    ['execution-role-arn', `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonSageMaker-ExecutionRole-20260101T000000`],
    ['execution-role-arn', `arn:aws-us-gov:iam::${ACCOUNT}:role/${'a'.repeat(64)}`],
    ['timeout', '1h30m'],
    ['timeout', '1m30s'],
    ['max-latency-p99', '1.5s'],
    ['max-error-rate-increase', '0.5%'],
    ['max-latency-p99-increase', '250%'],
    ['confidence', '99%'],
    ['probe-content-type', 'text/csv; charset=utf-8'],
    ['tags', 'team=fraud detection, cost-center=ml:1/a+b@c']
  ])('accepts %s = %j', (name, value) => {
    expect(() =>
      parseSettings(read({ ...(BASE.deploy as Inputs), [name]: value }), {
        AWS_REGION: 'us-east-1'
      })
    ).not.toThrow()
  })
})
