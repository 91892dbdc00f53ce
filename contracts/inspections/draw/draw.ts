/**
 * The constrained double-random draw (trust.md C.5): stratified target selection, then assignment
 * of k ≥ 2 distinct inspectors per target respecting recusal, qualifications and capacity.
 * See docs/draw-algorithm.md §5–§7 for the normative description.
 */
import { compareStrings as compareKeys, fromHex } from './bytes.ts'
import { type CanonicalInputs, type DrawInputs, normaliseInputs } from './inputs.ts'
import { sampleIndices } from './prng.ts'

/** One drawn target with its assigned inspectors (badge numbers, in pick order). */
export interface DrawTarget {
  entity: string
  stratum: string
  inspectors: string[]
}

/** Per-stratum summary of a draw. */
export interface StratumSummary {
  stratum: string
  /** Entities of the stratum in the inputs, including excluded ones. */
  population: number
  excluded: number
  eligible: number
  ratio: string | null
  count: number | null
  /** Targets required by the rule after rounding (0 when the stratum has no rule). */
  required: number
  drawn: number
}

/** The result of a successful draw. */
export interface DrawResult {
  /** Targets in draw order: strata in canonical order, within a stratum in sampling order. */
  targets: DrawTarget[]
  strata: StratumSummary[]
  stats: {
    /** 64-bit values rejected by the unbiased sampler across all streams. */
    rejections: number
    /** Augmenting-path repairs performed by the assignment fallback. */
    repairs: number
  }
}

export type DrawErrorCode =
  | 'emptyPopulation'
  | 'stratumTooSmall'
  | 'insufficientInspectors'
  | 'insufficientCapacity'
  | 'targetUnassignable'

/** A structured, explainable reason why a draw cannot be made. No partial result accompanies it. */
export interface DrawError {
  code: DrawErrorCode
  details: Record<string, unknown>
}

export type DrawOutcome = { ok: true; result: DrawResult } | { ok: false; error: DrawError }

/** Labels of the PRNG streams (docs §5). */
export const LABELS = {
  entities: (stratum: string) => `entities/${stratum}`,
  targetOrder: 'target-order',
  inspectors: (entityId: string) => `inspectors/${entityId}`,
} as const

interface StratumPlan {
  stratum: string
  /** Indices (into inputs.entities, ascending = USCC order) of eligible entities. */
  pool: number[]
  population: number
  excluded: number
  ratio: string | null
  count: number | null
  required: number
  /** Union of the required qualifications of the stratum's items, sorted. */
  qualifications: string[]
}

function roundRatio(ratio: string, n: number, rounding: CanonicalInputs['rounding']): number {
  const [ip = '0', fp = ''] = ratio.split('.')
  const den = 10n ** BigInt(fp.length)
  const num = BigInt(ip + fp)
  const x = num * BigInt(n)
  if (rounding === 'floor') return Number(x / den)
  if (rounding === 'ceil') return Number((x + den - 1n) / den)
  return Number((2n * x + den) / (2n * den)) // halfUp
}

function planStrata(c: CanonicalInputs): StratumPlan[] {
  const rules = new Map(c.strata.map((r) => [r.stratum, r]))
  const itemQuals = new Map(c.requirements.items.map((i) => [i.id, i.requiredQualifications]))
  const byStratum = new Map<string, { pool: number[]; population: number; excluded: number }>()
  const dims = c.stratifyBy
  for (let i = 0; i < c.entities.length; i++) {
    const e = c.entities[i]!
    // stratumKey(e.attributes, dims), without an array per entity.
    let key = e.attributes[dims[0]!]!
    for (let j = 1; j < dims.length; j++) key += `|${e.attributes[dims[j]!]}`
    let s = byStratum.get(key)
    if (!s) {
      s = { pool: [], population: 0, excluded: 0 }
      byStratum.set(key, s)
    }
    s.population++
    if (e.excluded === null) s.pool.push(i)
    else s.excluded++
  }
  const keys = new Set<string>([...byStratum.keys(), ...rules.keys()])
  const out: StratumPlan[] = []
  for (const stratum of [...keys].sort(compareKeys)) {
    const s = byStratum.get(stratum) ?? { pool: [], population: 0, excluded: 0 }
    const r = rules.get(stratum)
    const required = !r ? 0 : r.count !== null ? r.count : roundRatio(r.ratio!, s.pool.length, c.rounding)
    const quals = new Set<string>()
    for (const it of r?.items ?? []) for (const q of itemQuals.get(it) ?? []) quals.add(q)
    out.push({
      stratum,
      pool: s.pool,
      population: s.population,
      excluded: s.excluded,
      ratio: r?.ratio ?? null,
      count: r?.count ?? null,
      required,
      qualifications: [...quals].sort(compareKeys),
    })
  }
  return out
}

