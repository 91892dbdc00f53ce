/**
 * Draw inputs (the committed inspection plan): types, Zod schemas, normalisation to the canonical
 * form, the canonical byte encoding and the input commitment. See docs/draw-algorithm.md §2–§3.
 */
import { z } from 'zod'
import { compareStrings, toHex, utf8 } from './bytes.ts'
import { type HashOptions, nobleSha256 } from './hash.ts'

/** The algorithm version implemented by this library. Part of the committed inputs. */
export const ALGORITHM_VERSION = 'zhibao-draw/1'

/** Domain-separation label of the input commitment. */
export const INPUTS_LABEL = 'zhibao-draw/v1/inputs'

/** 统一社会信用代码 format (GB 32100-2015 alphabet; the check digit is not verified here). */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/

const nfcText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s), 'control characters are not allowed')
    .transform((s) => s.normalize('NFC'))

const attrValue = nfcText(200).refine((s) => !s.includes('|'), "'|' is reserved as the stratum separator")
const hex32 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'expected 32 bytes of hex')
  .transform((s) => s.toLowerCase())

/** Decimal ratio in [0, 1] with up to 9 decimals, e.g. "0.05". */
const ratioString = z
  .string()
  .regex(/^(?:0(?:\.\d{1,9})?|1(?:\.0{1,9})?)$/, 'ratio must be a decimal in [0, 1]')

export const EntitySchema = z.strictObject({
  /** 统一社会信用代码. */
  id: z.string().regex(USCC_PATTERN, 'id must be an 18-character USCC'),
  /** Stratification attributes, e.g. { district: '310101', category: 'A', credit: 'B' }. */
  attributes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), attrValue),
  /** Exclusion reason code (already inspected this year, deregistered …); excluded entities are never drawn. */
  excluded: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/)
    .nullish(),
})

export const StratumRuleSchema = z
  .strictObject({
    /** Stratum key: the entity's `stratifyBy` attribute values joined with '|'. */
    stratum: z.string().transform((s) => s.normalize('NFC')),
    /** Sampling ratio of the eligible pool, rounded with the plan's rounding rule. */
    ratio: ratioString.nullish(),
    /** Absolute number of targets. */
    count: z.number().int().min(0).max(10_000_000).nullish(),
    /** Inspection items checked on targets of this stratum; absent = every item of the plan. */
    items: z.array(nfcText(64)).nullish(),
  })
  .refine((r) => (r.ratio == null) !== (r.count == null), 'exactly one of ratio and count')

/** Roster entry. Unknown fields (phone, ID number …) are stripped: only these five are committed and published. */
export const InspectorSchema = z.object({
  /** Badge number (执法证号). */
  badge: nfcText(64),
  name: nfcText(100),
  agency: nfcText(200),
  qualifications: z.array(nfcText(64)),
  /** Maximum number of targets this inspector may be assigned in this draw. */
  capacity: z.number().int().min(0).max(1_000_000),
})

export const ConflictSchema = z.strictObject({
  inspector: nfcText(64),
  entity: z.string().regex(USCC_PATTERN),
})
export const TieSchema = z.strictObject({
  inspector: nfcText(64),
  entity: z.string().regex(USCC_PATTERN),
  /** Kind of tie, a code such as 'previousInspector' or 'formerEmployer'. */
  kind: z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/),
})

export const ItemSchema = z.strictObject({ id: nfcText(64), requiredQualifications: z.array(nfcText(64)) })

export const ObserverCommitmentSchema = z.strictObject({
  name: nfcText(100),
  /** Hex SHA-256 of the observer's secret value bytes, published before the draw. */
  commitment: hex32,
})

