import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Providers } from '../../app/providers.tsx'
import { setLanguage } from '../../i18n/index.ts'
import { IntakePage } from '../../portal/cases/IntakePage.tsx'
import { CasePage } from './CasePage.tsx'
import { InboxPage } from './InboxPage.tsx'
import { SupervisionPage } from './SupervisionPage.tsx'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function renderAt(path: string, pattern: string, element: ReactNode) {
  const router = createMemoryRouter(
    [
      { path: pattern, element },
      { path: '/services/submitted', element: <p>submitted</p> },
    ],
    { initialEntries: [path] },
  )
  return render(
    <Providers>
      <RouterProvider router={router} />
    </Providers>,
  )
}

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

const clerk = {
  id: 'u1',
  username: 'clerk',
  displayName: '王受理',
  roles: ['clerk'],
  permissions: ['workbench.access', 'case.read', 'case.handle'],
  orgId: 'o1',
  orgName: '保护中心',
  districtId: null,
  entityId: null,
  entityName: null,
}

describe('case pages', () => {
  const calls: { url: string; init?: RequestInit }[] = []
  let respond: (url: string, init?: RequestInit) => Response
  beforeEach(async () => {
    await setLanguage('zh-CN')
    calls.length = 0
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init })
        return respond(url, init)
      }),
    )
  })
  afterEach(() => {
    // Each test starts from an empty document (no globals: testing-library does not clean up itself).
    cleanup()
    vi.unstubAllGlobals()
  })

  it('a complaint: the server’s field error lands on the nested field, with the summary above', async () => {
    respond = (url) => {
      if (url === '/api/auth/me') return json(200, { user: null, csrfToken: null })
      if (url === '/api/cases/complaints')
        return json(400, {
          code: 'validation_failed',
          title: '提交的数据有误',
          status: 400,
          errors: [{ path: 'body.respondent.address', message: '地址不在本市' }],
        })
      return json(404, { code: 'route_not_found', title: 'not found', status: 404 })
    }
    renderAt('/services/complaint', '/services/:kind', <IntakePage />)
    await screen.findByRole('heading', { name: '投诉' })
    fill('姓名', '李四')
    fill('联系电话', '13912345678')
    fill('地址', '苏州市姑苏区人民路1号')
    fill('名称', '苏州某某贸易有限公司')
    fill('经营地址', '上海市某路2号')
    fill('投诉请求', '停止销售')
    fill('事实和理由', '购买到假冒商品')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }))
    })
    await screen.findByText('地址不在本市')
    await screen.findByText('提交的数据有误')
    const sent = calls.find((c) => c.url === '/api/cases/complaints')!
    const body = JSON.parse(String(sent.init?.body))
    // Blank optional fields are left out rather than sent empty; no district means the center routes it.
    expect(body.respondent).toEqual({ name: '苏州某某贸易有限公司', address: '上海市某路2号' })
    expect(body.right).toEqual({ kind: 'trademark' })
    await waitFor(() => expect(screen.getByLabelText('经营地址').getAttribute('aria-invalid')).toBe('true'))
  }, 30_000)

  it('supervision notices: the handling unit answers; a refused close shows the server’s message', async () => {
    const notice = {
      id: 'n1',
      caseId: 'c1',
      caseNumber: 'TS-2026-000007',
      caseTitle: '李四 投诉 某公司',
      ruleId: '5.6',
      dueDate: '2026-10-12',
      districtId: null,
      supervisingOrgId: null,
      supervisingRole: 'leader',
      status: 'open',
      createdAt: '2026-10-13T00:00:00.000Z',
      response: null,
      respondedAt: null,
      closingNote: null,
      closedAt: null,
    }
    respond = (url, init) => {
      if (url === '/api/auth/me') return json(200, { user: clerk, csrfToken: 'csrf-1' })
      if (url.startsWith('/api/supervision-notices?')) return json(200, { items: [notice], page: 1 })
      if (url === '/api/supervision-notices/n1/response')
        return json(200, {
          ...notice,
          status: 'responded',
          response: JSON.parse(String(init?.body)).response,
        })
      if (url === '/api/supervision-notices/n1/close')
        return json(403, {
          code: 'supervision_not_supervisor',
          title: '只有督办层级可以办结督办',
          status: 403,
        })
      return json(404, { code: 'route_not_found', title: 'not found', status: 404 })
    }
    renderAt('/workbench/supervision', '/workbench/supervision', <SupervisionPage />)
    await screen.findByText('TS-2026-000007')
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: /答\s*复/ }))
    })
    fill('答复内容（已采取的措施）', '已于次日作出受理决定')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }))
    })
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/supervision-notices/n1/response')).toBe(true),
    )
    const sent = calls.find((c) => c.url === '/api/supervision-notices/n1/response')!
    expect(JSON.parse(String(sent.init?.body))).toEqual({ response: '已于次日作出受理决定' })
    expect((sent.init!.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-1')

    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: '办结督办' }))
    })
    fill('办结意见', '同意')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }))
    })
    await screen.findByText('只有督办层级可以办结督办')
  }, 30_000)

  it('the inbox links a reminder to its case and marks it read', async () => {
    let read = false
    respond = (url) => {
      if (url === '/api/auth/me') return json(200, { user: clerk, csrfToken: 'csrf-1' })
      if (url.startsWith('/api/inbox?'))
        return json(200, {
          items: [
            {
              id: 'm1',
              kind: 'reminder',
              title: { zh: '期限提醒：TS-2026-000007', en: 'Deadline reminder: TS-2026-000007' },
              body: '2026-10-12 到期',
              subject: { type: 'case', id: 'c1' },
              createdAt: '2026-10-09T01:00:00.000Z',
              readAt: read ? '2026-10-09T02:00:00.000Z' : null,
            },
          ],
          unread: read ? 0 : 1,
          page: 1,
        })
      if (url === '/api/inbox/m1/read') {
        read = true
        return json(200, { ok: true })
      }
      return json(404, { code: 'route_not_found', title: 'not found', status: 404 })
    }
    renderAt('/workbench/inbox', '/workbench/inbox', <InboxPage />)
    const link = await screen.findByRole('link', { name: '期限提醒：TS-2026-000007' })
    expect(link.getAttribute('href')).toBe('/workbench/cases/c1')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '标为已读' }))
    })
    await waitFor(() => expect(screen.queryByRole('button', { name: '标为已读' })).toBeNull())
    expect(calls.some((c) => c.url === '/api/inbox/m1/read' && c.init?.method === 'POST')).toBe(true)
  }, 30_000)

  it('an anonymous report sends no reporter; overseas assistance needs the country (the contract’s rule)', async () => {
    respond = (url) => {
      if (url === '/api/auth/me') return json(200, { user: null, csrfToken: null })
      if (url === '/api/cases/reports' || url === '/api/cases/assistance')
        return json(201, { id: 'c9', number: 'JB-2026-000001', matterNumber: 'SZ-2026-000009' })
      return json(404, { code: 'route_not_found', title: 'not found', status: 404 })
    }
    const report = renderAt('/services/report', '/services/:kind', <IntakePage />)
    await screen.findByRole('heading', { name: '举报' })
    await act(async () => {
      fireEvent.click(screen.getByText('匿名举报'))
    })
    await waitFor(() => expect(screen.queryByLabelText('姓名')).toBeNull())
    fill('名称', '苏州某某贸易有限公司')
    fill('经营地址', '苏州市吴中区某路3号')
    fill('违法线索', '该店销售假冒注册商标的商品')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }))
    })
    await screen.findByText('submitted')
    const sent = calls.find((c) => c.url === '/api/cases/reports')!
    expect(JSON.parse(String(sent.init?.body)).reporter).toBeNull()
    report.unmount()

    renderAt('/services/assistance', '/services/:kind', <IntakePage />)
    await screen.findByRole('heading', { name: '维权援助' })
    await act(async () => {
      fireEvent.click(screen.getByText('海外'))
    })
    fill('企业名称', '苏州知保示范科技有限公司')
    fill('统一社会信用代码', '91320500MA1XYZ1234')
    fill('联系人', '王小明')
    fill('联系电话', '13912345678')
    fill('纠纷情况和援助需求', '海外展会被诉侵权')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }))
    })
    await screen.findByText('海外维权援助须填写国家或地区')
    expect(calls.some((c) => c.url === '/api/cases/assistance')).toBe(false)
  }, 30_000)
  it('a case joins a duplicate’s matter, then splits off; the server’s refusal is shown in its words', async () => {
    let matter = { number: 'SZ-2026-000001', title: '李四 投诉', caseCount: 1 }
    let splitRefused = false
    respond = (url, init) => {
      if (url === '/api/auth/me') return json(200, { user: clerk, csrfToken: 'csrf-1' })
      if (url === '/api/cases/c1')
        return json(200, {
          id: 'c1',
          number: 'TS-2026-000001',
          type: 'complaint',
          state: 'received',
          stateLabel: { zh: '待受理', en: 'Received' },
          districtId: null,
          matterId: 'm1',
          title: '李四 投诉 某公司',
          data: {},
          createdAt: '2026-03-02T02:00:00.000Z',
          updatedAt: '2026-03-02T02:00:00.000Z',
          version: 1,
          events: [],
          clocks: [],
          actions: [],
        })
      if (url === '/api/cases/c1/people') return json(200, { parties: [], assignments: [], recusals: [] })
      if (url === '/api/cases/c1/documents') return json(200, { items: [] })
      if (url === '/api/cases/c1/relations')
        return json(200, {
          matter,
          duplicates: [
            {
              caseId: 'c2',
              number: 'TS-2026-000002',
              type: 'complaint',
              state: 'accepted',
              matterNumber: 'SZ-2026-000002',
              reasons: ['respondentUscc'],
            },
          ],
        })
      if (url === '/api/matters/SZ-2026-000002/cases' && init?.method === 'POST') {
        expect(JSON.parse(String(init.body))).toEqual({ caseId: 'c1' })
        matter = { number: 'SZ-2026-000002', title: '某公司', caseCount: 2 }
        return json(200, { number: 'SZ-2026-000002' })
      }
      if (url === '/api/cases/c1/split' && init?.method === 'POST') {
        if (!splitRefused) {
          splitRefused = true
          return json(409, {
            code: 'case_version_conflict',
            title: '案件已被他人修改，请刷新后重试',
            status: 409,
          })
        }
        matter = { number: 'SZ-2026-000003', title: '李四 投诉', caseCount: 1 }
        return json(200, { number: 'SZ-2026-000003' })
      }
      return json(404, { code: 'route_not_found', title: 'not found', status: 404 })
    }
    renderAt('/workbench/cases/c1', '/workbench/cases/:id', <CasePage />)
    await screen.findByText('同一被投诉人 · SZ-2026-000002')
    await act(async () => {
      fireEvent.click(await screen.findByTestId('matter-link-TS-2026-000002'))
    })
    await screen.findByText('已并入事项 SZ-2026-000002')
    await waitFor(() => expect(screen.getByTestId('case-matter').textContent).toBe('SZ-2026-000002'))
    await act(async () => {
      fireEvent.click(await screen.findByTestId('matter-split'))
    })
    await screen.findByText('案件已被他人修改，请刷新后重试')
    await act(async () => {
      fireEvent.click(screen.getByTestId('matter-split'))
    })
    await screen.findByText('已拆分为新事项 SZ-2026-000003')
    await waitFor(() => expect(screen.getByTestId('case-matter').textContent).toBe('SZ-2026-000003'))
    expect(calls.filter((c) => c.init?.method === 'POST').map((c) => c.url)).toEqual([
      '/api/matters/SZ-2026-000002/cases',
      '/api/cases/c1/split',
      '/api/cases/c1/split',
    ])
  })
})
