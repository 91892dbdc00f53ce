/**
 * Verifiable double-random draw (双随机): public API. Pure and isomorphic (browser and Node).
 * Specification: docs/draw-algorithm.md.
 */
export { compareStrings } from './bytes.ts'
export {
  checkFeasibility,
  type DrawError,
  type DrawErrorCode,
  type DrawOutcome,
  type DrawResult,
  type DrawTarget,
  draw,
  LABELS,
  runDraw,
  type StratumSummary,
} from './draw.ts'
export { type HashOptions, nobleSha256, type Sha256, type Sha256Factory } from './hash.ts'
export {
  ALGORITHM_VERSION,
  type CanonicalInputs,
  type ConflictPair,
  canonicalBytes,
  canonicalJson,
  commitCanonical,
  commitCanonicalBytes,
  commitInputs,
  type DrawEntity,
  DrawInputError,
  type DrawInputs,
  DrawInputsSchema,
  INPUTS_LABEL,
  type InspectionItem,
  type Inspector,
  normaliseInputs,
  type StratumRule,
  stratumKey,
  type Tie,
  writeCanonical,
} from './inputs.ts'
export { DrawStream, reduce64, type SampleOutcome, sample, sampleIndices, streamBlock } from './prng.ts'
export {
  type CreateRecordOutcome,
  createDrawRecord,
  type Difference,
  type DrawRecord,
  type DrawRecordLog,
  DrawRecordSchema,
  RECORD_FORMAT,
  type VerifyOutcome,
  verifyDrawRecord,
} from './record.ts'
export {
  type CanonicalRandomness,
  checkRandomness,
  deriveSeed,
  observerCommitment,
  type RandomnessSources,
  RandomnessSourcesSchema,
  SEED_LABEL,
  type SeedError,
  seedBytes,
} from './seed.ts'