export const DrawInputsSchema = z.strictObject({
  algorithmVersion: z.string().min(1).max(100),
  /** Identifier of the inspection plan (抽查计划); one draw per plan. */
  planId: nfcText(200),
  /** Attribute names whose values form the stratum key, in order. */
  stratifyBy: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)).min(1),
  rounding: z.enum(['ceil', 'floor', 'halfUp']),
  strata: z.array(StratumRuleSchema),
  entities: z.array(EntitySchema),
  inspectors: z.array(InspectorSchema),
  conflicts: z.array(ConflictSchema),
  ties: z.array(TieSchema),
  requirements: z.strictObject({
    inspectorsPerTarget: z.number().int().min(2).max(100),
    items: z.array(ItemSchema),
  }),
  randomness: z.strictObject({
    /** drand quicknet round announced before the draw, or null when only observers are used. */
    drandRound: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
    observers: z.array(ObserverCommitmentSchema),
  }),
})

const PlanSchema = DrawInputsSchema.extend({ entities: z.array(z.unknown()).max(0) })

const ATTR_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
const CODE = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/
const CONTROL = /\p{Cc}/u

/**
 * Validates and normalises entities exactly as EntitySchema would, but fast: no closure or copy per
 * entity, and each distinct attribute value (districts, credit levels … repeat across a million
 * entities) is checked and NFC-normalised once.
 */
function fastEntities(raw: unknown[], issues: string[]): CanonicalInputs['entities'] {
  const out = new Array<CanonicalInputs['entities'][number]>(raw.length)
  let lastKeys: string[] = []
  const values = new Map<string, string | null>()
  for (let i = 0; i < raw.length; i++) {
    const e = raw[i] as Record<string, unknown> | null
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      issues.push(`entities.${i}: not an object`)
      break
    }
    let fields = 0
    for (const k in e) {
      fields++
      if (k !== 'id' && k !== 'attributes' && k !== 'excluded')
        issues.push(`entities.${i}: unknown field ${k}`)
    }
    const id = e.id
    if (typeof id !== 'string' || !USCC_PATTERN.test(id))
      issues.push(`entities.${i}: id must be an 18-character USCC`)
    const ex = e.excluded ?? null
    if (ex !== null && (typeof ex !== 'string' || !CODE.test(ex)))
      issues.push(`entities.${i}: excluded must be a reason code`)
    const a = e.attributes as Record<string, unknown> | null
    if (typeof a !== 'object' || a === null || Array.isArray(a)) {
      issues.push(`entities.${i}: attributes must be an object`)
      break
    }
    // Same attribute names in the same order as the previous entity (the common case)?
    let n = 0
    let same = true
    for (const k in a) {
      if (lastKeys[n] !== k) {
        same = false
        break
      }
      n++
    }
    if (!same || n !== lastKeys.length) {
      lastKeys = Object.keys(a)
      for (const k of lastKeys) if (!ATTR_NAME.test(k)) issues.push(`entities.${i}: bad attribute name ${k}`)
    }
    let attrs = a as Record<string, string>
    for (let j = 0; j < lastKeys.length; j++) {
      const k = lastKeys[j]!
      const v = a[k]
      let nv = typeof v === 'string' ? values.get(v) : null
      if (nv === undefined) {
        const s = v as string
        nv =
          s.length === 0 || s.length > 200 || CONTROL.test(s) || s.includes('|') ? null : s.normalize('NFC')
        values.set(s, nv)
      }
      if (nv === null)
        issues.push(
          `entities.${i}: attribute ${k} must be 1–200 characters without '|' or control characters`,
        )
      else if (nv !== v) {
        if (attrs === a) attrs = { ...(a as Record<string, string>) }
        attrs[k] = nv
      }
    }
    if (issues.length > 0) break
    // An entity already in canonical shape is kept as is (no copy of a million objects).
    out[i] =
      attrs === a && fields === 3 && e.excluded !== undefined
        ? (e as CanonicalInputs['entities'][number])
        : { id: id as string, attributes: attrs, excluded: ex as string | null }
  }
  return out
}