interface Prepared {
  c: CanonicalInputs
  strata: StratumPlan[]
  k: number
  cap: Int32Array
  /** qualified[mask] = per-inspector 0/1 for a qualification set key. */
  qualified: Map<string, Uint8Array>
  qualifiedCount: Map<string, number>
}

function prepare(c: CanonicalInputs): Prepared {
  const strata = planStrata(c)
  const R = c.inspectors.length
  const cap = new Int32Array(R)
  for (let r = 0; r < R; r++) cap[r] = c.inspectors[r]!.capacity
  const qualified = new Map<string, Uint8Array>()
  const qualifiedCount = new Map<string, number>()
  for (const s of strata) {
    const key = JSON.stringify(s.qualifications)
    if (qualified.has(key)) continue
    const q = new Uint8Array(R)
    let n = 0
    for (let r = 0; r < R; r++) {
      const has = c.inspectors[r]!.qualifications
      if (cap[r]! > 0 && s.qualifications.every((x) => has.includes(x))) {
        q[r] = 1
        n++
      }
    }
    qualified.set(key, q)
    qualifiedCount.set(key, n)
  }
  return { c, strata, k: c.requirements.inspectorsPerTarget, cap, qualified, qualifiedCount }
}

function precheck(p: Prepared): DrawError | null {
  const { c, strata, k, cap } = p
  const eligibleTotal = strata.reduce((a, s) => a + s.pool.length, 0)
  if (eligibleTotal === 0) {
    return {
      code: 'emptyPopulation',
      details: { entities: c.entities.length, excluded: c.entities.length - eligibleTotal },
    }
  }
  const small = strata
    .filter((s) => s.required > s.pool.length)
    .map((s) => ({ stratum: s.stratum, required: s.required, eligible: s.pool.length, excluded: s.excluded }))
  if (small.length > 0) return { code: 'stratumTooSmall', details: { ...small[0], strata: small } }
  const totalTargets = strata.reduce((a, s) => a + s.required, 0)
  if (totalTargets === 0) return null
  let roster = 0
  let totalCap = 0
  for (let r = 0; r < cap.length; r++) {
    if (cap[r]! > 0) roster++
    totalCap += cap[r]!
  }
  if (roster < k) {
    return {
      code: 'insufficientInspectors',
      details: { inspectorsWithCapacity: roster, roster: cap.length, inspectorsPerTarget: k },
    }
  }
  for (const s of strata) {
    if (s.required === 0) continue
    const n = p.qualifiedCount.get(JSON.stringify(s.qualifications))!
    if (n < k) {
      return {
        code: 'insufficientInspectors',
        details: {
          stratum: s.stratum,
          qualified: n,
          inspectorsPerTarget: k,
          requiredQualifications: s.qualifications,
        },
      }
    }
  }
  if (totalCap < k * totalTargets) {
    return {
      code: 'insufficientCapacity',
      details: {
        totalCapacity: totalCap,
        needed: k * totalTargets,
        targets: totalTargets,
        inspectorsPerTarget: k,
      },
    }
  }
  for (const s of strata) {
    if (s.required === 0) continue
    const q = p.qualified.get(JSON.stringify(s.qualifications))!
    let sum = 0
    for (let r = 0; r < q.length; r++) if (q[r]) sum += cap[r]!
    if (sum < k * s.required) {
      return {
        code: 'insufficientCapacity',
        details: {
          stratum: s.stratum,
          qualifiedCapacity: sum,
          needed: k * s.required,
          requiredQualifications: s.qualifications,
        },
      }
    }
  }
  return null
}

/**
 * Checks the seed-independent feasibility rules (docs §7.1): non-empty population, every stratum
 * large enough, enough (qualified) inspectors and enough capacity. Can be run when the plan is
 * committed, before the randomness is known. Returns null when these checks pass.
 */
export function checkFeasibility(inputs: DrawInputs | CanonicalInputs): DrawError | null {
  return precheck(prepare(normaliseInputs(inputs as DrawInputs)))
}

/**
 * Runs the draw on canonical inputs with a 32-byte seed. Deterministic: the same inputs and seed
 * always give the same result. Fails with a {@link DrawError} and no partial result when infeasible.
 */
