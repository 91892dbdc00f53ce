import { z } from 'zod'
import { SERVICE_KINDS } from './directory.ts'

/**
 * 保护导航: the "what is my problem?" decision tree as data. The tree itself is declared once, on
 * the server (server/modules/services/navigation-tree.ts), and served at GET /api/navigation; this
 * file holds its shape and the ZhiBao services a result may point to.
 */
export const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) })

/** ZhiBao's own services a result can send someone to, with the portal page of each. */
export const SERVICE_TARGETS = {
  complaint: '/services/complaint',
  report: '/services/report',
  assistance: '/services/assistance',
  takedown: '/services/takedown',
  evidence: '/evidence',
  deadlineCalculator: '/deadline-calculator',
  search: '/search',
  track: '/services/track',
} as const
export type ServiceTarget = keyof typeof SERVICE_TARGETS
export const SERVICE_TARGET_NAMES = Object.keys(SERVICE_TARGETS) as ServiceTarget[]

/**
 * What a result offers: one of ZhiBao's forms or pages; the service directory filtered by a
 * service; or a how-to guide, linked by a stable search query (guides have no fixed id).
 */
export const navigationAction = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('service'),
    target: z.enum(SERVICE_TARGET_NAMES as [ServiceTarget, ...ServiceTarget[]]),
    label: localized,
  }),
  z.object({ type: z.literal('directory'), service: z.enum(SERVICE_KINDS), label: localized }),
  z.object({ type: z.literal('guide'), query: z.string().min(1), label: localized }),
])
export type NavigationAction = z.infer<typeof navigationAction>

export const navigationOption = z.object({
  id: z.string(),
  label: localized,
  /** The node this answer leads to. */
  next: z.string(),
})

export const navigationNode = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('question'),
    id: z.string(),
    question: localized,
    hint: localized.optional(),
    options: z.array(navigationOption).min(2),
  }),
  z.object({
    type: z.literal('result'),
    id: z.string(),
    title: localized,
    summary: localized,
    actions: z.array(navigationAction).min(1),
  }),
])
export type NavigationNode = z.infer<typeof navigationNode>

export const navigationTree = z.object({
  /** Bumped whenever a question, answer or result changes, so a shared link can say which tree it used. */
  version: z.string(),
  root: z.string(),
  nodes: z.array(navigationNode),
})
export type NavigationTree = z.infer<typeof navigationTree>

/** The portal address of an action, e.g. '/services/takedown', '/directory?service=mediation'. */
export function actionHref(action: NavigationAction): string {
  if (action.type === 'service') return SERVICE_TARGETS[action.target]
  if (action.type === 'directory') return `/directory?service=${action.service}`
  return `/search?q=${encodeURIComponent(action.query)}`
}

/**
 * The longest valid prefix of a path of node ids: starts at the root and follows answers; used to
 * restore a shared link (a step that does not follow is dropped with everything after it).
 */
export function validPath(tree: NavigationTree, path: readonly string[]): string[] {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]))
  const result: string[] = [tree.root]
  for (const id of path[0] === tree.root ? path.slice(1) : path) {
    const current = byId.get(result[result.length - 1]!)
    if (current?.type !== 'question' || !current.options.some((o) => o.next === id)) break
    result.push(id)
  }
  return result
}
