import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  actionHref,
  type NavigationTree,
  navigationTree,
  SERVICE_TARGETS,
  validPath,
} from '../../../contracts/services/index.ts'
import { createTestApp, type TestApp } from '../../testing/harness.ts'

const CJK = /[\u4e00-\u9fff]/

describe('IP protection navigation (保护导航)', () => {
  let t: TestApp
  let tree: NavigationTree

  beforeAll(async () => {
    t = await createTestApp()
    const response = await t.request({ method: 'GET', url: '/api/navigation' })
    expect(response.statusCode, response.body).toBe(200)
    tree = navigationTree.parse(response.json())
  })
  afterAll(() => t.close())

  it('is served publicly, versioned, and documented in the API description', async () => {
    expect(tree.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/)
    const openapi = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(openapi.paths['/api/navigation']).toBeDefined()
    expect(openapi.paths['/api/service-points']).toBeDefined()
  })

  it('is a tree: unique ids, every answer leads to a node, every node reachable, no cycles', () => {
    const ids = tree.nodes.map((n) => n.id)
    expect(new Set(ids).size).toBe(ids.length)
    const byId = new Map(tree.nodes.map((n) => [n.id, n]))
    expect(byId.get(tree.root)?.type).toBe('question')
    const reached = new Set<string>()
    const visit = (id: string, trail: string[]) => {
      expect(trail, `cycle through ${id}`).not.toContain(id)
      const node = byId.get(id)
      expect(node, `${trail.at(-1)} leads to missing ${id}`).toBeDefined()
      reached.add(id)
      if (node!.type === 'question') {
        const optionIds = node!.options.map((o) => o.id)
        expect(new Set(optionIds).size).toBe(optionIds.length)
        for (const option of node!.options) visit(option.next, [...trail, id])
      }
    }
    visit(tree.root, [])
    expect([...reached].sort()).toEqual([...ids].sort())
  })

  it('ends every path at a ZhiBao page or a directory service that has published points', async () => {
    const points = (await t.request({ method: 'GET', url: '/api/service-points?pageSize=200' })).json()
      .items as { services: string[] }[]
    const offered = new Set(points.flatMap((p) => p.services))
    const results = tree.nodes.filter((n) => n.type === 'result')
    expect(results.length).toBeGreaterThanOrEqual(10)
    for (const result of results) {
      expect(result.actions.length, result.id).toBeGreaterThan(0)
      for (const action of result.actions) {
        if (action.type === 'service') expect(Object.keys(SERVICE_TARGETS)).toContain(action.target)
        if (action.type === 'directory')
          expect(offered.has(action.service), `${result.id}: ${action.service}`).toBe(true)
        if (action.type === 'guide') expect(action.query.trim()).not.toBe('')
        expect(actionHref(action)).toMatch(/^\//)
      }
    }
    // The examples reach the right service.
    const resultOf = (...answers: string[]) => {
      let node = tree.nodes.find((n) => n.id === tree.root)!
      for (const answer of answers) {
        if (node.type !== 'question') throw new Error('answered past a result')
        const option = node.options.find((o) => o.id === answer)!
        node = tree.nodes.find((n) => n.id === option.next)!
      }
      return node.type === 'result' ? node.actions.map(actionHref) : []
    }
    expect(resultOf('infringed', 'trademark', 'online')).toContain('/services/takedown')
    expect(resultOf('squatted')).toContain('/services/assistance')
    expect(resultOf('fakes')).toContain('/services/report')
    expect(resultOf('evidence')).toContain('/evidence')
    expect(resultOf('infringed', 'patent', 'offline')).toContain('/services/complaint')
    expect(resultOf('mediation')).toContain('/directory?service=mediation')
    expect(resultOf('accused', 'abroad')).toContain('/services/assistance')
  })

  it('has every text in both languages', () => {
    const texts: { zh: string; en: string }[] = []
    for (const node of tree.nodes) {
      if (node.type === 'question') {
        texts.push(node.question, ...node.options.map((o) => o.label))
        if (node.hint) texts.push(node.hint)
      } else texts.push(node.title, node.summary, ...node.actions.map((a) => a.label))
    }
    for (const text of texts) {
      expect(text.zh, text.en).toMatch(CJK)
      expect(text.en.trim(), text.zh).not.toBe('')
      expect(text.en, text.zh).not.toMatch(CJK)
    }
  })

  it('restores a shared path up to its first step that does not follow', () => {
    expect(validPath(tree, ['start', 'which-right', 'trademark-where', 'takedown'])).toEqual([
      'start',
      'which-right',
      'trademark-where',
      'takedown',
    ])
    expect(validPath(tree, ['which-right', 'evidence'])).toEqual(['start', 'which-right'])
    expect(validPath(tree, ['nowhere'])).toEqual(['start'])
  })
})

describe('public pages of the services module', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('serve their title and description to a client that runs no script', async () => {
    const navigation = await t.request({ method: 'GET', url: '/navigation' })
    expect(navigation.statusCode).toBe(200)
    expect(navigation.body).toContain('<title>知识产权保护导航 · 知保</title>')
    expect(navigation.body).toMatch(/<meta name="description" content="[^"]*维权援助/)
    const directory = await t.request({
      method: 'GET',
      url: '/directory',
      headers: { 'accept-language': 'en' },
    })
    expect(directory.body).toContain('<title>IP service directory · ZhiBao</title>')
    const points = (
      await t.request({ method: 'GET', url: '/api/service-points?q=%E5%85%AC%E8%AF%81' })
    ).json()
    const page = await t.request({ method: 'GET', url: `/directory/${points.items[0].id}` })
    expect(page.body).toContain('<title>苏州市姑苏公证处 · 知识产权服务名录 · 知保</title>')
    expect((await t.request({ method: 'GET', url: '/directory/nope' })).statusCode).toBe(404)
  })
})
