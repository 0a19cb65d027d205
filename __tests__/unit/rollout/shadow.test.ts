/**
 * The shadow phase's plan, its way back, what pairs two captured answers,
 * and what it refuses before anything changes: plain values, no AWS.
 */
import { describe, expect, it } from '@jest/globals'
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import { canaryProgress } from '../../../__fixtures__/rollout.js'
import { endpoint } from '../../../__fixtures__/sagemaker.js'
import { parseSettings } from '../../../src/inputs.js'
import { deployMoves, rollbackMoves, rolloutStanding } from '../../../src/rollout/moves.js'
import { captureOf, refuseShadowPhase, shadowConfigMove } from '../../../src/rollout/shadow.js'
import { capturedAnswer } from '../../../src/shadow-capture.js'
import type { Serving } from '../../../src/serving.js'
import type { RolloutSettings } from '../../../src/settings.js'

const SERVING: ProductionVariant = {
  VariantName: 'AllTraffic',
  ModelName: 'fraud-v1',
  InstanceType: 'ml.m5.large',
  InitialInstanceCount: 2,
  InitialVariantWeight: 100
}
const NEW: ProductionVariant = { ...SERVING, VariantName: 'fraud-v2', ModelName: 'fraud-v2', InitialVariantWeight: 0 }
const CAPTURE = {
  DataCaptureConfig: {
    EnableCapture: true,
    InitialSamplingPercentage: 100,
    DestinationS3Uri: 's3://capture/datacapture',
    CaptureOptions: [{ CaptureMode: 'Input' as const }, { CaptureMode: 'Output' as const }]
  }
}

function deploySettings(inputs: Record<string, string>): RolloutSettings {
  const all: Record<string, string> = {
    operation: 'deploy',
    'endpoint-name': 'fraud',
    region: 'us-east-1',
    'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/fraud:2',
    strategy: 'canary',
    'traffic-steps': '10,100',
    'shadow-percent': '20',
    'max-error-rate': '1%',
    ...inputs
  }
  const settings = parseSettings((name) => all[name] ?? '')
  if (settings.operation !== 'deploy') throw new Error('expected a deploy')
  return settings.deploy.rollout
}

describe('the shadow phase in the plan', () => {
  it('copies shadow-percent by the shadow weight against a production weight of 1', () => {
    const move = shadowConfigMove({ serving: SERVING, newVariant: NEW, percent: 20, configSettings: CAPTURE })
    expect(move.serving.InitialVariantWeight).toBe(1)
    expect(move.shadow).toMatchObject({ VariantName: 'fraud-v2', InitialVariantWeight: 0.2 })
  })

  it('runs before the canary joins: shadow config, hold, join the shadow, judge it, then the canary at weight 0', () => {
    const config = shadowConfigMove({ serving: SERVING, newVariant: NEW, percent: 20, configSettings: CAPTURE })
    const moves = deployMoves({
      steps: [10, 100],
      canaryVariants: [SERVING, NEW],
      release: { ...NEW, VariantName: 'AllTraffic' },
      configSettings: CAPTURE,
      shadow: { config, judge: { kind: 'judge-shadow', percent: 20 } }
    })
    expect(moves.map((move) => move.kind)).toEqual([
      'create-canary-config',
      'create-shadow-config',
      'hold-capacity',
      'join-shadow',
      'judge-shadow',
      'join',
      'shift',
      'judge-step',
      'shift',
      'judge-step',
      'switch-to-release'
    ])
    expect(moves[3]).toEqual({ kind: 'join-shadow', fleet: 4 })
  })

  it('goes back from the shadow config without moving traffic, and deletes both configs of the rollout', () => {
    const progress = canaryProgress('judge-step', { shadowConfig: 'fraud-shadow' })
    const onShadow = endpoint('fraud', 'InService', 'fraud-shadow', [{ name: 'AllTraffic', weight: 1, count: 2 }])
    expect(rollbackMoves(rolloutStanding(progress, onShadow))).toEqual([
      { kind: 'return', config: 'fraud-v1-config', fleet: 0, scaling: [], wait: true },
      { kind: 'give-back-capacity', held: [], restoreCounts: true },
      { kind: 'delete-config', config: 'fraud-canary' },
      { kind: 'delete-config', config: 'fraud-shadow' }
    ])
  })
})

describe('captured answers', () => {
  it('pairs by InferenceId and reads JSON and base64 answers; a line without an InferenceId pairs with nothing', () => {
    const line = (metadata: Record<string, string>, output: Record<string, string>): string =>
      JSON.stringify({ captureData: { endpointOutput: output }, eventMetadata: metadata })
    expect(capturedAnswer(line({ eventId: 'e', inferenceId: 'a' }, { data: '{"score":1}', encoding: 'JSON' }))).toEqual(
      { inferenceId: 'a', captured: { answer: '{"score":1}', request: '' } }
    )
    const encoded = Buffer.from('{"score":2}').toString('base64')
    expect(capturedAnswer(line({ inferenceId: 'b' }, { data: encoded, encoding: 'BASE64' }))?.captured.answer).toBe(
      '{"score":2}'
    )
    expect(capturedAnswer(line({ eventId: 'e' }, { data: '{}', encoding: 'JSON' }))).toBeUndefined()
    expect(capturedAnswer('not json')).toBeUndefined()
  })

  it('reads where the answers are captured, and nothing where only requests are', () => {
    expect(captureOf(CAPTURE)).toEqual({ bucket: 'capture', prefix: 'datacapture' })
    expect(
      captureOf({ DataCaptureConfig: { ...CAPTURE.DataCaptureConfig, CaptureOptions: [{ CaptureMode: 'Input' }] } })
    ).toBeUndefined()
    expect(captureOf({ DataCaptureConfig: { ...CAPTURE.DataCaptureConfig, EnableCapture: false } })).toBeUndefined()
  })

  it("reads a serving config's https:// destination, and names one it cannot read", () => {
    const at = (DestinationS3Uri: string) =>
      captureOf({ DataCaptureConfig: { ...CAPTURE.DataCaptureConfig, DestinationS3Uri } })
    expect(at('https://capture.s3.us-east-1.amazonaws.com/datacapture')).toEqual({
      bucket: 'capture',
      prefix: 'datacapture'
    })
    expect(at('https://capture.s3.amazonaws.com/')).toEqual({ bucket: 'capture', prefix: '' })
    expect(at('https://s3.eu-west-1.amazonaws.com/capture/data/capture')).toEqual({
      bucket: 'capture',
      prefix: 'data/capture'
    })
    expect(() => at('https://example.com/capture')).toThrow(
      'The endpoint\'s data capture writes to "https://example.com/capture", which the action cannot read as an S3 bucket and prefix'
    )
  })
})

