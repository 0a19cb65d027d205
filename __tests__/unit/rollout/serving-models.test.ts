/**
 * What production models run: the new model carries the serving container's
 * environment (merged, the inputs winning), image config, mode, EULA
 * acceptance and execution config, never its model data; nothing empty read
 * back is sent again; environment values are never shown; an S3 prefix is
 * uncompressed model data; a multi-model container stays one; what cannot be
 * carried is refused before any change.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { CreateModelCommand } from '@aws-sdk/client-sagemaker'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { CANARY_DEPLOY, withTraffic } from '../../../__fixtures__/rollout.js'
import { awsError, IMAGE } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const SERVING_ROLE = 'arn:aws:iam::123456789012:role/fraud-serving'
/** Looks like a credential: it must appear in no log line, summary or output. */
const SECRET = 'sk-live-4f9a8b7c6d5e4f3a2b1c'
const CARRIED_SECRET = 'postgres://fraud:hunter2-very-secret@db.internal/fraud'

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.install(aws)
  clock = withTraffic(fake)
})

/** fraud-v1 on two instances, its model described as `model` says (with the role it runs as). */
function seedServing(model: Record<string, unknown>): void {
  fake.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }],
    { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' },
    { modelSpec: { ExecutionRoleArn: SERVING_ROLE, ...model } }
  )
}

const FRAMEWORK_CONTAINER = {
  Image: `${IMAGE}-old`,
  ModelDataUrl: 's3://models/fraud/v1/model.tar.gz',
  ImageConfig: { RepositoryAccessMode: 'Vpc' },
  Environment: {
    SAGEMAKER_PROGRAM: 'inference.py',
    SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
    DATABASE_URL: CARRIED_SECRET,
    LOG_LEVEL: 'info'
  }
}

const canary = {
  ...CANARY_DEPLOY,
  'execution-role-arn': '',
  'traffic-steps': '10,100',
  'max-error-rate': '1%',
  'model-environment': `LOG_LEVEL=debug\nAPI_TOKEN=${SECRET}`
}

function createdModel(): Record<string, unknown> {
  const [model] = changeCalls(aws)
    .filter((call) => call.name === 'sagemaker.CreateModel')
    .map((call) => call.input)
  return model as Record<string, unknown>
}