/** Draw inputs as a caller supplies them (any order; optional fields may be omitted). */
export type DrawInputs = z.input<typeof DrawInputsSchema>
export type DrawEntity = z.input<typeof EntitySchema>
export type StratumRule = z.input<typeof StratumRuleSchema>
export type Inspector = z.input<typeof InspectorSchema>
export type ConflictPair = z.input<typeof ConflictSchema>
export type Tie = z.input<typeof TieSchema>
export type InspectionItem = z.input<typeof ItemSchema>

/** Canonical (normalised) inputs: every field present, every list sorted and de-duplicated. */
export interface CanonicalInputs {
  algorithmVersion: string
  planId: string
  stratifyBy: string[]
  rounding: 'ceil' | 'floor' | 'halfUp'
  strata: { stratum: string; ratio: string | null; count: number | null; items: string[] }[]
  entities: { id: string; attributes: Record<string, string>; excluded: string | null }[]
  inspectors: { badge: string; name: string; agency: string; qualifications: string[]; capacity: number }[]
  conflicts: { inspector: string; entity: string }[]
  ties: { inspector: string; entity: string; kind: string }[]
  requirements: { inspectorsPerTarget: number; items: { id: string; requiredQualifications: string[] }[] }
  randomness: { drandRound: number | null; observers: { name: string; commitment: string }[] }
}

/** Thrown when inputs are malformed or inconsistent (unknown references, duplicates …). */
export class DrawInputError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message)
    this.name = 'DrawInputError'
  }
}

const asciiCmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sortedUnique(xs: string[]): string[] {
  return [...new Set(xs)].sort(compareStrings)
}

/** Canonical decimal: "0.050" → "0.05", "1.00" → "1", "0.0" → "0". */
function canonicalRatio(r: string): string {
  if (!r.includes('.')) return r
  const t = r.replace(/0+$/, '').replace(/\.$/, '')
  return t
}

/** The stratum key of an entity: its `stratifyBy` attribute values joined with '|'. */
export function stratumKey(attributes: Record<string, string>, stratifyBy: string[]): string {
  return stratifyBy.map((d) => attributes[d]).join('|')
}

/**
 * Validates inputs and returns their canonical form (docs §2). Throws {@link DrawInputError} on
 * malformed or inconsistent inputs.
 */