export function runDraw(c: CanonicalInputs, seed: Uint8Array): DrawOutcome {
  const p = prepare(c)
  const pre = precheck(p)
  if (pre) return { ok: false, error: pre }
  const { strata, k, cap } = p
  let rejections = 0

  // 1. Stratified target selection.
  const tEntity: number[] = []
  const tStratum: number[] = []
  for (let si = 0; si < strata.length; si++) {
    const s = strata[si]!
    if (s.required === 0) continue
    const o = sampleIndices(seed, LABELS.entities(s.stratum), s.pool.length, s.required)
    rejections += o.rejections
    for (const i of o.indices) {
      tEntity.push(s.pool[i]!)
      tStratum.push(si)
    }
  }
  const T = tEntity.length
  const R = c.inspectors.length

  // Recusal lists (conflicts ∪ ties) for drawn targets, as inspector indices.
  const badgeIndex = new Map<string, number>()
  for (let r = 0; r < R; r++) badgeIndex.set(c.inspectors[r]!.badge, r)
  const targetOf = new Map<string, number>()
  for (let t = 0; t < T; t++) targetOf.set(c.entities[tEntity[t]!]!.id, t)
  const recused: number[][] = Array.from({ length: T }, () => [])
  const addRecusal = (x: { inspector: string; entity: string }) => {
    const t = targetOf.get(x.entity)
    if (t !== undefined) recused[t]!.push(badgeIndex.get(x.inspector)!)
  }
  for (const x of c.conflicts) addRecusal(x)
  for (const x of c.ties) addRecusal(x)

  const qualOf = (t: number) => p.qualified.get(JSON.stringify(strata[tStratum[t]!]!.qualifications))!
  const quals: Uint8Array[] = new Array(T)
  const eligibleCount = new Int32Array(T)
  const stamp = new Int32Array(R)
  for (let t = 0; t < T; t++) {
    const q = qualOf(t)
    quals[t] = q
    let n = p.qualifiedCount.get(JSON.stringify(strata[tStratum[t]!]!.qualifications))!
    for (const r of recused[t]!) {
      if (stamp[r] !== t + 1) {
        stamp[r] = t + 1
        if (q[r]) n--
      }
    }
    eligibleCount[t] = n
  }
  for (let t = 0; t < T; t++) {
    if (eligibleCount[t]! < k) {
      const s = strata[tStratum[t]!]!
      return {
        ok: false,
        error: {
          code: 'targetUnassignable',
          details: {
            entity: c.entities[tEntity[t]!]!.id,
            stratum: s.stratum,
            eligibleInspectors: eligibleCount[t],
            inspectorsPerTarget: k,
            recusals: new Set(recused[t]).size,
            requiredQualifications: s.qualifications,
          },
        },
      }
    }
  }

  // 2. Processing order: random permutation, then stable sort by eligible count (most constrained first).
  const perm = sampleIndices(seed, LABELS.targetOrder, T, T)
  rejections += perm.rejections
  const order = perm.indices.slice().sort((a, b) => eligibleCount[a]! - eligibleCount[b]!)

  // 3. Seeded greedy assignment with augmenting-path repair.
  const load = new Int32Array(R)
  const assigned: number[][] = Array.from({ length: T }, () => [])
  const holders: number[][] = Array.from({ length: R }, () => [])
  // Per qualification set: the sorted list of qualified inspectors with capacity left. Candidates of
  // a target are this list minus its recused inspectors, addressed without copying (same result as
  // scanning the roster, docs §6.3, but O(recusals · log R) per target instead of O(R)).
  const availLists = new Map<Uint8Array, { a: Int32Array; n: number }>()
  for (const q of new Set(quals)) {
    const a = new Int32Array(R)
    let n = 0
    for (let r = 0; r < R; r++) if (q[r] && cap[r]! > 0) a[n++] = r
    availLists.set(q, { a, n })
  }
  const lists = [...availLists.values()]
  const find = (a: Int32Array, n: number, r: number): number => {
    let lo = 0
    let hi = n - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = a[mid]!
      if (v === r) return mid
      if (v < r) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
  const take = (t: number, r: number) => {
    assigned[t]!.push(r)
    holders[r]!.push(t)
    if (++load[r]! === cap[r]!) saturate(r)
  }
  const saturate = (r: number) => {
    for (const l of lists) {
      const i = find(l.a, l.n, r)
      if (i >= 0) {
        l.a.copyWithin(i, i + 1, l.n)
        l.n--
      }
    }
  }
  let repairs = 0
  for (const t of order) {
    const avail = availLists.get(quals[t]!)!
    const skip: number[] = []
    for (const r of recused[t]!) {
      const i = find(avail.a, avail.n, r)
      if (i >= 0 && !skip.includes(i)) skip.push(i)
    }
    skip.sort((x, y) => x - y)
    const n = avail.n - skip.length
    /** Index in avail.a of the i-th candidate (the i-th non-recused available inspector). */
    const at = (i: number) => {
      let j = i
      for (const p of skip) {
        if (p <= j) j++
        else break
      }
      return avail.a[j]!
    }
    const entityId = c.entities[tEntity[t]!]!.id
    if (n >= k) {
      const o = sampleIndices(seed, LABELS.inspectors(entityId), n, k)
      rejections += o.rejections
      const picked = o.indices.map(at) // resolve all before any list changes
      for (const r of picked) take(t, r)
    } else {
      const all: number[] = []
      for (let i = 0; i < n; i++) all.push(at(i))
      for (const r of all) take(t, r)
      for (let need = k - n; need > 0; need--) {
        const fail = augment(t)
        if (fail) return { ok: false, error: fail }
        repairs++
      }
    }
  }

  /** One augmenting path from target t0 (docs §6.3); returns an error when none exists. */
  function augment(t0: number): DrawError | null {
    const parentOfInspector = new Int32Array(R).fill(-1)
    const parentOfTarget = new Map<number, number>()
    const seenT = new Set<number>([t0])
    const queue = [t0]
    const isRecused = (u: number, r: number) => recused[u]!.includes(r)
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi]!
      const q = quals[u]!
      for (let r = 0; r < R; r++) {
        if (!q[r] || parentOfInspector[r] !== -1 || assigned[u]!.includes(r) || isRecused(u, r)) continue
        parentOfInspector[r] = u
        if (load[r]! < cap[r]!) {
          // Flip the path: u takes r; each earlier target gives up the inspector it was reached by.
          let rr = r
          let uu = u
          if (++load[rr]! === cap[rr]!) saturate(rr)
          for (;;) {
            const prev = parentOfTarget.get(uu)
            if (prev === undefined) {
              assigned[uu]!.push(rr)
              holders[rr]!.push(uu)
              break
            }
            const a = assigned[uu]!
            a[a.indexOf(prev)] = rr
            holders[rr]!.push(uu)
            const h = holders[prev]!
            h.splice(h.indexOf(uu), 1)
            rr = prev
            uu = parentOfInspector[prev]!
          }
          return null
        }
        for (const v of holders[r]!.slice().sort((a, b) => a - b)) {
          if (seenT.has(v)) continue
          seenT.add(v)
          parentOfTarget.set(v, r)
          queue.push(v)
        }
      }
    }
    const saturated: string[] = []
    for (let r = 0; r < R; r++) if (parentOfInspector[r] !== -1) saturated.push(c.inspectors[r]!.badge)
    return {
      code: 'insufficientCapacity',
      details: {
        entity: c.entities[tEntity[t0]!]!.id,
        stratum: strata[tStratum[t0]!]!.stratum,
        blockedTargets: [...seenT].map((t) => c.entities[tEntity[t]!]!.id).slice(0, 50),
        blockedTargetCount: seenT.size,
        saturatedInspectors: saturated.slice(0, 50),
        saturatedInspectorCount: saturated.length,
      },
    }
  }

  const targets: DrawTarget[] = new Array(T)
  for (let t = 0; t < T; t++) {
    targets[t] = {
      entity: c.entities[tEntity[t]!]!.id,
      stratum: strata[tStratum[t]!]!.stratum,
      inspectors: assigned[t]!.map((r) => c.inspectors[r]!.badge),
    }
  }
  const summary: StratumSummary[] = strata.map((s, si) => ({
    stratum: s.stratum,
    population: s.population,
    excluded: s.excluded,
    eligible: s.pool.length,
    ratio: s.ratio,
    count: s.count,
    required: s.required,
    drawn: tStratum.filter((x) => x === si).length,
  }))
  return { ok: true, result: { targets, strata: summary, stats: { rejections, repairs } } }
}

/** Normalises raw inputs and runs the draw with a hex seed. Throws DrawInputError on invalid inputs. */
export function draw(inputs: DrawInputs, seedHex: string): DrawOutcome {
  const seed = fromHex(seedHex)
  if (seed.length !== 32) throw new RangeError('seed must be 32 bytes')
  return runDraw(normaliseInputs(inputs), seed)
}
