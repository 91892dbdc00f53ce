import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { computeUsccCheckChar } from '../../contracts/identifiers/index.ts'
import { Providers } from '../app/providers.tsx'
import { setLanguage } from '../i18n/index.ts'
import { RegisterPage } from './RegisterPage.tsx'

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } })

function renderPage() {
  const router = createMemoryRouter(
    [
      { path: '/register', element: <RegisterPage /> },
      { path: '/register/submitted', element: <p>submitted</p> },
    ],
    { initialEntries: ['/register'] },
  )
  return render(
    <Providers>
      <RouterProvider router={router} />
    </Providers>,
  )
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('enterprise registration form', () => {
  const calls: { url: string; init?: RequestInit }[] = []
  beforeEach(async () => {
    await setLanguage('zh-CN')
    calls.length = 0
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init })
        if (url === '/api/auth/me') return json(200, { user: null, csrfToken: null })
        if (url === '/api/registrations')
          return json(
            400,
            {
              code: 'username_taken',
              title: '用户名已被占用',
              status: 400,
              errors: [{ path: 'body.username', message: '该用户名已被其他账户使用' }],
            },
            'application/problem+json',
          )
        return json(404, { code: 'route_not_found', title: 'not found', status: 404 })
      }),
    )
  })
  afterEach(() => vi.unstubAllGlobals())

  it('validates with the shared schema, sends the language, and puts server errors on fields', async () => {
    renderPage()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提交注册/ }))
    })
    await screen.findByText('请填写统一社会信用代码')
    expect(calls.some((c) => c.url === '/api/registrations')).toBe(false)

    const first17 = '91320508MA1B2C3D4'
    fill('统一社会信用代码', first17 + computeUsccCheckChar(first17))
    fill('企业名称', '苏州测试科技有限公司')
    fill('联系人姓名', '王小明')
    fill('手机号码', '13912345678')
    fill('用户名', 'taken-name')
    fill('密码', 'a-long-password')
    fill('确认密码', 'a-long-password')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提交注册/ }))
    })
    await screen.findByText('该用户名已被其他账户使用')
    await screen.findByText('用户名已被占用')
    const sent = calls.find((c) => c.url === '/api/registrations')!
    expect((sent.init!.headers as Record<string, string>)['accept-language']).toBe('zh-CN')
    expect(JSON.parse(String(sent.init?.body))).not.toHaveProperty('confirmPassword')
    await waitFor(() => expect(screen.getByLabelText('用户名').getAttribute('aria-invalid')).toBe('true'))
  }, 30_000)
})