export function normaliseInputs(inputs: DrawInputs): CanonicalInputs {
  // Entities (up to millions) are validated by a hand-written loop equivalent to EntitySchema;
  // everything else goes through Zod.
  if (canonicalOutputs.has(inputs)) return inputs as unknown as CanonicalInputs
  const raw = inputs as { entities?: unknown } | null
  const rawEntities = typeof raw === 'object' && raw !== null ? raw.entities : undefined
  // Zod sees the plan without its (up to millions of) entities, which fastEntities checks.
  const parsed = PlanSchema.safeParse(
    Array.isArray(rawEntities) ? { ...(inputs as object), entities: [] } : inputs,
  )
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new DrawInputError(`invalid draw inputs: ${issues[0]}`, issues)
  }
  const p = parsed.data
  const issues: string[] = []

  const entities = fastEntities(rawEntities as unknown[], issues)
  if (issues.length > 0) throw new DrawInputError(`invalid draw inputs: ${issues[0]}`, issues)
  let inOrder = true
  for (let i = 1; i < entities.length && inOrder; i++) inOrder = entities[i - 1]!.id <= entities[i]!.id
  if (!inOrder) entities.sort((a, b) => asciiCmp(a.id, b.id))
  const dims = p.stratifyBy
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i]!
    if (i > 0 && entities[i - 1]!.id === e.id) issues.push(`duplicate entity ${e.id}`)
    const at = e.attributes
    for (let j = 0; j < dims.length; j++)
      if (at[dims[j]!] === undefined) issues.push(`entity ${e.id} lacks attribute ${dims[j]}`)
    if (issues.length > 20) break
  }

  const entityIds = {
    has(id: string): boolean {
      let lo = 0
      let hi = entities.length - 1
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1
        const m = entities[mid]!.id
        if (m === id) return true
        if (m < id) lo = mid + 1
        else hi = mid - 1
      }
      return false
    },
  }

  const items = p.requirements.items
    .map((it) => ({ id: it.id, requiredQualifications: sortedUnique(it.requiredQualifications) }))
    .sort((a, b) => compareStrings(a.id, b.id))
  const itemIds = items.map((i) => i.id)
  for (let i = 1; i < items.length; i++)
    if (items[i - 1]!.id === items[i]!.id) issues.push(`duplicate item ${items[i]!.id}`)

  const strata = p.strata
    .map((r) => ({
      stratum: r.stratum,
      ratio: r.ratio == null ? null : canonicalRatio(r.ratio),
      count: r.count ?? null,
      items: r.items == null ? [...itemIds] : sortedUnique(r.items),
    }))
    .sort((a, b) => compareStrings(a.stratum, b.stratum))
  for (let i = 1; i < strata.length; i++)
    if (strata[i - 1]!.stratum === strata[i]!.stratum)
      issues.push(`duplicate stratum rule ${strata[i]!.stratum}`)
  const itemSet = new Set(itemIds)
  for (const r of strata)
    for (const it of r.items) if (!itemSet.has(it)) issues.push(`stratum ${r.stratum}: unknown item ${it}`)

  const inspectors = p.inspectors
    .map((r) => ({
      badge: r.badge,
      name: r.name,
      agency: r.agency,
      qualifications: sortedUnique(r.qualifications),
      capacity: r.capacity,
    }))
    .sort((a, b) => compareStrings(a.badge, b.badge))
  const badges = new Set<string>()
  for (const r of inspectors) {
    if (badges.has(r.badge)) issues.push(`duplicate inspector ${r.badge}`)
    badges.add(r.badge)
  }

  const pairKey = (x: { inspector: string; entity: string }) => `${x.inspector}\u0000${x.entity}`
  const conflictMap = new Map<string, { inspector: string; entity: string }>()
  for (const c of p.conflicts) conflictMap.set(pairKey(c), { inspector: c.inspector, entity: c.entity })
  const conflicts = [...conflictMap.values()].sort(
    (a, b) => compareStrings(a.inspector, b.inspector) || asciiCmp(a.entity, b.entity),
  )
  const tieMap = new Map<string, { inspector: string; entity: string; kind: string }>()
  for (const t of p.ties)
    tieMap.set(`${pairKey(t)}\u0000${t.kind}`, { inspector: t.inspector, entity: t.entity, kind: t.kind })
  const ties = [...tieMap.values()].sort(
    (a, b) =>
      compareStrings(a.inspector, b.inspector) ||
      asciiCmp(a.entity, b.entity) ||
      compareStrings(a.kind, b.kind),
  )
  for (const x of [...conflicts, ...ties]) {
    if (!badges.has(x.inspector)) issues.push(`conflict/tie names unknown inspector ${x.inspector}`)
    if (!entityIds.has(x.entity)) issues.push(`conflict/tie names unknown entity ${x.entity}`)
    if (issues.length > 20) break
  }

  const observers = p.randomness.observers
    .map((o) => ({ name: o.name, commitment: o.commitment }))
    .sort((a, b) => compareStrings(a.name, b.name))
  for (let i = 1; i < observers.length; i++) {
    if (observers[i - 1]!.name === observers[i]!.name) issues.push(`duplicate observer ${observers[i]!.name}`)
  }
  if (new Set(observers.map((o) => o.commitment)).size !== observers.length)
    issues.push('duplicate observer commitment')
  if (p.randomness.drandRound === null && observers.length === 0)
    issues.push('randomness: announce a drand round or at least one observer')

  if (issues.length > 0) throw new DrawInputError(`inconsistent draw inputs: ${issues[0]}`, issues)
  const canonical: CanonicalInputs = {
    algorithmVersion: p.algorithmVersion,
    planId: p.planId,
    stratifyBy: p.stratifyBy,
    rounding: p.rounding,
    strata,
    entities,
    inspectors,
    conflicts,
    ties,
    requirements: { inspectorsPerTarget: p.requirements.inspectorsPerTarget, items },
    randomness: { drandRound: p.randomness.drandRound, observers },
  }
  canonicalOutputs.add(canonical)
  return canonical
}

