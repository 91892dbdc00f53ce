// A case type is a declaration: states, transitions (who, what input, which guards) and the
// deadline effects of each step. The engine (engine.ts) runs every declaration the same way, so a
// new procedure is a new declaration, not new machinery.
import type { z } from 'zod'
import type { Permission, Role } from '../../../../contracts/access.ts'
import type { Tx } from '../../../database.ts'
import type { Actor } from '../../../kernel/access.ts'

export interface Label {
  zh: string
  en: string
}

/** Rule ids (rules.md ids, e.g. '5.6') whose clocks a step starts, meets, suspends or resumes. */
export interface DeadlineEffects {
  start?: readonly string[]
  /** Clocks started only when the case (its data after the step) meets a condition. */
  startIf?: readonly { rule: string; when: (data: Record<string, unknown>) => boolean }[]
  meet?: readonly string[]
  suspend?: readonly string[]
  resume?: readonly string[]
}

/** What a guard sees: the case as it is, the validated input and who acts. */
export interface GuardContext {
  state: string
  data: Record<string, unknown>
  districtId: string | null
  input: unknown
  actor: Actor
  /** The transaction the step runs in, for guards that look things up (e.g. recusal). */
  trx: Tx
}

export interface TransitionDeclaration {
  name: string
  label: Label
  from: readonly string[]
  to: string
  /** The permission the actor needs; `roles`, when given, narrows it further. */
  permission: Permission
  roles?: readonly Role[]
  /** Taken only by the engine itself (e.g. on a clock's expiry), never offered to a user. */
  systemOnly?: boolean
  /** Required fields, validated before anything changes. */
  input?: z.ZodType
  /** Each returns null when the step may go ahead, else why not (shown to the user). */
  guards?: readonly ((context: GuardContext) => Label | null | Promise<Label | null>)[]
  /** The domain event written to the timeline, e.g. 'complaint.accepted'. */
  event: string
  deadlines?: DeadlineEffects
  /** Fields merged into the case's data (default: none). */
  data?: (input: any, context: GuardContext) => Record<string, unknown>
}

export interface CaseTypeDeclaration {
  type: string
  label: Label
  /** Prefix of the case number: `${prefix}-${year}-${sequence}`. */
  numberPrefix: string
  states: Record<string, Label & { final?: boolean }>
  initial: string
  /** The event and deadline effects of opening a case (intake). */
  intake: { event: string; deadlines?: DeadlineEffects }
  transitions: readonly TransitionDeclaration[]
  /**
   * What happens when a rule's clock runs out, by rule id: the named transition, taken by the system
   * (e.g. takedown measures lapse, rules.md 7.10). Rules not listed escalate as overdue.
   */
  onExpiry?: Readonly<Record<string, string>>
}

const registry = new Map<string, CaseTypeDeclaration>()

/**
 * Checks a declaration's consistency (states and transitions) and registers it with the engine.
 * @example export const complaintType = defineCaseType({ type: 'complaint', … })
 */
export function defineCaseType<T extends CaseTypeDeclaration>(declaration: T): T {
  const states = new Set(Object.keys(declaration.states))
  const problems: string[] = []
  if (!states.has(declaration.initial)) problems.push(`initial state ${declaration.initial} not declared`)
  const names = new Set<string>()
  for (const t of declaration.transitions) {
    if (names.has(t.name)) problems.push(`transition ${t.name} declared twice`)
    names.add(t.name)
    for (const s of [...t.from, t.to]) if (!states.has(s)) problems.push(`${t.name}: state ${s} not declared`)
  }
  for (const [rule, name] of Object.entries(declaration.onExpiry ?? {})) {
    if (!names.has(name)) problems.push(`onExpiry ${rule}: transition ${name} not declared`)
  }
  if (problems.length) throw new Error(`case type ${declaration.type}: ${problems.join('; ')}`)
  registry.set(declaration.type, declaration)
  return declaration
}

export function caseTypeOf(type: string): CaseTypeDeclaration | undefined {
  return registry.get(type)
}

export function caseTypes(): CaseTypeDeclaration[] {
  return [...registry.values()]
}