describe('shadow-percent refused', () => {
  it.each([
    [{ 'rollout-controller': 'sagemaker' }, 'cannot be used with rollout-controller: sagemaker'],
    [{ strategy: 'all-at-once', 'traffic-steps': '' }, 'cannot be used with strategy all-at-once'],
    [{ 'max-error-rate': '' }, 'needs something to judge the shadow by'],
    [{ 'shadow-percent': '0' }, 'must be a whole number from 1 to 100']
  ])('with %j, naming the input', (inputs, expected) => {
    expect(() => deploySettings(inputs)).toThrow('Input "shadow-percent"')
    expect(() => deploySettings(inputs)).toThrow(expected)
  })

  function serving(variants: string[], model: Partial<Serving['model']> = {}): Serving {
    return {
      endpoint: endpoint(
        'fraud',
        'InService',
        'fraud-v1-config',
        variants.map((name) => ({ name, weight: 1, count: 2 }))
      ),
      config: {},
      primary: SERVING,
      model
    } as unknown as Serving
  }

  /** What the deploy plans beside the serving endpoint: capture on, the new model on the serving instance type. */
  const PLANNED = { configSettings: CAPTURE, newVariant: NEW, newModel: { PrimaryContainer: { Image: 'new' } } }

  it('where SageMaker runs no shadow: beside two production variants, or what its shadow tests exclude', () => {
    const rollout = deploySettings({})
    expect(() => refuseShadowPhase('fraud', rollout, serving(['blue', 'green']), PLANNED)).toThrow(
      'serves 2 variants (blue, green), and SageMaker runs a shadow beside one production variant only; nothing was changed'
    )
    const multiModel = serving(['AllTraffic'], { PrimaryContainer: { Mode: 'MultiModel' } })
    expect(() => refuseShadowPhase('fraud', rollout, multiModel, PLANNED)).toThrow('a multi-model endpoint')
    // A model may name its one container in Containers rather than PrimaryContainer.
    const multiModelInContainers = serving(['AllTraffic'], { Containers: [{ Mode: 'MultiModel' }] })
    expect(() => refuseShadowPhase('fraud', rollout, multiModelInContainers, PLANNED)).toThrow('a multi-model endpoint')
    // The new model too: model-name alone deploys an existing model with whatever containers it has.
    const pipeline = {
      ...PLANNED,
      newModel: { Containers: [{ ContainerHostname: 'preprocess' }, { ContainerHostname: 'predict' }] }
    }
    expect(() => refuseShadowPhase('fraud', rollout, serving(['AllTraffic']), pipeline)).toThrow(
      "the rollout would run a model of 2 containers (preprocess, predict), which SageMaker's shadow tests exclude"
    )
    const newMultiModel = { ...PLANNED, newModel: { PrimaryContainer: { Mode: 'MultiModel' as const } } }
    expect(() => refuseShadowPhase('fraud', rollout, serving(['AllTraffic']), newMultiModel)).toThrow(
      'a multi-model endpoint'
    )
    const onInf1 = { ...PLANNED, newVariant: { ...NEW, InstanceType: 'ml.inf1.xlarge' as const } }
    expect(() => refuseShadowPhase('fraud', rollout, serving(['AllTraffic']), onInf1)).toThrow(
      "the rollout would run Inf1 instances (ml.inf1.xlarge), which SageMaker's shadow tests exclude"
    )
    // The serving endpoint is account 123456789012's (the fixture's ARN); a package of another is taken for Marketplace.
    const marketplace = {
      ...PLANNED,
      newModel: {
        PrimaryContainer: { ModelPackageName: 'arn:aws:sagemaker:us-east-1:999999999999:model-package/vendor-model/1' }
      }
    }
    expect(() => refuseShadowPhase('fraud', rollout, serving(['AllTraffic']), marketplace)).toThrow(
      'of another account, as every AWS Marketplace package is'
    )
    expect(() => refuseShadowPhase('fraud', rollout, serving(['AllTraffic']), PLANNED)).not.toThrow()
  })

  it('max-disagreement where data capture holds no answers, saying what to set', () => {
    const rollout = deploySettings({ 'probe-payload': '{}', 'max-disagreement': '10%' })
    const uncaptured = { ...PLANNED, configSettings: {} }
    expect(() => refuseShadowPhase('fraud', rollout, serving(['AllTraffic']), uncaptured)).toThrow(
      'Set data-capture-s3-uri'
    )
  })
})