/**
 * Objects returned by {@link normaliseInputs}: passing one back (to commit, check feasibility or
 * draw) does not validate and sort a million entities again. Callers must not mutate them.
 */
const canonicalOutputs = new WeakSet<object>()

const encoder = new TextEncoder()
const CHUNK = 1 << 16

/**
 * Writes RFC 8785 bytes into a reused 64 KiB buffer and hands each full chunk to `sink`, which must
 * consume it synchronously (a hash update, or a copy). Printable ASCII strings, the common case, are
 * written byte by byte; anything else is escaped by JSON.stringify and encoded as UTF-8.
 */
class JcsWriter {
  private readonly buf = new Uint8Array(CHUNK)
  private pos = 0
  constructor(private readonly sink: (chunk: Uint8Array) => void) {}

  flush(): void {
    if (this.pos > 0) this.sink(this.buf.subarray(0, this.pos))
    this.pos = 0
  }

  /** ASCII text (punctuation, digits, known keys), byte by byte. */
  raw(s: string): void {
    const n = s.length
    if (n > CHUNK - this.pos) this.flush()
    const b = this.buf
    let p = this.pos
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i)
    this.pos = p
  }

  /** UTF-8 of arbitrary (already escaped) text. */
  text(s: string): void {
    if (s.length * 3 > CHUNK - this.pos) {
      this.flush()
      if (s.length * 3 > CHUNK) {
        this.sink(encoder.encode(s))
        return
      }
    }
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written
  }

  /** A JSON string literal, escaped exactly as JSON.stringify escapes it. */
  str(s: string): void {
    const n = s.length
    if (n + 2 <= CHUNK) {
      if (n + 2 > CHUNK - this.pos) this.flush()
      const b = this.buf
      let p = this.pos
      b[p++] = 34
      let i = 0
      for (; i < n; i++) {
        const c = s.charCodeAt(i)
        if (c < 0x20 || c > 0x7e || c === 34 || c === 92) break
        b[p++] = c
      }
      if (i === n) {
        b[p++] = 34
        this.pos = p
        return
      }
    }
    this.text(JSON.stringify(s))
  }
}

/**
 * RFC 8785 (JCS) serialisation for the values that occur in canonical inputs: objects (keys sorted
 * by code point; all keys here are ASCII), arrays, strings, safe integers and null. The top-level
 * `entities` list (up to millions) takes a specialised path that writes the same bytes.
 */
function writeJcs(v: unknown, w: JcsWriter, top: boolean): void {
  if (v === null) {
    w.raw('null')
    return
  }
  if (typeof v === 'string') {
    w.str(v)
    return
  }
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new TypeError(`non-integer number in canonical inputs: ${v}`)
    w.raw(String(v))
    return
  }
  if (Array.isArray(v)) {
    w.raw('[')
    for (let i = 0; i < v.length; i++) {
      if (i > 0) w.raw(',')
      writeJcs(v[i], w, false)
    }
    w.raw(']')
    return
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(compareStrings)
    w.raw('{')
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) w.raw(',')
      const k = keys[i]!
      w.str(k)
      w.raw(':')
      if (top && k === 'entities' && Array.isArray(o[k]))
        writeEntities(o[k] as CanonicalInputs['entities'], w, canonicalOutputs.has(o))
      else writeJcs(o[k], w, false)
    }
    w.raw('}')
    return
  }
  throw new TypeError(`unsupported value in canonical inputs: ${typeof v}`)
}