describe("the serving container's settings", () => {
  beforeEach(() =>
    seedServing({
      PrimaryContainer: FRAMEWORK_CONTAINER,
      InferenceExecutionConfig: { Mode: 'Direct' },
      // What some describes answer for a model outside any VPC, with no pipeline.
      VpcConfig: {},
      Containers: []
    })
  )

  it('are carried into the new model, the environment merged with the inputs winning, the model data not', async () => {
    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    const model = createdModel()
    expect(model.PrimaryContainer).toEqual({
      Image: IMAGE,
      ImageConfig: { RepositoryAccessMode: 'Vpc' },
      Environment: {
        SAGEMAKER_PROGRAM: 'inference.py',
        SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
        DATABASE_URL: CARRIED_SECRET,
        LOG_LEVEL: 'debug',
        API_TOKEN: SECRET
      }
    })
    expect(model.InferenceExecutionConfig).toEqual({ Mode: 'Direct' })
    expect(model.ExecutionRoleArn).toBe(SERVING_ROLE)
  })

  it('sends back no empty structure read from AWS: no VpcConfig without subnets, no empty Containers', async () => {
    await runAction(canary, { clock })

    const model = createdModel()
    expect(model).not.toHaveProperty('VpcConfig')
    expect(model).not.toHaveProperty('Containers')
  })

  it('name each variable and its source in the summary, never its value', async () => {
    const result = await runAction(canary, { clock })

    const row = (key: string, source: string): string =>
      `<tr><td><code>Environment ${key}</code></td><td>(value not shown)</td><td>${source}</td></tr>`
    expect(result.summary).toContain(row('SAGEMAKER_PROGRAM', 'inherited from model &quot;fraud-v1&quot;'))
    expect(result.summary).toContain(row('DATABASE_URL', 'inherited from model &quot;fraud-v1&quot;'))
    expect(result.summary).toContain(row('LOG_LEVEL', 'input model-environment'))
    expect(result.summary).toContain(row('API_TOKEN', 'input model-environment'))
    expect(result.summary).toContain('<td><code>ImageConfig</code></td>')
  })

  it('keep the image config with an image only: an AWS framework image comes from ECR', async () => {
    const result = await runAction(
      { ...canary, 'image-uri': '', framework: 'sklearn', 'framework-version': '1.2-1' },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    expect(createdModel().PrimaryContainer).not.toHaveProperty('ImageConfig')
  })
})

describe('code the serving model names in S3', () => {
  it('is carried, and the summary says the new model runs it unless model-environment sets it', async () => {
    seedServing({
      PrimaryContainer: {
        Image: `${IMAGE}-old`,
        Environment: {
          SAGEMAKER_PROGRAM: 'serve.py',
          SAGEMAKER_SUBMIT_DIRECTORY: 's3://code/fraud/v1/sourcedir.tar.gz'
        }
      }
    })

    const result = await runAction({ ...canary, 'model-environment': '' }, { clock })

    expect(result.summary).toContain(
      '<tr><td><code>Environment SAGEMAKER_SUBMIT_DIRECTORY</code></td><td>(value not shown)</td><td>inherited from model &quot;fraud-v1&quot;: it names code in S3, which the new model runs unless model-environment sets it</td></tr>'
    )
    expect(result.summary).toContain(
      '<tr><td><code>Environment SAGEMAKER_PROGRAM</code></td><td>(value not shown)</td><td>inherited from model &quot;fraud-v1&quot;</td></tr>'
    )
  })
})

describe('environment values are never printed', () => {
  beforeEach(() => seedServing({ PrimaryContainer: FRAMEWORK_CONTAINER }))

  function expectNowhere(result: Awaited<ReturnType<typeof runAction>>, secrets: string[]): void {
    const printed = [result.log.join('\n'), result.summary, JSON.stringify(result.outputs), result.failed ?? '']
    for (const secret of secrets) for (const text of printed) expect(text).not.toContain(secret)
  }

  it('in a dry run, whose plan shows the CreateModel request with the keys only', async () => {
    const result = await runAction({ ...canary, 'dry-run': 'true' }, { clock })

    expect(result.failed).toBeUndefined()
    const plan = result.log.find((line) => line.startsWith('[dry-run] would call CreateModel'))
    expect(plan).toContain('"API_TOKEN":"(value not shown)"')
    expect(plan).toContain('"DATABASE_URL":"(value not shown)"')
    expectNowhere(result, [SECRET, CARRIED_SECRET])
  })

  it('in a real run, though AWS is sent the values', async () => {
    core.setSecret.mockClear()
    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    expect((createdModel().PrimaryContainer as { Environment: Record<string, string> }).Environment.API_TOKEN).toBe(
      SECRET
    )
    expectNowhere(result, [SECRET, CARRIED_SECRET])
    // The runner masks both, should anything print them.
    expect(core.setSecret).toHaveBeenCalledWith(SECRET)
    expect(core.setSecret).toHaveBeenCalledWith(CARRIED_SECRET)
  })

  it('in an error that quotes one', async () => {
    aws.sagemaker
      .on(CreateModelCommand)
      .rejects(
        awsError(
          'ValidationException',
          `1 validation error detected: Value '${SECRET}' at 'primaryContainer.environment' failed to satisfy constraint`
        )
      )

    const result = await runAction(canary, { clock })

    expect(result.failed).toContain("Value '«hidden»' at 'primaryContainer.environment'")
    expectNowhere(result, [SECRET, CARRIED_SECRET])
  })
})

describe('model data', () => {
  beforeEach(() => seedServing({ PrimaryContainer: { Image: `${IMAGE}-old` } }))

  it('under a prefix ending in / is uncompressed: ModelDataSource with S3Prefix and no compression', async () => {
    const result = await runAction({ ...canary, 'model-data-url': 's3://models/llama/v2/' }, { clock })

    expect(result.failed).toBeUndefined()
    const container = createdModel().PrimaryContainer as Record<string, unknown>
    expect(container).not.toHaveProperty('ModelDataUrl')
    expect(container.ModelDataSource).toEqual({
      S3DataSource: { S3Uri: 's3://models/llama/v2/', S3DataType: 'S3Prefix', CompressionType: 'None' }
    })
  })

  it('an archive stays a ModelDataUrl', async () => {
    await runAction({ ...canary, 'model-data-url': 's3://models/fraud/v2/model.tar.gz' }, { clock })

    expect(createdModel().PrimaryContainer).toMatchObject({ ModelDataUrl: 's3://models/fraud/v2/model.tar.gz' })
  })

  it('accept-eula: true accepts the EULA with the data, where SageMaker takes it', async () => {
    const prefix = await runAction(
      { ...canary, 'model-data-url': 's3://models/llama/v2/', 'accept-eula': 'true' },
      { clock }
    )
    expect(prefix.failed).toBeUndefined()
    expect((createdModel().PrimaryContainer as Record<string, unknown>).ModelDataSource).toEqual({
      S3DataSource: {
        S3Uri: 's3://models/llama/v2/',
        S3DataType: 'S3Prefix',
        CompressionType: 'None',
        ModelAccessConfig: { AcceptEula: true }
      }
    })
  })

  it('accept-eula with an archive sends it as a gzip object, the one form that takes the acceptance', async () => {
    await runAction(
      { ...canary, 'model-data-url': 's3://models/llama/v2/model.tar.gz', 'accept-eula': 'true' },
      { clock }
    )

    expect((createdModel().PrimaryContainer as Record<string, unknown>).ModelDataSource).toEqual({
      S3DataSource: {
        S3Uri: 's3://models/llama/v2/model.tar.gz',
        S3DataType: 'S3Object',
        CompressionType: 'Gzip',
        ModelAccessConfig: { AcceptEula: true }
      }
    })
  })

  it('accept-eula without model data is refused before any AWS call', async () => {
    const result = await runAction({ ...canary, 'accept-eula': 'true' }, { clock })

    expect(result.failed).toBe(
      'Input "accept-eula" needs input "model-data-url": SageMaker takes the acceptance with the model data it downloads.'
    )
    expect(changeCalls(aws)).toEqual([])
  })
})

describe("a serving model's EULA acceptance", () => {
  beforeEach(() =>
    seedServing({
      PrimaryContainer: {
        Image: `${IMAGE}-old`,
        ModelDataSource: {
          S3DataSource: {
            S3Uri: 's3://models/llama/v1/',
            S3DataType: 'S3Prefix',
            CompressionType: 'None',
            ModelAccessConfig: { AcceptEula: true }
          }
        }
      }
    })
  )

  it('is carried to the new data, and its data is not', async () => {
    await runAction({ ...canary, 'model-data-url': 's3://models/llama/v2/' }, { clock })

    expect((createdModel().PrimaryContainer as Record<string, unknown>).ModelDataSource).toEqual({
      S3DataSource: {
        S3Uri: 's3://models/llama/v2/',
        S3DataType: 'S3Prefix',
        CompressionType: 'None',
        ModelAccessConfig: { AcceptEula: true }
      }
    })
  })

  it('is not carried when accept-eula says false', async () => {
    await runAction({ ...canary, 'model-data-url': 's3://models/llama/v2/', 'accept-eula': 'false' }, { clock })

    expect((createdModel().PrimaryContainer as Record<string, unknown>).ModelDataSource).toEqual({
      S3DataSource: { S3Uri: 's3://models/llama/v2/', S3DataType: 'S3Prefix', CompressionType: 'None' }
    })
  })

  it('goes nowhere without new data, and the serving data is not carried', async () => {
    await runAction({ ...canary, 'model-environment': '' }, { clock })

    expect(createdModel().PrimaryContainer).toEqual({ Image: IMAGE })
  })
})