/** JCS of the entity list, specialised for canonical entities; any other element goes the generic way. */
function writeEntities(es: CanonicalInputs['entities'], w: JcsWriter, canonical: boolean): void {
  let keys: string[] = []
  let sorted: string[] = []
  w.raw('[')
  for (let i = 0; i < es.length; i++) {
    if (i > 0) w.raw(',')
    const e = es[i]!
    const a = e.attributes as Record<string, unknown>
    // Entities of normaliseInputs' output are known to be {id, attributes, excluded} with strings.
    let fields = 3
    if (!canonical) {
      fields = 0
      for (const _ in e) fields++
    }
    if (
      fields !== 3 ||
      typeof e.id !== 'string' ||
      (e.excluded !== null && typeof e.excluded !== 'string') ||
      typeof a !== 'object' ||
      a === null
    ) {
      writeJcs(e, w, false)
      continue
    }
    // Same attribute names in the same order as the previous entity (the common case)?
    let n = 0
    let same = true
    for (const k in a) {
      if (keys[n] !== k) {
        same = false
        break
      }
      n++
    }
    if (!same || n !== keys.length) {
      keys = Object.keys(a)
      sorted = [...keys].sort(compareStrings)
    }
    w.raw('{"attributes":{')
    for (let j = 0; j < sorted.length; j++) {
      if (j > 0) w.raw(',')
      const k = sorted[j]!
      w.str(k)
      w.raw(':')
      const v = a[k]
      if (typeof v === 'string') w.str(v)
      else writeJcs(v, w, false)
    }
    w.raw('},"excluded":')
    if (e.excluded === null) w.raw('null')
    else w.str(e.excluded)
    w.raw(',"id":')
    w.str(e.id)
    w.raw('}')
  }
  w.raw(']')
}

/** Streams the canonical bytes (RFC 8785, UTF-8) of a value to `sink`, chunk by chunk. */
export function writeCanonical(value: unknown, sink: (chunk: Uint8Array) => void): void {
  const w = new JcsWriter(sink)
  writeJcs(value, w, true)
  w.flush()
}

/** The canonical JSON bytes (RFC 8785, UTF-8) of a value. */
export function canonicalBytes(v: unknown): Uint8Array {
  const chunks: Uint8Array[] = []
  let n = 0
  writeCanonical(v, (c) => {
    chunks.push(c.slice())
    n += c.length
  })
  const out = new Uint8Array(n)
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return out
}

/** The canonical JSON text (RFC 8785) of a value built from objects, arrays, strings, integers and null. */
export function canonicalJson(v: unknown): string {
  return new TextDecoder().decode(canonicalBytes(v))
}

/** SHA-256(utf8(label) ‖ 0x00 ‖ utf8(JCS(value))), the JCS bytes streamed into the hash. */
export function hashCanonical(label: string, value: unknown, options: HashOptions = {}): Uint8Array {
  const h = (options.sha256 ?? nobleSha256)()
  h.update(utf8(label))
  h.update(new Uint8Array([0]))
  writeCanonical(value, (chunk) => h.update(chunk))
  return h.digest()
}

/**
 * Input commitment: hex SHA-256(utf8("zhibao-draw/v1/inputs") ‖ 0x00 ‖ JCS(canonical inputs)).
 * Accepts raw inputs (normalised first) or already canonical inputs. Any change to a committed
 * field changes the commitment; permutations of unordered lists and duplicate conflict pairs do not.
 */
export function commitInputs(inputs: DrawInputs | CanonicalInputs, options: HashOptions = {}): string {
  return commitCanonical(normaliseInputs(inputs as DrawInputs), options)
}

/** The commitment of canonical bytes already encoded by {@link canonicalBytes} (encode once, hash and store). */
export function commitCanonicalBytes(bytes: Uint8Array, options: HashOptions = {}): string {
  const h = (options.sha256 ?? nobleSha256)()
  h.update(utf8(INPUTS_LABEL))
  h.update(new Uint8Array([0]))
  h.update(bytes)
  return toHex(h.digest())
}

/** The commitment of inputs that are already canonical (the output of {@link normaliseInputs}). */
export function commitCanonical(c: CanonicalInputs, options: HashOptions = {}): string {
  return toHex(hashCanonical(INPUTS_LABEL, c, options))
}
